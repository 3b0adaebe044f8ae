// kind "required": a reply of at least min_length characters must contain a match of the pattern
// (a greeting, a signature); the finding sits at the end of the text.
#include "check/context.h"
#include "detect/metrics.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

struct RequiredSettings : Settings {
  Regex regex;
  uint32_t minLength = 0;
  size_t memoryBytes() const override { return sizeof(*this); }
};

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<RequiredSettings>();
  if (const json* pt = c.v.field(rule, "pattern", ptr, true))
    s->regex = c.regex(*pt, Validator::at(ptr, "pattern"), c.v.field(rule, "flags", ptr, false), Validator::at(ptr, "flags"));
  int64_t ml = 0;
  if (const json* m = c.v.field(rule, "min_length", ptr, false); m && c.v.integer(*m, Validator::at(ptr, "min_length"), 0, 1000000, ml))
    s->minLength = uint32_t(ml);
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const RequiredSettings&>(settings);
  const std::u16string_view t = c.text;
  // At least min_length characters: cluster min_length - 1 exists (stops counting early).
  if (t.size() < s.minLength || (s.minLength > 0 && metrics::graphemeOffset(t, s.minLength - 1) >= t.size())) return;
  std::vector<text::Span> matches;
  if (!c.find(s.regex, matches, true)) return;
  if (matches.empty()) c.emit({uint32_t(t.size()), uint32_t(t.size())});
}

}  // namespace

const Kind& kind_required() {
  static const Kind k{"required", {"pattern", "flags", "min_length"}, compile, check};
  return k;
}

}  // namespace rg::rules
