// `replyguard train CORPUS.jsonl --out MODEL [--valid FILE] [--report FILE] [--size-limit BYTES]
// [--threshold P] [--json [--scores]] [--pretrain EPOCHS] [hyper-parameters]`: trains the classifier's fastText model on
// a labelled corpus (tests/corpus/README.md): supervised, one-vs-all, char n-grams, single thread and a fixed
// seed (reproducible). --valid autotunes against that file; the model is quantized (.ftz) to fit
// --size-limit. --valid/--report print precision/recall per category on that file, computed with
// the core's own check-time scoring, plus the threshold that maximizes each category's F1.
// --scores adds every example's per-label text scores to the JSON report (for choosing thresholds
// together with the rules, scripts/classifier/thresholds.mjs).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <fasttext/autotune.h>
#include <fasttext/fasttext.h>

#include "args.h"
#include "classify/classify.h"
#include "commands.h"
#include "corpus.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"

namespace rg::cli {
namespace {

using classify::Source;

std::string fmt3(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

// Writes the corpus in fastText's format: labels, then the check-time feature line. Clean texts
// get the label "clean" (fastText skips lines without a label).
size_t writeFastText(const std::vector<Example>& corpus, const std::string& path, classify::Breakers& b) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw CliError{kInvalidInput, tr("io.cannot_write", {path, "open failed"})};
  for (const Example& e : corpus) {
    std::string labels;
    for (const auto& c : e.categories) labels += "__label__" + c + " ";
    if (e.categories.empty()) labels = "__label__clean ";
    out << labels
        << classify::textFeatureLine(b, utf8ToUtf16(e.text, e.id), e.source == "incoming" ? Source::Incoming : Source::Reply);
  }
  return corpus.size();
}

struct Counts {
  long tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double f1() const { return tp ? 2.0 * double(tp) / double(2 * tp + fp + fn) : 0; }
};

// Scores every example of `path` with the written model (the core's loader and scoring).
nlohmann::json report(const std::string& modelPath, const std::vector<Example>& corpus, double threshold,
                      classify::Breakers& b, bool text, bool perExample) {
  std::string why;
  const std::string bytes = readFile(modelPath);
  auto model = classify::Model::load(bytes, why);
  if (!model) throw CliError{kInvalidInput, modelPath + ": the model " + why};
  struct Scored {
    const std::set<std::string>* categories;
    std::string source;
    std::vector<float> scores;
  };
  std::vector<Scored> scored;
  for (const Example& e : corpus) {
    std::vector<float> s;
    classify::scores(*model, b, utf8ToUtf16(e.text, e.id), e.source == "incoming" ? Source::Incoming : Source::Reply, s);
    scored.push_back({&e.categories, e.source, std::move(s)});
  }
  nlohmann::json out = {{"examples", corpus.size()}, {"threshold", threshold}, {"categories", nlohmann::json::object()}};
  if (perExample) {
    // The text score the classifier rule compares with its threshold, per label except "clean".
    nlohmann::json lines = nlohmann::json::array();
    for (size_t i = 0; i < corpus.size(); ++i) {
      nlohmann::json s = nlohmann::json::object();
      for (size_t l = 0; l < model->labels().size(); ++l)
        if (model->labels()[l] != "clean") s[model->labels()[l]] = scored[i].scores[l];
      lines.push_back({{"id", corpus[i].id}, {"line", corpus[i].line}, {"scores", std::move(s)}});
    }
    out["lines"] = std::move(lines);
  }
  // Micro counts per source over every category at `threshold` ("at_threshold"), and with each
  // category at its best-F1 threshold on this same file ("at_best", optimistic: tuned on it).
  std::map<std::string, std::pair<Counts, Counts>> perSource;
  if (text)
    std::cout << "category                  n    TP    FP    FN  precision  recall     F1   best threshold (P/R/F1)\n";
  for (size_t l = 0; l < model->labels().size(); ++l) {
    const std::string& name = model->labels()[l];
    if (name == "clean") continue;
    auto countAt = [&](double th, const std::string* source = nullptr) {
      Counts c;
      for (const Scored& x : scored) {
        if (source && x.source != *source) continue;
        const bool y = x.categories->count(name) > 0, p = x.scores[l] >= th;
        (y ? (p ? c.tp : c.fn) : (p ? c.fp : c.tn))++;
      }
      return c;
    };
    const Counts c = countAt(threshold);
    double bestTh = threshold;
    Counts best = c;
    nlohmann::json sweep = nlohmann::json::array();  // counts at 0.05, 0.10, ... 0.95
    for (int k = 5; k <= 95; ++k) {
      Counts x = countAt(k / 100.0);
      if (k % 5 == 0) sweep.push_back({{"threshold", k / 100.0}, {"tp", x.tp}, {"fp", x.fp}, {"fn", x.fn}, {"tn", x.tn}});
      if (x.f1() > best.f1()) best = x, bestTh = k / 100.0;
    }
    for (const std::string src : {"reply", "incoming"}) {
      auto add = [](Counts& to, const Counts& c) { to.tp += c.tp, to.fp += c.fp, to.fn += c.fn, to.tn += c.tn; };
      add(perSource[src].first, countAt(threshold, &src));
      add(perSource[src].second, countAt(bestTh, &src));
    }
    if (c.tp + c.fn == 0 && c.fp == 0) continue;
    out["categories"][name] = {{"n", c.tp + c.fn}, {"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"tn", c.tn},
                               {"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()},
                               {"best_threshold", bestTh}, {"best_f1", best.f1()}, {"sweep", std::move(sweep)}};
    if (text) {
      char line[256];
      std::snprintf(line, sizeof line, "%-22s %5ld %5ld %5ld %5ld %10s %7s %6s   %.2f (%s/%s/%s)\n", name.c_str(), c.tp + c.fn,
                    c.tp, c.fp, c.fn, fmt3(c.precision()).c_str(), fmt3(c.recall()).c_str(), fmt3(c.f1()).c_str(), bestTh,
                    fmt3(best.precision()).c_str(), fmt3(best.recall()).c_str(), fmt3(best.f1()).c_str());
      std::cout << line;
    }
  }
  auto micro = [](const Counts& c) {
    return nlohmann::json{{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"precision", c.precision()}, {"recall", c.recall()}};
  };
  out["sources"] = nlohmann::json::object();
  for (const auto& [src, c] : perSource) {
    if (c.first.tp + c.first.fn + c.first.fp + c.first.tn == 0) continue;  // no line of that source
    out["sources"][src] = {{"at_threshold", micro(c.first)}, {"at_best", micro(c.second)}};
    if (text)
      std::cout << src << " (micro, all categories): precision " << fmt3(c.first.precision()) << ", recall "
                << fmt3(c.first.recall()) << " at " << threshold << "; " << fmt3(c.second.precision()) << " / "
                << fmt3(c.second.recall()) << " at each category's best threshold\n";
  }
  return out;
}

}  // namespace

int cmdTrain(const Argv& argv) {
  Args args = parseArgs(argv, {{"out", "valid", "report", "size-limit", "threshold", "epoch", "lr", "dim", "word-ngrams",
                                "minn", "maxn", "bucket", "seed", "min-count", "autotune-seconds", "cutoff", "dsub", "pretrain"},
                               {"json", "no-quantize", "scores"}});
  expectPositionals(args, 1, 1);
  const std::string out = args.required("out");
  const long long sizeLimit = args.value("size-limit") ? parseInteger("--size-limit", *args.value("size-limit"), 4096, 1LL << 40) : 1000000;
  const double threshold = args.value("threshold") ? parseNumber("--threshold", *args.value("threshold"), 0, 1) : 0.5;
  auto intOpt = [&](const char* name, long long dflt, long long lo, long long hi) {
    auto v = args.value(name);
    return v ? int(parseInteger(std::string("--") + name, *v, lo, hi)) : int(dflt);
  };

  classify::Breakers breaks = classify::Breakers::create();
  if (!breaks.ok()) throw CliError{kInvalidInput, "ICU break iteration data is missing"};
  const std::vector<Example> corpus = readCorpus(args.positional[0]);
  std::vector<Example> valid, reportSet;
  if (auto v = args.value("valid")) valid = readCorpus(*v);
  if (auto r = args.value("report")) reportSet = readCorpus(*r);

  const std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                    ("replyguard-train-" + std::to_string(::getpid()));
  std::filesystem::create_directories(tmp);
  struct Cleanup {
    std::filesystem::path p;
    ~Cleanup() { std::error_code ec; std::filesystem::remove_all(p, ec); }
  } cleanup{tmp};
  const std::string trainFile = (tmp / "train.txt").string(), validFile = (tmp / "valid.txt").string();
  const std::string binFile = (tmp / "model").string();
  writeFastText(corpus, trainFile, breaks);

  fasttext::Args a;
  a.input = trainFile;
  a.output = binFile;
  a.model = fasttext::model_name::sup;
  a.loss = fasttext::loss_name::ova;
  a.thread = 1;  // fastText is deterministic only single-threaded
  a.verbose = 0;
  a.seed = intOpt("seed", 1, 0, 1 << 30);
  a.epoch = intOpt("epoch", 25, 1, 1000);
  a.dim = intOpt("dim", 16, 2, 300);
  a.wordNgrams = intOpt("word-ngrams", 2, 1, 5);
  a.minn = intOpt("minn", 2, 0, 10);
  a.maxn = intOpt("maxn", 5, 0, 10);
  a.bucket = intOpt("bucket", 100000, 0, 10000000);
  a.minCount = intOpt("min-count", 1, 1, 1000);
  a.lr = args.value("lr") ? parseNumber("--lr", *args.value("lr"), 0, 1) * 1.0 : 0.5;
  a.qout = false;
  a.dsub = size_t(intOpt("dsub", 2, 1, 64));

  // Progress goes to stderr under --json so stdout stays one JSON document.
  std::ostream& info = args.flag("json") ? std::cerr : std::cout;
  auto ft = std::make_shared<fasttext::FastText>();
  try {
    // --pretrain N: word vectors first learnt without labels (skipgram, N epochs, same dim and char
    // n-grams) from the same feature lines, as the supervised model's starting word rows.
    if (const int pretrain = intOpt("pretrain", 0, 0, 100); pretrain > 0) {
      fasttext::Args u = a;
      u.model = fasttext::model_name::sg;
      u.loss = fasttext::loss_name::ns;
      u.epoch = pretrain;
      u.lr = 0.05;
      u.wordNgrams = 1;
      u.output = binFile + "-pretrain";
      fasttext::FastText pre;
      pre.train(u);
      pre.saveVectors(u.output + ".vec");
      a.pretrainedVectors = u.output + ".vec";
    }
    if (!valid.empty()) {
      writeFastText(valid, validFile, breaks);
      a.autotuneValidationFile = validFile;
      a.autotuneDuration = intOpt("autotune-seconds", 300, 10, 86400);
      a.autotuneMetric = "f1";
      fasttext::Autotune(ft).train(a);
      const fasttext::Args t = ft->getArgs();
      info << "autotune: epoch " << t.epoch << ", lr " << t.lr << ", dim " << t.dim << ", wordNgrams " << t.wordNgrams
                << ", minn " << t.minn << ", maxn " << t.maxn << ", bucket " << t.bucket << "\n";
    } else {
      ft->train(a);
    }
    ft->saveModel(binFile + ".bin");
    // Quantize, pruning to fewer rows (cutoff) until the file fits the size limit. The first
    // cutoff is estimated from the size of a quantized row (one byte per sub-vector plus the
    // norm); product quantization is the slow part, so guesses that cannot fit are skipped.
    bool fits = false;
    if (args.flag("no-quantize")) {
      std::filesystem::copy_file(binFile + ".bin", out, std::filesystem::copy_options::overwrite_existing);
      info << "model: " << out << ", " << std::filesystem::file_size(out) << " bytes (not quantized)\n";
      fits = true;
    }
    const fasttext::Args trained = ft->getArgs();
    const size_t rows = size_t(ft->getDictionary()->nwords()) + size_t(trained.bucket);
    const double rowBytes = double((trained.dim + int(a.dsub) - 1) / int(a.dsub)) + 1.0;
    const double budget = double(sizeLimit) * 0.92 - double(trained.dim) * 256 * 4 - 16384;
    size_t cutoff = budget <= 0 ? 1000 : std::min(rows, size_t(budget / (rowBytes + 2.0)));
    if (auto c = args.value("cutoff")) cutoff = size_t(parseInteger("--cutoff", *c, 0, 100000000));
    // fastText's product quantizer needs at least 256 rows: below that the limit cannot be met.
    cutoff = std::max<size_t>(cutoff, 256);
    for (int attempt = 0; !fits && attempt < 6 && cutoff >= 256; ++attempt, cutoff = cutoff * 3 / 4) {
      fasttext::FastText q;
      q.loadModel(binFile + ".bin");
      fasttext::Args qa = q.getArgs();
      qa.input = trainFile;
      qa.output = binFile;
      qa.cutoff = cutoff >= rows ? 0 : cutoff;
      qa.dsub = a.dsub;
      qa.qnorm = true;
      qa.qout = false;
      qa.retrain = qa.cutoff > 0;
      qa.thread = 1;
      qa.verbose = 0;
      q.quantize(qa);
      q.saveModel(out);
      const auto size = std::filesystem::file_size(out);
      if ((long long)size <= sizeLimit) {
        info << "model: " << out << ", " << size << " bytes (quantized" << (qa.cutoff ? ", cutoff " + std::to_string(qa.cutoff) : "")
                  << "; limit " << sizeLimit << ")\n";
        fits = true;
      }
    }
    if (!fits) throw CliError{kInvalidInput, "the quantized model does not fit --size-limit " + std::to_string(sizeLimit) +
                                                 "; use a smaller --dim or --bucket"};
  } catch (const CliError&) {
    throw;
  } catch (const std::exception& e) {
    throw CliError{kInvalidInput, std::string("training failed: ") + e.what()};
  }

  nlohmann::json result = {{"model", out}, {"examples", corpus.size()}};
  const bool text = !args.flag("json");
  const bool perExample = args.flag("scores") && !text;
  if (!valid.empty()) {
    if (text) std::cout << "on " << *args.value("valid") << " (tuned on):\n";
    result["valid"] = report(out, valid, threshold, breaks, text, perExample);
  }
  if (!reportSet.empty()) {
    if (text) std::cout << "on " << *args.value("report") << ":\n";
    result["report"] = report(out, reportSet, threshold, breaks, text, perExample);
  }
  if (!text) std::cout << result.dump(2) << "\n";
  return kOk;
}

}  // namespace rg::cli
