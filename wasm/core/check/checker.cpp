#include "checker.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "classify/classify.h"
#include "detect/metrics.h"
#include "regex_run.h"
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
    if (bi_) utext_close(&ut_);
  }
  bool at(uint32_t offset) {
    if (offset == 0 || offset >= text_.size()) return true;
    if (!bi_) {
      UErrorCode status = U_ZERO_ERROR;
      bi_.reset(policy_.wordBreak->clone());
      utext_openUChars(&ut_, text_.data(), int64_t(text_.size()), &status);
      bi_->setText(&ut_, status);
    }
    return bi_->isBoundary(int32_t(offset));
  }
  // The enclosing word's end / start (a prefix match "Depp" covers "Deppenverein").
  uint32_t wordEnd(uint32_t offset) {
    if (at(offset)) return offset;
    int32_t e = bi_->following(int32_t(offset));
    return e == icu::BreakIterator::DONE ? uint32_t(text_.size()) : uint32_t(e);
  }
  uint32_t wordStart(uint32_t offset) {
    if (at(offset)) return offset;
    int32_t b = bi_->preceding(int32_t(offset));
    return b == icu::BreakIterator::DONE ? 0 : uint32_t(b);
  }

 private:
  const Policy& policy_;
  std::u16string_view text_;
  std::unique_ptr<icu::BreakIterator> bi_;
  UText ut_ = UTEXT_INITIALIZER;
};

struct Occurrence {
  uint32_t rule;
  Role role;
  uint32_t item;
  Span span;
  bool obfuscated;
};

// Spans (allow phrases, exceptions) answering "does one of you cover this span?" in O(log n).
class CoverIndex {
 public:
  void assign(std::vector<Span> spans) {
    spans_ = std::move(spans);
    std::sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    maxEnd_.resize(spans_.size());
    uint32_t m = 0;
    for (size_t i = 0; i < spans_.size(); ++i) maxEnd_[i] = m = std::max(m, spans_[i].end);
  }
  bool covers(const Span& s) const {
    // Among spans beginning at or before s.begin, the furthest end decides.
    auto it = std::upper_bound(spans_.begin(), spans_.end(), s.begin, [](uint32_t b, const Span& x) { return b < x.begin; });
    return it != spans_.begin() && maxEnd_[size_t(it - spans_.begin()) - 1] >= s.end;
  }

 private:
  std::vector<Span> spans_;
  std::vector<uint32_t> maxEnd_;
};

double round2(double x) { return std::round(x * 100.0) / 100.0; }

std::string domainOf(std::u16string_view hit, detect::Kind kind) {
  std::string s = text::toUtf8(hit);
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; });
  if (kind == detect::Kind::Email) {
    auto at = s.rfind('@');
    return at == std::string::npos ? s : s.substr(at + 1);
  }
  auto scheme = s.find("://");
  if (scheme != std::string::npos) s = s.substr(scheme + 3);
  s = s.substr(0, s.find_first_of("/?#:"));
  if (auto at = s.rfind('@'); at != std::string::npos) s = s.substr(at + 1);
  return s;
}

bool domainAllowed(const std::string& domain, const std::vector<std::string>& allowed) {
  for (const std::string& d : allowed) {
    if (domain == d) return true;
    if (domain.size() > d.size() && domain.compare(domain.size() - d.size(), d.size(), d) == 0 &&
        domain[domain.size() - d.size() - 1] == '.')
      return true;
  }
  return false;
}

// Occurrences of all automaton keys relevant to `source`, with match modes checked.
void scanAutomata(const Policy& p, std::u16string_view textIn, uint8_t source, const std::vector<uint8_t>& active,
                  std::vector<Occurrence>& occ) {
  bool any = false;
  for (const Automaton& a : p.automata) any |= (a.sources & source) != 0;
  if (!any) return;
  View base, scratchA, scratchB;
  text::foldBase(textIn, base);
  Boundaries bounds(p, textIn);
  for (const Automaton& a : p.automata) {
    if (!(a.sources & source)) continue;
    const View& v = a.view == 0 ? base : text::applyPasses(base, a.view, scratchA, scratchB);
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
        if (e.role != Role::Allow && !active[e.rule]) continue;
        bool ok = true;
        switch (e.mode) {
          case MatchMode::Word: ok = startGood() && endGood(); break;
          case MatchMode::Prefix: ok = startGood(); break;
          case MatchMode::Suffix: ok = endGood(); break;
          case MatchMode::Substring: break;
        }
        if (!ok) continue;
        Span found = span;
        if (e.role == Role::Term && e.mode != MatchMode::Word) {
          if (e.mode != MatchMode::Suffix) found.end = bounds.wordEnd(span.end);
          if (e.mode != MatchMode::Prefix) found.begin = bounds.wordStart(span.begin);
        }
        occ.push_back({e.rule, e.role, e.item, found, obf});
      }
    });
  }
}

void addWarning(const Policy& p, Outcome& out, uint32_t rule, uint8_t source, RegexOutcome r) {
  (void)p;
  out.warnings.push_back({rule, source,
                          r == RegexOutcome::Limit ? "pattern stopped at its step limit; it was skipped for this text"
                                                   : "pattern could not run on this text"});
}

// Classifier rules: a finding per sentence and label at or above its threshold (classify/).
void classifyText(const Policy& p, std::u16string_view t, uint8_t source, const std::vector<uint8_t>& active, Outcome& out) {
  classify::Breakers breaks;
  std::vector<classify::LabelThreshold> labels;
  std::vector<classify::Hit> hits;
  for (uint32_t ri = 0; ri < p.rules.size(); ++ri) {
    const Rule& r = p.rules[ri];
    if (r.kind != RuleKind::Classifier || !active[ri] || !r.model) continue;
    if (!breaks.ok()) breaks = p.classifierBreaks.clone();
    labels.clear();
    for (const ClassLabel& l : r.labels) labels.push_back({l.label, l.threshold});
    hits.clear();
    classify::classify(*r.model, breaks, t, source == kIncoming ? classify::Source::Incoming : classify::Source::Reply,
                       labels, hits);
    for (classify::Hit& h : hits) {
      Detail d{uint32_t(h.rule), {}};
      for (const classify::Span& w : h.words) d.words.push_back({w.begin, w.end});
      out.findings.push_back({ri, h.sentence.begin, h.sentence.end, h.probability, source, nullptr, uint32_t(out.details.size())});
      out.details.push_back(std::move(d));
    }
  }
}

// A classifier's message: {category} becomes the category's label, {words} the quoted words.
std::string classifierMessage(const Policy& p, const Rule& r, const ClassLabel& l, const std::vector<std::string>& words,
                              const std::string& lang) {
  std::string msg = r.message.get(lang);
  std::string label = l.category;
  if (p.categories.is_object() && p.categories.contains(l.category)) {
    const auto& c = p.categories[l.category];
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
  for (auto [key, value] : {std::pair<std::string, const std::string*>{"{category}", &label}, {"{words}", &quoted}}) {
    for (size_t pos = msg.find(key); pos != std::string::npos; pos = msg.find(key, pos + value->size()))
      msg.replace(pos, key.size(), *value);
  }
  return msg;
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
  for (size_t i = 0; i < n; ++i) active[i] = p.rules[i].enabled && (p.rules[i].appliesTo & source);

  std::vector<Occurrence> occ;
  scanAutomata(p, t, source, active, occ);

  CoverIndex allow;
  {
    std::vector<Span> spans;
    for (const Occurrence& o : occ)
      if (o.role == Role::Allow) spans.push_back(o.span);
    allow.assign(std::move(spans));
  }
  auto allowed = [&](const Span& s) { return allow.covers(s); };
  // Exceptions, contexts, triggers and "other" occurrences grouped by rule (occ is small).
  std::stable_sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) { return a.rule < b.rule; });
  auto ofRule = [&](uint32_t rule, Role role, std::vector<Span>& spans) {
    spans.clear();
    auto it = std::lower_bound(occ.begin(), occ.end(), rule, [](const Occurrence& o, uint32_t r) { return o.rule < r; });
    for (; it != occ.end() && it->rule == rule; ++it)
      if (it->role == role) spans.push_back(it->span);
  };

  const size_t firstFinding = out.findings.size();
  std::vector<Span> exceptions, spans, others;
  // terms / substitution
  uint32_t exceptionsOf = UINT32_MAX;
  CoverIndex ruleExceptions;
  for (const Occurrence& o : occ) {
    if (o.role != Role::Term) continue;
    if (o.rule != exceptionsOf) {
      ofRule(o.rule, Role::Exception, exceptions);
      ruleExceptions.assign(exceptions);
      exceptionsOf = o.rule;
    }
    if (allowed(o.span) || ruleExceptions.covers(o.span)) continue;
    const Rule& r = p.rules[o.rule];
    const Replacements* repl = nullptr;
    if (o.item < r.itemReplacements.size() && !r.itemReplacements[o.item].empty()) repl = &r.itemReplacements[o.item];
    else if (!r.replacements.empty()) repl = &r.replacements;
    out.findings.push_back({o.rule, o.span.begin, o.span.end, o.obfuscated ? 0.9 : 1.0, source, repl});
  }

  std::vector<Span> matches;
  for (uint32_t ri = 0; ri < n; ++ri) {
    if (!active[ri]) continue;
    const Rule& r = p.rules[ri];
    switch (r.kind) {
      case RuleKind::Terms:
      case RuleKind::Substitution:
      case RuleKind::Classifier:  // after the de-duplication below: one finding per label and sentence
        break;
      case RuleKind::Cooccurrence: {
        spans.clear();
        if (r.trigger.isTerms) {
          ofRule(ri, Role::Trigger, spans);
        } else if (r.trigger.regex.present()) {
          RegexOutcome ro = regexFind(*r.trigger.regex.pattern, t, spans);
          if (ro != RegexOutcome::Ok) {
            addWarning(p, out, ri, source, ro);
            break;
          }
        }
        spans.erase(std::remove_if(spans.begin(), spans.end(), allowed), spans.end());
        if (spans.empty()) break;
        bool present = false;
        if (r.other.isTerms) {
          ofRule(ri, Role::Other, others);
          present = !others.empty();
        } else if (r.other.regex.present()) {
          others.clear();
          RegexOutcome ro = regexFind(*r.other.regex.pattern, t, others, true);
          if (ro != RegexOutcome::Ok) {
            addWarning(p, out, ri, source, ro);
            break;
          }
          present = !others.empty();
        }
        if (present != r.needsOther)
          for (const Span& s : spans) out.findings.push_back({ri, s.begin, s.end, 1.0, source, nullptr});
        break;
      }
      case RuleKind::Pattern: {
        matches.clear();
        RegexOutcome ro = regexFind(*r.regex.pattern, t, matches);
        if (ro != RegexOutcome::Ok) {
          addWarning(p, out, ri, source, ro);
          break;
        }
        for (const Span& s : matches)
          out.findings.push_back({ri, s.begin, s.end, 1.0, source, r.replacements.empty() ? nullptr : &r.replacements});
        break;
      }
      case RuleKind::Required: {
        // At least min_length characters: cluster min_length - 1 exists (stops counting early).
        if (t.size() < r.minLength || (r.minLength > 0 && metrics::graphemeOffset(t, r.minLength - 1) >= t.size()))
          break;
        matches.clear();
        RegexOutcome ro = regexFind(*r.regex.pattern, t, matches, true);
        if (ro != RegexOutcome::Ok) {
          addWarning(p, out, ri, source, ro);
          break;
        }
        if (matches.empty())
          out.findings.push_back({ri, uint32_t(t.size()), uint32_t(t.size()), 1.0, source, nullptr});
        break;
      }
      case RuleKind::Detector: {
        std::vector<detect::Hit> hits = detect::find(r.detector, t);
        if (hits.empty()) break;
        ofRule(ri, Role::Context, spans);
        for (const detect::Hit& h : hits) {
          if (!r.allowDomains.empty() && domainAllowed(domainOf(t.substr(h.begin, h.end - h.begin), r.detector), r.allowDomains))
            continue;
          double conf = h.confidence;
          // A context word within 40 characters of the hit raises the confidence.
          const int64_t lo = int64_t(h.begin) - 40, hi = int64_t(h.end) + 40;
          bool context = std::any_of(spans.begin(), spans.end(), [&](const Span& c) {
            return int64_t(c.end) >= lo && int64_t(c.begin) <= hi && !(c.begin >= h.begin && c.end <= h.end);
          });
          if (context) conf = std::min(1.0, conf + 0.3);
          conf = round2(conf);
          if (conf < r.minConfidence) continue;
          out.findings.push_back({ri, h.begin, h.end, conf, source, nullptr});
        }
        break;
      }
      case RuleKind::Metric: {
        const double limit = r.limitFor(platform);
        if (r.metric == MetricKind::Length) {
          const uint32_t max = uint32_t(std::min(limit, 4294967295.0));
          // More than max characters: cluster `max` exists; it starts the part beyond the limit.
          const uint32_t beyond = t.size() > max ? metrics::graphemeOffset(t, max) : uint32_t(t.size());
          if (beyond < t.size()) out.findings.push_back({ri, beyond, uint32_t(t.size()), 1.0, source, nullptr});
        } else if (r.metric == MetricKind::CapsRatio) {
          metrics::CapsCount cc = metrics::capsRatio(t);
          if (cc.letters >= r.minLetters && cc.ratio() > limit)
            out.findings.push_back({ri, 0, uint32_t(t.size()), 1.0, source, nullptr});
        } else {
          for (const metrics::Span& s : metrics::exclamationRuns(t, uint32_t(limit)))
            out.findings.push_back({ri, s.begin, s.end, 1.0, source, nullptr});
        }
        break;
      }
    }
  }

  // Per rule: drop exact duplicates and findings inside a longer finding of the same rule.
  auto first = out.findings.begin() + std::ptrdiff_t(firstFinding);
  std::sort(first, out.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.rule != b.rule) return a.rule < b.rule;
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.confidence > b.confidence;
  });
  auto keep = first;
  uint32_t rule = UINT32_MAX, maxEnd = 0;
  for (auto it = first; it != out.findings.end(); ++it) {
    if (it->rule != rule) {
      rule = it->rule;
      maxEnd = it->end;
    } else if (it->end <= maxEnd) {
      continue;  // sorted by begin: this one lies inside an earlier finding of the rule
    } else {
      maxEnd = it->end;
    }
    *keep++ = *it;
  }
  out.findings.erase(keep, out.findings.end());

  classifyText(p, t, source, active, out);
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
    const ClassLabel* label = d ? &r.labels[d->label] : nullptr;
    obj.emplace("rule", r.id);
    obj.emplace("category", label ? label->category : r.category);
    obj.emplace("severity", severityName(label ? label->severity : r.severity));
    obj.emplace("begin", f.begin);
    obj.emplace("end", f.end);
    obj.emplace("text", text::toUtf8(found));
    if (label) {
      std::vector<std::string> words;
      for (auto [b, e] : d->words) words.push_back(text::toUtf8(src.substr(b, e - b)));
      obj.emplace("message", classifierMessage(p, r, *label, words, lang));
      obj.emplace("words", std::move(words));
    } else {
      obj.emplace("message", r.message.get(lang));
    }
    obj.emplace("confidence", f.confidence);
    obj.emplace("source", f.source == kIncoming ? "incoming" : "reply");
    if (!r.suggestion.empty()) obj.emplace("suggestion", r.suggestion.get(lang));
    if (!r.link.empty()) obj.emplace("link", r.link);
    if (f.replacements) {
      json repl(json::value_t::array);
      for (const Localized& l : *f.replacements) repl.push_back(adaptReplacement(l.get(lang), found));
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
