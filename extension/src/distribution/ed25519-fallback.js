// Ed25519 signature verification (RFC 8032 §5.1.7) in plain JS BigInt, used only where WebCrypto
// has no Ed25519 (Chrome before 137). Verification only: no secrets, so constant time is not
// needed. Cofactorless check by re-encoding, like OpenSSL, so both verifiers agree.
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

const mod = (a) => ((a % P) + P) % P;
function pow(base, exp) {
  let result = 1n;
  base = mod(base);
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % P;
    base = (base * base) % P;
    exp >>= 1n;
  }
  return result;
}
const inv = (a) => pow(a, P - 2n);
const D = mod(-121665n * inv(121666n));
const SQRT_M1 = pow(2n, (P - 1n) / 4n);

// Extended homogeneous coordinates (X, Y, Z, T) with x = X/Z, y = Y/Z, xy = T/Z.
const BASE = (() => {
  const x = 15112221349535400772501151409588531511454012693041857206046113283949847762202n;
  const y = 46316835694926478169428394003475163141307993866256225615783033603165251855960n;
  return [x, y, 1n, mod(x * y)];
})();
const ZERO = [0n, 1n, 1n, 0n];

function add([X1, Y1, Z1, T1], [X2, Y2, Z2, T2]) {
  const A = mod((Y1 - X1) * (Y2 - X2));
  const B = mod((Y1 + X1) * (Y2 + X2));
  const C = mod(T1 * 2n * D * T2);
  const Dd = mod(Z1 * 2n * Z2);
  const E = B - A, F = Dd - C, G = Dd + C, H = B + A;
  return [mod(E * F), mod(G * H), mod(F * G), mod(E * H)];
}

function multiply(point, scalar) {
  let result = ZERO;
  let addend = point;
  while (scalar > 0n) {
    if (scalar & 1n) result = add(result, addend);
    addend = add(addend, addend);
    scalar >>= 1n;
  }
  return result;
}

function littleEndian(bytes) {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

function decodePoint(bytes) {
  const top = bytes[31] >> 7;
  const copy = Uint8Array.from(bytes);
  copy[31] &= 0x7f;
  const y = littleEndian(copy);
  if (y >= P) return null;
  const y2 = mod(y * y);
  const x2 = mod((y2 - 1n) * inv(D * y2 + 1n));
  if (x2 === 0n) {
    if (top) return null;
    return [0n, y, 1n, 0n];
  }
  let x = pow(x2, (P + 3n) / 8n);
  if (mod(x * x - x2) !== 0n) x = mod(x * SQRT_M1);
  if (mod(x * x - x2) !== 0n) return null;
  if (Number(x & 1n) !== top) x = P - x;
  return [x, y, 1n, mod(x * y)];
}

function encodePoint([X, Y, Z]) {
  const zi = inv(Z);
  const x = mod(X * zi), y = mod(Y * zi);
  const out = new Uint8Array(32);
  let v = y;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  out[31] |= Number(x & 1n) << 7;
  return out;
}

/**
 * A trusted key must be a canonical encoding (y < p, no "negative" x = 0) of a curve point outside
 * the small-order subgroup: with a small-order key (the identity, y = p + 1, …) one constant
 * signature (R = identity, S = 0) verifies every message.
 */
export function isAcceptablePublicKey(rawKey) {
  if (!(rawKey instanceof Uint8Array) || rawKey.length !== 32) return false;
  const A = decodePoint(rawKey);
  if (!A) return false;
  const [X, Y, Z] = multiply(A, 8n);  // clears the cofactor: the identity exactly for small order
  return !(mod(X) === 0n && mod(Y - Z) === 0n);
}

/** Verifies an Ed25519 signature; `options.subtle` (or globalThis.crypto.subtle) supplies SHA-512. */
export async function ed25519VerifyFallback(rawKey, signature, message, options) {
  if (rawKey.length !== 32 || signature.length !== 64) return false;
  const A = decodePoint(rawKey);
  if (!A) return false;
  const Rbytes = signature.subarray(0, 32);
  const S = littleEndian(signature.subarray(32));
  if (S >= L) return false;
  const subtle = options?.subtle ?? globalThis.crypto.subtle;
  const input = new Uint8Array(64 + message.length);
  input.set(Rbytes, 0);
  input.set(rawKey, 32);
  input.set(message, 64);
  const h = littleEndian(new Uint8Array(await subtle.digest('SHA-512', input))) % L;
  const [X, Y, Z, T] = multiply(A, h);
  const check = add(multiply(BASE, S), [mod(-X), Y, Z, mod(-T)]);  // [S]B − [h]A must equal R
  const encoded = encodePoint(check);
  return encoded.every((b, i) => b === Rbytes[i]);
}
