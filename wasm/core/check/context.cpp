#include "context.h"

namespace rg::eval {

bool CheckContext::find(const Regex& re, std::vector<text::Span>& out, bool firstOnly) {
  if (!re.present()) return false;
  RegexOutcome r = regexFind(*re.pattern, text, out, budget_, firstOnly);
  if (r == RegexOutcome::Ok) return true;
  const char* why = r == RegexOutcome::Partial ? "pattern gave up at some positions (step limit per match attempt); its other matches are reported"
                    : r == RegexOutcome::Limit  ? "pattern stopped at its step limit; it was skipped for this text"
                    : r == RegexOutcome::Budget ? "the check's budget for patterns ran out; the pattern was skipped for this text"
                                                : "pattern could not run on this text";
  out_.warnings.push_back({rule, source, why});
  return r == RegexOutcome::Partial;
}

}  // namespace rg::eval
