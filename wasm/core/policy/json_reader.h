// Parses bundle JSON without exceptions and with limits: size, nesting depth, duplicate keys.
// nlohmann's DOM parser recurses without bound and keeps the last of duplicate keys (a typo'd copy
// of a rule field would silently win); this SAX reader reports both.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle_error.h"

namespace rg::policy {

// Returns true and fills `out` if the text is valid JSON within the limits; otherwise appends
// errors (parse errors carry the byte position in their message).
bool readJson(std::string_view text, size_t maxBytes, size_t maxDepth, nlohmann::json& out,
              std::vector<BundleError>& errors);

// RFC 6901 escaping of one reference token.
std::string pointerToken(std::string_view key);

}  // namespace rg::policy
