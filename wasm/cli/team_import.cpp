// importCalendar: see team_import.h. Times are compared as UTC instants and written as the
// team format's local wall times (minutes) or dates (whole days of all-day events).
#include "team_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "escalation/zone.h"
#include "exit_codes.h"
#include "messages.h"

namespace rg::cli {
namespace {

using nlohmann::json;
using rg::esc::kDay;
using rg::esc::kMinute;
using rg::esc::Zone;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool hasWord(const std::string& text, const std::string& word) {
  if (word.empty()) return false;
  size_t at = 0;
  while ((at = text.find(word, at)) != std::string::npos) {
    const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    const size_t e = at + word.size();
    const bool right = e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e]));
    if (left && right) return true;
    at = e;
  }
  return false;
}

// Absence reason from categories, then the summary; "" = a shift.
std::string absenceReason(const IcsOccurrence& o) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kWords = {
      {"holiday", {"holiday", "vacation", "urlaub", "pto", "leave", "ferien"}},
      {"sickness", {"sick", "sickness", "krank", "illness", "krankheit"}},
      {"training", {"training", "schulung", "course", "fortbildung"}},
      {"other", {"absence", "abwesend", "abwesenheit", "ooo", "out of office", "oof"}}};
  for (const auto& c : o.categories)
    for (const auto& [reason, words] : kWords)
      if (std::find(words.begin(), words.end(), c) != words.end()) return reason;
  const std::string s = lower(o.summary);
  for (const auto& [reason, words] : kWords)
    for (const auto& w : words)
      if (hasWord(s, w)) return reason;
  if (o.busyStatus == "OOF") return "other";
  return "";
}

struct MemberInfo {
  std::string id, name, email;
  const Zone* zone = nullptr;
};

struct Interval {
  int64_t from = 0, to = 0;  // UTC ms
  bool dates = false;        // both ends whole local days (written as dates)
  std::string reason, note;
};

std::string fmtWall(const Zone& z, int64_t utcMs) { return rg::esc::isoWall(z.toWall(utcMs)); }

std::vector<int> membersOf(const IcsOccurrence& o, const std::vector<MemberInfo>& ms) {
  std::vector<int> out;
  for (const auto& a : o.attendees)
    for (size_t i = 0; i < ms.size(); ++i)
      if (!ms[i].email.empty() && ms[i].email == a && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(static_cast<int>(i));
  if (out.empty() && !o.organizer.empty())
    for (size_t i = 0; i < ms.size(); ++i)
      if (!ms[i].email.empty() && ms[i].email == o.organizer) out.push_back(static_cast<int>(i));
  if (out.empty()) {
    const std::string s = lower(o.summary);
    for (size_t i = 0; i < ms.size(); ++i)
      if (hasWord(s, lower(ms[i].id)) || hasWord(s, lower(ms[i].name))) out.push_back(static_cast<int>(i));
  }
  return out;
}

bool imported(const json& e) {
  return e.is_object() && e.contains("note") && e["note"].is_string() && e["note"].get<std::string>().rfind("ics:", 0) == 0;
}

}  // namespace

json importCalendar(const json& teamIn, const std::string& scheduleId, const std::vector<IcsOccurrence>& events,
                    int64_t fromMs, int64_t toMs, ImportReport& report) {
  json team = teamIn;
  std::vector<std::unique_ptr<Zone>> zones;
  auto zoneOf = [&](const std::string& id) -> const Zone* {
    for (const auto& z : zones) if (z->id() == id) return z.get();
    auto z = Zone::create(id);
    if (!z) throw CliError{kInvalidInput, tr("ics.bad_zone", {id})};
    zones.push_back(std::move(z));
    return zones.back().get();
  };
  if (!team.is_object() || !team.contains("timezone") || !team["timezone"].is_string() || !team.contains("members") || !team["members"].is_array())
    throw CliError{kInvalidInput, tr("ics.no_team")};
  const Zone* teamZone = zoneOf(team["timezone"].get<std::string>());
  json* schedule = nullptr;
  for (auto& s : team["schedules"]) if (s.value("id", "") == scheduleId) schedule = &s;
  if (!schedule) throw CliError{kInvalidInput, tr("ics.unknown_schedule", {scheduleId})};
  const Zone* scheduleZone = schedule->contains("timezone") ? zoneOf((*schedule)["timezone"].get<std::string>()) : teamZone;

  std::vector<MemberInfo> members;
  for (const auto& m : team["members"]) {
    MemberInfo mi;
    mi.id = m.value("id", "");
    mi.name = m.value("name", "");
    if (m.contains("contact") && m["contact"].is_object()) mi.email = lower(m["contact"].value("email", ""));
    mi.zone = m.contains("timezone") ? zoneOf(m["timezone"].get<std::string>()) : teamZone;
    members.push_back(mi);
  }

  // Occurrence -> UTC interval. A floating time or an all-day date is local to `zone`.
  auto toUtc = [](const IcsOccurrence& o, const Zone& zone) {
    Interval iv;
    if (o.allDay) { iv.from = zone.toUtc(o.start * kDay); iv.to = zone.toUtc(o.end * kDay); iv.dates = true; }
    else if (o.floating) { iv.from = zone.toUtc(o.start); iv.to = zone.toUtc(o.end); }
    else { iv.from = o.start; iv.to = o.end; }
    iv.from = rg::esc::floorDiv(iv.from, kMinute) * kMinute;  // the team format has minutes
    iv.to = rg::esc::floorDiv(iv.to + kMinute - 1, kMinute) * kMinute;
    return iv;
  };

  std::vector<std::vector<Interval>> absences(members.size());
  std::vector<std::pair<int, Interval>> shifts;
  for (const auto& o : events) {
    const std::string label = o.file + " " + (o.uid.empty() ? "?" : o.uid) + " \"" + o.summary + "\"";
    const std::string reason = absenceReason(o);
    const std::vector<int> who = membersOf(o, members);
    if (who.empty()) { report.skipped.push_back(tr("ics.no_member", {label})); continue; }
    if (reason.empty() && who.size() > 1) { report.skipped.push_back(tr("ics.many_members", {label})); continue; }
    for (int m : who) {
      Interval iv = toUtc(o, reason.empty() ? *scheduleZone : *members[m].zone);
      if (iv.to <= fromMs || iv.from >= toMs) continue;  // outside the window
      if (iv.to <= iv.from) { report.skipped.push_back(tr("ics.empty", {label})); continue; }
      iv.note = "ics:" + o.uid;
      iv.reason = reason;
      if (reason.empty()) shifts.push_back({m, iv});
      else absences[m].push_back(iv);
    }
  }

  // Absences: overlapping or touching ones of a member become one (the core allows no overlap).
  json outAbsences = json::array();
  for (const auto& a : team.value("absences", json::array())) if (!imported(a)) outAbsences.push_back(a);
  for (size_t m = 0; m < members.size(); ++m) {
    auto& list = absences[m];
    std::sort(list.begin(), list.end(), [](const Interval& a, const Interval& b) { return a.from < b.from || (a.from == b.from && a.to > b.to); });
    std::vector<Interval> merged;
    for (const auto& iv : list) {
      if (!merged.empty() && iv.from <= merged.back().to) {
        Interval& last = merged.back();
        if (iv.to > last.to) last.to = iv.to;
        last.dates = last.dates && iv.dates;
        if (last.note.find(iv.note) == std::string::npos) last.note += " " + iv.note;
        ++report.merged;
      } else {
        merged.push_back(iv);
      }
    }
    const Zone& z = *members[m].zone;
    for (const auto& iv : merged) {
      json a = {{"member", members[m].id}, {"reason", iv.reason}, {"note", iv.note}};
      if (iv.dates) {
        a["from"] = rg::esc::isoDate(rg::esc::floorDiv(z.toWall(iv.from), kDay));
        a["to"] = rg::esc::isoDate(rg::esc::floorDiv(z.toWall(iv.to), kDay) - 1);  // a date as "to" is its whole day
      } else {
        a["from"] = fmtWall(z, iv.from);
        a["to"] = fmtWall(z, iv.to);
      }
      outAbsences.push_back(a);
      ++report.absences;
    }
    absences[m] = merged;
  }
  team["absences"] = outAbsences;

  // Shifts: cut around the member's own absences (absent people are not on call), then checked
  // for overlaps between members, which the calendar must resolve.
  std::vector<std::pair<int, Interval>> pieces;
  for (auto [m, iv] : shifts) {
    std::vector<Interval> rest = {iv};
    for (const auto& ab : absences[m]) {
      std::vector<Interval> next;
      for (const auto& r : rest) {
        if (ab.to <= r.from || ab.from >= r.to) { next.push_back(r); continue; }
        ++report.trimmed;
        if (r.from < ab.from) { Interval a = r; a.to = ab.from; a.dates = false; next.push_back(a); }
        if (ab.to < r.to) { Interval b = r; b.from = ab.to; b.dates = false; next.push_back(b); }
      }
      rest = next;
    }
    for (const auto& r : rest) pieces.push_back({m, r});
  }
  std::sort(pieces.begin(), pieces.end(), [](const auto& a, const auto& b) { return a.second.from < b.second.from; });
  json outOverrides = json::array();
  for (const auto& o : schedule->value("overrides", json::array())) if (!imported(o)) outOverrides.push_back(o);
  std::vector<std::pair<int, Interval>> kept;
  for (const auto& [m, iv] : pieces) {
    if (!kept.empty() && iv.from < kept.back().second.to) {
      auto& [pm, p] = kept.back();
      if (pm != m)
        throw CliError{kInvalidInput, tr("ics.overlap", {members[pm].id, p.note.substr(4), members[m].id, iv.note.substr(4),
                                                         fmtWall(*scheduleZone, iv.from)})};
      p.to = std::max(p.to, iv.to);  // the same member twice (two calendars): one shift
      p.dates = p.dates && iv.dates;
      if (p.note.find(iv.note) == std::string::npos) p.note += " " + iv.note;
      continue;
    }
    kept.push_back({m, iv});
  }
  for (const auto& [m, iv] : kept) {
    json o = {{"member", members[m].id}, {"note", iv.note}};
    o["from"] = iv.dates ? rg::esc::isoDate(rg::esc::floorDiv(scheduleZone->toWall(iv.from), kDay)) : fmtWall(*scheduleZone, iv.from);
    o["to"] = iv.dates ? rg::esc::isoDate(rg::esc::floorDiv(scheduleZone->toWall(iv.to), kDay) - 1) : fmtWall(*scheduleZone, iv.to);
    outOverrides.push_back(o);
    ++report.overrides;
  }
  // The same member's back-to-back shifts stay separate entries: the core accepts touching ones.
  (*schedule)["overrides"] = outOverrides;
  return team;
}

}  // namespace rg::cli
