// Helpers shared by the libFuzzer targets in tests/fuzz/ (scripts/fuzz.sh): input decoding,
// contract checks that abort with a message, reading repository files at start-up.
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "../source_dir.h"

namespace fuzzutil {

// UTF-8 → UTF-16; invalid bytes become Latin-1 characters, so every byte string is some text.
inline std::u16string decodeUtf8Lenient(const uint8_t* p, size_t n) {
  std::u16string out;
  size_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    char32_t c = 0;
    bool ok = len > 0 && i + len <= n;
    if (ok) {
      c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
      for (size_t k = 1; k < len && ok; ++k) {
        ok = (p[i + k] & 0xC0) == 0x80;
        c = (c << 6) | (p[i + k] & 0x3F);
      }
      ok = ok && c <= 0x10FFFF;
    }
    if (!ok) {
      out.push_back(static_cast<char16_t>(b));
      ++i;
      continue;
    }
    if (c >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
    i += len;
  }
  return out;
}

// Raw UTF-16LE code units (lone surrogates, noncharacters, anything); an odd last byte is dropped.
inline std::u16string decodeUtf16Raw(const uint8_t* p, size_t n) {
  std::u16string out;
  for (size_t i = 0; i + 1 < n; i += 2) out.push_back(static_cast<char16_t>(p[i] | (p[i + 1] << 8)));
  return out;
}

[[noreturn]] inline void fail(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "contract breach: %s %s\n", what, detail.c_str());
  std::abort();
}

// True if offset i lies between the two halves of a surrogate pair.
inline bool insidePair(std::u16string_view t, size_t i) {
  return i > 0 && i < t.size() && t[i - 1] >= 0xD800 && t[i - 1] <= 0xDBFF && t[i] >= 0xDC00 &&
         t[i] <= 0xDFFF;
}

inline std::string readRepoFile(const std::string& relative) {
  std::ifstream in(std::string(RG_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz target: cannot read %s/%s\n", RG_SOURCE_DIR, relative.c_str());
    std::abort();
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Serializes like the wasm ABI does (wasm/bindings/exports.cpp: invalid UTF-8 replaced, never throws).
template <typename Json>
std::string dumpAsAbi(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace fuzzutil
