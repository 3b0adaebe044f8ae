#include "resolve.h"

#include <algorithm>

namespace rg::esc {
namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool inWindow(int from, int to, int m) { return from < to ? (m >= from && m < to) : (m >= from || m < to); }

// The first instant after t at which the zone's offset changes, if within `span`; else -1.
int64_t nextTransition(const Zone& z, int64_t t, int64_t span) {
  const int64_t off = z.offsetAt(t);
  if (z.offsetAt(t + span) == off) return -1;
  int64_t lo = t, hi = t + span;  // offset(lo) == off, offset(hi) != off
  while (hi - lo > 1) {
    const int64_t mid = lo + (hi - lo) / 2;
    (z.offsetAt(mid) == off ? lo : hi) = mid;
  }
  return hi;
}

}  // namespace

bool qualifies(const Team& team, int m, const Layer& l) {
  const Member& mm = team.members[m];
  bool role = l.requireRoles.empty();
  for (const auto& r : l.requireRoles) role = role || std::find(mm.roles.begin(), mm.roles.end(), r) != mm.roles.end();
  for (const auto& lang : l.requireLanguages)
    if (std::find(mm.languages.begin(), mm.languages.end(), lang) == mm.languages.end()) return false;
  return role;
}

int absenceAt(const Team& team, int member, int64_t t) {
  for (size_t i = 0; i < team.absences.size(); ++i) {
    const Absence& a = team.absences[i];
    if (a.member == member && a.from <= t && t < a.to) return static_cast<int>(i);
  }
  return -1;
}

bool layerActive(const Schedule& s, const Layer& l, int64_t t) {
  if (t < s.zone->toUtc(l.startWall)) return false;
  if (l.endWall && t >= s.zone->toUtc(*l.endWall)) return false;
  const int64_t wall = s.zone->toWall(t);
  const int64_t day = floorDiv(wall, kDay);
  if (l.holidays != 0 && s.holidays && std::binary_search(s.holidays->begin(), s.holidays->end(), isoDate(day)))
    return l.holidays > 0;  // a holiday counts like a weekend day: whole day on or off
  if (l.windows.empty()) return true;
  const int minuteOfDay = static_cast<int>((wall - day * kDay) / kMinute);
  const int minuteOfWeek = weekdayOfDays(day) * 1440 + minuteOfDay;
  for (const Window& w : l.windows)
    if (inWindow(w.fromMin, w.toMin, w.weekly ? minuteOfWeek : minuteOfDay)) return true;
  return false;
}

int64_t handoff(const Schedule& s, const Layer& l, int64_t k) { return s.zone->toUtc(l.startWall + k * l.turnWall); }

int64_t turnIndex(const Schedule& s, const Layer& l, int64_t t) {
  // Handoffs are wall-clock steps (a 09:00 handoff stays at 09:00 across DST); estimate, then correct.
  int64_t k = std::max<int64_t>(0, floorDiv(s.zone->toWall(t) - l.startWall, l.turnWall));
  while (handoff(s, l, k + 1) <= t) ++k;
  while (k > 0 && handoff(s, l, k) > t) --k;
  return k;
}

Resolution resolveAt(const Team& team, const Schedule& s, int64_t t, const std::vector<int>& exclude) {
  Resolution r;
  for (size_t i = 0; i < s.overrides.size(); ++i) {
    const Override& o = s.overrides[i];
    if (o.from <= t && t < o.to && !contains(exclude, o.member)) {
      r.via = Via::kOverride;
      r.member = o.member;
      r.override = static_cast<int>(i);
      return r;
    }
  }
  bool anyActive = false;
  for (size_t li = 0; li < s.layers.size(); ++li) {
    const Layer& l = s.layers[li];
    if (!layerActive(s, l, t)) continue;
    anyActive = true;
    const size_t n = l.members.size();
    const size_t pos = static_cast<size_t>(turnIndex(s, l, t) % static_cast<int64_t>(n));
    const int scheduled = l.members[pos];
    const int abs = absenceAt(team, scheduled, t);
    if (abs < 0 && !contains(exclude, scheduled)) {
      r.via = Via::kRotation;
      r.member = scheduled;
      r.layer = static_cast<int>(li);
      return r;
    }
    // Substitutes: the absence's declared substitute, the layer's pool, then the rotation onward.
    std::vector<int> candidates;
    if (abs >= 0 && team.absences[abs].substitute >= 0) candidates.push_back(team.absences[abs].substitute);
    candidates.insert(candidates.end(), l.substitutes.begin(), l.substitutes.end());
    for (size_t k = 1; k < n; ++k) candidates.push_back(l.members[(pos + k) % n]);
    for (int c : candidates) {
      if (c == scheduled || contains(exclude, c) || absenceAt(team, c, t) >= 0 || !qualifies(team, c, l)) continue;
      r.via = Via::kSubstitute;
      r.member = c;
      r.layer = static_cast<int>(li);
      r.scheduled = scheduled;
      r.absence = abs;
      return r;
    }
    r.absent.push_back({scheduled, abs});
  }
  r.gap = anyActive ? GapReason::kNoQualifiedSubstitute : GapReason::kNoLayerActive;
  return r;
}

int64_t nextCandidate(const Team& team, const Schedule& s, int64_t t) {
  const Zone& z = *s.zone;
  int64_t best = t + 2 * kDay;
  auto consider = [&](int64_t u) {
    if (u > t && u < best) best = u;
  };
  // Wall-clock boundaries (midnights for holidays, restriction edges) over the next days; a wall
  // time in the repeated autumn hour occurs twice, so try it with both offsets around it.
  const int64_t day = floorDiv(z.toWall(t), kDay);
  std::vector<int> minutes{0};
  for (const Layer& l : s.layers)
    for (const Window& w : l.windows) {
      minutes.push_back(w.fromMin % 1440);
      minutes.push_back(w.toMin % 1440);
    }
  for (int64_t d = day; d <= day + 2; ++d)
    for (int m : minutes) {
      const int64_t wall = d * kDay + m * kMinute;
      consider(z.toUtc(wall));
      for (int64_t u : {wall - z.offsetAt(wall - kDay), wall - z.offsetAt(wall + kDay)})
        if (z.toWall(u) == wall) consider(u);
    }
  if (int64_t tr = nextTransition(z, t, 2 * kDay); tr > 0) consider(tr);
  for (const Layer& l : s.layers) {
    const int64_t start = z.toUtc(l.startWall);
    if (t < start) consider(start);
    else consider(handoff(s, l, turnIndex(s, l, t) + 1));
    if (l.endWall) consider(z.toUtc(*l.endWall));
  }
  for (const Override& o : s.overrides) {
    consider(o.from);
    consider(o.to);
  }
  for (const Absence& a : team.absences) {
    consider(a.from);
    consider(a.to);
  }
  return best;
}

int64_t nextChange(const Team& team, const Schedule& s, int64_t t, const std::vector<int>& exclude, int64_t horizon) {
  const Resolution now = resolveAt(team, s, t, exclude);
  for (int64_t c = nextCandidate(team, s, t); c <= t + horizon; c = nextCandidate(team, s, c))
    if (!(resolveAt(team, s, c, exclude) == now)) return c;
  return -1;
}

}  // namespace rg::esc
