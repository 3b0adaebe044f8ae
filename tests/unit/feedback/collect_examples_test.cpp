// The bundle's collect_examples setting: whether a responder's "not a problem here" may keep the
// sentence on the device (extension/src/background/examples.js), told to the extension by policyInfo.
#include <catch2/catch.hpp>

#include "api.h"

using nlohmann::json;

namespace {
json bundle() {
  return {{"format", "replyguard-bundle/1"}, {"id", "feedback.test"}, {"version", 1}, {"name", {{"en", "t"}}},
          {"languages", {"en"}}, {"categories", json::object()}, {"rules", json::array()}};
}
}  // namespace

TEST_CASE("collect_examples: off unless the bundle says true; anything but a boolean is an error", "[feedback]") {
  auto plain = rg::loadPolicy(bundle().dump());
  REQUIRE(plain.errors.empty());
  CHECK(rg::policyInfo(*plain.policy)["collect_examples"] == false);
  json b = bundle();
  b["collect_examples"] = true;
  auto on = rg::loadPolicy(b.dump());
  REQUIRE(on.errors.empty());
  CHECK(rg::policyInfo(*on.policy)["collect_examples"] == true);
  b["collect_examples"] = "yes";
  auto bad = rg::loadPolicy(b.dump());
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].pointer == "/collect_examples");
}
