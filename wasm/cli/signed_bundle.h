// Signed bundle envelopes ("replyguard-signed/1", policies/SIGNING.md): signing, trusted-key
// files, and verification with one distinct outcome per failure so scripts can react.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crypto.h"

namespace rg::cli {

inline constexpr const char* kSignedFormat = "replyguard-signed/1";
// A client clock up to this much behind the signer's is tolerated for "issued".
inline constexpr int64_t kClockSkewMs = 5 * 60 * 1000;
// Limits of the envelope specification (policies/SIGNING.md), the same in verify.js.
inline constexpr size_t kMaxEnvelopeBytes = 24u << 20;  // a 16 MiB bundle in base64 plus the rest
inline constexpr size_t kMaxSignedBundleBytes = 16u << 20;
inline constexpr size_t kMaxHeaderBytes = 8u << 10;
inline constexpr int64_t kMaxVersion = (int64_t{1} << 53) - 1;  // exact in every JSON reader

struct TrustedKey {
  std::string keyId;
  Bytes key;  // raw 32-byte Ed25519 public key
};

// The .pub file written by keygen: {"key_id","key","algorithm":"Ed25519"}.
std::string publicKeyFileJson(const Bytes& rawPublicKey);

// Reads a key file: one {"key_id","key"} object, an array of them, a managed-settings object
// with "public_keys", or a Chrome managed-policy JSON / Firefox policies.json holding one. A key_id that is not the id of its key is an error (kInvalidInput).
std::vector<TrustedKey> parsePublicKeys(const std::string& text, const std::string& what);

struct SignedHeader {
  std::string bundleId;
  int64_t version = 0;
  std::string issued, expires;  // ISO UTC as signed
  int64_t issuedMs = 0, expiresMs = 0;
  std::string sha256;  // hex of the bundle bytes
  std::string keyId;
};

// Builds the envelope text for the exact bundle bytes. The bundle must be JSON with "id" and
// "version" (the caller lints it first).
std::string signBundle(const std::string& bundleBytes, const Ed25519Signer& signer,
                       int64_t issuedMs, int64_t expiresMs);

enum class VerifyStatus { Ok, Invalid, BadSignature, UnknownKey, Expired, NotYetValid, Rollback };

struct VerifyOptions {
  int64_t nowMs = 0;
  std::optional<int64_t> minVersion;
};

struct VerifyResult {
  VerifyStatus status = VerifyStatus::Invalid;
  std::string message;                // localized reason (empty when Ok)
  std::optional<SignedHeader> header; // set once the signature verified
  std::string bundle;                 // the exact signed bundle bytes (when Ok)
};

// Order: envelope shape → key lookup → signature → header → digest → id/version → time →
// rollback. Nothing in the header is trusted before the signature has verified.
VerifyResult verifySigned(const std::string& envelopeText, const std::vector<TrustedKey>& keys,
                          const VerifyOptions& options);

int exitCodeOf(VerifyStatus status);
const char* statusName(VerifyStatus status);  // "ok", "bad_signature", ... (JSON output)

}  // namespace rg::cli
