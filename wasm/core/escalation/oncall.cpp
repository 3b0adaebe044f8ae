// oncall() and gaps(): the schedule questions "who is on call at t, and why" and "when is nobody".
#include "describe.h"
#include "team.h"

namespace rg::esc {

using nlohmann::json;

const char* viaName(Via v) {
  switch (v) {
    case Via::kOverride: return "override";
    case Via::kRotation: return "rotation";
    case Via::kSubstitute: return "substitute";
    default: return "gap";
  }
}

json contactsJson(const Member& m) {
  json c = json::object();
  if (!m.phone.empty()) c["phone"] = m.phone;
  if (!m.email.empty()) c["email"] = m.email;
  if (!m.chat.empty()) c["chat"] = m.chat;
  return c;
}

json memberJson(const Team& team, int m) {
  const Member& mm = team.members[m];
  return {{"member", mm.id}, {"name", mm.name}, {"roles", mm.roles}, {"contacts", contactsJson(mm)},
          {"timezone", mm.zone ? mm.zone->id() : ""}};
}

json gapJson(const Team& team, const Resolution& r) {
  json absent = json::array();
  for (const Absent& a : r.absent) {
    json j = {{"member", team.members[a.member].id}};
    if (a.absence >= 0) {
      j["reason"] = team.absences[a.absence].reason;
      j["until"] = team.absences[a.absence].to;
    } else {
      j["reason"] = "excluded";
    }
    absent.push_back(j);
  }
  return {{"reason", r.gap == GapReason::kNoLayerActive ? "no_layer_active" : "no_qualified_substitute"},
          {"absent", absent}};
}

json onCallJson(const Team& team, const Schedule& s, int64_t t, const std::vector<int>& exclude) {
  const Resolution r = resolveAt(team, s, t, exclude);
  const int64_t until = nextChange(team, s, t, exclude);
  json out = {{"schedule", s.id}, {"at", t}, {"via", viaName(r.via)},
              {"until", until < 0 ? json(nullptr) : json(until)}};
  if (r.member < 0) {
    out["on_call"] = nullptr;
    out["gap"] = gapJson(team, r);
    return out;
  }
  out["on_call"] = memberJson(team, r.member);
  if (r.layer >= 0) out["layer"] = s.layers[r.layer].id;
  if (r.override >= 0) out["override"] = {{"from", s.overrides[r.override].from}, {"to", s.overrides[r.override].to}};
  if (r.via == Via::kSubstitute) {
    json f = {{"member", team.members[r.scheduled].id}, {"name", team.members[r.scheduled].name}};
    if (r.absence >= 0) {
      f["reason"] = team.absences[r.absence].reason;
      f["absent_until"] = team.absences[r.absence].to;
    } else {
      f["reason"] = "excluded";
    }
    out["substitute_for"] = f;
  }
  // Backup: who would be on call if this person cannot be reached.
  std::vector<int> ex = exclude;
  ex.push_back(r.member);
  const Resolution b = resolveAt(team, s, t, ex);
  if (b.member >= 0) {
    json bj = memberJson(team, b.member);
    bj["via"] = viaName(b.via);
    if (b.layer >= 0) bj["layer"] = s.layers[b.layer].id;
    out["backup"] = bj;
  } else {
    out["backup"] = nullptr;
  }
  return out;
}

json oncall(const Team& team, const std::string& scheduleId, int64_t atMs) {
  const Schedule* s = team.schedule(scheduleId);
  if (!s) return {{"error", "unknown schedule '" + scheduleId + "'"}};
  return onCallJson(team, *s, atMs);
}

json gaps(const Team& team, const std::string& scheduleId, int64_t fromMs, int64_t toMs) {
  const Schedule* s = team.schedule(scheduleId);
  if (!s) return {{"error", "unknown schedule '" + scheduleId + "'"}};
  if (toMs <= fromMs) return {{"error", "'to' must be after 'from'"}};
  if (toMs - fromMs > 732 * kDay) return {{"error", "range longer than two years"}};
  json list = json::array();
  Resolution prev;
  bool open = false;
  for (int64_t c = fromMs; c < toMs;) {
    const Resolution r = resolveAt(team, *s, c);
    const int64_t n = std::min(nextCandidate(team, *s, c), toMs);
    if (r.member < 0) {
      if (open && r == prev) {
        list.back()["to"] = n;
      } else {
        json g = gapJson(team, r);
        g["from"] = c;
        g["to"] = n;
        list.push_back(g);
      }
    }
    open = r.member < 0;
    prev = r;
    c = n;
  }
  return {{"schedule", s->id}, {"from", fromMs}, {"to", toMs}, {"gaps", list}};
}

}  // namespace rg::esc
