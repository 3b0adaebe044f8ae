// German/English CLI messages. The language comes from --lang, else LC_ALL/LC_MESSAGES/LANG
// ("de…" → German), else English. Bundle errors and findings come localized from the core.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace rg::cli {

enum class Lang { En, De };

void setLanguage(Lang lang);
Lang language();
std::string languageCode();  // "en" | "de"
Lang languageFromEnvironment();

// Message `key` in the current language with {0}, {1}, ... replaced by args. An unknown key is
// returned as is, so a missing translation shows up in tests instead of printing nothing.
std::string tr(std::string_view key, std::initializer_list<std::string> args = {});

}  // namespace rg::cli
