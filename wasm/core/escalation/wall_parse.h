// Parsing of the local wall-time strings used in team data. Strict: exactly the documented forms.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace rg::esc {

std::optional<int64_t> parseDate(const std::string& s);      // "2026-03-29" -> days since epoch
std::optional<int64_t> parseDateTime(const std::string& s);  // "2026-03-29T02:30" -> wall ms
std::optional<int> parseClock(const std::string& s);         // "18:00" -> minutes (00:00 .. 24:00)
// "fri 18:00" -> minutes of the week from Monday 00:00.
std::optional<int> parseWeekClock(const std::string& s);

}  // namespace rg::esc
