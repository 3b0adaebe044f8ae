// Snowball stemmers (German and English) over folded UTF-16 words: "dummen" -> "dumm",
// "stupidly" -> "stupid". The core calls them through libstemmer's C API: natively Debian's
// libstemmer, in wasm the two algorithms built by scripts/snowball-wasm/build.sh.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace rg::morph {

enum class Language : uint8_t { English, German };

// Stem of one word (lower-case letters as a view holds them). Returns the word unchanged when no
// stemmer is available. Thread-safe: every thread has its own stemmer instances.
std::u16string stem(std::u16string_view word, Language lang);

// Appends the stem to `out` (no allocation when `out` has room); returns the stem's length.
size_t stemInto(std::u16string_view word, Language lang, std::u16string& out);

}  // namespace rg::morph
