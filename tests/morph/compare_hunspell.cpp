// Snowball (what the core links) against Hunspell morphology (Debian libhunspell with the
// hunspell-de-de / hunspell-en-us dictionaries) on tests/morph/inflections.json: recall over
// inflected forms (a form reduces to what its lemma reduces to), wrong conflations of the
// `distinct` pairs, speed, and what each needs to ship. Prints figures; build and run with
// scripts/morph-compare.sh. Not part of the core build (the wasm build has no Hunspell).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <hunspell/hunspell.hxx>
#include <nlohmann/json.hpp>

#include "morph/stemmer.h"
#include "text/utf.h"
#include "text/views.h"

using nlohmann::json;

namespace {

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Snowball as the core applies it: the term folded like text (case, umlauts), then stemmed.
std::string snowball(const std::string& w, bool german) {
  return rg::text::toUtf8(rg::text::foldTerm(rg::text::toUtf16(w), german ? rg::text::kStemGerman : rg::text::kStemEnglish));
}

// Hunspell: the set of stems of a word (its own form when Hunspell does not know it), lower-cased.
std::set<std::string> hunspell(Hunspell& h, const std::string& w) {
  std::set<std::string> out;
  for (const std::string& s : h.stem(w)) out.insert(rg::text::toUtf8(rg::text::foldTerm(rg::text::toUtf16(s), 0)));
  if (out.empty()) out.insert(rg::text::toUtf8(rg::text::foldTerm(rg::text::toUtf16(w), 0)));
  return out;
}
bool meet(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a)
    if (b.count(x)) return true;
  return false;
}

long fileSize(const char* p) {
  std::ifstream f(p, std::ios::binary | std::ios::ate);
  return f ? long(f.tellg()) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string root = argc > 1 ? argv[1] : ".";
  json data = json::parse(read(root + "/tests/morph/inflections.json"));
  Hunspell de("/usr/share/hunspell/de_DE.aff", "/usr/share/hunspell/de_DE.dic");
  Hunspell en("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");

  struct Score { int forms = 0, snow = 0, hun = 0, pairs = 0, snowConflated = 0, hunConflated = 0; } score[2];
  std::vector<std::string> snowMissed, hunMissed, snowWrong, hunWrong;
  for (const json& l : data["lemmas"]) {
    const bool german = l["lang"] == "de";
    Score& s = score[german];
    const std::string lemma = l["lemma"];
    const std::string sl = snowball(lemma, german);
    const auto hl = hunspell(german ? de : en, lemma);
    for (const json& f : l["forms"]) {
      const std::string form = f;
      ++s.forms;
      if (snowball(form, german) == sl) ++s.snow; else snowMissed.push_back(form + "->" + snowball(form, german));
      if (meet(hunspell(german ? de : en, form), hl)) ++s.hun; else hunMissed.push_back(form);
    }
  }
  for (const json& d : data["distinct"]) {
    const bool german = d["lang"] == "de";
    Score& s = score[german];
    const std::string a = d["a"], b = d["b"];
    ++s.pairs;
    if (snowball(a, german) == snowball(b, german)) { ++s.snowConflated; snowWrong.push_back(a + "=" + b); }
    if (meet(hunspell(german ? de : en, a), hunspell(german ? de : en, b))) { ++s.hunConflated; hunWrong.push_back(a + "=" + b); }
  }

  // Speed over all forms, repeated.
  std::vector<std::pair<std::string, bool>> all;
  for (const json& l : data["lemmas"])
    for (const json& f : l["forms"]) all.emplace_back(f.get<std::string>(), l["lang"] == "de");
  auto time = [&](auto&& fn) {
    const int reps = 200;
    auto t0 = std::chrono::steady_clock::now();
    size_t sink = 0;
    for (int r = 0; r < reps; ++r)
      for (const auto& [w, g] : all) sink += fn(w, g);
    auto t1 = std::chrono::steady_clock::now();
    if (sink == 42) std::puts("");
    return std::chrono::duration<double, std::micro>(t1 - t0).count() / double(reps * all.size());
  };
  const double snowUs = time([&](const std::string& w, bool g) { return snowball(w, g).size(); });
  const double hunUs = time([&](const std::string& w, bool g) { return hunspell(g ? de : en, w).size(); });
  // The stemmers alone, on words as they come (the check path folds the text once, not per word).
  std::vector<std::u16string> all16;
  for (const auto& [w, g] : all) all16.push_back(rg::text::foldTerm(rg::text::toUtf16(w), 0));
  size_t idx = 0;
  const double snowRawUs = time([&](const std::string&, bool g) {
    const std::u16string& w = all16[idx++ % all16.size()];
    return rg::morph::stem(w, g ? rg::morph::Language::German : rg::morph::Language::English).size();
  });
  const double hunRawUs = time([&](const std::string& w, bool g) { return (g ? de : en).stem(w).size(); });

  for (int g = 1; g >= 0; --g) {
    const Score& s = score[g];
    std::printf("%s: %d forms  recall Snowball %.1f %%  Hunspell %.1f %%   wrong conflations of %d distinct pairs: Snowball %d  Hunspell %d\n",
                g ? "German " : "English", s.forms, 100.0 * s.snow / s.forms, 100.0 * s.hun / s.forms, s.pairs,
                s.snowConflated, s.hunConflated);
  }
  auto list = [](const char* what, const std::vector<std::string>& v) {
    std::printf("%s (%zu):", what, v.size());
    for (const std::string& x : v) std::printf(" %s", x.c_str());
    std::printf("\n");
  };
  list("Snowball missed", snowMissed);
  list("Hunspell missed", hunMissed);
  list("Snowball conflated", snowWrong);
  list("Hunspell conflated", hunWrong);
  std::printf("speed per word, fold + stem: Snowball %.2f us, Hunspell %.2f us; stem alone: Snowball %.2f us, Hunspell %.2f us\n",
              snowUs, hunUs, snowRawUs, hunRawUs);
  std::printf("data to ship: Snowball none (rules are code); Hunspell de_DE.aff+dic %ld bytes, en_US.aff+dic %ld bytes\n",
              fileSize("/usr/share/hunspell/de_DE.aff") + fileSize("/usr/share/hunspell/de_DE.dic"),
              fileSize("/usr/share/hunspell/en_US.aff") + fileSize("/usr/share/hunspell/en_US.dic"));
  return 0;
}
