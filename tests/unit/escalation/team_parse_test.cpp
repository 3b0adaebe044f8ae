// parseTeam rejects bad team data with a JSON pointer to each problem.
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

namespace {

json goodSchedule() {
  return {{"id", "s"}, {"timezone", "Europe/Berlin"},
          {"layers", json::array({{{"id", "l"}, {"start", "2026-06-01T09:00"}, {"rotation", {{"type", "weekly"}}},
                                   {"members", {"a", "b"}}}})}};
}

}  // namespace

TEST_CASE("esc: a valid small team parses", "[escalation]") {
  auto p = parse(smallTeam(goodSchedule()));
  INFO(errorList(p));
  CHECK(p.team);
  CHECK(p.errors.empty());
}

TEST_CASE("esc: unknown time zones are reported with their pointer", "[escalation]") {
  json t = smallTeam(goodSchedule());
  t["members"][2]["timezone"] = "Europe/Berln";
  t["schedules"][0]["timezone"] = "Mars/Olympus";
  auto p = parse(t);
  CHECK_FALSE(p.team);
  CHECK(hasError(p, "/team/members/2/timezone", "unknown time zone \"Europe/Berln\""));
  CHECK(hasError(p, "/team/schedules/0/timezone", "unknown time zone \"Mars/Olympus\""));
}

TEST_CASE("esc: references between ids are checked", "[escalation]") {
  json t = smallTeam(goodSchedule());
  t["members"][1]["roles"] = {"agent", "wizard"};
  t["roles"]["boss"]["competencies"]["legel"] = "block";
  t["schedules"][0]["layers"][0]["members"] = {"a", "zed"};
  t["absences"] = json::array({{{"member", "nobody"}, {"from", "2026-01-01"}, {"to", "2026-01-02"}, {"reason", "holiday"}},
                               {{"member", "a"}, {"from", "2026-01-01"}, {"to", "2026-01-02"}, {"reason", "holiday"}, {"substitute", "a"}}});
  t["routes"] = {{"legal", json::array({{{"level", 1}, {"schedule", "nope"}, {"within_minutes", 30}, {"channels", {"phone"}}},
                                        {{"level", 2}, {"role", "ghost"}, {"within_minutes", 30}, {"channels", {"fax"}}}})}};
  json categories = {{"legal", {{"escalation", "legal"}}}, {"press", {{"escalation", "press"}}}};
  auto p = parse(t, categories);
  CHECK_FALSE(p.team);
  INFO(errorList(p));
  CHECK(hasError(p, "/team/members/1/roles/1", "unknown role \"wizard\""));
  CHECK(hasError(p, "/team/schedules/0/layers/0/members/1", "unknown member \"zed\""));
  CHECK(hasError(p, "/team/absences/0/member", "unknown member \"nobody\""));
  CHECK(hasError(p, "/team/absences/1/substitute", "cannot substitute for themself"));
  CHECK(hasError(p, "/team/routes/legal/0/schedule", "unknown schedule \"nope\""));
  CHECK(hasError(p, "/team/routes/legal/1/role", "unknown role \"ghost\""));
  CHECK(hasError(p, "/team/routes/legal/1/channels/0", "must be one of \"phone\", \"email\", \"chat\""));
  CHECK(hasError(p, "/categories/press/escalation", "unknown route \"press\""));
  CHECK(hasError(p, "/team/roles/boss/competencies/legel", "unknown category \"legel\""));
}

TEST_CASE("esc: invalid and overlapping intervals are rejected", "[escalation]") {
  json s = goodSchedule();
  s["overrides"] = json::array({{{"member", "a"}, {"from", "2026-06-03T18:00"}, {"to", "2026-06-04T08:00"}},
                                {{"member", "b"}, {"from", "2026-06-04T07:00"}, {"to", "2026-06-04T09:00"}},
                                {{"member", "c"}, {"from", "2026-06-10T09:00"}, {"to", "2026-06-10T08:00"}},
                                {{"member", "d"}, {"from", "2026-07-01T09:00"}, {"to", "2026-07-01T10:00"}}});
  json abs = json::array({{{"member", "a"}, {"from", "2026-05-01"}, {"to", "2026-05-10"}, {"reason", "holiday"}},
                          {{"member", "a"}, {"from", "2026-05-10"}, {"to", "2026-05-12"}, {"reason", "sickness"}},
                          {{"member", "b"}, {"from", "2026-05-03"}, {"to", "2026-05-01"}, {"reason", "holiday"}},
                          {{"member", "d"}, {"from", "2026-07-01"}, {"to", "2026-07-01"}, {"reason", "vacation"}}});
  auto p = parse(smallTeam(s, abs));
  CHECK_FALSE(p.team);
  INFO(errorList(p));
  CHECK(hasError(p, "/team/absences/1", "overlaps absence /team/absences/0"));
  CHECK(hasError(p, "/team/absences/2/to", "must be after \"from\""));
  CHECK(hasError(p, "/team/absences/3/reason", "must be one of \"holiday\", \"sickness\", \"training\", \"other\""));
  CHECK(hasError(p, "/team/schedules/0/overrides/1", "overlaps another override"));
  CHECK(hasError(p, "/team/schedules/0/overrides/2/to", "must be after \"from\""));
  CHECK(hasError(p, "/team/schedules/0/overrides/3", "\"d\" is absent then"));
}

TEST_CASE("esc: malformed times, restrictions, rotations and unknown keys", "[escalation]") {
  json s = goodSchedule();
  s["layers"][0]["start"] = "2026-06-01 09:00";
  s["layers"][0]["rotation"] = {{"type", "fortnightly"}};
  s["layers"][0]["restrictions"] = json::array({{{"from", "friday 18:00"}, {"to", "mon 08:00"}},
                                                {{"from", "fri 18:00"}, {"to", "08:00"}},
                                                {{"from", "08:00"}, {"to", "08:00"}}});
  s["layers"][0]["holidays"] = "include";
  s["layers"][0]["colour"] = "blue";
  s["layers"].push_back({{"id", "l2"}, {"start", "2026-06-01T09:00"}, {"rotation", {{"type", "custom"}}}, {"members", {"e"}},
                         {"require", {{"languages", {"en"}}}}});
  auto p = parse(smallTeam(s));
  CHECK_FALSE(p.team);
  INFO(errorList(p));
  const std::string l = "/team/schedules/0/layers/0";
  CHECK(hasError(p, l + "/start", "local date-time"));
  CHECK(hasError(p, l + "/rotation/type", "\"daily\", \"weekly\", \"custom\""));
  CHECK(hasError(p, l + "/restrictions/0/from", "\"ddd HH:MM\""));
  CHECK(hasError(p, l + "/restrictions/1/to", "weekly time"));
  CHECK(hasError(p, l + "/restrictions/2", "empty window"));
  CHECK(hasError(p, l + "/holidays", "names no holiday region"));
  CHECK(hasError(p, l + "/colour", "unknown key \"colour\""));
  CHECK(hasError(p, "/team/schedules/0/layers/1/rotation/hours", "missing required key \"hours\""));
  CHECK(hasError(p, "/team/schedules/0/layers/1/members/0", "does not meet the layer's \"require\""));
}

TEST_CASE("esc: members need ids, contacts and valid phone numbers", "[escalation]") {
  json t = smallTeam(goodSchedule());
  t["members"][3]["id"] = "a";
  t["members"][4]["contact"] = json::object();
  t["members"][5]["contact"]["phone"] = "030 1234";
  t.erase("timezone");
  auto p = parse(t);
  CHECK_FALSE(p.team);
  INFO(errorList(p));
  CHECK(hasError(p, "/team/members/3/id", "duplicate member id \"a\""));
  CHECK(hasError(p, "/team/members/4/contact", "needs at least one of \"phone\", \"email\", \"chat\""));
  CHECK(hasError(p, "/team/members/5/contact/phone", "international number"));
  CHECK(hasError(p, "/team/timezone", "missing required key \"timezone\""));
}

TEST_CASE("esc: non-object team never throws", "[escalation]") {
  auto p = parse(json::array({1, 2}));
  CHECK_FALSE(p.team);
  CHECK(hasError(p, "/team", "must be an object"));
  json t = smallTeam(goodSchedule());
  t["members"] = "everyone";
  t["schedules"][0]["layers"] = {{"id", 3}};
  auto p2 = parse(t);
  CHECK_FALSE(p2.team);
  CHECK(hasError(p2, "/team/members", "non-empty array"));
}

TEST_CASE("esc: the telecom example's team is valid", "[escalation]") {
  json b = telecomBundle();
  auto p = parse(b["team"], b["categories"]);
  INFO(errorList(p));
  REQUIRE(p.team);
  CHECK(p.team->members.size() == 12);
  CHECK(p.team->schedules.size() == 4);
  // Every category that escalates names a route of the team.
  for (auto it = b["categories"].begin(); it != b["categories"].end(); ++it)
    if (it.value().contains("escalation")) CHECK(p.team->routes.count(it.value()["escalation"].get<std::string>()) == 1);
}
