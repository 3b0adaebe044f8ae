// libphonenumber loads lazily: loading a bundle with a phone rule and checking texts without a
// phone candidate leaves it untouched (ctest runs each test case in its own process, so this one
// sees a fresh process); the first text with a number loads it, and every later one is found.
#include <catch2/catch.hpp>

#include "../engine/engine_test_util.h"
#include "detect/phone_numbers.h"

using namespace rgtest;

TEST_CASE("phone metadata loads at the first phone candidate, and later numbers are still found", "[detect][phone]") {
  const bool before = rg::detect::phoneNumbersLoaded();  // true when other test cases ran first in this process
  auto p = load(bundleWith({rule("pii.phone", "detector", {{"detector", "phone"}, {"min_confidence", 0.5}})}));
  CHECK(spans(check(*p, "Thanks for your patience, we will call you back tomorrow.")).empty());
  CHECK(spans(check(*p, "Ticket eins: Danke, wir melden uns.")).empty());
  if (!before) CHECK_FALSE(rg::detect::phoneNumbersLoaded());
  CHECK(spans(check(*p, "Call me at 030 1234567 please.")) == Spans{"pii.phone@11-22"});
  CHECK(rg::detect::phoneNumbersLoaded());
  CHECK(spans(check(*p, "No number here.")).empty());
  CHECK(spans(check(*p, "Oder mobil: +49 171 1234567.")) == Spans{"pii.phone@12-27"});
}
