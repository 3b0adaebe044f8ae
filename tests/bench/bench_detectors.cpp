// Benchmark: the personal-data detectors' share of one check of a 2,000-character reply against
// the default bundle (target: under 10 %). Prints figures, asserts nothing. Run the Release build:
//   bash scripts/build-native.sh native-release && build/native-release/bench_detectors [runs]
// The detectors' time is that of detect::find for every detector the default bundle's rules name,
// run on the same text outside the check; the check's is rg::check with the whole default bundle.
// The first, cold pass of the detectors is printed apart.
// Also built for wasm: node --no-experimental-fetch build/wasm/bench_detectors.cjs
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../source_dir.h"
#include "api.h"
#include "bench_icu.h"
#include "detect/detectors.h"
#include "text/utf.h"

namespace {

using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// A customer-care reply of German and English sentences with the numbers replies carry: order
// numbers, prices, dates, a phone number, an address, an IBAN; repeated to 2,000 UTF-16 units.
std::u16string makeReply() {
  static const char* const kSentences[] = {
      "Hallo Frau Berger, vielen Dank für Ihre Nachricht vom 12.03.2026. ",
      "Ihre Bestellung 4051237788 ist unterwegs und kommt voraussichtlich am Freitag an. ",
      "We have checked order #112233445 and the refund of 19,99 € is on its way. ",
      "Rufen Sie uns gern unter 0800 330 1000 an, Mo-Fr 8-20 Uhr. ",
      "Our colleague tried to reach you on 0171 2345678 this morning. ",
      "Die Lieferung an die Lindenstraße 12, 50667 Köln hat leider nicht geklappt. ",
      "Please check that the IBAN DE89 3704 0044 0532 0130 00 is still correct. ",
      "Version 12.3.4 of the app fixes the login issue on Android 14. ",
      "Mit freundlichen Grüßen, Ihr Service-Team (Ticket 2026-000123). ",
      "You can also write to kundenservice@example.de at any time. ",
  };
  std::string s;
  for (size_t i = 0; s.size() < 2100; ++i) s += kSentences[i % std::size(kSentences)];
  std::u16string u = rg::text::toUtf16(s);
  u.resize(2000);
  return u;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  if (!rg_bench_init_icu()) return 1;
#endif
  const int runs = argc > 1 ? std::max(10, std::atoi(argv[1])) : 500;
  std::ifstream f(std::string(RG_SOURCE_DIR) + "/policies/default/bundle.json", std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  auto load0 = Clock::now();
  rg::LoadResult loaded = rg::loadPolicy(ss.str(), rg::defaultBundleFiles());
  const double loadMs = ms(Clock::now() - load0);  // includes libphonenumber's set-up (phone rule)
  if (!loaded.policy) {
    for (auto& e : loaded.errors) std::fprintf(stderr, "%s: %s\n", e.pointer.c_str(), e.message.c_str());
    return 1;
  }
  std::vector<rg::detect::Kind> kinds;
  const nlohmann::json bundle = nlohmann::json::parse(ss.str());
  for (const auto& rule : bundle["rules"])
    if (rule["kind"] == "detector")
      if (auto k = rg::detect::kindFromName(rule["detector"].get<std::string>())) kinds.push_back(*k);

  const std::u16string reply = makeReply();
  rg::CheckRequest req;
  req.reply = reply;
  req.lang = "de";
  // The first pass has no phone answers kept yet (phone_numbers.cpp keeps the last 512; the timed
  // runs below re-check the same text, as typing does).
  auto cold = Clock::now();
  for (auto k : kinds) rg::detect::find(k, reply);
  const double first = ms(Clock::now() - cold);
  const size_t findings = rg::check(*loaded.policy, req)["findings"].size();
  for (int i = 0; i < 20; ++i) rg::check(*loaded.policy, req);  // warm-up

  std::vector<double> check, detect;
  size_t hits = 0;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    nlohmann::json r = rg::check(*loaded.policy, req);
    check.push_back(ms(Clock::now() - t0));
    t0 = Clock::now();
    size_t n = 0;
    for (auto k : kinds) n += rg::detect::find(k, reply).size();
    detect.push_back(ms(Clock::now() - t0));
    hits = n;
  }
  const double c = median(check), d = median(detect);
  std::printf("default bundle, %zu-unit reply, %d runs: check median %.4f ms (%zu findings); %zu detectors median %.4f ms "
              "(%zu hits): detectors' share %.1f %% (target < 10 %%)\n",
              reply.size(), runs, c, findings, kinds.size(), d, hits, 100.0 * d / c);
  std::printf("default bundle load %.1f ms (libphonenumber set up there); first detectors pass (no kept phone answers) %.4f ms\n",
              loadMs, first);
  return 0;
}
