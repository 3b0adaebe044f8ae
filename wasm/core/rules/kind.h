// A rule kind: its name, the keys it adds to a rule, how it compiles a rule's JSON into typed
// settings, and how it checks a text with them. One file per kind under rules/kinds/; the build
// generates the list of kinds from those files (wasm/cmake/rule_kinds.cmake), so adding a kind is
// one new file rules/kinds/<name>.cpp defining `const Kind& kind_<name>()`, plus schema, docs, tests.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace rg::policy {
class RuleCompiler;
}
namespace rg::eval {
class CheckContext;
}

namespace rg::rules {

// A kind's compiled settings; each kind derives its own and casts back in its check.
struct Settings {
  virtual ~Settings() = default;
  virtual size_t memoryBytes() const { return 0; }
};

struct Kind {
  std::string_view name;
  std::vector<std::string_view> keys;  // keys a rule of this kind may have beyond the common header
  // Validates the kind's keys (errors through c.v, with pointers below `ptr`) and compiles them.
  // Returns settings even when errors were reported (the loader then discards the policy).
  std::shared_ptr<const Settings> (*compile)(const nlohmann::json& rule, const std::string& ptr, policy::RuleCompiler& c);
  // Appends the rule's findings (and warnings) for one text.
  void (*check)(const Settings& settings, eval::CheckContext& c);
};

// Every kind, ordered by name (generated).
const std::vector<const Kind*>& kinds();
const Kind* findKind(std::string_view name);
// Names of all kinds, in kinds() order (for "must be one of").
std::vector<std::string_view> kindNames();

}  // namespace rg::rules
