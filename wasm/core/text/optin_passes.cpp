// The opt-in passes that run only for rules asking for them: Latin look-alikes, masked words and
// word-final $ @ !, and stems. (Compiled for size in wasm: they rarely have work to do.)
#include <array>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include "match/word_list.h"
#include "morph/stemmer.h"
#include "view_pass.h"

namespace rg::text {
using namespace pass;
namespace {

// Latin letters with diacritics and look-alike Latin letters (í ø ł ı ɪ ð ...) -> ASCII, from ICU's
// confusable skeleton, canonical decomposition and dropped marks; a few without either are listed.
constexpr char16_t kLatinRanges[][2] = {{0x00C0, 0x02AF}, {0x1D00, 0x1EFF}};
struct LatinEntry {
  uint8_t len;
  char16_t text[2];
};
const std::vector<LatinEntry>& latinTable() {
  static const std::vector<LatinEntry> table = [] {
    std::vector<LatinEntry> t;
    const USpoofChecker* sc = sharedSpoofChecker();
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
    for (const auto& r : kLatinRanges) {
      for (char32_t cp = r[0]; cp <= r[1]; ++cp) {
        LatinEntry e{};
        status = U_ZERO_ERROR;
        const bool latin = u_isalpha(UChar32(cp)) && uscript_getScript(UChar32(cp), &status) == USCRIPT_LATIN;
        if (latin && sc && nfd) {
          UChar in[1] = {UChar(cp)}, skel[16], dec[32];
          status = U_ZERO_ERROR;
          int32_t n = uspoof_getSkeleton(sc, 0, in, 1, skel, 16, &status);
          int32_t m = U_SUCCESS(status) ? unorm2_normalize(nfd, skel, n, dec, 32, &status) : 0;
          bool ok = U_SUCCESS(status);
          for (int32_t i = 0; ok && i < m; ++i) {
            if (u_charType(dec[i]) == U_NON_SPACING_MARK) continue;
            UChar c = UChar(u_tolower(dec[i]));
            if (c < u'a' || c > u'z' || e.len == 2) ok = false;
            else e.text[e.len++] = c;
          }
          if (!ok) e.len = 0;
        }
        switch (cp) {  // no skeleton or decomposition to a Latin letter
          case 0x00F0: case 0x00D0: e = {1, {u'd'}}; break;  // ð Ð
          case 0x00FE: case 0x00DE: e = {1, {u'p'}}; break;  // þ Þ
          case 0x014B: case 0x014A: e = {1, {u'n'}}; break;  // ŋ Ŋ
          default: break;
        }
        t.push_back(e);
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

int latinLookalike(char16_t c, char16_t out[2]) {
  size_t offset = 0;
  for (const auto& r : kLatinRanges) {
    if (c >= r[0] && c <= r[1]) {
      const LatinEntry& e = latinTable()[offset + (c - r[0])];
      for (int i = 0; i < e.len; ++i) out[i] = e.text[i];
      return e.len;
    }
    offset += size_t(r[1] - r[0] + 1);
  }
  return 0;
}

namespace pass {

bool lookalikesMayApply(const View& v) {
  char16_t buf[2];
  for (char16_t c : v.text)
    if (c >= 0xC0 && latinLookalike(c, buf)) return true;
  return false;
}
// Exactly when maskPass rewrites a token: a masked token spelling a listed word, or a token whose
// word-final $ @ ! spell one ("a$$"); "thanks!" alone leaves the view as it is.
bool masksMayApply(const View& v, const match::WordList& words, bool masks, bool finalSymbols) {
  const size_t n = v.size();
  std::u16string token;
  std::vector<uint32_t> from;
  // Only tokens with a mask or a word-final symbol can change: found from those rare units, by a
  // table of the ASCII units that trigger a look (bit 1: a mask, bit 2: a word-final symbol).
  static constexpr auto kTriggers = [] {
    std::array<uint8_t, 128> t{};
    for (char16_t c = 0; c < 128; ++c) t[c] = uint8_t((isMaskChar(c) ? 1 : 0) | (finalSymbolOf(c) ? 2 : 0));
    return t;
  }();
  const uint8_t wanted = uint8_t((masks ? 1 : 0) | (finalSymbols ? 2 : 0));
  for (size_t p = 0; p < n; ++p) {
    const char16_t c = v.text[p];
    if (c >= 0x80 || !(kTriggers[c] & wanted)) continue;
    size_t i = p, j = p + 1;
    while (i > 0 && maskTokenChar(v.text[i - 1])) --i;
    while (j < n && maskTokenChar(v.text[j])) ++j;
    size_t core = j;
    while (core > i && finalSymbolOf(v.text[core - 1])) --core;
    size_t letters = 0, maskCount = 0;
    for (size_t k = i; k < core; ++k) {
      letters += isLetter(v.text[k]);
      maskCount += isMaskChar(v.text[k]);
    }
    if (masks && maskCount && letters >= 2 && maskCount <= letters) {
      size_t used = 0;
      token.assign(v.text, i, core - i);
      if (words.unmask(token, isMaskChar, used, from)) return true;
    }
    if (finalSymbols && core < j) {
      token.assign(v.text, i, core - i);
      for (size_t k = core; k < j; ++k) token.push_back(finalSymbolOf(v.text[k]));
      if (words.contains(token)) return true;
    }
    p = j;  // the next token starts after j
  }
  return false;
}
bool hasLetter(const View& v) {
  for (char16_t c : v.text)
    if (isLetter(c)) return true;
  return false;
}

}  // namespace pass

void lookalikePass(const View& in, View& out) {
  Writer w(in, out);
  char16_t buf[2];
  for (size_t k = 0; k < in.size(); ++k) {
    const int m = in.text[k] >= 0xC0 ? latinLookalike(in.text[k], buf) : 0;
    if (!m) {
      w.copy(k);
      continue;
    }
    for (int i = 0; i < m; ++i) w.put(buf[i], k, 1);
  }
}

void maskPass(const View& in, View& out, const match::WordList& words, bool masks, bool finalSymbols) {
  Writer w(in, out);
  const size_t n = in.size();
  auto tokenChar = [](char16_t c) { return maskTokenChar(c); };
  std::u16string token;
  std::vector<uint32_t> from;
  size_t i = 0;
  while (i < n) {
    if (!tokenChar(in.text[i])) {
      w.copy(i++);
      continue;
    }
    size_t j = i;
    while (j < n && tokenChar(in.text[j])) ++j;
    // The token without word-final $ @ ! (they are punctuation unless the word needs them).
    size_t core = j;
    while (core > i && finalSymbolOf(in.text[core - 1])) --core;
    size_t letters = 0, maskCount = 0;
    for (size_t k = i; k < core; ++k) {
      letters += isLetter(in.text[k]);
      maskCount += isMaskChar(in.text[k]);
    }
    // Most tokens have neither a mask to spell out nor word-final symbols: copied as they are.
    const bool mayUnmask = masks && maskCount && letters >= 2 && maskCount <= letters;
    if (!mayUnmask && !(finalSymbols && core < j)) {
      w.copyRange(i, j);
      i = j;
      continue;
    }
    token.assign(in.text, i, core - i);
    std::vector<uint32_t> src(core - i);  // token unit -> view unit
    for (size_t k = i; k < core; ++k) src[k - i] = uint32_t(k);
    std::vector<uint8_t> changed(core - i, 0);
    bool rewritten = false, maskedRest = false;
    size_t used = 0, wordUnits = 0;
    if (mayUnmask) {
      if (const std::u16string* word = words.unmask(token, isMaskChar, used, from)) {
        std::u16string spelled = *word;
        std::vector<uint32_t> spelledSrc(word->size());
        std::vector<uint8_t> spelledChanged(word->size());
        for (size_t u = 0; u < word->size(); ++u) {
          spelledSrc[u] = uint32_t(i + from[u]);
          spelledChanged[u] = isMaskChar(token[from[u]]);
        }
        wordUnits = word->size();
        for (size_t k = i + used; k < core; ++k) maskedRest |= isMaskChar(in.text[k]);
        for (size_t k = i + used; k < core; ++k) {  // an inflection after the word stays as written
          spelled.push_back(in.text[k]);
          spelledSrc.push_back(uint32_t(k));
          spelledChanged.push_back(0);
        }
        token = std::move(spelled);
        src = std::move(spelledSrc);
        changed = std::move(spelledChanged);
        rewritten = true;
      }
    }
    size_t end = core;
    if (finalSymbols && core < j) {  // "a$$", or all symbols: "@$$"
      std::u16string folded = token;
      for (size_t k = core; k < j; ++k) folded.push_back(finalSymbolOf(in.text[k]));
      if (words.contains(folded)) {
        token = std::move(folded);
        for (size_t k = core; k < j; ++k) {
          src.push_back(uint32_t(k));
          changed.push_back(1);
        }
        end = j;
        rewritten = true;
      }
    }
    if (rewritten) {
      // Units standing for one mask share its span, like a folded umlaut's do.
      for (size_t u = 0; u < token.size(); ++u) {
        w.put(token[u], src[u], changed[u]);
        // A word that only starts a still masked token ("arsch" of "a*schl*ch") spans the token:
        // the original's word breaks at the masks, the finding must not.
        if (u + 1 == wordUnits && maskedRest) {
          size_t same = 1;
          while (same < wordUnits && src[u - same] == src[u]) ++same;
          w.extendEnd(in.map[core - 1].end, same);
        }
      }
      w.copyRange(end, j);
    } else {
      w.copyRange(i, j);
    }
    i = j;
  }
}

void stemPass(const View& in, View& out, bool german) {
  Writer w(in, out);
  const size_t n = in.size();
  const morph::Language lang = german ? morph::Language::German : morph::Language::English;
  std::u16string stemmed;
  size_t i = 0;
  while (i < n) {
    if (!isLetter(in.text[i])) {
      w.copy(i++);
      continue;
    }
    size_t j = i;
    uint8_t obf = 0;
    for (; j < n && isLetter(in.text[j]); ++j)
      if (!in.obf.empty()) obf |= in.obf[j];
    // Every unit of a stem spans the whole word: a term matches the word or nothing of it.
    const Span word{in.map[i].begin, in.map[j - 1].end};
    stemmed.clear();
    morph::stemInto(std::u16string_view(in.text).substr(i, j - i), lang, stemmed);
    for (char16_t c : stemmed) w.put(c, word, obf);
    i = j;
  }
}

}  // namespace rg::text
