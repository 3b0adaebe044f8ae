// Contract checks on a check() result (policies/README.md "Result of a check"), shared by
// fuzz_check and fuzz_bundle. Aborts (via fuzzutil::fail) on any breach.
#pragma once
#include <string>
#include <string_view>
#include <tuple>

#include <nlohmann/json.hpp>

#include "fuzz_common.h"

namespace fuzzutil {

// UTF-16 → UTF-8 with every lone surrogate as U+FFFD (how the core renders "text"). Written
// here on purpose, not rg::text::toUtf8: the oracle must not share the code it checks.
inline std::string utf8Of(std::u16string_view t) {
  std::string out;
  auto put = [&](char32_t c) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  };
  for (size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < t.size() && t[i + 1] >= 0xDC00 && t[i + 1] <= 0xDFFF) {
      put(0x10000 + ((c - 0xD800) << 10) + (t[i + 1] - 0xDC00));
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      put(0xFFFD);
    } else {
      put(c);
    }
  }
  return out;
}

inline void checkResult(const nlohmann::json& result, std::u16string_view reply, std::u16string_view incoming) {
  using nlohmann::json;
  if (!result.is_object() || !result.contains("findings") || !result["findings"].is_array())
    fail("result without findings array", fuzzutil::dumpAsAbi(result));
  if (!result.contains("warnings") || !result["warnings"].is_array()) fail("result without warnings array", fuzzutil::dumpAsAbi(result));
  for (const json& w : result["warnings"]) {
    const std::string m = w.value("message", "");
    // An exception escaping the checker (caught by rg::check) is a bug, not a warning.
    if (m.rfind("check failed: ", 0) == 0) fail("check threw", m);
  }
  const json& fs = result["findings"];
  std::tuple<uint64_t, uint64_t, std::string, std::string> previous{0, 0, "", ""};
  std::string previousCategory;
  for (size_t i = 0; i < fs.size(); ++i) {
    const json& f = fs[i];
    if (!f.is_object() || !f["begin"].is_number_unsigned() || !f["end"].is_number_unsigned() ||
        !f["rule"].is_string() || !f["source"].is_string() || !f["text"].is_string() ||
        !f["severity"].is_string() || !f["confidence"].is_number())
      fail("finding fields", fuzzutil::dumpAsAbi(f));
    const uint64_t b = f["begin"], e = f["end"];
    const std::string source = f["source"], rule = f["rule"], severity = f["severity"];
    if (source != "reply" && source != "incoming") fail("finding source", fuzzutil::dumpAsAbi(f));
    if (source == "incoming" && incoming.empty()) fail("incoming finding without incoming text", fuzzutil::dumpAsAbi(f));
    const std::u16string_view text = source == "reply" ? reply : incoming;
    if (b > e || e > text.size()) fail("span out of range", fuzzutil::dumpAsAbi(f) + " len " + std::to_string(text.size()));
    if (insidePair(text, b) || insidePair(text, e)) fail("span splits a surrogate pair", fuzzutil::dumpAsAbi(f));
    if (severity != "info" && severity != "warn" && severity != "block") fail("severity", fuzzutil::dumpAsAbi(f));
    const double c = f["confidence"];
    if (!(c > 0.0 && c <= 1.0)) fail("confidence out of (0,1]", fuzzutil::dumpAsAbi(f));
    if (f["text"].get<std::string>() != utf8Of(text.substr(b, e - b))) fail("finding text is not the span's text", fuzzutil::dumpAsAbi(f));
    auto key = std::make_tuple(b, e, rule, source);
    // A classifier rule reports each of its labels (categories) on the same sentence once.
    const std::string category = f.value("category", "");
    if (i > 0 && key < previous) fail("findings not sorted", fuzzutil::dumpAsAbi(f));
    if (i > 0 && key == previous && category == previousCategory) fail("duplicate finding", fuzzutil::dumpAsAbi(f));
    previous = key;
    previousCategory = category;
    // "A finding that lies inside a longer finding of the same rule is dropped."
    for (size_t k = 0; k < fs.size(); ++k) {
      const json& g = fs[k];
      if (k == i || g["rule"] != f["rule"] || g["source"] != f["source"] || g.value("category", "") != category) continue;
      const uint64_t gb = g["begin"], ge = g["end"];
      if (gb <= b && e <= ge && ge - gb > e - b) fail("finding inside a longer finding of the same rule", fuzzutil::dumpAsAbi(f) + " in " + fuzzutil::dumpAsAbi(g));
    }
  }
}

}  // namespace fuzzutil
