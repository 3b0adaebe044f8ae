#include "literal_prefilter.h"

#include <algorithm>

#include <unicode/regex.h>
#include <unicode/ustring.h>

namespace rg::policy {
namespace {

constexpr size_t kMaxAlternatives = 48;
constexpr size_t kMaxStarts = 96;

struct Req {
  std::vector<Clause> clauses;
  // Where a match of this part can start: one of `first` (known), or anywhere (unknown). An
  // assertion (\b, lookaround, ^) consumes nothing; a nullable part may also match nothing.
  Clause first;
  bool firstKnown = false;
  bool zeroWidth = false;
  bool nullable = false;
  // A class matching one character ("\\p{Lu}", "[\\p{L}-]") whose source reads the same as a
  // UnicodeSet pattern; empty for anything else.
  std::u16string cls;
};

void addFirst(Clause& to, const Clause& from) {
  for (const Literal& l : from)
    if (std::find(to.begin(), to.end(), l) == to.end()) to.push_back(l);
}

bool isLetterOrDigit(char16_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// A bracket class ICU's regex and ICU's UnicodeSet read alike: literal characters, ranges,
// \p{...}/\P{...} and escaped punctuation; no nested sets, set operators, POSIX names, spaces
// (a UnicodeSet may ignore them), "$" or braces. Anything else is not used for starts.
bool unicodeSetSafe(std::u16string_view c) {
  if (c.size() < 3 || c.front() != u'[' || c.back() != u']') return false;
  size_t k = 1;
  if (c[k] == u'^') ++k;
  for (; k + 1 < c.size(); ++k) {
    const char16_t x = c[k];
    if (x == u'\\') {
      const char16_t e = c[k + 1];
      if (e == u'p' || e == u'P') {
        const size_t end = c.find(u'}', k);
        if (k + 2 >= c.size() || c[k + 2] != u'{' || end == std::u16string_view::npos || end + 1 >= c.size()) return false;
        k = end;
        continue;
      }
      if (k + 2 >= c.size() || isLetterOrDigit(e)) return false;
      ++k;
      continue;
    }
    if (x == u'[' || x == u']' || x == u'&' || x == u'$' || x == u'{' || x == u'}' || x == u':' || x <= u' ' ||
        x == 0x85 || x == 0x200E || x == 0x200F || x == 0x2028 || x == 0x2029)
      return false;
    if (x == u'-' && c[k + 1] == u'-') return false;  // "--": set difference in a regex
  }
  return true;
}

size_t weight(const Literal& l) { return l.digit ? 1 : l.text.size(); }

// Higher is better: a long shortest alternative, then few alternatives.
std::pair<size_t, size_t> score(const Clause& c) {
  size_t m = SIZE_MAX;
  for (const Literal& l : c) m = std::min(m, weight(l));
  return {c.empty() ? 0 : m, SIZE_MAX - c.size()};
}

const Clause* best(const Req& r) {
  const Clause* b = nullptr;
  for (const Clause& c : r.clauses)
    if (!b || score(c) > score(*b)) b = &c;
  return b;
}

class Parser {
 public:
  Parser(std::u16string_view s, bool ci) : s_(s), ci_(ci) {}
  bool failed = false;
  bool done() const { return i_ == s_.size(); }

  // alternation := concat ('|' concat)*
  Req alternation() {
    std::vector<Req> alts{concat()};
    while (i_ < s_.size() && s_[i_] == u'|') {
      ++i_;
      alts.push_back(concat());
    }
    if (alts.size() == 1) return std::move(alts[0]);
    Req out;
    out.firstKnown = true;
    for (const Req& a : alts) {
      out.firstKnown &= a.firstKnown;
      out.nullable |= a.nullable;
      if (out.firstKnown) addFirst(out.first, a.first);
    }
    if (!out.firstKnown) out.first.clear();
    Clause merged;
    for (const Req& a : alts) {
      const Clause* b = best(a);
      if (!b) return out;  // one branch requires nothing: neither does the alternation
      addFirst(merged, *b);
    }
    if (merged.size() > kMaxAlternatives) return out;
    out.clauses = {merged};
    return out;
  }

 private:
  std::u16string_view s_;
  size_t i_ = 0;
  bool ci_;

  Literal lit(std::u16string t) {
    if (ci_) {
      UErrorCode st = U_ZERO_ERROR;
      std::u16string f(t.size() * 3 + 4, u'\0');
      int32_t n = u_strFoldCase(reinterpret_cast<UChar*>(f.data()), int32_t(f.size()),
                                reinterpret_cast<const UChar*>(t.data()), int32_t(t.size()), U_FOLD_CASE_DEFAULT, &st);
      if (U_FAILURE(st)) failed = true;
      f.resize(size_t(std::max(n, 0)));
      t = f;
    }
    return {t, false, {}};
  }

  // concat := (atom quantifier?)*; adjacent single literal characters join into one literal.
  Req concat() {
    Req out;
    std::u16string run;
    // The start: the first sets of the leading parts up to the first one that must consume.
    bool startOpen = true;  // no part that must consume seen yet
    out.firstKnown = true;
    // Leading one-character classes ("\p{Lu}[\p{L}-]*" before "weg"): their union. The match then
    // starts in the run of such characters that ends where the next part's literal starts.
    std::u16string back;
    auto unknownStart = [&] {
      out.firstKnown = false;
      startOpen = false;
    };
    auto startWith = [&](const Req& part, bool optional) {
      if (!startOpen || part.zeroWidth) return;
      if (!part.cls.empty() && out.first.empty()) {
        back += part.cls;
        return;
      }
      if (!back.empty()) {  // the part after the classes must consume and start with a literal
        bool nested = false;
        for (const Literal& l : part.first) nested |= !l.back.empty();
        if (!part.firstKnown || optional || part.nullable || nested) return unknownStart();
        Clause f = part.first;
        for (Literal& l : f) l.back = u"[" + back + u"]";
        addFirst(out.first, f);
        startOpen = false;
        return;
      }
      if (!part.firstKnown) {
        out.firstKnown = false;
        startOpen = false;
        return;
      }
      addFirst(out.first, part.first);
      if (!optional && !part.nullable) startOpen = false;
    };
    auto flush = [&] {
      if (!run.empty()) {
        Literal l = lit(run);
        out.clauses.push_back({l});
        startWith(Req{{}, {l}, true, false, false, {}}, false);
      }
      run.clear();
    };
    while (i_ < s_.size() && s_[i_] != u'|' && s_[i_] != u')' && !failed) {
      std::u16string single;  // the atom is this one literal character
      Req atom = this->atom(single);
      size_t qmin = 1;
      bool quantified = quantifier(qmin);
      if (!single.empty() && !quantified) {
        run += single;
        continue;
      }
      flush();
      if (!single.empty()) {
        atom.clauses.push_back({lit(single)});
        atom.first = {lit(single)};
        atom.firstKnown = true;
      }
      startWith(atom, qmin == 0);
      if (qmin == 0) continue;
      for (Clause& c : atom.clauses) out.clauses.push_back(std::move(c));
    }
    flush();
    if (startOpen) {  // every part may match nothing: the concatenation may start anywhere
      out.nullable = true;
      out.firstKnown = false;
    }
    if (!out.firstKnown) out.first.clear();
    return out;
  }

  // Reads ?, *, +, {n}, {n,}, {n,m} with lazy/possessive suffix; qmin = the minimum repetitions.
  bool quantifier(size_t& qmin) {
    if (i_ >= s_.size()) return false;
    char16_t c = s_[i_];
    if (c == u'?' || c == u'*') qmin = 0;
    else if (c == u'+') qmin = 1;
    else if (c == u'{') {
      size_t j = i_ + 1, n = 0;
      bool digits = false;
      while (j < s_.size() && s_[j] >= u'0' && s_[j] <= u'9') n = n * 10 + size_t(s_[j++] - u'0'), digits = true;
      if (!digits) return false;
      while (j < s_.size() && s_[j] != u'}') ++j;
      if (j >= s_.size()) return failed = true, false;
      qmin = n;
      i_ = j;
    } else {
      return false;
    }
    ++i_;
    if (i_ < s_.size() && (s_[i_] == u'?' || s_[i_] == u'+')) ++i_;
    return true;
  }

  Req atom(std::u16string& single) {
    const char16_t c = s_[i_];
    if (c == u'(') return group();
    if (c == u'[') return charClass();
    if (c == u'\\') return escape(single);
    ++i_;
    if (c == u'^' || c == u'$') return zeroWidth();
    if (c == u'.') return {};
    if (c == u'*' || c == u'+' || c == u'?' || c == u'{') return failed = true, Req{};  // malformed for us
    if (U16_IS_LEAD(c) && i_ < s_.size() && U16_IS_TRAIL(s_[i_])) {
      single = std::u16string{c, s_[i_++]};
      return {};
    }
    single = std::u16string(1, c);
    return {};
  }

  Req group() {
    ++i_;  // '('
    bool require = true, look = false;
    if (i_ < s_.size() && s_[i_] == u'?') {
      ++i_;
      if (i_ >= s_.size()) return failed = true, Req{};
      const char16_t k = s_[i_];
      if (k == u':' || k == u'>') {
        ++i_;
      } else if (k == u'=') {
        ++i_;
        look = true;
      } else if (k == u'!') {
        ++i_;
        require = false;
        look = true;
      } else if (k == u'<' && i_ + 1 < s_.size() && (s_[i_ + 1] == u'=' || s_[i_ + 1] == u'!')) {
        require = s_[i_ + 1] == u'=';
        look = true;
        i_ += 2;
      } else if (k == u'#') {
        while (i_ < s_.size() && s_[i_] != u')') ++i_;
        if (i_ < s_.size()) ++i_;
        return zeroWidth();
      } else {
        // Named groups and inline flags: flags other than "i" change what we read; give up.
        size_t j = i_;
        bool onlyI = true;
        while (j < s_.size() && s_[j] != u')' && s_[j] != u':') {
          if (s_[j] != u'i' && s_[j] != u'-') onlyI = false;
          ++j;
        }
        if (!onlyI || j >= s_.size() || s_.substr(i_, j - i_).find(u'-') != std::u16string_view::npos) return failed = true, Req{};
        ci_ = true;  // (?i) or (?i:...): case-insensitive from here on (conservatively for all)
        if (s_[j] == u')') {
          i_ = j + 1;
          return zeroWidth();
        }
        i_ = j + 1;
      }
    }
    Req inner = alternation();
    if (i_ >= s_.size() || s_[i_] != u')') return failed = true, Req{};
    ++i_;
    if (look) {  // a lookaround consumes nothing; a positive one still requires its literals
      Req z = zeroWidth();
      if (require) z.clauses = std::move(inner.clauses);
      return z;
    }
    return inner;
  }

  static Req zeroWidth() {
    Req r;
    r.zeroWidth = true;
    return r;
  }
  static Req firstOf(Clause c) {
    Req r;
    r.clauses = {c};
    r.first = std::move(c);
    r.firstKnown = true;
    return r;
  }

  Req charClass() {
    // Only simple lists of literal characters ("[£$€]", "[*#]") and [0-9] become requirements.
    size_t j = i_ + 1;
    int depth = 1;
    bool simple = j < s_.size() && s_[j] != u'^';
    Clause alts;
    if (s_.substr(j, 4) == u"0-9]") {
      i_ = j + 4;
      return firstOf(Clause{Literal{u"", true, {}}});
    }
    for (; j < s_.size(); ++j) {
      const char16_t c = s_[j];
      if (c == u'\\') {
        if (j + 1 < s_.size() && !isLetterOrDigit(s_[j + 1])) alts.push_back(lit(std::u16string(1, s_[j + 1])));
        else simple = false;
        ++j;
        continue;
      }
      if (c == u'[') { ++depth; simple = false; continue; }
      if (c == u']' && --depth == 0) break;
      if (c == u'-' || c == u'&' || U16_IS_SURROGATE(c)) simple = false;
      else alts.push_back(lit(std::u16string(1, c)));
    }
    if (j >= s_.size()) return failed = true, Req{};
    const std::u16string_view source = s_.substr(i_, j + 1 - i_);
    i_ = j + 1;
    if (!simple || alts.empty() || alts.size() > 8) {
      Req r;
      if (unicodeSetSafe(source)) r.cls = std::u16string(source);
      return r;
    }
    return firstOf(alts);
  }

  Req escape(std::u16string& single) {
    if (i_ + 1 >= s_.size()) return failed = true, Req{};
    const char16_t e = s_[i_ + 1];
    if (e == u'Q') {  // \Q...\E: literal text
      size_t end = s_.find(u"\\E", i_ + 2);
      std::u16string_view body = s_.substr(i_ + 2, end == std::u16string_view::npos ? std::u16string_view::npos : end - i_ - 2);
      i_ = end == std::u16string_view::npos ? s_.size() : end + 2;
      if (body.empty()) return {};
      // The last character may carry a quantifier: keep it apart.
      if (body.size() > 1) {
        single = std::u16string(body.substr(body.size() - 1));
        return firstOf(Clause{lit(std::u16string(body.substr(0, body.size() - 1)))});
      }
      single = std::u16string(body);
      return {};
    }
    if (e == u'd') {
      i_ += 2;
      return firstOf(Clause{Literal{u"", true, {}}});
    }
    if (e == u'p' || e == u'P' || e == u'N' || e == u'x' || e == u'u' || e == u'U') {
      const size_t from = i_;
      i_ += 2;
      if (i_ < s_.size() && s_[i_] == u'{') {
        size_t end = s_.find(u'}', i_);
        i_ = end == std::u16string_view::npos ? s_.size() : end + 1;
        if ((e == u'p' || e == u'P') && end != std::u16string_view::npos) {
          Req r;
          r.cls = std::u16string(s_.substr(from, i_ - from));
          return r;
        }
      } else if (e == u'u') {
        i_ += 4;
      } else if (e == u'U') {
        i_ += 8;
      } else if (e == u'x') {
        i_ += 2;
      } else {
        failed = true;
      }
      i_ = std::min(i_, s_.size());
      return {};
    }
    i_ += 2;
    if (e == u'b' || e == u'B' || e == u'A' || e == u'z' || e == u'Z') return zeroWidth();  // anchors
    if (e == u's') {  // ICU: [\t\n\f\r\p{Z}]; as a set, a superset of it
      Req r;
      r.cls = u"[\\u0009-\\u000D\\u0085\\p{Z}\\p{WhiteSpace}]";
      return r;
    }
    if (isLetterOrDigit(e)) return {};  // classes, back references, control escapes
    single = std::u16string(1, e);
    return {};
  }
};

}  // namespace

PatternRequirement requirementOf(std::u16string_view pattern, uint32_t flags) {
  PatternRequirement out;
  out.caseInsensitive = (flags & UREGEX_CASE_INSENSITIVE) != 0;
  if (flags & (UREGEX_COMMENTS | UREGEX_LITERAL)) return out;  // whitespace and comments: not read here
  Parser p(pattern, out.caseInsensitive);
  Req r = p.alternation();
  if (p.failed || !p.done()) return out;
  // Inline (?i) anywhere: fold the literals as well (re-read case-insensitively).
  if (!out.caseInsensitive && pattern.find(u"(?i") != std::u16string_view::npos) {
    Parser q(pattern, true);
    r = q.alternation();
    if (q.failed || !q.done()) return out;
    out.caseInsensitive = true;
  }
  for (Clause& c : r.clauses)
    if (!c.empty() && c.size() <= kMaxAlternatives) out.clauses.push_back(std::move(c));
  bool emptyLiteral = false;
  for (const Literal& l : r.first) emptyLiteral |= !l.digit && l.text.empty();
  if (r.firstKnown && !r.nullable && !r.first.empty() && !emptyLiteral && r.first.size() <= kMaxStarts)
    out.starts = std::move(r.first);
  return out;
}

}  // namespace rg::policy
