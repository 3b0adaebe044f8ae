// `replyguard team import-ics FILE... --schedule ID --bundle BUNDLE [--from ISO] [--to ISO] [--out FILE]`:
// the team's calendar export (shifts, absences) into the team section, checked by the core.
// The output has the input's shape: a bundle in gives a bundle out (ready for `sign`), a team
// section in gives a team section out. Default window: now to 90 days ahead.
#include <iostream>

#include "api.h"
#include "escalation/team.h"
#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "ics_read.h"
#include "io.h"
#include "iso_time.h"
#include "messages.h"
#include "team_import.h"
#include "team_time.h"

namespace rg::cli {
namespace {

int importIcs(const Argv& argv) {
  Args args = parseArgs(argv, {{"schedule", "bundle", "from", "to", "out"}, {"json"}});
  expectPositionals(args, 1, 1000);
  const std::string schedule = args.required("schedule");
  const std::string bundlePath = args.required("bundle");
  const int64_t from = args.value("from") ? instantOption(args, "from", true) : nowMs();
  const int64_t to = args.value("to") ? instantOption(args, "to", true) : from + 90LL * 86'400'000;
  if (to <= from) throw CliError{kUsage, tr("gaps.empty_range")};

  nlohmann::json input = parseJson(readFile(bundlePath), bundlePath);
  const bool isBundle = input.is_object() && input.contains("team");
  nlohmann::json team = isBundle ? input["team"] : input;

  std::vector<IcsOccurrence> events;
  for (const auto& f : args.positional) {
    auto got = readIcs(f, from, to);
    events.insert(events.end(), got.begin(), got.end());
  }
  ImportReport report;
  nlohmann::json out = importCalendar(team, schedule, events, from, to, report);

  // The core checks the result as it will check the signed bundle (overlaps, references, zones).
  nlohmann::json whole = isBundle ? input : nlohmann::json();
  if (isBundle) {
    whole["team"] = out;
    LoadResult r = loadPolicy(whole.dump());
    if (!r.policy) {
      for (const auto& e : r.errors) std::cerr << e.pointer << ": " << e.message << "\n";
      throw CliError{kInvalidInput, tr("ics.result_invalid")};
    }
  } else {
    std::vector<BundleError> errors;
    if (!rg::esc::parseTeam(out, nlohmann::json(), errors)) {
      for (const auto& e : errors) std::cerr << e.pointer << ": " << e.message << "\n";
      throw CliError{kInvalidInput, tr("ics.result_invalid")};
    }
  }
  for (const auto& s : report.skipped) std::cerr << tr("ics.skipped", {s});
  const std::string text = (isBundle ? whole : out).dump(2) + "\n";
  if (auto path = args.value("out")) writeFile(*path, text);
  else std::cout << text;
  std::cerr << tr("ics.summary", {std::to_string(report.overrides), std::to_string(report.absences), std::to_string(report.merged),
                                  std::to_string(report.trimmed), std::to_string(report.skipped.size())});
  return kOk;
}

}  // namespace

int cmdTeam(const Argv& argv) {
  if (argv.empty()) throw CliError{kUsage, tr("team.usage")};
  if (argv[0] == "import-ics") return importIcs(Argv(argv.begin() + 1, argv.end()));
  throw CliError{kUsage, tr("usage.unknown_command", {"team " + argv[0]})};
}

}  // namespace rg::cli
