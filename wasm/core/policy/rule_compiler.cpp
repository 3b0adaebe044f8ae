#include "rule_compiler.h"

#include <memory>

#include "literal_prefilter.h"
#include "pattern_lint.h"
#include "text/utf.h"

namespace rg::policy {

using text::ViewKind;

Regex RuleCompiler::regex(const json& value, const std::string& ptr, const json* flags, const std::string& flagsPtr) {
  Regex out;
  std::string src;
  if (!v.string(value, ptr, src, true, kMaxPatternLength)) return out;
  uint32_t f = 0;
  if (flags && v.array(*flags, flagsPtr)) {
    for (size_t i = 0; i < flags->size(); ++i) {
      int k = v.oneOf((*flags)[i], Validator::at(flagsPtr, i), {"i", "x"});
      if (k == 0) f |= UREGEX_CASE_INSENSITIVE;
      if (k == 1) f |= UREGEX_COMMENTS;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(src);
  std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(pattern, f, pe, status));
  if (U_FAILURE(status) || !re) {
    v.err(ptr, std::string("pattern does not compile: ") + u_errorName(status) + " at character " +
                   std::to_string(pe.offset >= 0 ? pe.offset : 0));
    return out;
  }
  out.pattern = std::move(re);
  PatternRequirement req = requirementOf(text::toUtf16(src), f);
  for (const Clause& c : req.clauses) {
    std::vector<int32_t> ids;
    for (const Literal& l : c) {
      if (l.digit) {
        ids.push_back(PatternLiterals::kDigitLiteral);
        continue;
      }
      match::AhoCorasick& ac = req.caseInsensitive ? policy.literals.folded : policy.literals.exact;
      int32_t key = ac.add(l.text);
      if (key < 0) { ids.clear(); break; }  // an empty literal requires nothing
      ids.push_back(key << 1 | (req.caseInsensitive ? 1 : 0));
    }
    if (!ids.empty()) out.require.push_back(std::move(ids));
  }
  if (auto risk = backtrackingRisk(src)) warnings_.push_back({ptr, *risk});
  return out;
}

ViewKind RuleCompiler::obfuscation(const json* value, const std::string& ptr) {
  ViewKind kind = 0;
  if (!value || !v.array(*value, ptr)) return 0;
  for (size_t i = 0; i < value->size(); ++i) {
    int k = v.oneOf((*value)[i], Validator::at(ptr, i), {"leet", "separators", "repeats"});
    if (k >= 0) kind |= ViewKind(1u << k);
  }
  return kind;
}

MatchMode RuleCompiler::matchMode(const json* value, const std::string& ptr, MatchMode dflt) {
  if (!value) return dflt;
  int k = v.oneOf(*value, ptr, {"word", "prefix", "suffix", "substring"});
  return k < 0 ? dflt : MatchMode(k);
}

void RuleCompiler::addTerm(const std::string& textUtf8, const std::string& ptr, ViewKind view, Entry e) {
  std::u16string folded = text::foldTerm(text::toUtf16(textUtf8), view);
  if (folded.empty()) return v.err(ptr, "is empty after folding (only ignorable characters)");
  if (++totalTerms_ > kMaxTermsTotal) {
    if (totalTerms_ == kMaxTermsTotal + 1) v.err(ptr, "the bundle has more than " + std::to_string(kMaxTermsTotal) + " terms");
    return;
  }
  keys_.push_back({view, std::move(folded), e});
}

bool RuleCompiler::termList(const json& list, const std::string& ptr, ViewKind view, MatchMode mode, Role role,
                            std::vector<Replacements>* perTerm, uint32_t item, bool allowObjects) {
  if (!v.array(list, ptr)) return false;
  if (list.empty()) return v.err(ptr, "needs at least one entry"), false;
  if (list.size() > kMaxTermsPerRule)
    return v.err(ptr, "has " + std::to_string(list.size()) + " entries; the limit is " + std::to_string(kMaxTermsPerRule)),
           false;
  bool ok = true;
  for (size_t i = 0; i < list.size(); ++i) {
    const json& t = list[i];
    const std::string tp = Validator::at(ptr, i);
    std::string s;
    MatchMode m = mode;
    Replacements repl;
    if (t.is_object() && allowObjects) {
      if (perTerm) v.onlyKeys(t, tp, {"text", "match", "replacement"});
      else v.onlyKeys(t, tp, {"text", "match"});
      const json* tx = v.field(t, "text", tp, true);
      if (!tx || !v.string(*tx, Validator::at(tp, "text"), s, true, kMaxTermLength)) { ok = false; continue; }
      m = matchMode(v.field(t, "match", tp, false), Validator::at(tp, "match"), mode);
      if (const json* r = perTerm ? v.field(t, "replacement", tp, false) : nullptr)
        ok &= v.replacements(*r, Validator::at(tp, "replacement"), repl);
    } else if (!v.string(t, tp, s, true, kMaxTermLength)) {
      ok = false;
      continue;
    }
    uint32_t it = perTerm ? uint32_t(perTerm->size()) : item;
    if (perTerm) perTerm->push_back(std::move(repl));
    addTerm(s, tp, view, {rule, role, m, it});
  }
  return ok;
}

}  // namespace rg::policy
