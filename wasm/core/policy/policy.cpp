#include "policy.h"

namespace rg {

const icu::RegexPattern* LazyPattern::get() const {
  std::call_once(once_, [this] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe{};
    pattern_.reset(icu::RegexPattern::compile(icu::UnicodeString(false, source_.data(), int32_t(source_.size())), flags_,
                                              pe, status));
    if (U_FAILURE(status)) pattern_.reset();
  });
  return pattern_.get();
}

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warn: return "warn";
    default: return "block";
  }
}

nlohmann::json Localized::toJson() const {
  nlohmann::json j = nlohmann::json::object();
  if (!en.empty()) j["en"] = en;
  if (!de.empty()) j["de"] = de;
  return j;
}

size_t Policy::memoryBytes() const {
  size_t n = sizeof(*this) + rules.capacity() * sizeof(Rule);
  for (const Automaton& a : automata)
    n += a.ac.memoryBytes() + a.entries.capacity() * sizeof(Entry) + a.entryStart.capacity() * sizeof(uint32_t) +
         a.words.memoryBytes();
  for (const Rule& r : rules) {
    for (const auto& ex : r.flag) n += ex.text.capacity() * 2 + ex.display.capacity();
    for (const auto& ex : r.pass) n += ex.text.capacity() * 2 + ex.display.capacity();
    if (r.settings) n += r.settings->memoryBytes();
  }
  return n;
}

}  // namespace rg
