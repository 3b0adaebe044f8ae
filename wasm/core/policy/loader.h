// Bundle loading: parse (json_reader), validate every field with its JSON pointer, compile.
#pragma once
#include <string_view>

#include "api.h"

namespace rg::policy {

LoadResult load(std::string_view bundleJson, const BundleFiles& files);

}  // namespace rg::policy
