#include "views.h"

#include <array>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "utf.h"

namespace rg::text {
namespace {

const UNormalizer2* nfkcCasefold() {
  static const UNormalizer2* norm = [] {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFKCCasefoldInstance(&status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return norm;
}

const USpoofChecker* spoofChecker() {
  static USpoofChecker* checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* c = uspoof_open(&status);
    if (U_FAILURE(status)) {
      if (c) uspoof_close(c);
      return static_cast<USpoofChecker*>(nullptr);
    }
    return c;
  }();
  return checker;
}

int skeletonToLatin(char32_t cp, char16_t out[8]) {
  const USpoofChecker* sc = spoofChecker();
  if (!sc) return 0;
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(UChar32(cp), &status) == USCRIPT_LATIN || U_FAILURE(status)) return 0;
  UChar in[2];
  int32_t inLen = 0;
  U16_APPEND_UNSAFE(in, inLen, UChar32(cp));
  UChar buf[16];
  int32_t n = uspoof_getSkeleton(sc, 0, in, inLen, buf, 16, &status);
  if (U_FAILURE(status) || n <= 0 || n > 8) return 0;
  for (int32_t i = 0; i < n; ++i) {
    char16_t c = buf[i];
    if (c >= u'A' && c <= u'Z') c = char16_t(c + 32);
    if (c < u'a' || c > u'z') return 0;
    out[i] = c;
  }
  return n;
}

// Scripts whose letters are the usual homoglyph sources are tabulated once; others are looked up.
constexpr char32_t kTableFirst = 0x0370, kTableLast = 0x058F;  // Greek, Cyrillic, Armenian
struct ConfusableEntry {
  uint8_t len;
  char16_t text[3];
};
const std::array<ConfusableEntry, kTableLast - kTableFirst + 1>& confusableTable() {
  static const auto table = [] {
    std::array<ConfusableEntry, kTableLast - kTableFirst + 1> t{};
    for (char32_t cp = kTableFirst; cp <= kTableLast; ++cp) {
      char16_t buf[8];
      int n = u_isalpha(UChar32(cp)) ? skeletonToLatin(cp, buf) : 0;
      if (n > 0 && n <= 3) {
        t[cp - kTableFirst].len = uint8_t(n);
        for (int i = 0; i < n; ++i) t[cp - kTableFirst].text[i] = buf[i];
      }
    }
    return t;
  }();
  return table;
}

inline bool isAsciiLetter(char16_t c) { return (c | 0x20) >= u'a' && (c | 0x20) <= u'z'; }

// Letters and digits of a view (non-ASCII units: BMP letters; surrogates count as non-letters).
inline bool isLetter(char16_t c) {
  if (c < 0x80) return isAsciiLetter(c);
  return !isSurrogate(c) && u_isalpha(c);
}
inline bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
inline bool isSpace(char16_t c) {
  return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || (c >= 0x80 && !isSurrogate(c) && u_isUWhiteSpace(c));
}

// Emits one folded code point of a segment, applying the per-code-point steps of the base view.
inline void emitFolded(char32_t cp, Span span, View& out) {
  auto put = [&](char16_t c) {
    out.text.push_back(c);
    out.map.push_back(span);
  };
  if (cp < 0x80) {
    put(char16_t(cp));
    return;
  }
  switch (cp) {  // German umlauts (after case folding, so only the lower-case forms occur)
    case 0xE4: put(u'a'); put(u'e'); return;
    case 0xF6: put(u'o'); put(u'e'); return;
    case 0xFC: put(u'u'); put(u'e'); return;
    default: break;
  }
  if (isSurrogate(cp)) {
    put(0xFFFD);
    return;
  }
  if (u_hasBinaryProperty(UChar32(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return;
  if (u_charType(UChar32(cp)) == U_NON_SPACING_MARK) return;
  if (cp >= kTableFirst && cp <= kTableLast) {
    const ConfusableEntry& e = confusableTable()[cp - kTableFirst];
    for (int i = 0; i < e.len; ++i) put(e.text[i]);
    if (e.len) return;
  } else if (cp >= 0x0250 && u_isalpha(UChar32(cp))) {
    char16_t buf[8];
    int n = skeletonToLatin(cp, buf);
    for (int i = 0; i < n; ++i) put(buf[i]);
    if (n) return;
  }
  if (cp >= 0x10000) {
    put(char16_t(0xD800 + ((cp - 0x10000) >> 10)));
    put(char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF)));
  } else {
    put(char16_t(cp));
  }
}

}  // namespace

int confusableToLatin(char32_t cp, char16_t out[8]) {
  if (cp >= kTableFirst && cp <= kTableLast) {
    const ConfusableEntry& e = confusableTable()[cp - kTableFirst];
    for (int i = 0; i < e.len; ++i) out[i] = e.text[i];
    return e.len;
  }
  return u_isalpha(UChar32(cp)) ? skeletonToLatin(cp, out) : 0;
}

bool foldBase(std::u16string_view s, View& out) {
  out.clear();
  out.text.reserve(s.size() + 8);
  out.map.reserve(s.size() + 8);
  const UNormalizer2* norm = nfkcCasefold();
  const size_t n = s.size();
  std::u16string seg;   // segment with lone surrogates replaced
  std::u16string dest;  // normalized segment
  size_t i = 0;
  while (i < n) {
    char16_t c = s[i];
    // ASCII fast path: an ASCII unit followed by ASCII (or the end) is a segment of its own.
    if (c < 0x80 && (i + 1 == n || s[i + 1] < 0x80)) {
      out.text.push_back((c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c);
      out.map.push_back({uint32_t(i), uint32_t(i + 1)});
      ++i;
      continue;
    }
    // A normalization segment: from i up to the next code point with a boundary before it.
    size_t len;
    codePointAt(s, i, len);
    size_t j = i + len;
    while (j < n) {
      char32_t cp = codePointAt(s, j, len);
      if (cp < 0x80 || !norm || unorm2_hasBoundaryBefore(norm, UChar32(cp))) break;
      j += len;
    }
    const Span span{uint32_t(i), uint32_t(j)};
    seg.assign(s.substr(i, j - i));
    for (size_t k = 0; k < seg.size();) {  // lone surrogates -> U+FFFD before normalizing
      size_t l;
      char32_t cp = codePointAt(seg, k, l);
      if (isSurrogate(cp)) seg[k] = 0xFFFD;
      k += l;
    }
    std::u16string_view folded = seg;
    if (norm) {
      UErrorCode status = U_ZERO_ERROR;
      dest.resize(seg.size() * 4 + 8);
      int32_t m = unorm2_normalize(norm, seg.data(), int32_t(seg.size()), dest.data(), int32_t(dest.size()), &status);
      if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        dest.resize(size_t(m));
        m = unorm2_normalize(norm, seg.data(), int32_t(seg.size()), dest.data(), int32_t(dest.size()), &status);
      }
      if (U_SUCCESS(status)) folded = std::u16string_view(dest.data(), size_t(m));
    }
    for (size_t k = 0; k < folded.size();) {
      size_t l;
      char32_t cp = codePointAt(folded, k, l);
      k += l;
      if (!norm && cp < 0x80 && cp >= u'A' && cp <= u'Z') cp += 32;
      emitFolded(cp, span, out);
    }
    i = j;
  }
  return norm != nullptr;
}

namespace {

// Output of a pass, written through raw indices (no per-unit push_back).
class Writer {
 public:
  Writer(const View& in, View& out) : in_(in), out_(out) {
    out.text.resize(in.size());
    out.map.resize(in.size());
    out.obf.resize(in.size());
  }
  ~Writer() {
    out_.text.resize(n_);
    out_.map.resize(n_);
    out_.obf.resize(n_);
  }
  void copy(size_t k, uint8_t changed = 0) { put(in_.text[k], k, changed); }
  void put(char16_t c, size_t k, uint8_t changed) {
    out_.text[n_] = c;
    out_.map[n_] = in_.map[k];
    out_.obf[n_] = uint8_t(changed | (in_.obf.empty() ? 0 : in_.obf[k]));
    ++n_;
  }
  void extendEnd(uint32_t end) { out_.map[n_ - 1].end = end; }

 private:
  const View& in_;
  View& out_;
  size_t n_ = 0;
};

inline char16_t leetOf(char16_t c) {
  switch (c) {
    case u'3': return u'e';
    case u'0': return u'o';
    case u'1': return u'i';
    case u'!': return u'i';
    case u'|': return u'l';
    case u'@': return u'a';
    case u'$': return u's';
    case u'4': return u'a';
    case u'5': return u's';
    case u'7': return u't';
    default: return 0;
  }
}

inline bool isSeparator(char16_t c) { return c == u'.' || c == u'-' || c == u'_' || c == u'*' || c == u' '; }

// Cheap pre-checks: most texts need no pass at all, and then the view is shared, not copied.
bool leetMayApply(const View& v) {
  for (char16_t c : v.text)
    if (leetOf(c)) return true;
  return false;
}
bool separatorsMayApply(const View& v) {
  const size_t n = v.size();
  auto wordChar = [&](size_t k) { return isLetter(v.text[k]) || isDigit(v.text[k]); };
  for (size_t i = 0; i + 2 < n; ++i) {
    if (!isSeparator(v.text[i + 1]) || !isLetter(v.text[i]) || (i > 0 && wordChar(i - 1))) continue;
    size_t k = i + 1;
    while (k < n && isSeparator(v.text[k])) ++k;
    if (k < n && isLetter(v.text[k]) && (k + 1 == n || !wordChar(k + 1))) return true;
  }
  return false;
}
bool repeatsMayApply(const View& v) {
  for (size_t i = 0; i + 2 < v.size(); ++i)
    if (v.text[i] == v.text[i + 1] && v.text[i] == v.text[i + 2] && isLetter(v.text[i])) return true;
  return false;
}

}  // namespace

void leetPass(const View& in, View& out) {
  Writer w(in, out);
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    if (isSpace(in.text[i])) {
      w.copy(i++);
      continue;
    }
    // A token: a run of non-space units. Leet applies only if it contains a real letter.
    size_t j = i;
    bool hasLetter = false;
    while (j < n && !isSpace(in.text[j])) hasLetter |= isLetter(in.text[j++]);
    for (size_t k = i; k < j; ++k) {
      char16_t c = in.text[k];
      char16_t l = hasLetter ? leetOf(c) : 0;
      // Punctuation-like leet characters only count inside a word ("sh!t"), not as its end ("idiot!").
      if (l && !isDigit(c) && !(k + 1 < j && (isLetter(in.text[k + 1]) || leetOf(in.text[k + 1])))) l = 0;
      if (l) w.put(l, k, 1);
      else w.copy(k);
    }
    i = j;
  }
}

void separatorPass(const View& in, View& out) {
  Writer w(in, out);
  const size_t n = in.size();
  auto wordChar = [&](size_t k) { return isLetter(in.text[k]) || isDigit(in.text[k]); };
  auto single = [&](size_t k) { return isLetter(in.text[k]) && (k + 1 == n || !wordChar(k + 1)); };
  std::vector<size_t> letters;
  size_t i = 0;
  while (i < n) {
    if (i + 1 < n && isSeparator(in.text[i + 1]) && single(i) && (i == 0 || !wordChar(i - 1))) {
      letters.assign(1, i);
      size_t k = i + 1;
      for (;;) {  // letter (separators letter)*, every letter standing alone
        size_t s = k;
        while (k < n && isSeparator(in.text[k])) ++k;
        if (k == s || k >= n || !single(k)) break;
        letters.push_back(k);
        ++k;
      }
      if (letters.size() >= 3) {
        for (size_t l : letters) w.copy(l, 1);
        i = letters.back() + 1;
        continue;
      }
    }
    w.copy(i++);
  }
}

void repeatPass(const View& in, View& out) {
  Writer w(in, out);
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    size_t j = i + 1;
    if (isLetter(in.text[i]))
      while (j < n && in.text[j] == in.text[i]) ++j;
    if (j - i >= 3) {  // "stuuuupid": the kept letter spans the whole run
      w.copy(i, 1);
      w.extendEnd(in.map[j - 1].end);
    } else {
      for (size_t k = i; k < j; ++k) w.copy(k);
    }
    i = j;
  }
}

const View& applyPasses(const View& base, ViewKind kind, View& a, View& b) {
  const View* cur = &base;
  auto step = [&](bool (*may)(const View&), void (*pass)(const View&, View&)) {
    if (!may(*cur)) return;
    View& target = (cur == &a) ? b : a;
    pass(*cur, target);
    cur = &target;
  };
  if (kind & kLeet) step(leetMayApply, leetPass);
  if (kind & kSeparators) step(separatorsMayApply, separatorPass);
  if (kind & kRepeats) step(repeatsMayApply, repeatPass);
  return *cur;
}

void applyPasses(const View& base, ViewKind kind, View& out) {
  View a, b;
  const View& v = applyPasses(base, kind, a, b);
  out = v;
}

std::u16string foldTerm(std::u16string_view term, ViewKind kind) {
  View base;
  foldBase(term, base);
  View a, b;
  return applyPasses(base, kind, a, b).text;
}

}  // namespace rg::text
