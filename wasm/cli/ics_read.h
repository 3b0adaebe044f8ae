// iCalendar (RFC 5545) files read with libical: VEVENTs expanded into occurrences within a
// window (RRULE, RDATE, EXDATE, RECURRENCE-ID exceptions, STATUS:CANCELLED), times resolved
// through the file's VTIMEZONEs (or the system zoneinfo for a known TZID).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace rg::cli {

struct IcsOccurrence {
  std::string file, uid, summary;
  std::vector<std::string> categories;  // lower case
  std::vector<std::string> attendees;   // e-mail addresses (mailto:), lower case
  std::string organizer;                // e-mail, lower case
  std::string busyStatus;               // X-MICROSOFT-CDO-BUSYSTATUS, upper case ("OOF")
  bool allDay = false;
  bool floating = false;  // no TZID and no Z: read as wall time of the schedule / member zone
  // allDay: days since 1970-01-01, end exclusive. Otherwise ms: UTC instants, or wall ms when floating.
  int64_t start = 0, end = 0;
};

// Throws CliError(kInvalidInput) for an unreadable or unparsable file.
std::vector<IcsOccurrence> readIcs(const std::string& path, int64_t fromMs, int64_t toMs);

}  // namespace rg::cli
