// Folded views and their offset maps back to the original UTF-16 text.
#include <catch2/catch.hpp>

#include <set>

#include "match/aho_corasick.h"
#include "match/word_list.h"
#include "text/utf.h"
#include "text/views.h"

using namespace rg::text;

namespace {
View base(std::u16string_view s) {
  View v;
  REQUIRE(foldBase(s, v));
  REQUIRE(v.map.size() == v.text.size());
  return v;
}
std::vector<std::pair<uint32_t, uint32_t>> spans(const View& v) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const Span& s : v.map) out.emplace_back(s.begin, s.end);
  return out;
}
using P = std::vector<std::pair<uint32_t, uint32_t>>;
}  // namespace

TEST_CASE("base view lower-cases ASCII one to one", "[engine]") {
  View v = base(u"HeLLo, World!");
  CHECK(v.text == u"hello, world!");
  for (size_t i = 0; i < v.size(); ++i) {
    CHECK(v.map[i].begin == i);
    CHECK(v.map[i].end == i + 1);
  }
}

TEST_CASE("ligature fi expands, both units map to the ligature", "[engine]") {
  View v = base(u"a\uFB01b");
  CHECK(v.text == u"afib");
  CHECK(spans(v) == P{{0, 1}, {1, 2}, {1, 2}, {2, 3}});
  CHECK(v.startsSpan(1));
  CHECK_FALSE(v.startsSpan(2));
}

TEST_CASE("Strasse: sharp s folds to ss, umlauts to ae oe ue", "[engine]") {
  View v = base(u"Straße");
  CHECK(v.text == u"strasse");
  CHECK(spans(v) == P{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {4, 5}, {5, 6}});
  View u = base(u"ÄRGER über Öl");
  CHECK(u.text == u"aerger ueber oel");
  CHECK(u.map[0].begin == 0);
  CHECK(u.map[1].end == 1);
  CHECK(u.map[2].begin == 1);
}

TEST_CASE("decomposed umlaut is one segment and folds like the composed one", "[engine]") {
  View v = base(u"a\u0308rger");
  CHECK(v.text == u"aerger");
  CHECK(spans(v) == P{{0, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}});
}

TEST_CASE("dotted capital I folds to i without the combining dot", "[engine]") {
  View v = base(u"\u0130diot");
  CHECK(v.text == u"idiot");
  CHECK(v.map[0].begin == 0);
  CHECK(v.map[0].end == 1);
  CHECK(v.map[1].begin == 1);
}

TEST_CASE("leftover combining marks are dropped (zalgo)", "[engine]") {
  View v = base(u"i\u0335d\u0336i");
  CHECK(v.text == u"idi");
  CHECK(spans(v) == P{{0, 2}, {2, 4}, {4, 5}});
}

TEST_CASE("emoji surrogate pairs are kept, both units map to the pair", "[engine]") {
  View v = base(u"a\U0001F600b");
  CHECK(v.text == u"a\U0001F600b");
  CHECK(spans(v) == P{{0, 1}, {1, 3}, {1, 3}, {3, 4}});
}

TEST_CASE("lone surrogates become U+FFFD with exact offsets", "[engine]") {
  std::u16string s = u"a";
  s.push_back(char16_t(0xD800));
  s += u"b";
  s.push_back(char16_t(0xDC00));
  View v = base(s);
  CHECK(v.text == u"a\uFFFDb\uFFFD");
  CHECK(spans(v) == P{{0, 1}, {1, 2}, {2, 3}, {3, 4}});
  std::u16string t(1, char16_t(0xDBFF));  // lone high surrogate at the very end
  CHECK(base(t).text == u"\uFFFD");
}

TEST_CASE("NUL is kept as a unit of its own", "[engine]") {
  std::u16string s = u"a";
  s.push_back(0);
  s += u"B";
  View v = base(s);
  CHECK(v.text == std::u16string(u"a\0b", 3));
  CHECK(spans(v) == P{{0, 1}, {1, 2}, {2, 3}});
}

TEST_CASE("zero-width and soft hyphen inside a word are removed", "[engine]") {
  View v = base(u"id\u200Bi\u00ADo\u200Dt");
  CHECK(v.text == u"idiot");
  CHECK(v.map.front().begin == 0);
  CHECK(v.map.back().end == 8);
  CHECK(v.map[2].begin == 3);  // the second i, after the zero-width space
}

TEST_CASE("Cyrillic and Greek homoglyphs fold to Latin; Latin and real Cyrillic words stay", "[engine]") {
  View v = base(u"\u0456d\u0456\u043Et");  // іdіоt with Cyrillic і and о
  CHECK(v.text == u"idiot");
  CHECK(spans(v) == P{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
  CHECK(base(u"\u0391\u039F").text == u"ao");  // Greek capital Alpha Omicron -> α ο -> a o
  CHECK(base(u"\u0436").text == u"\u0436");    // ж looks like no Latin letter
  CHECK(base(u"\u00E9").text == u"\u00E9");    // é is Latin: unchanged
  char16_t out[8];
  CHECK(confusableToLatin(0x0430, out) == 1);
  CHECK(out[0] == u'a');
  CHECK(confusableToLatin(U'a', out) == 0);
}

TEST_CASE("fullwidth and math letters fold through NFKC", "[engine]") {
  View v = base(u"\uFF29\uFF24\U0001D422");  // ＩＤ𝐢
  CHECK(v.text == u"idi");
  CHECK(spans(v) == P{{0, 1}, {1, 2}, {2, 4}});
}

TEST_CASE("leet applies inside words that contain a letter", "[engine]") {
  View b = base(u"id1ot 5000 sh!t idiot! $hit h3ll0");
  View v;
  leetPass(b, v);
  CHECK(v.text == u"idiot 5000 shit idiot! shit hello");
  CHECK(v.obf[2] == 1);
  CHECK(v.obf[0] == 0);
  CHECK(v.map[2].begin == 2);
}

TEST_CASE("separators join single letters", "[engine]") {
  View b = base(u"you i.d.i.o.t and i d i o t, a-b but not at.all or a b");
  View v;
  separatorPass(b, v);
  CHECK(v.text == u"you idiot and idiot, a-b but not at.all or a b");
  // "idiot" from "i.d.i.o.t" spans original 4..13
  size_t k = v.text.find(u"idiot");
  CHECK(v.map[k].begin == 4);
  CHECK(v.map[k + 4].end == 13);
}

TEST_CASE("repeats of 3+ letters collapse to one unit spanning the run", "[engine]") {
  View b = base(u"stuuuupid cool");
  View v;
  repeatPass(b, v);
  CHECK(v.text == u"stupid cool");
  CHECK(v.map[2].begin == 2);
  CHECK(v.map[2].end == 6);
  CHECK(v.map[3].begin == 6);
}

TEST_CASE("passes compose and terms fold like text", "[engine]") {
  View b = base(u"I.D.1.O.T");
  View v;
  applyPasses(b, kLeet | kSeparators, v);
  CHECK(v.text == u"idiot");
  CHECK(v.map.front().begin == 0);
  CHECK(v.map.back().end == 9);
  CHECK(foldTerm(u"ÄRGER", 0) == u"aerger");
  CHECK(foldTerm(u"aerger", 0) == u"aerger");
  CHECK(foldTerm(u"Straße", kRepeats) == u"strasse");
}

TEST_CASE("a pass memo gives every view applyPasses gives, sharing pass outputs", "[engine]") {
  rg::match::WordList en, de;
  for (const char16_t* w : {u"idiot", u"stupid", u"ass", u"moron"}) en.addKey(w);
  for (const char16_t* w : {u"depp", u"dumm", u"arsch", u"bloed"}) de.addKey(w);
  en.build();
  de.build();
  std::vector<ViewKind> kinds;
  for (ViewKind k : {ViewKind(kLeet | kSeparators), ViewKind(kLeet | kSeparators | kRepeats | kLookalikes | kMasks),
                     ViewKind(kLeet), ViewKind(kMasks | kRepeats), ViewKind(kLookalikes | kSeparators)})
    for (ViewKind v : termViews(k, kStemEnglish | kStemGerman)) kinds.push_back(v);
  for (ViewKind v : termViews(ViewKind(kLeet | kSeparators | kRepeats | kLookalikes | kMasks))) kinds.push_back(v);
  for (const char16_t* t : {u"Du bist ein 1d10t, s t u p i d und ein a$$ - service@example.com!",
                            u"Was f\u00FCr ein D*pp, duuumm und bl\u00F6\u00F6d, \u0456d\u0456ot, \u00EDd\u00EDot.",
                            u"Thanks for your patience! Order 12345 ships on 3.4.", u"", u"stuuup*d m.o.r.o.n ARSCH!!!"}) {
    const View b = base(t);
    PassMemo memo(b);
    for (int round = 0; round < 2; ++round)  // the second round reads every view from the memo
      for (ViewKind k : kinds)
        for (const rg::match::WordList* w : {&en, &de}) {
          View x, y;
          bool idle = false, memoIdle = false;
          const View& want = applyPasses(b, k, x, y, w, &idle);
          const View& got = memo.view(k, w, w == &en ? 0 : 1, &memoIdle);
          CHECK(got.text == want.text);
          CHECK(spans(got) == spans(want));
          CHECK(got.obf == want.obf);
          CHECK(memoIdle == idle);
        }
  }
}

TEST_CASE("empty and large texts", "[engine]") {
  CHECK(base(u"").size() == 0);
  std::u16string big(1 << 20, u'a');
  big[5000] = u'\u00C4';
  View v = base(big);
  CHECK(v.size() == big.size() + 1);
  CHECK(v.map.back().end == big.size());
}

TEST_CASE("utf conversions replace ill-formed input", "[engine]") {
  std::u16string s = u"a";
  s.push_back(char16_t(0xDC00));
  CHECK(toUtf8(s) == "a\xEF\xBF\xBD");
  CHECK(toUtf8(u"\U0001F600ß") == "\xF0\x9F\x98\x80\xC3\x9F");
  CHECK(toUtf16("\xF0\x9F\x98\x80\xC3\x9F") == u"\U0001F600ß");
  CHECK(toUtf16("a\xFF") == u"a\uFFFD");
}

TEST_CASE("Aho-Corasick finds every occurrence of every key", "[engine]") {
  rg::match::AhoCorasick ac;
  int he = ac.add(u"he"), she = ac.add(u"she"), hers = ac.add(u"hers"), his = ac.add(u"his");
  CHECK(ac.add(u"she") == she);
  CHECK(ac.add(u"") == -1);
  int uml = ac.add(u"\u00E9t\u00E9");
  ac.build();
  std::vector<std::pair<int, size_t>> hits;
  ac.scan(u"ushers his \u00E9t\u00E9", [&](int id, size_t end) { hits.emplace_back(id, end); });
  using H = std::vector<std::pair<int, size_t>>;
  CHECK(hits == H{{she, 4}, {he, 4}, {hers, 6}, {his, 10}, {uml, 14}});
  CHECK(ac.keyLength(hers) == 4);
}

TEST_CASE("Aho-Corasick with many keys matches a brute-force search", "[engine]") {
  rg::match::AhoCorasick ac;
  std::vector<std::u16string> keys;
  uint32_t seed = 7;
  auto rnd = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  for (int i = 0; i < 300; ++i) {
    std::u16string k;
    int len = 1 + rnd() % 4;
    for (int j = 0; j < len; ++j) k.push_back(char16_t(u'a' + rnd() % 3));
    keys.push_back(k);
  }
  std::vector<int> ids;
  for (auto& k : keys) ids.push_back(ac.add(k));
  ac.build();
  std::u16string text;
  for (int i = 0; i < 500; ++i) text.push_back(char16_t(u'a' + rnd() % 4));
  std::set<std::pair<int, size_t>> got, want;
  ac.scan(text, [&](int id, size_t end) { got.emplace(id, end); });
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t p = text.find(keys[i]); p != std::u16string::npos; p = text.find(keys[i], p + 1))
      want.emplace(ids[i], p + keys[i].size());
  CHECK(got == want);
}

TEST_CASE("Aho-Corasick beyond its dense budget (wide alphabet) still matches a brute-force search", "[engine]") {
  rg::match::AhoCorasick ac;
  std::vector<std::u16string> keys;
  uint32_t seed = 99;
  auto rnd = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  for (int i = 0; i < 6000; ++i) {
    std::u16string k;
    int len = 1 + rnd() % 3;
    for (int j = 0; j < len; ++j) k.push_back(char16_t(0x4E00 + rnd() % 3000));
    keys.push_back(k);
  }
  std::vector<int> ids;
  for (auto& k : keys) ids.push_back(ac.add(k));
  ac.build();
  REQUIRE(ac.denseStates() < ac.stateCount());  // the sparse part is exercised
  std::u16string text;
  for (int i = 0; i < 20000; ++i) text.push_back(char16_t(0x4E00 + rnd() % 3000));
  std::set<std::pair<int, size_t>> got, want;
  ac.scan(text, [&](int id, size_t end) { got.emplace(id, end); });
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t p = text.find(keys[i]); p != std::u16string::npos; p = text.find(keys[i], p + 1))
      want.emplace(ids[i], p + keys[i].size());
  CHECK(got.size() > 100);
  CHECK(got == want);
}
