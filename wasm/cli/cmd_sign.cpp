// `replyguard sign BUNDLE --key K --expires DAYS --out FILE [--now ISO]`: lints the bundle, then
// writes a replyguard-signed/1 envelope over its exact bytes. --now fixes "issued" (reproducible
// builds, tests); the default is the current time. Models kept beside the bundle ("file") are
// inlined ("data", base64) first: the extension receives one signed JSON document, nothing beside it.
#include <iostream>

#include <nlohmann/json.hpp>

#include "args.h"
#include "bundle_source.h"
#include "commands.h"
#include "crypto.h"
#include "exit_codes.h"
#include "io.h"
#include "iso_time.h"
#include "messages.h"
#include "signed_bundle.h"

namespace rg::cli {
namespace {

// Rewrites every {"file": NAME} model as {"data": base64} (sha256 unchanged), then reloads the
// rewritten bundle on its own to prove it needs no file beside it. Returns how many were inlined.
size_t inlineModelFiles(LoadedBundle& b) {
  if (b.files.empty()) return 0;
  nlohmann::json doc = nlohmann::json::parse(b.json);
  size_t n = 0;
  for (auto& [id, m] : doc["models"].items()) {
    if (!m.contains("file")) continue;
    const std::string& bytes = b.files.at(m["file"].get<std::string>());  // the loader checked it is there
    m.erase("file");
    m["data"] = base64Encode(toBytes(bytes));
    ++n;
  }
  b.json = doc.dump(1) + "\n";
  b.files.clear();
  b.load = loadPolicy(b.json);
  requirePolicy(b);
  return n;
}

}  // namespace

int cmdSign(const Argv& argv) {
  Args args = parseArgs(argv, {{"key", "expires", "out", "now"}, {}});
  expectPositionals(args, 1, 1);
  const std::string keyPath = args.required("key");
  const std::string outPath = args.required("out");
  const long long days = parseInteger("--expires", args.required("expires"), 1, 3650);
  int64_t issued = nowMs();
  if (auto now = args.value("now")) {
    auto parsed = parseIsoInstant(*now);
    if (!parsed) throw CliError{kUsage, tr("usage.bad_time", {"--now", *now})};
    issued = *parsed;
  }
  issued -= issued % 1000;  // the header carries whole seconds

  LoadedBundle b = readBundle(args.positional[0]);
  requirePolicy(b);  // an invalid bundle is never signed
  const size_t inlined = inlineModelFiles(b);
  if (inlined) std::cout << tr("sign.inlined", {std::to_string(inlined)});
  Ed25519Signer signer(readFile(keyPath));
  const int64_t expires = issued + days * 86400 * 1000;
  writeFile(outPath, signBundle(b.json, signer, issued, expires));
  nlohmann::json info = policyInfo(*b.load.policy);
  std::cout << tr("sign.done", {outPath, info.value("id", ""), std::to_string(info.value("version", int64_t{0})),
                                keyIdOf(signer.publicKey()), formatIsoUtc(expires)});
  return kOk;
}

}  // namespace rg::cli
