// Holds the classifier's fast path (line sums) against the reference (fastText's predictLine on
// every line, classify_reference.h) over corpus files: text scores, findings (sentence, rounded
// probability, words named) and threshold decisions, with the bundle's classifier rules.
// Prints counts and the ids of lines that differ; asserts nothing (exit 0).
// Usage: classify_compare BUNDLE.json MODEL.ftz CORPUS.jsonl...
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "classify/classify.h"
#include "classify_reference.h"
#include "text/utf.h"

using nlohmann::json;
using namespace rg::classify;
using namespace rgref;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct RuleLabels {
  std::vector<LabelThreshold> labels;
  std::vector<std::string> names;
};

// The first enabled classifier rule's labels and thresholds for a source ("reply" / "incoming").
RuleLabels ruleFor(const json& bundle, const Model& m, const std::string& source) {
  RuleLabels r;
  for (const json& rule : bundle["rules"]) {
    if (rule.value("kind", "") != "classifier" || !rule.value("enabled", true)) continue;
    const std::string applies = rule.value("applies_to", "reply");
    if (applies != source && applies != "both") continue;
    for (auto it = rule["labels"].begin(); it != rule["labels"].end(); ++it) {
      const double th = it->is_object() ? (*it)["threshold"].get<double>() : it->get<double>();
      r.labels.push_back({m.labelIndex(it.key()), th});
      r.names.push_back(it.key());
    }
    break;
  }
  return r;
}

bool sameSpan(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: classify_compare BUNDLE.json MODEL.ftz CORPUS.jsonl...\n");
    return 2;
  }
  const json bundle = json::parse(readFile(argv[1]));
  std::string why;
  auto model = Model::load(readFile(argv[2]), why);
  if (!model) {
    std::fprintf(stderr, "%s %s\n", argv[2], why.c_str());
    return 1;
  }
  const Model& m = *model;
  Breakers b = Breakers::create();
  const RuleLabels reply = ruleFor(bundle, m, "reply"), incoming = ruleFor(bundle, m, "incoming");

  size_t lines = 0, scoreDiff = 0, decisionDiff = 0, hitsDiff = 0, probDiff = 0, wordsDiff = 0, hitsTotal = 0;
  double maxScoreDiff = 0;
  double fastMs = 0, refMs = 0;
  std::vector<std::string> examples;
  std::vector<float> fast, ref;
  for (int a = 3; a < argc; ++a) {
    std::ifstream in(argv[a]);
    std::string row;
    while (std::getline(in, row)) {
      if (row.empty()) continue;
      const json e = json::parse(row);
      const std::u16string text = rg::text::toUtf16(e["text"].get<std::string>());
      const bool inc = e.value("source", "reply") == "incoming";
      const Source src = inc ? Source::Incoming : Source::Reply;
      const RuleLabels& rl = inc ? incoming : reply;
      const std::string id = e.value("id", std::to_string(lines));
      ++lines;

      scores(m, b, text, src, fast);
      refScores(m, b, text, src, ref);
      double d = 0;
      for (size_t i = 0; i < fast.size(); ++i) d = std::max(d, double(std::fabs(fast[i] - ref[i])));
      if (d > 0) ++scoreDiff;
      maxScoreDiff = std::max(maxScoreDiff, d);
      for (const LabelThreshold& t : rl.labels)
        if ((fast[size_t(t.label)] >= float(t.threshold)) != (ref[size_t(t.label)] >= float(t.threshold))) {
          ++decisionDiff;
          examples.push_back(id + ": decision " + m.labels()[size_t(t.label)]);
        }

      std::vector<Hit> hf, hr;
      auto t0 = std::chrono::steady_clock::now();
      classify(m, b, text, src, rl.labels, hf);
      auto t1 = std::chrono::steady_clock::now();
      refClassify(m, b, text, src, rl.labels, hr);
      auto t2 = std::chrono::steady_clock::now();
      fastMs += std::chrono::duration<double, std::milli>(t1 - t0).count();
      refMs += std::chrono::duration<double, std::milli>(t2 - t1).count();
      hitsTotal += hr.size();
      bool sameHits = hf.size() == hr.size(), sameProb = true, sameWords = true;
      for (size_t i = 0; sameHits && i < hf.size(); ++i) {
        sameHits = hf[i].rule == hr[i].rule && sameSpan(hf[i].sentence, hr[i].sentence);
        sameProb = sameProb && hf[i].probability == hr[i].probability;
        bool w = hf[i].words.size() == hr[i].words.size();
        for (size_t k = 0; w && k < hf[i].words.size(); ++k) w = sameSpan(hf[i].words[k], hr[i].words[k]);
        sameWords = sameWords && w;
      }
      if (!sameHits) {
        ++hitsDiff;
        examples.push_back(id + ": findings");
      } else {
        if (!sameProb) ++probDiff, examples.push_back(id + ": confidence");
        if (!sameWords) ++wordsDiff, examples.push_back(id + ": words");
      }
    }
  }
  std::printf("%zu lines, %zu classifier findings (reference)\n", lines, hitsTotal);
  std::printf("text scores: %zu lines differ, largest difference %.3g\n", scoreDiff, maxScoreDiff);
  std::printf("threshold decisions on text scores that differ: %zu\n", decisionDiff);
  std::printf("lines whose findings differ: %zu (sentences/labels), %zu (confidence), %zu (words named)\n", hitsDiff,
              probDiff, wordsDiff);
  std::printf("classify time over all lines: fast %.0f ms, reference %.0f ms\n", fastMs, refMs);
  for (size_t i = 0; i < examples.size() && i < 40; ++i) std::printf("  %s\n", examples[i].c_str());
  return 0;
}
