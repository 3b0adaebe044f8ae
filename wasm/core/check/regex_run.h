// Runs a compiled ICU pattern with hard bounds, so no pattern can hang a keystroke check.
//
// Bounds are counted in ICU's deterministic time units (one unit = 10,000 backtracking steps; no
// clock). Each match attempt (one start position) may use kAttemptUnits: a runaway attempt is
// given up and the search resumes at the next position, so a long text does not exhaust a pattern
// that is linear on it. One pattern may use kPatternBaseUnits plus a share per character (then it is
// skipped for the text), and all patterns of one check share a budget that grows likewise, so
// neither one catastrophic pattern nor a bundle of many can stall a check.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/regex.h>

#include "check/spare_objects.h"
#include "text/views.h"

namespace rg::eval {

constexpr int32_t kAttemptUnits = 50;             // ~500,000 steps for one start position
constexpr int64_t kPatternBaseUnits = 100;        // one pattern on one text...
constexpr int64_t kPatternUnitsPer1000Chars = 20;  // ...plus ~200 steps per character
constexpr int64_t kCheckBaseUnits = 300;          // all patterns of a check, whatever its length
constexpr int64_t kCheckUnitsPer1000Chars = 40;   // ~400 steps per character over all patterns
constexpr int32_t kRegexStackLimit = 1 << 20;     // bytes of ICU's backtrack stack
constexpr size_t kMaxMatchesPerPattern = 1000;

// Units left for the patterns of one check.
struct RegexBudget {
  int64_t units;
  static RegexBudget forText(size_t length) {
    return {kCheckBaseUnits + int64_t(length / 1000) * kCheckUnitsPer1000Chars};
  }
};

enum class RegexOutcome {
  Ok,
  Partial,  // some start positions were given up at their step limit; the other matches are complete
  Limit,    // the pattern used up its own units on this text: skipped
  Budget,   // the check's budget ran out: skipped
  Error,
};

// Matchers of one pattern kept between checks (the pattern's own: Regex::matchers). Every option
// a search relies on is set again on a kept matcher; one that saw an error is not kept.
using MatcherSpares = Spares<icu::RegexMatcher>;

// All non-empty matches (or, with firstOnly, whether any match exists, empty ones included).
RegexOutcome regexFind(const icu::RegexPattern& pattern, std::u16string_view text, std::vector<text::Span>& out,
                       RegexBudget& budget, bool firstOnly = false, MatcherSpares* spares = nullptr);

// The same matches for a pattern that can only match from `starts` (sorted start offsets that
// include every position where a match can begin): each is tried in order, as find() would, with
// the text around it visible to \b and lookbehind. An attempt that stays below ICU's time unit
// is not seen by the callback, so every kAttemptsPerUnit attempts are charged one unit as well.
constexpr int64_t kAttemptsPerUnit = 10;
RegexOutcome regexFindAt(const icu::RegexPattern& pattern, std::u16string_view text,
                         const std::vector<uint32_t>& starts, std::vector<text::Span>& out, RegexBudget& budget,
                         bool firstOnly = false, MatcherSpares* spares = nullptr);

}  // namespace rg::eval
