#include <catch2/catch.hpp>

#include "detect_test_util.h"

using namespace rg::detect;
using namespace rg::detect::test;

TEST_CASE("ibanValid checks country length and mod-97", "[detect]") {
  CHECK(ibanValid(u"DE89370400440532013000"));
  CHECK(ibanValid(u"de89370400440532013000"));  // lower case is accepted
  CHECK_FALSE(ibanValid(u"DE89370400440532013001"));  // one digit flipped
  CHECK_FALSE(ibanValid(u"DE88370400440532013000"));  // wrong check digits
  CHECK_FALSE(ibanValid(u"DE8937040044053201300"));   // 21 characters, Germany needs 22
  CHECK_FALSE(ibanValid(u"DE893704004405320130000"));
  CHECK_FALSE(ibanValid(u"XX89370400440532013000"));  // no such country
  CHECK_FALSE(ibanValid(u"DE89 3704 0044 0532 0130 00"));  // caller removes spaces
  CHECK_FALSE(ibanValid(u""));
  // Registry examples of other countries, including letters in the BBAN.
  CHECK(ibanValid(u"GB29NWBK60161331926819"));
  CHECK(ibanValid(u"AT611904300234573201"));
  CHECK(ibanValid(u"CH9300762011623852957"));
  CHECK(ibanValid(u"NL91ABNA0417164300"));
  CHECK(ibanValid(u"NO9386011117947"));          // shortest: 15
  CHECK(ibanValid(u"LC55HEMM000100010012001200023015"));  // longest: 32
  CHECK(ibanValid(u"FR1420041010050500013M02606"));
  CHECK(ibanValid(u"MT84MALT011000012345MTLCAST001S"));
  // A valid Austrian IBAN with a German country code fails on the length table.
  CHECK_FALSE(ibanValid(u"DE611904300234573201"));
}

TEST_CASE("find iban: grouped, compact, lower case, offsets", "[detect]") {
  CHECK(hits(Kind::Iban, u"IBAN: DE89 3704 0044 0532 0130 00.") == Strings{"DE89 3704 0044 0532 0130 00@[6,33)"});
  CHECK(hits(Kind::Iban, u"DE89370400440532013000") == Strings{"DE89370400440532013000@[0,22)"});
  CHECK(texts(Kind::Iban, u"konto de89 3704 0044 0532 0130 00 bitte") == Strings{"de89 3704 0044 0532 0130 00"});
  CHECK(texts(Kind::Iban, u"GB29 NWBK 6016 1331 9268 19 und AT61 1904 3002 3457 3201") ==
        Strings{"GB29 NWBK 6016 1331 9268 19", "AT61 1904 3002 3457 3201"});
  // Offsets are UTF-16 units of the original: 🙂 is two units, ü one.
  CHECK(hits(Kind::Iban, u"Grüße 🙂 DE89 3704 0044 0532 0130 00") == Strings{"DE89 3704 0044 0532 0130 00@[9,36)"});
  // Full-width digits fold to ASCII one unit for one unit.
  CHECK(hits(Kind::Iban, u"ＤＥ８９３７０４００４４０５３２０１３０００") == Strings{"ＤＥ８９３７０４００４４０５３２０１３０００@[0,22)"});
  CHECK(find(Kind::Iban, u"IBAN DE89 3704 0044 0532 0130 00")[0].confidence == Approx(0.95));
  // Dash-separated groups, the same separator throughout.
  CHECK(texts(Kind::Iban, u"AL47-2121-1009-0000-0002-3569-8741.") == Strings{"AL47-2121-1009-0000-0002-3569-8741"});
  CHECK(texts(Kind::Iban, u"de89-3704-0044-0532-0130-00") == Strings{"de89-3704-0044-0532-0130-00"});
  CHECK(find(Kind::Iban, u"DE89 3704-0044 0532 0130 00").empty());
}

TEST_CASE("find iban rejects bad checksums, lengths and glued text", "[detect]") {
  CHECK(find(Kind::Iban, u"DE89 3704 0044 0532 0130 01").empty());  // checksum
  CHECK(find(Kind::Iban, u"DE89 3704 0044 0532 0130 0").empty());   // too short
  CHECK(find(Kind::Iban, u"DE89 3704 0044 0532 0130 001").empty());  // too long (glued digit)
  CHECK(find(Kind::Iban, u"XDE89370400440532013000").empty());       // glued to a word
  CHECK(find(Kind::Iban, u"DE8937040044 05 32013000").empty());      // space not on a group of 4
  CHECK(find(Kind::Iban, u"AT61 1904 3002 3457 3202").empty());
}
