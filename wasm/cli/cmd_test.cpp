// `replyguard test BUNDLE [--json]`: runs every rule's flag/pass examples through the core.
#include <iostream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"

namespace rg::cli {

namespace {
std::string exampleText(const nlohmann::json& example) {
  if (example.is_string()) return example.get<std::string>();
  if (example.is_object() && example.contains("text") && example["text"].is_string())
    return example["text"].get<std::string>();
  return example.dump();
}
}  // namespace

int cmdTest(const Argv& argv) {
  Args args = parseArgs(argv, {{}, {"json"}});
  expectPositionals(args, 1, 1);
  LoadedBundle b = readBundle(args.positional[0]);
  auto policy = requirePolicy(b);
  nlohmann::json result = runExamples(*policy);
  const nlohmann::json failed = result.value("failed", nlohmann::json::array());
  if (args.flag("json")) {
    std::cout << jsonText(result) << "\n";
  } else {
    for (const auto& f : failed)
      std::cout << tr("test.failure", {f.value("rule", "?"), exampleText(f.value("example", nlohmann::json())),
                                       f.value("reason", "")});
    std::cout << tr("test.summary", {std::to_string(result.value("passed", 0)),
                                     std::to_string(failed.size())});
  }
  return failed.empty() ? kOk : kFindings;
}

}  // namespace rg::cli
