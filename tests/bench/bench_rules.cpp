// Where the default bundle's check time goes: the whole bundle (rules alone, and rules with its
// classifier) over reply lengths from 280 characters to 1 MiB, and each rule alone on a
// 2,000-character reply (the customer-care sentences of tests/bench/bench-speed.mjs, with a street
// address and an e-mail address). Built
// natively and as wasm (run under node). Prints figures; asserts nothing.
// Usage: bench_rules [runs]           figures
//        bench_rules --loop N LENGTH  N checks of one reply with the whole bundle (for perf record;
//                                     RG_BENCH_MODEL=1: with its classifier; RG_BENCH_NEW=1: a new
//                                     text, a new word before each sentence, every check)
//        bench_rules --load N         N loads of the default bundle with its model (for perf record)
// RG_BENCH_LENGTH: the reply length of the per-rule table (default 2000).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.h"
#include "bench_icu.h"
#include "policy/policy.h"
#include "text/utf.h"

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// variant >= 0: a new word of letters before every sentence (a text the classifier's cache has not seen).
std::u16string reply(size_t length, long variant = -1) {
  static const char* const kSentences[] = {
      "Hallo Frau Meier, das tut uns leid.", "Wir schauen uns das gerne an.",
      "Schreiben Sie uns bitte eine DM mit Ihrer Kundennummer, dann melden wir uns.", "Thanks for your patience!",
      "Your parcel left our warehouse yesterday and should arrive on Monday.", "Could you restart the router once?",
      "Honestly, only an idiot would order twice.", "We will check whether a refund is possible.",
      "Die Lieferung an die Hauptstraße 12 in 10115 Berlin ist für den 3.4. geplant.",
      "Please send the photos to service@example.com by Friday."};
  std::string s;
  for (size_t i = 0; s.size() < length + 8; ++i) {
    if (variant >= 0)
      for (size_t n = size_t(variant) * 64 + i + 1; n > 0; n /= 26) s += char('a' + n % 26);
    s += std::string(variant >= 0 ? ": " : "") + kSentences[i % 10] + " ";
  }
  std::u16string u = rg::text::toUtf16(s);
  u.resize(length);
  return u;
}

std::shared_ptr<const rg::Policy> load(const json& bundle, bool withFiles) {
  rg::LoadResult r = rg::loadPolicy(bundle.dump(), withFiles ? rg::defaultBundleFiles() : rg::BundleFiles{});
  if (!r.policy) {
    for (auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", e.pointer.c_str(), e.message.c_str());
    std::exit(1);
  }
  return r.policy;
}

// Median milliseconds of `runs` checks (after a warm-up) and the findings of the last.
std::pair<double, size_t> timeChecks(const rg::Policy& p, const std::u16string& text, int runs) {
  rg::CheckRequest req;
  req.reply = text;
  size_t findings = 0;
  for (int i = 0; i < std::min(runs, 5); ++i) findings = rg::check(p, req)["findings"].size();
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    rg::check(p, req);
    t.push_back(ms(Clock::now() - t0));
  }
  std::sort(t.begin(), t.end());
  return {t[t.size() / 2], findings};
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  if (!rg_bench_init_icu()) return 1;
#endif
  const json full = json::parse(rg::defaultBundleJson());
  json rulesOnly = full;
  rulesOnly.erase("models");
  json& rules = rulesOnly["rules"];
  rules.erase(std::remove_if(rules.begin(), rules.end(), [](const json& r) { return r["kind"] == "classifier"; }),
              rules.end());

  if (argc > 2 && std::strcmp(argv[1], "--load") == 0) {  // N loads of the default bundle with its model
    size_t rules = 0;
    for (long i = 0, n = std::atol(argv[2]); i < n; ++i) rules += load(full, true)->rules.size();
    std::printf("%zu rules\n", rules);
    return 0;
  }
  if (argc > 3 && std::strcmp(argv[1], "--loop") == 0) {
    const bool model = std::getenv("RG_BENCH_MODEL") != nullptr;
    auto p = model ? load(full, true) : load(rulesOnly, false);
    const bool fresh = std::getenv("RG_BENCH_NEW") != nullptr;  // a new text each check
    std::u16string text = reply(size_t(std::atol(argv[3])));
    rg::CheckRequest req;  // (its reply is a view: `text` holds the characters)
    req.reply = text;
    size_t f = 0;
    auto t0 = Clock::now();
    for (long i = 0, n = std::atol(argv[2]); i < n; ++i) {
      if (fresh) req.reply = text = reply(size_t(std::atol(argv[3])), i);
      f += rg::check(*p, req)["findings"].size();
    }
    std::printf("%zu findings, %.4f ms per check\n", f, ms(Clock::now() - t0) / double(std::max(1L, std::atol(argv[2]))));
    return 0;
  }
  const int runs = argc > 1 ? std::max(5, std::atoi(argv[1])) : 200;

  auto t0 = Clock::now();
  auto withModel = load(full, true);
  const double loadModelMs = ms(Clock::now() - t0);
  t0 = Clock::now();
  auto rulesPolicy = load(rulesOnly, false);
  const double loadRulesMs = ms(Clock::now() - t0);
  std::printf("default bundle load: rules only %.1f ms, rules and model %.1f ms\n", loadRulesMs, loadModelMs);
  std::printf("%-9s %14s %10s %16s %10s\n", "length", "rules_ms", "findings", "rules+model_ms", "findings");
  for (size_t len : {size_t(280), size_t(2000), size_t(10000), size_t(100000), size_t(1) << 20}) {
    const int n = len >= 100000 ? std::max(3, runs / 50) : runs;
    std::u16string text = reply(len);
    auto [a, fa] = timeChecks(*rulesPolicy, text, n);
    auto [b, fb] = timeChecks(*withModel, text, len > 100000 ? 3 : n);
    std::printf("%-9zu %14.4f %10zu %16.4f %10zu\n", len, a, fa, b, fb);
  }

  // Each rule alone (its bundle keeps the allow list, contact points and concepts); a metric
  // rule alone costs about what any check costs before its rules run.
  const size_t perRuleLength = std::getenv("RG_BENCH_LENGTH") ? size_t(std::atol(std::getenv("RG_BENCH_LENGTH"))) : 2000;
  std::u16string text = reply(perRuleLength);
  std::vector<std::tuple<double, std::string, std::string>> rows;
  for (const json& r : full["rules"]) {
    json b = r["kind"] == "classifier" ? full : rulesOnly;
    b["rules"] = json::array({r});
    auto p = load(b, r["kind"] == "classifier");
    rows.emplace_back(timeChecks(*p, text, runs).first, r["id"].get<std::string>(), r["kind"].get<std::string>());
  }
  std::sort(rows.begin(), rows.end(), [](auto& x, auto& y) { return std::get<0>(x) > std::get<0>(y); });
  std::printf("\neach rule alone, %zu-char reply, median ms (includes the check's fixed cost)\n", perRuleLength);
  for (auto& [t, id, kind] : rows) std::printf("%-28s %-13s %8.4f\n", id.c_str(), kind.c_str(), t);
  return 0;
}
