// Shared by oncall/gaps: parses an instant option or fails with a usage error naming it.
#pragma once
#include <cstdint>
#include <string>

#include "args.h"

namespace rg::cli {

int64_t instantOption(const Args& args, const std::string& name, bool required);


}  // namespace rg::cli
