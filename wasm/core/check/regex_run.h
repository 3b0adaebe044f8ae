// Runs a compiled ICU pattern with hard bounds, so no pattern can hang a keystroke check.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include <unicode/regex.h>

#include "text/views.h"

namespace rg::eval {

// ICU counts the time limit in units of 10,000 backtracking steps per find(); deterministic (no
// clock). 50 units keep the worst case of one find() to a few milliseconds natively.
constexpr int32_t kRegexTimeLimit = 50;
constexpr int32_t kRegexStackLimit = 1 << 20;  // bytes of ICU's backtrack stack
constexpr size_t kMaxMatchesPerPattern = 1000;

enum class RegexOutcome { Ok, Limit, Error };

// All non-empty matches (or, with firstOnly, whether any match exists, empty ones included).
RegexOutcome regexFind(const icu::RegexPattern& pattern, std::u16string_view text, std::vector<text::Span>& out,
                       bool firstOnly = false);

}  // namespace rg::eval
