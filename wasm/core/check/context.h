// What a rule kind's check sees of one text: the text, the automaton occurrences of its rule, the
// bundle's allow list, and where its findings and warnings go.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checker.h"
#include "cover_index.h"
#include "regex_run.h"

namespace rg::eval {

// One occurrence of an automaton key (term, exception, context word ...) in the text.
struct Occurrence {
  uint32_t rule;
  Role role;
  uint32_t item;
  text::Span span;
  bool obfuscated;
};

class CheckContext {
 public:
  CheckContext(const Policy& p, std::u16string_view t, uint8_t source, const std::string& platform, Outcome& out,
               const CoverIndex& allow)
      : policy(p), text(t), source(source), platform(platform), out_(out), allow_(allow) {}

  const Policy& policy;
  std::u16string_view text;
  uint8_t source;
  const std::string& platform;
  uint32_t rule = 0;                        // the rule being checked
  std::span<const Occurrence> occurrences;  // its automaton occurrences (any order)

  // Spans of this rule's occurrences with `role`.
  void spans(Role role, std::vector<text::Span>& out) const {
    out.clear();
    for (const Occurrence& o : occurrences)
      if (o.role == role) out.push_back(o.span);
  }
  bool allowed(const text::Span& s) const { return allow_.covers(s); }
  // The span's text is one of the company's own contact points (never personal data).
  bool ownContact(const text::Span& s) const { return policy.contacts.covers(text.substr(s.begin, s.end - s.begin)); }
  void emit(text::Span s, double confidence = 1.0, const Replacements* replacements = nullptr) {
    out_.findings.push_back({rule, s.begin, s.end, confidence, source, replacements, s.begin, s.end});
  }
  // Runs a pattern with its bounds; on a limit or error warns and returns false.
  bool find(const Regex& re, std::vector<text::Span>& out, bool firstOnly = false);

 private:
  Outcome& out_;
  const CoverIndex& allow_;
};

}  // namespace rg::eval
