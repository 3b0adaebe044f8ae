// kind "cooccurrence": a trigger (terms or pattern) flags only when another matcher is present
// ("requires") or absent ("forbids") in the same text.
#include "check/context.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

// The trigger or the other side: terms (in an automaton, found by role) or a regex.
struct Matcher {
  bool isTerms = false;
  Regex regex;
};

struct CoSettings : Settings {
  Matcher trigger, other;
  Unless unless;  // a negated, hedged or quoted trigger occurrence is not reported
  bool needsOther = true;  // requires (true): `other` must be present; forbids (false): must be absent
  size_t memoryBytes() const override { return sizeof(*this); }
};

void matcher(const json& v, const std::string& ptr, policy::RuleCompiler& c, Role role, Matcher& out) {
  if (!c.v.object(v, ptr, {"terms", "match", "obfuscation", "pattern", "flags"})) return;
  const json* terms = c.v.field(v, "terms", ptr, false);
  const json* pattern = c.v.field(v, "pattern", ptr, false);
  if (!!terms == !!pattern) return c.v.err(ptr, "needs exactly one of \"terms\" and \"pattern\"");
  if (terms) {
    if (v.contains("flags")) c.v.err(Validator::at(ptr, "flags"), "only applies to \"pattern\"");
    out.isTerms = true;
    text::ViewKind view = c.obfuscation(c.v.field(v, "obfuscation", ptr, false), Validator::at(ptr, "obfuscation"));
    MatchMode mode = c.matchMode(c.v.field(v, "match", ptr, false), Validator::at(ptr, "match"), MatchMode::Word);
    c.termList(*terms, Validator::at(ptr, "terms"), view, mode, role, nullptr);
  } else {
    for (const char* k : {"match", "obfuscation"})
      if (v.contains(k)) c.v.err(Validator::at(ptr, k), "only applies to \"terms\"");
    out.regex = c.regex(*pattern, Validator::at(ptr, "pattern"), c.v.field(v, "flags", ptr, false), Validator::at(ptr, "flags"));
  }
}

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<CoSettings>();
  if (const json* t = c.v.field(rule, "trigger", ptr, true)) matcher(*t, Validator::at(ptr, "trigger"), c, Role::Trigger, s->trigger);
  const json* req = c.v.field(rule, "requires", ptr, false);
  const json* forb = c.v.field(rule, "forbids", ptr, false);
  if (!!req == !!forb) {
    c.v.err(ptr, "needs exactly one of \"requires\" and \"forbids\"");
  } else {
    s->needsOther = req != nullptr;
    matcher(req ? *req : *forb, Validator::at(ptr, req ? "requires" : "forbids"), c, Role::Other, s->other);
  }
  s->unless = c.unless(rule, ptr);
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const CoSettings&>(settings);
  std::vector<text::Span> spans, others;
  if (s.trigger.isTerms) c.spans(Role::Trigger, spans);
  else if (!c.find(s.trigger.regex, spans)) return;
  spans.erase(std::remove_if(spans.begin(), spans.end(), [&](const text::Span& x) { return c.allowed(x); }), spans.end());
  if (spans.empty()) return;
  bool present = false;
  if (s.other.isTerms) c.spans(Role::Other, others);
  else if (!c.find(s.other.regex, others, true)) return;
  present = !others.empty();
  if (present != s.needsOther)
    for (const text::Span& x : spans)
      if (!s.unless || !c.governed(x, s.unless, std::span<const text::Span>(&x, 1))) c.emit(x);
}

}  // namespace

const Kind& kind_cooccurrence() {
  static const Kind k{"cooccurrence", {"trigger", "requires", "forbids", "unless", "cue_scope"}, compile, check};
  return k;
}

}  // namespace rg::rules
