// Prints the core's on-call answers for the reference check (oncall-reference.mjs).
// Usage: oncall_dump BUNDLE.json < queries
//   query lines:  "oncall SCHEDULE MS"  or  "gaps SCHEDULE FROM_MS TO_MS"
//   output:       one JSON line per query (the core's oncall()/gaps() result)
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "escalation/team.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: oncall_dump BUNDLE.json < queries\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream ss;
  ss << in.rdbuf();
  const nlohmann::json bundle = nlohmann::json::parse(ss.str(), nullptr, false);
  if (bundle.is_discarded() || !bundle.contains("team")) {
    std::cerr << "not a bundle with a team: " << argv[1] << "\n";
    return 2;
  }
  std::vector<rg::BundleError> errors;
  auto team = rg::esc::parseTeam(bundle["team"], bundle.value("categories", nlohmann::json::object()), errors);
  if (!team) {
    for (const auto& e : errors) std::cerr << e.pointer << ": " << e.message << "\n";
    return 1;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream q(line);
    std::string verb, schedule;
    long long a = 0, b = 0;
    q >> verb >> schedule >> a;
    if (verb == "oncall") {
      std::cout << rg::esc::oncall(*team, schedule, a).dump() << "\n";
    } else if (verb == "gaps" && (q >> b)) {
      std::cout << rg::esc::gaps(*team, schedule, a, b).dump() << "\n";
    } else if (!line.empty()) {
      std::cout << nlohmann::json{{"error", "bad query: " + line}}.dump() << "\n";
    }
  }
  return 0;
}
