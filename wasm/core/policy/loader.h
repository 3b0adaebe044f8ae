// Bundle loading: parse (json_reader), validate every field with its JSON pointer, compile.
#pragma once
#include <string_view>

#include "api.h"

namespace rg::policy {

// `known valid`: the bundle's patterns are known to compile (the embedded default bundle, which its
// tests load without it) and compile on first use.
LoadResult load(std::string_view bundleJson, const BundleFiles& files, bool knownValid = false);

}  // namespace rg::policy
