// Literal prefilters for patterns (like RE2's and Hyperscan's): from a pattern's source, the
// literals one of which every match must contain, as clauses that must all hold ("@"; "order" or
// "bestellung", and a digit). A check scans the text once for the literals of all patterns (one
// automaton) and runs only the patterns whose clauses hold; a pattern without a known requirement
// always runs. Sound, not complete: when in doubt a construct requires nothing (and may start
// anywhere).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rg::policy {

// One alternative of a clause: a literal, or "any decimal digit" (\d, [0-9]).
struct Literal {
  std::u16string text;  // case-folded (full folding) when the pattern is case-insensitive
  bool digit = false;
  // Start literals only: a match may also start before the literal, anywhere in the run of
  // characters of this set (a UnicodeSet pattern) that ends at it ("\p{Lu}[\p{L}-]*weg": a
  // capital word that ends in "weg"). Empty: the match starts at the literal.
  std::u16string back;
  bool operator==(const Literal&) const = default;
};
using Clause = std::vector<Literal>;

struct PatternRequirement {
  std::vector<Clause> clauses;  // all must hold; empty: always run
  // Every match starts with one of these (after assertions such as \b or lookarounds), so the
  // pattern need only be tried where one occurs; empty: it may start anywhere.
  Clause starts;
  bool caseInsensitive = false;
};

// `flags` are ICU's (UREGEX_CASE_INSENSITIVE, UREGEX_COMMENTS ...).
PatternRequirement requirementOf(std::u16string_view pattern, uint32_t flags);

}  // namespace rg::policy
