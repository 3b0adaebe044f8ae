// The compiled team model: what parseTeam produces and the resolvers read. Plain data; all
// times are ms since the epoch (UTC) or local "wall" ms (ms since 1970-01-01T00:00 on the wall clock).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "zone.h"

namespace rg::esc {

// info < warn < block; kNone = may decide nothing in the category.
enum Severity : int { kNone = 0, kInfo = 1, kWarn = 2, kBlock = 3 };

struct AmountLimit {
  double max = 0;
  std::string currency;  // informational ("EUR"); amounts are compared as numbers
};

struct Role {
  std::string id;
  nlohmann::json label;                     // localized text
  std::map<std::string, int> competencies;  // category -> highest Severity decided alone
  std::map<std::string, AmountLimit> limits;  // category -> largest amount granted alone
};

struct Member {
  std::string id, name;
  std::vector<std::string> roles, languages;
  std::string phone, email, chat;
  const Zone* zone = nullptr;  // member's time zone (absences are written in it)
};

struct Absence {
  int member = -1;      // index into Team::members
  int64_t from = 0, to = 0;  // UTC, [from, to)
  std::string reason;   // holiday | sickness | training | other
  int substitute = -1;  // declared substitute (member index) or -1
  size_t index = 0;     // position in team.absences (for messages)
};

// A weekly (weekday set) or daily window in local wall minutes; `to` <= `from` wraps.
struct Window {
  int fromMin = 0, toMin = 0;  // minutes of the week (weekly) or of the day (daily)
  bool weekly = false;
};

struct Layer {
  std::string id;
  int64_t startWall = 0;              // first handoff, local wall ms
  std::optional<int64_t> endWall;     // layer ends (local wall ms), exclusive
  int64_t turnWall = 0;               // turn length in wall ms (24h daily, 168h weekly, n h custom)
  std::vector<int> members;           // rotation order
  std::vector<Window> windows;        // restrictions; empty = always
  int holidays = 0;                   // 0 ignore, +1 active all day on holidays, -1 inactive
  std::vector<std::string> requireRoles;      // any of
  std::vector<std::string> requireLanguages;  // all of
  std::vector<int> substitutes;       // pool tried before the rest of the rotation
};

struct Override {
  int member = -1;
  int64_t from = 0, to = 0;  // UTC
};

struct Schedule {
  std::string id;
  nlohmann::json name;
  const Zone* zone = nullptr;
  std::vector<Layer> layers;       // highest priority first
  std::vector<Override> overrides;  // sorted by from, non-overlapping
  // "YYYY-MM-DD" of the region, sorted; shared by the schedules naming the same region.
  std::shared_ptr<const std::vector<std::string>> holidays;
};

enum class TargetKind { kSchedule, kRole, kMembers };

struct Level {
  int level = 0;
  nlohmann::json name;
  TargetKind kind = TargetKind::kSchedule;
  int schedule = -1;
  std::string role;
  std::vector<int> members;
  int minSeverity = kInfo;
  int withinMinutes = 30;
  std::vector<std::string> channels;
  bool management = false;
  bool notifyNow = false;  // contacted together with the first level instead of after it
};

struct Route {
  std::string id;
  std::vector<Level> levels;  // ascending level
};

// Where escalations and the audit log are delivered (team.delivery). Only kinds and mapping:
// webhook URLs and routing keys are secrets and come from the admin's managed settings.

struct DeliveryTarget {
  std::string id;
  std::string kind;        // "slack" | "teams" | "pagerduty" | "webhook"
  nlohmann::json name;     // localized label for the panel (optional)
  bool includeDraft = false;  // the policy allows the draft in this target's payload
};

struct AuditDelivery {
  bool present = false;
  std::string format = "otlp";  // "otlp" | "jsonl"
  std::string url;              // https endpoint ("" = managed settings give it)
  bool includeDraft = false;
};

struct Team {
  const Zone* zone = nullptr;
  std::vector<std::unique_ptr<Zone>> zones;  // owned, one per distinct id
  std::map<std::string, Role> roles;
  std::vector<Member> members;
  std::map<std::string, int> memberIndex;
  std::vector<Absence> absences;  // sorted by member, from
  std::vector<Schedule> schedules;
  std::map<std::string, Route> routes;
  std::string defaultRole;               // role of writers who are not members ("" = none)
  std::map<std::string, std::string> categoryRoute;  // category -> route id
  nlohmann::json categoryLabels;         // category -> localized label
  std::vector<DeliveryTarget> targets;                       // team.delivery.targets, sorted by id
  std::map<std::string, std::vector<std::string>> routeTargets;  // route id -> target ids
  AuditDelivery audit;                                       // team.delivery.audit

  const Schedule* schedule(const std::string& id) const {
    for (const auto& s : schedules) if (s.id == id) return &s;
    return nullptr;
  }
};

}  // namespace rg::esc
