// On-call answers of the telecom example at known instants (holidays, overrides, absences, DST).
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

namespace {

json duty(const std::string& berlinWall) { return rg::esc::oncall(*telecom(), "duty", local("Europe/Berlin", berlinWall)); }

}  // namespace

TEST_CASE("esc: telecom duty by weekday, night and holiday", "[escalation]") {
  // Business hours: daily rotation deniz, eva, greta from Mon 2026-01-05.
  CHECK(onCallMember(duty("2026-01-05T08:00")) == "deniz");
  CHECK(onCallMember(duty("2026-01-06T12:00")) == "eva");
  CHECK(onCallMember(duty("2026-01-07T17:59")) == "greta");
  // Tue 18:00: nights-weekends layer, week 0 -> frank (works from New York).
  auto n = duty("2026-01-06T18:00");
  CHECK(onCallMember(n) == "frank");
  CHECK(n["layer"] == "nights-weekends");
  CHECK(n["until"] == local("Europe/Berlin", "2026-01-07T08:00"));
  // Good Friday 2026-04-03 is a Berlin holiday: the night/weekend person covers the whole day.
  CHECK(duty("2026-04-03T11:00")["layer"] == "nights-weekends");
  CHECK(duty("2026-04-02T11:00")["layer"] == "business-hours");
}

TEST_CASE("esc: telecom absences and overrides", "[escalation]") {
  // deniz sick 2026-03-02..04: business hours on Tue 03-03 (day 57 of the daily rotation: deniz) -> eva covers.
  auto r = duty("2026-03-03T10:00");
  CHECK(onCallMember(r) == "eva");
  CHECK(r["substitute_for"]["member"] == "deniz");
  // eva on holiday with frank declared as substitute.
  auto e = duty("2026-07-14T10:00");
  CHECK(onCallMember(e) == "frank");
  CHECK(e["substitute_for"]["member"] == "eva");
  CHECK(e["substitute_for"]["reason"] == "holiday");
  // greta's declared substitute carla is no senior: the next in the rotation (deniz) covers.
  auto g = duty("2027-01-05T10:00");  // day 365: greta
  CHECK(g["substitute_for"]["member"] == "greta");
  CHECK(onCallMember(g) == "deniz");
  // Christmas override.
  auto x = duty("2026-12-25T03:00");
  CHECK(onCallMember(x) == "deniz");
  CHECK(x["via"] == "override");
  // Easter 2027 override spans the DST change (2027-03-28) and ends Monday 08:00 CEST.
  auto o = duty("2027-03-28T12:00");
  CHECK(onCallMember(o) == "eva");
  CHECK(o["until"] == utc("2027-03-29T06:00"));
}

TEST_CASE("esc: frank's Thanksgiving is in New York time", "[escalation]") {
  // Week of 2026-11-20 18:00 Berlin: k = 46 -> 46 mod 4 = 2 -> eva; frank's turn is k = 48 (Dec 4).
  // Check the absence edges through the English desk (America/New_York, 07:00-23:00 shifts of frank, ben).
  auto team = telecom();
  auto at = [&](const std::string& nyWall) { return rg::esc::oncall(*team, "en-desk", local("America/New_York", nyWall)); };
  auto before = at("2026-11-24T23:30");
  CHECK(before["on_call"].is_null());  // outside 07:00-23:00
  auto r = at("2026-11-25T08:00");
  // The 07:00 shift of 11-25: k = (Nov 25 - Jan 5) = 324 days -> 648 shifts -> even -> frank, absent.
  CHECK(r["substitute_for"]["member"] == "frank");
  CHECK(onCallMember(r) == "eva");  // the substitute pool comes before the rotation
}

TEST_CASE("esc: telecom duty has no coverage gaps in 2026", "[escalation]") {
  auto g = rg::esc::gaps(*telecom(), "duty", local("Europe/Berlin", "2026-01-05T00:00"), local("Europe/Berlin", "2027-01-05T00:00"));
  INFO(g.dump(1));
  CHECK(g["gaps"].empty());
}
