// The core's surface: used by the wasm bindings, the admin CLI and the tests.
// Everything here is pure computation on data passed in: no I/O, no clock, no browser.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle_error.h"

namespace rg {

class Policy;  // a compiled, immutable bundle (policy/policy.h)

struct LoadResult {
  std::shared_ptr<const Policy> policy;  // null when errors is non-empty
  std::vector<BundleError> errors;       // every problem found, each with its JSON pointer
  std::vector<BundleError> warnings;     // accepted but doubtful (patterns that backtrack catastrophically)
};

// Files a bundle names beside itself (a model's "file" in /models): file name -> bytes. Their
// SHA-256 is in the bundle, so a signature over the bundle covers them.
using BundleFiles = std::map<std::string, std::string_view, std::less<>>;

// Parses, validates and compiles a bundle (format: policies/README.md). Never throws; a bad
// bundle yields errors and no policy.
LoadResult loadPolicy(std::string_view bundleJson, const BundleFiles& files = {});

// The built-in default bundle (policies/default/bundle.json) and the files it names (its model),
// embedded at build time.
std::string_view defaultBundleJson();
const BundleFiles& defaultBundleFiles();
// Loads the default bundle with its files. Its patterns compile on first use: they are known to
// compile (tests load defaultBundleJson() with loadPolicy, which compiles them all), and a cold
// start then pays only for the patterns a text needs.
LoadResult loadDefaultPolicy();
// The SHA-256 (64 lower-case hex digits) of an embedded file, computed at build time, when `bytes`
// is that file's own embedded storage (immutable); empty for any other bytes, equal or not.
std::string_view embeddedFileDigest(std::string_view bytes);

struct CheckRequest {
  std::u16string_view reply;     // the draft being written
  std::u16string_view incoming;  // the post being answered (may be empty)
  std::string platform;          // "x", "facebook", ... (metrics per platform); may be empty
  std::string lang = "en";       // language of messages: "de" or "en"
};

// Result JSON as documented in policies/README.md ("Result of a check"). Offsets are UTF-16
// code units of the original reply or incoming text (see "source").
nlohmann::json check(const Policy& policy, const CheckRequest& request);

// {"id","version","name":{..},"description":{..},"languages":[..],"categories":{..},"rules":N,"team":bool}
nlohmann::json policyInfo(const Policy& policy);

// Runs every rule's flag/pass examples: {"passed":N,"failed":[{"rule","example","reason"}]}.
nlohmann::json runExamples(const Policy& policy);

// Escalation (escalation/): see policies/README.md "Team and escalation".
// request: {"findings":[finding…], "now": ms since epoch UTC, "member": writer id, "post_url", "draft", "lang"}
nlohmann::json escalate(const Policy& policy, const nlohmann::json& request);
nlohmann::json oncall(const Policy& policy, const std::string& scheduleId, int64_t atMs);
nlohmann::json gaps(const Policy& policy, const std::string& scheduleId, int64_t fromMs, int64_t toMs);

}  // namespace rg
