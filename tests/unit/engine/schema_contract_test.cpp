// The loader's side of the schema contract (tests/vectors/schema_contract.json): every case is
// accepted or rejected as the file says; tests/node/schema_contract.test.mjs holds the schema to
// the same verdicts.
#include "engine_test_util.h"

using namespace rgtest;

TEST_CASE("schema contract: the loader accepts exactly the valid cases", "[engine][contract]") {
  json file = json::parse(readFile("tests/vectors/schema_contract.json"));
  REQUIRE(file["cases"].size() >= 50);
  for (const json& c : file["cases"]) {
    json b = file["base"];
    if (c.contains("rule")) b["rules"] = json::array({c["rule"]});
    if (c.contains("bundle"))
      for (auto it = c["bundle"].begin(); it != c["bundle"].end(); ++it) b[it.key()] = it.value();
    rg::LoadResult r = rg::loadPolicy(b.dump());
    std::string errors;
    for (const auto& e : r.errors) errors += e.pointer + ": " + e.message + "\n";
    INFO(c["name"].get<std::string>() << "\n" << errors);
    CHECK(bool(r.policy) == c["valid"].get<bool>());
  }
}
