// Rotations keep their handoff at the same local wall time across DST changes (Berlin, New York).
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

namespace {

json layerSchedule(const std::string& tz, const std::string& start, const json& rotation, const json& members) {
  return {{"id", "s"}, {"timezone", tz},
          {"layers", json::array({{{"id", "l"}, {"start", start}, {"rotation", rotation}, {"members", members}}})}};
}

std::string who(const Parsed& p, int64_t t) { return onCallMember(rg::esc::oncall(*p.team, "s", t)); }

}  // namespace

TEST_CASE("esc: daily 09:00 handoff stays at 09:00 local across Berlin spring DST", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("Europe/Berlin", "2026-03-27T09:00", {{"type", "daily"}}, {"a", "b", "c"})));
  REQUIRE(p.team);
  CHECK(who(p, utc("2026-03-27T08:00")) == "a");  // 09:00 CET
  CHECK(who(p, utc("2026-03-28T07:59")) == "a");
  CHECK(who(p, utc("2026-03-28T08:00")) == "b");  // 09:00 CET
  CHECK(who(p, utc("2026-03-29T06:59")) == "b");  // 08:59 CEST: b's turn is only 23 h long
  CHECK(who(p, utc("2026-03-29T07:00")) == "c");  // 09:00 CEST
  CHECK(who(p, utc("2026-03-30T07:00")) == "a");
  auto r = rg::esc::oncall(*p.team, "s", utc("2026-03-28T12:00"));
  CHECK(r["until"] == utc("2026-03-29T07:00"));
  CHECK(r["via"] == "rotation");
  CHECK(r["layer"] == "l");
}

TEST_CASE("esc: daily handoff across Berlin autumn DST gives a 25 h turn", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("Europe/Berlin", "2026-10-23T09:00", {{"type", "daily"}}, {"a", "b"})));
  REQUIRE(p.team);
  CHECK(who(p, utc("2026-10-24T07:00")) == "b");  // 09:00 CEST
  CHECK(who(p, utc("2026-10-25T07:30")) == "b");  // 08:30 CET
  CHECK(who(p, utc("2026-10-25T08:00")) == "a");  // 09:00 CET
  CHECK(rg::esc::oncall(*p.team, "s", utc("2026-10-24T07:00"))["until"] == utc("2026-10-25T08:00"));
}

TEST_CASE("esc: a handoff in the skipped spring hour happens at the end of the gap", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("Europe/Berlin", "2026-03-22T02:30", {{"type", "weekly"}}, {"a", "b"})));
  REQUIRE(p.team);
  CHECK(who(p, utc("2026-03-29T01:29")) == "a");
  CHECK(who(p, utc("2026-03-29T01:30")) == "b");  // 02:30 does not exist: 03:30 CEST
  CHECK(who(p, utc("2026-04-05T00:30")) == "a");  // 02:30 CEST a week later
}

TEST_CASE("esc: a handoff in the repeated autumn hour happens at its first occurrence", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("Europe/Berlin", "2026-10-18T02:30", {{"type", "weekly"}}, {"a", "b"})));
  REQUIRE(p.team);
  CHECK(who(p, utc("2026-10-25T00:29")) == "a");
  CHECK(who(p, utc("2026-10-25T00:30")) == "b");  // 02:30 CEST, not 02:30 CET an hour later
  CHECK(who(p, utc("2026-10-25T01:45")) == "b");
}

TEST_CASE("esc: 12 h shifts in New York stay at 07:00/19:00 across spring DST", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("America/New_York", "2026-03-06T07:00", {{"type", "custom"}, {"hours", 12}}, {"a", "b"})));
  REQUIRE(p.team);
  CHECK(who(p, utc("2026-03-06T12:00")) == "a");  // 07:00 EST
  CHECK(who(p, utc("2026-03-07T00:00")) == "b");  // 19:00 EST
  CHECK(who(p, utc("2026-03-08T00:00")) == "b");  // 19:00 EST on the eve of the change
  CHECK(who(p, utc("2026-03-08T10:59")) == "b");  // 06:59 EDT: the night shift had 11 h
  CHECK(who(p, utc("2026-03-08T11:00")) == "a");  // 07:00 EDT
  CHECK(who(p, utc("2026-03-08T23:00")) == "b");  // 19:00 EDT
  CHECK(rg::esc::oncall(*p.team, "s", utc("2026-03-08T01:00"))["until"] == utc("2026-03-08T11:00"));
}

TEST_CASE("esc: daily 08:00 handoff in New York across autumn DST", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("America/New_York", "2026-10-30T08:00", {{"type", "daily"}}, {"a", "b"})));
  REQUIRE(p.team);
  CHECK(who(p, utc("2026-10-31T12:00")) == "b");  // 08:00 EDT
  CHECK(who(p, utc("2026-11-01T12:30")) == "b");  // 07:30 EST
  CHECK(who(p, utc("2026-11-01T13:00")) == "a");  // 08:00 EST
  CHECK(who(p, utc("2026-10-30T11:59")) == "-");  // before the layer starts
}

TEST_CASE("esc: weekly rotation cycles members in order and wraps", "[escalation]") {
  auto p = parse(smallTeam(layerSchedule("Europe/Berlin", "2026-01-05T09:00", {{"type", "weekly"}}, {"a", "b", "c"})));
  REQUIRE(p.team);
  CHECK(who(p, local("Europe/Berlin", "2026-01-05T09:00")) == "a");
  CHECK(who(p, local("Europe/Berlin", "2026-01-12T08:59")) == "a");
  CHECK(who(p, local("Europe/Berlin", "2026-01-12T09:00")) == "b");
  CHECK(who(p, local("Europe/Berlin", "2026-01-19T09:00")) == "c");
  CHECK(who(p, local("Europe/Berlin", "2026-01-26T09:00")) == "a");
  // 52 weeks later (k = 52, 52 mod 3 = 1), across both DST changes of 2026.
  CHECK(who(p, local("Europe/Berlin", "2027-01-04T09:00")) == "b");
}
