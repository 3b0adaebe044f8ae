// What the classifier reads of a text (classify/normalize.h, classify/features.h): HTML entities,
// letter and symbol runs, URLs, @handles and hashtags, each token keeping its original span.
#include <catch2/catch.hpp>

#include "classify/features.h"
#include "classify/normalize.h"

using rg::classify::Normalized;
using rg::classify::Span;
using rg::classify::Token;

namespace {

Normalized normalized(std::u16string_view t) {
  Normalized n;
  rg::classify::normalize(t, {0, uint32_t(t.size())}, n);
  return n;
}

std::vector<Token> tokens(std::u16string_view t) {
  static auto b = rg::classify::Breakers::create();
  REQUIRE(b.ok());
  std::vector<Token> out;
  rg::classify::tokenize(*b.words, t, {0, uint32_t(t.size())}, out);
  return out;
}

std::string line(std::u16string_view t) { return rg::classify::featureLine(rg::classify::Source::Incoming, tokens(t)); }

std::u16string spanOf(std::u16string_view t, const Token& k) { return std::u16string(t.substr(k.begin, k.end - k.begin)); }

}  // namespace

TEST_CASE("HTML entities are decoded, each decoded character at its entity's offset", "[classify][features]") {
  const Normalized n = normalized(u"a &amp; b &gt;&lt; &quot;x&quot; &#39;&#x1F600;");
  CHECK(n.text == u"a & b >< \"x\" '\U0001F600");
  REQUIRE(n.at.size() == n.text.size() + 1);
  CHECK(n.at[2] == 2);   // "&" from "&amp;"
  CHECK(n.at[3] == 7);   // the space after it
  CHECK(n.at[7] == 14);  // "<" from the second entity
  CHECK(n.at.back() == 47);
  // Not entities: unknown names, no ';', invalid code points.
  CHECK(normalized(u"&foo; &amp &#0; &#xD800; &#99999999;").text == u"&foo; &amp &#0; &#xD800; &#99999999;");
}

TEST_CASE("runs of one letter are cut to two, other symbols to three, digits and spaces kept", "[classify][features]") {
  CHECK(normalized(u"sooooo SOoOoO schööööön").text == u"soo SOo schöön");
  CHECK(normalized(u"Boot Kaffee").text == u"Boot Kaffee");
  CHECK(normalized(u"Nein!!!!!! ...... 😂😂😂😂😂").text == u"Nein!!! ... 😂😂😂");
  CHECK(normalized(u"10000000   x").text == u"10000000   x");
  const Normalized n = normalized(u"neeeein");
  CHECK(n.text == u"neein");
  CHECK(n.at[3] == 5);  // "i" is the original's 5th unit: the cut "e"s are skipped
}

TEST_CASE("hashtag words split at case and letter/digit changes; a lone letter stays with its neighbour",
          "[classify][features]") {
  using V = std::vector<std::u16string>;
  CHECK(rg::classify::hashtagWords(u"DieGrünen") == V{u"Die", u"Grünen"});
  CHECK(rg::classify::hashtagWords(u"ARDFernsehen") == V{u"ARD", u"Fernsehen"});
  CHECK(rg::classify::hashtagWords(u"AfD") == V{u"AfD"});
  CHECK(rg::classify::hashtagWords(u"noAfD") == V{u"no", u"AfD"});
  CHECK(rg::classify::hashtagWords(u"iPhone") == V{u"iPhone"});
  CHECK(rg::classify::hashtagWords(u"Wahl2017") == V{u"Wahl", u"2017"});
  CHECK(rg::classify::hashtagWords(u"merkel_muss_weg") == V{u"merkel", u"muss", u"weg"});
  CHECK(rg::classify::hashtagWords(u"aksynode16") == V{u"aksynode", u"16"});
}

TEST_CASE("URLs, @handles and hashtags become tokens of their own, with their original spans", "[classify][features]") {
  const std::u16string t = u"@Martin28a Ihr seid sooooo dumm &amp; #DieGrünen!!!!! https://t.co/xYz?a=1.";
  const std::vector<Token> k = tokens(t);
  REQUIRE(k.size() == 12);
  CHECK(k[0].text == "@user");
  CHECK(spanOf(t, k[0]) == u"@Martin28a");
  CHECK(k[3].text == "soo");
  CHECK(spanOf(t, k[3]) == u"sooooo");
  CHECK(k[5].text == "&");
  CHECK(spanOf(t, k[5]) == u"&amp;");
  CHECK(k[6].text == "# die grünen");
  CHECK(spanOf(t, k[6]) == u"#DieGrünen");
  CHECK(spanOf(t, k[9]) == u"!!!");  // the third "!" reaches over the cut ones
  CHECK(k[10].text == "_url_");
  CHECK(spanOf(t, k[10]) == u"https://t.co/xYz?a=1");
  CHECK(line(t) == "src_incoming @user ihr seid soo dumm & # die grünen ! ! ! _url_ .\n");
}

TEST_CASE("e-mail addresses, numbers after # and mid-word signs are not handles, tags or URLs", "[classify][features]") {
  CHECK(line(u"max@example.de") == "src_incoming max@example.de\n");  // ICU keeps an address whole
  CHECK(line(u"Ticket #88213") == "src_incoming ticket # 00000\n");
  CHECK(line(u"C# und www.example.de/hilfe!") == "src_incoming c # und _url_ !\n");
  CHECK(line(u"Hallo @anna@social.example.") == "src_incoming hallo @user .\n");
  CHECK(line(u"@ allein") == "src_incoming @ allein\n");
}

TEST_CASE("emoji are tokens of their own, with or without a variation selector", "[classify][features]") {
  CHECK(line(u"super ❤️ 😂😂") == "src_incoming super ❤ 😂 😂\n");
  CHECK(line(u"super ❤ 😂😂") == "src_incoming super ❤ 😂 😂\n");
}
