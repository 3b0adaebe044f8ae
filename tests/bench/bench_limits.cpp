// Timings of the hostile inputs the unit tests bound by counting (steps, reads, results), never by
// the clock: a 100,000-term rule load, a 1 MB reply, a catastrophically backtracking pattern and
// the detectors on 100,000-unit adversarial texts. Prints figures, asserts nothing; built natively
// and as wasm (run under node). The last line is machine-readable: "RESULT {json}".
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.h"
#include "bench_icu.h"
#include "detect/detectors.h"
#include "text/utf.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

json bundleWith(json rules) {
  for (json& r : rules) {
    r["category"] = "c";
    r["severity"] = "warn";
    r["message"] = {{"en", "Bench"}, {"de", "Bench"}};
    r["examples"] = {{"flag", {"x"}}, {"pass", {"y"}}};
  }
  return {{"format", "replyguard-bundle/1"}, {"id", "bench.limits"}, {"version", 1},
          {"name", {{"en", "Limits"}}}, {"languages", {"en", "de"}},
          {"categories", {{"c", {{"label", {{"en", "C"}}}}}}}, {"rules", rules}};
}

std::shared_ptr<const rg::Policy> load(const json& bundle) {
  rg::LoadResult r = rg::loadPolicy(bundle.dump());
  if (!r.policy)
    for (auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", e.pointer.c_str(), e.message.c_str());
  return r.policy;
}

json check(const rg::Policy& p, const std::u16string& reply) {
  rg::CheckRequest req;
  req.reply = reply;
  req.platform = "x";
  return rg::check(p, req);
}

}  // namespace

int main() {
#ifdef __EMSCRIPTEN__
  if (!rg_bench_init_icu()) return 1;
#endif
  json results = json::object();

  json terms = json::array();
  for (int i = 0; i < 100000; ++i) terms.push_back("w" + std::to_string(i));
  auto t0 = Clock::now();
  auto many = load(bundleWith({{{"id", "many"}, {"kind", "terms"}, {"terms", terms}}}));
  results["load_100000_terms_ms"] = msSince(t0);
  if (!many) return 1;

  auto hostile = load(bundleWith({{{"id", "w"}, {"kind", "terms"}, {"terms", {"idiot", "lorem"}},
                                   {"obfuscation", {"leet", "separators", "repeats"}}, {"exceptions", {"lorem ipsum"}}},
                                  {{"id", "slow"}, {"kind", "pattern"}, {"pattern", "(a+)+$"}}}));
  if (!hostile) return 1;
  std::u16string big;
  while (big.size() < (1u << 20)) big += u"Lorem ipsum dolor sit amet, i.d.i.o.t stuuupid \u00E4rger ";
  t0 = Clock::now();
  const size_t findings = check(*hostile, big)["findings"].size();
  results["check_1MB_ms"] = msSince(t0);
  results["check_1MB_findings"] = findings;

  std::u16string backtrack(40, u'a');
  backtrack += u"!b";
  t0 = Clock::now();
  check(*hostile, backtrack);
  results["backtracking_pattern_ms"] = msSince(t0);

  json detectors = json::object();
  for (std::u16string_view unit : {u"e\u0301", u"a.", u"1 ", u"@a", u"111 ", u"a@b.", u"www.", u"0-", u"(1"}) {
    std::u16string text;
    while (text.size() < 100000) text += unit;
    t0 = Clock::now();
    for (auto kind : {rg::detect::Kind::Email, rg::detect::Kind::Phone, rg::detect::Kind::Iban,
                      rg::detect::Kind::Card, rg::detect::Kind::Url, rg::detect::Kind::Handle})
      rg::detect::find(kind, text);
    detectors[rg::text::toUtf8(unit)] = msSince(t0);
  }
  results["detectors_100000_units_ms"] = detectors;

  // Figure first: the units are UTF-8, so a padded name column would not line up.
  std::printf("%10.1f ms  load of 100,000 terms\n", results["load_100000_terms_ms"].get<double>());
  std::printf("%10.1f ms  check of a 1 MB reply (%zu findings)\n", results["check_1MB_ms"].get<double>(), findings);
  std::printf("%10.1f ms  check with (a+)+$ stopped at its step limit\n",
              results["backtracking_pattern_ms"].get<double>());
  for (auto& [unit, value] : detectors.items())
    std::printf("%10.1f ms  all detectors on 100,000 units of \"%s\"\n", value.get<double>(), unit.c_str());
#ifdef __EMSCRIPTEN__
  const char* target = "wasm";
#else
  const char* target = "native";
#endif
  std::printf("RESULT %s\n", json({{"target", target}, {"limits", results}}).dump().c_str());
  return 0;
}
