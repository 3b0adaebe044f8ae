#include "context.h"
#include "quotes.h"

#include "detect/detectors.h"

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
      Borrowed<icu::BreakIterator> bi(&policy.sentenceBreaks, [&] { return std::unique_ptr<icu::BreakIterator>(policy.sentenceBreak->clone()); });
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
    const char16_t c = text[i];
    const bool w = c < 0x80 ? (c >= u'0' && c <= u'9') || ((c | 0x20) >= u'a' && (c | 0x20) <= u'z') || c == u'\''
                            : u_isalnum(c) || U16_IS_SURROGATE(c) || c == u'’';  // (ASCII without an ICU call)
    if (w && !in) ++words;
    in = w;
  }
  return words;
}

const Occurrence* CheckContext::cueFrom(uint32_t offset) const {
  return std::lower_bound(cues.data(), cues.data() + cues.size(), offset,
                          [](const Occurrence& c, uint32_t o) { return c.span.begin < o; });
}

bool CheckContext::inCueException(const text::Span& s) {
  if (!exceptionsIndexed_) {
    exceptionsIndexed_ = true;
    uint32_t m = 0;
    for (const Occurrence& c : cues)  // in order of their begin
      if (c.item == kCueException) {
        exceptionBegin_.push_back(c.span.begin);
        exceptionMaxEnd_.push_back(m = std::max(m, c.span.end));
      }
  }
  // Among the exceptions that begin before s ends, one overlaps s if the furthest end is past its begin.
  const size_t k = size_t(std::lower_bound(exceptionBegin_.begin(), exceptionBegin_.end(), s.end) - exceptionBegin_.begin());
  return k > 0 && exceptionMaxEnd_[k - 1] > s.begin;
}

bool CheckContext::clauseBreakIn(uint32_t from, uint32_t to) const {
  if (from >= to) return false;
  if (text.substr(from, to - from).find_first_of(u",;:()\u2013\u2014") != std::u16string_view::npos) return true;
  for (const Occurrence* c = cueFrom(from), *end = cues.data() + cues.size(); c != end && c->span.begin < to; ++c)
    if (c->item == kClauseBreak && c->span.end <= to) return true;
  return false;
}

bool CheckContext::quoted(text::Span match) {
  if (!quotesFound_) {
    quotes_ = quotations(text);
    quotesFound_ = true;
  }
  for (const text::Span& q : quotes_)
    if (q.begin <= match.begin && match.end <= q.end) return true;
  return false;
}

std::u16string_view CheckContext::detectorText() {
  if (!detectorFolded_) {
    detectorText_ = detect::foldForDetectors(text, detectorBuffer_);
    detectorFolded_ = true;
  }
  return detectorText_;
}

bool CheckContext::governed(text::Span match, const Unless& unless, std::span<const text::Span> parts) {
  if ((unless.mask & kUnlessQuoted) && quoted(match)) return true;
  if (!(unless.mask & (kUnlessNegated | kUnlessHedged)) || cues.empty()) return false;
  const text::Span sentence = sentenceOf(match.begin);
  auto overlaps = [](const text::Span& a, const text::Span& b) { return a.begin < b.end && b.begin < a.end; };
  // Only cues from the sentence's start up to the end of the match, of its sentence or of the next
  // sentence (a tag after a question) can govern the match: the others are not looked at.
  uint32_t reach = std::max(match.end, sentence.end);
  if (sentence.end < text.size()) reach = std::max(reach, sentenceOf(sentence.end).end);
  const Occurrence* const cuesEnd = cues.data() + cues.size();
  for (const Occurrence* it = cueFrom(sentence.begin); it != cuesEnd && it->span.begin < reach; ++it) {
    const Occurrence& c = *it;
    const bool universal = c.item == kUniversalNegation;
    if ((c.item > kHedge && !universal) || !(unless.mask & (universal ? uint32_t(kUnlessNegated) : 1u << c.item))) continue;
    if (std::any_of(parts.begin(), parts.end(), [&](const text::Span& p) { return overlaps(c.span, p); })) continue;
    if (inCueException(c.span)) continue;
    if (c.span.begin >= match.begin && c.span.end <= match.end) {
      // Between the match's parts: it governs the part after it unless a contrast word intervenes.
      uint32_t next = match.end;
      for (const text::Span& p : parts)
        if (p.begin >= c.span.end) next = std::min(next, p.begin);
      bool broken = false;
      for (const Occurrence* b = cueFrom(c.span.end); b != cuesEnd && b->span.begin < next && !broken; ++b)
        broken = b->item == kClauseBreak && b->span.end <= next;
      if (!broken) return true;
      continue;
    }
    if (c.span.end <= match.begin) {  // before the match
      if (c.span.begin < sentence.begin || clauseBreakIn(c.span.end, match.begin)) continue;
      const uint32_t reach = universal ? std::max(unless.scope.before, unless.scope.universal) : unless.scope.before;
      if (c.item == kHedge || wordsBetween(c.span.end, match.begin) <= reach) return true;
      continue;
    }
    if (c.span.begin < match.end || !unless.scope.after) continue;  // straddles the match's end
    if (wordsBetween(match.end, c.span.begin) > unless.scope.after) continue;
    // A quotation opening after the match is another speaker's clause ("Petition „Kein Gift …“").
    std::u16string_view after = text.substr(match.end, c.span.begin - match.end);
    if (after.find_first_of(u"\"\u201E\u201C\u201D\u00BB\u00AB") != std::u16string_view::npos) continue;
    if (const size_t q = after.find_first_of(u"'\u2018\u201A"); q != std::u16string_view::npos && (q == 0 || u_isspace(after[q - 1])))
      continue;  // a single mark opening a quotation (not an apostrophe)
    if (c.span.begin < sentence.end) {  // after the match, in its sentence
      if (!clauseBreakIn(match.end, c.span.begin)) return true;
      continue;
    }
    // A tag after a question: "a refund? not happening" — the cue opens the next sentence.
    if (clauseBreakIn(match.end, sentence.end)) continue;
    std::u16string_view tail = text.substr(match.end, sentence.end - match.end);
    const size_t last = tail.find_last_not_of(u" \t\r\n\u00a0");
    if (last == std::u16string_view::npos || tail[last] != u'?' || tail.substr(0, last).find_first_of(u"?!.") != std::u16string_view::npos)
      continue;
    // Among the answer's first words ("Anwalt? Hab keinen.", "My lawyer? Don't have one.").
    if (sentence.end < text.size() && c.span.end <= sentenceOf(sentence.end).end &&
        wordsBetween(sentence.end, c.span.begin) <= kTagLead && !clauseBreakIn(sentence.end, c.span.begin))
      return true;
  }
  return false;
}

void CheckContext::scanLiterals() {
  literalsScanned_ = true;
  const PatternLiterals& lits = policy.literals;
  const size_t n = text.size();
  exact_.assign(lits.exact.keyCount(), 0);
  exactPos_.assign(lits.exactStarts.size(), {});
  lits.exact.scan(text, [&](int32_t key, size_t end) {
    exact_[size_t(key)] = 1;
    if (size_t(key) < lits.exactStarts.size() && lits.exactStarts[size_t(key)])
      exactPos_[size_t(key)].push_back(uint32_t(end - lits.exact.keyLength(key)));
  });
  // One pass over the text, code point by code point: its digits (a surrogate may start a
  // supplementary digit: counted as one) and, for the folded literals, its full case folding (it
  // is context-free, so this is the folding of the whole text). Where each folded unit's code
  // point starts in the text is written down only from the first code point that does not fold
  // one unit to one unit: until then, folded unit k is text unit k.
  bool folding = !lits.folded.empty();
  if (folding) {
    folded_.assign(lits.folded.keyCount(), 0);
    foldedPos_.assign(lits.foldedStarts.size(), {});
  }
  std::u16string f;
  std::vector<uint32_t> at;
  bool mapped = false;  // `at` is in use
  if (folding) f.reserve(n + 8);
  auto digit = [&](size_t i) {
    digit_ = true;
    if (lits.digitStarts) digitStarts_.push_back(uint32_t(i));
  };
  for (size_t i = 0; i < n;) {
    const char16_t c = text[i];
    if (c < 0x80) {
      if (c >= u'0' && c <= u'9') digit(i);
      if (folding) {
        f.push_back((c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c);
        if (mapped) at.push_back(uint32_t(i));
      }
      ++i;
      continue;
    }
    size_t j = i;
    UChar32 cp;
    U16_NEXT(text.data(), j, n, cp);
    (void)cp;
    if (U16_IS_SURROGATE(c) || u_charType(c) == U_DECIMAL_DIGIT_NUMBER) digit(i);
    if (folding) {
      UChar buf[8];
      UErrorCode st = U_ZERO_ERROR;
      const int32_t m = u_strFoldCase(buf, 8, reinterpret_cast<const UChar*>(text.data() + i), int32_t(j - i),
                                      U_FOLD_CASE_DEFAULT, &st);
      if (U_FAILURE(st)) {  // cannot tell: let every pattern run everywhere
        folded_.assign(lits.folded.keyCount(), 1);
        foldedUnknown_ = true;
        folding = false;
      } else {
        if (!mapped && (m != 1 || j - i != 1)) {
          mapped = true;
          at.resize(f.size());
          for (size_t k = 0; k < at.size(); ++k) at[k] = uint32_t(k);
        }
        for (int32_t k = 0; k < m; ++k) {
          f.push_back(char16_t(buf[k]));
          if (mapped) at.push_back(uint32_t(i));
        }
      }
    }
    i = j;
  }
  if (!folding) return;
  lits.folded.scan(f, [&](int32_t key, size_t end) {
    folded_[size_t(key)] = 1;
    if (size_t(key) < lits.foldedStarts.size() && lits.foldedStarts[size_t(key)]) {
      const size_t start = end - lits.folded.keyLength(key);
      foldedPos_[size_t(key)].push_back(mapped ? at[start] : uint32_t(start));
    }
  });
}

bool CheckContext::mayMatch(const Regex& re) {
  if (re.require.empty()) return true;
  if (!literalsScanned_) scanLiterals();
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

bool CheckContext::startsOf(const Regex& re, std::vector<uint32_t>& out) {
  if (re.starts.empty()) return false;
  if (!literalsScanned_) scanLiterals();
  out.clear();
  for (const Regex::Start& s : re.starts) {
    const std::vector<uint32_t>* at;
    if (s.literal == PatternLiterals::kDigitLiteral) {
      if (!policy.literals.digitStarts) return false;
      at = &digitStarts_;
    } else {
      if ((s.literal & 1) && foldedUnknown_) return false;
      const auto& pos = (s.literal & 1) ? foldedPos_ : exactPos_;
      if (size_t(s.literal >> 1) >= pos.size()) return false;
      at = &pos[size_t(s.literal >> 1)];
    }
    if (!s.back) {
      out.insert(out.end(), at->begin(), at->end());
      continue;
    }
    // Also every position of the run of `back` characters that ends at the literal. The
    // positions ascend, so a walk stops where the previous one started: linear in the text.
    bool walked = false;
    uint32_t previous = 0;
    for (uint32_t q : *at) {
      out.push_back(q);
      size_t p = q;
      while (p > 0 && (!walked || p > previous)) {
        size_t k = p;
        UChar32 c;
        U16_PREV(text.data(), 0, k, c);
        if (!s.back->contains(c)) break;
        p = k;
        out.push_back(uint32_t(p));
      }
      walked = true;
      previous = q;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return true;
}

bool CheckContext::find(const Regex& re, std::vector<text::Span>& out, bool firstOnly) {
  if (!re.present()) return false;
  if (!mayMatch(re)) return true;  // no match possible: nothing to run
  std::vector<uint32_t> starts;
  const icu::RegexPattern* pattern = re.compiled();
  RegexOutcome r = !pattern               ? RegexOutcome::Error
                   : startsOf(re, starts) ? regexFindAt(*pattern, text, starts, out, budget_, firstOnly, re.matchers.get())
                                          : regexFind(*pattern, text, out, budget_, firstOnly, re.matchers.get());
  if (r == RegexOutcome::Ok) return true;
  const char* why = r == RegexOutcome::Partial ? "pattern gave up at some positions (step limit per match attempt); its other matches are reported"
                    : r == RegexOutcome::Limit  ? "pattern stopped at its step limit; it was skipped for this text"
                    : r == RegexOutcome::Budget ? "the check's budget for patterns ran out; the pattern was skipped for this text"
                                                : "pattern could not run on this text";
  out_.warnings.push_back({rule, source, why});
  return r == RegexOutcome::Partial;
}

}  // namespace rg::eval
