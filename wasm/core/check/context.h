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
               const CoverIndex& allow, RegexBudget& budget)
      : policy(p), text(t), source(source), platform(platform), out_(out), allow_(allow), budget_(budget) {}

  const Policy& policy;
  std::u16string_view text;
  uint8_t source;
  const std::string& platform;
  uint32_t rule = 0;                        // the rule being checked
  std::span<const Occurrence> occurrences;  // its automaton occurrences (any order)

  // Negation/hedge words, clause breaks, cue exceptions (Role::Cue), in order of their begin.
  std::span<const Occurrence> cues;

  // The sentence around `offset` (ICU sentence boundaries, computed once per text).
  text::Span sentenceOf(uint32_t offset);
  // Words (runs of letters and digits) in [from, to).
  uint32_t wordsBetween(uint32_t from, uint32_t to) const;
  // True if the rule's "unless" drops the match: it lies inside quotation marks (kUnlessQuoted),
  // or a cue of a kind in the mask governs it within its clause (no comma, colon, dash, bracket or
  // contrast word such as "aber"/"but" in between): a negation at most `scope.before` words
  // before it (a universal negation such as "niemand"/"nobody" at most `scope.universal`, if more), a hedge anywhere before it in the sentence, either at most `scope.after` words
  // after it ("Ich verklage euch nicht"; also among the first words of the sentence after a
  // question mark that ends the match's: "a refund? not happening"), or either between its parts. Cues
  // overlapping the match's own parts, or inside a cue exception ("nicht nur", "no problem"), do
  // not count.
  bool governed(text::Span match, const Unless& unless, std::span<const text::Span> parts);
  // A tag cue after a question may follow this many words of the answer (or stand inside the
  // first: "Don't").
  static constexpr uint32_t kTagLead = 2;
  // The match lies inside quotation marks (quotes.h), computed once per text.
  bool quoted(text::Span match);
  // The text as the detectors read it (detect::foldForDetectors), folded once for all detector rules.
  std::u16string_view detectorText();

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
  // A detector finding of a phone number, with its type and region (static strings).
  void emitPhone(text::Span s, double confidence, const char* type, const char* region) {
    emit(s, confidence);
    out_.findings.back().phoneType = type;
    out_.findings.back().phoneRegion = region;
  }
  // A classifier finding: its own category, severity and weighty words (never merged with others).
  void emitClassified(text::Span s, double confidence, Detail d) {
    out_.findings.push_back({rule, s.begin, s.end, confidence, source, nullptr, s.begin, s.end, uint32_t(out_.details.size())});
    out_.details.push_back(std::move(d));
  }
  // Runs a pattern within its bounds and the check's budget (regex_run.h). Warns when a bound was
  // hit; returns false when the pattern could not run (no matches to use).
  bool find(const Regex& re, std::vector<text::Span>& out, bool firstOnly = false);

 private:
  // Whether the regex's literal prefilter holds on this text (scanned once, on first use).
  bool mayMatch(const Regex& re);
  // The sorted offsets where a match of a regex with start literals can begin; false when it has
  // none (it is tried everywhere).
  bool startsOf(const Regex& re, std::vector<uint32_t>& out);
  void scanLiterals();  // the literals of all patterns in this text: presence, and starts' positions

  Outcome& out_;
  const CoverIndex& allow_;
  bool literalsScanned_ = false, digit_ = false, foldedUnknown_ = false;
  std::vector<uint32_t> digitStarts_;                       // code point starts of digits (or surrogates)
  std::vector<std::vector<uint32_t>> exactPos_, foldedPos_;  // per start literal: where it starts
  std::vector<uint32_t> sentenceStarts_;  // sorted; empty until first asked
  std::vector<text::Span> quotes_;        // quotation interiors, once asked
  bool quotesFound_ = false;
  bool detectorFolded_ = false;
  std::u16string_view detectorText_;
  std::u16string detectorBuffer_;
  // A clause ends in [from, to): clause punctuation or a clause break word.
  bool clauseBreakIn(uint32_t from, uint32_t to) const;
  const Occurrence* cueFrom(uint32_t offset) const;  // the first cue that begins at or after offset
  bool inCueException(const text::Span& s);           // a cue exception overlaps s
  bool exceptionsIndexed_ = false;
  std::vector<uint32_t> exceptionBegin_, exceptionMaxEnd_;  // cue exceptions by begin; running max of ends
  std::vector<uint8_t> exact_, folded_;
  RegexBudget& budget_;
};

}  // namespace rg::eval
