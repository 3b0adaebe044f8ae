#include "context.h"

namespace rg::eval {

bool CheckContext::find(const Regex& re, std::vector<text::Span>& out, bool firstOnly) {
  if (!re.present()) return false;
  RegexOutcome r = regexFind(*re.pattern, text, out, firstOnly);
  if (r == RegexOutcome::Ok) return true;
  out_.warnings.push_back({rule, source,
                           r == RegexOutcome::Limit ? "pattern stopped at its step limit; it was skipped for this text"
                                                    : "pattern could not run on this text"});
  return false;
}

}  // namespace rg::eval
