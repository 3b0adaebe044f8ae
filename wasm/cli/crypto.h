// The CLI's cryptography: OpenSSL 3 (EVP) for SHA-256, base64 and Ed25519. The wasm core never
// uses this; the extension verifies with WebCrypto (extension/src/distribution/verify.js).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rg::cli {

using Bytes = std::vector<uint8_t>;

Bytes toBytes(std::string_view s);
std::string sha256Hex(std::string_view data);
Bytes sha256(std::string_view data);
std::string toHex(const Bytes& bytes);

std::string base64Encode(const Bytes& data);
// Strict standard base64 (RFC 4648, padded, no whitespace); nullopt on anything else.
std::optional<Bytes> base64Decode(std::string_view text);

// Key id: hex of the first 8 bytes of SHA-256 over the raw 32-byte public key.
std::string keyIdOf(const Bytes& rawPublicKey);

struct Ed25519KeyPair {
  std::string privatePem;  // PKCS#8 PEM
  Bytes publicKey;         // raw 32 bytes
};
Ed25519KeyPair generateEd25519();

// Loads a PEM private key; throws CliError(kInvalidInput) unless it is an Ed25519 private key.
struct Ed25519Signer {
  explicit Ed25519Signer(const std::string& pem);
  ~Ed25519Signer();
  Ed25519Signer(const Ed25519Signer&) = delete;
  Ed25519Signer& operator=(const Ed25519Signer&) = delete;
  Bytes publicKey() const;
  Bytes sign(std::string_view message) const;

 private:
  void* pkey_;  // EVP_PKEY*, kept opaque so callers need no OpenSSL headers
};

// A trusted key must be a canonical encoding (y < p, no negative x = 0) of a curve point outside
// the small-order subgroup: with a small-order key one constant signature (R = identity, S = 0)
// verifies every message. Same rule as the extension (ed25519-fallback.js).
bool isAcceptablePublicKey(const Bytes& rawPublicKey);

bool ed25519Verify(const Bytes& rawPublicKey, std::string_view message, const Bytes& signature);

}  // namespace rg::cli
