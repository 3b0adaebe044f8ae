#include "checker.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "context.h"
#include "match/compound.h"
#include "text/ascii_word_boundary.h"
#include "text/utf.h"

namespace rg::eval {
namespace {

using text::Span;
using text::View;

// Word boundaries of the original text, computed only at candidate offsets.
class Boundaries {
 public:
  Boundaries(const Policy& p, std::u16string_view t) : policy_(p), text_(t) {}
  ~Boundaries() {
    if (!bi_) return;
    utext_close(&ut_);
    policy_.wordBreaks.give(std::move(bi_));  // kept for the next check (setText resets it)
  }
  bool at(uint32_t offset) {
    if (offset == 0 || offset >= text_.size()) return true;
    // Most offsets lie between ASCII letters, digits and spaces: decided without ICU (its answer there).
    if (const int known = text::asciiWordBoundary(text_, offset); known >= 0) return known == 1;
    return iter().isBoundary(int32_t(offset));
  }
  // The enclosing word's end / start (a prefix match "Depp" covers "Deppenverein").
  uint32_t wordEnd(uint32_t offset) {
    if (at(offset)) return offset;
    int32_t e = iter().following(int32_t(offset));
    return e == icu::BreakIterator::DONE ? uint32_t(text_.size()) : uint32_t(e);
  }
  uint32_t wordStart(uint32_t offset) {
    if (at(offset)) return offset;
    int32_t b = iter().preceding(int32_t(offset));
    return b == icu::BreakIterator::DONE ? 0 : uint32_t(b);
  }

 private:
  icu::BreakIterator& iter() {
    if (!bi_) {
      UErrorCode status = U_ZERO_ERROR;
      bi_ = policy_.wordBreaks.take();
      if (!bi_) bi_.reset(policy_.wordBreak->clone());
      utext_openUChars(&ut_, text_.data(), int64_t(text_.size()), &status);
      bi_->setText(&ut_, status);
    }
    return *bi_;
  }

  const Policy& policy_;
  std::u16string_view text_;
  std::unique_ptr<icu::BreakIterator> bi_;
  UText ut_ = UTEXT_INITIALIZER;
};

// Occurrences of all automaton keys relevant to `source`, with match modes checked.
void scanAutomata(const Policy& p, std::u16string_view textIn, uint8_t source, const std::vector<uint8_t>& active,
                  std::vector<Occurrence>& occ) {
  bool any = false;
  for (const Automaton& a : p.automata) any |= (a.sources & source) != 0;
  if (!any) return;
  View base;
  text::foldBase(textIn, base);
  Boundaries bounds(p, textIn);
  // Every pass runs once per view it applies to: views with the same passes on the way (an insult
  // view and its two-letter twin, the leet pass of several views) share their outputs.
  text::PassMemo memo(base);
  for (const Automaton& a : p.automata) {
    if (!(a.sources & source)) continue;
    bool twinIdle = false;
    const View& v = a.view == 0 ? base : memo.view(a.view, &a.words, a.wordsId, &twinIdle);
    if (twinIdle) continue;
    a.ac.scan(v.text, [&](int32_t key, size_t end) {
      const size_t start = end - a.ac.keyLength(key);
      const Span span{v.map[start].begin, v.map[end - 1].end};
      int startOk = -1, endOk = -1;  // computed on demand, once per occurrence
      auto startGood = [&] {
        if (startOk < 0) startOk = v.startsSpan(start) && bounds.at(span.begin);
        return startOk == 1;
      };
      auto endGood = [&] {
        if (endOk < 0) endOk = v.endsSpan(end - 1) && bounds.at(span.end);
        return endOk == 1;
      };
      bool obf = false;
      if (!v.obf.empty())
        for (size_t k = start; k < end && !obf; ++k) obf = v.obf[k] != 0;
      for (uint32_t i = a.entryStart[size_t(key)]; i < a.entryStart[size_t(key) + 1]; ++i) {
        const Entry& e = a.entries[i];
        if (e.role != Role::Allow && e.role != Role::Cue && !active[e.rule]) continue;
        bool ok = true;
        switch (e.mode) {
          case MatchMode::Word:
          case MatchMode::Stem: ok = startGood() && endGood(); break;
          case MatchMode::Compound: ok = match::compoundPart(v, start, end, startGood()); break;
          case MatchMode::Prefix: ok = startGood(); break;
          case MatchMode::Suffix: ok = endGood(); break;
          case MatchMode::Substring: break;
        }
        if (!ok) continue;
        Span found = span;
        // A prefix/suffix/substring/compound term, exception or allow phrase covers the whole word it is in.
        if ((e.role == Role::Term || e.role == Role::Exception || e.role == Role::Allow) && e.mode != MatchMode::Word &&
            e.mode != MatchMode::Stem) {
          if (e.mode != MatchMode::Suffix) found.end = bounds.wordEnd(span.end);
          if (e.mode != MatchMode::Prefix) found.begin = bounds.wordStart(span.begin);
        }
        occ.push_back({e.rule, e.role, e.item, found, obf});
      }
    });
  }
}

}  // namespace

std::string adaptReplacement(const std::string& replacement, std::u16string_view found) {
  if (found.empty() || replacement.empty()) return replacement;
  size_t l;
  char32_t f = text::codePointAt(found, 0, l);
  if (!u_isupper(UChar32(f))) return replacement;
  std::u16string r = text::toUtf16(replacement);
  char32_t c = text::codePointAt(r, 0, l);
  if (!u_islower(UChar32(c))) return replacement;
  char32_t up = char32_t(u_toupper(UChar32(c)));
  if (l != 1 || up > 0xFFFF) return replacement;
  r[0] = char16_t(up);
  return text::toUtf8(r);
}

void checkText(const Policy& p, std::u16string_view t, uint8_t source, const std::string& platform, Outcome& out) {
  const size_t n = p.rules.size();
  std::vector<uint8_t> active(n, 0);
  for (size_t i = 0; i < n; ++i) active[i] = p.rules[i].enabled && p.rules[i].kind && (p.rules[i].appliesTo & source);

  std::vector<Occurrence> occ;
  scanAutomata(p, t, source, active, occ);

  CoverIndex allow;
  std::vector<Occurrence> cues;  // negation and hedge words, for rules with "unless"
  {
    std::vector<Span> spans;
    for (const Occurrence& o : occ) {
      if (o.role == Role::Allow) spans.push_back(o.span);
      else if (o.role == Role::Cue) cues.push_back(o);
    }
    allow.assign(std::move(spans));
  }
  // (CheckContext looks cues up by position)
  std::stable_sort(cues.begin(), cues.end(), [](const Occurrence& a, const Occurrence& b) { return a.span.begin < b.span.begin; });
  // Occurrences grouped by rule (allow phrases carry rule 0 and are skipped by role).
  std::stable_sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) { return a.rule < b.rule; });

  const size_t firstFinding = out.findings.size();
  RegexBudget budget = RegexBudget::forText(t.size());
  CheckContext ctx(p, t, source, platform, out, allow, budget);
  ctx.cues = cues;
  auto o = occ.begin();
  for (uint32_t ri = 0; ri < n; ++ri) {
    auto from = o;
    while (o != occ.end() && o->rule == ri) ++o;
    if (!active[ri]) continue;
    const Rule& r = p.rules[ri];
    ctx.rule = ri;
    ctx.occurrences = std::span<const Occurrence>(occ.data() + (from - occ.begin()), size_t(o - from));
    r.kind->check(*r.settings, ctx);
  }

  // One finding per span and rule: overlapping findings of a rule merge into their union (the
  // first replacements found are kept for the part they stand for; the highest confidence wins).
  auto first = out.findings.begin() + std::ptrdiff_t(firstFinding);
  std::sort(first, out.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.confidence > b.confidence;
  });
  auto keep = first;
  for (auto it = first; it != out.findings.end(); ++it) {
    if (keep != first) {
      Finding& cur = *(keep - 1);
      const bool same = it->begin == cur.begin && it->end == cur.end;
      const bool classified = it->detail != UINT32_MAX || cur.detail != UINT32_MAX;  // one per label
      if (it->rule == cur.rule && !classified && (it->begin < cur.end || same)) {
        cur.end = std::max(cur.end, it->end);
        cur.confidence = std::max(cur.confidence, it->confidence);
        if (!cur.replacements && it->replacements) {
          cur.replacements = it->replacements;
          cur.replBegin = it->replBegin;
          cur.replEnd = it->replEnd;
        }
        continue;
      }
    }
    *keep++ = *it;
  }
  out.findings.erase(keep, out.findings.end());
}

std::u16string replacementFor(const Finding& f, std::u16string_view text, const std::string& replacement) {
  std::u16string_view replaced = text.substr(f.replBegin, f.replEnd - f.replBegin);
  std::u16string r(text.substr(f.begin, f.replBegin - f.begin));
  r += text::toUtf16(adaptReplacement(replacement, replaced));
  r += text.substr(f.replEnd, f.end - f.replEnd);
  return r;
}

// A classifier's message: {category} becomes the category's label, {words} the quoted words.
static std::string classifierMessage(const Policy& p, const Rule& r, const std::string& category,
                                     const std::vector<std::string>& words, const std::string& lang) {
  std::string msg = r.message.get(lang);
  std::string label = category;
  if (p.categories.is_object() && p.categories.contains(category)) {
    const auto& c = p.categories[category];
    if (c.contains("label") && c["label"].is_object()) {
      const auto& lj = c["label"];
      const char* first = lang == "de" ? "de" : "en";
      const char* second = lang == "de" ? "en" : "de";
      if (lj.contains(first)) label = lj[first].get<std::string>();
      else if (lj.contains(second)) label = lj[second].get<std::string>();
    }
  }
  std::string quoted;
  for (const std::string& w : words) {
    if (!quoted.empty()) quoted += ", ";
    quoted += lang == "de" ? "\u201E" + w + "\u201C" : "\u201C" + w + "\u201D";
  }
  if (quoted.empty()) quoted = "\u2014";
  for (auto [key, value] : {std::pair<std::string, const std::string*>{"{category}", &label}, {"{words}", &quoted}})
    for (size_t pos = msg.find(key); pos != std::string::npos; pos = msg.find(key, pos + value->size()))
      msg.replace(pos, key.size(), *value);
  return msg;
}

nlohmann::json renderResult(const Policy& p, const CheckRequest& req, Outcome& o) {
  using nlohmann::json;
  std::stable_sort(o.findings.begin(), o.findings.end(), [&](const Finding& a, const Finding& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    if (a.rule != b.rule) return p.rules[a.rule].id < p.rules[b.rule].id;
    return a.source < b.source;
  });
  const std::string lang = req.lang == "de" ? "de" : "en";
  json findings(json::value_t::array);
  findings.get_ref<json::array_t&>().reserve(o.findings.size());
  for (const Finding& f : o.findings) {
    const Rule& r = p.rules[f.rule];
    std::u16string_view src = f.source == kIncoming ? req.incoming : req.reply;
    std::u16string_view found = src.substr(f.begin, f.end - f.begin);
    // Built in place: initializer lists would copy every value once more.
    json j(json::value_t::object);
    auto& obj = j.get_ref<json::object_t&>();
    const Detail* d = f.detail < o.details.size() ? &o.details[f.detail] : nullptr;
    obj.emplace("rule", r.id);
    obj.emplace("category", d ? *d->category : r.category);
    obj.emplace("severity", severityName(d ? d->severity : r.severity));
    obj.emplace("begin", f.begin);
    obj.emplace("end", f.end);
    obj.emplace("text", text::toUtf8(found));
    if (d) {
      std::vector<std::string> words;
      for (auto [b, e] : d->words) words.push_back(text::toUtf8(src.substr(b, e - b)));
      obj.emplace("message", classifierMessage(p, r, *d->category, words, lang));
      obj.emplace("words", std::move(words));
    } else {
      obj.emplace("message", r.message.get(lang));
    }
    obj.emplace("confidence", f.confidence);
    if (f.phoneType) obj.emplace("detail", json{{"phone_type", f.phoneType}, {"region", f.phoneRegion}});
    obj.emplace("source", f.source == kIncoming ? "incoming" : "reply");
    if (!r.suggestion.empty()) obj.emplace("suggestion", r.suggestion.get(lang));
    if (!r.link.empty()) obj.emplace("link", r.link);
    if (f.replacements) {
      json repl(json::value_t::array);
      for (const Localized& l : *f.replacements) repl.push_back(text::toUtf8(replacementFor(f, src, l.get(lang))));
      obj.emplace("replacements", std::move(repl));
    }
    findings.push_back(std::move(j));
  }
  json warnings = json::array();
  for (const Warning& w : o.warnings)
    warnings.push_back({{"rule", p.rules[w.rule].id},
                        {"source", w.source == kIncoming ? "incoming" : "reply"},
                        {"message", w.message}});
  return {{"findings", std::move(findings)}, {"warnings", std::move(warnings)}};
}

}  // namespace rg::eval
