#include "bundle_source.h"

#include <filesystem>
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
    const std::filesystem::path dir = std::filesystem::path(*path).parent_path();
    if (probe.is_object() && probe.contains("models") && probe["models"].is_object())
      for (const auto& [id, m] : probe["models"].items()) {
        if (!m.is_object() || !m.contains("file") || !m["file"].is_string()) continue;
        const std::string name = m["file"].get<std::string>();
        if (name.empty() || name.find('/') != std::string::npos || name[0] == '.') continue;  // the loader says why
        const std::filesystem::path f = dir / name;
        if (std::filesystem::exists(f)) b.files[name] = readFile(f.string());
      }
  } else {
    b.label = tr("bundle.default_label");
    b.json = std::string(defaultBundleJson());
    for (const auto& [name, bytes] : defaultBundleFiles()) b.files[name] = std::string(bytes);
  }
  BundleFiles views;
  for (const auto& [name, bytes] : b.files) views.emplace(name, bytes);
  b.load = loadPolicy(b.json, views);
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
