// Presidio's recognizer test vectors (tests/vectors/presidio/recognizer_vectors.json, MIT) run
// against the detectors and against the default bundle, as a new user comparing tools would. Every
// vector agrees, or disagrees exactly as tests/vectors/presidio/differences.json lists it, with its
// reason; a listed difference that no longer happens fails too, so the list stays true. The wasm
// build runs the same files (tests/node/presidio_vectors.test.mjs). The agreement counts are printed.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../../source_dir.h"
#include "api.h"
#include "detect/detectors.h"
#include "text/utf.h"

namespace {

using nlohmann::json;
using Spans = std::vector<std::pair<uint32_t, uint32_t>>;

json readJson(const std::string& path) {
  std::ifstream f(std::string(RG_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return json::parse(ss.str());
}

Spans spansOf(const json& list) {
  Spans out;
  for (const json& s : list) out.push_back({s[0].get<uint32_t>(), s[1].get<uint32_t>()});
  return out;
}

bool matches(const json& vec, const Spans& got) {
  if (vec.contains("count")) return got.size() == vec["count"].get<size_t>();
  return spansOf(vec["spans"]) == got;
}

Spans detectorSpans(rg::detect::Kind kind, const std::u16string& text) {
  Spans out;
  for (const auto& h : rg::detect::find(kind, text)) out.push_back({h.begin, h.end});
  return out;
}

Spans bundleSpans(const rg::Policy& p, const std::u16string& text) {
  rg::CheckRequest req;
  req.reply = text;
  req.lang = "en";
  const json r = rg::check(p, req);
  std::set<std::pair<uint32_t, uint32_t>> spans;
  for (const json& f : r["findings"])
    if (f.value("category", "") == "personal_data") spans.insert({f["begin"].get<uint32_t>(), f["end"].get<uint32_t>()});
  return Spans(spans.begin(), spans.end());
}

}  // namespace

TEST_CASE("Presidio's recognizer vectors: agreement or a documented difference", "[detect][presidio]") {
  const json data = readJson("tests/vectors/presidio/recognizer_vectors.json");
  const json listed = readJson("tests/vectors/presidio/differences.json");
  REQUIRE(data["notice"].get<std::string>().find("MIT License") != std::string::npos);
  std::ifstream bf(std::string(RG_SOURCE_DIR) + "/policies/default/bundle.json", std::ios::binary);
  std::stringstream bundle;
  bundle << bf.rdbuf();
  rg::LoadResult loaded = rg::loadPolicy(bundle.str(), rg::defaultBundleFiles());
  REQUIRE(loaded.policy);
  std::set<size_t> used;
  for (const json& suite : data["suites"]) {
    const std::string name = suite["name"];
    const auto kind = rg::detect::kindFromName(suite["detector"].get<std::string>());
    REQUIRE(kind);
    size_t total = 0, agree[2] = {0, 0}, documented[2] = {0, 0};
    for (const json& vec : suite["vectors"]) {
      ++total;
      const std::string text8 = vec["text"];
      const std::u16string text = rg::text::toUtf16(text8);
      for (int m = 0; m < 2; ++m) {
        const std::string mode = m == 0 ? "detector" : "bundle";
        const Spans got = m == 0 ? detectorSpans(*kind, text) : bundleSpans(*loaded.policy, text);
        if (matches(vec, got)) {
          ++agree[m];
          continue;
        }
        const json* entry = nullptr;
        const json& diffs = listed["differences"];
        for (size_t k = 0; k < diffs.size(); ++k) {
          if (diffs[k]["suite"] != name || diffs[k]["text"] != text8 || diffs[k]["mode"] != mode) continue;
          entry = &diffs[k];
          used.insert(k);
        }
        INFO(name << " [" << mode << "] \"" << text8 << "\": Presidio expects " << vec.dump() << ", ReplyGuard reports "
                  << json(got).dump());
        if (!entry) {
          FAIL_CHECK("a difference not listed in differences.json");
          continue;
        }
        CHECK(spansOf((*entry)["ours"]) == got);
        CHECK(listed["reasons"].contains((*entry)["reason"].get<std::string>()));
        ++documented[m];
      }
    }
    std::cout << "presidio " << name << ": " << total << " vectors; detector agrees " << agree[0] << ", differs as documented "
              << documented[0] << "; default bundle agrees " << agree[1] << ", differs as documented " << documented[1] << "\n";
  }
  for (size_t k = 0; k < listed["differences"].size(); ++k) {
    INFO(listed["differences"][k].dump());
    CHECK(used.count(k) == 1);  // a listed difference that no longer happens
  }
}
