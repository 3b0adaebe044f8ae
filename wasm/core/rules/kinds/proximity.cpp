// kind "proximity": words of two to five items (concepts or inline terms) close together in one
// sentence: in the given order ("order": "sequence", A then B within N words: "wir … auf jeden
// Fall … Erstattung") or in any order ("any": A near B). Antipatterns cancel a match they
// overlap; "unless" drops a negated or hedged match ("Wir können leider nicht erstatten").
#include <algorithm>

#include "check/context.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

constexpr size_t kMaxItems = 5;

struct ProximitySettings : Settings {
  uint32_t items = 0;
  uint32_t within = 5;  // at most this many words between consecutive items
  bool ordered = true;
  Unless unless;
  Replacements replacements;
  size_t memoryBytes() const override { return sizeof(*this); }
};

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<ProximitySettings>();
  c.policy.needsSentences = true;
  const std::string ip = Validator::at(ptr, "items");
  if (const json* items = c.v.field(rule, "items", ptr, true); items && c.v.array(*items, ip)) {
    if (items->size() < 2 || items->size() > kMaxItems) c.v.err(ip, "needs 2 to 5 items");
    for (size_t i = 0; i < items->size() && i < kMaxItems; ++i) {
      const json& it = (*items)[i];
      const std::string p = Validator::at(ip, i);
      if (it.is_string()) {
        c.conceptTerms(it.get<std::string>(), p, 0, Role::Term, uint32_t(i));
      } else if (it.is_array()) {
        c.termList(it, p, 0, MatchMode::Word, Role::Term, nullptr, uint32_t(i));
      } else {
        c.v.err(p, std::string("must be a concept name or a list of terms, not ") + Validator::typeName(it));
      }
    }
    s->items = uint32_t(std::min(items->size(), kMaxItems));
  }
  int64_t within = 5;
  if (const json* w = c.v.field(rule, "within", ptr, false); w && c.v.integer(*w, Validator::at(ptr, "within"), 0, 50, within))
    s->within = uint32_t(within);
  if (const json* o = c.v.field(rule, "order", ptr, false)) s->ordered = c.v.oneOf(*o, Validator::at(ptr, "order"), {"sequence", "any"}) != 1;
  if (const json* a = c.v.field(rule, "antipatterns", ptr, false))
    c.termList(*a, Validator::at(ptr, "antipatterns"), 0, MatchMode::Word, Role::Exception, nullptr, 0, true);
  if (const json* rp = c.v.field(rule, "replacement", ptr, false))
    c.v.replacements(*rp, Validator::at(ptr, "replacement"), s->replacements);
  s->unless = c.unless(rule, ptr);
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const ProximitySettings&>(settings);
  if (s.items < 2) return;
  std::vector<std::vector<text::Span>> byItem(s.items);
  std::vector<text::Span> anti;
  for (const eval::Occurrence& o : c.occurrences) {
    if (o.role == Role::Term && o.item < s.items && !c.allowed(o.span)) byItem[o.item].push_back(o.span);
    else if (o.role == Role::Exception) anti.push_back(o.span);
  }
  for (auto& v : byItem) {
    if (v.empty()) return;  // an item is missing from the text
    std::sort(v.begin(), v.end(), [](const text::Span& a, const text::Span& b) { return a.begin < b.begin; });
  }
  // Near: in the same sentence, at most `within` words between the two spans (either side).
  auto near = [&](const text::Span& a, const text::Span& b, const text::Span& sentence) {
    if (b.begin < sentence.begin || b.end > sentence.end) return false;
    if (a.begin < b.end && b.begin < a.end) return false;  // overlapping words are one item, not two
    return b.begin >= a.end ? c.wordsBetween(a.end, b.begin) <= s.within : c.wordsBetween(b.end, a.begin) <= s.within;
  };
  for (const text::Span& first : byItem[0]) {
    const text::Span sentence = c.sentenceOf(first.begin);
    std::vector<text::Span> parts{first};
    bool complete = true;
    for (uint32_t i = 1; i < s.items && complete; ++i) {
      const text::Span& prev = parts.back();
      const text::Span* pick = nullptr;
      // Only candidates in the sentence can be near (they are sorted by begin): linear in the text's length.
      const auto& cands = byItem[i];
      auto from = std::lower_bound(cands.begin(), cands.end(), sentence.begin,
                                   [](const text::Span& x, uint32_t b) { return x.begin < b; });
      for (auto it = from; it != cands.end() && it->begin < sentence.end; ++it) {
        const text::Span& cand = *it;
        if (s.ordered && cand.begin < prev.end) continue;
        if (!near(s.ordered ? prev : first, cand, sentence)) continue;
        pick = &cand;
        break;
      }
      if (pick) parts.push_back(*pick);
      else complete = false;
    }
    if (!complete) continue;
    text::Span m = parts[0];
    for (const text::Span& p : parts) m = {std::min(m.begin, p.begin), std::max(m.end, p.end)};
    if (std::any_of(anti.begin(), anti.end(), [&](const text::Span& a) { return a.begin < m.end && m.begin < a.end; }))
      continue;
    if (s.unless && c.governed(m, s.unless, parts)) continue;
    c.emit(m, 1.0, s.replacements.empty() ? nullptr : &s.replacements);
  }
}

}  // namespace

const Kind& kind_proximity() {
  static const Kind k{"proximity", {"items", "within", "order", "antipatterns", "unless", "cue_scope", "replacement"}, compile, check};
  return k;
}

}  // namespace rg::rules
