// The shared check vectors (tests/vectors/check_vectors.json): the same file is run against the
// wasm build by tests/node/wasm_vectors.test.mjs, so native and wasm must give identical results.
#include <map>

#include "engine_test_util.h"

using namespace rgtest;

TEST_CASE("shared check vectors give exactly the expected result natively", "[engine]") {
  json vectors = json::parse(readFile("tests/vectors/check_vectors.json"));
  REQUIRE(vectors.size() >= 30);
  std::map<std::string, std::shared_ptr<const rg::Policy>> policies;
  for (const json& v : vectors) {
    const std::string name = v["name"];
    INFO(name);
    const std::string bundle = v["bundle"];
    if (!policies.count(bundle)) {
      rg::LoadResult r = rg::loadPolicy(readFile(bundle));
      REQUIRE(r.policy);
      policies[bundle] = r.policy;
    }
    auto text = [&](const std::string& key) {
      std::u16string s;
      if (v.contains(key + "_utf16"))
        for (int c : v[key + "_utf16"]) s.push_back(char16_t(c));
      else if (v.contains(key))
        s = rg::text::toUtf16(v[key].get<std::string>());
      return s;
    };
    json got = check(*policies[bundle], text("reply"), v.value("platform", ""), text("incoming"), v.value("lang", "en"));
    CHECK(got.dump() == v["expect"].dump());
  }
}
