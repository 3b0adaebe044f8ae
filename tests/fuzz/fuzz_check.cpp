// libFuzzer target: rg::check on arbitrary reply and incoming texts against fixed bundles
// (scripts/fuzz.sh). Input layout:
//   byte 0: bit 0   0 → UTF-8 (invalid bytes become Latin-1 characters), 1 → raw UTF-16LE units
//           bit 1   bundle: 0 → tests/vectors/vectors_bundle.json, 1 → the built-in default bundle
//           bits 2-3 platform: "", "x", "mastodon", "facebook"
//           bit 4   language: 0 → en, 1 → de
//   rest:   the text; the first U+001E (record separator) splits reply | incoming.
// Checks the result contract (fuzz_check_result.h): spans inside their text, begin ≤ end, no span
// end inside a surrogate pair, "text" = the span's text, findings sorted and not nested within a
// rule, no exception escaping the checker.
#include <cstdint>
#include <memory>
#include <string>

#include "api.h"
#include "fuzz_check_result.h"
#include "fuzz_common.h"

namespace {

std::shared_ptr<const rg::Policy> loadOrDie(std::string_view json, const char* what, const rg::BundleFiles& files = {}) {
  rg::LoadResult r = rg::loadPolicy(json, files);
  if (!r.policy) {
    std::fprintf(stderr, "fuzz_check: %s does not load: %s\n", what,
                 r.errors.empty() ? "?" : (r.errors[0].pointer + " " + r.errors[0].message).c_str());
    std::abort();
  }
  return r.policy;
}

const rg::Policy& bundle(int which) {
  static const std::string vectorsJson = fuzzutil::readRepoFile("tests/vectors/vectors_bundle.json");
  static const auto vectors = loadOrDie(vectorsJson, "tests/vectors/vectors_bundle.json");
  static const auto builtin = loadOrDie(rg::defaultBundleJson(), "the default bundle", rg::defaultBundleFiles());
  return which == 0 ? *vectors : *builtin;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  bundle(0);
  bundle(1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::u16string text = (mode & 1) ? fuzzutil::decodeUtf16Raw(data + 1, size - 1)
                                         : fuzzutil::decodeUtf8Lenient(data + 1, size - 1);
  const size_t split = text.find(u'\x1e');
  const std::u16string_view all(text);
  const std::u16string_view reply = split == std::u16string::npos ? all : all.substr(0, split);
  const std::u16string_view incoming = split == std::u16string::npos ? std::u16string_view() : all.substr(split + 1);
  static const char* const platforms[] = {"", "x", "mastodon", "facebook"};

  rg::CheckRequest request;
  request.reply = reply;
  request.incoming = incoming;
  request.platform = platforms[(mode >> 2) & 3];
  request.lang = (mode & 16) ? "de" : "en";
  const nlohmann::json result = rg::check(bundle((mode >> 1) & 1), request);
  fuzzutil::checkResult(result, reply, incoming);
  // The result must serialize (the wasm bindings hand it to JS as JSON text).
  (void)fuzzutil::dumpAsAbi(result);
  return 0;
}
