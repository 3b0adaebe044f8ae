// A compiled, immutable policy bundle: validated rules, one matching automaton per view kind the
// rules use, compiled regular expressions, and ICU objects that checks clone instead of creating.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/regex.h>
#include <unicode/uniset.h>

#include "check/spare_objects.h"
#include "classify/features.h"
#include "classify/model.h"

#include "detect/detectors.h"
#include "match/aho_corasick.h"
#include "policy/contact_points.h"
#include "rules/kind.h"
#include "match/word_list.h"
#include "text/views.h"

namespace rg::esc {
struct Team;
}

namespace rg {

enum class Severity : uint8_t { Info, Warn, Block };
// Stem: whole words compared by their Snowball stems (text/views.h kStem*); Compound: the term as
// the start or, inflected, the end of a longer word (match/compound.h).
enum class MatchMode : uint8_t { Word, Prefix, Suffix, Substring, Stem, Compound };
enum AppliesTo : uint8_t { kReply = 1, kIncoming = 2, kBoth = 3 };

const char* severityName(Severity s);

// Text in English and/or German; a missing language falls back to the other.
struct Localized {
  std::string en, de;
  const std::string& get(const std::string& lang) const {
    if (lang == "de") return de.empty() ? en : de;
    return en.empty() ? de : en;
  }
  bool empty() const { return en.empty() && de.empty(); }
  nlohmann::json toJson() const;
};

using Replacements = std::vector<Localized>;

// A pattern compiled on first use: the embedded default bundle's patterns are known to compile
// (its tests load it eagerly), and most checks never need most of them (prefilters).
class LazyPattern {
 public:
  LazyPattern(std::u16string source, uint32_t flags) : source_(std::move(source)), flags_(flags) {}
  const icu::RegexPattern* get() const;  // null if it does not compile after all

 private:
  std::u16string source_;
  uint32_t flags_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<icu::RegexPattern> pattern_;
};

struct Regex {
  std::shared_ptr<const icu::RegexPattern> pattern;  // compiled once; a matcher per check
  std::shared_ptr<const LazyPattern> lazy;           // instead of `pattern`: compiled on first use
  // Literal prefilter (policy/literal_prefilter.h): clauses of literal ids into
  // Policy::literals, all of which need one present literal; empty: always run.
  std::vector<std::vector<int32_t>> require;
  // Literal ids one of which starts every match (literal_prefilter.h): the pattern is tried only
  // where one occurs (or, with `back`, in the run of the set's characters that ends there);
  // empty: at every position.
  struct Start {
    int32_t literal;
    std::shared_ptr<const icu::UnicodeSet> back;  // frozen; null: at the literal only
  };
  std::vector<Start> starts;
  // Matchers of this pattern kept between checks (check/regex_run.h).
  std::shared_ptr<eval::Spares<icu::RegexMatcher>> matchers = std::make_shared<eval::Spares<icu::RegexMatcher>>();
  bool present() const { return pattern != nullptr || lazy != nullptr; }
  const icu::RegexPattern* compiled() const { return pattern ? pattern.get() : lazy ? lazy->get() : nullptr; }
};

// The literals of all patterns' prefilters, found in one pass per text. Ids: key << 1 | folded;
// kDigitLiteral stands for "any decimal digit".
struct PatternLiterals {
  static constexpr int32_t kDigitLiteral = -1;
  match::AhoCorasick exact, folded;  // folded: keys and text case-folded (full folding)
  // Per key of exact / folded: 1 if some pattern starts with it (its positions are kept).
  std::vector<uint8_t> exactStarts, foldedStarts;
  bool digitStarts = false;  // some pattern may start with a digit
  bool empty() const { return exact.empty() && folded.empty(); }
};

struct Example {
  std::u16string text;
  std::string display;  // the example as written (UTF-8), for reports
  bool hasSpan = false;
  uint32_t begin = 0, end = 0;
  std::string platform;
};

// The fields every rule has; what its kind adds is in `settings` (typed by the kind, rules/kinds/).
struct Rule {
  std::string id;
  const rules::Kind* kind = nullptr;
  std::string category;
  Severity severity = Severity::Warn;
  Localized message, suggestion;
  std::string link;
  uint8_t appliesTo = kReply;
  bool enabled = true;
  std::vector<Example> flag, pass;
  std::shared_ptr<const rules::Settings> settings;
};

// What an occurrence of a key in an automaton means.
// Allow and Cue entries belong to the bundle, not to a rule (their `rule` is unused); a Cue's item
// is its CueKind.
enum class Role : uint8_t { Term, Exception, Allow, Context, Trigger, Other, Cue };
// Negation and hedging cues (nicht, kein, not, n't ...; prüfen ob, can't promise ...): a rule may
// declare that one governing its match in the sentence suppresses the match ("unless").
// Clause breaks (aber, but ...) end a cue's scope; cue exceptions (nicht nur, no problem ...) hold a
// cue word that does not negate anything.
// Universal negations (niemand, nobody, no such thing) are negations that may reach further before
// the match ("Niemand hier hält Sie für dumm"): their own scope, `CueScope::universal`.
enum CueKind : uint8_t { kNegation = 0, kHedge = 1, kClauseBreak = 2, kCueException = 3, kUniversalNegation = 4 };
// "unless" bits; kUnlessQuoted: a match inside quotation marks (the responder quotes the customer).
enum CueMask : uint8_t { kUnlessNegated = 1, kUnlessHedged = 2, kUnlessQuoted = 4 };
// How far a cue reaches, in words: a negation at most `before` words before the match (a hedge
// anywhere before it in its clause), any cue at most `after` words after it ("Ich verklage euch
// nicht"; 0: cues after the match never govern it). A universal negation reaches `universal` words
// before it when that is more than `before`.
struct CueScope {
  uint32_t before = 2;
  uint32_t after = 0;
  uint32_t universal = 0;
  bool operator==(const CueScope&) const = default;
};
// A rule's "unless" with the cue scope it applies (the rule's "cue_scope", else the bundle's).
struct Unless {
  uint8_t mask = 0;
  CueScope scope;
  explicit operator bool() const { return mask != 0; }
};
struct Entry {
  uint32_t rule;  // index into Policy::rules (unused for Allow)
  Role role;
  MatchMode mode;
  uint32_t item;  // term index (terms) or pair index (substitution)
};

struct Automaton {
  text::ViewKind view = 0;
  match::AhoCorasick ac;
  std::vector<uint32_t> entryStart;  // key id -> entries[entryStart[id] .. entryStart[id + 1])
  std::vector<Entry> entries;
  match::WordList words;  // the keys' words, for the masks pass (views with masks or leet)
  uint32_t wordsId = 0;   // the first automaton whose words equal these (views may then share passes)
  uint8_t sources = 0;  // AppliesTo bits of the enabled rules with entries here (allow: both)
};

class Policy {
 public:
  std::string id;
  int64_t version = 0;
  bool collectExamples = false;  // bundle "collect_examples": false-positive reports may keep the sentence
  Localized name, description;
  std::vector<std::string> languages;
  nlohmann::json categories;  // as written in the bundle (validated)
  std::vector<Rule> rules;
  std::vector<Automaton> automata;  // one per view kind in use
  std::shared_ptr<const esc::Team> team;
  policy::ContactPoints contacts;  // the company's own, never personal data
  PatternLiterals literals;        // prefilters of every pattern
  std::unique_ptr<icu::BreakIterator> wordBreak;   // cloned per check that needs a boundary
  std::unique_ptr<icu::BreakIterator> sentenceBreak;  // only when a rule works per sentence
  uint8_t cuesUsed = 0;                             // CueMask bits some rule declares
  CueScope cueScope;                                // the bundle's "cue_scope" (rules may override)
  bool needsSentences = false;                      // a rule matches within sentences
  std::map<std::string, std::shared_ptr<const classify::Model>> models;  // /models, by id
  classify::Breakers classifierBreaks;  // word + sentence breaks, when a classifier rule exists
  // Clones of the three above kept between checks (check/spare_objects.h).
  mutable eval::Spares<icu::BreakIterator> wordBreaks, sentenceBreaks;
  mutable eval::Spares<classify::Breakers> classifierBreakSpares;

  size_t memoryBytes() const;
};

// Limits against hostile bundles.
constexpr size_t kMaxBundleBytes = 16u << 20;
constexpr size_t kMaxDepth = 64;
constexpr size_t kMaxTermsPerRule = 100000;
constexpr size_t kMaxTermsTotal = 1000000;
constexpr size_t kMaxTermLength = 256;
constexpr size_t kMaxRules = 10000;
constexpr size_t kMaxPatternLength = 4096;
constexpr size_t kMaxModels = 8;

}  // namespace rg
