// `replyguard lint BUNDLE [--json]`: schema-level validation by the core's own loader, so the
// CLI accepts exactly what the extension accepts. Prints each error as "POINTER: message", and
// warnings (patterns that backtrack catastrophically) without failing.
#include <iostream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "exit_codes.h"
#include "messages.h"

namespace rg::cli {

int cmdLint(const Argv& argv) {
  Args args = parseArgs(argv, {{}, {"json"}});
  expectPositionals(args, 1, 1);
  LoadedBundle b = readBundle(args.positional[0]);
  bool ok = b.load.policy && b.load.errors.empty();
  if (args.flag("json")) {
    nlohmann::json out = {{"ok", ok}, {"errors", nlohmann::json::array()}};
    for (const auto& e : b.load.errors)
      out["errors"].push_back({{"pointer", e.pointer}, {"message", e.message}});
    out["warnings"] = nlohmann::json::array();
    for (const auto& w : b.load.warnings) out["warnings"].push_back({{"pointer", w.pointer}, {"message", w.message}});
    if (ok) out["info"] = policyInfo(*b.load.policy);
    std::cout << out.dump(2) << "\n";
  } else if (ok) {
    for (const auto& w : b.load.warnings) std::cout << tr("lint.warning", {w.pointer, w.message});
    nlohmann::json info = policyInfo(*b.load.policy);
    std::cout << tr("lint.ok", {info.value("id", ""), std::to_string(info.value("version", 0)),
                                std::to_string(info.value("rules", 0))});
  } else {
    printBundleErrors(std::cout, b);
    std::cerr << tr("bundle.invalid", {b.label, std::to_string(b.load.errors.size())}) << "\n";
  }
  return ok ? kOk : kInvalidInput;
}

}  // namespace rg::cli
