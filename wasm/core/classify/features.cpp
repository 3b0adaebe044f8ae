#include "features.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

namespace rg::classify {
namespace {

// Runs `fn(begin, end)` for each segment of text[span] under break iterator `bi`.
template <class Fn>
void segments(icu::BreakIterator& bi, std::u16string_view text, Span span, Fn fn) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data() + span.begin, int64_t(span.end - span.begin), &status);
  bi.setText(&ut, status);
  if (U_SUCCESS(status)) {
    int32_t b = bi.first();
    for (int32_t e = bi.next(); e != icu::BreakIterator::DONE; b = e, e = bi.next()) fn(span.begin + uint32_t(b), span.begin + uint32_t(e));
  }
  utext_close(&ut);
}

bool blank(std::u16string_view s) {
  for (char16_t c : s)
    if (!u_isUWhiteSpace(c) && c != u'\u200B' && c != u'\uFEFF') return false;
  return true;
}

}  // namespace

Breakers Breakers::create() {
  Breakers b;
  UErrorCode s1 = U_ZERO_ERROR, s2 = U_ZERO_ERROR;
  b.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), s1));
  b.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), s2));
  if (U_FAILURE(s1)) b.words.reset();
  if (U_FAILURE(s2)) b.sentences.reset();
  return b;
}

Breakers Breakers::clone() const {
  Breakers b;
  if (words) b.words.reset(words->clone());
  if (sentences) b.sentences.reset(sentences->clone());
  return b;
}

void sentences(icu::BreakIterator& bi, std::u16string_view text, std::vector<Span>& out) {
  out.clear();
  segments(bi, text, {0, uint32_t(text.size())}, [&](uint32_t b, uint32_t e) {
    while (e > b && u_isUWhiteSpace(text[e - 1])) --e;
    while (b < e && u_isUWhiteSpace(text[b])) ++b;
    if (b < e) out.push_back({b, e});
  });
}

void tokenize(icu::BreakIterator& bi, std::u16string_view text, Span span, std::vector<Token>& out) {
  out.clear();
  segments(bi, text, span, [&](uint32_t b, uint32_t e) {
    std::u16string_view seg = text.substr(b, e - b);
    if (blank(seg)) return;
    icu::UnicodeString u(false, seg.data(), int32_t(seg.size()));  // read-only alias
    u.foldCase();
    icu::UnicodeString n;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF) continue;
      n.append(u_isdigit(c) ? UChar32('0') : c);
    }
    if (n.isEmpty()) return;
    Token t{b, e, {}};
    n.toUTF8String(t.text);
    if (t.text.rfind("__label__", 0) == 0) t.text.erase(0, 2);  // never a label to fastText
    out.push_back(std::move(t));
  });
}

std::string_view sourceToken(Source source) { return source == Source::Incoming ? "src_incoming" : "src_reply"; }

std::string featureLine(Source source, const std::vector<Token>& tokens, size_t skip) {
  std::string line(sourceToken(source));
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == skip) continue;
    line += ' ';
    line += tokens[i].text;
  }
  line += '\n';
  return line;
}

std::string featureLine(Source source, const std::vector<Token>& tokens, size_t from, size_t to) {
  std::string line(sourceToken(source));
  for (size_t i = from; i < to && i < tokens.size(); ++i) {
    line += ' ';
    line += tokens[i].text;
  }
  line += '\n';
  return line;
}

}  // namespace rg::classify
