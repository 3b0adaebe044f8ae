// `replyguard keygen --out PREFIX [--force]`: PREFIX.key (PKCS#8 PEM, mode 0600) and PREFIX.pub
// ({"key_id","key","algorithm"}: paste into the managed setting public_keys).
#include <iostream>

#include "args.h"
#include "commands.h"
#include "crypto.h"
#include "exit_codes.h"
#include "io.h"
#include "messages.h"
#include "signed_bundle.h"

namespace rg::cli {

int cmdKeygen(const Argv& argv) {
  Args args = parseArgs(argv, {{"out"}, {"force"}});
  expectPositionals(args, 0, 0);
  const std::string prefix = args.required("out");
  const std::string keyPath = prefix + ".key", pubPath = prefix + ".pub";
  const bool force = args.flag("force");
  // Never silently replace a signing key: bundles signed with it would become unverifiable.
  for (const auto& p : {keyPath, pubPath})
    if (!force && fileExists(p)) throw CliError{kInvalidInput, tr("keygen.exists", {p})};
  Ed25519KeyPair pair = generateEd25519();
  writeFile(keyPath, pair.privatePem, /*privateFile=*/true, force);
  writeFile(pubPath, publicKeyFileJson(pair.publicKey), false, force);
  std::cout << tr("keygen.done", {keyPath, pubPath, keyIdOf(pair.publicKey)});
  return kOk;
}

}  // namespace rg::cli
