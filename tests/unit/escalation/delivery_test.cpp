// team.delivery: targets, route -> targets, the audit delivery; secrets refused in the bundle;
// escalate() names the targets of the routes it takes with the highest finding severity.
#include <catch2/catch.hpp>

#include "escalation/delivery.h"
#include "esc_test_util.h"

using namespace esctest;

namespace {

json withDelivery(const json& delivery) {
  json b = telecomBundle();
  b["team"]["delivery"] = delivery;
  return b;
}

Parsed parseBundle(const json& b) { return parse(b["team"], b["categories"]); }

const json kDelivery = {
    {"targets", {{"legal-slack", {{"kind", "slack"}, {"name", {{"en", "Legal channel"}, {"de", "Rechtskanal"}}}}},
                 {"legal-pager", {{"kind", "pagerduty"}, {"include_draft", true}}},
                 {"press-teams", {{"kind", "teams"}}},
                 {"soc", {{"kind", "webhook"}}}}},
    {"routes", {{"legal", {"legal-slack", "legal-pager", "soc"}}, {"press", {"press-teams", "soc"}}}},
    {"audit", {{"format", "jsonl"}, {"url", "https://siem.example.com/replyguard"}}}};

json finding(const std::string& rule, const std::string& category, const std::string& severity) {
  return {{"rule", rule}, {"category", category}, {"severity", severity}, {"begin", 0}, {"end", 0}, {"source", "incoming"}, {"text", "Anwalt"}};
}

}  // namespace

TEST_CASE("delivery: targets and routes parse; escalate names each target once with the highest severity", "[escalation][delivery]") {
  Parsed p = parseBundle(withDelivery(kDelivery));
  INFO(errorList(p));
  REQUIRE(p.team);
  json req = {{"findings", {finding("legal.threat", "legal", "block"), finding("press.contact", "press", "warn")}},
              {"now", local("Europe/Berlin", "2026-03-06T19:30")}, {"member", "anna"}, {"lang", "en"}};
  json r = rg::esc::escalate(*p.team, req);
  INFO(r.dump(2));
  REQUIRE(r["escalate"] == true);
  REQUIRE(r["deliveries"].is_array());
  std::map<std::string, json> by;
  for (const auto& d : r["deliveries"]) by[d["target"]] = d;
  REQUIRE(by.size() == 4);
  CHECK(by["legal-slack"]["kind"] == "slack");
  CHECK(by["legal-slack"]["severity"] == "block");
  CHECK(by["legal-slack"]["name"]["de"] == "Rechtskanal");
  CHECK(by["legal-pager"]["include_draft"] == true);
  CHECK(by["legal-slack"]["include_draft"] == false);
  CHECK(by["press-teams"]["severity"] == "warn");
  CHECK(by["press-teams"]["routes"] == json{"press"});
  CHECK(by["soc"]["routes"] == json({"legal", "press"}));
  CHECK(by["soc"]["severity"] == "block");

  json onlyPress = rg::esc::escalate(*p.team, {{"findings", {finding("press.contact", "press", "warn")}},
                                               {"now", local("Europe/Berlin", "2026-03-06T19:30")}, {"member", "anna"}});
  std::vector<std::string> ids;
  for (const auto& d : onlyPress["deliveries"]) ids.push_back(d["target"]);
  CHECK(ids == std::vector<std::string>{"press-teams", "soc"});

  json info = rg::esc::deliveryInfo(*p.team);
  CHECK(info["audit"]["format"] == "jsonl");
  CHECK(info["audit"]["url"] == "https://siem.example.com/replyguard");
  CHECK(info["audit"]["include_draft"] == false);
}

TEST_CASE("delivery: a team without delivery escalates with no targets", "[escalation][delivery]") {
  json r = rg::esc::escalate(*telecom(), {{"findings", {finding("legal.threat", "legal", "block")}},
                                          {"now", local("Europe/Berlin", "2026-03-06T19:30")}, {"member", "anna"}});
  CHECK(r["deliveries"] == json::array());
  CHECK(rg::esc::deliveryInfo(*telecom()).contains("audit") == false);
}

TEST_CASE("delivery: errors at their pointers; secrets are refused in the bundle", "[escalation][delivery]") {
  json d = kDelivery;
  d["targets"]["legal-slack"]["webhook_url"] = "https://hooks.slack.com/services/T/B/X";
  d["targets"]["bad"] = {{"kind", "fax"}};
  d["routes"]["legal"].push_back("nobody");
  d["routes"]["nosuch"] = {"soc"};
  d["audit"]["url"] = "http://plain.example.com/";
  d["audit"]["headers"] = {{"Authorization", "Bearer x"}};
  Parsed p = parseBundle(withDelivery(d));
  INFO(errorList(p));
  CHECK_FALSE(p.team);
  CHECK(hasError(p, "/team/delivery/targets/legal-slack/webhook_url", ""));
  CHECK(hasError(p, "/team/delivery/targets/bad/kind", "\"slack\""));
  CHECK(hasError(p, "/team/delivery/routes/legal/3", "unknown target \"nobody\""));
  CHECK(hasError(p, "/team/delivery/routes/nosuch", "unknown route"));
  CHECK(hasError(p, "/team/delivery/audit/url", "https://"));
  CHECK(hasError(p, "/team/delivery/audit/headers", ""));
}
