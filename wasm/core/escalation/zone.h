// IANA time zones for schedules: UTC <-> local wall time with DST, via ICU's zoneinfo64 only
// (no Calendar or formatting objects, to keep the wasm build small).
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class TimeZone;
U_NAMESPACE_END

namespace rg::esc {

constexpr int64_t kMinute = 60'000, kHour = 3'600'000, kDay = 86'400'000;

class Zone {
 public:
  // Null for an id ICU does not know (typos such as "Europe/Berln").
  static std::unique_ptr<Zone> create(const std::string& ianaId);
  ~Zone();
  const std::string& id() const { return id_; }
  // Offset of local wall time from UTC at the instant, in ms (+01:00 -> 3'600'000).
  int64_t offsetAt(int64_t utcMs) const;
  int64_t toWall(int64_t utcMs) const { return utcMs + offsetAt(utcMs); }
  // Wall time -> instant. A wall time that occurs twice (autumn) means its first occurrence; one
  // skipped by a spring-forward gap is read with the offset before the gap (02:30 -> 03:30 CEST).
  int64_t toUtc(int64_t wallMs) const;

 private:
  Zone() = default;
  std::string id_;
  std::unique_ptr<icu::TimeZone> tz_;
};

// Civil calendar on wall ms (proleptic Gregorian, days since 1970-01-01).
int64_t daysFromCivil(int y, int m, int d);
void civilFromDays(int64_t days, int& y, int& m, int& d);
inline int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
// 0 = Monday .. 6 = Sunday
inline int weekdayOfDays(int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7); }
std::string isoDate(int64_t days);  // "2026-03-29"
// "2026-03-29T02:30" style rendering of a wall time (minutes precision).
std::string isoWall(int64_t wallMs);

}  // namespace rg::esc
