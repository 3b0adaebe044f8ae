// Where the learned classifier's check time goes, on the default bundle's model and its reply rule
// (labels and thresholds): ICU sentences and words alone, the probabilities of every sentence and
// of the whole text (scores), and the full classification with the words named (leave-one-out),
// over reply lengths; the reference path (fastText's predictLine on every line, as before line
// sums) beside it; and the memory the model takes. Built natively and as wasm (run under node).
// Prints figures; asserts nothing.
// Usage: bench_classifier [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../reference/classify_reference.h"
#include "api.h"
#include "bench_icu.h"
#include "classify/classify.h"
#include "text/utf.h"

#include <malloc.h>

namespace {

using nlohmann::json;
using namespace rg::classify;
using Clock = std::chrono::steady_clock;

// Customer-care sentences as in bench_rules, with a risky one so hits (and their words) occur.
// A word of letters for n (digits would all read as 0).
std::string letters(size_t n) {
  std::string w;
  for (n += 1; n > 0; n /= 26) w += char('a' + n % 26);
  return w;
}

// unique: every sentence carries the variant as a new word, so no sentence of it is in the classifier's cache.
std::u16string reply(size_t length, int variant, bool unique = false) {
  static const char* const kSentences[] = {
      "Hallo Frau Meier, das tut uns leid.", "Wir schauen uns das gerne an.",
      "Schreiben Sie uns bitte eine DM mit Ihrer Kundennummer, dann melden wir uns.", "Thanks for your patience!",
      "Your parcel left our warehouse yesterday and should arrive on Monday.", "Could you restart the router once?",
      "Honestly, only an idiot would order twice.", "We will check whether a refund is possible."};
  std::string s = "Ticket " + std::to_string(100000 + variant) + ": ";
  for (size_t i = 0; s.size() < length + 8; ++i)
    s += (unique ? letters(size_t(variant) * 64 + i) + ": " : std::string()) + kSentences[i % 8] + " ";
  std::u16string u = rg::text::toUtf16(s);
  u.resize(length);
  return u;
}

// Median milliseconds of `runs` calls, each on another variant of the text (its ticket number).
double median(int runs, const std::function<void(int)>& f) {
  for (int i = 0; i < std::min(runs, 5); ++i) f(-1 - i);
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    f(i);
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

size_t heapBytes() {  // bytes allocated by malloc
#ifdef __EMSCRIPTEN__
  return size_t(mallinfo().uordblks);
#else
  return mallinfo2().uordblks;
#endif
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  if (!rg_bench_init_icu()) return 1;
#endif
  const int runs = argc > 1 ? std::max(5, std::atoi(argv[1])) : 100;
  const json bundle = json::parse(rg::defaultBundleJson());
  const std::string_view bytes = rg::defaultBundleFiles().at("default.ftz");
  const size_t heap0 = heapBytes();
  auto t0 = Clock::now();
  std::string why;
  auto model = Model::load(bytes, why);
  const double loadMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!model) {
    std::fprintf(stderr, "default.ftz %s\n", why.c_str());
    return 1;
  }
  const size_t heap1 = heapBytes();
  const Model& m = *model;
  std::vector<LabelThreshold> labels;
  for (const json& r : bundle["rules"])
    if (r["kind"] == "classifier" && r.value("applies_to", "reply") == "reply") {
      for (auto it = r["labels"].begin(); it != r["labels"].end(); ++it)
        labels.push_back({m.labelIndex(it.key()), it->is_object() ? (*it)["threshold"].get<double>() : it->get<double>()});
      break;
    }
  Breakers proto = Breakers::create();
  Breakers b = proto.clone();

  std::printf("default model: %zu bytes, %zu labels, quantized %s; load %.1f ms, allocated %.1f MB\n", bytes.size(),
              m.labels().size(), m.quantized() ? "yes" : "no", loadMs, double(heap1 - heap0) / 1e6);
  std::printf("median ms per check of a reply (another ticket number each time), reply rule's %zu labels\n",
              labels.size());
  std::printf("%-8s %10s %10s %10s %10s %10s %10s %12s %8s\n", "length", "clone", "words", "scores", "uncached",
              "new text", "typing", "reference", "hits");
  std::vector<float> s;
  std::vector<Hit> hits;
  for (size_t len : {size_t(280), size_t(2000), size_t(10000)}) {
    std::vector<std::u16string> texts;
    for (int i = -5; i < runs; ++i) texts.push_back(reply(len, i));
    auto text = [&](int i) -> const std::u16string& { return texts[size_t(i + 5)]; };
    const double clone = median(runs, [&](int) { Breakers c = proto.clone(); });
    const double words = median(runs, [&](int i) {
      std::vector<Span> spans;
      std::vector<Token> tokens;
      sentences(*b.sentences, text(i), spans);
      for (const Span& sp : spans) tokenize(*b.words, text(i), sp, tokens);
    });
    const double sc = median(runs, [&](int i) { scores(m, b, text(i), Source::Reply, s, false); });
    const double cl = median(runs, [&](int i) {
      hits.clear();
      classify(m, b, text(i), Source::Reply, labels, hits, 3, false);
    });
    const size_t n = hits.size();
    std::vector<std::u16string> fresh;
    for (int i = -5; i < runs; ++i) fresh.push_back(reply(len, 1000 * int(len) + i, true));
    const double cold = median(runs, [&](int i) {
      hits.clear();
      classify(m, b, fresh[size_t(i + 5)], Source::Reply, labels, hits);
    });
    // Typing: the text grows by one character per check, the previous draft checked just before.
    const std::u16string draft = reply(len + size_t(runs) + 16, 7);
    size_t typed = len;
    const double typing = median(runs, [&](int) {
      hits.clear();
      classify(m, b, std::u16string_view(draft).substr(0, typed++), Source::Reply, labels, hits);
    });
    const double ref = median(std::max(5, runs / 10), [&](int i) {
      hits.clear();
      rgref::refClassify(m, b, text(i), Source::Reply, labels, hits);
    });
    std::printf("%-8zu %10.4f %10.4f %10.4f %10.4f %10.4f %10.4f %12.4f %8zu\n", len, clone, words, sc, cl, cold, typing,
                ref, n);
  }
  std::printf("(clone: the ICU break iterators copied per check; words: sentences and tokens alone; scores: every\n"
              " sentence's and the whole text's probabilities (no cache); uncached: scores and the words of each hit\n"
              " without the classifier's cache; new text: the same with the cache, every sentence new to it (a new word\n"
              " before each); typing: the previous draft plus one character, re-checked with the cache;\n"
              " reference: classify as before, every line read by fastText's predictLine)\n");
  return 0;
}
