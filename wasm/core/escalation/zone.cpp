#include "zone.h"

#include <cstdio>

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace rg::esc {

std::unique_ptr<Zone> Zone::create(const std::string& ianaId) {
  if (ianaId.empty()) return nullptr;
  icu::UnicodeString uid = icu::UnicodeString::fromUTF8(ianaId);
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(uid));
  if (!tz) return nullptr;
  icu::UnicodeString got;
  tz->getID(got);
  // ICU answers unknown ids with "Etc/Unknown" (GMT) instead of failing.
  if (got == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return nullptr;
  std::unique_ptr<Zone> z(new Zone());
  z->id_ = ianaId;
  z->tz_ = std::move(tz);
  return z;
}

Zone::~Zone() = default;

int64_t Zone::offsetAt(int64_t utcMs) const {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz_->getOffset(static_cast<UDate>(utcMs), false, raw, dst, status);
  if (U_FAILURE(status)) return 0;
  return static_cast<int64_t>(raw) + dst;
}

int64_t Zone::toUtc(int64_t wall) const {
  // Offsets a day either side bracket any single transition near this wall time.
  const int64_t before = offsetAt(wall - kDay), after = offsetAt(wall + kDay);
  const int64_t a = wall - before, b = wall - after;
  const bool aOk = toWall(a) == wall, bOk = toWall(b) == wall;
  if (aOk && bOk) return a < b ? a : b;  // repeated hour: first occurrence
  if (aOk) return a;
  if (bOk) return b;
  return a;  // skipped hour: offset before the gap, i.e. moved forward by the gap
}

int64_t daysFromCivil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

std::string isoDate(int64_t days) {
  int y, m, d;
  civilFromDays(days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string isoWall(int64_t wall) {
  const int64_t days = floorDiv(wall, kDay);
  const int64_t min = (wall - days * kDay) / kMinute;
  char buf[8];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", static_cast<int>(min / 60), static_cast<int>(min % 60));
  return isoDate(days) + buf;
}

}  // namespace rg::esc
