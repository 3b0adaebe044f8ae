#include "features.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include "normalize.h"

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

namespace {

// Case-folded UTF-8 of a segment without white space, zero-width characters and emoji variation
// selectors ("❤️" and "❤" are one word), digits as 0; empty when nothing is left.
std::string foldedText(std::u16string_view seg) {
  icu::UnicodeString u(false, seg.data(), int32_t(seg.size()));  // read-only alias
  u.foldCase();
  icu::UnicodeString n;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF || c == 0xFE0E || c == 0xFE0F) continue;
    n.append(u_isdigit(c) ? UChar32('0') : c);
  }
  std::string out;
  n.toUTF8String(out);
  if (out.rfind("__label__", 0) == 0) out.erase(0, 2);  // never a label to fastText
  return out;
}

bool wordChar(char16_t c) { return u_isalnum(c) || c == u'_'; }
bool asciiWordChar(char16_t c) { return c < 0x80 && (u_isalnum(c) || c == u'_'); }

bool startsWithNoCase(std::u16string_view s, size_t i, std::u16string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (u_tolower(s[i + k]) != UChar32(prefix[k])) return false;
  return true;
}

// A special token at t[i]: a URL (one token "_url_"), an @handle ("@user") or a hashtag ("#" and
// its words). Returns its end (i when none) and sets `text`.
size_t special(std::u16string_view t, size_t i, std::string& text) {
  const char16_t c = t[i];
  const bool start = i == 0 || !(wordChar(t[i - 1]) || t[i - 1] == u'@' || t[i - 1] == u'&');
  if (!start) return i;
  if (c == u'h' || c == u'H' || c == u'w' || c == u'W') {
    size_t body = startsWithNoCase(t, i, u"https://") ? i + 8 : startsWithNoCase(t, i, u"http://") ? i + 7
                  : startsWithNoCase(t, i, u"ww.") ? i + 3 : i;  // "www." after normalize() cut the run
    if (body == i) return i;
    size_t e = body;
    while (e < t.size() && !u_isUWhiteSpace(t[e])) ++e;
    while (e > body && std::u16string_view(u".,;:!?)]}\"'»«“”„’").find(t[e - 1]) != std::u16string_view::npos) --e;
    if (e == body) return i;
    text = "_url_";
    return e;
  }
  if (c == u'@') {
    size_t e = i + 1;
    while (e < t.size() && asciiWordChar(t[e])) ++e;
    if (e == i + 1) return i;
    if (e + 1 < t.size() && t[e] == u'@' && asciiWordChar(t[e + 1])) {  // Mastodon: @name@instance.social
      size_t d = e + 1;
      while (d < t.size() && (asciiWordChar(t[d]) || t[d] == u'.' || t[d] == u'-')) ++d;
      while (t[d - 1] == u'.' || t[d - 1] == u'-') --d;
      e = d;
    }
    text = "@user";
    return e;
  }
  if (c == u'#' || c == u'\uFF03') {
    size_t e = i + 1;
    bool letter = false;
    while (e < t.size() && (wordChar(t[e]) || U16_IS_SURROGATE(t[e]))) {
      if (U16_IS_SURROGATE(t[e])) {  // a letter outside the BMP counts; anything else ends the tag
        if (!U16_IS_LEAD(t[e]) || e + 1 >= t.size() || !U16_IS_TRAIL(t[e + 1])) break;
        if (!u_isalnum(U16_GET_SUPPLEMENTARY(t[e], t[e + 1]))) break;
        e += 2;
        letter = true;
        continue;
      }
      letter = letter || u_isalpha(t[e]);
      ++e;
    }
    if (!letter) return i;  // "#88213" is a number, not a tag
    text = "#";
    for (const std::u16string& w : hashtagWords(t.substr(i + 1, e - i - 1))) {
      const std::string f = foldedText(w);
      if (!f.empty()) text += ' ' + f;
    }
    return e;
  }
  return i;
}

}  // namespace

void tokenize(icu::BreakIterator& bi, std::u16string_view text, Span span, std::vector<Token>& out) {
  out.clear();
  Normalized n;
  normalize(text, span, n);
  const std::u16string_view t = n.text;
  auto words = [&](size_t from, size_t to) {
    if (from >= to) return;
    segments(bi, t, {uint32_t(from), uint32_t(to)}, [&](uint32_t b, uint32_t e) {
      std::u16string_view seg = t.substr(b, e - b);
      if (blank(seg)) return;
      std::string f = foldedText(seg);
      if (!f.empty()) out.push_back({n.at[b], n.at[e], std::move(f)});
    });
  };
  size_t gap = 0;
  std::string text8;
  for (size_t i = 0; i < t.size(); ++i) {
    const size_t e = special(t, i, text8);
    if (e == i) continue;
    words(gap, i);
    out.push_back({n.at[i], n.at[e], std::move(text8)});
    text8.clear();
    gap = e;
    i = e - 1;
  }
  words(gap, t.size());
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
