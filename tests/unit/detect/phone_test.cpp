#include <catch2/catch.hpp>

#include <fstream>

#include "../../source_dir.h"
#include "detect/phone_numbers.h"
#include "detect_test_util.h"

using namespace rg::detect;
using namespace rg::detect::test;

TEST_CASE("find phone: international formats", "[detect]") {
  CHECK(hits(Kind::Phone, u"Ruf an: +49 30 1234567.") == Strings{"+49 30 1234567@[8,22)"});
  CHECK(texts(Kind::Phone, u"Tel +49 (0)30 1234567") == Strings{"+49 (0)30 1234567"});
  CHECK(texts(Kind::Phone, u"call +1 (415) 555-0132 today") == Strings{"+1 (415) 555-0132"});
  CHECK(texts(Kind::Phone, u"0049 30 1234567") == Strings{"0049 30 1234567"});
  CHECK(texts(Kind::Phone, u"+491711234567") == Strings{"+491711234567"});
  CHECK(confidenceOf(Kind::Phone, u"+49 30 1234567") == Approx(0.85));
  CHECK(confidenceOf(Kind::Phone, u"+491711234567") == Approx(0.7));
}

TEST_CASE("find phone: German national and US formats", "[detect]") {
  CHECK(texts(Kind::Phone, u"Tel. 030 1234567") == Strings{"030 1234567"});
  CHECK(texts(Kind::Phone, u"Handy: 0171-1234567!") == Strings{"0171-1234567"});
  CHECK(texts(Kind::Phone, u"030/1234567 oder 030 / 123 45 67") == Strings{"030/1234567", "030 / 123 45 67"});
  CHECK(texts(Kind::Phone, u"(030) 1234567") == Strings{"(030) 1234567"});
  CHECK(texts(Kind::Phone, u"(555) 123-4567") == Strings{"(555) 123-4567"});
  CHECK(texts(Kind::Phone, u"555.123.4567") == Strings{"555.123.4567"});
  CHECK(confidenceOf(Kind::Phone, u"030 1234567") == Approx(0.8));
  CHECK(confidenceOf(Kind::Phone, u"0171-1234567") == Approx(0.8));
  CHECK(confidenceOf(Kind::Phone, u"555-123-4567") == Approx(0.75));
  CHECK(confidenceOf(Kind::Phone, u"1-555-123-4567") == Approx(0.75));
  // Unformatted runs are weaker evidence; without a leading 0 they look like order numbers.
  CHECK(confidenceOf(Kind::Phone, u"01711234567") == Approx(0.6));  // a mobile number, typed compact
  CHECK(confidenceOf(Kind::Phone, u"0301234567") == Approx(0.4));
  CHECK(confidenceOf(Kind::Phone, u"Bestellung 12345678") == Approx(0.2));
  CHECK(hits(Kind::Phone, u"Schöne Grüße 😀 030 1234567") == Strings{"030 1234567@[16,27)"});
}

TEST_CASE("find phone rejects dates, prices, years, codes", "[detect]") {
  CHECK(find(Kind::Phone, u"am 01.12.2026 um 10:30").empty());
  CHECK(find(Kind::Phone, u"am 1.12.2026").empty());
  CHECK(find(Kind::Phone, u"on 12/01/2026").empty());
  CHECK(find(Kind::Phone, u"ISO 2026-12-01").empty());
  CHECK(find(Kind::Phone, u"01.12.2026 - 05.12.2026").empty());
  CHECK(find(Kind::Phone, u"kostet 1.299,00 €").empty());
  CHECK(find(Kind::Phone, u"kostet 1.299.000,00").empty());
  CHECK(find(Kind::Phone, u"1.299.000 Kunden").empty());
  CHECK(find(Kind::Phone, u"1 299 000 customers").empty());
  CHECK(find(Kind::Phone, u"€ 12345678").empty());
  CHECK(find(Kind::Phone, u"12345678 EUR").empty());
  CHECK(find(Kind::Phone, u"1234567 Euro").empty());
  CHECK(find(Kind::Phone, u"seit 2026").empty());
  CHECK(find(Kind::Phone, u"von 1990-2026").empty());
  CHECK(find(Kind::Phone, u"PLZ 10115").empty());
  CHECK(find(Kind::Phone, u"pi 3.14159265").empty());
  CHECK(find(Kind::Phone, u"IP 192.168.100.200").empty());
  CHECK(find(Kind::Phone, u"Ticket #12345678").empty());
  CHECK(find(Kind::Phone, u"Code AB1234567").empty());
  CHECK(find(Kind::Phone, u"Code 1234567AB").empty());
  CHECK(find(Kind::Phone, u"4111 1111 1111 1111").empty());        // a card, 16 digits
  CHECK(find(Kind::Phone, u"DE89 3704 0044 0532 0130 00").empty()); // an IBAN
  CHECK(find(Kind::Phone, u"BE68 5390 0754 7034").empty());         // its tail alone looks like a phone
}

TEST_CASE("find phone: runs glued to codes and mixed separator styles", "[detect]") {
  CHECK(find(Kind::Phone, u"Rechnung RE-2026-000123").empty());
  CHECK(find(Kind::Phone, u"Akte A/1234567").empty());
  // Too long as a whole: the number ends where dashes give way to a space (then the postcode).
  CHECK(texts(Kind::Phone, u"fax 030-12345-678 10115 Berlin") == Strings{"030-12345-678"});
  CHECK(texts(Kind::Phone, u"Tel. 030 / 12 34 56-0") == Strings{"030 / 12 34 56-0"});
  CHECK(texts(Kind::Phone, u"Tel: +49 (0) 171 / 123 45 67") == Strings{"+49 (0) 171 / 123 45 67"});
  CHECK(texts(Kind::Phone, u"030 1234567 und 0171 7654321") == Strings{"030 1234567", "0171 7654321"});
}

TEST_CASE("find phone accepts full-width digits", "[detect]") {
  // Full-width forms fold one unit to one unit, so offsets stay those of the original.
  CHECK(hits(Kind::Phone, u"Tel ０３０ １２３４５６７") == Strings{"０３０ １２３４５６７@[4,15)"});
  CHECK(texts(Kind::Phone, u"＋４９ ３０ １２３４５６７") == Strings{"＋４９ ３０ １２３４５６７"});
}

TEST_CASE("find phone: no area code glued to parentheses, Chinese mobiles", "[detect]") {
  CHECK(hits(Kind::Phone, u"_: (415)555-0132") == Strings{"(415)555-0132@[3,16)"});
  CHECK(confidenceOf(Kind::Phone, u"(415)555-0132") == Approx(0.75));
  CHECK(texts(Kind::Phone, u"手机 13812345678") == Strings{"13812345678"});
  CHECK(hits(Kind::Phone, u"Sarah (07700 900456) called") == Strings{"07700 900456@[7,19)"});
  CHECK(confidenceOf(Kind::Phone, u"13812345678") == Approx(0.6));
  CHECK(confidenceOf(Kind::Phone, u"12812345678") == Approx(0.2));  // 12...: no mobile range
}

TEST_CASE("find phone: digit groups that fail every validation are no phone numbers", "[detect]") {
  // Invalid IBANs: their digit groups follow a country code and check digits.
  for (const char16_t* t : {u"NL91 ABNA 0417 1643 01", u"DO28 BAGR 0000 0001 2124 5361 132", u"0000 0001 2124 5361 132",
                            u"AL47 212A 1009 0000 0002 3569 8741", u"BE71 A961 2345 6769", u"IL15 0120 6900 0000",
                            u"HR12 001 0051 8630 0016 A", u"EE38 2200 2210  014 5686", u"NO93 A601 1117 947",
                            u"AL47-2121-1009-0000-0002-3569-8740"}) {
    INFO(utf8(t));
    CHECK(find(Kind::Phone, t).empty());
  }
  CHECK(find(Kind::Phone, u"0001 2345 678").empty());  // no country code starts with 0
  CHECK(texts(Kind::Phone, u"IBAN falsch, ruf an: 0171 2345678") == Strings{"0171 2345678"});
}

TEST_CASE("serviceNumber: freephone, shared-cost and premium ranges", "[detect]") {
  for (const char16_t* t : {u"0800 330 1000", u"+49 800 330 1000", u"+49 (0)800 330 1000", u"0180 5 123456",
                            u"0900 1234567", u"+43 810 123456", u"+41 848 123 456", u"+44 800 123 4567",
                            u"1-800-555-0199", u"(888) 555-0123", u"+1 877 555 0123"}) {
    INFO(utf8(t));
    CHECK(serviceNumber(t));
  }
  for (const char16_t* t : {u"0171 2345678", u"030 1234567", u"08421 12345", u"+49 30 1234567", u"(415) 555-0132",
                            u"+1 415 555 0132", u"+33 800 123 456"}) {
    INFO(utf8(t));
    CHECK_FALSE(serviceNumber(t));
  }
}

namespace {
// The one hit's libphonenumber type and region, "type/region", or "none".
std::string typeOf(std::u16string_view text, std::span<const char* const> regions = {}) {
  const auto found = find(Kind::Phone, text, regions);
  if (found.size() != 1) return found.empty() ? "none" : "several";
  return std::string(found[0].phoneType) + "/" + found[0].region;
}
}  // namespace

TEST_CASE("phone: libphonenumber validates per region and names the type", "[detect][phone]") {
  CHECK(typeOf(u"+49 30 1234567") == "fixed_line/DE");
  CHECK(typeOf(u"0171 2345678") == "mobile/DE");
  CHECK(typeOf(u"+49 800 330 1000") == "toll_free/DE");
  CHECK(typeOf(u"+43 664 1234567") == "mobile/AT");
  CHECK(typeOf(u"+41 44 668 18 00") == "fixed_line/CH");
  CHECK(typeOf(u"+44 7400 123456") == "mobile/GB");
  CHECK(typeOf(u"+44 7700 900123") == "none");  // Ofcom's range for drama: no one's number
  CHECK(typeOf(u"+33 6 12 34 56 78") == "mobile/FR");
  CHECK(typeOf(u"+31 6 12345678") == "mobile/NL");
  CHECK(typeOf(u"+39 312 345 6789") == "mobile/IT");
  CHECK(typeOf(u"+34 612 34 56 78") == "mobile/ES");
  CHECK(typeOf(u"+48 512 345 678") == "mobile/PL");
  CHECK(typeOf(u"+86 138 1234 5678") == "mobile/CN");
  CHECK(typeOf(u"+55 11 98456 5666") == "mobile/BR");
  // NANP numbers carry no fixed/mobile distinction.
  CHECK(typeOf(u"+1 415 555 0132") == "fixed_line_or_mobile/US");
  // A national number without trunk 0 is read first where numbers are written so (US, IT, ES, PL).
  CHECK(typeOf(u"(415) 555-0132") == "fixed_line_or_mobile/US");
  CHECK(typeOf(u"0800 1234567") == "toll_free/DE");
}

TEST_CASE("phone: numbers valid nowhere, or outside the rule's regions, are not reported", "[detect][phone]") {
  CHECK(typeOf(u"+1 (555) 123-4567") == "none");    // 555 is no North American area code
  CHECK(typeOf(u"+49 171 23") == "none");           // too short for a German mobile
  CHECK(typeOf(u"+44 20 7946 09") == "none");       // a London number lacks two digits
  CHECK(typeOf(u"+33 1 23 45 67 8") == "none");     // French numbers have nine digits after the 0
  CHECK(typeOf(u"+1 416 555 0132") == "none");      // Canada: a region no bundle may name
  CHECK(typeOf(u"+81 3 1234 5678") == "none");      // Japan: likewise
  const char* dach[] = {"DE", "AT", "CH"};
  CHECK(typeOf(u"+44 7400 123456", dach) == "none");
  CHECK(typeOf(u"+49 30 1234567", dach) == "fixed_line/DE");
  const char* uk[] = {"GB"};
  CHECK(typeOf(u"07400 123456", uk) == "mobile/GB");
  CHECK(typeOf(u"(415) 555-0132", uk) == "none");
  const char* us[] = {"US"};
  CHECK(typeOf(u"0171 2345678", us) == "none");
  CHECK(typeOf(u"415-555-0132", us) == "fixed_line_or_mobile/US");
}

TEST_CASE("phone: service types", "[detect][phone]") {
  CHECK(serviceType("toll_free"));
  CHECK(serviceType("premium_rate"));
  CHECK(serviceType("shared_cost"));
  CHECK(serviceType("uan"));
  CHECK_FALSE(serviceType("mobile"));
  CHECK_FALSE(serviceType("fixed_line"));
  CHECK_FALSE(serviceType(nullptr));
  CHECK(typeOf(u"0900 1234567") == "premium_rate/DE");
  CHECK(typeOf(u"+49 180 5 123456") == "shared_cost/DE");
  CHECK(typeOf(u"+33 810 12 34 56") == "shared_cost/FR");
  CHECK(typeOf(u"+44 845 464 0000") == "premium_rate/GB");  // libphonenumber's class for 084x
  CHECK(typeOf(u"+44 345 464 0000") == "uan/GB");
  CHECK(typeOf(u"+1 800 555 0199") == "toll_free/US");
}

TEST_CASE("phone: the regions both builds carry", "[detect][phone]") {
  // kPhoneRegions and scripts/phonenumber-wasm/regions.txt (the wasm build's metadata) agree.
  std::ifstream f(std::string(RG_SOURCE_DIR) + "/scripts/phonenumber-wasm/regions.txt");
  std::vector<std::string> listed;
  for (std::string line; std::getline(f, line);)
    if (!line.empty() && line[0] != '#') listed.push_back(line);
  CHECK(listed == std::vector<std::string>(std::begin(kPhoneRegions), std::end(kPhoneRegions)));
  CHECK(phoneRegion("DE") == kPhoneRegions[0]);
  CHECK(phoneRegion("de") == nullptr);
  CHECK(phoneRegion("JP") == nullptr);
}
