// Exit codes of the `replyguard` CLI: stable, documented in docs/admin/README.md, used by scripts.
#pragma once
#include <string>

namespace rg::cli {

enum ExitCode : int {
  kOk = 0,
  kFindings = 1,         // check found something, test/eval failures, gaps found
  kUsage = 2,            // bad command line
  kInvalidInput = 3,     // unreadable file, invalid JSON, invalid bundle/key/corpus/envelope
  kBadSignature = 4,     // signature does not verify (tampered bytes, wrong key), digest mismatch
  kUnknownKey = 5,       // envelope names a key id that is not among the trusted keys
  kExpired = 6,          // now >= expires
  kNotYetValid = 7,      // now < issued (beyond the tolerated clock skew)
  kRollback = 8,         // version lower than --min-version
};

// Thrown by commands and helpers; main prints the message and exits with the code.
struct CliError {
  int code;
  std::string message;
};

}  // namespace rg::cli
