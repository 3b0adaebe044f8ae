// `replyguard lint BUNDLE [--json]`: schema-level validation by the core's own loader, so the
// CLI accepts exactly what the extension accepts. Prints each error as "POINTER: message".
#include <iostream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "exit_codes.h"
#include "io.h"
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
    if (ok) out["info"] = policyInfo(*b.load.policy);
    std::cout << jsonText(out) << "\n";
  } else if (ok) {
    nlohmann::json info = policyInfo(*b.load.policy);
    std::cout << tr("lint.ok", {info.value("id", ""), std::to_string(info.value("version", int64_t{0})),
                                std::to_string(info.value("rules", 0))});
  } else {
    printBundleErrors(std::cout, b);
    std::cerr << tr("bundle.invalid", {b.label, std::to_string(b.load.errors.size())}) << "\n";
  }
  return ok ? kOk : kInvalidInput;
}

}  // namespace rg::cli
