// kind "pattern": every match of an ICU regular expression, with optional replacements; a match
// that is one of the company's own contact points, or negated/hedged/quoted ("unless"), is not reported.
#include "check/context.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

struct PatternSettings : Settings {
  Regex regex;
  Replacements replacements;
  Unless unless;  // a negated, hedged or quoted match is not reported
  size_t memoryBytes() const override { return sizeof(*this); }
};

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<PatternSettings>();
  if (const json* pt = c.v.field(rule, "pattern", ptr, true))
    s->regex = c.regex(*pt, Validator::at(ptr, "pattern"), c.v.field(rule, "flags", ptr, false), Validator::at(ptr, "flags"));
  if (const json* rp = c.v.field(rule, "replacement", ptr, false))
    c.v.replacements(*rp, Validator::at(ptr, "replacement"), s->replacements);
  s->unless = c.unless(rule, ptr);
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const PatternSettings&>(settings);
  std::vector<text::Span> matches;
  if (!c.find(s.regex, matches)) return;
  for (const text::Span& m : matches) {
    if (c.ownContact(m) || (s.unless && c.governed(m, s.unless, std::span<const text::Span>(&m, 1)))) continue;
    c.emit(m, 1.0, s.replacements.empty() ? nullptr : &s.replacements);
  }
}

}  // namespace

const Kind& kind_pattern() {
  static const Kind k{"pattern", {"pattern", "flags", "replacement", "unless", "cue_scope"}, compile, check};
  return k;
}

}  // namespace rg::rules
