#include "term_rule.h"

namespace rg::rules {

using nlohmann::json;
using policy::Validator;

text::ViewKind termView(const json& rule, const std::string& ptr, policy::RuleCompiler& c, MatchMode& mode) {
  text::ViewKind view = c.obfuscation(c.v.field(rule, "obfuscation", ptr, false), Validator::at(ptr, "obfuscation"));
  mode = c.matchMode(c.v.field(rule, "match", ptr, false), Validator::at(ptr, "match"), MatchMode::Word);
  return view;
}

void termExceptions(const json& rule, const std::string& ptr, policy::RuleCompiler& c, text::ViewKind view) {
  if (const json* ex = c.v.field(rule, "exceptions", ptr, false))
    c.termList(*ex, Validator::at(ptr, "exceptions"), view, MatchMode::Word, Role::Exception, nullptr, 0, false);
}

void checkTermOccurrences(const TermSettings& s, eval::CheckContext& c) {
  std::vector<text::Span> exceptions;
  c.spans(Role::Exception, exceptions);
  eval::CoverIndex cover;
  cover.assign(std::move(exceptions));
  for (const eval::Occurrence& o : c.occurrences) {
    if (o.role != Role::Term || c.allowed(o.span) || cover.covers(o.span)) continue;
    const Replacements* repl = nullptr;
    if (o.item < s.itemReplacements.size() && !s.itemReplacements[o.item].empty()) repl = &s.itemReplacements[o.item];
    else if (!s.replacements.empty()) repl = &s.replacements;
    c.emit(o.span, o.obfuscated ? 0.9 : 1.0, repl);
  }
}

}  // namespace rg::rules
