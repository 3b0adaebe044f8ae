// Benchmark of the checking engine: synthetic bundles of 100, 1,000 and 10,000 terms plus
// detectors, patterns and metrics; a deterministic 2,000-character reply. Prints bundle compile
// time, per-check latency (median, p95) and memory. Built natively and as wasm (run under node);
// the last line is machine-readable: "RESULT {json}".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.h"
#include "bench_icu.h"
#include "policy/policy.h"
#include "text/utf.h"

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Rng {
  uint32_t s;
  uint32_t next() {
    s ^= s << 13;
    s ^= s >> 17;
    s ^= s << 5;
    return s;
  }
};

std::string word(Rng& r, int minLen, int maxLen) {
  static const char* const kSyll[] = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "zo", "ber", "ein", "sch",
                                      "ung", "tra", "pro", "ver", "ent", "al", "or", "ik"};
  std::string w;
  int len = minLen + int(r.next() % uint32_t(maxLen - minLen + 1));
  while (int(w.size()) < len) w += kSyll[r.next() % 20];
  return w;
}

json ruleHeader(const std::string& id, const std::string& kind, const std::string& category) {
  return {{"id", id}, {"kind", kind}, {"category", category}, {"severity", "warn"},
          {"message", {{"en", "Bench " + id}, {"de", "Bench " + id}}},
          {"examples", {{"flag", {"x"}}, {"pass", {"y"}}}}};
}

json makeBundle(size_t termCount) {
  Rng r{12345};
  json terms = json::array(), obfTerms = json::array(), pairs = json::array();
  for (size_t i = 0; i < termCount; ++i) {
    std::string w = word(r, 5, 12) + std::to_string(i % 10 == 0 ? i : 0).substr(0, 0);
    if (i % 3 == 0) terms.push_back(w);
    else if (i % 3 == 1) obfTerms.push_back(w);
    else pairs.push_back({{"terms", {w}}, {"replacement", "neutral"}});
  }
  json rules = json::array();
  json t = ruleHeader("bench.terms", "terms", "c");
  t["terms"] = terms;
  t["match"] = "prefix";
  rules.push_back(t);
  json o = ruleHeader("bench.obf", "terms", "c");
  o["terms"] = obfTerms;
  o["obfuscation"] = {"leet", "separators", "repeats"};
  o["exceptions"] = {"kalo mine"};
  rules.push_back(o);
  json s = ruleHeader("bench.subst", "substitution", "c");
  s["pairs"] = pairs.empty() ? json::array({{{"terms", {"problem"}}, {"replacement", "concern"}}}) : pairs;
  rules.push_back(s);
  for (const char* d : {"email", "phone", "iban", "card", "url", "handle"}) {
    json det = ruleHeader(std::string("bench.") + d, "detector", "c");
    det["detector"] = d;
    det["context"] = {"konto", "mail", "call", "card"};
    rules.push_back(det);
  }
  json p1 = ruleHeader("bench.order", "pattern", "c");
  p1["pattern"] = "\\b(order|bestellung)\\s*(no\\.?|nr\\.?|#)?\\s*\\d{6,}";
  p1["flags"] = {"i"};
  rules.push_back(p1);
  json p2 = ruleHeader("bench.price", "cooccurrence", "c");
  p2["trigger"] = {{"pattern", "\\d+([.,]\\d{2})?\\s?(€|EUR|euro)"}, {"flags", {"i"}}};
  p2["requires"] = {{"terms", {"incl. vat", "inkl. mwst"}}};
  rules.push_back(p2);
  json req = ruleHeader("bench.signoff", "required", "c");
  req["pattern"] = "[-–—^]\\s*\\p{Lu}{2,3}\\s*$";
  req["min_length"] = 40;
  rules.push_back(req);
  for (const char* m : {"length", "caps_ratio", "exclamation_run"}) {
    json met = ruleHeader(std::string("bench.") + m, "metric", "c");
    met["metric"] = m;
    met["max"] = std::string(m) == "caps_ratio" ? 0.7 : (std::string(m) == "length" ? 1000 : 2);
    rules.push_back(met);
  }
  return {{"format", "replyguard-bundle/1"}, {"id", "bench.bundle"}, {"version", 1},
          {"name", {{"en", "Bench"}}}, {"languages", {"en", "de"}},
          {"allow", {"marsch"}}, {"categories", {{"c", {{"label", {{"en", "C"}}}}}}}, {"rules", rules}};
}

std::u16string makeReply(const json& bundle) {
  Rng r{777};
  const json& terms = bundle["rules"][0]["terms"];
  const json& obf = bundle["rules"][1]["terms"];
  std::string s;
  static const char* const kFiller[] = {"Hallo", "thanks", "für", "Ihre", "Nachricht", "we", "will", "check",
                                        "the", "issue", "today", "und", "melden", "uns", "again", "soon,",
                                        "Grüße", "Straße", "über", "Ärger"};
  int n = 0;
  while (s.size() < 1900) {
    ++n;
    if (n % 37 == 0 && !terms.empty()) s += terms[r.next() % terms.size()].get<std::string>() + "en ";
    else if (n % 53 == 0 && !obf.empty()) s += obf[r.next() % obf.size()].get<std::string>() + " ";
    else if (n % 97 == 0) s += "mail jane.doe@example.org or call +49 30 1234567, ";
    else if (n % 131 == 0) s += "19,99 € ";
    else s += std::string(kFiller[r.next() % 20]) + " ";
  }
  std::u16string u = rg::text::toUtf16(s);
  u.resize(2000, u'x');
  return u;
}

size_t peakRssBytes() {
#ifdef __EMSCRIPTEN__
  return size_t(__builtin_wasm_memory_size(0)) * 65536u;  // linear memory = high-water mark
#else
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return size_t(ru.ru_maxrss) * 1024u;
#endif
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  if (!rg_bench_init_icu()) return 1;
#endif
  int runs = 2000;
  if (argc > 1) runs = std::max(10, std::atoi(argv[1]));
  json results = json::array();
  std::printf("%-7s %10s %10s %10s %10s %9s %12s %10s\n", "terms", "bundle_kB", "compile_ms", "median_ms", "p95_ms",
              "findings", "policy_kB", "peak_MB");
  for (size_t count : {size_t(100), size_t(1000), size_t(10000)}) {
    json bundle = makeBundle(count);
    std::string text = bundle.dump();
    std::vector<double> compile;
    std::shared_ptr<const rg::Policy> policy;
    for (int i = 0; i < 5; ++i) {
      auto t0 = Clock::now();
      rg::LoadResult r = rg::loadPolicy(text);
      compile.push_back(ms(Clock::now() - t0));
      if (!r.policy) {
        for (auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", e.pointer.c_str(), e.message.c_str());
        return 1;
      }
      policy = r.policy;
    }
    std::sort(compile.begin(), compile.end());
    std::u16string reply = makeReply(bundle);
    rg::CheckRequest req;
    req.reply = reply;
    req.platform = "x";
    size_t findings = rg::check(*policy, req)["findings"].size();
    for (int i = 0; i < 50; ++i) rg::check(*policy, req);  // warm-up
    std::vector<double> lat;
    lat.reserve(size_t(runs));
    for (int i = 0; i < runs; ++i) {
      auto t0 = Clock::now();
      json r = rg::check(*policy, req);
      lat.push_back(ms(Clock::now() - t0));
    }
    std::sort(lat.begin(), lat.end());
    const double median = lat[lat.size() / 2], p95 = lat[lat.size() * 95 / 100];
    const size_t policyBytes = policy->memoryBytes();
    std::printf("%-7zu %10.1f %10.2f %10.4f %10.4f %9zu %12.1f %10.1f\n", count, text.size() / 1024.0, compile[2],
                median, p95, findings, policyBytes / 1024.0, peakRssBytes() / 1048576.0);
    results.push_back({{"terms", count}, {"bundle_bytes", text.size()}, {"compile_ms", compile[2]},
                       {"check_median_ms", median}, {"check_p95_ms", p95}, {"findings", findings},
                       {"policy_bytes", policyBytes}, {"peak_bytes", peakRssBytes()}, {"runs", runs},
                       {"reply_units", reply.size()}});
  }
#ifdef __EMSCRIPTEN__
  const char* target = "wasm";
#else
  const char* target = "native";
#endif
  std::printf("RESULT %s\n", json({{"target", target}, {"results", results}}).dump().c_str());
  return 0;
}
