// `replyguard eval BUNDLE CORPUS.jsonl [--min-precision P] [--min-recall R] [--show-errors]
// [--json]`: precision/recall per category over a labelled corpus. Each line:
// {"id","source":"reply"|"incoming","lang":"de"|"en","text","categories":[…]}; an example counts
// as predicted for a category when the bundle reports any finding of it for that source.
// Thresholds apply to the micro averages (rules and model combined); a metric without data (n/a)
// never fails them. When the bundle has a classifier, the figures are also printed for the rules
// alone and the model alone, per source.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "corpus.h"
#include "eval_metrics.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"
#include "policy/policy.h"
#include "rules/kind.h"

namespace rg::cli {

namespace {

std::string fmt(std::optional<double> v) {
  if (!v) return "n/a";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

nlohmann::json num(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

// Figures of one way of predicting (rules, model, combined) over all examples and per source.
enum Mode { kRules, kModel, kCombined };
const char* const kModeNames[] = {"rules", "model", "combined"};
const char* const kSources[] = {"all", "reply", "incoming"};
struct ModeTotals {
  EvalTotals by[3];  // kSources
};

nlohmann::json totalsJson(const EvalTotals& t) {
  nlohmann::json out = {{"categories", nlohmann::json::object()}};
  for (const auto& [name, c] : t.perCategory)
    out["categories"][name] = {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"precision", num(c.precision())},
                               {"recall", num(c.recall())}};
  out["micro"] = {{"tp", t.micro.tp}, {"fp", t.micro.fp}, {"fn", t.micro.fn},
                  {"precision", num(t.micro.precision())}, {"recall", num(t.micro.recall())}};
  out["macro"] = {{"precision", num(t.macroPrecision())}, {"recall", num(t.macroRecall())}};
  return out;
}

std::string pad(std::string s, size_t width, bool right = false) {
  // Width in code points so German labels stay aligned.
  size_t len = 0;
  for (unsigned char c : s) len += (c & 0xC0) != 0x80;
  std::string fill(width > len ? width - len : 0, ' ');
  return right ? fill + s : s + fill;
}

}  // namespace

int cmdEval(const Argv& argv) {
  Args args = parseArgs(argv, {{"min-precision", "min-recall"}, {"json", "show-errors"}});
  expectPositionals(args, 2, 2);
  std::optional<double> minPrecision, minRecall;
  if (auto v = args.value("min-precision")) minPrecision = parseNumber("--min-precision", *v, 0, 1);
  if (auto v = args.value("min-recall")) minRecall = parseNumber("--min-recall", *v, 0, 1);

  LoadedBundle b = readBundle(args.positional[0]);
  auto policy = requirePolicy(b);
  nlohmann::json info = policyInfo(*policy);
  EvalTotals totals;
  std::set<std::string> declared;
  if (info.contains("categories") && info["categories"].is_object())
    for (const auto& [name, _] : info["categories"].items()) {
      totals.declare(name);
      declared.insert(name);
    }

  const std::string corpusPath = args.positional[1];
  std::map<std::string, bool> isModel;  // rule id -> classifier rule
  bool hasModel = false;
  for (const Rule& r : policy->rules) hasModel |= (isModel[r.id] = r.kind && r.kind->name == "classifier");
  ModeTotals modes[3];
  for (auto& m : modes)
    for (auto& t : m.by)
      for (const auto& c : declared) t.declare(c);
  long examples = 0;
  nlohmann::json errors = nlohmann::json::array();
  std::set<std::string> undeclared;
  for (const Example& e : readCorpus(corpusPath)) {
    const long lineNo = e.line;
    const std::string where = corpusPath + ":" + std::to_string(lineNo);
    for (const auto& c : e.categories)
      if (!declared.count(c)) undeclared.insert(c);
    const std::u16string text = utf8ToUtf16(e.text, where);
    CheckRequest req;
    if (e.source == "incoming") req.incoming = text;
    else req.reply = text;
    req.lang = e.lang;
    nlohmann::json result = check(*policy, req);
    std::set<std::string> predicted, byKind[2];
    for (const auto& f : result.value("findings", nlohmann::json::array()))
      if (f.value("source", "reply") == e.source) {
        predicted.insert(f.value("category", ""));
        byKind[isModel[f.value("rule", "")] ? 1 : 0].insert(f.value("category", ""));
      }
    totals.add(e.categories, predicted);
    const int src = e.source == "reply" ? 1 : 2;
    for (int m = 0; m < 3; ++m) {
      const std::set<std::string>& p = m == kCombined ? predicted : byKind[m];
      modes[m].by[0].add(e.categories, p);
      modes[m].by[src].add(e.categories, p);
    }
    ++examples;
    std::vector<std::string> fp, fn;
    for (const auto& c : predicted)
      if (!e.categories.count(c)) fp.push_back(c);
    for (const auto& c : e.categories)
      if (!predicted.count(c)) fn.push_back(c);
    if (!fp.empty() || !fn.empty())
      errors.push_back({{"id", e.id}, {"line", lineNo}, {"false_positive", fp}, {"missed", fn}});
  }
  if (examples == 0) throw CliError{kInvalidInput, tr("eval.empty", {corpusPath})};
  for (const auto& c : undeclared) std::cerr << tr("eval.undeclared", {c});

  const auto microP = totals.micro.precision(), microR = totals.micro.recall();
  const bool precisionMissed = minPrecision && microP && *microP < *minPrecision;
  const bool recallMissed = minRecall && microR && *microR < *minRecall;

  if (args.flag("json")) {
    nlohmann::json out = {{"examples", examples}, {"categories", nlohmann::json::object()}};
    for (const auto& [name, c] : totals.perCategory)
      out["categories"][name] = {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn},
                                 {"precision", num(c.precision())}, {"recall", num(c.recall())}};
    out["micro"] = {{"tp", totals.micro.tp}, {"fp", totals.micro.fp}, {"fn", totals.micro.fn},
                    {"precision", num(microP)}, {"recall", num(microR)}};
    out["macro"] = {{"precision", num(totals.macroPrecision())}, {"recall", num(totals.macroRecall())}};
    if (hasModel) {
      out["modes"] = nlohmann::json::object();
      for (int m = 0; m < 3; ++m)
        for (int src = 0; src < 3; ++src) out["modes"][kModeNames[m]][kSources[src]] = totalsJson(modes[m].by[src]);
    }
    out["errors"] = errors;
    out["passed"] = !precisionMissed && !recallMissed;
    std::cout << jsonText(out) << "\n";
  } else {
    std::cout << pad(tr("eval.col_category"), 24) << pad("TP", 6, true) << pad("FP", 6, true)
              << pad("FN", 6, true) << pad(tr("eval.col_precision"), 11, true)
              << pad(tr("eval.col_recall"), 11, true) << "\n";
    auto row = [&](const std::string& name, const CategoryCounts* c, std::optional<double> p,
                   std::optional<double> r) {
      auto count = [&](long v) { return pad(c ? std::to_string(v) : "", 6, true); };
      std::cout << pad(name, 24) << count(c ? c->tp : 0) << count(c ? c->fp : 0)
                << count(c ? c->fn : 0) << pad(fmt(p), 11, true) << pad(fmt(r), 11, true) << "\n";
    };
    for (const auto& [name, c] : totals.perCategory) row(name, &c, c.precision(), c.recall());
    row(tr("eval.micro"), &totals.micro, microP, microR);
    row(tr("eval.macro"), nullptr, totals.macroPrecision(), totals.macroRecall());
    std::cout << tr("eval.examples", {std::to_string(examples)});
    if (hasModel) {
      // Per source: precision/recall of the rules alone, the model alone and both together.
      auto pr = [&](const CategoryCounts& c) { return pad(fmt(c.precision()) + "/" + fmt(c.recall()), 13, true); };
      for (int src = 1; src < 3; ++src) {
        std::cout << "\n" << tr(src == 1 ? "eval.source_reply" : "eval.source_incoming") << pad(tr("eval.mode_rules"), 13, true)
                  << pad(tr("eval.mode_model"), 13, true) << pad(tr("eval.mode_combined"), 13, true) << "   n\n";
        for (const auto& [name, c] : modes[kCombined].by[src].perCategory) {
          if (c.tp + c.fn == 0 && c.fp == 0) continue;
          std::cout << pad(name, 24);
          for (int m = 0; m < 3; ++m) std::cout << pr(modes[m].by[src].perCategory.at(name));
          std::cout << pad(std::to_string(c.tp + c.fn), 5, true) << "\n";
        }
        std::cout << pad(tr("eval.micro"), 24);
        for (int m = 0; m < 3; ++m) std::cout << pr(modes[m].by[src].micro);
        std::cout << "\n";
      }
    }
    if (args.flag("show-errors"))
      for (const auto& e : errors)
        std::cout << tr("eval.error_line", {e["id"].get<std::string>(), e["false_positive"].dump(),
                                            e["missed"].dump()});
    if (precisionMissed) std::cout << tr("eval.precision_missed", {fmt(microP), fmt(minPrecision)});
    if (recallMissed) std::cout << tr("eval.recall_missed", {fmt(microR), fmt(minRecall)});
  }
  return precisionMissed || recallMissed ? kFindings : kOk;
}

}  // namespace rg::cli
