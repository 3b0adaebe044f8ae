#include "views.h"

#include <algorithm>
#include <array>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "match/word_list.h"
#include "utf.h"
#include "view_pass.h"

namespace rg::text {
using namespace pass;
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

const USpoofChecker* pass::sharedSpoofChecker() { return spoofChecker(); }

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
    // ASCII fast path: an ASCII unit followed by ASCII (or the end) is a segment of its own; a
    // run of them is written at once.
    if (c < 0x80 && (i + 1 == n || s[i + 1] < 0x80)) {
      size_t j = i + 1;
      while (j < n && (j + 1 == n || s[j + 1] < 0x80)) ++j;  // (s[j] is ASCII: it was s[j - 1 + 1])
      const size_t at = out.text.size();
      out.text.resize(at + (j - i));
      out.map.resize(at + (j - i));
      for (size_t k = i; k < j; ++k) {
        const char16_t u = s[k];
        out.text[at + (k - i)] = (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
        out.map[at + (k - i)] = {uint32_t(k), uint32_t(k + 1)};
      }
      i = j;
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

constexpr char16_t leetOf(char16_t c) {
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
// (leetOf for the ASCII units, as a table: the leet characters are all ASCII)
constexpr auto kLeetTable = [] {
  std::array<char16_t, 128> t{};
  for (char16_t c = 0; c < 128; ++c) t[c] = leetOf(c);
  return t;
}();

// The units leetPass rewrites, in order: a leet character in a token (a run of non-space units)
// with a real letter, that is a digit or is followed in its token by a letter or another leet
// character ("sh!t", "id10t"; not "idiot!"). Found from the leet characters present: most units
// are none, and only a token that holds one is read.
void leetUnits(const View& v, std::vector<uint32_t>& out) {
  out.clear();
  const size_t n = v.size();
  for (size_t p = 0; p < n; ++p) {
    const char16_t c = v.text[p];
    if (c >= 0x80 || !kLeetTable[c]) continue;
    // p is the token's first leet character (the tokens before it are done).
    size_t i = p, j = p + 1;
    while (i > 0 && !isSpace(v.text[i - 1])) --i;
    while (j < n && !isSpace(v.text[j])) ++j;
    bool letter = false;
    for (size_t k = i; k < j && !letter; ++k) letter = isLetter(v.text[k]);
    for (size_t k = p; k < j && letter; ++k) {
      const char16_t u = v.text[k];
      if (!leetOf(u)) continue;
      // Punctuation-like leet characters only count inside a word ("sh!t"), not as its end ("idiot!").
      if (isDigit(u) || (k + 1 < j && (isLetter(v.text[k + 1]) || leetOf(v.text[k + 1])))) out.push_back(uint32_t(k));
    }
    p = j;  // (a space, or the end)
  }
}

// The leet view: a copy of `in` with `units` (leetUnits) spelled and marked.
void leetRewrite(const View& in, const std::vector<uint32_t>& units, View& out) {
  out.text = in.text;
  out.map = in.map;
  if (in.obf.empty()) out.obf.assign(in.size(), 0);
  else out.obf = in.obf;
  for (uint32_t k : units) {
    out.text[k] = leetOf(in.text[k]);
    out.obf[k] |= 1;
  }
}

inline bool isSeparator(char16_t c) { return c == u'.' || c == u'-' || c == u'_' || c == u'*' || c == u' '; }

// One character of the original text may be several view units (ö -> oe, ß -> ss, ﬁ -> fi): a
// "group" is the units sharing one original span. Passes that look at single letters or runs of
// letters look at groups, so "d ö d e l" and "blööd" are seen like "d o d e l" and "bloood".
inline size_t groupEnd(const View& v, size_t k) {
  size_t e = k + 1;
  while (e < v.size() && v.map[e].begin == v.map[k].begin && v.map[e].end == v.map[k].end) ++e;
  return e;
}
inline bool groupIsLetters(const View& v, size_t k, size_t e) {
  for (size_t i = k; i < e; ++i)
    if (!isLetter(v.text[i])) return false;
  return true;
}
inline bool sameGroup(const View& v, size_t a, size_t ae, size_t b, size_t be) {
  if (ae - a != be - b) return false;
  for (size_t i = 0; i < ae - a; ++i)
    if (v.text[a + i] != v.text[b + i]) return false;
  return true;
}
// A folded umlaut: doubled umlauts never occur in German words, so two already count once.
inline bool isUmlautGroup(const View& v, size_t k, size_t e) {
  return e - k == 2 && v.text[k + 1] == u'e' && (v.text[k] == u'a' || v.text[k] == u'o' || v.text[k] == u'u');
}

// The letter groups of a spaced-out word starting at i ("i.d.i.o.t", "d ö d e l"): every letter
// stands alone between separators. Empty unless there are at least 3.
void spacedLetters(const View& v, size_t i, std::vector<std::pair<size_t, size_t>>& groups) {
  groups.clear();
  const size_t n = v.size();
  auto wordChar = [&](size_t k) { return isLetter(v.text[k]) || isDigit(v.text[k]); };
  auto single = [&](size_t k, size_t& e) {
    e = groupEnd(v, k);
    return groupIsLetters(v, k, e) && (e == n || !wordChar(e));
  };
  size_t e;
  if ((i > 0 && wordChar(i - 1)) || !single(i, e) || e >= n || !isSeparator(v.text[e])) return;
  groups.emplace_back(i, e);
  size_t k = e;
  for (;;) {
    size_t s = k;
    while (k < n && isSeparator(v.text[k])) ++k;
    if (k == s || k >= n || !single(k, e)) break;
    groups.emplace_back(k, e);
    k = e;
  }
  if (groups.size() < 3) groups.clear();
}

// Cheap pre-checks: most texts need no pass at all, and then the view is shared, not copied.
bool separatorsMayApply(const View& v) {
  std::vector<std::pair<size_t, size_t>> groups;
  for (size_t i = 0; i + 2 < v.size(); ++i) {
    if (!isSeparator(v.text[i + 1]) && !(i + 2 < v.size() && isSeparator(v.text[i + 2]))) continue;
    spacedLetters(v, i, groups);
    if (!groups.empty()) return true;
  }
  return false;
}
bool repeatsMayApply(const View& v) {
  for (size_t i = 0; i + 2 < v.size(); ++i)
    if (v.text[i] == v.text[i + 1] && v.text[i] == v.text[i + 2] && isLetter(v.text[i])) return true;
  for (size_t i = 0; i + 3 < v.size(); ++i)  // "oeoe": a doubled umlaut
    if (v.text[i + 1] == u'e' && v.text[i + 3] == u'e' && v.text[i] == v.text[i + 2] &&
        (v.text[i] == u'a' || v.text[i] == u'o' || v.text[i] == u'u'))
      return true;
  return false;
}
void repeats(const View& in, View& out, bool two) {
  Writer w(in, out);
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    const size_t g = groupEnd(in, i);
    if (!isLetter(in.text[i])) {
      w.copyRange(i, g);
      i = g;
      continue;
    }
    // A run of equal groups [i, j), `count` of them, the last starting at `last`.
    size_t j = g, last = i, count = 1;
    for (;;) {
      size_t e = j < n ? groupEnd(in, j) : j;
      if (j >= n || !sameGroup(in, i, g, j, e)) break;
      last = j;
      j = e;
      ++count;
    }
    const bool umlaut = isUmlautGroup(in, i, g);
    if ((umlaut && count >= 2) || count >= 3) {
      // "stuuuupid" -> "stupid" (or "stuupid" in the twin view); a doubled umlaut counts once.
      w.copyRange(i, g, 1);
      if (two && !umlaut) {
        w.extendEnd(in.map[last].begin, g - i);
        w.copyRange(last, j, 1);
      } else {
        w.extendEnd(in.map[j - 1].end, g - i);
      }
    } else {
      w.copyRange(i, j);
    }
    i = j;
  }
}

}  // namespace

void leetPass(const View& in, View& out) {
  // One unit out per unit in: the view is copied whole and only the units leet spells are
  // rewritten (and marked), as the copy unit by unit through a Writer would give them.
  std::vector<uint32_t> units;
  leetUnits(in, units);
  leetRewrite(in, units, out);
}

void separatorPass(const View& in, View& out) {
  Writer w(in, out);
  const size_t n = in.size();
  std::vector<std::pair<size_t, size_t>> groups;
  size_t i = 0;
  while (i < n) {
    spacedLetters(in, i, groups);
    if (!groups.empty()) {
      for (const auto& [b, e] : groups) w.copyRange(b, e, 1);
      i = groups.back().second;
      continue;
    }
    w.copy(i++);
  }
}

void repeatPass(const View& in, View& out) { repeats(in, out, false); }
void repeatTwoPass(const View& in, View& out) { repeats(in, out, true); }

std::vector<ViewKind> termViews(ViewKind kind, ViewKind stem) {
  std::vector<ViewKind> out{kind};
  if (kind & kRepeats) out.push_back(ViewKind((kind & ~kRepeats) | kRepeatsTwo));
  if (!stem) return out;
  std::vector<ViewKind> stemmed;
  for (ViewKind k : out)
    for (ViewKind lang : {kStemEnglish, kStemGerman})
      if (stem & lang) stemmed.push_back(ViewKind(k | lang));
  return stemmed;
}

namespace {

// The steps of a pass, told apart by a memo; the masks step also by its two flags.
enum Step : uint32_t { kStepLookalikes, kStepLeet, kStepSeparators, kStepRepeats, kStepRepeatsTwo, kStepStemEnglish,
                       kStepStemGerman, kStepMasks /* + 1: masks, + 2: final symbols */ };

// Runs the passes of `kind` in their order. `step(id, usesWords, may, pass)` runs one:
// `may(view)` tells whether it changes the view, `pass(in, out)` writes the changed view (called
// only right after `may` on the same view); it returns whether the view changed.
template <class RunStep>
void runPasses(ViewKind kind, const match::WordList* words, bool* twinIdle, RunStep&& step) {
  if (twinIdle) *twinIdle = false;
  if (kind & kLookalikes) step(kStepLookalikes, false, lookalikesMayApply, lookalikePass);
  if (kind & kLeet) {
    std::vector<uint32_t> units;
    step(kStepLeet, false, [&](const View& v) { leetUnits(v, units); return !units.empty(); },
         [&](const View& in, View& out) { leetRewrite(in, units, out); });
  }
  // Masks before separators: "*" is both, and "b**n*r" is a masked word, "i*d*i*o*t" a spaced one
  // (no listed word fits it). Again after repeats, for a stretched masked word ("stuuup*d").
  const bool masks = (kind & kMasks) != 0, finalSymbols = (kind & kLeet) != 0;
  const bool dictionary = words && !words->empty() && (masks || finalSymbols);
  auto maskStep = [&] {
    step(kStepMasks + (masks ? 1 : 0) + (finalSymbols ? 2 : 0), true,
         [&](const View& v) { return masksMayApply(v, *words, masks, finalSymbols); },
         [&](const View& in, View& out) { maskPass(in, out, *words, masks, finalSymbols); });
  };
  if (dictionary) maskStep();
  if (kind & kSeparators) step(kStepSeparators, false, separatorsMayApply, separatorPass);
  if (kind & kRepeats) step(kStepRepeats, false, repeatsMayApply, repeatPass);
  else if (kind & kRepeatsTwo) {
    const bool changed = step(kStepRepeatsTwo, false, repeatsMayApply, repeatTwoPass);
    if (!changed && twinIdle) *twinIdle = true;
  }
  if (dictionary && masks && (kind & (kRepeats | kRepeatsTwo))) maskStep();
  if (kind & (kStemEnglish | kStemGerman)) {
    const bool german = (kind & kStemGerman) != 0;
    step(german ? kStepStemGerman : kStepStemEnglish, false, hasLetter,
         [&](const View& in, View& out) { stemPass(in, out, german); });
  }
}

}  // namespace

const View& applyPasses(const View& base, ViewKind kind, View& a, View& b, const match::WordList* words,
                        bool* twinIdle) {
  const View* cur = &base;
  runPasses(kind, words, twinIdle, [&](uint32_t, bool, auto&& may, auto&& pass) {
    if (!may(*cur)) return false;
    View& target = (cur == &a) ? b : a;
    pass(*cur, target);
    cur = &target;
    return true;
  });
  return *cur;
}

const View& PassMemo::view(ViewKind kind, const match::WordList* words, uint32_t wordsId, bool* twinIdle) {
  const View* cur = &base_;
  runPasses(kind, words, twinIdle, [&](uint32_t id, bool usesWords, auto&& may, auto&& pass) {
    const uint32_t w = usesWords ? wordsId : UINT32_MAX;
    const View* in = cur;
    auto output = [&](uint32_t step) {
      return std::find_if(outputs_.begin(), outputs_.end(),
                          [&](const Output& o) { return o.in == in && o.step == step && o.words == w; });
    };
    auto known = output(id);
    // Repeats and its two-letter twin change a view under one condition (repeatsMayApply).
    const uint32_t twin = id == kStepRepeats ? kStepRepeatsTwo : id == kStepRepeatsTwo ? kStepRepeats : UINT32_MAX;
    auto twinKnown = twin == UINT32_MAX ? outputs_.end() : output(twin);
    if (known != outputs_.end()) {
      cur = known->out;
    } else {
      if (twinKnown != outputs_.end() ? twinKnown->out != in : may(*in)) {
        View& v = views_.emplace_back();
        pass(*in, v);
        cur = &v;
      }
      outputs_.push_back({in, id, w, cur});
    }
    return cur != in;
  });
  return *cur;
}

void applyPasses(const View& base, ViewKind kind, View& out, const match::WordList* words) {
  View a, b;
  const View& v = applyPasses(base, kind, a, b, words);
  out = v;
}

std::u16string foldTerm(std::u16string_view term, ViewKind kind) {
  View base;
  foldBase(term, base);
  View a, b;
  return applyPasses(base, kind, a, b).text;
}

}  // namespace rg::text
