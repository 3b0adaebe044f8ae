// A compiled, immutable policy bundle: validated rules, one matching automaton per view kind the
// rules use, compiled regular expressions, and ICU objects that checks clone instead of creating.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/regex.h>

#include "classify/features.h"
#include "classify/model.h"
#include "detect/detectors.h"
#include "match/aho_corasick.h"
#include "text/views.h"

namespace rg::esc {
struct Team;
}

namespace rg {

enum class Severity : uint8_t { Info, Warn, Block };
enum class RuleKind : uint8_t { Terms, Substitution, Cooccurrence, Pattern, Detector, Metric, Required, Classifier };
enum class MatchMode : uint8_t { Word, Prefix, Suffix, Substring };
enum class MetricKind : uint8_t { Length, CapsRatio, ExclamationRun };
enum AppliesTo : uint8_t { kReply = 1, kIncoming = 2, kBoth = 3 };

const char* severityName(Severity s);
const char* kindName(RuleKind k);

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

struct Regex {
  std::shared_ptr<const icu::RegexPattern> pattern;  // compiled once; a matcher per check
  bool present() const { return pattern != nullptr; }
};

struct Example {
  std::u16string text;
  std::string display;  // the example as written (UTF-8), for reports
  bool hasSpan = false;
  uint32_t begin = 0, end = 0;
  std::string platform;
};

// The second matcher of a cooccurrence rule, or its trigger: terms (in an automaton) or a regex.
struct CoMatcher {
  bool isTerms = false;
  Regex regex;
};

// One label of a classifier rule: the category it reports, at which probability, how severely.
struct ClassLabel {
  std::string category;  // a declared category and a label of the model
  int label = -1;        // index into the model's labels
  double threshold = 0.5;
  Severity severity = Severity::Warn;
};

struct Rule {
  std::string id;
  RuleKind kind = RuleKind::Terms;
  std::string category;
  Severity severity = Severity::Warn;
  Localized message, suggestion;
  std::string link;
  uint8_t appliesTo = kReply;
  bool enabled = true;
  std::vector<Example> flag, pass;

  // terms / substitution: the view kind the terms are matched in and their replacements
  text::ViewKind view = 0;
  Replacements replacements;                // rule-level (terms, pattern)
  std::vector<Replacements> itemReplacements;  // per term (terms) or per pair (substitution)

  // cooccurrence
  CoMatcher trigger, other;
  bool needsOther = true;  // requires (true): `other` must be present; forbids (false): must be absent

  // pattern / required
  Regex regex;
  uint32_t minLength = 0;

  // detector
  detect::Kind detector = detect::Kind::Email;
  double minConfidence = 0;
  std::vector<std::string> allowDomains;  // lower-case

  // metric
  MetricKind metric = MetricKind::Length;
  double max = 0;
  std::map<std::string, double> platforms;
  uint32_t minLetters = 12;

  // classifier (classify/): a model of the bundle's /models and the labels it reports
  std::string modelId;
  std::shared_ptr<const classify::Model> model;
  std::vector<ClassLabel> labels;

  double limitFor(const std::string& platform) const {
    auto it = platforms.find(platform);
    return it == platforms.end() ? max : it->second;
  }
};

// What an occurrence of a key in an automaton means.
enum class Role : uint8_t { Term, Exception, Allow, Context, Trigger, Other };
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
  uint8_t sources = 0;  // AppliesTo bits of the enabled rules with entries here (allow: both)
};

class Policy {
 public:
  std::string id;
  int64_t version = 0;
  Localized name, description;
  std::vector<std::string> languages;
  nlohmann::json categories;  // as written in the bundle (validated)
  std::vector<Rule> rules;
  std::vector<Automaton> automata;  // one per view kind in use
  std::shared_ptr<const esc::Team> team;
  std::unique_ptr<icu::BreakIterator> wordBreak;   // cloned per check that needs a boundary
  std::map<std::string, std::shared_ptr<const classify::Model>> models;  // /models, by id
  classify::Breakers classifierBreaks;  // word + sentence breaks, when a classifier rule exists

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
