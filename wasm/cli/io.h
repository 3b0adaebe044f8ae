// File and text helpers of the CLI; every failure is a CliError with a localized message.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rg::cli {

// "-" reads stdin. More than maxBytes is an error (kInvalidInput) found before the rest is read,
// so a huge file costs nothing.
std::string readFile(const std::string& path, size_t maxBytes = SIZE_MAX);
// JSON text for output; strings holding invalid UTF-8 (quoted from a bad input) are written with
// U+FFFD instead of throwing, so --json always prints JSON.
std::string jsonText(const nlohmann::json& j, int indent = 2);
void writeFile(const std::string& path, std::string_view data, bool privateFile = false,
               bool overwrite = true);
bool fileExists(const std::string& path);

// Parses JSON, reporting "what: line L, column C: reason" on failure (kInvalidInput).
nlohmann::json parseJson(std::string_view text, const std::string& what);

// Strict UTF-8 → UTF-16 (ICU); invalid UTF-8 is an error, not a replacement character.
std::u16string utf8ToUtf16(std::string_view text, const std::string& what);

}  // namespace rg::cli
