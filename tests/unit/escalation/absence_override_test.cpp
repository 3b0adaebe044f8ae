// Overrides beat the rotation; absent members are replaced by a qualified substitute or leave a gap.
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

namespace {

// Weekly rotation a, b, c (handoff Monday 09:00); layer requires German and English.
json rotation(const json& extra = json::object()) {
  json layer = {{"id", "l"}, {"start", "2026-06-01T09:00"}, {"rotation", {{"type", "weekly"}}}, {"members", {"a", "b", "c"}},
                {"require", {{"roles", {"agent"}}, {"languages", {"de", "en"}}}}};
  layer.update(extra);
  return {{"id", "s"}, {"timezone", "Europe/Berlin"}, {"layers", json::array({layer})}};
}

json oncallAt(const Parsed& p, const std::string& berlinWall) {
  return rg::esc::oncall(*p.team, "s", local("Europe/Berlin", berlinWall));
}

}  // namespace

TEST_CASE("esc: override replaces the rotation for its interval", "[escalation]") {
  json s = rotation();
  s["overrides"] = json::array({{{"member", "d"}, {"from", "2026-06-03T18:00"}, {"to", "2026-06-04T08:00"}}});
  auto p = parse(smallTeam(s));
  REQUIRE(p.team);
  CHECK(onCallMember(oncallAt(p, "2026-06-03T17:59")) == "a");
  auto r = oncallAt(p, "2026-06-03T18:00");
  CHECK(onCallMember(r) == "d");
  CHECK(r["via"] == "override");
  CHECK(r["override"]["to"] == local("Europe/Berlin", "2026-06-04T08:00"));
  CHECK(r["until"] == local("Europe/Berlin", "2026-06-04T08:00"));
  CHECK(r["backup"]["member"] == "a");  // the rotation behind the override
  CHECK(onCallMember(oncallAt(p, "2026-06-04T08:00")) == "a");
}

TEST_CASE("esc: absent member with a declared qualified substitute", "[escalation]") {
  json abs = json::array({{{"member", "a"}, {"from", "2026-06-02"}, {"to", "2026-06-03"}, {"reason", "sickness"}, {"substitute", "c"}}});
  auto p = parse(smallTeam(rotation(), abs));
  REQUIRE(p.team);
  CHECK(onCallMember(oncallAt(p, "2026-06-01T23:59")) == "a");
  auto r = oncallAt(p, "2026-06-02T00:00");
  CHECK(onCallMember(r) == "c");
  CHECK(r["via"] == "substitute");
  CHECK(r["substitute_for"]["member"] == "a");
  CHECK(r["substitute_for"]["reason"] == "sickness");
  CHECK(r["until"] == local("Europe/Berlin", "2026-06-04T00:00"));  // end of the inclusive 'to' day
  CHECK(r["backup"]["member"] == "b");
}

TEST_CASE("esc: absent member without a declared substitute: the next in the rotation covers", "[escalation]") {
  json abs = json::array({{{"member", "a"}, {"from", "2026-06-02"}, {"to", "2026-06-02"}, {"reason", "holiday"}},
                          {{"member", "b"}, {"from", "2026-06-01"}, {"to", "2026-06-05"}, {"reason", "holiday"}}});
  auto p = parse(smallTeam(rotation(), abs));
  REQUIRE(p.team);
  auto r = oncallAt(p, "2026-06-02T10:00");
  CHECK(onCallMember(r) == "c");  // b is next but absent too
  CHECK(r["substitute_for"]["member"] == "a");
}

TEST_CASE("esc: an unqualified declared substitute is passed over", "[escalation]") {
  // e speaks only German; the layer requires German and English.
  json abs = json::array({{{"member", "a"}, {"from", "2026-06-02"}, {"to", "2026-06-02"}, {"reason", "holiday"}, {"substitute", "e"}}});
  auto p = parse(smallTeam(rotation(), abs));
  REQUIRE(p.team);
  CHECK(onCallMember(oncallAt(p, "2026-06-02T10:00")) == "b");
}

TEST_CASE("esc: substitute pool is tried before the rest of the rotation", "[escalation]") {
  auto p = parse(smallTeam(rotation({{"substitutes", {"d"}}}),
                           json::array({{{"member", "a"}, {"from", "2026-06-02"}, {"to", "2026-06-02"}, {"reason", "holiday"}}})));
  REQUIRE(p.team);
  CHECK(onCallMember(oncallAt(p, "2026-06-02T10:00")) == "d");
}

TEST_CASE("esc: nobody qualified available is a coverage gap; a lower layer still covers", "[escalation]") {
  json abs = json::array({{{"member", "a"}, {"from", "2026-06-02"}, {"to", "2026-06-02"}, {"reason", "sickness"}},
                          {{"member", "b"}, {"from", "2026-06-02"}, {"to", "2026-06-02"}, {"reason", "holiday"}},
                          {{"member", "c"}, {"from", "2026-06-02T08:00"}, {"to", "2026-06-02T20:00"}, {"reason", "training"}}});
  auto p = parse(smallTeam(rotation(), abs));
  REQUIRE(p.team);
  CHECK(onCallMember(oncallAt(p, "2026-06-02T07:00")) == "c");
  auto r = oncallAt(p, "2026-06-02T10:00");
  CHECK(r["on_call"].is_null());
  CHECK(r["gap"]["reason"] == "no_qualified_substitute");
  CHECK(r["gap"]["absent"][0]["member"] == "a");
  CHECK(r["until"] == local("Europe/Berlin", "2026-06-02T20:00"));

  json s = rotation();
  s["layers"].push_back({{"id", "fallback"}, {"start", "2026-01-01T00:00"}, {"rotation", {{"type", "daily"}}}, {"members", {"f"}}});
  auto p2 = parse(smallTeam(s, abs));
  REQUIRE(p2.team);
  auto r2 = oncallAt(p2, "2026-06-02T10:00");
  CHECK(onCallMember(r2) == "f");
  CHECK(r2["layer"] == "fallback");
}

TEST_CASE("esc: absences are written in the member's own time zone", "[escalation]") {
  json team = smallTeam(rotation(), json::array({{{"member", "a"}, {"from", "2026-06-02"}, {"to", "2026-06-02"}, {"reason", "holiday"}}}));
  team["members"][0]["timezone"] = "America/New_York";
  auto p = parse(team);
  REQUIRE(p.team);
  // 2026-06-02 00:00 in New York is 06:00 in Berlin.
  CHECK(onCallMember(oncallAt(p, "2026-06-02T05:59")) == "a");
  CHECK(onCallMember(oncallAt(p, "2026-06-02T06:00")) == "b");
  CHECK(onCallMember(oncallAt(p, "2026-06-03T05:59")) == "b");
  CHECK(onCallMember(oncallAt(p, "2026-06-03T06:00")) == "a");
}

TEST_CASE("esc: oncall of an unknown schedule is an error", "[escalation]") {
  auto p = parse(smallTeam(rotation()));
  REQUIRE(p.team);
  CHECK(rg::esc::oncall(*p.team, "nope", 0)["error"] == "unknown schedule 'nope'");
  CHECK(rg::esc::gaps(*p.team, "nope", 0, 1)["error"] == "unknown schedule 'nope'");
}
