// A static look at a regular expression for the shape that backtracks catastrophically: an
// unbounded quantifier on a group that itself holds an unbounded quantifier ("(x+x+)+y",
// "(\w+\s?)*"). Such a pattern is bounded at check time (check/regex_run.h), but it wastes the
// check's budget and then misses matches, so `replyguard lint` warns about it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rg::policy {

// The warning for `pattern` (ICU syntax), or nothing when no nested unbounded quantifier is found.
std::optional<std::string> backtrackingRisk(std::string_view pattern);

}  // namespace rg::policy
