// `replyguard oncall BUNDLE SCHEDULE [--at ISO] [--json]`: who is on call in a schedule at an
// instant (default: now), as computed by the core's escalation model.
#include <iostream>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"
#include "team_output.h"
#include "team_time.h"

namespace rg::cli {

int cmdOncall(const Argv& argv) {
  Args args = parseArgs(argv, {{"at"}, {"json"}});
  expectPositionals(args, 2, 2);
  const int64_t at = instantOption(args, "at", false);
  LoadedBundle b = readBundle(args.positional[0]);
  auto policy = requirePolicy(b);
  nlohmann::json result = oncall(*policy, args.positional[1], at);
  throwIfTeamError(result);
  if (args.flag("json")) std::cout << jsonText(result) << "\n";
  else printOncall(std::cout, result, at);
  return kOk;
}

}  // namespace rg::cli
