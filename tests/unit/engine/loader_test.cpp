// loadPolicy(): parse errors, validation with JSON pointers, limits against hostile input.
#include <filesystem>

#include "../../source_dir.h"
#include "classify/digest.h"
#include "engine_test_util.h"

using namespace rgtest;

TEST_CASE("parse errors carry the byte position and reject the bundle", "[engine]") {
  auto errs = errorsOf("{\"format\": \"replyguard-bundle/1\",, }");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].pointer == "");
  CHECK(errs[0].message.find("invalid JSON at byte 34") == 0);
  CHECK(errorsOf("").size() == 1);
  CHECK(hasError(errorsOf("[1, 2"), "", "invalid JSON at byte"));
  CHECK(hasError(errorsOf("\"\xFF\""), "", "invalid JSON"));
}

TEST_CASE("deep and huge JSON give clear errors, not crashes", "[engine]") {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  auto errs = errorsOf(deep);
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].message.find("nesting is deeper than 64") != std::string::npos);
  std::string pointer;
  for (int i = 0; i < 64; ++i) pointer += "/0";  // where the 65th level would have started
  CHECK(errs[0].pointer == pointer);
  std::string deepObj;
  for (int i = 0; i < 100; ++i) deepObj += "{\"a\":";
  auto errs2 = errorsOf(deepObj + "1" + std::string(100, '}'));
  REQUIRE(errs2.size() == 1);
  CHECK(errs2[0].pointer.rfind("/a/a/a", 0) == 0);
  std::string huge(20u << 20, ' ');
  auto errs3 = errorsOf(huge);
  REQUIRE(errs3.size() == 1);
  CHECK(errs3[0].message == "bundle is 20971520 bytes; the limit is 16777216 bytes");
}

TEST_CASE("every field error is reported with its pointer, all at once", "[engine]") {
  json b = bundleWith({
      rule("ok", "terms", {{"terms", {"idiot"}}}),
      rule("Bad Id", "terms", {{"terms", json::array()}, {"severity", "fatal"}, {"category", "nope"}, {"match", "whole"},
                               {"obfuscation", {"leet", "rot13"}}, {"tems", {"typo"}}}),
      rule("p", "pattern", {{"pattern", "(unclosed"}, {"flags", {"g"}}}),
      rule("d", "detector", {{"detector", "passport"}, {"min_confidence", 2}, {"allow_domains", {"example.com"}}}),
      rule("m", "metric", {{"metric", "caps_ratio"}, {"max", 3}, {"terms", {"x"}}}),
      rule("c", "cooccurrence", {{"trigger", {{"terms", {"a"}}, {"pattern", "b"}}}}),
      rule("ok", "required", {{"pattern", "x"}, {"min_length", -1}, {"link", "http://insecure"}}),
      rule("e", "terms", {{"terms", {"x"}}, {"examples", {{"flag", {{{"text", "abc"}, {"span", {2, 9}}}}}, {"pass", json::array()}}}}),
  });
  b["version"] = 0;
  b["languages"] = {"fr"};
  b["extra"] = true;
  b["name"] = "plain string";
  auto errs = errorsOf(b.dump());
  auto expect = [&](const std::string& ptr, const std::string& part) {
    INFO(ptr << " / " << part);
    CHECK(hasError(errs, ptr, part));
  };
  expect("/version", "must be between 1 and 9007199254740991");  // 2^53 - 1: exact in JS
  expect("/languages/0", "must be one of");
  expect("/extra", "unknown key");
  expect("/name", "must be an object");
  expect("/rules/1/id", "must match");
  expect("/rules/1/terms", "at least one");
  expect("/rules/1/severity", "\"fatal\"");
  expect("/rules/1/category", "not declared");
  expect("/rules/1/match", "must be one of");
  expect("/rules/1/obfuscation/1", "\"rot13\"");
  expect("/rules/1/tems", "unknown key");
  expect("/rules/2/pattern", "does not compile");
  expect("/rules/2/flags/0", "must be one of");
  expect("/rules/3/detector", "unknown detector");
  expect("/rules/3/min_confidence", "between 0 and 1");
  expect("/rules/3/allow_domains", "only applies to the email and url detectors");
  expect("/rules/4/max", "between 0 and 1");
  expect("/rules/4/terms", "does not apply to kind \"metric\"");
  expect("/rules/5/trigger", "exactly one of");
  expect("/rules/5", "exactly one of \"requires\" and \"forbids\"");
  expect("/rules/6/id", "duplicate rule id");
  expect("/rules/6/min_length", "between 0 and");
  expect("/rules/6/link", "https://");
  expect("/rules/7/examples/flag/0/span/1", "between 0 and 3");
  expect("/rules/7/examples/pass", "at least one");
  INFO([&] {
    std::string all;
    for (auto& e : errs) all += e.pointer + ": " + e.message + "\n";
    return all;
  }());
  CHECK(errs.size() == 25);
}

TEST_CASE("missing keys, wrong types and duplicate keys", "[engine]") {
  auto errs = errorsOf(R"({"format": "replyguard-bundle/2", "id": "x", "rules": {}, "categories": [], "format": "x"})");
  CHECK(hasError(errs, "/format", "duplicate key"));
  errs = errorsOf(R"({"format": "replyguard-bundle/2", "id": "x", "rules": {}, "categories": []})");
  CHECK(hasError(errs, "/format", "must be \"replyguard-bundle/1\""));
  CHECK(hasError(errs, "/id", "must match"));
  CHECK(hasError(errs, "/version", "missing required key"));
  CHECK(hasError(errs, "/name", "missing required key"));
  CHECK(hasError(errs, "/rules", "must be an array, not an object"));
  CHECK(hasError(errs, "/categories", "must be an array") == false);
  CHECK(hasError(errs, "/categories", "must be an object, not an array"));
  CHECK(errorsOf("[]").size() == 1);
  CHECK(hasError(errorsOf("null"), "", "must be an object"));
}

TEST_CASE("term limits: 100,000 per rule load, more are refused", "[engine]") {
  json terms = json::array();
  for (int i = 0; i < 100000; ++i) terms.push_back("w" + std::to_string(i));
  // The whole list is loaded: first, middle and last terms match (the load time is printed by
  // tests/bench/bench_check, not asserted).
  auto p = load(bundleWith({rule("many", "terms", {{"terms", terms}})}));
  CHECK(spans(check(*p, "a w99999 b")) == Spans{"many@2-8"});
  CHECK(spans(check(*p, "w0 w50000 w100000")) == Spans{"many@0-2", "many@3-9"});
  terms.push_back("one more");
  auto errs = errorsOf(bundleWith({rule("many", "terms", {{"terms", terms}})}).dump());
  CHECK(hasError(errs, "/rules/0/terms", "the limit is 100000"));
  auto errs2 = errorsOf(bundleWith({rule("z", "terms", {{"terms", {"\u200B", std::string(300, 'a')}}})}).dump());
  CHECK(hasError(errs2, "/rules/0/terms/0", "empty after folding"));
  CHECK(hasError(errs2, "/rules/0/terms/1", "longer than 256"));
}

TEST_CASE("a team is parsed by the escalation module and its errors keep their pointers", "[engine]") {
  json b = bundleWith({rule("w", "terms", {{"terms", {"idiot"}}})});
  b["team"] = {{"bogus", 1}};
  auto errs = errorsOf(b.dump());
  REQUIRE_FALSE(errs.empty());
  for (auto& e : errs) CHECK(e.pointer.rfind("/team", 0) == 0);
  auto p = load(bundleWith({rule("w", "terms", {{"terms", {"idiot"}}})}));
  CHECK(rg::escalate(*p, json::object())["escalate"] == false);  // no team, nothing found: nothing to escalate
  CHECK(rg::oncall(*p, "x", 0).contains("error"));
  CHECK(rg::gaps(*p, "x", 0, 1).contains("error"));
}

TEST_CASE("policyInfo describes the bundle", "[engine]") {
  json b = bundleWith({rule("w", "terms", {{"terms", {"idiot"}}})});
  b["description"] = {{"de", "Beschreibung"}};
  auto p = load(b);
  json info = rg::policyInfo(*p);
  CHECK(info["id"] == "test.bundle");
  CHECK(info["version"] == 1);
  CHECK(info["name"] == json{{"en", "Test"}});
  CHECK(info["description"] == json{{"de", "Beschreibung"}});
  CHECK(info["languages"] == json{"en", "de"});
  CHECK(info["categories"].size() == 4);
  CHECK(info["rules"] == 1);
  CHECK(info["team"] == false);
}

TEST_CASE("runExamples reports wrong spans, passes that flag and replacements that flag again", "[engine]") {
  json bad = bundleWith({
      rule("span", "terms", {{"terms", {"idiot"}}, {"examples", {{"flag", {{{"text", "an idiot"}, {"span", {0, 2}}}}}, {"pass", {"idiot"}}}}}),
      rule("repl", "terms", {{"terms", {"dumb"}}, {"replacement", "dumb dumb"}, {"examples", {{"flag", {"so dumb"}}, {"pass", {"ok"}}}}}),
      rule("good", "terms", {{"terms", {"stupid"}}, {"replacement", "unwise"}, {"examples", {{"flag", {{{"text", "so stupid"}, {"span", {3, 9}}}}}, {"pass", {"ok"}}}}})});
  auto p = load(bad);
  json r = rg::runExamples(*p);
  CHECK(r["passed"] == 3);  // good: flag + pass, repl: pass
  REQUIRE(r["failed"].size() == 3);
  CHECK(r["failed"][0]["rule"] == "span");
  CHECK(r["failed"][0]["reason"] == "expected a finding at [0, 2], got findings at [3, 8]");
  CHECK(r["failed"][1]["rule"] == "span");
  CHECK(r["failed"][1]["example"] == "idiot");
  CHECK(r["failed"][2]["rule"] == "repl");
  CHECK(r["failed"][2]["reason"] == "replacement \"dumb dumb\" is flagged again");
}

TEST_CASE("every bundle in policies/ loads and passes its examples", "[engine]") {
  std::vector<std::string> paths = {"policies/default/bundle.json", "tests/vectors/vectors_bundle.json"};
  for (auto& e : std::filesystem::directory_iterator(std::string(RG_SOURCE_DIR) + "/policies/examples"))
    if (e.path().extension() == ".json") paths.push_back("policies/examples/" + e.path().filename().string());
  CHECK(paths.size() >= 3);
  for (const std::string& path : paths) {
    INFO(path);
    // The default bundle names its model beside itself (the same bytes are embedded).
    rg::LoadResult r = rg::loadPolicy(readFile(path), rg::defaultBundleFiles());
    for (auto& e : r.errors) FAIL_CHECK(e.pointer << ": " << e.message);
    REQUIRE(r.policy);
    json ex = rg::runExamples(*r.policy);
    INFO(ex.dump(1));
    CHECK(ex["failed"].empty());
    CHECK(ex["passed"].get<int>() >= 2);
  }
  CHECK(rg::loadPolicy(rg::defaultBundleJson(), rg::defaultBundleFiles()).policy != nullptr);
}

TEST_CASE("loader: the embedded model's digest is computed at build time, for its own bytes only", "[engine][loader]") {
  const auto& files = rg::defaultBundleFiles();
  REQUIRE(!files.empty());
  for (const auto& [name, bytes] : files) {
    INFO(name);
    CHECK(rg::embeddedFileDigest(bytes) == rg::classify::sha256Hex(bytes));
    const std::string copy(bytes);  // equal bytes elsewhere are hashed, not trusted
    CHECK(rg::embeddedFileDigest(copy).empty());
    CHECK(rg::embeddedFileDigest(bytes.substr(0, bytes.size() - 1)).empty());
  }
  // A bundle naming the embedded model with a wrong digest is still refused.
  json b = json::parse(rg::defaultBundleJson());
  b["models"]["default"]["sha256"] = std::string(64, '0');
  rg::LoadResult r = rg::loadPolicy(b.dump(), files);
  CHECK(!r.policy);
  CHECK(hasError(r.errors, "/models/default/sha256", "does not match"));
}

TEST_CASE("loader: the default bundle with patterns compiled on first use checks exactly like the eager load", "[engine][loader]") {
  rg::LoadResult eager = rg::loadPolicy(rg::defaultBundleJson(), rg::defaultBundleFiles());
  rg::LoadResult lazy = rg::loadDefaultPolicy();
  REQUIRE(eager.policy);
  REQUIRE(lazy.policy);
  CHECK(lazy.errors.empty());
  CHECK(lazy.warnings.size() == eager.warnings.size());
  // Every rule's examples, and texts where several patterns have work.
  std::vector<std::u16string> texts = {
      u"Die Lieferung an die Hauptstraße 12 in 10115 Berlin ist für den 3.4. geplant.",
      u"Please send the photos to service@example.com by Friday, order 12345678.",
      u"We will refund €50 by tomorrow. Your booking code ABC123, born on 01.02.1990, SW1A 1AA.",
      u"Honestly, only an id*ot would order twice."};
  for (const rg::Rule& r : eager.policy->rules)
    for (const auto* list : {&r.flag, &r.pass})
      for (const rg::Example& e : *list) texts.push_back(e.text);
  for (const std::u16string& t : texts) {
    rg::CheckRequest req;
    req.reply = t;
    INFO(rg::text::toUtf8(t));
    CHECK(rg::check(*lazy.policy, req) == rg::check(*eager.policy, req));
  }
  CHECK(rg::runExamples(*lazy.policy) == rg::runExamples(*eager.policy));
}
