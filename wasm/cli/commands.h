// One function per subcommand (cmd_<name>.cpp); each returns an ExitCode or throws CliError.
#pragma once
#include <string>
#include <vector>

namespace rg::cli {

using Argv = std::vector<std::string>;

int cmdLint(const Argv& argv);
int cmdTest(const Argv& argv);
int cmdKeygen(const Argv& argv);
int cmdSign(const Argv& argv);
int cmdVerify(const Argv& argv);
int cmdCheck(const Argv& argv);
int cmdEval(const Argv& argv);
int cmdTrain(const Argv& argv);
int cmdOncall(const Argv& argv);
int cmdGaps(const Argv& argv);
int cmdTeam(const Argv& argv);

}  // namespace rg::cli
