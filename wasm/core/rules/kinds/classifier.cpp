// kind "classifier": a fastText model of the bundle's /models (policy/models.h) classifies each
// sentence (classify/); every label at or above its threshold is a finding of that label's category
// spanning the sentence, naming the words that weighed most.
#include "check/context.h"
#include "classify/classify.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

struct Label {
  std::string category;  // a declared category and a label of the model
  int label = -1;        // index into the model's labels
  double threshold = 0.5;
  Severity severity = Severity::Warn;
};

struct ClassifierSettings : Settings {
  std::shared_ptr<const classify::Model> model;
  std::vector<Label> labels;
  std::vector<classify::LabelThreshold> thresholds;  // as classify() takes them, same order
  size_t memoryBytes() const override { return sizeof(*this) + labels.capacity() * sizeof(Label); }
};

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<ClassifierSettings>();
  // The rule's own severity is its labels' default (the loader validates it).
  Severity dflt = Severity::Warn;
  if (auto sv = rule.find("severity"); sv != rule.end() && sv->is_string()) {
    const std::string v = sv->get<std::string>();
    dflt = v == "info" ? Severity::Info : v == "block" ? Severity::Block : Severity::Warn;
  }
  std::string modelId;
  if (const json* m = c.v.field(rule, "model", ptr, true); m && c.v.string(*m, Validator::at(ptr, "model"), modelId)) {
    auto it = c.policy.models.find(modelId);
    if (it == c.policy.models.end())
      c.v.err(Validator::at(ptr, "model"), "model " + Validator::quoted(modelId) + " is not declared in /models (or could not be loaded)");
    else
      s->model = it->second;
  }
  const json* lv = c.v.field(rule, "labels", ptr, true);
  if (!lv) return s;
  const std::string lp = Validator::at(ptr, "labels");
  if (!lv->is_object() || lv->empty()) {
    c.v.err(lp, "must be an object of categories with their thresholds");
    return s;
  }
  const json& categories = c.policy.categories;
  for (auto it = lv->begin(); it != lv->end(); ++it) {
    const std::string cp = Validator::at(lp, it.key());
    Label l;
    l.category = it.key();
    l.severity = dflt;
    if (!categories.is_object() || !categories.contains(l.category))
      c.v.err(cp, "category " + Validator::quoted(l.category) + " is not declared in /categories");
    else if (s->model && (l.label = s->model->labelIndex(l.category)) < 0)
      c.v.err(cp, "model " + Validator::quoted(modelId) + " has no label " + Validator::quoted(l.category));
    const json* th = &it.value();
    std::string tp = cp;
    if (it.value().is_object()) {
      for (auto k = it.value().begin(); k != it.value().end(); ++k)
        if (k.key() != "threshold" && k.key() != "severity") c.v.err(Validator::at(cp, k.key()), "unknown key " + Validator::quoted(k.key()));
      if (const json* sv = c.v.field(it.value(), "severity", cp, false)) {
        int k = c.v.oneOf(*sv, Validator::at(cp, "severity"), {"info", "warn", "block"});
        if (k >= 0) l.severity = Severity(k);
      }
      th = c.v.field(it.value(), "threshold", cp, true);
      tp = Validator::at(cp, "threshold");
      if (!th) continue;
    }
    if (!th->is_number() || !(th->get<double>() > 0 && th->get<double>() <= 1)) {
      c.v.err(tp, "must be a probability above 0 and at most 1");
      continue;
    }
    l.threshold = th->get<double>();
    s->labels.push_back(std::move(l));
  }
  for (const Label& l : s->labels) s->thresholds.push_back({l.label, l.threshold});
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const ClassifierSettings&>(settings);
  if (!s.model || s.labels.empty()) return;
  // (a spare pair of break iterators if one is left from an earlier check: cloning costs)
  eval::Borrowed<classify::Breakers> breaks(&c.policy.classifierBreakSpares, [&] {
    return std::make_unique<classify::Breakers>(c.policy.classifierBreaks.clone());
  });
  if (!breaks->ok()) return breaks.discard();
  std::vector<classify::Hit> hits;
  classify::classify(*s.model, *breaks, c.text, c.source == kIncoming ? classify::Source::Incoming : classify::Source::Reply,
                     s.thresholds, hits);
  for (const classify::Hit& h : hits) {
    const Label& l = s.labels[h.rule];
    eval::Detail d{&l.category, l.severity, {}};
    for (const classify::Span& w : h.words) d.words.push_back({w.begin, w.end});
    c.emitClassified({h.sentence.begin, h.sentence.end}, h.probability, std::move(d));
  }
}

}  // namespace

const Kind& kind_classifier() {
  static const Kind k{"classifier", {"model", "labels"}, compile, check};
  return k;
}

}  // namespace rg::rules
