// libFuzzer target: arbitrary bytes as a policy bundle (scripts/fuzz.sh). rg::loadPolicy must
// never crash and either load (no errors) or reject with errors (no policy). A bundle that loads
// goes through what the extension does next: policyInfo, runExamples, a check of fixed texts
// (result contract: fuzz_check_result.h), escalate and, with a team, oncall/gaps.
// Input: the bundle's bytes, or (first byte 0xFF) structure-aware edits (fuzz_edit.h) of a
// known-good bundle: byte 1 even → tests/vectors/vectors_bundle.json, odd → the telecom example.
// Seeds: tests/fuzz/corpus/fuzz_bundle (tests/fuzz/make_seeds.py), dictionary fuzz_bundle.dict.
#include <cstdint>
#include <string>
#include <string_view>

#include "api.h"
#include "fuzz_check_result.h"
#include "fuzz_common.h"
#include "fuzz_edit.h"

namespace {

constexpr int64_t kNow = 1772827200000;  // 2026-03-06T20:00Z, a Friday evening

void checkTeam(const rg::Policy& policy, const nlohmann::json& bundle) {
  const nlohmann::json* team = bundle.contains("team") ? &bundle["team"] : nullptr;
  const nlohmann::json schedules =
      team && team->is_object() ? team->value("schedules", nlohmann::json::array()) : nlohmann::json::array();
  for (const auto& s : schedules) {
    if (!s.is_object() || !s.contains("id") || !s["id"].is_string()) continue;
    const std::string id = s["id"];
    const nlohmann::json on = rg::oncall(policy, id, kNow);
    if (on.contains("error")) fuzzutil::fail("oncall failed for a declared schedule", fuzzutil::dumpAsAbi(on));
    const nlohmann::json g = rg::gaps(policy, id, kNow, kNow + 14 * 86400000LL);
    if (g.contains("error")) fuzzutil::fail("gaps failed for a declared schedule", fuzzutil::dumpAsAbi(g));
  }
  // One escalating finding per category (with a team: to its routes; without: escalateWithoutTeam).
  if (!bundle["categories"].is_object()) return;
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& [cat, value] : bundle["categories"].items())
    findings.push_back({{"rule", "fuzz"}, {"category", cat}, {"severity", "block"}, {"begin", 0},
                        {"end", 5}, {"text", "80 EUR"}, {"source", "reply"}});
  const nlohmann::json e = rg::escalate(policy, {{"findings", findings}, {"now", kNow}, {"draft", "80 EUR refund"},
                                                  {"post_url", "https://example.com/p/1"}, {"lang", "de"}});
  if (e.contains("error")) fuzzutil::fail("escalate failed", fuzzutil::dumpAsAbi(e));
  (void)fuzzutil::dumpAsAbi(e);
}

// Replacement values for the structure-aware mode: odd patterns (empty matches, lookbehind,
// huge repeats, catastrophic backtracking), terms that fold to nothing or to something else,
// spans at and beyond the ends, boundary numbers, every enum value.
const nlohmann::json& values() {
  static const nlohmann::json v = nlohmann::json::parse(R"json([
    "", " ", "a", "\u200b", "\u00ad", "\ufe0f", "\u0301", "\ud83d\ude00", "\u00e4", "\u00df", "\ufb01", "\u0130",
    "\u0430", "st\u00fcpid", "i.d.i.o.t", "x", "idiot", "stupid question", "Marsch", "EUR",
    "(?<=a*)b", "", "^", "$", "\\b", "(a|)*", "(x+x+)+y", "a{0,1000000}", "[\\s\\S]*", "(?i)\\p{Lu}+",
    "\\d{6,}", "(?x) a # c", "\\N{LATIN SMALL LETTER A}", "[[:alpha:]&&[^a]]", "(?=x)", "\\1(a)", ".*?$",
    "word", "prefix", "suffix", "substring", "leet", "separators", "repeats",
    "terms", "substitution", "cooccurrence", "pattern", "detector", "metric", "required",
    "email", "phone", "iban", "card", "url", "handle", "length", "caps_ratio", "exclamation_run",
    "info", "warn", "block", "reply", "incoming", "both", "de", "en", "i", "x", "mastodon",
    "https://example.com", "example.com", "insult", "tone", "legal", "style",
    0, 1, -1, 2, 3, 5, 11, 12, 16, 40, 280, 1000, 65535, 2147483647, 4294967296, -2147483648,
    0.0, 0.5, 0.7, 1.0, 1.5, 1e-300, 1e300, true, false, null,
    [], {}, [0, 0], [0, 5], [5, 0], [3, 100], [0, 4096], ["a"], ["idiot", "idiot"], [""], {"en": ""}, {"de": "x"},
    {"text": "", "match": "substring"}, {"text": "a", "match": "suffix", "replacement": ["a", "b"]},
    {"pattern": ""}, {"pattern": "(", "flags": ["i"]}, {"terms": []}, {"terms": ["a"], "obfuscation": ["leet"]}
  ])json");
  return v;
}

nlohmann::json editedBundle(const uint8_t* p, size_t n) {
  static const fuzzutil::JsonEditor vectors(
      nlohmann::json::parse(fuzzutil::readRepoFile("tests/vectors/vectors_bundle.json")), values());
  static const fuzzutil::JsonEditor telecom(
      nlohmann::json::parse(fuzzutil::readRepoFile("policies/examples/telecom.json")), values());
  if (n == 0) return vectors.apply(p, 0);
  return (p[0] & 1 ? telecom : vectors).apply(p + 1, n - 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string edited;
  if (size > 0 && data[0] == 0xFF) {
    edited = fuzzutil::dumpAsAbi(editedBundle(data + 1, size - 1));
    data = reinterpret_cast<const uint8_t*>(edited.data());
    size = edited.size();
  }
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const rg::LoadResult r = rg::loadPolicy(json);
  if (!r.policy) {
    if (r.errors.empty()) fuzzutil::fail("rejected without errors");
    for (const auto& e : r.errors) {
      // loadPolicy catches exceptions; for inputs this small one escaping is a bug.
      if (e.message.rfind("bundle could not be loaded: ", 0) == 0) fuzzutil::fail("loader threw", e.message);
      if (!e.pointer.empty() && e.pointer[0] != '/') fuzzutil::fail("error pointer is not a JSON pointer", e.pointer);
      (void)fuzzutil::dumpAsAbi(nlohmann::json(e.message));
    }
    return 0;
  }
  if (!r.errors.empty()) fuzzutil::fail("loaded with errors", r.errors[0].pointer + " " + r.errors[0].message);
  const rg::Policy& policy = *r.policy;
  (void)fuzzutil::dumpAsAbi(rg::policyInfo(policy));

  const nlohmann::json ex = rg::runExamples(policy);
  if (ex.contains("error")) fuzzutil::fail("runExamples threw", fuzzutil::dumpAsAbi(ex));
  (void)fuzzutil::dumpAsAbi(ex);

  static const std::u16string reply =
      u"You are an id1ot! Order no. 1234567 for 49,99 EUR, mail me@gmail.com, IBAN DE89 3704 0044 0532 0130 00 "
      u"\U0001F600 STOP SHOUTING!!! - AB";
  static const std::u16string incoming = u"My lawyer says this is your fault \xD800 sch\u00e4dlich";
  for (const char* lang : {"en", "de"}) {
    rg::CheckRequest request{reply, incoming, "x", lang};
    const nlohmann::json result = rg::check(policy, request);
    fuzzutil::checkResult(result, reply, incoming);
    (void)fuzzutil::dumpAsAbi(result);
  }

  const nlohmann::json bundle = nlohmann::json::parse(json, nullptr, false);
  if (bundle.is_discarded()) fuzzutil::fail("loaded a bundle that is not JSON");
  checkTeam(policy, bundle);
  return 0;
}
