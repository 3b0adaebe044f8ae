// German and EU identifiers with check digits. Valid numbers come from the issuers' published
// examples (DRV, GKV-Spitzenverband, BZSt) or python-stdnum's test vectors; the invalid ones
// change one character, the structure or the length.
#include <catch2/catch.hpp>

#include "detect_test_util.h"

using namespace rg::detect;
using namespace rg::detect::test;

TEST_CASE("taxIdValid: structure of the first ten digits and MOD 11,10", "[detect][de_ids]") {
  CHECK(taxIdValid(u"12345678995"));   // 9 twice, check 5
  CHECK_FALSE(taxIdValid(u"12345678996"));  // check digit
  CHECK_FALSE(taxIdValid(u"02345678995"));  // leading 0
  CHECK_FALSE(taxIdValid(u"12345678903"));  // every digit once: the BZSt never issues that
  CHECK_FALSE(taxIdValid(u"11112345678"));  // a digit four times
  CHECK_FALSE(taxIdValid(u"11111111111"));
  CHECK_FALSE(taxIdValid(u"1234567899"));   // 10 digits
  CHECK_FALSE(taxIdValid(u"abcdefghijk"));
  // A digit three times is allowed, but not three in a row.
  int threeTimesValid = 0;
  for (char16_t c = u'0'; c <= u'9'; ++c) {
    std::u16string id = u"1213456789";
    id.push_back(c);
    threeTimesValid += taxIdValid(id) ? 1 : 0;
    std::u16string row = u"1113456789";
    row.push_back(c);
    CHECK_FALSE(taxIdValid(row));
  }
  CHECK(threeTimesValid == 1);  // exactly one check digit fits
}

TEST_CASE("find de_tax_id: compact and grouped, not inside longer digit runs", "[detect][de_ids]") {
  CHECK(hits(Kind::DeTaxId, u"Steuer-ID: 12345678995.") == Strings{"12345678995@[11,22)"});
  CHECK(texts(Kind::DeTaxId, u"IdNr 12 345 678 995 liegt vor") == Strings{"12 345 678 995"});
  CHECK(find(Kind::DeTaxId, u"123456789951").empty());
  CHECK(find(Kind::DeTaxId, u"0 12345678995").empty());
  CHECK(find(Kind::DeTaxId, u"A12345678995").empty());
  CHECK(find(Kind::DeTaxId, u"12345678996").empty());
  CHECK(find(Kind::DeTaxId, u"12345678995-7").empty());
}

TEST_CASE("vatIdValid: DE (MOD 11,10) and AT (weights 1,2)", "[detect][de_ids]") {
  CHECK(vatIdValid(u"DE136695976"));
  CHECK(vatIdValid(u"DE129273398"));
  CHECK(vatIdValid(u"de136695976"));
  CHECK_FALSE(vatIdValid(u"DE136695977"));
  CHECK_FALSE(vatIdValid(u"DE123456789"));
  CHECK_FALSE(vatIdValid(u"DE13669597"));
  CHECK(vatIdValid(u"ATU13585627"));
  CHECK_FALSE(vatIdValid(u"ATU13585626"));
  CHECK_FALSE(vatIdValid(u"AT13585627"));
  CHECK_FALSE(vatIdValid(u"FR12345678901"));  // key 12, but the SIREN gives 15
}

// Published numbers (companies' own imprints, the Belastingdienst's btw-id example) pass; one
// changed digit fails each check.
TEST_CASE("vatIdValid: FR, IT, BE, NL (both forms), PL, CH", "[detect][de_ids]") {
  CHECK(vatIdValid(u"FR40303265045"));
  CHECK(vatIdValid(u"FR83404833048"));
  CHECK_FALSE(vatIdValid(u"FR41303265045"));
  CHECK(vatIdValid(u"IT00743110157"));
  CHECK_FALSE(vatIdValid(u"IT00743110158"));
  CHECK(vatIdValid(u"BE0403170701"));
  CHECK(vatIdValid(u"BE0776091951"));
  CHECK_FALSE(vatIdValid(u"BE0403170702"));
  CHECK_FALSE(vatIdValid(u"BE2403170701"));     // first digit 0 or 1
  CHECK(vatIdValid(u"NL004495445B01"));         // weights 9..2 mod 11
  CHECK(vatIdValid(u"NL000099998B57"));         // 2020 form: mod 97 over the whole ID
  CHECK_FALSE(vatIdValid(u"NL000099998B58"));
  CHECK_FALSE(vatIdValid(u"NL004495446B01"));
  CHECK_FALSE(vatIdValid(u"NL004495445X01"));
  CHECK(vatIdValid(u"PL5260250274"));
  CHECK_FALSE(vatIdValid(u"PL5260250275"));
  CHECK(vatIdValid(u"CHE116281710"));
  CHECK_FALSE(vatIdValid(u"CHE116281711"));
  CHECK_FALSE(vatIdValid(u"CH116281710"));
}

TEST_CASE("find vat_id: separators, case, boundaries", "[detect][de_ids]") {
  CHECK(hits(Kind::VatId, u"USt-IdNr.: DE136695976") == Strings{"DE136695976@[11,22)"});
  CHECK(texts(Kind::VatId, u"DE 136 695 976 und DE-136-695-976, de.136.695.976") ==
        Strings{"DE 136 695 976", "DE-136-695-976", "de.136.695.976"});
  CHECK(texts(Kind::VatId, u"UID ATU13585627 / ATU 1358 5627") == Strings{"ATU13585627", "ATU 1358 5627"});
  CHECK(find(Kind::VatId, u"XDE136695976").empty());
  CHECK(find(Kind::VatId, u"DE1366959760").empty());
  CHECK(find(Kind::VatId, u"DE 136695977").empty());
  CHECK(texts(Kind::VatId, u"TVA FR 40 303 265 045, P.IVA IT00743110157, btw NL004495445B01") ==
        Strings{"FR 40 303 265 045", "IT00743110157", "NL004495445B01"});
  CHECK(texts(Kind::VatId, u"BE 0403.170.701; NIP PL 526-025-02-74; UID CHE-116.281.710 MWST") ==
        Strings{"BE 0403.170.701", "PL 526-025-02-74", "CHE-116.281.710"});
  CHECK(find(Kind::VatId, u"IT00743110158 PL5260250275 CHE-116.281.711").empty());
}

TEST_CASE("idDocumentValid: ICAO charset and 7-3-1 check digit", "[detect][de_ids]") {
  CHECK(idDocumentValid(u"C01X00T41"));
  CHECK(idDocumentValid(u"L01X00T44"));
  CHECK(idDocumentValid(u"c01x00t41"));
  CHECK_FALSE(idDocumentValid(u"C01X00T47"));
  CHECK_FALSE(idDocumentValid(u"A01234567"));   // A is no document letter
  CHECK_FALSE(idDocumentValid(u"901234567"));   // must start with a letter
  CHECK_FALSE(idDocumentValid(u"C0123456A"));   // last is the check digit
  CHECK_FALSE(idDocumentValid(u"C0123456"));
}

TEST_CASE("find de_id_document in running text", "[detect][de_ids]") {
  CHECK(hits(Kind::DeIdDocument, u"Personalausweis: L01X00T44.") == Strings{"L01X00T44@[17,26)"});
  CHECK(texts(Kind::DeIdDocument, u"Pass-Nr.: C01X00T41") == Strings{"C01X00T41"});
  CHECK(find(Kind::DeIdDocument, u"C01X00T410").empty());
  CHECK(find(Kind::DeIdDocument, u"XC01X00T41").empty());
  CHECK(find(Kind::DeIdDocument, u"Kennwort PFLZKRTN7 bitte").empty());  // no digit before the check digit
}

TEST_CASE("kvnrValid and find de_kvnr", "[detect][de_ids]") {
  CHECK(kvnrValid(u"A123456780"));
  CHECK(kvnrValid(u"Z999999997"));
  CHECK(kvnrValid(u"a123456780"));
  CHECK_FALSE(kvnrValid(u"A123456787"));
  CHECK_FALSE(kvnrValid(u"1123456780"));
  CHECK(hits(Kind::DeKvnr, u"Krankenkasse KVNR: A123456780") == Strings{"A123456780@[19,29)"});
  CHECK(find(Kind::DeKvnr, u"A1234567801").empty());
  CHECK(find(Kind::DeKvnr, u"A12345678").empty());
}

TEST_CASE("rvnrValid and find de_rvnr", "[detect][de_ids]") {
  CHECK(rvnrValid(u"15070649C103"));  // Deutsche Rentenversicherung's example
  CHECK(rvnrValid(u"38551285K051"));  // day 55: serial range exhausted
  CHECK_FALSE(rvnrValid(u"15070649C100"));
  CHECK_FALSE(rvnrValid(u"15071349C103"));  // month 13
  CHECK_FALSE(rvnrValid(u"15420649C103"));  // day 42
  CHECK_FALSE(rvnrValid(u"150706491103"));
  CHECK(hits(Kind::DeRvnr, u"RVNR: 15070649C103 laut Ausweis") == Strings{"15070649C103@[6,18)"});
  CHECK(texts(Kind::DeRvnr, u"Versicherungsnummer 15 070649 C 103.") == Strings{"15 070649 C 103"});
  CHECK(find(Kind::DeRvnr, u"15070649C1030").empty());
}
