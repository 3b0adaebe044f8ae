// kind "terms": any of a list of words or phrases, each with optional replacements.
#include "rules/term_rule.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<TermSettings>();
  MatchMode mode;
  s->view = termView(rule, ptr, c, mode);
  if (const json* t = c.v.field(rule, "terms", ptr, true))
    c.termList(*t, Validator::at(ptr, "terms"), s->view, mode, Role::Term, &s->itemReplacements);
  if (const json* rp = c.v.field(rule, "replacement", ptr, false))
    c.v.replacements(*rp, Validator::at(ptr, "replacement"), s->replacements);
  termExceptions(rule, ptr, c, s->view);
  s->unless = c.unless(rule, ptr);
  return s;
}

void check(const Settings& s, eval::CheckContext& c) { checkTermOccurrences(static_cast<const TermSettings&>(s), c); }

}  // namespace

const Kind& kind_terms() {
  static const Kind k{"terms", {"terms", "match", "obfuscation", "exceptions", "unless", "cue_scope", "replacement", "language"}, compile, check};
  return k;
}

}  // namespace rg::rules
