// On-call resolution of one schedule at one instant, and the instants where the answer may change.
// Order: override > highest active layer (its scheduled member, or a qualified substitute when that
// member is absent) > lower layers. Nobody found = coverage gap.
#pragma once
#include <cstdint>
#include <vector>

#include "model.h"

namespace rg::esc {

enum class Via { kGap, kOverride, kRotation, kSubstitute };
enum class GapReason { kNone, kNoLayerActive, kNoQualifiedSubstitute };

struct Absent {
  int member = -1;
  int absence = -1;  // index into Team::absences; -1 = excluded by the caller (e.g. the writer)
  bool operator==(const Absent&) const = default;
};

struct Resolution {
  Via via = Via::kGap;
  int member = -1;    // who is on call, -1 in a gap
  int layer = -1;     // deciding layer (rotation/substitute)
  int override = -1;  // index into Schedule::overrides
  int scheduled = -1; // for a substitute: the absent member of the rotation
  int absence = -1;   // that member's absence (index into Team::absences), -1 if excluded
  GapReason gap = GapReason::kNone;
  std::vector<Absent> absent;  // in a gap: scheduled members of active layers who are unavailable
  bool operator==(const Resolution&) const = default;
};

bool qualifies(const Team& team, int member, const Layer& layer);
// Index into Team::absences of an absence of `member` covering t, or -1.
int absenceAt(const Team& team, int member, int64_t t);
bool layerActive(const Schedule& s, const Layer& l, int64_t t);
// Rotation turn index at t (t must be at or after the layer's start).
int64_t turnIndex(const Schedule& s, const Layer& l, int64_t t);
int64_t handoff(const Schedule& s, const Layer& l, int64_t k);

// `exclude`: members treated as unavailable (the writer; the primary when asking for a backup).
Resolution resolveAt(const Team& team, const Schedule& s, int64_t t, const std::vector<int>& exclude = {});
// Smallest instant > t at which the resolution may differ (a superset of the real changes).
int64_t nextCandidate(const Team& team, const Schedule& s, int64_t t);
// First instant after t whose resolution differs from resolveAt(t), or -1 beyond t + horizon.
int64_t nextChange(const Team& team, const Schedule& s, int64_t t, const std::vector<int>& exclude = {},
                   int64_t horizon = 400 * kDay);

}  // namespace rg::esc
