// Command-line parsing shared by all subcommands: "--name value", "--name=value", boolean flags,
// positionals; "-" is a positional (stdin) and "--" ends the options.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rg::cli {

struct ArgSpec {
  std::set<std::string> values;  // options that take a value (may repeat)
  std::set<std::string> flags;   // options without a value
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> values;
  std::set<std::string> flags;

  bool flag(const std::string& name) const { return flags.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const;  // last occurrence
  std::vector<std::string> all(const std::string& name) const;
  std::string required(const std::string& name) const;  // throws a usage error when missing
};

// Throws CliError(kUsage) for unknown options or a missing value.
Args parseArgs(const std::vector<std::string>& argv, const ArgSpec& spec);

// Throws CliError(kUsage) unless there are between min and max positionals.
void expectPositionals(const Args& args, size_t min, size_t max);

// Parses a whole decimal number within [min, max]; throws a usage error naming the option.
long long parseInteger(const std::string& option, const std::string& text, long long min,
                       long long max);
double parseNumber(const std::string& option, const std::string& text, double min, double max);

}  // namespace rg::cli
