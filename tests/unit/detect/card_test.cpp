#include <catch2/catch.hpp>

#include "detect_test_util.h"

using namespace rg::detect;
using namespace rg::detect::test;

TEST_CASE("luhnValid on test card numbers", "[detect]") {
  CHECK(luhnValid(u"4111111111111111"));
  CHECK(luhnValid(u"5555555555554444"));
  CHECK(luhnValid(u"378282246310005"));
  CHECK(luhnValid(u"79927398713"));
  CHECK_FALSE(luhnValid(u"4111111111111112"));
  CHECK_FALSE(luhnValid(u"79927398710"));
  CHECK_FALSE(luhnValid(u"4111 1111 1111 1111"));  // digits only
  CHECK_FALSE(luhnValid(u""));
}

TEST_CASE("find card: grouped and compact with IIN confidence", "[detect]") {
  CHECK(hits(Kind::Card, u"Karte 4111 1111 1111 1111, gültig") == Strings{"4111 1111 1111 1111@[6,25)"});
  CHECK(texts(Kind::Card, u"5555-5555-5555-4444") == Strings{"5555-5555-5555-4444"});
  CHECK(texts(Kind::Card, u"Amex 3782 822463 10005.") == Strings{"3782 822463 10005"});
  CHECK(texts(Kind::Card, u"4111111111111111") == Strings{"4111111111111111"});
  CHECK(confidenceOf(Kind::Card, u"4111 1111 1111 1111") == Approx(0.9));
  CHECK(confidenceOf(Kind::Card, u"5555 5555 5555 4444") == Approx(0.9));
  CHECK(confidenceOf(Kind::Card, u"3782 822463 10005") == Approx(0.9));
  // Luhn-valid outside every issued range, or with a length the scheme does not issue: no card.
  CHECK(find(Kind::Card, u"9000 0000 0000 0001").empty());
  CHECK(find(Kind::Card, u"3400 0000 0000 0000").empty());  // Amex prefix, 16 digits
  CHECK(find(Kind::Card, u"1748503543012").empty());        // a millisecond timestamp
  CHECK(texts(Kind::Card, u"UATP 122000000000003") == Strings{"122000000000003"});
  CHECK(cardIssued(u"4111111111111111"));
  CHECK_FALSE(cardIssued(u"1748503543012"));
  CHECK_FALSE(cardIssued(u"4111 1111 1111 1111"));
  // Full-width digits and hyphens: reported in the original text, and valid for both validators.
  CHECK(hits(Kind::Card, u"Karte ４１１１－１１１１－１１１１－１１１１") == Strings{"４１１１－１１１１－１１１１－１１１１@[6,25)"});
  CHECK(luhnValid(u"４１１１１１１１１１１１１１１１"));
  CHECK(cardIssued(u"４１１１１１１１１１１１１１１１"));
  CHECK_FALSE(cardIssued(u"４１１１１１１１１１１１１１１x"));
  CHECK(hits(Kind::Card, u"👍🏽 Zahlung mit 4111 1111 1111 1111") == Strings{"4111 1111 1111 1111@[17,36)"});
}

TEST_CASE("find card rejects invalid Luhn, lengths, mixed separators", "[detect]") {
  CHECK(find(Kind::Card, u"4111 1111 1111 1112").empty());
  CHECK(find(Kind::Card, u"4111 1111 1111").empty());            // 12 digits
  CHECK(find(Kind::Card, u"41111111111111111111").empty());       // 20 digits
  CHECK(find(Kind::Card, u"4111 1111-1111 1111").empty());        // mixed separators
  CHECK(find(Kind::Card, u"0000 0000 0000 0000").empty());        // Luhn-valid filler
  CHECK(find(Kind::Card, u"A4111111111111111").empty());          // glued to a word
  CHECK(find(Kind::Card, u"4111111111111111x").empty());
  CHECK(find(Kind::Card, u"4111  1111  1111  1111").empty());     // two spaces break the groups
  // Digit groups of IBANs: "3704 0044 0532 0130 00" would hold Luhn-valid 13-19 digit runs.
  CHECK(find(Kind::Card, u"DE89 3704 0044 0532 0130 00").empty());
  CHECK(find(Kind::Card, u"X1 4111 1111 1111 1111").empty());
}

TEST_CASE("find card inside a longer digit run gets less confidence", "[detect]") {
  const auto found = find(Kind::Card, u"Ref 030 4111 1111 1111 1111");
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin == 8);
  CHECK(found[0].end == 27);
  CHECK(found[0].confidence == Approx(0.7));
}
