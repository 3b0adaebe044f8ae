#include "rule_compiler.h"

#include <map>
#include <memory>

#include "literal_prefilter.h"
#include "pattern_lint.h"
#include "text/utf.h"

namespace rg::policy {

using text::ViewKind;

Regex RuleCompiler::regex(const json& value, const std::string& ptr, const json* flags, const std::string& flagsPtr) {
  Regex out;
  std::string src;
  if (!v.string(value, ptr, src, true, kMaxPatternLength)) return out;
  uint32_t f = 0;
  if (flags && v.array(*flags, flagsPtr)) {
    for (size_t i = 0; i < flags->size(); ++i) {
      int k = v.oneOf((*flags)[i], Validator::at(flagsPtr, i), {"i", "x"});
      if (k == 0) f |= UREGEX_CASE_INSENSITIVE;
      if (k == 1) f |= UREGEX_COMMENTS;
    }
  }
  if (lazyPatterns) {
    out.lazy = std::make_shared<const LazyPattern>(text::toUtf16(src), f);
  } else {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe{};
    icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(src);
    std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(pattern, f, pe, status));
    if (U_FAILURE(status) || !re) {
      v.err(ptr, std::string("pattern does not compile: ") + u_errorName(status) + " at character " +
                     std::to_string(pe.offset >= 0 ? pe.offset : 0));
      return out;
    }
    out.pattern = std::move(re);
  }
  PatternRequirement req = requirementOf(text::toUtf16(src), f);
  for (const Clause& c : req.clauses) {
    std::vector<int32_t> ids;
    for (const Literal& l : c) {
      if (l.digit) {
        ids.push_back(PatternLiterals::kDigitLiteral);
        continue;
      }
      match::AhoCorasick& ac = req.caseInsensitive ? policy.literals.folded : policy.literals.exact;
      int32_t key = ac.add(l.text);
      if (key < 0) { ids.clear(); break; }  // an empty literal requires nothing
      ids.push_back(key << 1 | (req.caseInsensitive ? 1 : 0));
    }
    if (!ids.empty()) out.require.push_back(std::move(ids));
  }
  std::map<std::u16string, std::shared_ptr<const icu::UnicodeSet>> backs;
  for (const Literal& l : req.starts) {
    std::shared_ptr<const icu::UnicodeSet> back;
    if (!l.back.empty()) {
      auto& set = backs[l.back];
      if (!set) {
        UErrorCode st = U_ZERO_ERROR;
        auto u = std::make_shared<icu::UnicodeSet>(icu::UnicodeString(false, l.back.data(), int32_t(l.back.size())), st);
        if (U_FAILURE(st)) {  // not a set after all: try every position
          out.starts.clear();
          break;
        }
        // A case-insensitive pattern's classes match either case.
        if (req.caseInsensitive) u->closeOver(USET_CASE_INSENSITIVE);
        u->freeze();
        set = std::move(u);
      }
      back = set;
    }
    if (l.digit) {
      out.starts.push_back({PatternLiterals::kDigitLiteral, back});
      policy.literals.digitStarts = true;
      continue;
    }
    match::AhoCorasick& ac = req.caseInsensitive ? policy.literals.folded : policy.literals.exact;
    std::vector<uint8_t>& positional = req.caseInsensitive ? policy.literals.foldedStarts : policy.literals.exactStarts;
    const int32_t key = ac.add(l.text);
    if (key < 0) {  // cannot happen (literals are not empty): try every position
      out.starts.clear();
      break;
    }
    if (positional.size() <= size_t(key)) positional.resize(size_t(key) + 1, 0);
    positional[size_t(key)] = 1;
    out.starts.push_back({key << 1 | (req.caseInsensitive ? 1 : 0), back});
  }
  if (auto risk = backtrackingRisk(src)) warnings_.push_back({ptr, *risk});
  return out;
}

ViewKind RuleCompiler::obfuscation(const json* value, const std::string& ptr) {
  ViewKind kind = 0;
  if (!value || !v.array(*value, ptr)) return 0;
  for (size_t i = 0; i < value->size(); ++i) {
    int k = v.oneOf((*value)[i], Validator::at(ptr, i), {"leet", "separators", "repeats", "lookalikes", "masks"});
    if (k >= 0) kind |= ViewKind(1u << k);
  }
  return kind;
}

MatchMode RuleCompiler::matchMode(const json* value, const std::string& ptr, MatchMode dflt) {
  if (!value) return dflt;
  int k = v.oneOf(*value, ptr, {"word", "prefix", "suffix", "substring", "stem", "compound"});
  return k < 0 ? dflt : MatchMode(k);
}

void RuleCompiler::addTerm(const std::string& textUtf8, const std::string& ptr, ViewKind view, Entry e) {
  const std::u16string term = text::toUtf16(textUtf8);
  // A stem term goes into the stemmed view of each language the rule names (one key per view).
  for (ViewKind k : text::termViews(view, e.mode == MatchMode::Stem ? stemViews : 0)) {
    std::u16string folded = text::foldTerm(term, k);
    if (folded.empty()) return v.err(ptr, "is empty after folding (only ignorable characters)");
    if (dryRun_) continue;
    if (++totalTerms_ > kMaxTermsTotal) {
      if (totalTerms_ == kMaxTermsTotal + 1) v.err(ptr, "the bundle has more than " + std::to_string(kMaxTermsTotal) + " terms");
      return;
    }
    keys_.push_back({k, std::move(folded), e});
  }
}

bool RuleCompiler::termList(const json& list, const std::string& ptr, ViewKind view, MatchMode mode, Role role,
                            std::vector<Replacements>* perTerm, uint32_t item, bool allowObjects) {
  if (!v.array(list, ptr)) return false;
  if (list.empty()) return v.err(ptr, "needs at least one entry"), false;
  if (list.size() > kMaxTermsPerRule)
    return v.err(ptr, "has " + std::to_string(list.size()) + " entries; the limit is " + std::to_string(kMaxTermsPerRule)),
           false;
  bool ok = true;
  for (size_t i = 0; i < list.size(); ++i) {
    const json& t = list[i];
    const std::string tp = Validator::at(ptr, i);
    std::string s;
    MatchMode m = mode;
    Replacements repl;
    if (t.is_object() && allowObjects) {
      if (perTerm) v.onlyKeys(t, tp, {"text", "match", "replacement"});
      else v.onlyKeys(t, tp, {"text", "match"});
      const json* tx = v.field(t, "text", tp, true);
      if (!tx || !v.string(*tx, Validator::at(tp, "text"), s, true, kMaxTermLength)) { ok = false; continue; }
      m = matchMode(v.field(t, "match", tp, false), Validator::at(tp, "match"), mode);
      if (const json* r = perTerm ? v.field(t, "replacement", tp, false) : nullptr)
        ok &= v.replacements(*r, Validator::at(tp, "replacement"), repl);
    } else if (!v.string(t, tp, s, true, kMaxTermLength)) {
      ok = false;
      continue;
    }
    uint32_t it = perTerm ? uint32_t(perTerm->size()) : item;
    if (perTerm) perTerm->push_back(std::move(repl));
    addTerm(s, tp, view, {rule, role, m, it});
  }
  return ok;
}

void RuleCompiler::concepts(const json& value, const std::string& ptr) {
  if (!v.object(value, ptr)) return;
  if (value.size() > 1000) return v.err(ptr, "has more than 1000 concepts");
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string cp = Validator::at(ptr, it.key());
    if (!validId(it.key(), 64)) v.err(cp, "concept name must match ^[a-z0-9][a-z0-9._-]*$ (at most 64 characters)");
    dryRun_ = true;
    termList(it.value(), cp, 0, MatchMode::Word, Role::Term, nullptr);
    dryRun_ = false;
    concepts_[it.key()] = {it.value(), cp};
  }
}

bool RuleCompiler::conceptTerms(const std::string& name, const std::string& ptr, text::ViewKind view, Role role, uint32_t item) {
  auto it = concepts_.find(name);
  if (it == concepts_.end()) return v.err(ptr, "unknown concept " + Validator::quoted(name) + " (not in /concepts)"), false;
  // Errors were reported once at the concept itself; here the terms are only added.
  const size_t before = v.errorCount();
  termList(it->second.first, it->second.second, view, MatchMode::Word, role, nullptr, item);
  v.errors().resize(before);  // already reported under /concepts
  return true;
}

CueScope RuleCompiler::cueScope(const json& value, const std::string& ptr, CueScope base) {
  if (!v.object(value, ptr, {"before", "after", "universal"})) return base;
  int64_t n = 0;
  if (const json* b = v.field(value, "before", ptr, false); b && v.integer(*b, Validator::at(ptr, "before"), 0, 50, n))
    base.before = uint32_t(n);
  if (const json* a = v.field(value, "after", ptr, false); a && v.integer(*a, Validator::at(ptr, "after"), 0, 50, n))
    base.after = uint32_t(n);
  if (const json* w = v.field(value, "universal", ptr, false); w && v.integer(*w, Validator::at(ptr, "universal"), 0, 50, n))
    base.universal = uint32_t(n);
  return base;
}

Unless RuleCompiler::unless(const json& rule, const std::string& ptr) {
  Unless out;
  out.scope = policy.cueScope;
  const json* u = v.field(rule, "unless", ptr, false);
  const std::string up = Validator::at(ptr, "unless");
  if (const json* cs = v.field(rule, "cue_scope", ptr, false)) {
    out.scope = cueScope(*cs, Validator::at(ptr, "cue_scope"), policy.cueScope);
    if (!u) v.err(Validator::at(ptr, "cue_scope"), "only applies with \"unless\"");
  }
  if (!u || !v.array(*u, up)) return out;
  for (size_t i = 0; i < u->size(); ++i) {
    int k = v.oneOf((*u)[i], Validator::at(up, i), {"negation", "hedge", "quotation"});
    if (k >= 0) out.mask |= uint8_t(1u << k);
  }
  if (u->empty()) v.err(up, "needs at least one of \"negation\", \"hedge\", \"quotation\"");
  policy.cuesUsed |= out.mask;
  return out;
}

void RuleCompiler::addCues() {
  // Built-in cues, folded like text (ä -> ae ...). "n't" ends a word ("isn't"): suffix match.
  static const char* const kNegationWords[] = {"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                                          "niemals", "nichts", "niemand", "not", "no", "never", "nothing", "nobody",
                                          "none", "cannot", "nor", "weder"};
  static const char* const kHedgeWords[] = {"prüfen ob", "prüfen, ob", "prüfen wir ob", "prüfen wir, ob", "schauen ob",
                                       "schauen, ob", "klären ob", "klären, ob", "leider nicht", "nicht versprechen",
                                       "keine garantie", "kann ich nicht versprechen", "check whether", "check if",
                                       "checking whether", "checking if", "see whether", "see if", "look into whether",
                                       "can't promise", "can’t promise", "cannot promise", "can't guarantee",
                                       "can’t guarantee", "cannot guarantee", "no guarantee", "unfortunately not",
                                       "whether we", "ob wir", "falls möglich", "if possible", "möglicherweise",
                                       "possibly", "perhaps", "vielleicht", "might", "eventuell"};
  // Contrast words start a new clause: "Nicht schön, aber wir erstatten alles" is a promise.
  static const char* const kClauseBreakWords[] = {"aber", "sondern", "jedoch", "doch", "trotzdem",
                                             "but", "however", "yet", "though", "although", "nevertheless"};
  // Phrases with a cue word that negate nothing: "nicht nur", "kein Problem", "nie wieder" (a
  // promise: "Das passiert nie wieder"), tag questions that affirm ("dumm, oder nicht?").
  static const char* const kCueExceptionWords[] = {
      "nicht nur", "nicht bloß", "nicht einfach nur", "kein problem", "keine sorge", "kein thema", "nichts als",
      "nie wieder", "oder nicht", "nicht wahr", "nicht später als", "not only", "not just", "no problem",
      "no worries", "no doubt", "no matter", "nothing but", "never again", "or not", "no later than",
      "not later than"};
  // Negations that speak of everyone or everything: they may reach further before the match
  // (cue_scope "universal"): "Nobody here thinks you're stupid", "No such thing as a daft question".
  static const char* const kUniversalNegationWords[] = {"niemand", "niemanden", "niemandem", "keiner hier", "keiner von uns",
                                                   "nobody", "no one", "no-one", "nobody's", "nobody’s", "no one's",
                                                   "no one’s", "no such thing", "none of us"};
  if (!(policy.cuesUsed & (kUnlessNegated | kUnlessHedged))) return;
  for (uint8_t kind : {uint8_t(kNegation), uint8_t(kHedge), uint8_t(kClauseBreak), uint8_t(kCueException),
                       uint8_t(kUniversalNegation)}) {
    if ((kind == kNegation || kind == kUniversalNegation) && !(policy.cuesUsed & kUnlessNegated)) continue;
    if (kind == kHedge && !(policy.cuesUsed & kUnlessHedged)) continue;
    static const char* const kNames[] = {"negation", "hedge", "clause_break", "cue_exception", "universal_negation"};
    Entry e{0, Role::Cue, MatchMode::Word, kind};
    if (auto it = concepts_.find(kNames[kind]); it != concepts_.end()) {
      const size_t before = v.errorCount();
      termList(it->second.first, it->second.second, 0, MatchMode::Word, Role::Cue, nullptr, kind);
      v.errors().resize(before);
      continue;
    }
    auto add = [&](const auto& words) {
      for (const char* t : words) addTerm(t, "", 0, e);
    };
    switch (kind) {
      case kNegation:
        add(kNegationWords);
        for (const char* t : {"n't", "n’t"}) addTerm(t, "", 0, {0, Role::Cue, MatchMode::Suffix, kind});
        break;
      case kHedge: add(kHedgeWords); break;
      case kClauseBreak: add(kClauseBreakWords); break;
      case kUniversalNegation: add(kUniversalNegationWords); break;
      default: add(kCueExceptionWords); break;
    }
  }
}

}  // namespace rg::policy
