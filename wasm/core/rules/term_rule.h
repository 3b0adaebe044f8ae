// What the terms and substitution kinds share: terms in an automaton view, per-term (or per-pair)
// replacements, exceptions, and the check that turns term occurrences into findings.
#pragma once
#include <string>
#include <vector>

#include "check/context.h"
#include "kind.h"
#include "policy/rule_compiler.h"

namespace rg::rules {

struct TermSettings : Settings {
  text::ViewKind view = 0;
  Replacements replacements;                   // rule-level
  std::vector<Replacements> itemReplacements;  // per term (terms) or per pair (substitution)
  Unless unless;                               // negated, hedged or quoted matches are not reported
  size_t memoryBytes() const override {
    return sizeof(*this) + itemReplacements.capacity() * sizeof(Replacements);
  }
};

// "obfuscation" and "match" of the rule (the view its terms and exceptions are matched in).
text::ViewKind termView(const nlohmann::json& rule, const std::string& ptr, policy::RuleCompiler& c, MatchMode& mode);
// "exceptions": phrases in the rule's view that cancel a term they cover.
void termExceptions(const nlohmann::json& rule, const std::string& ptr, policy::RuleCompiler& c, text::ViewKind view);
// A finding per term occurrence not covered by the allow list or an exception of the rule.
void checkTermOccurrences(const TermSettings& s, eval::CheckContext& c);

}  // namespace rg::rules
