#include "iso_time.h"

#include <chrono>
#include <cstdio>

#include "escalation/zone.h"  // the core's civil-calendar arithmetic

namespace rg::cli {
namespace {

bool isLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int64_t y, unsigned m) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// Reads exactly n digits at pos.
bool digits(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::optional<int64_t> parseIsoInstant(std::string_view s) {
  size_t p = 0;
  int year, month, day, hour, minute, second = 0, millis = 0;
  if (!digits(s, p, 4, year) || !expect(s, p, '-') || !digits(s, p, 2, month) ||
      !expect(s, p, '-') || !digits(s, p, 2, day))
    return std::nullopt;
  if (p >= s.size() || (s[p] != 'T' && s[p] != 't')) return std::nullopt;
  ++p;
  if (!digits(s, p, 2, hour) || !expect(s, p, ':') || !digits(s, p, 2, minute)) return std::nullopt;
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!digits(s, p, 2, second)) return std::nullopt;
    if (p < s.size() && s[p] == '.') {
      ++p;
      size_t start = p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
        if (p - start < 3) millis = millis * 10 + (s[p] - '0');
        ++p;
      }
      if (p == start) return std::nullopt;
      for (size_t n = p - start; n < 3; ++n) millis *= 10;
    }
  }
  int offsetMinutes = 0;
  if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int sign = s[p] == '-' ? -1 : 1;
    ++p;
    int oh, om;
    if (!digits(s, p, 2, oh) || !expect(s, p, ':') || !digits(s, p, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offsetMinutes = sign * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > static_cast<int>(daysInMonth(year, month)) ||
      hour > 23 || minute > 59 || second > 59)
    return std::nullopt;
  int64_t days = esc::daysFromCivil(year, month, day);
  int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
  return secs * 1000 + millis;
}

std::string formatIsoUtc(int64_t ms) {
  int64_t secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  int y, m, d;
  esc::civilFromDays(days, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", y, m, d, static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  return buf;
}

int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace rg::cli
