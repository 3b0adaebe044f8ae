#include "loader.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include <unicode/errorcode.h>

#include "escalation/team.h"
#include "json_reader.h"
#include "policy.h"
#include "rule_compiler.h"
#include "models.h"
#include "rules/kind.h"
#include "text/utf.h"
#include "validator.h"

namespace rg::policy {
namespace {

using nlohmann::json;
using text::ViewKind;

const std::vector<std::string_view> kCommonKeys = {"id", "kind", "category", "severity", "message", "link",
                                                   "suggestion", "applies_to", "examples", "enabled"};

class Loader {
 public:
  Loader(std::vector<BundleError>& errors, const BundleFiles& files, bool knownValid)
      : v_(errors), files_(files), knownValid_(knownValid) {}

  std::shared_ptr<Policy> run(const json& b);
  std::vector<PendingKey>& keys() { return compiler_->keys(); }
  std::vector<BundleError>& warnings() { return compiler_->warnings(); }

 private:
  static std::string at(const std::string& ptr, std::string_view key) { return Validator::at(ptr, key); }
  static std::string at(const std::string& ptr, size_t i) { return Validator::at(ptr, i); }
  bool examples(const json& v, const std::string& ptr, Rule& r);
  void ruleKeys(const json& v, const std::string& ptr, const rules::Kind* kind);
  void rule(const json& v, const std::string& ptr, uint32_t index, const json& categories);

  Validator v_;
  const BundleFiles& files_;
  bool knownValid_;
  std::shared_ptr<Policy> p_;
  std::unique_ptr<RuleCompiler> compiler_;
};

bool Loader::examples(const json& v, const std::string& ptr, Rule& r) {
  if (!v_.object(v, ptr, {"flag", "pass"})) return false;
  bool ok = true;
  for (const char* which : {"flag", "pass"}) {
    const std::string lp = at(ptr, which);
    const json* list = v_.field(v, which, ptr, true);
    if (!list) { ok = false; continue; }
    if (!v_.array(*list, lp)) { ok = false; continue; }
    if (list->empty()) { v_.err(lp, "needs at least one example"); ok = false; continue; }
    const bool isFlag = std::string(which) == "flag";
    for (size_t i = 0; i < list->size(); ++i) {
      const json& e = (*list)[i];
      const std::string ep = at(lp, i);
      Example ex;
      if (e.is_string()) {
        ex.display = e.get<std::string>();
      } else if (e.is_object()) {
        if (isFlag) v_.onlyKeys(e, ep, {"text", "span", "platform"}); else v_.onlyKeys(e, ep, {"text", "platform"});
        const json* t = v_.field(e, "text", ep, true);
        if (!t || !v_.string(*t, at(ep, "text"), ex.display, false)) { ok = false; continue; }
        if (const json* pl = v_.field(e, "platform", ep, false)) ok &= v_.string(*pl, at(ep, "platform"), ex.platform);
        if (const json* sp = isFlag ? v_.field(e, "span", ep, false) : nullptr) {
          const std::string spp = at(ep, "span");
          std::u16string t16 = text::toUtf16(ex.display);
          int64_t b = 0, en = 0;
          if (!sp->is_array() || sp->size() != 2) {
            v_.err(spp, "must be [begin, end]");
            ok = false;
          } else if (v_.integer((*sp)[0], at(spp, 0), 0, int64_t(t16.size()), b) &&
                     v_.integer((*sp)[1], at(spp, 1), 0, int64_t(t16.size()), en)) {
            if (b > en) { v_.err(spp, "begin must not be after end"); ok = false; }
            ex.hasSpan = true;
            ex.begin = uint32_t(b);
            ex.end = uint32_t(en);
          } else {
            ok = false;
          }
        }
      } else {
        v_.err(ep, std::string("must be a string or an object, not ") + Validator::typeName(e));
        ok = false;
        continue;
      }
      ex.text = text::toUtf16(ex.display);
      (isFlag ? r.flag : r.pass).push_back(std::move(ex));
    }
  }
  return ok;
}

// Keys allowed by the rule's kind; with an unknown kind only keys of no kind at all are reported.
void Loader::ruleKeys(const json& v, const std::string& ptr, const rules::Kind* kind) {
  auto in = [](const std::vector<std::string_view>& keys, const std::string& k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& k = it.key();
    if (in(kCommonKeys, k) || (kind && in(kind->keys, k))) continue;
    bool otherKind = false;
    for (const rules::Kind* o : rules::kinds()) otherKind |= in(o->keys, k);
    if (kind && otherKind)
      v_.err(at(ptr, k), "key " + Validator::quoted(k) + " does not apply to kind " + Validator::quoted(kind->name));
    else if (!otherKind)
      v_.err(at(ptr, k), "unknown key " + Validator::quoted(k));
  }
}

void Loader::rule(const json& v, const std::string& ptr, uint32_t index, const json& categories) {
  Rule r;
  if (!v_.object(v, ptr)) {
    p_->rules.push_back(std::move(r));
    return;
  }
  if (const json* kindV = v_.field(v, "kind", ptr, true)) {
    int k = v_.oneOf(*kindV, at(ptr, "kind"), rules::kindNames());
    if (k >= 0) r.kind = rules::kinds()[size_t(k)];
  }
  ruleKeys(v, ptr, r.kind);

  if (const json* id = v_.field(v, "id", ptr, true); id && v_.string(*id, at(ptr, "id"), r.id)) {
    if (!validId(r.id, 128)) v_.err(at(ptr, "id"), "must match ^[a-z0-9][a-z0-9._-]*$ (at most 128 characters)");
  }
  // A classifier reports the categories named in its "labels"; every other kind has one category.
  const bool classifier = r.kind && r.kind->name == "classifier";
  if (classifier && v.contains("category"))
    v_.err(at(ptr, "category"), "does not apply to kind \"classifier\"; its categories are the keys of \"labels\"");
  else if (const json* c = v_.field(v, "category", ptr, !classifier); c && v_.string(*c, at(ptr, "category"), r.category)) {
    if (!categories.is_object() || !categories.contains(r.category))
      v_.err(at(ptr, "category"), "category " + Validator::quoted(r.category) + " is not declared in /categories");
  }
  if (const json* s = v_.field(v, "severity", ptr, true)) {
    int k = v_.oneOf(*s, at(ptr, "severity"), {"info", "warn", "block"});
    if (k >= 0) r.severity = Severity(k);
  }
  if (const json* m = v_.field(v, "message", ptr, true)) v_.localizedObject(*m, at(ptr, "message"), r.message);
  if (const json* s = v_.field(v, "suggestion", ptr, false)) v_.localizedObject(*s, at(ptr, "suggestion"), r.suggestion);
  if (const json* l = v_.field(v, "link", ptr, false); l && v_.string(*l, at(ptr, "link"), r.link, true, 2048)) {
    if (r.link.rfind("https://", 0) != 0) v_.err(at(ptr, "link"), "must be an https:// URL");
  }
  if (const json* a = v_.field(v, "applies_to", ptr, false)) {
    int k = v_.oneOf(*a, at(ptr, "applies_to"), {"reply", "incoming", "both"});
    if (k >= 0) r.appliesTo = uint8_t(k + 1);
  }
  if (const json* e = v_.field(v, "enabled", ptr, false)) v_.boolean(*e, at(ptr, "enabled"), r.enabled);
  if (const json* ex = v_.field(v, "examples", ptr, true)) examples(*ex, at(ptr, "examples"), r);

  if (r.kind) {
    compiler_->rule = index;
    r.settings = r.kind->compile(v, ptr, *compiler_);
  }
  p_->rules.push_back(std::move(r));
}

std::shared_ptr<Policy> Loader::run(const json& b) {
  p_ = std::make_shared<Policy>();
  compiler_ = std::make_unique<RuleCompiler>(v_, *p_);
  compiler_->lazyPatterns = knownValid_;
  if (!v_.object(b, "", {"$schema", "format", "id", "version", "name", "description", "languages", "allow",
                         "categories", "rules", "team", "contact_points", "collect_examples", "concepts", "models", "cue_scope"}))
    return nullptr;
  // Whether a responder's "not a problem here" may keep the sentence (else only its keyed hash).
  if (const json* c = v_.field(b, "collect_examples", "", false)) {
    if (!c->is_boolean()) v_.err("/collect_examples", "must be true or false");
    else p_->collectExamples = c->get<bool>();
  }
  if (const json* f = v_.field(b, "format", "", true)) {
    std::string s;
    if (v_.string(*f, "/format", s) && s != "replyguard-bundle/1")
      v_.err("/format", "must be \"replyguard-bundle/1\", not " + Validator::quoted(s));
  }
  if (const json* id = v_.field(b, "id", "", true); id && v_.string(*id, "/id", p_->id) && !validId(p_->id, 64, 2))
    v_.err("/id", "must match ^[a-z0-9][a-z0-9._-]{1,63}$");
  // At most 2^53 − 1: the extension compares versions as JS numbers, exact only up to there.
  if (const json* v = v_.field(b, "version", "", true)) v_.integer(*v, "/version", 1, (int64_t{1} << 53) - 1, p_->version);
  if (const json* n = v_.field(b, "name", "", true)) v_.localizedObject(*n, "/name", p_->name);
  if (const json* d = v_.field(b, "description", "", false)) v_.localizedObject(*d, "/description", p_->description);
  if (const json* l = v_.field(b, "languages", "", true); l && v_.array(*l, "/languages")) {
    if (l->empty()) v_.err("/languages", "needs at least one language");
    static const std::vector<std::string_view> kLangs = {"de", "en"};
    for (size_t i = 0; i < l->size(); ++i) {
      int k = v_.oneOf((*l)[i], at("/languages", i), kLangs);
      if (k >= 0) p_->languages.emplace_back(kLangs[size_t(k)]);
    }
  }
  static const json kNoCategories = json::object();
  const json* cats = v_.field(b, "categories", "", true);
  if (cats && v_.object(*cats, "/categories")) {
    for (auto it = cats->begin(); it != cats->end(); ++it) {
      const std::string cp = at("/categories", it.key());
      if (!validId(it.key(), 128)) v_.err(cp, "category id must match ^[a-z0-9][a-z0-9._-]*$");
      if (!v_.object(it.value(), cp, {"label", "escalation"})) continue;
      Localized label;
      if (const json* l = v_.field(it.value(), "label", cp, true)) v_.localizedObject(*l, at(cp, "label"), label);
      // Without a team a route is still a name: escalate() then says where to escalate, not to whom.
      std::string route;
      if (const json* e = v_.field(it.value(), "escalation", cp, false)) v_.string(*e, at(cp, "escalation"), route);
    }
    p_->categories = *cats;
  }
  const json& categories = (cats && cats->is_object()) ? *cats : kNoCategories;

  if (const json* c = v_.field(b, "contact_points", "", false)) parseContactPoints(*c, "/contact_points", v_, p_->contacts);
  if (const json* c = v_.field(b, "concepts", "", false)) compiler_->concepts(*c, "/concepts");
  // Before the rules: each rule's "unless" starts from the bundle's scope.
  if (const json* c = v_.field(b, "cue_scope", "", false)) p_->cueScope = compiler_->cueScope(*c, "/cue_scope", p_->cueScope);
  if (const json* a = v_.field(b, "allow", "", false))
    compiler_->termList(*a, "/allow", 0, MatchMode::Word, Role::Allow, nullptr, 0, true);

  // Models before rules: a classifier rule refers to one by id.
  if (const json* m = v_.field(b, "models", "", false)) parseModels(*m, files_, p_->models, v_.errors());

  if (const json* rules = v_.field(b, "rules", "", true); rules && v_.array(*rules, "/rules")) {
    if (rules->size() > kMaxRules) {
      v_.err("/rules", "has " + std::to_string(rules->size()) + " rules; the limit is " + std::to_string(kMaxRules));
    } else {
      std::unordered_map<std::string, size_t> seen;
      for (size_t i = 0; i < rules->size(); ++i) {
        rule((*rules)[i], at("/rules", i), uint32_t(i), categories);
        const std::string& id = p_->rules.back().id;
        if (id.empty()) continue;
        auto [it, fresh] = seen.emplace(id, i);
        if (!fresh)
          v_.err(at(at("/rules", i), "id"),
                 "duplicate rule id " + Validator::quoted(id) + " (also /rules/" + std::to_string(it->second) + ")");
      }
    }
  }
  compiler_->addCues();
  if (const json* t = v_.field(b, "team", "", false)) p_->team = esc::parseTeam(*t, categories, v_.errors());
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
    if (a.view & (text::kMasks | text::kLeet)) {
      for (size_t k = i; k < j; ++k) a.words.addKey(keys[k].key);
      a.words.build();
    }
    const size_t n = a.ac.keyCount();
    a.entryStart.assign(n + 1, 0);
    for (int32_t id : ids) ++a.entryStart[size_t(id) + 1];
    for (size_t k = 0; k < n; ++k) a.entryStart[k + 1] += a.entryStart[k];
    a.entries.resize(j - i);
    std::vector<uint32_t> fill(a.entryStart.begin(), a.entryStart.end() - 1);
    for (size_t k = i; k < j; ++k) {
      const Entry& e = keys[k].entry;
      a.entries[fill[size_t(ids[k - i])]++] = e;
      if (e.role == Role::Allow || e.role == Role::Cue) a.sources |= kBoth;
      else if (p.rules[e.rule].enabled) a.sources |= p.rules[e.rule].appliesTo;
    }
    a.wordsId = uint32_t(p.automata.size());
    for (size_t k = 0; k < p.automata.size(); ++k)
      if (p.automata[k].words == a.words) {
        a.wordsId = uint32_t(k);
        break;
      }
    p.automata.push_back(std::move(a));
    i = j;
  }
}

}  // namespace

LoadResult load(std::string_view bundleJson, const BundleFiles& files, bool knownValid) {
  LoadResult result;
  json b;
  if (!readJson(bundleJson, kMaxBundleBytes, kMaxDepth, b, result.errors)) return result;
  Loader loader(result.errors, files, knownValid);
  std::shared_ptr<Policy> p = loader.run(b);
  if (!result.errors.empty() || !p) return {nullptr, std::move(result.errors), {}};
  compileAutomata(*p, loader.keys());
  p->literals.exact.build();
  p->literals.folded.build();
  result.warnings = std::move(loader.warnings());
  UErrorCode status = U_ZERO_ERROR;
  p->wordBreak.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) p->wordBreak.reset();
  if (!p->wordBreak) {
    result.errors.push_back({"", "ICU break iteration data is missing; the bundle cannot be checked"});
    return {nullptr, std::move(result.errors), {}};
  }
  if (p->cuesUsed || p->needsSentences) {
    UErrorCode sstatus = U_ZERO_ERROR;
    p->sentenceBreak.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), sstatus));
    if (U_FAILURE(sstatus) || !p->sentenceBreak) {
      result.errors.push_back({"", "ICU sentence break data is missing; rules that work per sentence cannot be checked"});
      return {nullptr, std::move(result.errors), {}};
    }
  }
  if (std::any_of(p->rules.begin(), p->rules.end(), [](const Rule& r) { return r.kind && r.kind->name == "classifier"; })) {
    p->classifierBreaks = classify::Breakers::create();
    if (!p->classifierBreaks.ok()) {
      result.errors.push_back({"", "ICU sentence break data is missing; the bundle's classifier cannot run"});
      return {nullptr, std::move(result.errors), {}};
    }
  }
  result.policy = std::move(p);
  return result;
}

}  // namespace rg::policy
