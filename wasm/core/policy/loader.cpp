#include "loader.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include <unicode/errorcode.h>

#include "classifier_rule.h"
#include "escalation/team.h"
#include "json_reader.h"
#include "policy.h"
#include "text/utf.h"

namespace rg::policy {
namespace {

using nlohmann::json;
using text::ViewKind;

std::string num(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
  return json(x).dump();
}

std::string qt(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool validId(const std::string& s, bool bundleId) {
  if (s.empty() || (bundleId && (s.size() < 2 || s.size() > 64)) || s.size() > 128) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

const char* typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

// A term (or phrase) to be put into the automaton of a view kind.
struct PendingKey {
  ViewKind view;
  std::u16string key;
  Entry entry;
};

class Loader {
 public:
  Loader(std::vector<BundleError>& errors, const BundleFiles& files) : errors_(errors), files_(files) {}

  std::shared_ptr<Policy> run(const json& b);
  std::vector<PendingKey>& keys() { return keys_; }

 private:
  void err(const std::string& ptr, std::string msg) { errors_.push_back({ptr, std::move(msg)}); }
  static std::string at(const std::string& ptr, std::string_view key) { return ptr + "/" + pointerToken(key); }
  static std::string at(const std::string& ptr, size_t i) { return ptr + "/" + std::to_string(i); }

  bool isType(const json& v, json::value_t t, const std::string& ptr, const char* what) {
    bool ok = v.type() == t || (t == json::value_t::number_float && v.is_number()) ||
              (t == json::value_t::number_integer && (v.is_number_integer()));
    if (!ok) err(ptr, std::string("must be ") + what + ", not " + typeName(v));
    return ok;
  }
  bool object(const json& v, const std::string& ptr) { return isType(v, json::value_t::object, ptr, "an object"); }
  bool array(const json& v, const std::string& ptr) { return isType(v, json::value_t::array, ptr, "an array"); }

  // Reports keys of `o` that are not in `allowed` (a typo must not silently disable a rule).
  void onlyKeys(const json& o, const std::string& ptr, std::initializer_list<const char*> allowed) {
    for (auto it = o.begin(); it != o.end(); ++it) {
      bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return it.key() == k; });
      if (!known) err(at(ptr, it.key()), "unknown key " + qt(it.key()));
    }
  }
  const json* field(const json& o, const char* key, const std::string& ptr, bool required) {
    auto it = o.find(key);
    if (it == o.end()) {
      if (required) err(at(ptr, key), std::string("missing required key \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }
  bool string(const json& v, const std::string& ptr, std::string& out, bool nonEmpty = true, size_t maxLen = 100000) {
    if (!isType(v, json::value_t::string, ptr, "a string")) return false;
    const std::string& s = v.get_ref<const std::string&>();
    if (nonEmpty && s.empty()) return err(ptr, "must not be empty"), false;
    if (s.size() > maxLen) return err(ptr, "is longer than " + std::to_string(maxLen) + " bytes"), false;
    out = s;
    return true;
  }
  bool integer(const json& v, const std::string& ptr, int64_t lo, int64_t hi, int64_t& out) {
    if (!v.is_number_integer()) return err(ptr, std::string("must be an integer, not ") + typeName(v)), false;
    int64_t x = v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX) ? INT64_MAX : v.get<int64_t>();
    if (x < lo || x > hi)
      return err(ptr, hi == INT64_MAX ? "must be at least " + std::to_string(lo)
                                      : "must be between " + std::to_string(lo) + " and " + std::to_string(hi)),
             false;
    out = x;
    return true;
  }
  bool number(const json& v, const std::string& ptr, double lo, double hi, double& out) {
    if (!v.is_number()) return err(ptr, std::string("must be a number, not ") + typeName(v)), false;
    double x = v.get<double>();
    if (!(x >= lo && x <= hi)) {
      err(ptr, "must be between " + num(lo) + " and " + num(hi));
      return false;
    }
    out = x;
    return true;
  }
  template <size_t N>
  int oneOf(const json& v, const std::string& ptr, const char* const (&names)[N]) {
    std::string s;
    if (!string(v, ptr, s)) return -1;
    for (size_t i = 0; i < N; ++i)
      if (s == names[i]) return int(i);
    std::string list;
    for (size_t i = 0; i < N; ++i) list += (i ? ", " : "") + qt(names[i]);
    err(ptr, "must be one of " + list + ", not " + qt(s));
    return -1;
  }

  bool localized(const json& v, const std::string& ptr, Localized& out) {
    if (v.is_string()) {  // accepted where a plain string is documented (replacements)
      out.en = out.de = v.get<std::string>();
      if (out.en.empty()) return err(ptr, "must not be empty"), false;
      return true;
    }
    if (!v.is_object()) return err(ptr, std::string("must be an object with \"en\" and/or \"de\", not ") + typeName(v)), false;
    onlyKeys(v, ptr, {"en", "de"});
    bool ok = true;
    if (auto* en = field(v, "en", ptr, false)) ok &= string(*en, at(ptr, "en"), out.en);
    if (auto* de = field(v, "de", ptr, false)) ok &= string(*de, at(ptr, "de"), out.de);
    if (ok && out.empty()) return err(ptr, "needs \"en\" or \"de\""), false;
    return ok;
  }
  bool localizedObject(const json& v, const std::string& ptr, Localized& out) {
    if (v.is_string()) return err(ptr, "must be an object with \"en\" and/or \"de\", not a string"), false;
    return localized(v, ptr, out);
  }
  bool replacements(const json& v, const std::string& ptr, Replacements& out) {
    if (v.is_array()) {
      if (v.empty()) return err(ptr, "must not be empty"), false;
      if (v.size() > 20) return err(ptr, "has more than 20 replacements"), false;
      bool ok = true;
      for (size_t i = 0; i < v.size(); ++i) {
        Localized l;
        if (localized(v[i], at(ptr, i), l)) out.push_back(std::move(l)); else ok = false;
      }
      return ok;
    }
    Localized l;
    if (!localized(v, ptr, l)) return false;
    out.push_back(std::move(l));
    return true;
  }

  Regex regex(const json& v, const std::string& ptr, const json* flags, const std::string& flagsPtr);
  bool examples(const json& v, const std::string& ptr, Rule& r);
  ViewKind obfuscation(const json* v, const std::string& ptr);
  MatchMode matchMode(const json* v, const std::string& ptr, MatchMode dflt);
  void addTerm(const std::string& textUtf8, const std::string& ptr, ViewKind view, Entry e);
  bool termList(const json& v, const std::string& ptr, uint32_t rule, ViewKind view, MatchMode mode, Role role,
                std::vector<Replacements>* perTerm, uint32_t item = 0, bool allowObjects = true);
  void rule(const json& v, const std::string& ptr, uint32_t index, const json& categories);
  void coMatcher(const json& v, const std::string& ptr, uint32_t rule, Role role, CoMatcher& out);

  std::vector<BundleError>& errors_;
  const BundleFiles& files_;
  std::shared_ptr<Policy> p_;
  std::vector<PendingKey> keys_;
  size_t totalTerms_ = 0;
};

Regex Loader::regex(const json& v, const std::string& ptr, const json* flags, const std::string& flagsPtr) {
  Regex out;
  std::string src;
  if (!string(v, ptr, src, true, kMaxPatternLength)) return out;
  uint32_t f = 0;
  if (flags && array(*flags, flagsPtr)) {
    for (size_t i = 0; i < flags->size(); ++i) {
      static const char* const kFlags[] = {"i", "x"};
      int k = oneOf((*flags)[i], at(flagsPtr, i), kFlags);
      if (k == 0) f |= UREGEX_CASE_INSENSITIVE;
      if (k == 1) f |= UREGEX_COMMENTS;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe{};
  icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(src);
  std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(pattern, f, pe, status));
  if (U_FAILURE(status) || !re) {
    err(ptr, std::string("pattern does not compile: ") + u_errorName(status) + " at character " +
                 std::to_string(pe.offset >= 0 ? pe.offset : 0));
    return out;
  }
  out.pattern = std::move(re);
  return out;
}

bool Loader::examples(const json& v, const std::string& ptr, Rule& r) {
  if (!object(v, ptr)) return false;
  onlyKeys(v, ptr, {"flag", "pass"});
  bool ok = true;
  for (const char* which : {"flag", "pass"}) {
    const std::string lp = at(ptr, which);
    const json* list = field(v, which, ptr, true);
    if (!list) { ok = false; continue; }
    if (!array(*list, lp)) { ok = false; continue; }
    if (list->empty()) { err(lp, "needs at least one example"); ok = false; continue; }
    const bool isFlag = std::string(which) == "flag";
    for (size_t i = 0; i < list->size(); ++i) {
      const json& e = (*list)[i];
      const std::string ep = at(lp, i);
      Example ex;
      if (e.is_string()) {
        ex.display = e.get<std::string>();
      } else if (e.is_object()) {
        if (isFlag) onlyKeys(e, ep, {"text", "span", "platform"}); else onlyKeys(e, ep, {"text", "platform"});
        const json* t = field(e, "text", ep, true);
        if (!t || !string(*t, at(ep, "text"), ex.display, false)) { ok = false; continue; }
        if (const json* pl = field(e, "platform", ep, false)) ok &= string(*pl, at(ep, "platform"), ex.platform);
        if (const json* sp = isFlag ? field(e, "span", ep, false) : nullptr) {
          const std::string spp = at(ep, "span");
          std::u16string t16 = text::toUtf16(ex.display);
          int64_t b = 0, en = 0;
          if (!sp->is_array() || sp->size() != 2) {
            err(spp, "must be [begin, end]");
            ok = false;
          } else if (integer((*sp)[0], at(spp, 0), 0, int64_t(t16.size()), b) &&
                     integer((*sp)[1], at(spp, 1), 0, int64_t(t16.size()), en)) {
            if (b > en) { err(spp, "begin must not be after end"); ok = false; }
            ex.hasSpan = true;
            ex.begin = uint32_t(b);
            ex.end = uint32_t(en);
          } else {
            ok = false;
          }
        }
      } else {
        err(ep, std::string("must be a string or an object, not ") + typeName(e));
        ok = false;
        continue;
      }
      ex.text = text::toUtf16(ex.display);
      (isFlag ? r.flag : r.pass).push_back(std::move(ex));
    }
  }
  return ok;
}

ViewKind Loader::obfuscation(const json* v, const std::string& ptr) {
  ViewKind kind = 0;
  if (!v || !array(*v, ptr)) return 0;
  for (size_t i = 0; i < v->size(); ++i) {
    static const char* const kNames[] = {"leet", "separators", "repeats"};
    int k = oneOf((*v)[i], at(ptr, i), kNames);
    if (k >= 0) kind |= ViewKind(1u << k);
  }
  return kind;
}

MatchMode Loader::matchMode(const json* v, const std::string& ptr, MatchMode dflt) {
  if (!v) return dflt;
  static const char* const kModes[] = {"word", "prefix", "suffix", "substring"};
  int k = oneOf(*v, ptr, kModes);
  return k < 0 ? dflt : MatchMode(k);
}

void Loader::addTerm(const std::string& textUtf8, const std::string& ptr, ViewKind view, Entry e) {
  std::u16string folded = text::foldTerm(text::toUtf16(textUtf8), view);
  if (folded.empty()) return err(ptr, "is empty after folding (only ignorable characters)");
  if (++totalTerms_ > kMaxTermsTotal) {
    if (totalTerms_ == kMaxTermsTotal + 1) err(ptr, "the bundle has more than " + std::to_string(kMaxTermsTotal) + " terms");
    return;
  }
  keys_.push_back({view, std::move(folded), e});
}

bool Loader::termList(const json& v, const std::string& ptr, uint32_t rule, ViewKind view, MatchMode mode, Role role,
                      std::vector<Replacements>* perTerm, uint32_t item, bool allowObjects) {
  if (!array(v, ptr)) return false;
  if (v.empty()) return err(ptr, "needs at least one entry"), false;
  if (v.size() > kMaxTermsPerRule)
    return err(ptr, "has " + std::to_string(v.size()) + " entries; the limit is " + std::to_string(kMaxTermsPerRule)), false;
  bool ok = true;
  for (size_t i = 0; i < v.size(); ++i) {
    const json& t = v[i];
    const std::string tp = at(ptr, i);
    std::string s;
    MatchMode m = mode;
    Replacements repl;
    if (t.is_object() && allowObjects) {
      onlyKeys(t, tp, perTerm ? std::initializer_list<const char*>{"text", "match", "replacement"}
                              : std::initializer_list<const char*>{"text", "match"});
      const json* tx = field(t, "text", tp, true);
      if (!tx || !string(*tx, at(tp, "text"), s, true, kMaxTermLength)) { ok = false; continue; }
      m = matchMode(field(t, "match", tp, false), at(tp, "match"), mode);
      if (const json* r = perTerm ? field(t, "replacement", tp, false) : nullptr)
        ok &= replacements(*r, at(tp, "replacement"), repl);
    } else if (!string(t, tp, s, true, kMaxTermLength)) {
      ok = false;
      continue;
    }
    uint32_t it = perTerm ? uint32_t(perTerm->size()) : item;
    if (perTerm) perTerm->push_back(std::move(repl));
    addTerm(s, tp, view, {rule, role, m, it});
  }
  return ok;
}

void Loader::coMatcher(const json& v, const std::string& ptr, uint32_t rule, Role role, CoMatcher& out) {
  if (!object(v, ptr)) return;
  onlyKeys(v, ptr, {"terms", "match", "obfuscation", "pattern", "flags"});
  const json* terms = field(v, "terms", ptr, false);
  const json* pattern = field(v, "pattern", ptr, false);
  if (!!terms == !!pattern) return err(ptr, "needs exactly one of \"terms\" and \"pattern\"");
  if (terms) {
    if (v.contains("flags")) err(at(ptr, "flags"), "only applies to \"pattern\"");
    out.isTerms = true;
    ViewKind view = obfuscation(field(v, "obfuscation", ptr, false), at(ptr, "obfuscation"));
    MatchMode mode = matchMode(field(v, "match", ptr, false), at(ptr, "match"), MatchMode::Word);
    termList(*terms, at(ptr, "terms"), rule, view, mode, role, nullptr);
  } else {
    for (const char* k : {"match", "obfuscation"})
      if (v.contains(k)) err(at(ptr, k), "only applies to \"terms\"");
    out.regex = regex(*pattern, at(ptr, "pattern"), field(v, "flags", ptr, false), at(ptr, "flags"));
  }
}

void Loader::rule(const json& v, const std::string& ptr, uint32_t index, const json& categories) {
  Rule r;
  if (!object(v, ptr)) {
    p_->rules.push_back(std::move(r));
    return;
  }
  static const char* const kKinds[] = {"terms", "substitution", "cooccurrence", "pattern", "detector", "metric", "required", "classifier"};
  const json* kindV = field(v, "kind", ptr, true);
  int kind = kindV ? oneOf(*kindV, at(ptr, "kind"), kKinds) : -1;
  r.kind = RuleKind(kind < 0 ? 0 : kind);

  // Keys allowed by the rule's kind; unknown kinds only get the header checked.
  std::vector<const char*> allowed = {"id", "kind", "category", "severity", "message", "link",
                                      "suggestion", "applies_to", "examples", "enabled"};
  static const std::vector<std::vector<const char*>> kKindKeys = {
      {"terms", "match", "obfuscation", "exceptions", "replacement"},
      {"pairs", "match", "obfuscation", "exceptions"},
      {"trigger", "requires", "forbids"},
      {"pattern", "flags", "replacement"},
      {"detector", "context", "min_confidence", "allow_domains"},
      {"metric", "max", "platforms", "min_letters"},
      {"pattern", "flags", "min_length"},
      {"model", "labels"}};
  if (kind >= 0) allowed.insert(allowed.end(), kKindKeys[size_t(kind)].begin(), kKindKeys[size_t(kind)].end());
  for (auto it = v.begin(); it != v.end(); ++it) {
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return it.key() == k; });
    bool otherKind = false;
    for (const auto& ks : kKindKeys)
      for (const char* k : ks) otherKind |= it.key() == k;
    if (!known && (kind >= 0 || !otherKind))
      err(at(ptr, it.key()), otherKind ? "key " + qt(it.key()) + " does not apply to kind " + qt(kKinds[kind])
                                       : "unknown key " + qt(it.key()));
  }

  if (const json* id = field(v, "id", ptr, true); id && string(*id, at(ptr, "id"), r.id)) {
    if (!validId(r.id, false)) err(at(ptr, "id"), "must match ^[a-z0-9][a-z0-9._-]*$ (at most 128 characters)");
  }
  // A classifier reports the categories named in its "labels"; every other kind has one category.
  if (kind == 7 && v.contains("category"))
    err(at(ptr, "category"), "does not apply to kind \"classifier\"; its categories are the keys of \"labels\"");
  else if (const json* c = field(v, "category", ptr, kind != 7); c && string(*c, at(ptr, "category"), r.category)) {
    if (!categories.is_object() || !categories.contains(r.category))
      err(at(ptr, "category"), "category " + qt(r.category) + " is not declared in /categories");
  }
  static const char* const kSev[] = {"info", "warn", "block"};
  if (const json* s = field(v, "severity", ptr, true)) {
    int k = oneOf(*s, at(ptr, "severity"), kSev);
    if (k >= 0) r.severity = Severity(k);
  }
  if (const json* m = field(v, "message", ptr, true)) localizedObject(*m, at(ptr, "message"), r.message);
  if (const json* s = field(v, "suggestion", ptr, false)) localizedObject(*s, at(ptr, "suggestion"), r.suggestion);
  if (const json* l = field(v, "link", ptr, false); l && string(*l, at(ptr, "link"), r.link, true, 2048)) {
    if (r.link.rfind("https://", 0) != 0) err(at(ptr, "link"), "must be an https:// URL");
  }
  static const char* const kApplies[] = {"reply", "incoming", "both"};
  if (const json* a = field(v, "applies_to", ptr, false)) {
    int k = oneOf(*a, at(ptr, "applies_to"), kApplies);
    if (k >= 0) r.appliesTo = uint8_t(k + 1);
  }
  if (const json* e = field(v, "enabled", ptr, false)) {
    if (isType(*e, json::value_t::boolean, at(ptr, "enabled"), "a boolean")) r.enabled = e->get<bool>();
  }
  if (const json* ex = field(v, "examples", ptr, true)) examples(*ex, at(ptr, "examples"), r);

  const auto f = [&](const char* key, bool required) { return field(v, key, ptr, required); };
  const auto fp = [&](const char* key) { return at(ptr, key); };
  switch (kind) {
    case 0:    // terms
    case 1: {  // substitution
      r.view = obfuscation(f("obfuscation", false), fp("obfuscation"));
      MatchMode mode = matchMode(f("match", false), fp("match"), MatchMode::Word);
      if (kind == 0) {
        if (const json* t = f("terms", true)) termList(*t, fp("terms"), index, r.view, mode, Role::Term, &r.itemReplacements);
        if (const json* rp = f("replacement", false)) replacements(*rp, fp("replacement"), r.replacements);
      } else if (const json* pairs = f("pairs", true); pairs && array(*pairs, fp("pairs"))) {
        if (pairs->empty()) err(fp("pairs"), "needs at least one pair");
        for (size_t i = 0; i < pairs->size(); ++i) {
          const json& pr = (*pairs)[i];
          const std::string pp = at(fp("pairs"), i);
          Replacements repl;
          if (object(pr, pp)) {
            onlyKeys(pr, pp, {"terms", "replacement"});
            if (const json* t = field(pr, "terms", pp, true))
              termList(*t, at(pp, "terms"), index, r.view, mode, Role::Term, nullptr, uint32_t(i));
            if (const json* rp = field(pr, "replacement", pp, true)) replacements(*rp, at(pp, "replacement"), repl);
          }
          r.itemReplacements.push_back(std::move(repl));
        }
      }
      if (const json* ex = f("exceptions", false))
        termList(*ex, fp("exceptions"), index, r.view, MatchMode::Word, Role::Exception, nullptr, 0, false);
      break;
    }
    case 2: {  // cooccurrence
      if (const json* t = f("trigger", true)) coMatcher(*t, fp("trigger"), index, Role::Trigger, r.trigger);
      const json* req = f("requires", false);
      const json* forb = f("forbids", false);
      if (!!req == !!forb) {
        err(ptr, "needs exactly one of \"requires\" and \"forbids\"");
      } else {
        r.needsOther = req != nullptr;
        coMatcher(req ? *req : *forb, fp(req ? "requires" : "forbids"), index, Role::Other, r.other);
      }
      break;
    }
    case 3:    // pattern
    case 6: {  // required
      if (const json* pt = f("pattern", true)) r.regex = regex(*pt, fp("pattern"), f("flags", false), fp("flags"));
      if (const json* rp = kind == 3 ? f("replacement", false) : nullptr) replacements(*rp, fp("replacement"), r.replacements);
      int64_t ml = 0;
      if (const json* m = kind == 6 ? f("min_length", false) : nullptr; m && integer(*m, fp("min_length"), 0, 1000000, ml))
        r.minLength = uint32_t(ml);
      break;
    }
    case 4: {  // detector
      std::string name;
      if (const json* d = f("detector", true); d && string(*d, fp("detector"), name)) {
        if (auto k = detect::kindFromName(name)) r.detector = *k;
        else err(fp("detector"), "unknown detector " + qt(name) + " (email, phone, iban, card, url, handle)");
      }
      if (const json* c = f("context", false))
        termList(*c, fp("context"), index, 0, MatchMode::Prefix, Role::Context, nullptr, 0, false);
      if (const json* m = f("min_confidence", false)) number(*m, fp("min_confidence"), 0, 1, r.minConfidence);
      if (const json* ad = f("allow_domains", false); ad && array(*ad, fp("allow_domains"))) {
        if (!name.empty() && name != "email" && name != "url")
          err(fp("allow_domains"), "only applies to the email and url detectors");
        for (size_t i = 0; i < ad->size(); ++i) {
          std::string d;
          if (!string((*ad)[i], at(fp("allow_domains"), i), d, true, 253)) continue;
          std::transform(d.begin(), d.end(), d.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; });
          if (d.find_first_of(" /@") != std::string::npos) err(at(fp("allow_domains"), i), "must be a domain name");
          r.allowDomains.push_back(d);
        }
      }
      break;
    }
    case 5: {  // metric
      static const char* const kMetrics[] = {"length", "caps_ratio", "exclamation_run"};
      int m = -1;
      if (const json* mv = f("metric", true)) m = oneOf(*mv, fp("metric"), kMetrics);
      if (m >= 0) r.metric = MetricKind(m);
      const double hi = m == 1 ? 1.0 : 1e9;
      const double lo = m == 1 ? 0.0 : 1.0;
      if (const json* mx = f("max", true)) number(*mx, fp("max"), lo, hi, r.max);
      if (const json* pl = f("platforms", false); pl && object(*pl, fp("platforms"))) {
        for (auto it = pl->begin(); it != pl->end(); ++it) {
          double x;
          if (number(it.value(), at(fp("platforms"), it.key()), lo, hi, x)) r.platforms[it.key()] = x;
        }
      }
      if (const json* ml = f("min_letters", false)) {
        int64_t x;
        if (m != 1) err(fp("min_letters"), "only applies to the caps_ratio metric");
        else if (integer(*ml, fp("min_letters"), 1, 1000000, x)) r.minLetters = uint32_t(x);
      }
      break;
    }
    case 7:  // classifier
      parseClassifierRule(v, ptr, categories, p_->models, r, errors_);
      break;
    default:
      break;
  }
  p_->rules.push_back(std::move(r));
}

std::shared_ptr<Policy> Loader::run(const json& b) {
  p_ = std::make_shared<Policy>();
  if (!object(b, "")) return nullptr;
  onlyKeys(b, "", {"$schema", "format", "id", "version", "name", "description", "languages", "allow", "categories",
                   "rules", "team", "models"});
  if (const json* f = field(b, "format", "", true)) {
    std::string s;
    if (string(*f, "/format", s) && s != "replyguard-bundle/1")
      err("/format", "must be \"replyguard-bundle/1\", not " + qt(s));
  }
  if (const json* id = field(b, "id", "", true); id && string(*id, "/id", p_->id) && !validId(p_->id, true))
    err("/id", "must match ^[a-z0-9][a-z0-9._-]{1,63}$");
  if (const json* v = field(b, "version", "", true)) integer(*v, "/version", 1, INT64_MAX, p_->version);
  if (const json* n = field(b, "name", "", true)) localizedObject(*n, "/name", p_->name);
  if (const json* d = field(b, "description", "", false)) localizedObject(*d, "/description", p_->description);
  if (const json* l = field(b, "languages", "", true); l && array(*l, "/languages")) {
    if (l->empty()) err("/languages", "needs at least one language");
    for (size_t i = 0; i < l->size(); ++i) {
      static const char* const kLangs[] = {"de", "en"};
      int k = oneOf((*l)[i], at("/languages", i), kLangs);
      if (k >= 0) p_->languages.push_back(kLangs[k]);
    }
  }
  static const json kNoCategories = json::object();
  const json* cats = field(b, "categories", "", true);
  if (cats && object(*cats, "/categories")) {
    for (auto it = cats->begin(); it != cats->end(); ++it) {
      const std::string cp = at("/categories", it.key());
      if (!validId(it.key(), false)) err(cp, "category id must match ^[a-z0-9][a-z0-9._-]*$");
      if (!object(it.value(), cp)) continue;
      onlyKeys(it.value(), cp, {"label", "escalation"});
      Localized label;
      if (const json* l = field(it.value(), "label", cp, true)) localizedObject(*l, at(cp, "label"), label);
      // Without a team a route is still a name: escalate() then says where to escalate, not to whom.
      std::string route;
      if (const json* e = field(it.value(), "escalation", cp, false)) string(*e, at(cp, "escalation"), route);
    }
    p_->categories = *cats;
  }
  const json& categories = (cats && cats->is_object()) ? *cats : kNoCategories;

  if (const json* a = field(b, "allow", "", false))
    termList(*a, "/allow", 0, 0, MatchMode::Word, Role::Allow, nullptr, 0, false);

  if (const json* m = field(b, "models", "", false)) parseModels(*m, files_, p_->models, errors_);

  if (const json* rules = field(b, "rules", "", true); rules && array(*rules, "/rules")) {
    if (rules->size() > kMaxRules) {
      err("/rules", "has " + std::to_string(rules->size()) + " rules; the limit is " + std::to_string(kMaxRules));
    } else {
      std::unordered_map<std::string, size_t> seen;
      for (size_t i = 0; i < rules->size(); ++i) {
        rule((*rules)[i], at("/rules", i), uint32_t(i), categories);
        const std::string& id = p_->rules.back().id;
        if (id.empty()) continue;
        auto [it, fresh] = seen.emplace(id, i);
        if (!fresh) err(at(at("/rules", i), "id"), "duplicate rule id " + qt(id) + " (also /rules/" + std::to_string(it->second) + ")");
      }
    }
  }
  if (const json* t = field(b, "team", "", false)) p_->team = esc::parseTeam(*t, categories, errors_);
  return p_;
}

void compileAutomata(Policy& p, std::vector<PendingKey>& keys) {
  // Group by view kind; keys of one kind share an automaton; entries are bucketed by key id.
  std::stable_sort(keys.begin(), keys.end(), [](const PendingKey& a, const PendingKey& b) { return a.view < b.view; });
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j].view == keys[i].view) ++j;
    Automaton a;
    a.view = keys[i].view;
    std::vector<int32_t> ids(j - i);
    for (size_t k = i; k < j; ++k) ids[k - i] = a.ac.add(keys[k].key);
    a.ac.build();
    const size_t n = a.ac.keyCount();
    a.entryStart.assign(n + 1, 0);
    for (int32_t id : ids) ++a.entryStart[size_t(id) + 1];
    for (size_t k = 0; k < n; ++k) a.entryStart[k + 1] += a.entryStart[k];
    a.entries.resize(j - i);
    std::vector<uint32_t> fill(a.entryStart.begin(), a.entryStart.end() - 1);
    for (size_t k = i; k < j; ++k) {
      const Entry& e = keys[k].entry;
      a.entries[fill[size_t(ids[k - i])]++] = e;
      if (e.role == Role::Allow) a.sources |= kBoth;
      else if (p.rules[e.rule].enabled) a.sources |= p.rules[e.rule].appliesTo;
    }
    p.automata.push_back(std::move(a));
    i = j;
  }
}

}  // namespace

LoadResult load(std::string_view bundleJson, const BundleFiles& files) {
  LoadResult result;
  json b;
  if (!readJson(bundleJson, kMaxBundleBytes, kMaxDepth, b, result.errors)) return result;
  Loader loader(result.errors, files);
  std::shared_ptr<Policy> p = loader.run(b);
  if (!result.errors.empty() || !p) return {nullptr, std::move(result.errors)};
  compileAutomata(*p, loader.keys());
  UErrorCode status = U_ZERO_ERROR;
  p->wordBreak.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) p->wordBreak.reset();
  if (!p->wordBreak) {
    result.errors.push_back({"", "ICU break iteration data is missing; the bundle cannot be checked"});
    return {nullptr, std::move(result.errors)};
  }
  if (std::any_of(p->rules.begin(), p->rules.end(), [](const Rule& r) { return r.kind == RuleKind::Classifier; })) {
    p->classifierBreaks = classify::Breakers::create();
    if (!p->classifierBreaks.ok()) {
      result.errors.push_back({"", "ICU sentence break data is missing; the bundle's classifier cannot run"});
      return {nullptr, std::move(result.errors)};
    }
  }
  result.policy = std::move(p);
  return result;
}

}  // namespace rg::policy
