// Obfuscation folding: stretched letters (one- and two-letter collapse), Latin look-alikes,
// masked words, umlauts inside spaced/dotted/stretched words, word-final $ @ !.
#include "engine_test_util.h"
#include "match/word_list.h"
#include "text/views.h"

using namespace rgtest;
using namespace rg::text;

namespace {
View baseOf(std::u16string_view s) {
  View v;
  REQUIRE(foldBase(s, v));
  return v;
}
const json kAll = {"leet", "separators", "repeats", "lookalikes", "masks"};

// One finding of rule `id` covering exactly [b, e) with the obfuscation confidence.
void flagsExactly(const rg::Policy& p, const std::u16string& text, uint32_t b, uint32_t e) {
  INFO(rg::text::toUtf8(text));
  json r = check(p, text);
  REQUIRE(r["findings"].size() == 1);
  CHECK(r["findings"][0]["begin"] == b);
  CHECK(r["findings"][0]["end"] == e);
  CHECK(r["findings"][0]["confidence"] == 0.9);
}
}  // namespace

TEST_CASE("repeats: runs of 3+ collapse to one letter, the twin view to two", "[engine][obfuscation]") {
  View b = baseOf(u"dummm asssshole stuuupid");
  View one, two;
  repeatPass(b, one);
  repeatTwoPass(b, two);
  CHECK(one.text == u"dum ashole stupid");
  CHECK(two.text == u"dumm asshole stuupid");
  // The kept letters span the whole run in the original text.
  CHECK(one.map[2].begin == 2);
  CHECK(one.map[2].end == 5);
  CHECK(two.map[2].begin == 2);
  CHECK(two.map[3].end == 5);
  CHECK(termViews(kRepeats | kLeet) == std::vector<ViewKind>{kRepeats | kLeet, kRepeatsTwo | kLeet});
}

TEST_CASE("umlauts count as one letter in spaced, dotted and stretched words", "[engine][obfuscation]") {
  View sep;
  separatorPass(baseOf(u"d \u00F6 d e l"), sep);
  CHECK(sep.text == u"doedel");
  separatorPass(baseOf(u"b.l.\u00F6.d und s.c.h.e.i.\u00DF.e"), sep);
  CHECK(sep.text == u"bloed und scheisse");
  View rep;
  repeatPass(baseOf(u"bl\u00F6\u00F6d bl\u00F6\u00F6\u00F6\u00F6d"), rep);
  CHECK(rep.text == u"bloed bloed");
  CHECK(rep.map[2].begin == 2);
  CHECK(rep.map[2].end == 4);
  CHECK(rep.map[3].end == 4);
}

TEST_CASE("lookalikes: Latin diacritics and look-alike letters fold to ASCII", "[engine][obfuscation]") {
  View v;
  lookalikePass(baseOf(u"\u00EDd\u00EDo\u0301t \u0131d\u0131ot idi\u00F8t \u00F0umb \u0142oser \u026Adiot \u00E6"), v);
  CHECK(v.text == u"idiot idiot idiot dumb loser idiot ae");
  CHECK(v.map[0].begin == 0);
  CHECK(v.map[3].end == 5);  // "ó" decomposed: o + combining acute, one original span
  char16_t out[2];
  CHECK(latinLookalike(u'a', out) == 0);
  CHECK(latinLookalike(u'\u4E00', out) == 0);
}

TEST_CASE("masks: masked words are spelled out when a listed word fits", "[engine][obfuscation]") {
  rg::match::WordList words;
  for (const char16_t* k : {u"idiot", u"arschloch", u"bloed", u"shut up", u"ass", u"asshole"}) words.addKey(k);
  words.build();
  CHECK(words.contains(u"shut"));
  CHECK(!words.contains(u"up"));  // words under 3 units are not kept
  View v;
  maskPass(baseOf(u"id*ot, a*schl*ch! bl*d sh#t up"), v, words, true, false);
  CHECK(v.text == u"idiot, arschloch! bloed shut up");
  CHECK(v.map[2].begin == 2);
  CHECK(v.map[2].end == 3);
  CHECK(v.obf[2] == 1);
  CHECK(v.obf[1] == 0);
  // "bl*d": the mask stands for both units of the folded umlaut, which share its span.
  CHECK(v.map[20].begin == 20);
  CHECK(v.map[21].begin == 20);
  maskPass(baseOf(u"a**holes i*** *** x*y"), v, words, true, false);
  CHECK(v.text == u"assholes i*** *** x*y");
  maskPass(baseOf(u"as$ idiot! sh!t"), v, words, false, true);
  CHECK(v.text == u"ass idiot! sh!t");
}

TEST_CASE("obfuscated insults are found with original offsets", "[engine][obfuscation]") {
  auto p = load(bundleWith({rule("o", "terms", {{"terms", {"dumm", "stupid", "asshole", "idiot", "ass", "blöd",
                                                           "dödel", {{"text", "arschloch"}, {"match", "prefix"}}}},
                                                {"obfuscation", kAll}})}));
  flagsExactly(*p, u"so dummm", 3, 8);
  flagsExactly(*p, u"so dummmmm", 3, 10);
  flagsExactly(*p, u"stuuupid", 0, 8);
  flagsExactly(*p, u"you asssshole", 4, 13);
  flagsExactly(*p, u"\u00EDd\u00EDo\u0301t", 0, 6);
  flagsExactly(*p, u"\u0131d\u0131ot", 0, 5);
  flagsExactly(*p, u"idi\u00F8t", 0, 5);
  flagsExactly(*p, u"you id*ot", 4, 9);
  flagsExactly(*p, u"Du A*schl*ch!", 3, 12);
  flagsExactly(*p, u"Du A*schl*cher", 3, 14);
  flagsExactly(*p, u"d \u00F6 d e l", 0, 9);
  flagsExactly(*p, u"b.l.\u00F6.d", 0, 7);
  flagsExactly(*p, u"bl\u00F6\u00F6d", 0, 5);
  flagsExactly(*p, u"what an a$$", 8, 11);
  flagsExactly(*p, u"what an @$$", 8, 11);
  // Punctuation stays punctuation when the word is listed anyway, or when nothing listed fits.
  CHECK(spans(check(*p, "idiot!")) == Spans{"o@0-5"});
  CHECK(spans(check(*p, "Thanks! Price: 5$, see @team, boss! pass")) == Spans{});
  CHECK(spans(check(*p, "a*b, 2*3=6, f*** you, passed, assess, glass, a*sb, i*")) == Spans{});
}

TEST_CASE("new obfuscation steps are opt-in", "[engine][obfuscation]") {
  auto p = load(bundleWith({rule("o", "terms", {{"terms", {"idiot", "asshole"}},
                                                {"obfuscation", {"leet", "separators", "repeats"}}})}));
  CHECK(spans(check(*p, u"\u00EDd\u00EDot id*ot")) == Spans{});
  CHECK(spans(check(*p, u"asssshole")) == Spans{"o@0-9"});
}
