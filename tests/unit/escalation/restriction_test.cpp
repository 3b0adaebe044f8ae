// Restriction windows (daily over midnight, weekly over the weekend), holidays, layer priority.
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

namespace {

std::string who(const Parsed& p, const std::string& berlinWall) {
  return onCallMember(rg::esc::oncall(*p.team, "s", local("Europe/Berlin", berlinWall)));
}

json twoLayers() {
  return {{"id", "s"}, {"timezone", "Europe/Berlin"}, {"holidays", "X"},
          {"layers", json::array({
              {{"id", "day"}, {"start", "2026-05-04T08:00"}, {"rotation", {{"type", "daily"}}}, {"members", {"a"}},
               {"holidays", "exclude"},
               {"restrictions", json::array({{{"from", "mon 08:00"}, {"to", "mon 18:00"}}, {{"from", "tue 08:00"}, {"to", "tue 18:00"}},
                                             {{"from", "wed 08:00"}, {"to", "wed 18:00"}}, {{"from", "thu 08:00"}, {"to", "thu 18:00"}},
                                             {{"from", "fri 08:00"}, {"to", "fri 18:00"}}})}},
              {{"id", "night"}, {"start", "2026-05-01T18:00"}, {"rotation", {{"type", "weekly"}}}, {"members", {"b", "c"}},
               {"holidays", "include"},
               {"restrictions", json::array({{{"from", "22:00"}, {"to", "06:00"}}})}},
              {{"id", "weekend"}, {"start", "2026-05-01T18:00"}, {"rotation", {{"type", "weekly"}}}, {"members", {"d"}},
               {"restrictions", json::array({{{"from", "fri 18:00"}, {"to", "mon 08:00"}}})}}})}};
}

}  // namespace

TEST_CASE("esc: daily window over midnight", "[escalation]") {
  auto p = parse(smallTeam(twoLayers()));
  REQUIRE(p.team);
  // Tue 2026-05-05: day 08-18, nothing 18-22 (gap), night 22-06.
  CHECK(who(p, "2026-05-05T07:59") == "-");  // between night (until 06:00) and day (from 08:00)
  CHECK(who(p, "2026-05-05T06:00") == "-");
  CHECK(who(p, "2026-05-05T05:59") == "b");
  CHECK(who(p, "2026-05-05T12:00") == "a");
  CHECK(who(p, "2026-05-05T19:00") == "-");
  CHECK(who(p, "2026-05-05T22:00") == "b");
  CHECK(who(p, "2026-05-06T00:30") == "b");
  auto r = rg::esc::oncall(*p.team, "s", local("Europe/Berlin", "2026-05-05T19:00"));
  CHECK(r["gap"]["reason"] == "no_layer_active");
  CHECK(r["until"] == local("Europe/Berlin", "2026-05-05T22:00"));
}

TEST_CASE("esc: weekly window fri 18:00 - mon 08:00 and layer priority", "[escalation]") {
  auto p = parse(smallTeam(twoLayers()));
  REQUIRE(p.team);
  CHECK(who(p, "2026-05-08T17:59") == "a");  // Friday, business hours
  CHECK(who(p, "2026-05-08T18:00") == "d");  // weekend layer
  CHECK(who(p, "2026-05-09T23:00") == "c");  // Saturday night: the night layer is listed first; week 2 -> c
  CHECK(who(p, "2026-05-10T12:00") == "d");
  CHECK(who(p, "2026-05-11T07:59") == "d");  // Monday morning: still the weekend window
  CHECK(who(p, "2026-05-11T08:00") == "a");
  CHECK(rg::esc::oncall(*p.team, "s", local("Europe/Berlin", "2026-05-10T12:00"))["until"] ==
        local("Europe/Berlin", "2026-05-10T22:00"));
}

TEST_CASE("esc: a public holiday switches business hours off and the holiday layer on", "[escalation]") {
  auto p = parse(smallTeam(twoLayers()));
  REQUIRE(p.team);
  // Thu 2026-05-14 is a holiday of region X: the day layer is off, the night layer covers all day.
  CHECK(who(p, "2026-05-13T12:00") == "a");
  CHECK(who(p, "2026-05-14T12:00") == "c");
  CHECK(who(p, "2026-05-14T19:00") == "c");
  CHECK(who(p, "2026-05-15T12:00") == "a");
  CHECK(who(p, "2026-05-15T19:00") == "d");
  auto r = rg::esc::oncall(*p.team, "s", local("Europe/Berlin", "2026-05-14T12:00"));
  CHECK(r["layer"] == "night");
  // Holiday ends at midnight, the night window continues until 06:00.
  CHECK(r["until"] == local("Europe/Berlin", "2026-05-15T06:00"));
}

TEST_CASE("esc: restriction windows follow local wall time across DST", "[escalation]") {
  json s = {{"id", "s"}, {"timezone", "Europe/Berlin"},
            {"layers", json::array({{{"id", "n"}, {"start", "2026-03-01T00:00"}, {"rotation", {{"type", "weekly"}}},
                                     {"members", {"a"}}, {"restrictions", json::array({{{"from", "22:00"}, {"to", "06:00"}}})}}})}};
  auto p = parse(smallTeam(s));
  REQUIRE(p.team);
  // The night of the spring change is one hour shorter: 22:00 CET (21:00Z) to 06:00 CEST (04:00Z).
  auto r = rg::esc::oncall(*p.team, "s", utc("2026-03-28T21:00"));
  CHECK(onCallMember(r) == "a");
  CHECK(r["until"] == utc("2026-03-29T04:00"));
  CHECK(onCallMember(rg::esc::oncall(*p.team, "s", utc("2026-03-28T20:59"))) == "-");
}
