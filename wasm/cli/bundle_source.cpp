#include "bundle_source.h"

#include <iostream>

#include "exit_codes.h"
#include "io.h"
#include "messages.h"
#include "policy/policy.h"
#include "signed_bundle.h"

namespace rg::cli {

LoadedBundle readBundle(const std::optional<std::string>& path) {
  LoadedBundle b;
  if (path) {
    b.label = *path;
    b.json = readFile(*path, kMaxBundleBytes);  // the loader's limit, checked before reading it all
    nlohmann::json probe = nlohmann::json::parse(b.json, nullptr, false);
    if (probe.is_object() && probe.value("format", "") == kSignedFormat)
      throw CliError{kInvalidInput, tr("bundle.is_signed", {*path})};
  } else {
    b.label = tr("bundle.default_label");
    b.json = std::string(defaultBundleJson());
  }
  b.load = loadPolicy(b.json);
  return b;
}

void printBundleErrors(std::ostream& out, const LoadedBundle& bundle) {
  for (const auto& e : bundle.load.errors)
    out << (e.pointer.empty() ? "/" : e.pointer) << ": " << e.message << "\n";
}

std::shared_ptr<const Policy> requirePolicy(const LoadedBundle& bundle) {
  if (bundle.load.policy && bundle.load.errors.empty()) return bundle.load.policy;
  printBundleErrors(std::cerr, bundle);
  throw CliError{kInvalidInput,
                 tr("bundle.invalid", {bundle.label, std::to_string(bundle.load.errors.size())})};
}

}  // namespace rg::cli
