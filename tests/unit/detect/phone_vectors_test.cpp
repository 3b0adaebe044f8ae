// Phone numbers through libphonenumber (tests/vectors/phone_numbers.json): the native build, with
// all regions' metadata, reports exactly what the vectors list; tests/node/phone_vectors.test.mjs
// runs the same file against the wasm build, whose metadata is trimmed to the bundle regions.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../../source_dir.h"
#include "api.h"
#include "text/utf.h"

TEST_CASE("phone vectors: types and regions as listed", "[detect][phone]") {
  using nlohmann::json;
  std::ifstream f(std::string(RG_SOURCE_DIR) + "/tests/vectors/phone_numbers.json", std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  const json data = json::parse(ss.str());
  rg::LoadResult loaded = rg::loadPolicy(data["bundle"].dump(), {});
  REQUIRE(loaded.policy);
  REQUIRE(data["cases"].size() >= 20);
  for (const json& c : data["cases"]) {
    const std::u16string reply = rg::text::toUtf16(c["reply"].get<std::string>());
    rg::CheckRequest req;
    req.reply = reply;
    req.lang = "en";
    const json r = rg::check(*loaded.policy, req);
    json got = json::array();
    for (const json& x : r["findings"])
      got.push_back({x["rule"], x["text"], x["detail"]["phone_type"], x["detail"]["region"]});
    INFO(c["reply"].get<std::string>() << ": " << got.dump());
    CHECK(got == c["findings"]);
  }
}
