// The few Abseil string helpers libphonenumber 8.12.57's core uses (stringutil.cc), on the C++17
// standard library: the wasm build compiles libphonenumber without Abseil (the native build links
// Debian's libphonenumber, which uses the real one). Same contracts as Abseil's for these calls.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace absl {
using std::string_view;

// A string or the decimal digits of an integer (what StrCat accepts from libphonenumber).
class AlphaNum {
 public:
  AlphaNum(const std::string& s) : text_(s) {}
  AlphaNum(const char* s) : text_(s ? s : "") {}
  AlphaNum(std::string_view s) : text_(s) {}
  AlphaNum(char c) = delete;  // as in Abseil: a char is no number and no string
  template <typename T, typename = std::enable_if_t<std::is_integral_v<T>>>
  AlphaNum(T n) : text_(std::to_string(n)) {}
  std::string_view Piece() const { return text_; }
  const char* data() const { return text_.c_str(); }
  size_t size() const { return text_.size(); }

 private:
  std::string text_;
};

inline void StrAppend(std::string*) {}
template <typename... Rest>
void StrAppend(std::string* out, const AlphaNum& a, const Rest&... rest) {
  out->append(a.Piece());
  StrAppend(out, AlphaNum(rest)...);
}
template <typename... Parts>
std::string StrCat(const Parts&... parts) {
  std::string out;
  StrAppend(&out, AlphaNum(parts)...);
  return out;
}

inline bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// In place, left to right, replacements not re-matched; returns the number of replacements.
inline int StrReplaceAll(std::initializer_list<std::pair<std::string_view, std::string_view>> subs, std::string* s) {
  int count = 0;
  std::string out;
  size_t i = 0;
  while (i < s->size()) {
    bool hit = false;
    for (const auto& [from, to] : subs) {
      if (!from.empty() && std::string_view(*s).substr(i, from.size()) == from) {
        out.append(to);
        i += from.size();
        ++count;
        hit = true;
        break;
      }
    }
    if (!hit) out.push_back((*s)[i++]);
  }
  if (count) *s = std::move(out);
  return count;
}

struct ByChar {
  explicit ByChar(char c) : c(c) {}
  char c;
};
struct SkipEmpty {};
inline std::vector<std::string_view> StrSplit(std::string_view s, ByChar by, SkipEmpty) {
  std::vector<std::string_view> parts;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(by.c, b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) parts.push_back(s.substr(b, e - b));
    b = e + 1;
  }
  return parts;
}

// Whole string a decimal integer of T's range (leading/trailing ASCII spaces allowed, as in Abseil).
template <typename T>
bool SimpleAtoi(std::string_view s, T* out) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  bool neg = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || (neg && std::is_unsigned_v<T>)) return false;
  using Wide = std::conditional_t<std::is_unsigned_v<T>, unsigned long long, long long>;
  unsigned long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    const unsigned d = static_cast<unsigned>(c - '0');
    if (v > (~0ULL - d) / 10) return false;
    v = v * 10 + d;
  }
  const unsigned long long limit = neg ? static_cast<unsigned long long>(std::numeric_limits<T>::max()) + 1
                                       : static_cast<unsigned long long>(std::numeric_limits<T>::max());
  if (v > limit) return false;
  *out = neg ? static_cast<T>(-static_cast<Wide>(v - 1) - 1) : static_cast<T>(v);
  return true;
}
}  // namespace absl
