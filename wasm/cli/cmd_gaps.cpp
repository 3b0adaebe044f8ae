// `replyguard gaps BUNDLE SCHEDULE --from ISO --to ISO [--json]`: periods in which nobody
// eligible is on call. Exit 1 when there are gaps, so a CI job can refuse an uncovered rota.
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

int cmdGaps(const Argv& argv) {
  Args args = parseArgs(argv, {{"from", "to"}, {"json"}});
  expectPositionals(args, 2, 2);
  const int64_t from = instantOption(args, "from", true);
  const int64_t to = instantOption(args, "to", true);
  if (to <= from) throw CliError{kUsage, tr("gaps.empty_range")};
  LoadedBundle b = readBundle(args.positional[0]);
  auto policy = requirePolicy(b);
  nlohmann::json result = gaps(*policy, args.positional[1], from, to);
  throwIfTeamError(result);
  if (args.flag("json")) std::cout << jsonText(result) << "\n";
  else printGaps(std::cout, result);
  return gapCount(result) == 0 ? kOk : kFindings;
}

}  // namespace rg::cli
