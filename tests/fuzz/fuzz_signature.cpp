// libFuzzer target: arbitrary bytes as a signed bundle envelope (policies/SIGNING.md) →
// rg::cli::verifySigned with a fixed trusted key (scripts/fuzz.sh; links wasm/cli/*.cpp and
// OpenSSL, see fuzz_signature.options). The key's private half was thrown away after signing the
// seeds (tests/fuzz/make_seeds.py --signed), so the only envelopes that may ever verify are
// re-encodings of the seeds: the target aborts if an accepted envelope's header + bundle is not
// one of the signed messages, if "Ok" comes without the exact bundle bytes, or if a header is
// reported before the signature verified. Also: the verdict must not depend on JSON formatting.
#include <cstdint>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "../../wasm/cli/crypto.h"
#include "../../wasm/cli/exit_codes.h"
#include "../../wasm/cli/iso_time.h"
#include "../../wasm/cli/signed_bundle.h"
#include "fuzz_common.h"
#include "fuzz_signature_key.h"

namespace {

using namespace rg::cli;
using fuzzutil::fail;

const std::vector<TrustedKey>& keys() {
  static const std::vector<TrustedKey> k = [] {
    auto raw = base64Decode(fuzzsig::kPublicKey);
    if (!raw || raw->size() != 32 || keyIdOf(*raw) != fuzzsig::kKeyId) fail("fuzz_signature_key.h is inconsistent");
    // A second trusted key that signed nothing (key lookup must pick the one the envelope names).
    Bytes other(32, 7);
    return std::vector<TrustedKey>{{keyIdOf(other), other}, {fuzzsig::kKeyId, *raw}};
  }();
  return k;
}

bool isSignedMessage(const std::string& header, const std::string& bundle) {
  const std::string digest = sha256Hex(header + "\n" + bundle);
  for (const char* m : fuzzsig::kSignedMessages)
    if (digest == m) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  keys();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  VerifyOptions options;
  options.nowMs = *parseIsoInstant("2027-01-01T00:00:00Z");  // inside the seeds' validity
  options.minVersion = (size & 1) ? std::optional<int64_t>(3) : std::nullopt;
  VerifyResult r;
  try {
    r = verifySigned(text, keys(), options);
  } catch (const std::exception& e) {
    fail("verifySigned threw", e.what());  // the CLI would report an internal error
  } catch (const CliError& e) {
    fail("verifySigned threw CliError", e.message);
  }
  if (r.header) {
    // A header is only reported once the signature verified: header + bundle must be signed.
    const nlohmann::json env = nlohmann::json::parse(text);
    const std::string header = env["header"];
    auto decoded = base64Decode(env["bundle"].get<std::string>());
    if (!decoded) fail("header reported for an undecodable bundle");
    if (!isSignedMessage(header, std::string(decoded->begin(), decoded->end())))
      fail("signature accepted for a message that was never signed", text);
  }
  if (r.status == VerifyStatus::Ok) {
    if (!r.header) fail("Ok without header");
    if (!isSignedMessage(r.header ? nlohmann::json::parse(text)["header"].get<std::string>() : "", r.bundle))
      fail("accepted bundle bytes that were never signed", text);
    if (sha256Hex(r.bundle) != r.header->sha256) fail("Ok with a digest mismatch");
  } else {
    if (!r.bundle.empty()) fail("bundle bytes handed out for a rejected envelope");
    if (r.message.empty()) fail("rejection without a message");
  }
  (void)exitCodeOf(r.status);
  (void)statusName(r.status);

  // The verdict depends on the decoded fields only: re-serializing the envelope keeps it.
  const nlohmann::json env = nlohmann::json::parse(text, nullptr, false);
  if (!env.is_discarded()) {
    std::string again;
    try {
      again = env.dump(-1, ' ', true);
    } catch (const nlohmann::json::exception&) {
      return 0;  // invalid UTF-8 inside a string: nothing to compare
    }
    const VerifyResult r2 = verifySigned(again, keys(), options);
    if (r2.status != r.status) fail("verdict changes with JSON formatting", text);
  }
  return 0;
}
