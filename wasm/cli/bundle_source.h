// Reading the bundle a command works on: a file, or the built-in default when none is given.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "api.h"

namespace rg::cli {

struct LoadedBundle {
  std::string label;  // file name or "built-in default"
  std::string json;
  std::map<std::string, std::string> files;  // files the bundle names beside itself (its models)
  LoadResult load;
};

// Reads a bundle file and the model files it names beside itself (/models/*/file, same directory;
// a missing file is left to the loader's error with its JSON pointer).
// Throws kInvalidInput for unreadable files and for signed envelopes (those are verified and
// unpacked with `replyguard verify … --out`, never used unchecked).
LoadedBundle readBundle(const std::optional<std::string>& path);

void printBundleErrors(std::ostream& out, const LoadedBundle& bundle);

// The compiled policy; prints the bundle's errors to stderr and throws kInvalidInput if invalid.
std::shared_ptr<const Policy> requirePolicy(const LoadedBundle& bundle);

}  // namespace rg::cli
