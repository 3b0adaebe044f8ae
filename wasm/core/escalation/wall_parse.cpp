#include "wall_parse.h"

#include "zone.h"

namespace rg::esc {
namespace {

bool digits(const std::string& s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<int64_t> parseDate(const std::string& s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || y < 1970 || y > 2200) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap)) return std::nullopt;
  return daysFromCivil(y, m, d);
}

std::optional<int> parseClock(const std::string& s) {
  int h, m;
  if (s.size() != 5 || s[2] != ':' || !digits(s, 0, 2, h) || !digits(s, 3, 2, m)) return std::nullopt;
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<int64_t> parseDateTime(const std::string& s) {
  if (s.size() != 16 || s[10] != 'T') return std::nullopt;
  auto d = parseDate(s.substr(0, 10));
  auto c = parseClock(s.substr(11));
  if (!d || !c || *c == 24 * 60) return std::nullopt;
  return *d * kDay + static_cast<int64_t>(*c) * kMinute;
}

std::optional<int> parseWeekClock(const std::string& s) {
  static const char* kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (s.size() != 9 || s[3] != ' ') return std::nullopt;
  for (int i = 0; i < 7; ++i) {
    if (s.compare(0, 3, kNames[i]) != 0) continue;
    auto c = parseClock(s.substr(4));
    if (!c || *c == 24 * 60) return std::nullopt;
    return i * 24 * 60 + *c;
  }
  return std::nullopt;
}

}  // namespace rg::esc
