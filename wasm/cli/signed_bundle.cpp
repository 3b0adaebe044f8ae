#include "signed_bundle.h"

#include <nlohmann/json.hpp>

#include "exit_codes.h"
#include "io.h"
#include "iso_time.h"
#include "messages.h"

namespace rg::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string signedMessage(const std::string& header, const std::string& bundle) {
  return header + "\n" + bundle;
}

TrustedKey keyFromJson(const nlohmann::json& j, const std::string& what) {
  if (!j.is_object() || !j.contains("key") || !j["key"].is_string())
    throw CliError{kInvalidInput, tr("keys.bad_entry", {what})};
  auto raw = base64Decode(j["key"].get<std::string>());
  if (!raw || raw->size() != 32) throw CliError{kInvalidInput, tr("keys.bad_key", {what})};
  if (!isAcceptablePublicKey(*raw)) throw CliError{kInvalidInput, tr("keys.weak_key", {what})};
  std::string id = keyIdOf(*raw);
  if (j.contains("key_id") && (!j["key_id"].is_string() || j["key_id"].get<std::string>() != id))
    throw CliError{kInvalidInput, tr("keys.id_mismatch", {what, id})};
  return {id, *raw};
}

VerifyResult fail(VerifyStatus status, std::string message) {
  VerifyResult r;
  r.status = status;
  r.message = std::move(message);
  return r;
}

bool isHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// JSON as both verifiers read it: nlohmann takes a NUL byte for the end of the input and skips a
// byte-order mark, JSON.parse does neither, so both are refused before parsing. Lone surrogate
// escapes and numbers beyond the double range nlohmann refuses itself, like verify.js.
bool strictJsonText(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return false;
  return !(text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xef &&
           static_cast<unsigned char>(text[1]) == 0xbb && static_cast<unsigned char>(text[2]) == 0xbf);
}

nlohmann::json parseStrict(std::string_view text) {
  if (!strictJsonText(text)) return nlohmann::json(nlohmann::json::value_t::discarded);
  return nlohmann::json::parse(text, nullptr, false);
}

// An integer literal from 1 to 2^53 − 1 (4.0 and 1e1 are floats to nlohmann, so refused).
bool versionOf(const nlohmann::json& v, int64_t& out) {
  if (v.is_number_unsigned()) {
    if (v.get<uint64_t>() < 1 || v.get<uint64_t>() > static_cast<uint64_t>(kMaxVersion)) return false;
  } else if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > kMaxVersion) {
    return false;
  }
  out = v.get<int64_t>();
  return true;
}

// Parses the (already signature-checked) header; nullopt names the broken field in `field`.
std::optional<SignedHeader> parseHeader(const std::string& text, std::string& field) {
  nlohmann::json h = parseStrict(text);
  field = "header";
  if (!h.is_object()) return std::nullopt;
  SignedHeader out;
  auto str = [&](const char* name, std::string& dst) {
    field = name;
    if (!h.contains(name) || !h[name].is_string()) return false;
    dst = h[name].get<std::string>();
    return true;
  };
  if (!str("bundle_id", out.bundleId) || !str("issued", out.issued) ||
      !str("expires", out.expires) || !str("sha256", out.sha256) || !str("key_id", out.keyId))
    return std::nullopt;
  field = "version";
  if (!h.contains("version") || !versionOf(h["version"], out.version)) return std::nullopt;
  auto issued = parseIsoInstant(out.issued);
  auto expires = parseIsoInstant(out.expires);
  field = "issued";
  if (!issued) return std::nullopt;
  field = "expires";
  if (!expires || *expires <= *issued) return std::nullopt;
  field = "sha256";
  if (!isHex64(out.sha256)) return std::nullopt;
  out.issuedMs = *issued;
  out.expiresMs = *expires;
  return out;
}

}  // namespace

std::string publicKeyFileJson(const Bytes& rawPublicKey) {
  ordered_json j;
  j["key_id"] = keyIdOf(rawPublicKey);
  j["key"] = base64Encode(rawPublicKey);
  j["algorithm"] = "Ed25519";
  return j.dump(2) + "\n";
}

std::vector<TrustedKey> parsePublicKeys(const std::string& text, const std::string& what) {
  nlohmann::json j = parseJson(text, what);
  // Also accepts the admin's own policy files, so what is deployed can be checked directly:
  // Chrome's managed JSON ("3rdparty"/"extensions"/ID) and Firefox's policies.json.
  auto extensionSettings = [](const nlohmann::json& byId) {
    if (byId.is_object())
      for (const auto& [id, settings] : byId.items())
        if (settings.is_object() && settings.contains("public_keys")) return settings;
    return nlohmann::json();
  };
  if (j.is_object() && j.contains("3rdparty") && j["3rdparty"].is_object())
    j = extensionSettings(j["3rdparty"].value("extensions", nlohmann::json()));
  else if (j.is_object() && j.contains("policies") && j["policies"].is_object() &&
           j["policies"].contains("3rdparty") && j["policies"]["3rdparty"].is_object())
    j = extensionSettings(j["policies"]["3rdparty"].value("Extensions", nlohmann::json()));
  if (j.is_object() && j.contains("public_keys")) j = j["public_keys"];
  std::vector<TrustedKey> keys;
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      keys.push_back(keyFromJson(j[i], what + " [" + std::to_string(i) + "]"));
  } else {
    keys.push_back(keyFromJson(j, what));
  }
  if (keys.empty()) throw CliError{kInvalidInput, tr("keys.none", {what})};
  return keys;
}

std::string signBundle(const std::string& bundleBytes, const Ed25519Signer& signer,
                       int64_t issuedMs, int64_t expiresMs) {
  nlohmann::json bundle = parseJson(bundleBytes, "bundle");
  if (!bundle.is_object() || !bundle.contains("id") || !bundle["id"].is_string() ||
      !bundle.contains("version") || !bundle["version"].is_number_integer())
    throw CliError{kInvalidInput, tr("sign.no_id_version")};
  Bytes pub = signer.publicKey();
  ordered_json header;
  header["bundle_id"] = bundle["id"];
  header["version"] = bundle["version"];
  header["issued"] = formatIsoUtc(issuedMs);
  header["expires"] = formatIsoUtc(expiresMs);
  header["sha256"] = sha256Hex(bundleBytes);
  header["key_id"] = keyIdOf(pub);
  std::string headerText = header.dump();
  ordered_json env;
  env["format"] = kSignedFormat;
  env["key_id"] = keyIdOf(pub);
  env["header"] = headerText;
  env["bundle"] = base64Encode(toBytes(bundleBytes));
  env["signature"] = base64Encode(signer.sign(signedMessage(headerText, bundleBytes)));
  return env.dump(2) + "\n";
}

VerifyResult verifySigned(const std::string& envelopeText, const std::vector<TrustedKey>& keys,
                          const VerifyOptions& options) {
  if (envelopeText.size() > kMaxEnvelopeBytes)
    return fail(VerifyStatus::Invalid, tr("verify.too_large", {"envelope", std::to_string(kMaxEnvelopeBytes)}));
  if (!strictJsonText(envelopeText)) return fail(VerifyStatus::Invalid, tr("verify.strict_json", {"the file"}));
  nlohmann::json env = nlohmann::json::parse(envelopeText, nullptr, false);
  if (!env.is_object()) return fail(VerifyStatus::Invalid, tr("verify.not_json"));
  if (!env.contains("format") || env["format"] != kSignedFormat)
    return fail(VerifyStatus::Invalid, tr("verify.bad_format", {kSignedFormat}));
  for (const char* field : {"key_id", "header", "bundle", "signature"})
    if (!env.contains(field) || !env[field].is_string())
      return fail(VerifyStatus::Invalid, tr("verify.missing_field", {field}));
  const std::string keyId = env["key_id"];
  const std::string headerText = env["header"];
  if (headerText.size() > kMaxHeaderBytes)
    return fail(VerifyStatus::Invalid, tr("verify.too_large", {"header", std::to_string(kMaxHeaderBytes)}));
  auto bundle = base64Decode(env["bundle"].get<std::string>());
  if (!bundle) return fail(VerifyStatus::Invalid, tr("verify.bad_base64", {"bundle"}));
  if (bundle->size() > kMaxSignedBundleBytes)
    return fail(VerifyStatus::Invalid, tr("verify.too_large", {"bundle", std::to_string(kMaxSignedBundleBytes)}));
  auto signature = base64Decode(env["signature"].get<std::string>());
  if (!signature || signature->size() != 64)
    return fail(VerifyStatus::Invalid, tr("verify.bad_base64", {"signature"}));

  const TrustedKey* key = nullptr;
  for (const auto& k : keys)
    if (k.keyId == keyId) key = &k;
  if (!key) return fail(VerifyStatus::UnknownKey, tr("verify.unknown_key", {keyId}));

  std::string bundleBytes(bundle->begin(), bundle->end());
  if (!ed25519Verify(key->key, signedMessage(headerText, bundleBytes), *signature))
    return fail(VerifyStatus::BadSignature, tr("verify.bad_signature", {keyId}));

  std::string field;
  auto header = parseHeader(headerText, field);
  if (!header) return fail(VerifyStatus::Invalid, tr("verify.bad_header", {field}));
  VerifyResult result;
  result.header = header;
  auto failWith = [&](VerifyStatus s, std::string m) {
    result.status = s;
    result.message = std::move(m);
    return result;
  };
  // Same key, so the signature holds, yet the signer claims another key: refuse.
  if (header->keyId != keyId) return failWith(VerifyStatus::BadSignature, tr("verify.key_id_mismatch"));
  if (header->sha256 != sha256Hex(bundleBytes))
    return failWith(VerifyStatus::BadSignature, tr("verify.digest_mismatch"));
  nlohmann::json b = parseStrict(bundleBytes);
  if (!b.is_object() || b.value("id", nlohmann::json()) != header->bundleId ||
      b.value("version", nlohmann::json()) != header->version)
    return failWith(VerifyStatus::Invalid, tr("verify.id_version_mismatch"));
  if (options.nowMs >= header->expiresMs)
    return failWith(VerifyStatus::Expired, tr("verify.expired", {header->expires}));
  if (options.nowMs + kClockSkewMs < header->issuedMs)
    return failWith(VerifyStatus::NotYetValid, tr("verify.not_yet_valid", {header->issued}));
  if (options.minVersion && header->version < *options.minVersion)
    return failWith(VerifyStatus::Rollback,
                    tr("verify.rollback", {std::to_string(header->version),
                                           std::to_string(*options.minVersion)}));
  result.status = VerifyStatus::Ok;
  result.bundle = std::move(bundleBytes);
  return result;
}

int exitCodeOf(VerifyStatus status) {
  switch (status) {
    case VerifyStatus::Ok: return kOk;
    case VerifyStatus::Invalid: return kInvalidInput;
    case VerifyStatus::BadSignature: return kBadSignature;
    case VerifyStatus::UnknownKey: return kUnknownKey;
    case VerifyStatus::Expired: return kExpired;
    case VerifyStatus::NotYetValid: return kNotYetValid;
    case VerifyStatus::Rollback: return kRollback;
  }
  return kInvalidInput;
}

const char* statusName(VerifyStatus status) {
  switch (status) {
    case VerifyStatus::Ok: return "ok";
    case VerifyStatus::Invalid: return "invalid";
    case VerifyStatus::BadSignature: return "bad_signature";
    case VerifyStatus::UnknownKey: return "unknown_key";
    case VerifyStatus::Expired: return "expired";
    case VerifyStatus::NotYetValid: return "not_yet_valid";
    case VerifyStatus::Rollback: return "rollback";
  }
  return "invalid";
}

}  // namespace rg::cli
