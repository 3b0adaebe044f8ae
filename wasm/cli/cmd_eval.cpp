// `replyguard eval BUNDLE CORPUS.jsonl [--min-precision P] [--min-recall R] [--show-errors]
// [--json]`: precision/recall per category over a labelled corpus. Each line:
// {"id","source":"reply"|"incoming","lang":"de"|"en","text","categories":[…]}; an example counts
// as predicted for a category when the bundle reports any finding of it for that source.
// Thresholds apply to the micro averages; a metric without data (n/a) never fails them.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "eval_metrics.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"

namespace rg::cli {

namespace {

struct Example {
  std::string id;
  std::string source;
  std::string lang;
  std::string text;
  std::set<std::string> categories;
};

Example parseExample(const std::string& line, const std::string& where) {
  nlohmann::json j = parseJson(line, where);
  auto bad = [&](const char* field) {
    return CliError{kInvalidInput, tr("eval.bad_line", {where, field})};
  };
  if (!j.is_object()) throw bad("{}");
  Example e;
  if (!j.contains("id") || !(j["id"].is_string() || j["id"].is_number_integer())) throw bad("id");
  e.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
  e.source = j.value("source", "reply");
  if (!j.contains("source") || !j["source"].is_string() ||
      (e.source != "reply" && e.source != "incoming"))
    throw bad("source");
  if (j.contains("lang") && (!j["lang"].is_string() || (j["lang"] != "de" && j["lang"] != "en")))
    throw bad("lang");
  e.lang = j.value("lang", languageCode());
  if (!j.contains("text") || !j["text"].is_string()) throw bad("text");
  e.text = j["text"];
  if (!j.contains("categories") || !j["categories"].is_array()) throw bad("categories");
  for (const auto& c : j["categories"]) {
    if (!c.is_string()) throw bad("categories");
    e.categories.insert(c.get<std::string>());
  }
  return e;
}

std::string fmt(std::optional<double> v) {
  if (!v) return "n/a";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", *v);
  return buf;
}

nlohmann::json num(std::optional<double> v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

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
  std::istringstream corpus(readFile(corpusPath));
  std::string line;
  long lineNo = 0, examples = 0;
  nlohmann::json errors = nlohmann::json::array();
  std::set<std::string> undeclared;
  while (std::getline(corpus, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::string where = corpusPath + ":" + std::to_string(lineNo);
    Example e = parseExample(line, where);
    for (const auto& c : e.categories)
      if (!declared.count(c)) undeclared.insert(c);
    const std::u16string text = utf8ToUtf16(e.text, where);
    CheckRequest req;
    if (e.source == "incoming") req.incoming = text;
    else req.reply = text;
    req.lang = e.lang;
    nlohmann::json result = check(*policy, req);
    std::set<std::string> predicted;
    for (const auto& f : result.value("findings", nlohmann::json::array()))
      if (f.value("source", "reply") == e.source) predicted.insert(f.value("category", ""));
    totals.add(e.categories, predicted);
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
