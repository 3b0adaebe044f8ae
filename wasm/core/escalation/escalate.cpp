// escalate(): which findings exceed what the writer's role may decide, which route they take, and
// whom to contact right now (on-call person, role holders, named managers) with a ready message.
#include <algorithm>
#include <cmath>

#include "delivery.h"
#include "describe.h"
#include "message.h"
#include "team.h"

namespace rg::esc {

using nlohmann::json;

namespace {

const char* kSeverityNames[] = {"none", "info", "warn", "block"};

// Request fields are untrusted: a wrong type reads as absent instead of throwing.
std::string getString(const json& j, const char* key, const std::string& fallback = "") {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

int severityOf(const json& j) {
  if (!j.is_string()) return -1;
  for (int i = 1; i <= 3; ++i)
    if (j == kSeverityNames[i]) return i;
  return -1;
}

// The finding's explicit "amount", or the first number of its text ("50 €", "49,99 EUR").
std::optional<double> amountOf(const json& f, const std::string& s) {
  if (f.contains("amount") && f["amount"].is_number()) return f["amount"].get<double>();
  size_t i = s.find_first_of("0123456789");
  if (i == std::string::npos) return std::nullopt;
  double v = 0, scale = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (scale > 0) {
        v += (c - '0') / scale;
        scale *= 10;
      } else {
        v = v * 10 + (c - '0');
      }
    } else if ((c == ',' || c == '.') && scale == 0 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9' &&
               (i + 3 >= s.size() || s[i + 3] < '0' || s[i + 3] > '9')) {
      scale = 10;  // decimal separator: at most two digits follow ("1.000" is a thousands separator)
    } else if ((c == '.' || c == ',') && scale == 0) {
      continue;  // thousands separator
    } else {
      break;
    }
  }
  return v;
}

std::string fmtAmount(double v) {
  char buf[32];
  if (v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// The role's label in the language (falls back to the other language, then the id).
std::string roleLabel(const Team& team, const std::string& id, const char* lang) {
  const json& l = team.roles.at(id).label;
  if (l.contains(lang) && l[lang].is_string()) return l[lang].get<std::string>();
  for (const auto& v : l)
    if (v.is_string()) return v.get<std::string>();
  return id;
}

bool absentOrExcluded(const Team& team, int m, int64_t now, int writer) {
  return m == writer || absenceAt(team, m, now) >= 0;
}

json levelJson(const Level& l) {
  return {{"level", l.level}, {"name", l.name.is_null() ? json::object() : l.name}, {"management", l.management},
          {"within_minutes", l.withinMinutes}, {"channels", l.channels}};
}

// Targets of one level at `now`; records a coverage gap when nobody is available.
json levelTargets(const Team& team, const Level& l, int64_t now, int writer, json& gaps) {
  json targets = json::array();
  std::vector<int> exclude;
  if (writer >= 0) exclude.push_back(writer);
  auto add = [&](int m) {
    json t = memberJson(team, m);
    t["level"] = l.level;
    t["channels"] = l.channels;
    targets.push_back(t);
    return &targets.back();
  };
  if (l.kind == TargetKind::kSchedule) {
    const Schedule& s = team.schedules[l.schedule];
    json oc = onCallJson(team, s, now, exclude);
    if (oc["on_call"].is_null()) {
      json g = oc["gap"];
      g["schedule"] = s.id;
      g["level"] = l.level;
      g["until"] = oc["until"];
      gaps.push_back(g);
      return targets;
    }
    json* t = add(team.memberIndex.at(oc["on_call"]["member"].get<std::string>()));
    (*t)["schedule"] = s.id;
    (*t)["via"] = oc["via"];
    if (oc.contains("layer")) (*t)["layer"] = oc["layer"];
    if (oc.contains("substitute_for")) (*t)["substitute_for"] = oc["substitute_for"];
    (*t)["on_call_until"] = oc["until"];
    (*t)["backup"] = oc["backup"];
    return targets;
  }
  std::vector<int> pool;
  if (l.kind == TargetKind::kRole) {
    for (size_t m = 0; m < team.members.size(); ++m) {
      const auto& rs = team.members[m].roles;
      if (std::find(rs.begin(), rs.end(), l.role) != rs.end()) pool.push_back(static_cast<int>(m));
    }
  } else {
    pool = l.members;
  }
  json absent = json::array();
  for (int m : pool) {
    if (!absentOrExcluded(team, m, now, writer)) {
      add(m);
      continue;
    }
    const int a = absenceAt(team, m, now);
    absent.push_back({{"member", team.members[m].id}, {"reason", a >= 0 ? team.absences[a].reason : "excluded"},
                      {"until", a >= 0 ? json(team.absences[a].to) : json(nullptr)}});
  }
  if (targets.empty())
    gaps.push_back({{"level", l.level}, {"role", l.role}, {"reason", "nobody_available"}, {"absent", absent}});
  return targets;
}

// One route: who is notified now, who comes next if nobody responds.
json routeJson(const Team& team, const Route& route, int severity, int64_t now, int writer) {
  json gaps = json::array(), targets = json::array(), next = json::array();
  json first;
  int64_t respondBy = -1, escalateAt = -1;
  bool management = false, needNext = true;
  for (const Level& l : route.levels) {
    if (l.minSeverity > severity) continue;
    if (needNext || l.notifyNow) {
      // Notified now: the first level, levels marked notify "now", and the next level whenever a
      // notified level has nobody available (a gap must not swallow the escalation).
      json ts = levelTargets(team, l, now, writer, gaps);
      if (first.is_null()) first = levelJson(l);
      management = management || (l.management && !ts.empty());
      for (auto& t : ts) targets.push_back(t);
      needNext = ts.empty();
      if (!ts.empty()) {
        const int64_t by = now + l.withinMinutes * kMinute;
        respondBy = respondBy < 0 ? by : std::min(respondBy, by);
      }
      continue;
    }
    // Later levels take over when the earliest response target passes unanswered.
    if (escalateAt < 0) escalateAt = respondBy < 0 ? now : respondBy;
    json gapsIgnored = json::array();
    json ts = levelTargets(team, l, escalateAt, writer, gapsIgnored);
    json members = json::array();
    for (const auto& t : ts) members.push_back(t["member"]);
    json n = levelJson(l);
    n["escalate_at"] = escalateAt;
    n["members"] = members;
    next.push_back(n);
    escalateAt += l.withinMinutes * kMinute;
  }
  return {{"route", route.id}, {"level", first}, {"targets", targets},
          {"respond_by", respondBy < 0 ? json(nullptr) : json(respondBy)}, {"management", management},
          {"next", next}, {"gaps", gaps}};
}

}  // namespace

json escalateUnchecked(const Team& team, const json& request) {
  if (!request.is_object()) return {{"error", "request must be an object"}};
  if (!request.contains("now") || !request["now"].is_number_integer()) return {{"error", "'now' (ms since epoch) is required"}};
  if (!request.contains("findings") || !request["findings"].is_array()) return {{"error", "'findings' must be an array"}};
  const int64_t now = request["now"].get<int64_t>();
  const std::string lang = getString(request, "lang") == "de" ? "de" : "en";
  json warnings = json::array();

  int writer = -1;
  std::vector<std::string> writerRoles;
  if (request.contains("member") && request["member"].is_string()) {
    auto it = team.memberIndex.find(request["member"].get<std::string>());
    if (it == team.memberIndex.end()) warnings.push_back("unknown member '" + request["member"].get<std::string>() + "'");
    else writer = it->second, writerRoles = team.members[writer].roles;
  }
  if (writer < 0 && !team.defaultRole.empty()) writerRoles = {team.defaultRole};
  const std::string roleText = writerRoles.empty() ? std::string() : writerRoles.front();

  // Which findings exceed the writer's competence (severity) or amount limit, by route.
  json reasons = json::array();
  std::map<std::string, int> routeSeverity;
  std::string primary;
  int primarySeverity = 0;
  for (const auto& f : request["findings"]) {
    if (!f.is_object()) continue;
    const std::string cat = getString(f, "category");
    const int sev = severityOf(f.contains("severity") ? f["severity"] : json());
    auto route = team.categoryRoute.find(cat);
    if (sev < 0 || route == team.categoryRoute.end()) continue;
    int may = writerRoles.empty() ? kInfo : kNone;
    std::string mayRole = roleText;
    std::optional<AmountLimit> limit;
    std::string limitRole;
    for (const auto& r : writerRoles) {
      const Role& role = team.roles.at(r);
      auto c = role.competencies.find(cat);
      const int v = c == role.competencies.end() ? kInfo : c->second;
      if (v > may) may = v, mayRole = r;
      if (auto l = role.limits.find(cat); l != role.limits.end() && (!limit || l->second.max > limit->max))
        limit = l->second, limitRole = r;
    }
    json reason = {{"rule", getString(f, "rule")}, {"category", cat}, {"severity", kSeverityNames[sev]},
                   {"route", route->second}, {"may_decide", kSeverityNames[may]}};
    // The matched text: from the finding, else cut from the draft by its UTF-16 offsets.
    std::string excerpt = getString(f, "text");
    if (excerpt.empty() && getString(f, "source", "reply") == "reply" && f.contains("begin") &&
        f.contains("end") && f["begin"].is_number_integer() && f["end"].is_number_integer())
      excerpt = utf16Slice(getString(request, "draft"), f["begin"].get<int64_t>(), f["end"].get<int64_t>());
    const std::string who = writerRoles.empty() ? "a writer without a role" : "role " + roleLabel(team, mayRole, "en");
    const std::string whoDe = writerRoles.empty() ? "ohne Rolle" : "Rolle " + roleLabel(team, mayRole, "de");
    std::optional<double> amount = limit ? amountOf(f, excerpt) : std::nullopt;
    if (sev > may) {
      reason["limit"] = who + " may decide up to " + kSeverityNames[may];
      reason["limit_de"] = whoDe + " darf bis " + std::string(kSeverityNames[may]) + " selbst entscheiden";
      if (!writerRoles.empty()) reason["role"] = mayRole;
    } else if (amount && *amount > limit->max) {
      reason["amount"] = *amount;
      reason["limit"] = "role " + roleLabel(team, limitRole, "en") + " may grant up to " + fmtAmount(limit->max) + " " + limit->currency;
      reason["limit_de"] = "Rolle " + roleLabel(team, limitRole, "de") + " darf bis " + fmtAmount(limit->max) + " " + limit->currency + " gewähren";
      reason["role"] = limitRole;
    } else {
      continue;
    }
    if (!excerpt.empty()) reason["excerpt"] = excerpt;
    reasons.push_back(reason);
    routeSeverity[route->second] = std::max(routeSeverity[route->second], sev);
    if (sev > primarySeverity) primarySeverity = sev, primary = route->second;
  }

  if (reasons.empty()) {
    json out = {{"escalate", false}, {"reasons", reasons}, {"gaps", json::array()}};
    if (!warnings.empty()) out["warnings"] = warnings;
    return out;
  }

  json out = routeJson(team, team.routes.at(primary), routeSeverity[primary], now, writer);
  out["escalate"] = true;
  out["reasons"] = reasons;
  json more = json::array();
  for (const auto& [id, sev] : routeSeverity) {
    if (id == primary) continue;
    json r = routeJson(team, team.routes.at(id), sev, now, writer);
    for (const auto& g : r["gaps"]) out["gaps"].push_back(g);
    for (const auto& t : r["targets"])
      if (std::none_of(out["targets"].begin(), out["targets"].end(), [&](const json& x) { return x["member"] == t["member"]; }))
        out["targets"].push_back(t);
    more.push_back(r);
  }
  out["more_routes"] = more;

  MessageInput in;
  in.lang = lang;
  in.writerName = writer >= 0 ? team.members[writer].name : "";
  in.postUrl = getString(request, "post_url");
  in.draft = getString(request, "draft");
  in.reasons = reasons;
  in.level = out["level"].is_null() ? json::object() : out["level"];
  in.targets = out["targets"];
  in.gaps = out["gaps"];
  in.respondBy = out["respond_by"].is_null() ? now : out["respond_by"].get<int64_t>();
  in.management = out["management"].get<bool>();
  out["message"] = composeMessage(team, in);
  out["links"] = composeLinks(out["targets"], out["message"]);
  std::map<std::string, std::string> routeSeverityNames;
  for (const auto& [id, sev] : routeSeverity) routeSeverityNames[id] = kSeverityNames[sev];
  out["deliveries"] = deliveriesFor(team, routeSeverityNames);  // team.delivery targets of these routes
  if (!warnings.empty()) out["warnings"] = warnings;
  return out;
}

json escalate(const Team& team, const json& request) {
  try {
    return escalateUnchecked(team, request);
  } catch (const std::exception& e) {  // no exception may leave the core
    return {{"error", std::string("invalid escalation request: ") + e.what()}};
  }
}

}  // namespace rg::esc
