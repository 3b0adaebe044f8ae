// gaps(): intervals without qualified coverage, merged, with their reason.
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

TEST_CASE("esc: gaps lists uncovered weekends and an absence without substitute", "[escalation]") {
  json s = {{"id", "s"}, {"timezone", "Europe/Berlin"},
            {"layers", json::array({{{"id", "week"}, {"start", "2026-06-01T08:00"}, {"rotation", {{"type", "weekly"}}},
                                     {"members", {"a", "b"}}, {"require", {{"languages", {"en"}}}},
                                     {"restrictions", json::array({{{"from", "mon 08:00"}, {"to", "fri 18:00"}}})}}})}};
  json abs = json::array({{{"member", "a"}, {"from", "2026-06-03T12:00"}, {"to", "2026-06-04T12:00"}, {"reason", "sickness"}},
                          {{"member", "b"}, {"from", "2026-06-03"}, {"to", "2026-06-03"}, {"reason", "holiday"}}});
  auto p = parse(smallTeam(s, abs));
  REQUIRE(p.team);
  auto g = rg::esc::gaps(*p.team, "s", local("Europe/Berlin", "2026-06-01T08:00"), local("Europe/Berlin", "2026-06-15T08:00"));
  REQUIRE(g["gaps"].size() == 3);
  // Both away on Wednesday afternoon/evening until b is back at midnight.
  CHECK(g["gaps"][0]["from"] == local("Europe/Berlin", "2026-06-03T12:00"));
  CHECK(g["gaps"][0]["to"] == local("Europe/Berlin", "2026-06-04T00:00"));
  CHECK(g["gaps"][0]["reason"] == "no_qualified_substitute");
  CHECK(g["gaps"][0]["absent"][0]["member"] == "a");
  CHECK(g["gaps"][1]["from"] == local("Europe/Berlin", "2026-06-05T18:00"));
  CHECK(g["gaps"][1]["to"] == local("Europe/Berlin", "2026-06-08T08:00"));
  CHECK(g["gaps"][1]["reason"] == "no_layer_active");
  CHECK(g["gaps"][2]["from"] == local("Europe/Berlin", "2026-06-12T18:00"));
  CHECK(g["gaps"][2]["to"] == local("Europe/Berlin", "2026-06-15T08:00"));
}

TEST_CASE("esc: gaps argument errors", "[escalation]") {
  json s = {{"id", "s"}, {"layers", json::array({{{"id", "l"}, {"start", "2026-06-01T08:00"}, {"rotation", {{"type", "daily"}}}, {"members", {"a"}}}})}};
  auto p = parse(smallTeam(s));
  REQUIRE(p.team);
  CHECK(rg::esc::gaps(*p.team, "s", 10, 5).contains("error"));
  CHECK(rg::esc::gaps(*p.team, "s", 0, 800LL * 86400000).contains("error"));
  // Before the layer starts nobody is on call.
  auto g = rg::esc::gaps(*p.team, "s", local("Europe/Berlin", "2026-05-31T00:00"), local("Europe/Berlin", "2026-06-02T00:00"));
  REQUIRE(g["gaps"].size() == 1);
  CHECK(g["gaps"][0]["to"] == local("Europe/Berlin", "2026-06-01T08:00"));
}
