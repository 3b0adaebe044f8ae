#include "pattern_lint.h"

#include <vector>

namespace rg::policy {
namespace {

struct Group {
  bool unbounded = false;  // holds an unbounded, backtracking quantifier
  bool atomic = false;     // (?>...) or a lookaround: no backtracking into it from outside
  size_t start;
};

// Length of the quantifier at s[i] and whether it is unbounded (+, *, {n,}); 0 if none.
size_t quantifier(std::string_view s, size_t i, bool& unbounded) {
  unbounded = false;
  if (i >= s.size()) return 0;
  size_t n = 0;
  if (s[i] == '+' || s[i] == '*') {
    unbounded = true;
    n = 1;
  } else if (s[i] == '?') {
    n = 1;
  } else if (s[i] == '{') {
    size_t close = s.find('}', i);
    if (close == std::string_view::npos) return 0;
    std::string_view body = s.substr(i + 1, close - i - 1);
    if (body.empty() || !(body[0] >= '0' && body[0] <= '9')) return 0;
    unbounded = body.back() == ',';
    n = close - i + 1;
  } else {
    return 0;
  }
  if (i + n < s.size() && s[i + n] == '+') {  // possessive: never gives back, cannot backtrack
    unbounded = false;
    ++n;
  } else if (i + n < s.size() && s[i + n] == '?') {
    ++n;  // lazy: still backtracks
  }
  return n;
}

// A group body that starts with a literal delimiter its other atoms cannot match ("\.[a-z]+" in
// "(?:\.[a-z]+)*") repeats unambiguously: each repetition starts at the next delimiter.
bool delimited(std::string_view body) {
  if (body.rfind("?:", 0) == 0) body.remove_prefix(2);
  if (body.empty()) return false;
  char lit;
  size_t len;
  if (body[0] == '\\' && body.size() > 1 && !((body[1] >= 'a' && body[1] <= 'z') || (body[1] >= 'A' && body[1] <= 'Z') ||
                                              (body[1] >= '0' && body[1] <= '9'))) {
    lit = body[1];
    len = 2;
  } else if (std::string_view("\\[(.|^$?*+{").find(body[0]) == std::string_view::npos) {
    lit = body[0];
    len = 1;
  } else {
    return false;
  }
  bool unused;
  if (len < body.size() && quantifier(body, len, unused) > 0) return false;  // optional or repeated delimiter
  std::string_view rest = body.substr(len);
  if (rest.find(lit) != std::string_view::npos || rest.find('|') != std::string_view::npos) return false;
  for (std::string_view broad : {".", "\\W", "\\S", "\\D", "\\P", "[^", "\\X", "\\H", "\\V"})
    if (rest.find(broad) != std::string_view::npos) return false;
  return true;
}

}  // namespace

std::optional<std::string> backtrackingRisk(std::string_view s) {
  std::vector<Group> stack{{false, false, 0}};
  Group closed;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    size_t atomEnd = i + 1;
    bool isGroupClose = false;
    if (c == '\\') {
      if (i + 1 < s.size() && s[i + 1] == 'Q') {
        size_t e = s.find("\\E", i + 2);
        atomEnd = e == std::string_view::npos ? s.size() : e + 2;
      } else if (i + 2 < s.size() && (s[i + 1] == 'p' || s[i + 1] == 'P' || s[i + 1] == 'N') && s[i + 2] == '{') {
        size_t e = s.find('}', i);
        atomEnd = e == std::string_view::npos ? s.size() : e + 1;
      } else {
        atomEnd = i + 2;
      }
    } else if (c == '[') {
      int depth = 0;
      size_t j = i;
      for (; j < s.size(); ++j) {
        if (s[j] == '\\') { ++j; continue; }
        if (s[j] == '[') ++depth;
        else if (s[j] == ']' && --depth == 0) break;
      }
      atomEnd = j + 1;
    } else if (c == '(') {
      Group g;
      g.start = i;
      g.atomic = s.substr(i, 3) == "(?>" || s.substr(i, 3) == "(?=" || s.substr(i, 3) == "(?!" ||
                 s.substr(i, 4) == "(?<=" || s.substr(i, 4) == "(?<!";
      stack.push_back(g);
      ++i;
      continue;
    } else if (c == ')') {
      if (stack.size() > 1) {
        closed = stack.back();
        stack.pop_back();
        if (closed.atomic) closed.unbounded = false;
      }
      isGroupClose = true;
    }
    bool unbounded = false;
    size_t q = quantifier(s, atomEnd, unbounded);
    if (isGroupClose) {
      if (unbounded && closed.unbounded && !delimited(s.substr(closed.start + 1, i - closed.start - 1)))
        return "pattern backtracks catastrophically: the repeated group at character " + std::to_string(closed.start) +
               " holds a repetition itself (like \"(x+x+)+\"); it may be skipped for a text. Use a possessive (\"++\") or atomic (\"(?>...)\") form, or remove the nesting";
      stack.back().unbounded = stack.back().unbounded || closed.unbounded || unbounded;
    } else if (unbounded) {
      stack.back().unbounded = true;
    }
    i = atomEnd + q;
  }
  return std::nullopt;
}

}  // namespace rg::policy
