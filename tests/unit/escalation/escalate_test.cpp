// escalate() on the telecom example: competence limits, routes by category and severity, whom to
// call now (on-call, role, management), message and links.
#include <catch2/catch.hpp>

#include "esc_test_util.h"

using namespace esctest;

namespace {

json finding(const std::string& rule, const std::string& category, const std::string& severity, const json& extra = json::object()) {
  json f = {{"rule", rule}, {"category", category}, {"severity", severity}, {"begin", 0}, {"end", 0}, {"source", "reply"}};
  f.update(extra);
  return f;
}

json request(const std::vector<json>& findings, const std::string& berlinWall, const json& extra = json::object()) {
  json r = {{"findings", json(findings)}, {"now", local("Europe/Berlin", berlinWall)}, {"lang", "en"}};
  r.update(extra);
  return r;
}

std::vector<std::string> targetIds(const json& r) {
  std::vector<std::string> ids;
  for (const auto& t : r["targets"]) ids.push_back(t["member"]);
  return ids;
}

}  // namespace

TEST_CASE("esc: Friday-evening legal threat goes to the weekend on-call lead and management", "[escalation]") {
  auto team = telecom();
  const std::string draft = "Wir melden uns am Montag.";
  json r = rg::esc::escalate(*team, request({finding("legal.threat", "legal", "block", {{"source", "incoming"}, {"text", "Anwalt"}})},
                                             "2026-03-06T19:30",
                                             {{"member", "anna"}, {"post_url", "https://x.com/kunde/status/1"}, {"draft", draft}}));
  INFO(r.dump(2));
  REQUIRE(r["escalate"] == true);
  CHECK(r["route"] == "legal");
  CHECK(r["level"]["level"] == 1);
  // Week 9 of the night/weekend rotation (frank, deniz, eva, greta) is deniz; management week 8 is jonas.
  CHECK(targetIds(r) == std::vector<std::string>{"deniz", "jonas"});
  CHECK(r["targets"][0]["layer"] == "nights-weekends");
  CHECK(r["targets"][0]["on_call_until"] == local("Europe/Berlin", "2026-03-09T08:00"));
  CHECK(r["targets"][0]["backup"]["member"] == "eva");
  CHECK(r["targets"][1]["level"] == 3);
  CHECK(r["management"] == true);
  CHECK(r["respond_by"] == local("Europe/Berlin", "2026-03-06T20:00"));
  REQUIRE(r["next"].size() == 1);  // legal on call if the duty lead does not answer
  CHECK(r["next"][0]["level"] == 2);
  CHECK(r["next"][0]["members"] == json{"hakan"});
  CHECK(r["next"][0]["escalate_at"] == local("Europe/Berlin", "2026-03-06T20:00"));
  CHECK(r["reasons"][0]["limit"] == "role Responder may decide up to info");
  CHECK(r["gaps"].empty());
  const std::string body = r["message"]["body"];
  CHECK(body.find("https://x.com/kunde/status/1") != std::string::npos);
  CHECK(body.find("> " + draft) != std::string::npos);
  CHECK(body.find("Anwalt") != std::string::npos);
  CHECK(r["message"]["subject"].get<std::string>().find("2026-03-06 20:00") != std::string::npos);
  std::vector<std::string> hrefs;
  for (const auto& l : r["links"]) hrefs.push_back(l["href"]);
  CHECK(std::find(hrefs.begin(), hrefs.end(), "tel:+49305550104") != hrefs.end());        // deniz, phone
  CHECK(std::find(hrefs.begin(), hrefs.end(), "https://chat.funkwelle.example/dm/deniz") != hrefs.end());
  CHECK(std::find(hrefs.begin(), hrefs.end(), "tel:+49305550111") != hrefs.end());        // jonas
  const std::string mailto = r["links"].back()["href"];
  CHECK(mailto.rfind("mailto:jonas.keller@funkwelle.example?subject=", 0) == 0);
  CHECK(mailto.find("&body=") != std::string::npos);
}

TEST_CASE("esc: German message", "[escalation]") {
  json r = rg::esc::escalate(*telecom(), request({finding("legal.admission", "legal", "block", {{"begin", 21}, {"end", 35}})},
                                                  "2026-03-06T19:30",
                                                  {{"member", "anna"}, {"lang", "de"}, {"draft", "Natürlich zahlen wir Schadensersatz."}}));
  const std::string body = r["message"]["body"], subject = r["message"]["subject"];
  CHECK(subject.find("Rechtliches (block)") != std::string::npos);
  CHECK(subject.rfind("[Management]", 0) == 0);
  CHECK(body.find("Anna Schmidt braucht eine Entscheidung") != std::string::npos);
  CHECK(body.find("\"Schadensersatz\"") != std::string::npos);  // excerpt by UTF-16 offsets after "Natürlich"
  CHECK(body.find("Rolle Social-Media-Agent darf bis info selbst entscheiden") != std::string::npos);
}

TEST_CASE("esc: the writer on call is skipped in favour of the backup", "[escalation]") {
  json r = rg::esc::escalate(*telecom(), request({finding("legal.threat", "legal", "block")}, "2026-03-06T19:30", {{"member", "deniz"}}));
  REQUIRE(r["escalate"] == true);  // senior may decide legal up to warn
  CHECK(r["targets"][0]["member"] == "eva");
  CHECK(r["targets"][0]["via"] == "substitute");
  CHECK(r["reasons"][0]["limit"] == "role Senior responder may decide up to warn");
}

TEST_CASE("esc: routes by category and severity", "[escalation]") {
  auto team = telecom();
  // Responder may decide outage warnings alone; an outage cause statement (block) escalates.
  CHECK(rg::esc::escalate(*team, request({finding("outage.status", "outage", "warn")}, "2026-06-10T11:00", {{"member", "anna"}}))["escalate"] == false);
  json r = rg::esc::escalate(*team, request({finding("outage.cause", "outage", "block")}, "2026-06-10T11:00", {{"member", "anna"}}));
  CHECK(r["route"] == "outage");
  CHECK(r["management"] == true);
  CHECK(r["respond_by"] == local("Europe/Berlin", "2026-06-10T11:15"));
  CHECK(r["targets"][0]["layer"] == "business-hours");
  // Categories without an escalation route never escalate.
  CHECK(rg::esc::escalate(*team, request({finding("insult.words", "insult", "block")}, "2026-06-10T11:00", {{"member", "ben"}}))["escalate"] == false);
  // A senior may decide confidential warnings; a block goes to the duty lead only (press office is level 2).
  json c = rg::esc::escalate(*team, request({finding("confidential.tariffs", "confidential", "block")}, "2026-06-10T11:00", {{"member", "eva"}}));
  CHECK(c["route"] == "confidential");
  CHECK(c["management"] == false);
  CHECK(c["next"][0]["members"] == json{"ines"});
  // Legal warn: the management level (min block) is not involved.
  json w = rg::esc::escalate(*team, request({finding("x", "legal", "warn")}, "2026-06-10T11:00", {{"member", "anna"}}));
  CHECK(w["management"] == false);
  CHECK(w["targets"].size() == 1);
}

TEST_CASE("esc: goodwill amounts above the role's limit escalate", "[escalation]") {
  auto team = telecom();
  json f80 = finding("goodwill.amount", "goodwill", "warn", {{"text", "Gutschrift von 80 €"}});
  json f40 = finding("goodwill.amount", "goodwill", "warn", {{"text", "Gutschrift von 40,50 €"}});
  json r = rg::esc::escalate(*team, request({f80}, "2026-06-10T11:00", {{"member", "anna"}}));
  REQUIRE(r["escalate"] == true);
  CHECK(r["route"] == "goodwill");
  CHECK(r["reasons"][0]["amount"] == 80.0);
  CHECK(r["reasons"][0]["limit"] == "role Responder may grant up to 50 EUR");
  CHECK(rg::esc::escalate(*team, request({f40}, "2026-06-10T11:00", {{"member", "anna"}}))["escalate"] == false);
  CHECK(rg::esc::escalate(*team, request({f80}, "2026-06-10T11:00", {{"member", "eva"}}))["escalate"] == false);
  // Without "text", the amount is read from the draft at the finding's UTF-16 offsets (the emoji is 2 units).
  const std::string draft = "\U0001F600 Für Ärger: eine Gutschrift von 75,50 € – Ihr Team";
  json byOffsets = finding("goodwill.amount", "goodwill", "warn", {{"begin", 19}, {"end", 41}});
  json o = rg::esc::escalate(*team, request({byOffsets}, "2026-06-10T11:00", {{"member", "anna"}, {"draft", draft}}));
  CHECK(o["reasons"][0]["excerpt"] == "Gutschrift von 75,50 €");
  CHECK(o["reasons"][0]["amount"] == 75.5);
}

TEST_CASE("esc: an individual user without membership gets the default role", "[escalation]") {
  json r = rg::esc::escalate(*telecom(), request({finding("x", "legal", "warn")}, "2026-06-10T11:00"));
  CHECK(r["escalate"] == true);
  CHECK(r["reasons"][0]["limit"] == "role Responder may decide up to info");
  json u = rg::esc::escalate(*telecom(), request({finding("x", "legal", "warn")}, "2026-06-10T11:00", {{"member", "mallory"}}));
  CHECK(u["warnings"][0] == "unknown member 'mallory'");
}

TEST_CASE("esc: press inquiry while the press office is on holiday goes straight to management", "[escalation]") {
  json r = rg::esc::escalate(*telecom(), request({finding("press.inquiry", "press", "block", {{"source", "incoming"}})},
                                                  "2026-12-22T10:00", {{"member", "ben"}}));
  INFO(r.dump(2));
  REQUIRE(r["escalate"] == true);
  REQUIRE(r["gaps"].size() == 1);
  CHECK(r["gaps"][0]["reason"] == "nobody_available");
  CHECK(r["gaps"][0]["absent"][0]["member"] == "ines");
  // Management week: 2026-12-21 is week 50 since 2026-01-05 -> jonas.
  CHECK(targetIds(r) == std::vector<std::string>{"jonas"});
  CHECK(r["management"] == true);
  CHECK(r["message"]["body"].get<std::string>().find("Management is notified") != std::string::npos);
}

TEST_CASE("esc: a gap of the legal schedule is reported and the next level is called now", "[escalation]") {
  json r = rg::esc::escalate(*telecom(), request({finding("legal.threat", "legal", "warn")}, "2026-08-11T10:00", {{"member", "anna"}}));
  INFO(r.dump(2));
  // Level 1 duty lead is reachable; legal on call (level 2) comes next but has a gap now.
  CHECK(r["targets"].size() == 1);
  auto g = rg::esc::gaps(*telecom(), "legal", local("Europe/Berlin", "2026-08-01T00:00"), local("Europe/Berlin", "2026-09-01T00:00"));
  REQUIRE(g["gaps"].size() == 2);
  CHECK(g["gaps"][0]["from"] == local("Europe/Berlin", "2026-08-10T00:00"));
  CHECK(g["gaps"][0]["to"] == local("Europe/Berlin", "2026-08-10T09:00"));
  CHECK(g["gaps"][0]["absent"][0]["member"] == "hakan");
  CHECK(g["gaps"][1]["to"] == local("Europe/Berlin", "2026-08-12T12:00"));
  CHECK(g["gaps"][1]["absent"][0]["member"] == "lena");
  CHECK(g["gaps"][1]["reason"] == "no_qualified_substitute");
}

TEST_CASE("esc: bad escalate requests are errors, not exceptions", "[escalation]") {
  CHECK(rg::esc::escalate(*telecom(), json::object()).contains("error"));
  CHECK(rg::esc::escalate(*telecom(), {{"now", "soon"}, {"findings", json::array()}}).contains("error"));
  json r = rg::esc::escalate(*telecom(), {{"now", 0}, {"findings", {1, "x", {{"category", 5}}}}});
  CHECK(r["escalate"] == false);
}
