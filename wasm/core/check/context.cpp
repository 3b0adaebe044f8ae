#include "context.h"

#include <algorithm>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/ustring.h>

namespace rg::eval {

text::Span CheckContext::sentenceOf(uint32_t offset) {
  if (sentenceStarts_.empty()) {
    sentenceStarts_.push_back(0);
    if (policy.sentenceBreak && !text.empty()) {
      std::unique_ptr<icu::BreakIterator> bi(policy.sentenceBreak->clone());
      UErrorCode st = U_ZERO_ERROR;
      UText ut = UTEXT_INITIALIZER;
      utext_openUChars(&ut, text.data(), int64_t(text.size()), &st);
      bi->setText(&ut, st);
      if (U_SUCCESS(st))
        for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) sentenceStarts_.push_back(uint32_t(b));
      utext_close(&ut);
    }
    if (sentenceStarts_.back() != text.size()) sentenceStarts_.push_back(uint32_t(text.size()));
  }
  auto it = std::upper_bound(sentenceStarts_.begin(), sentenceStarts_.end(), offset);
  uint32_t begin = it == sentenceStarts_.begin() ? 0 : *(it - 1);
  uint32_t end = it == sentenceStarts_.end() ? uint32_t(text.size()) : *it;
  return {begin, end};
}

uint32_t CheckContext::wordsBetween(uint32_t from, uint32_t to) const {
  uint32_t words = 0;
  bool in = false;
  for (uint32_t i = from; i < to && i < text.size(); ++i) {
    const bool w = u_isalnum(text[i]) || U16_IS_SURROGATE(text[i]) || text[i] == u'\'' || text[i] == u'’';
    if (w && !in) ++words;
    in = w;
  }
  return words;
}

bool CheckContext::governed(text::Span match, uint8_t mask, std::span<const text::Span> parts) {
  if (!mask || cues.empty()) return false;
  const text::Span sentence = sentenceOf(match.begin);
  for (const Occurrence& c : cues) {
    if (!(mask & (1u << c.item))) continue;
    if (c.span.begin < sentence.begin || c.span.end > match.end) continue;
    bool own = false;
    for (const text::Span& p : parts) own |= c.span.begin < p.end && p.begin < c.span.end;
    if (own) continue;
    if (c.span.begin >= match.begin) return true;  // between the match's parts
    if (c.span.end > match.begin) continue;
    // A cue governs only within its clause: no comma, colon, semicolon, dash or bracket between.
    std::u16string_view gap = text.substr(c.span.end, match.begin - c.span.end);
    if (gap.find_first_of(u",;:()\u2013\u2014") != std::u16string_view::npos) continue;
    if (c.item == kHedge || wordsBetween(c.span.end, match.begin) <= kNegationScope) return true;
  }
  return false;
}

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
