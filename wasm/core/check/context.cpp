#include "context.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

namespace rg::eval {

bool CheckContext::mayMatch(const Regex& re) {
  if (re.require.empty()) return true;
  const PatternLiterals& lits = policy.literals;
  if (!literalsScanned_) {
    literalsScanned_ = true;
    for (char16_t c : text)
      if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER || (U16_IS_SURROGATE(c))) {
        digit_ = true;  // (a surrogate may start a supplementary digit: assume one)
        break;
      }
    exact_.assign(lits.exact.keyCount(), 0);
    lits.exact.scan(text, [&](int32_t key, size_t) { exact_[size_t(key)] = 1; });
    if (!lits.folded.empty()) {
      folded_.assign(lits.folded.keyCount(), 0);
      UErrorCode st = U_ZERO_ERROR;
      std::u16string f(text.size() * 3 + 4, u'\0');  // full folding grows a unit to at most three
      int32_t n = u_strFoldCase(reinterpret_cast<UChar*>(f.data()), int32_t(f.size()),
                                reinterpret_cast<const UChar*>(text.data()), int32_t(text.size()), U_FOLD_CASE_DEFAULT, &st);
      if (U_FAILURE(st)) {
        folded_.assign(lits.folded.keyCount(), 1);  // cannot tell: let every pattern run
      } else {
        f.resize(size_t(n));
        lits.folded.scan(f, [&](int32_t key, size_t) { folded_[size_t(key)] = 1; });
      }
    }
  }
  for (const std::vector<int32_t>& clause : re.require) {
    bool held = false;
    for (int32_t id : clause) {
      if (id == PatternLiterals::kDigitLiteral) held = digit_;
      else held = ((id & 1) ? folded_ : exact_)[size_t(id >> 1)] != 0;
      if (held) break;
    }
    if (!held) return false;
  }
  return true;
}

bool CheckContext::find(const Regex& re, std::vector<text::Span>& out, bool firstOnly) {
  if (!re.present()) return false;
  if (!mayMatch(re)) return true;  // no match possible: nothing to run
  RegexOutcome r = regexFind(*re.pattern, text, out, budget_, firstOnly);
  if (r == RegexOutcome::Ok) return true;
  const char* why = r == RegexOutcome::Partial ? "pattern gave up at some positions (step limit per match attempt); its other matches are reported"
                    : r == RegexOutcome::Limit  ? "pattern stopped at its step limit; it was skipped for this text"
                    : r == RegexOutcome::Budget ? "the check's budget for patterns ran out; the pattern was skipped for this text"
                                                : "pattern could not run on this text";
  out_.warnings.push_back({rule, source, why});
  return r == RegexOutcome::Partial;
}

}  // namespace rg::eval
