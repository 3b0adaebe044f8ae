// Helpers for the escalation tests: instants from readable strings, small teams, the telecom example.
#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "../../source_dir.h"
#include "escalation/model.h"
#include "escalation/team.h"
#include "escalation/wall_parse.h"

namespace esctest {

using nlohmann::json;

// "2026-03-29T01:30" read as UTC -> ms.
inline int64_t utc(const std::string& s) {
  auto w = rg::esc::parseDateTime(s);
  if (!w) throw std::runtime_error("bad test time " + s);
  return *w;
}

// Local wall time in an IANA zone -> ms (first occurrence if repeated).
inline int64_t local(const std::string& zone, const std::string& s) {
  auto z = rg::esc::Zone::create(zone);
  return z->toUtc(utc(s));
}

struct Parsed {
  std::shared_ptr<const rg::esc::Team> team;
  std::vector<rg::BundleError> errors;
};

inline Parsed parse(const json& team, const json& categories = {{"legal", {{"label", {{"en", "Legal"}}}}}}) {
  Parsed p;
  p.team = rg::esc::parseTeam(team, categories, p.errors);
  return p;
}

inline bool hasError(const Parsed& p, const std::string& pointer, const std::string& fragment) {
  for (const auto& e : p.errors)
    if (e.pointer == pointer && e.message.find(fragment) != std::string::npos) return true;
  return false;
}

inline std::string errorList(const Parsed& p) {
  std::string s;
  for (const auto& e : p.errors) s += e.pointer + ": " + e.message + "\n";
  return s;
}

inline json telecomBundle() {
  std::ifstream in(std::string(RG_SOURCE_DIR) + "/policies/examples/telecom.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

inline std::shared_ptr<const rg::esc::Team> telecom() {
  static std::shared_ptr<const rg::esc::Team> team = [] {
    json b = telecomBundle();
    std::vector<rg::BundleError> errors;
    auto t = rg::esc::parseTeam(b["team"], b["categories"], errors);
    if (!t) throw std::runtime_error("telecom.json team invalid: " + (errors.empty() ? "" : errors[0].pointer + " " + errors[0].message));
    return t;
  }();
  return team;
}

// Members a..f with role "agent" (a,b,c,d: de+en; e: de only) and "boss"; one schedule "s".
inline json smallTeam(const json& schedule, const json& absences = json::array()) {
  json members = json::array();
  for (std::string id : {"a", "b", "c", "d", "e"})
    members.push_back({{"id", id}, {"name", "Member " + id}, {"roles", {"agent"}},
                       {"languages", id == "e" ? json{"de"} : json{"de", "en"}},
                       {"contact", {{"email", id + "@example.com"}}}});
  members.push_back({{"id", "f"}, {"name", "Boss"}, {"roles", {"boss"}}, {"languages", {"de"}},
                     {"contact", {{"phone", "+49 30 111111"}}}});
  return {{"timezone", "Europe/Berlin"},
          {"roles", {{"agent", {{"label", {{"en", "Agent"}}}, {"competencies", {{"legal", "info"}}}}},
                     {"boss", {{"label", {{"en", "Boss"}}}, {"competencies", {{"legal", "block"}}}}}}},
          {"members", members},
          {"holidays", {{"X", {"2026-05-14"}}}},
          {"absences", absences},
          {"schedules", json::array({schedule})}};
}

inline std::string onCallMember(const json& r) { return r["on_call"].is_null() ? "-" : r["on_call"]["member"].get<std::string>(); }

}  // namespace esctest
