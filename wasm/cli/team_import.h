// Calendar occurrences -> the team section's overrides (one schedule) and absences: which
// member (attendee / organizer e-mail, else the member's id or name in the summary), shift or
// absence (categories, summary words, Outlook's OOF status), local wall times in the schedule's
// or member's zone, overlapping absences merged, shifts cut around the member's own absences.
// Rules: docs/admin/calendar-import.md.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ics_read.h"

namespace rg::cli {

struct ImportReport {
  int overrides = 0, absences = 0, merged = 0, trimmed = 0;
  std::vector<std::string> skipped;  // why an event was left out (no member, outside the window, …)
};

// Returns the team with schedule `scheduleId`'s imported overrides and the imported absences
// replaced (entries whose note starts with "ics:"; entries written by hand stay). Throws
// CliError(kInvalidInput) for an unknown schedule or overlapping shifts of different members.
nlohmann::json importCalendar(const nlohmann::json& team, const std::string& scheduleId,
                              const std::vector<IcsOccurrence>& events, int64_t fromMs, int64_t toMs,
                              ImportReport& report);

}  // namespace rg::cli
