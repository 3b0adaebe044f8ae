// A bundle without a team may still name escalation routes: the responder learns where to escalate.
#include <catch2/catch.hpp>

#include "api.h"

using nlohmann::json;

namespace {

json bundle() {
  return json::parse(R"({
    "format": "replyguard-bundle/1", "id": "teamless.test", "version": 1, "name": {"en": "t"},
    "languages": ["en", "de"],
    "categories": {"legal": {"label": {"en": "Legal", "de": "Rechtliches"}, "escalation": "legal"},
                   "style": {"label": {"en": "Style"}}},
    "rules": [
      {"id": "legal.fault", "kind": "terms", "category": "legal", "severity": "block",
       "message": {"en": "Admission of fault", "de": "Schuldeingeständnis"}, "terms": ["our fault"],
       "examples": {"flag": ["It is our fault."], "pass": ["Not at fault."]}},
      {"id": "legal.lawyer", "kind": "terms", "category": "legal", "severity": "warn", "applies_to": "incoming",
       "message": {"en": "Lawyer"}, "terms": ["lawyer"],
       "examples": {"flag": ["my lawyer"], "pass": ["law"]}},
      {"id": "style.caps", "kind": "terms", "category": "style", "severity": "block",
       "message": {"en": "Shouting"}, "terms": ["shouting"],
       "examples": {"flag": ["shouting"], "pass": ["quiet"]}}
    ]})");
}

json escalateFor(const std::u16string& reply, const std::u16string& incoming, const std::string& lang,
                 const std::string& incomingText = "") {
  auto loaded = rg::loadPolicy(bundle().dump());
  REQUIRE(loaded.errors.empty());
  rg::CheckRequest req;
  req.reply = reply;
  req.incoming = incoming;
  req.lang = lang;
  json findings = rg::check(*loaded.policy, req)["findings"];
  json request = {{"findings", findings}, {"now", 0}, {"lang", lang},
                  {"draft", "It is our fault, SHOUTING"}, {"post_url", "https://x.com/p/1"}};
  if (!incomingText.empty()) request["incoming"] = incomingText;
  return rg::escalate(*loaded.policy, request);
}

}  // namespace

TEST_CASE("teamless: a route name without a team loads", "[escalation]") {
  auto loaded = rg::loadPolicy(bundle().dump());
  CHECK(loaded.errors.empty());
  CHECK(rg::policyInfo(*loaded.policy)["team"] == false);
}

TEST_CASE("teamless: a blocking finding of a routed category says where to escalate", "[escalation]") {
  json out = escalateFor(u"It is our fault, SHOUTING", u"", "en");
  CHECK(out["escalate"] == true);
  CHECK(out["team"] == false);
  CHECK(out["routes"] == json::array({"legal"}));
  CHECK(out["targets"].empty());
  REQUIRE(out["reasons"].size() == 1);  // style has no route: it never escalates
  CHECK(out["reasons"][0]["rule"] == "legal.fault");
  CHECK(out["message"]["subject"] == "Escalation: Legal");
  const std::string body = out["message"]["body"];
  CHECK(body.find("https://x.com/p/1") != std::string::npos);
  CHECK(body.find("\"our fault\"") != std::string::npos);
  const std::string href = out["links"][0]["href"];
  CHECK(href.rfind("mailto:?subject=Escalation%3A%20Legal", 0) == 0);
}

TEST_CASE("teamless: an incoming finding escalates even below block, in German", "[escalation]") {
  json out = escalateFor(u"Thanks for your message.", u"My lawyer will call.", "de");
  CHECK(out["escalate"] == true);
  REQUIRE(out["reasons"].size() == 1);
  CHECK(out["reasons"][0]["rule"] == "legal.lawyer");
  CHECK(out["message"]["subject"] == "Eskalation: Rechtliches");
}

TEST_CASE("teamless: nothing to escalate", "[escalation]") {
  json out = escalateFor(u"All good, SHOUTING", u"", "en");
  CHECK(out["escalate"] == false);
  CHECK(out["reasons"].empty());
}

TEST_CASE("teamless: the message carries the post being answered and excerpts of both texts", "[escalation]") {
  json out = escalateFor(u"It is our fault, SHOUTING", u"My lawyer will call.", "en", "My lawyer will call.");
  REQUIRE(out["escalate"] == true);
  CHECK(out["reasons"].size() == 2);
  const std::string body = out["message"]["body"];
  CHECK(body.find("\"lawyer\"") != std::string::npos);      // the incoming finding's excerpt
  CHECK(body.find("\"our fault\"") != std::string::npos);    // the reply's
  CHECK(body.find("Post being answered:\nMy lawyer will call.\n") != std::string::npos);
  json de = escalateFor(u"It is our fault", u"My lawyer will call.", "de", "My lawyer will call.");
  CHECK(std::string(de["message"]["body"]).find("Beantworteter Beitrag:\nMy lawyer will call.") != std::string::npos);
}
