// kind "substitution": groups of terms, each group with the replacements it should become.
#include "rules/term_rule.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<TermSettings>();
  MatchMode mode;
  s->view = termView(rule, ptr, c, mode);
  const std::string pp = Validator::at(ptr, "pairs");
  if (const json* pairs = c.v.field(rule, "pairs", ptr, true); pairs && c.v.array(*pairs, pp)) {
    if (pairs->empty()) c.v.err(pp, "needs at least one pair");
    for (size_t i = 0; i < pairs->size(); ++i) {
      const json& pr = (*pairs)[i];
      const std::string ip = Validator::at(pp, i);
      Replacements repl;
      if (c.v.object(pr, ip, {"terms", "replacement"})) {
        if (const json* t = c.v.field(pr, "terms", ip, true))
          c.termList(*t, Validator::at(ip, "terms"), s->view, mode, Role::Term, nullptr, uint32_t(i));
        if (const json* rp = c.v.field(pr, "replacement", ip, true))
          c.v.replacements(*rp, Validator::at(ip, "replacement"), repl);
      }
      s->itemReplacements.push_back(std::move(repl));
    }
  }
  termExceptions(rule, ptr, c, s->view);
  s->unless = c.unless(rule, ptr);
  return s;
}

void check(const Settings& s, eval::CheckContext& c) { checkTermOccurrences(static_cast<const TermSettings&>(s), c); }

}  // namespace

const Kind& kind_substitution() {
  static const Kind k{"substitution", {"pairs", "match", "obfuscation", "exceptions", "unless", "cue_scope", "language"}, compile, check};
  return k;
}

}  // namespace rg::rules
