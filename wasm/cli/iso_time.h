// ISO 8601 instants for the CLI: signed-bundle validity and --at/--from/--to/--now options.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rg::cli {

// "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM" (an offset is required:
// an instant without one is ambiguous). Returns ms since the epoch, nullopt when malformed.
std::optional<int64_t> parseIsoInstant(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ" (whole seconds, UTC): the form written into signed headers.
std::string formatIsoUtc(int64_t ms);

int64_t nowMs();

}  // namespace rg::cli
