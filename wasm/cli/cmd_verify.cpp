// `replyguard verify SIGNED --pub P [--pub P2…] [--min-version N] [--now ISO] [--out BUNDLE]
// [--json]`: checks a signed envelope like the extension does; each failure has its own exit code
// (exit_codes.h). --out writes the verified bundle bytes, only when everything passed.
#include <cstdint>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "exit_codes.h"
#include "io.h"
#include "iso_time.h"
#include "messages.h"
#include "signed_bundle.h"

namespace rg::cli {

int cmdVerify(const Argv& argv) {
  Args args = parseArgs(argv, {{"pub", "min-version", "now", "out"}, {"json"}});
  expectPositionals(args, 1, 1);
  if (args.all("pub").empty()) throw CliError{kUsage, tr("usage.missing_option", {"--pub"})};
  std::vector<TrustedKey> keys;
  for (const auto& p : args.all("pub")) {
    auto more = parsePublicKeys(readFile(p, 1u << 20), p);
    keys.insert(keys.end(), more.begin(), more.end());
  }
  VerifyOptions options;
  options.nowMs = nowMs();
  if (auto now = args.value("now")) {
    auto parsed = parseIsoInstant(*now);
    if (!parsed) throw CliError{kUsage, tr("usage.bad_time", {"--now", *now})};
    options.nowMs = *parsed;
  }
  if (auto min = args.value("min-version"))
    options.minVersion = parseInteger("--min-version", *min, 1, INT64_MAX);

  VerifyResult r = verifySigned(readFile(args.positional[0], kMaxEnvelopeBytes), keys, options);
  if (r.status == VerifyStatus::Ok && args.value("out")) writeFile(*args.value("out"), r.bundle);

  if (args.flag("json")) {
    nlohmann::json out = {{"ok", r.status == VerifyStatus::Ok}, {"status", statusName(r.status)}};
    if (!r.message.empty()) out["message"] = r.message;
    if (r.header)
      out["header"] = {{"bundle_id", r.header->bundleId}, {"version", r.header->version},
                       {"issued", r.header->issued},     {"expires", r.header->expires},
                       {"sha256", r.header->sha256},     {"key_id", r.header->keyId}};
    std::cout << jsonText(out) << "\n";
  } else if (r.status == VerifyStatus::Ok) {
    const int64_t daysLeft = (r.header->expiresMs - options.nowMs) / (86400 * 1000);
    std::cout << tr("verify.ok", {r.header->bundleId, std::to_string(r.header->version),
                                  r.header->keyId, r.header->issued, r.header->expires,
                                  std::to_string(daysLeft)});
  } else {
    std::cerr << "replyguard: " << r.message << "\n";
  }
  return exitCodeOf(r.status);
}

}  // namespace rg::cli
