// Helpers for the engine tests: small bundles built in code, checks on UTF-8 text.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../../source_dir.h"
#include "api.h"
#include "policy/policy.h"
#include "text/utf.h"

namespace rgtest {

using nlohmann::json;

inline std::string readFile(const std::string& repoPath) {
  std::ifstream f(std::string(RG_SOURCE_DIR) + "/" + repoPath, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// A valid bundle around the given rules (categories a..: insult, tone, pii, style).
// The rules come as an initializer list, not a json: `json x = {oneObject}` is that object under
// clang but a one-element array under gcc (CWG 2137), and the sanitizer build uses clang.
inline json bundleWith(const json& rules) {  // rules: a json array built by the caller
  return {{"format", "replyguard-bundle/1"},
          {"id", "test.bundle"},
          {"version", 1},
          {"name", {{"en", "Test"}}},
          {"languages", {"en", "de"}},
          {"categories",
           {{"insult", {{"label", {{"en", "Insult"}}}}},
            {"tone", {{"label", {{"en", "Tone"}}}}},
            {"pii", {{"label", {{"en", "PII"}}}}},
            {"style", {{"label", {{"en", "Style"}}}}}}},
          {"rules", std::move(rules)}};
}
inline json bundleWith(std::initializer_list<json> ruleList) {
  json rules = json::array();
  for (const json& r : ruleList) rules.push_back(r);
  return bundleWith(rules);
}

// A rule header with placeholder examples (tests here call check(), not runExamples()).
inline json rule(const std::string& id, const std::string& kind, json extra) {
  json r = {{"id", id}, {"kind", kind}, {"category", "insult"}, {"severity", "warn"},
            {"message", {{"en", "Message " + id}, {"de", "Meldung " + id}}},
            {"examples", {{"flag", {"x"}}, {"pass", {"y"}}}}};
  for (auto it = extra.begin(); it != extra.end(); ++it) r[it.key()] = it.value();
  return r;
}

inline std::shared_ptr<const rg::Policy> load(const json& bundle) {
  rg::LoadResult r = rg::loadPolicy(bundle.dump());
  INFO("errors: " << [&] {
    std::string s;
    for (auto& e : r.errors) s += e.pointer + ": " + e.message + "\n";
    return s;
  }());
  REQUIRE(r.errors.empty());
  REQUIRE(r.policy);
  return r.policy;
}

inline std::vector<rg::BundleError> errorsOf(const std::string& text) {
  rg::LoadResult r = rg::loadPolicy(text);
  CHECK(!r.policy);
  return r.errors;
}

inline bool hasError(const std::vector<rg::BundleError>& errs, const std::string& pointer, const std::string& part) {
  for (auto& e : errs)
    if (e.pointer == pointer && e.message.find(part) != std::string::npos) return true;
  return false;
}

inline json check(const rg::Policy& p, const std::u16string& reply, const std::string& platform = "",
                  const std::u16string& incoming = u"", const std::string& lang = "en") {
  rg::CheckRequest req;
  req.reply = reply;
  req.incoming = incoming;
  req.platform = platform;
  req.lang = lang;
  return rg::check(p, req);
}
inline json check(const rg::Policy& p, const char* reply, const std::string& platform = "") {
  return check(p, rg::text::toUtf16(reply), platform);
}

// "rule@begin-end" for every finding, in result order.
inline std::vector<std::string> spans(const json& result) {
  std::vector<std::string> out;
  for (const json& f : result["findings"])
    out.push_back(f["rule"].get<std::string>() + "@" + std::to_string(f["begin"].get<int>()) + "-" +
                  std::to_string(f["end"].get<int>()));
  return out;
}

using Spans = std::vector<std::string>;

}  // namespace rgtest
