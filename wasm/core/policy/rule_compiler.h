// What a rule kind's compile step may use: the validator, regex compilation, and term lists that go
// into the shared automata (one per view kind). Match modes and views are parsed here, once, for
// every kind that takes terms.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "policy.h"
#include "validator.h"

namespace rg::policy {

// A term (or phrase) to be put into the automaton of a view kind.
struct PendingKey {
  text::ViewKind view;
  std::u16string key;
  Entry entry;
};

class RuleCompiler {
 public:
  using json = nlohmann::json;
  RuleCompiler(Validator& validator, Policy& policy) : v(validator), policy(policy) {}

  Validator& v;
  Policy& policy;       // the bundle being compiled (bundle-level data such as contact points)
  uint32_t rule = 0;    // index of the rule being compiled (entries of its terms point here)
  // Stemmers a stem term is matched with: the rule's "language", else both (rules/term_rule.cpp).
  text::ViewKind stemViews = text::kStemEnglish | text::kStemGerman;
  bool lazyPatterns = false;  // patterns compile on first use (a bundle known to be valid)

  Regex regex(const json& pattern, const std::string& ptr, const json* flags, const std::string& flagsPtr);
  // "obfuscation": [...] -> view kind bits (0 when absent).
  text::ViewKind obfuscation(const json* value, const std::string& ptr);
  MatchMode matchMode(const json* value, const std::string& ptr, MatchMode dflt);
  // A list of terms (strings, or objects {text, match[, replacement]} when allowObjects) for `role`;
  // with perTerm, each term's replacements are appended there and the entry's item is its index.
  bool termList(const json& list, const std::string& ptr, text::ViewKind view, MatchMode mode, Role role,
                std::vector<Replacements>* perTerm, uint32_t item = 0, bool allowObjects = true);
  // A bundle-level concept (named word class, "concepts") used by the current rule: its terms are
  // added for `role` and `item`. Reports an unknown name at `ptr`.
  bool conceptTerms(const std::string& name, const std::string& ptr, text::ViewKind view, Role role, uint32_t item);
  // "unless": ["negation", "hedge", "quotation"] of the current rule -> CueMask (0 when absent),
  // with the rule's "cue_scope" (else the bundle's).
  Unless unless(const json& rule, const std::string& ptr);
  // A "cue_scope" object {"before"?, "after"?}: the keys it has replace those of `base`.
  CueScope cueScope(const json& value, const std::string& ptr, CueScope base);
  // Validates and records "concepts" (before the rules are read).
  void concepts(const json& value, const std::string& ptr);
  // After the rules: the cue words of the kinds some rule uses (the bundle's "negation" and
  // "hedge" concepts, or the built-in German and English lists), with the clause breaks and cue
  // exceptions ("clause_break", "cue_exception") that bound them.
  void addCues();

  // The keys are compiled into automata after all rules were read.
  std::vector<PendingKey>& keys() { return keys_; }
  // Lint warnings: the bundle is valid, but something in it is doubtful.
  std::vector<BundleError>& warnings() { return warnings_; }

 private:
  void addTerm(const std::string& textUtf8, const std::string& ptr, text::ViewKind view, Entry e);
  std::vector<PendingKey> keys_;
  std::vector<BundleError> warnings_;
  std::map<std::string, std::pair<json, std::string>> concepts_;  // name -> (term list, its pointer)
  bool dryRun_ = false;  // validate terms without adding them
  size_t totalTerms_ = 0;
};

}  // namespace rg::policy
