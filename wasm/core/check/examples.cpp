// runExamples: every enabled rule's flag examples must flag (with the exact span when given),
// its pass examples must not, and its replacements must not flag again.
#include <algorithm>

#include "checker.h"
#include "text/utf.h"

namespace rg::eval {
namespace {

using nlohmann::json;

std::vector<Finding> findingsOf(const Policy& p, uint32_t rule, std::u16string_view text, const std::string& platform) {
  const Rule& r = p.rules[rule];
  Outcome o;
  checkText(p, text, (r.appliesTo & kReply) ? kReply : kIncoming, platform, o);
  std::vector<Finding> mine;
  for (const Finding& f : o.findings)
    if (f.rule == rule) mine.push_back(f);
  return mine;
}

std::string spansOf(const std::vector<Finding>& fs) {
  if (fs.empty()) return "no finding";
  std::string s;
  for (const Finding& f : fs)
    s += (s.empty() ? "" : ", ") + std::string("[") + std::to_string(f.begin) + ", " + std::to_string(f.end) + "]";
  return "findings at " + s;
}

}  // namespace

json runExamplesImpl(const Policy& p) {
  json failed = json::array();
  size_t passed = 0;
  auto fail = [&](const Rule& r, const Example& ex, std::string reason) {
    failed.push_back({{"rule", r.id}, {"example", ex.display}, {"reason", std::move(reason)}});
  };
  for (uint32_t ri = 0; ri < p.rules.size(); ++ri) {
    const Rule& r = p.rules[ri];
    if (!r.enabled) continue;
    for (const Example& ex : r.flag) {
      std::vector<Finding> fs = findingsOf(p, ri, ex.text, ex.platform);
      std::vector<Finding> target;
      for (const Finding& f : fs)
        if (!ex.hasSpan || (f.begin == ex.begin && f.end == ex.end)) target.push_back(f);
      if (target.empty()) {
        fail(r, ex, ex.hasSpan ? "expected a finding at [" + std::to_string(ex.begin) + ", " + std::to_string(ex.end) +
                                     "], got " + spansOf(fs)
                               : "expected a finding, got none");
        continue;
      }
      bool ok = true;
      for (const Finding& f : target) {
        if (!f.replacements) continue;
        for (const Localized& l : *f.replacements) {
          for (const std::string* variant : {&l.en, &l.de}) {
            if (variant->empty() || !ok) continue;
            std::u16string repl = replacementFor(f, ex.text, *variant);
            std::u16string fixed = ex.text.substr(0, f.begin) + repl + ex.text.substr(f.end);
            const uint32_t b = f.begin, e = f.begin + uint32_t(repl.size());
            for (const Finding& g : findingsOf(p, ri, fixed, ex.platform)) {
              if (g.begin < e && b < g.end) {
                fail(r, ex, "replacement \"" + *variant + "\" is flagged again");
                ok = false;
                break;
              }
            }
          }
        }
      }
      if (ok) ++passed;
    }
    for (const Example& ex : r.pass) {
      std::vector<Finding> fs = findingsOf(p, ri, ex.text, ex.platform);
      if (fs.empty()) ++passed;
      else fail(r, ex, "expected no finding, got " + spansOf(fs));
    }
  }
  return {{"passed", passed}, {"failed", std::move(failed)}};
}

}  // namespace rg::eval
