// kind "metric": a measure of the whole text (length, share of capitals, run of exclamation marks)
// above its maximum, per platform where given.
#include <algorithm>
#include <map>

#include "check/context.h"
#include "detect/metrics.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

enum class Metric : uint8_t { Length, CapsRatio, ExclamationRun };

struct MetricSettings : Settings {
  Metric metric = Metric::Length;
  double max = 0;
  std::map<std::string, double> platforms;
  uint32_t minLetters = 12;
  double limitFor(const std::string& platform) const {
    auto it = platforms.find(platform);
    return it == platforms.end() ? max : it->second;
  }
  size_t memoryBytes() const override { return sizeof(*this) + platforms.size() * 64; }
};

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<MetricSettings>();
  int m = -1;
  if (const json* mv = c.v.field(rule, "metric", ptr, true))
    m = c.v.oneOf(*mv, Validator::at(ptr, "metric"), {"length", "caps_ratio", "exclamation_run"});
  if (m >= 0) s->metric = Metric(m);
  const double hi = m == 1 ? 1.0 : 1e9;
  const double lo = m == 1 ? 0.0 : 1.0;
  if (const json* mx = c.v.field(rule, "max", ptr, true)) c.v.number(*mx, Validator::at(ptr, "max"), lo, hi, s->max);
  const std::string pp = Validator::at(ptr, "platforms");
  if (const json* pl = c.v.field(rule, "platforms", ptr, false); pl && c.v.object(*pl, pp)) {
    for (auto it = pl->begin(); it != pl->end(); ++it) {
      double x;
      if (c.v.number(it.value(), Validator::at(pp, it.key()), lo, hi, x)) s->platforms[it.key()] = x;
    }
  }
  if (const json* ml = c.v.field(rule, "min_letters", ptr, false)) {
    int64_t x;
    if (m != 1) c.v.err(Validator::at(ptr, "min_letters"), "only applies to the caps_ratio metric");
    else if (c.v.integer(*ml, Validator::at(ptr, "min_letters"), 1, 1000000, x)) s->minLetters = uint32_t(x);
  }
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const MetricSettings&>(settings);
  const std::u16string_view t = c.text;
  const double limit = s.limitFor(c.platform);
  if (s.metric == Metric::Length) {
    const uint32_t max = uint32_t(std::min(limit, 4294967295.0));
    // More than max characters: cluster `max` exists; it starts the part beyond the limit.
    const uint32_t beyond = t.size() > max ? metrics::graphemeOffset(t, max) : uint32_t(t.size());
    if (beyond < t.size()) c.emit({beyond, uint32_t(t.size())});
  } else if (s.metric == Metric::CapsRatio) {
    metrics::CapsCount cc = metrics::capsRatio(t);
    if (cc.letters >= s.minLetters && cc.ratio() > limit) c.emit({0, uint32_t(t.size())});
  } else {
    for (const metrics::Span& x : metrics::exclamationRuns(t, uint32_t(limit))) c.emit({x.begin, x.end});
  }
}

}  // namespace

const Kind& kind_metric() {
  static const Kind k{"metric", {"metric", "max", "platforms", "min_letters"}, compile, check};
  return k;
}

}  // namespace rg::rules
