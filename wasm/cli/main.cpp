// `replyguard`: the admin CLI. Dispatches to one subcommand per file; --lang is global.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "exit_codes.h"
#include "messages.h"

using namespace rg::cli;

namespace {

struct Command {
  const char* name;
  int (*run)(const Argv&);
};

const Command kCommands[] = {
    {"lint", cmdLint},     {"test", cmdTest},   {"keygen", cmdKeygen},
    {"sign", cmdSign},     {"verify", cmdVerify}, {"check", cmdCheck},
    {"eval", cmdEval},     {"train", cmdTrain},   {"oncall", cmdOncall}, {"gaps", cmdGaps},
    {"team", cmdTeam},
};

// Takes --lang out of the arguments (before "--") and applies it.
Argv extractLanguage(Argv args) {
  setLanguage(languageFromEnvironment());
  Argv rest;
  bool ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string value;
    if (ended) {
      rest.push_back(a);
      continue;
    }
    if (a == "--") ended = true;
    if (a == "--lang") {
      if (i + 1 >= args.size()) throw CliError{kUsage, tr("usage.missing_value", {"--lang"})};
      value = args[++i];
    } else if (a.rfind("--lang=", 0) == 0) {
      value = a.substr(7);
    } else {
      rest.push_back(a);
      continue;
    }
    if (value == "de") setLanguage(Lang::De);
    else if (value == "en") setLanguage(Lang::En);
    else throw CliError{kUsage, tr("usage.bad_lang", {value})};
  }
  return rest;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Argv args = extractLanguage(Argv(argv + 1, argv + argc));
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      (args.empty() ? std::cerr : std::cout) << tr("help.main");
      return args.empty() ? kUsage : kOk;
    }
    for (const auto& c : kCommands) {
      if (args[0] != c.name) continue;
      Argv rest(args.begin() + 1, args.end());
      for (const auto& a : rest) {
        if (a == "--") break;
        if (a == "--help" || a == "-h") {
          std::cout << tr(std::string("help.") + c.name);
          return kOk;
        }
      }
      return c.run(rest);
    }
    throw CliError{kUsage, tr("usage.unknown_command", {args[0]})};
  } catch (const CliError& e) {
    std::cerr << "replyguard: " << e.message << "\n";
    if (e.code == kUsage) std::cerr << tr("usage.see_help");
    return e.code;
  } catch (const std::exception& e) {
    // Anything unexpected (e.g. a JSON type error on odd input) is reported, never a crash.
    std::cerr << "replyguard: " << e.what() << "\n";
    return kInvalidInput;
  }
}
