// Writes tests/vectors/envelopes.json: signed-envelope cases with the one verdict both verifiers
// must give (policies/SIGNING.md): `replyguard verify` (tests/cli/envelope-vectors.test.mjs) and
// the extension's verify.js (tests/node/distribution-vectors.test.mjs). Deterministic: fixed
// key seeds and Ed25519's deterministic signatures, so re-running changes nothing.
//   node tests/vectors/make-envelopes.mjs
import { createPrivateKey, createPublicKey, sign, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'envelopes.json');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function keyFromSeed(byte) {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.alloc(32, byte)]), format: 'der', type: 'pkcs8' });
  const raw = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(12);
  return { privateKey, raw, keyId: idOf(raw) };
}
const idOf = (raw) => createHash('sha256').update(raw).digest('hex').slice(0, 16);
const entry = (k) => ({ key_id: k.keyId, key: k.raw.toString('base64') });
const rawEntry = (hex) => ({ key: Buffer.from(hex, 'hex').toString('base64') });

const A = keyFromSeed(1);
const B = keyFromSeed(2);
const T0 = '2026-06-01T12:00:00Z';
const EXPIRES = '2026-07-01T12:00:00Z';
const NOW = '2026-06-02T12:00:00Z';

const bundle = ({ id = 'com.example.support', version = '7' } = {}) =>
  `{\n  "format": "replyguard-bundle/1",\n  "id": ${JSON.stringify(id)},\n  "version": ${version},\n  "name": {"en": "Example"},\n  "languages": ["en"],\n  "categories": {},\n  "rules": []\n}\n`;

/** Header text with fields in signing order; `version` is spliced in as written (4.0, 1e1, …). */
function headerText(bundleBytes, { id = 'com.example.support', version = '7', issued = T0, expires = EXPIRES, keyId = A.keyId, sha256, extra = '' } = {}) {
  const digest = sha256 ?? createHash('sha256').update(bundleBytes).digest('hex');
  return `{"bundle_id":${JSON.stringify(id)},"version":${version},"issued":${JSON.stringify(issued)},"expires":${JSON.stringify(expires)},` +
         `"sha256":"${digest}","key_id":"${keyId}"${extra}}`;
}

/** The envelope file's bytes. `envelopeKeyId` is the unsigned lookup id; `extra` adds unsigned JSON. */
function envelope({ signer = A, bundleBytes = Buffer.from(bundle()), header, envelopeKeyId, signature, extra = '' } = {}) {
  const h = header ?? headerText(bundleBytes);
  const sig = signature ?? sign(null, Buffer.concat([Buffer.from(h), Buffer.from('\n'), bundleBytes]), signer.privateKey);
  return Buffer.from(`{"format":"replyguard-signed/1","key_id":"${envelopeKeyId ?? signer.keyId}","header":${JSON.stringify(h)},` +
                     `"bundle":"${bundleBytes.toString('base64')}","signature":"${sig.toString('base64')}"${extra}}\n`);
}

function flip(buf, at) {
  const b = Buffer.from(buf);
  b[at] ^= 1;
  return b;
}
/** The envelope with one byte of its (decoded) bundle, header or signature flipped, re-encoded. */
function tamper(field, at) {
  const env = JSON.parse(envelope().toString());
  if (field === 'header') env.header = env.header.slice(0, at) + String.fromCharCode(env.header.charCodeAt(at) ^ 1) + env.header.slice(at + 1);
  else env[field] = flip(Buffer.from(env[field], 'base64'), at).toString('base64');
  return Buffer.from(JSON.stringify(env));
}

const cases = [];
const add = (name, expect, bytes, more = {}) => cases.push({ name, expect, trusted: [entry(A)], now: NOW, ...more, envelope_b64: bytes.toString('base64') });

add('a good envelope', 'ok', envelope());
add('the same envelope, lower-case t and z in the instants', 'ok',
    envelope({ header: headerText(Buffer.from(bundle()), { issued: '2026-06-01t12:00:00z' }) }));
add('a flipped bundle byte', 'bad_signature', tamper('bundle', 40));
add('a flipped header byte (the version digit)', 'bad_signature', tamper('header', headerText(Buffer.from(bundle())).indexOf('"version":7') + 10));
add('a flipped signature byte', 'bad_signature', tamper('signature', 10));
add('signed by B, claiming key A in envelope and header (swapped key ids)', 'bad_signature',
    envelope({ signer: B, envelopeKeyId: A.keyId }));
add('signed by key A, its signed header naming key B', 'bad_signature',
    envelope({ header: headerText(Buffer.from(bundle()), { keyId: B.keyId }) }));
add('signed by a key that is not trusted', 'unknown_key', envelope({ signer: B, header: headerText(Buffer.from(bundle()), { keyId: B.keyId }) }));
add('the signed sha256 is not the bundle\'s', 'bad_signature', envelope({ header: headerText(Buffer.from(bundle()), { sha256: 'ab'.repeat(32) }) }));
add('version 7 with minimum 8: rollback', 'rollback', envelope(), { min_version: 8 });
add('version 7 with minimum 7', 'ok', envelope(), { min_version: 7 });
add('now = expires: expired', 'expired', envelope(), { now: EXPIRES });
add('issued 6 minutes after now: not yet valid', 'not_yet_valid', envelope(), { now: '2026-06-01T11:54:00Z' });
add('issued 4 minutes after now: within the clock skew', 'ok', envelope(), { now: '2026-06-01T11:56:00Z' });
add('expires before issued', 'invalid', envelope({ header: headerText(Buffer.from(bundle()), { expires: '2026-05-01T00:00:00Z' }) }));
add('header bundle_id differs from the bundle id', 'invalid', envelope({ header: headerText(Buffer.from(bundle()), { id: 'com.example.other' }) }));
add('header version differs from the bundle version', 'invalid', envelope({ header: headerText(Buffer.from(bundle()), { version: '8' }) }));
add('trailing data after the envelope', 'invalid', Buffer.concat([envelope(), Buffer.from('x')]));
add('envelope + NUL + garbage', 'invalid', Buffer.concat([envelope(), Buffer.from([0]), Buffer.from('garbage')]));
add('a UTF-8 byte-order mark before the envelope', 'invalid', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), envelope()]));
add('raw invalid UTF-8 in an unsigned field', 'invalid',
    Buffer.concat([envelope({ extra: ',"note":"' }).subarray(0, -2), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
add('an unpaired surrogate escape in an unsigned field', 'invalid', envelope({ extra: ',"note":"\\ud800"' }));
add('a reversed surrogate pair in an unsigned field', 'invalid', envelope({ extra: ',"note":"\\udc00\\ud800"' }));
add('a paired surrogate escape in an unsigned field', 'ok', envelope({ extra: ',"note":"\\ud83d\\ude00"' }));
add('1e400 in an unsigned field', 'invalid', envelope({ extra: ',"note":1e400' }));
add('1e-400 in an unsigned field (underflows to 0 in both)', 'ok', envelope({ extra: ',"note":1e-400' }));
add('a huge integer literal in an unsigned field (a double in both)', 'ok', envelope({ extra: ',"note":123456789012345678901234567890' }));
add('deeply nested unsigned data', 'ok', envelope({ extra: `,"note":${'['.repeat(200)}${']'.repeat(200)}` }));
add('a duplicate unsigned "format": the last one counts', 'ok', Buffer.from(envelope().toString().replace('{"format":', '{"format":"other","format":')));
add('a duplicate "format", the last one wrong', 'invalid', Buffer.from(envelope().toString().replace(/\}\n$/, ',"format":"other"}\n')));
add('"version": 4.0 in the signed header', 'invalid',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '4' })), header: headerText(Buffer.from(bundle({ version: '4' })), { version: '4.0' }) }));
add('"version": 1e1 in the signed header', 'invalid',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '10' })), header: headerText(Buffer.from(bundle({ version: '10' })), { version: '1e1' }) }));
add('"version": 0 in the signed header', 'invalid',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '0' })), header: headerText(Buffer.from(bundle({ version: '0' })), { version: '0' }) }));
add('version 2^53 + 1 (not exact in a double)', 'invalid',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '9007199254740993' })), header: headerText(Buffer.from(bundle({ version: '9007199254740993' })), { version: '9007199254740993' }) }));
add('version 2^53 − 1, the highest allowed', 'ok',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '9007199254740991' })), header: headerText(Buffer.from(bundle({ version: '9007199254740991' })), { version: '9007199254740991' }) }));
add('version 202612011200 (a date-like version beyond 2^31)', 'ok',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '202612011200' })), header: headerText(Buffer.from(bundle({ version: '202612011200' })), { version: '202612011200' }) }));
add('bundle version 7.0, header version 7 (the same number)', 'ok',
    envelope({ bundleBytes: Buffer.from(bundle({ version: '7.0' })), header: headerText(Buffer.from(bundle({ version: '7.0' }))) }));
add('issued 0000-02-29 (year 0 is a leap year)', 'ok',
    envelope({ header: headerText(Buffer.from(bundle()), { issued: '0000-02-29T00:00:00Z' }) }));
add('issued 0001-02-29 (no such day)', 'invalid',
    envelope({ header: headerText(Buffer.from(bundle()), { issued: '0001-02-29T00:00:00Z' }) }));
add('issued 1900-02-29 (no such day)', 'invalid',
    envelope({ header: headerText(Buffer.from(bundle()), { issued: '1900-02-29T00:00:00Z' }) }));
add('issued without an offset', 'invalid', envelope({ header: headerText(Buffer.from(bundle()), { issued: '2026-06-01T12:00:00' }) }));
add('a header of 8192 bytes', 'ok', (() => {
  const base = headerText(Buffer.from(bundle()), { extra: ',"pad":""' });
  return envelope({ header: headerText(Buffer.from(bundle()), { extra: `,"pad":"${'x'.repeat(8192 - base.length)}"` }) });
})());
add('a header of 8193 bytes (over-long)', 'invalid', (() => {
  const base = headerText(Buffer.from(bundle()), { extra: ',"pad":""' });
  return envelope({ header: headerText(Buffer.from(bundle()), { extra: `,"pad":"${'x'.repeat(8193 - base.length)}"` }) });
})());
add('a signed header with NUL and garbage after the object', 'invalid', envelope({ header: headerText(Buffer.from(bundle())) + '\u0000garbage' }));
add('a signed header that is not an object', 'invalid', envelope({ header: '[1,2,3]' }));
add('the header is an object, not a string', 'invalid', Buffer.from(envelope().toString().replace(/"header":"(?:[^"\\]|\\.)*"/, '"header":{}')));
add('a signed bundle that is not JSON', 'invalid',
    envelope({ bundleBytes: Buffer.from('not json'), header: headerText(Buffer.from('not json')) }));
add('a signed bundle with a byte-order mark', 'invalid', (() => {
  const b = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bundle())]);
  return envelope({ bundleBytes: b, header: headerText(b) });
})());
add('a signed bundle with NUL and garbage after the JSON', 'invalid', (() => {
  const b = Buffer.concat([Buffer.from(bundle()), Buffer.from([0]), Buffer.from('garbage')]);
  return envelope({ bundleBytes: b, header: headerText(b) });
})());
add('a signed bundle that is not UTF-8', 'invalid', (() => {
  const b = Buffer.from(bundle().replace('Example', 'Ex\u00e4mple'), 'latin1');
  return envelope({ bundleBytes: b, header: headerText(b) });
})());
add('a signature of 63 bytes', 'invalid', envelope({ signature: Buffer.alloc(63, 1) }));
add('base64 with a line break', 'invalid', Buffer.from(envelope().toString().replace(/"bundle":"(.{20})/, '"bundle":"$1\\n')));
add('base64 without padding', 'invalid', (() => {
  const b = Buffer.from(bundle() + 'x');  // length not a multiple of 3: the encoding is padded
  const text = envelope({ bundleBytes: b, header: headerText(b) }).toString();
  return Buffer.from(text.replace(/"bundle":"([^"]*?)=+"/, '"bundle":"$1"'));
})());
add('not JSON at all', 'invalid', Buffer.from('replyguard'));
add('another format', 'invalid', Buffer.from(envelope().toString().replace('replyguard-signed/1', 'replyguard-signed/2')));

// Keys refused at import: a verdict before any envelope is read.
const identity = '01' + '00'.repeat(31);
const forgedForIdentity = envelope({ envelopeKeyId: idOf(Buffer.from(identity, 'hex')),
  header: headerText(Buffer.from(bundle()), { keyId: idOf(Buffer.from(identity, 'hex')) }),
  signature: Buffer.concat([Buffer.from(identity, 'hex'), Buffer.alloc(32)]) });  // R = identity, S = 0
const keyCase = (name, key) => add(name, 'key_refused', forgedForIdentity, { trusted: [key] });
keyCase('a 31-byte key', rawEntry('11'.repeat(31)));
keyCase('a 33-byte key', rawEntry('11'.repeat(33)));
keyCase('the identity point as key (R = identity, S = 0 would verify anything)', rawEntry(identity));
keyCase('y = p + 1, a non-canonical encoding of the identity', rawEntry('ee' + 'ff'.repeat(30) + '7f'));
keyCase('y = p − 1, the point of order 2', rawEntry('ec' + 'ff'.repeat(30) + '7f'));
keyCase('y = 0, a point of order 4', rawEntry('00'.repeat(32)));
keyCase('a point of order 8', rawEntry('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'));
keyCase('the identity with the sign bit set (x = −0)', rawEntry('01' + '00'.repeat(30) + '80'));
keyCase('not a point on the curve (y = 2)', rawEntry('02' + '00'.repeat(31)));
keyCase('a key_id that does not belong to the key', { key_id: B.keyId, key: A.raw.toString('base64') });

const doc = {
  about: 'Signed envelopes and the verdict both verifiers give (policies/SIGNING.md). envelope_b64: the file bytes. ' +
         'trusted: the key entries as in public_keys; key_refused: the keys are refused before verification. ' +
         'Written by tests/vectors/make-envelopes.mjs; driven by tests/cli/envelope-vectors.test.mjs and tests/node/distribution-vectors.test.mjs.',
  cases,
};
writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
console.log(`${cases.length} cases → ${path.relative(process.cwd(), out)}`);
