// Built-in detectors of personal data in the ORIGINAL text (UTF-16). Pure functions: no policy,
// no folding. Context words and thresholds are applied by the checker.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rg::detect {

enum class Kind { Email, Phone, Iban, Card, Url, Handle };

struct Hit {
  uint32_t begin;     // UTF-16 offsets into the text passed in
  uint32_t end;
  double confidence;  // 0..1, base confidence before context words
};

std::optional<Kind> kindFromName(std::string_view name);  // "email", "phone", "iban", "card", "url", "handle"

// All hits of one kind, sorted by begin, non-overlapping.
std::vector<Hit> find(Kind kind, std::u16string_view text);

// Validators, exposed for tests and for the checker's own use.
bool ibanValid(std::u16string_view compactIban);   // country length + mod-97; spaces removed by the caller
bool luhnValid(std::u16string_view digits);        // digits only

// Work counter: code units the scanners have read in this thread so far (codePointAt,
// codePointBefore and the raw digit/name runs). Tests bound a detector's work with it: a count,
// not a clock, so it is the same on an idle and on a loaded machine.
uint64_t codePointReads();

}  // namespace rg::detect
