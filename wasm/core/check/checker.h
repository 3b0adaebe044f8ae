// Evaluates every rule of a policy on one text (the reply or the incoming post).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.h"
#include "policy/policy.h"

namespace rg::eval {

struct Finding {
  uint32_t rule;  // index into Policy::rules
  uint32_t begin, end;
  double confidence;
  uint8_t source;                    // kReply or kIncoming
  const Replacements* replacements;  // owned by the policy; may be null
  // The part of [begin, end) the replacements stand for: the whole span, or after overlapping
  // findings merged, the span of the finding they came from (the rest of the text is kept).
  uint32_t replBegin, replEnd;
  uint32_t detail = UINT32_MAX;  // classifier findings: index into Outcome::details
  // Phone findings: libphonenumber's number type and region (static strings, detect::Hit).
  const char* phoneType = nullptr;
  const char* phoneRegion = nullptr;
};

// What a classifier finding (rules/kinds/classifier.cpp) has beyond its rule: the category and
// severity of its label, and the words that weighed most.
struct Detail {
  const std::string* category;  // owned by the rule's settings
  Severity severity;
  std::vector<std::pair<uint32_t, uint32_t>> words;  // UTF-16 spans in the same text
};

struct Warning {
  uint32_t rule;
  uint8_t source;
  std::string message;
};

struct Outcome {
  std::vector<Finding> findings;
  std::vector<Warning> warnings;
  std::vector<Detail> details;
};

// Appends the findings of all enabled rules that apply to `source` (kReply or kIncoming).
void checkText(const Policy& policy, std::u16string_view text, uint8_t source, const std::string& platform,
               Outcome& out);

// The text that replaces a finding's span with one of its replacements: the replacement (adapted to
// the replaced text's capitalisation) with the span's text around the replaced part kept.
std::u16string replacementFor(const Finding& f, std::u16string_view text, const std::string& replacement);

// Sorts findings (begin, end, rule id, source) and renders the documented result JSON.
nlohmann::json renderResult(const Policy& policy, const CheckRequest& request, Outcome& outcome);

// Replacement text for a finding in `lang`, with the first letter upper-cased when the finding's
// text starts with an upper-case letter ("Problem" -> "Concern").
std::string adaptReplacement(const std::string& replacement, std::u16string_view found);

}  // namespace rg::eval
