#include "regex_run.h"

#include <memory>

namespace rg::eval {
namespace {

// Shared by ICU's two callbacks: the find-progress callback marks each new start position, the
// match callback runs once per time unit and charges it to the attempt and to the check.
struct Meter {
  RegexBudget* budget;
  int64_t patternUnits;  // left for this pattern
  int32_t attemptUnits = 0;
  int64_t attemptStart = 0;
  bool attemptOver = false;
  bool budgetOver = false;
  bool patternOver = false;
};

UBool U_CALLCONV onUnit(const void* context, int32_t) {
  auto* m = static_cast<Meter*>(const_cast<void*>(context));
  if (--m->budget->units < 0) {
    m->budgetOver = true;
    return false;
  }
  if (--m->patternUnits < 0) {
    m->patternOver = true;
    return false;
  }
  if (++m->attemptUnits > kAttemptUnits) {
    m->attemptOver = true;
    return false;
  }
  return true;
}

UBool U_CALLCONV onProgress(const void* context, int64_t position) {
  auto* m = static_cast<Meter*>(const_cast<void*>(context));
  m->attemptUnits = 0;
  m->attemptStart = position;
  return true;
}

// What to do after a match the matcher holds: record it and go on from `next` (one past an empty
// match), or stop (only the first was wanted, or the cap is reached). Shared by both searches.
enum class Taken { Error, Stop, Next };
Taken takeMatch(icu::RegexMatcher& m, bool firstOnly, std::vector<text::Span>& out, int64_t& next) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t b = m.start(status), e = m.end(status);
  if (U_FAILURE(status)) return Taken::Error;
  if (firstOnly) {
    out.push_back({uint32_t(b), uint32_t(e)});
    return Taken::Stop;
  }
  if (e > b) out.push_back({uint32_t(b), uint32_t(e)});
  if (out.size() >= kMaxMatchesPerPattern) return Taken::Stop;
  next = e > b ? e : int64_t(e) + 1;
  return Taken::Next;
}

// A matcher of `pattern` on `input` (kept or new) with the stack limit and the unit callback set.
// The caller sets the bounds and the find-progress callback it wants.
struct Matcher {
  Borrowed<icu::RegexMatcher> m;
  Matcher(const icu::RegexPattern& pattern, const icu::UnicodeString& input, Meter& meter, MatcherSpares* spares,
          UErrorCode& status)
      : m(spares, [&] { return std::unique_ptr<icu::RegexMatcher>(pattern.matcher(status)); }) {
    if (U_FAILURE(status) || !m) return;
    m->reset(input);
    m->setMatchCallback(onUnit, &meter, status);
    m->setStackLimit(kRegexStackLimit, status);
  }
  // Only a matcher whose search ended cleanly is kept for the next check.
  bool clean = false;
  ~Matcher() {
    if (!clean) m.discard();
  }
  RegexOutcome done(RegexOutcome r) {
    clean = r == RegexOutcome::Ok;
    return r;
  }
};

}  // namespace

RegexOutcome regexFind(const icu::RegexPattern& pattern, std::u16string_view text, std::vector<text::Span>& out,
                       RegexBudget& budget, bool firstOnly, MatcherSpares* spares) {
  if (budget.units <= 0) return RegexOutcome::Budget;
  UErrorCode status = U_ZERO_ERROR;
  // Read-only alias: no copy of the text.
  icu::UnicodeString input(false, text.data(), int32_t(text.size()));
  Meter meter{&budget, kPatternBaseUnits + int64_t(text.size() / 1000) * kPatternUnitsPer1000Chars};
  Matcher held(pattern, input, meter, spares, status);
  if (U_FAILURE(status) || !held.m) return RegexOutcome::Error;
  icu::RegexMatcher* m = held.m.get();
  m->useTransparentBounds(false);  // a new matcher's bounds
  m->useAnchoringBounds(true);
  m->setFindProgressCallback(onProgress, &meter, status);
  if (U_FAILURE(status)) return RegexOutcome::Error;
  bool partial = false;
  int64_t from = 0;
  bool resume = false;  // after a given-up attempt: find(from) restarts at that position
  for (;;) {
    meter.attemptUnits = 0;
    meter.attemptStart = from;
    meter.attemptOver = false;
    status = U_ZERO_ERROR;
    const bool found = resume ? m->find(from, status) : m->find(status);
    resume = false;
    if (found && U_SUCCESS(status)) {
      const Taken t = takeMatch(*m, firstOnly, out, from);  // from: the next search's first attempt
      if (t == Taken::Error) return RegexOutcome::Error;
      if (t == Taken::Stop) break;
      continue;
    }
    if (status == U_REGEX_STOPPED_BY_CALLER && meter.budgetOver) return RegexOutcome::Budget;
    if (status == U_REGEX_STOPPED_BY_CALLER && meter.patternOver) return RegexOutcome::Limit;
    if ((status == U_REGEX_STOPPED_BY_CALLER && meter.attemptOver) || status == U_REGEX_STACK_OVERFLOW) {
      // Give up this start position only and go on with the next one (a surrogate pair is one).
      partial = true;
      int64_t next = meter.attemptStart + 1;
      if (next < int64_t(text.size()) && U16_IS_TRAIL(text[size_t(next)]) && U16_IS_LEAD(text[size_t(next - 1)])) ++next;
      if (next > int64_t(text.size())) break;
      from = next;
      resume = true;
      continue;
    }
    if (U_FAILURE(status)) return RegexOutcome::Error;
    break;  // no further match
  }
  return held.done(partial ? RegexOutcome::Partial : RegexOutcome::Ok);
}

RegexOutcome regexFindAt(const icu::RegexPattern& pattern, std::u16string_view text,
                         const std::vector<uint32_t>& starts, std::vector<text::Span>& out, RegexBudget& budget,
                         bool firstOnly, MatcherSpares* spares) {
  if (starts.empty()) return RegexOutcome::Ok;
  if (budget.units <= 0) return RegexOutcome::Budget;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input(false, text.data(), int32_t(text.size()));
  Meter meter{&budget, kPatternBaseUnits + int64_t(text.size() / 1000) * kPatternUnitsPer1000Chars};
  Matcher held(pattern, input, meter, spares, status);
  if (U_FAILURE(status) || !held.m) return RegexOutcome::Error;
  icu::RegexMatcher* m = held.m.get();
  m->setFindProgressCallback(nullptr, nullptr, status);  // (lookingAt calls none; as a new matcher)
  m->useTransparentBounds(true);   // \b and lookbehind see the text before the start
  m->useAnchoringBounds(false);    // ^ matches at the text's start only
  if (U_FAILURE(status)) return RegexOutcome::Error;
  bool partial = false;
  uint32_t from = 0;  // no match may start before the end of the previous one
  int64_t attempts = 0;
  for (uint32_t pos : starts) {
    if (pos < from) continue;
    if (++attempts % kAttemptsPerUnit == 0) {
      meter.attemptUnits = 0;  // (the charge is not an attempt's)
      if (!onUnit(&meter, 0)) return meter.budgetOver ? RegexOutcome::Budget : RegexOutcome::Limit;
    }
    meter.attemptUnits = 0;
    meter.attemptStart = pos;
    meter.attemptOver = false;
    status = U_ZERO_ERROR;
    m->region(int64_t(pos), int64_t(text.size()), status);
    const bool found = U_SUCCESS(status) && m->lookingAt(status);
    if (found && U_SUCCESS(status)) {
      int64_t next = 0;
      const Taken t = takeMatch(*m, firstOnly, out, next);
      if (t == Taken::Error) return RegexOutcome::Error;
      if (t == Taken::Stop) break;
      from = uint32_t(next);
      continue;
    }
    if (status == U_REGEX_STOPPED_BY_CALLER && meter.budgetOver) return RegexOutcome::Budget;
    if (status == U_REGEX_STOPPED_BY_CALLER && meter.patternOver) return RegexOutcome::Limit;
    if ((status == U_REGEX_STOPPED_BY_CALLER && meter.attemptOver) || status == U_REGEX_STACK_OVERFLOW) {
      partial = true;  // this start position is given up; the next ones are still tried
      continue;
    }
    if (U_FAILURE(status)) return RegexOutcome::Error;
  }
  return held.done(partial ? RegexOutcome::Partial : RegexOutcome::Ok);
}

}  // namespace rg::eval
