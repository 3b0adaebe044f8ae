#include "regex_run.h"

#include <memory>

namespace rg::eval {

RegexOutcome regexFind(const icu::RegexPattern& pattern, std::u16string_view text, std::vector<text::Span>& out,
                       bool firstOnly) {
  UErrorCode status = U_ZERO_ERROR;
  // Read-only alias: no copy of the text.
  icu::UnicodeString input(false, text.data(), int32_t(text.size()));
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(input, status));
  if (U_FAILURE(status) || !m) return RegexOutcome::Error;
  m->setTimeLimit(kRegexTimeLimit, status);
  m->setStackLimit(kRegexStackLimit, status);
  if (U_FAILURE(status)) return RegexOutcome::Error;
  while (m->find(status)) {
    int32_t b = m->start(status), e = m->end(status);
    if (U_FAILURE(status)) break;
    if (firstOnly) {
      out.push_back({uint32_t(b), uint32_t(e)});
      return RegexOutcome::Ok;
    }
    if (e > b) out.push_back({uint32_t(b), uint32_t(e)});
    if (out.size() >= kMaxMatchesPerPattern) break;
  }
  if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW) return RegexOutcome::Limit;
  return U_FAILURE(status) ? RegexOutcome::Error : RegexOutcome::Ok;
}

}  // namespace rg::eval
