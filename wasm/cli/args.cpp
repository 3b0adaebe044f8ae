#include "args.h"

#include <cerrno>
#include <cstdlib>

#include "exit_codes.h"
#include "messages.h"

namespace rg::cli {

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::all(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::required(const std::string& name) const {
  auto v = value(name);
  if (!v) throw CliError{kUsage, tr("usage.missing_option", {"--" + name})};
  return *v;
}

Args parseArgs(const std::vector<std::string>& argv, const ArgSpec& spec) {
  Args args;
  bool optionsEnded = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (optionsEnded || a == "-" || a.rfind("--", 0) != 0) {
      args.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      optionsEnded = true;
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> inlineValue;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inlineValue = name.substr(eq + 1);
      name.resize(eq);
    }
    if (spec.flags.count(name)) {
      if (inlineValue) throw CliError{kUsage, tr("usage.flag_value", {"--" + name})};
      args.flags.insert(name);
    } else if (spec.values.count(name)) {
      if (!inlineValue) {
        if (i + 1 >= argv.size()) throw CliError{kUsage, tr("usage.missing_value", {"--" + name})};
        inlineValue = argv[++i];
      }
      args.values[name].push_back(*inlineValue);
    } else {
      throw CliError{kUsage, tr("usage.unknown_option", {"--" + name})};
    }
  }
  return args;
}

void expectPositionals(const Args& args, size_t min, size_t max) {
  if (args.positional.size() < min) throw CliError{kUsage, tr("usage.too_few")};
  if (args.positional.size() > max)
    throw CliError{kUsage, tr("usage.unexpected", {args.positional[max]})};
}

long long parseInteger(const std::string& option, const std::string& text, long long min,
                       long long max) {
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE || v < min || v > max)
    throw CliError{kUsage, tr("usage.bad_integer",
                              {option, text, std::to_string(min), std::to_string(max)})};
  return v;
}

double parseNumber(const std::string& option, const std::string& text, double min, double max) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(v >= min && v <= max))
    throw CliError{kUsage, tr("usage.bad_number", {option, text})};
  return v;
}

}  // namespace rg::cli
