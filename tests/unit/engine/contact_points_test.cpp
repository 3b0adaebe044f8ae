// The company's own contact points are never personal data: declared once in the bundle, they are
// not reported by detector or pattern rules, in any usual spelling; other numbers and addresses are.
#include "engine_test_util.h"

using namespace rgtest;

namespace {

json contactBundle() {
  json b = bundleWith({rule("phone", "detector", {{"detector", "phone"}, {"category", "pii"}}),
                       rule("email", "detector", {{"detector", "email"}, {"category", "pii"}}),
                       rule("url", "detector", {{"detector", "url"}, {"category", "pii"}}),
                       rule("handle", "detector", {{"detector", "handle"}, {"category", "pii"}}),
                       rule("phone-re", "pattern", {{"pattern", "\\+?\\d[\\d ()/-]{6,}\\d"}, {"category", "pii"}})});
  b["contact_points"] = {{"phones", {"+49 30 1234 5678", "+44 20 7946 0000"}},
                         {"emails", {"Presse@Beispiel-Firma.de"}},
                         {"domains", {"example.com"}},
                         {"handles", {"@ExampleSupport"}},
                         {"role_mailboxes", {"support", "kundenservice"}}};
  return b;
}

std::vector<std::string> rulesFound(const json& result) {
  std::vector<std::string> out;
  for (const json& f : result["findings"]) out.push_back(f["rule"].get<std::string>() + ":" + f["text"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("contact points: the hotline in every spelling is not a phone finding", "[engine][contacts]") {
  auto p = load(contactBundle());
  for (const char* text : {"Rufen Sie uns an: +49 30 1234 5678.", "Unsere Hotline: 030 1234 5678", "Hotline 0049 30 12345678",
                           "Hotline: +49 (0)30 1234-5678", "Call us on 020 7946 0000 any time.", "+44 20 7946 0000"}) {
    INFO(text);
    CHECK(rulesFound(check(*p, text)).empty());
  }
  // A customer's number, and a number that only shares the end of the hotline, are still reported.
  CHECK(rulesFound(check(*p, "Wir rufen Sie unter 0171 2345678 an.")) ==
        std::vector<std::string>{"phone:0171 2345678", "phone-re:0171 2345678"});
  CHECK(!rulesFound(check(*p, "Call 0171 1234 5678")).empty());
}

TEST_CASE("contact points: own addresses, domains, role mailboxes and handles", "[engine][contacts]") {
  auto p = load(contactBundle());
  CHECK(rulesFound(check(*p, "Schreiben Sie an presse@beispiel-firma.de")).empty());
  CHECK(rulesFound(check(*p, "Mail jana@example.com or visit https://www.example.com/help")).empty());
  CHECK(rulesFound(check(*p, "Write to support@anywhere.org or kundenservice@shop.de")).empty());
  CHECK(rulesFound(check(*p, "DM us at @examplesupport")).empty());
  CHECK(rulesFound(check(*p, "Die Bestätigung ging an jana.schulz87@gmail.com.")) ==
        std::vector<std::string>{"email:jana.schulz87@gmail.com"});
  CHECK(rulesFound(check(*p, "Schreiben Sie an info@beispiel-firma.de")) ==
        std::vector<std::string>{"email:info@beispiel-firma.de"});  // only the declared address of that domain
  CHECK(rulesFound(check(*p, "Ask @JanaS87 please")) == std::vector<std::string>{"handle:@JanaS87"});
  CHECK(rulesFound(check(*p, "see https://evil-example.com/x")) == std::vector<std::string>{"url:https://evil-example.com/x"});
}

TEST_CASE("contact points: malformed declarations are errors with pointers", "[engine][contacts]") {
  json b = contactBundle();
  b["contact_points"] = {{"phones", {"030 1234"}}, {"emails", {"nobody"}}, {"domains", {"a b"}},
                         {"handles", {"x"}}, {"role_mailboxes", {"a@b"}}, {"fax", {"1"}}};
  auto errs = errorsOf(b.dump());
  CHECK(hasError(errs, "/contact_points/phones/0", "international number"));
  CHECK(hasError(errs, "/contact_points/emails/0", "e-mail address"));
  CHECK(hasError(errs, "/contact_points/domains/0", "domain name"));
  CHECK(hasError(errs, "/contact_points/handles/0", "handle"));
  CHECK(hasError(errs, "/contact_points/role_mailboxes/0", "before \"@\""));
  CHECK(hasError(errs, "/contact_points/fax", "unknown key \"fax\""));
}

TEST_CASE("detector options: role addresses, the rule's own allow list, service numbers", "[engine][contacts]") {
  json b = contactBundle();
  b["rules"] = json::array({rule("email", "detector", {{"detector", "email"}, {"category", "pii"}}),
                            rule("email-all", "detector", {{"detector", "email"}, {"category", "pii"}, {"role_addresses", "flag"}}),
                            rule("phone", "detector", {{"detector", "phone"}, {"category", "pii"}}),
                            rule("phone-own", "detector",
                                 {{"detector", "phone"}, {"category", "pii"}, {"allow_service_numbers", true},
                                  {"allow", {{"phones", {"+49 171 7654321"}}}}})});
  auto p = load(b);
  // Role mailboxes are not flagged by default; "flag" reports them, but still not declared addresses.
  CHECK(rulesFound(check(*p, "Write to support@anywhere.org")) == std::vector<std::string>{"email-all:support@anywhere.org"});
  CHECK(rulesFound(check(*p, "Mail jana@example.com")).empty());
  CHECK(rulesFound(check(*p, "Unsere Hotline 0800 330 1000")) == std::vector<std::string>{"phone:0800 330 1000"});
  CHECK(rulesFound(check(*p, "Service: +49 180 5 123456")) == std::vector<std::string>{"phone:+49 180 5 123456"});
  CHECK(rulesFound(check(*p, "Call 1-800-555-0199")) == std::vector<std::string>{"phone:1-800-555-0199"});
  CHECK(rulesFound(check(*p, "Mein Kollege: 0171 7654321")) == std::vector<std::string>{"phone:0171 7654321"});
  CHECK(rulesFound(check(*p, "Kundin: 0171 2345678")) ==
        std::vector<std::string>{"phone:0171 2345678", "phone-own:0171 2345678"});
}

TEST_CASE("detector options: misplaced and malformed values are errors", "[engine][contacts]") {
  auto errs = errorsOf(bundleWith({rule("a", "detector", {{"detector", "phone"}, {"role_addresses", "flag"}}),
                                   rule("b", "detector", {{"detector", "email"}, {"role_addresses", "sometimes"}}),
                                   rule("c", "detector", {{"detector", "email"}, {"allow_service_numbers", true}}),
                                   rule("d", "detector", {{"detector", "phone"}, {"allow", {{"phones", {"030 1234"}}}}})})
                           .dump());
  CHECK(hasError(errs, "/rules/0/role_addresses", "only applies to the email detector"));
  CHECK(hasError(errs, "/rules/1/role_addresses", "\"allow\" or \"flag\""));
  CHECK(hasError(errs, "/rules/2/allow_service_numbers", "only applies to the phone detector"));
  CHECK(hasError(errs, "/rules/3/allow/phones/0", "international number"));
}

TEST_CASE("detector options: phone regions, number types in the finding, service types", "[engine][contacts][phone]") {
  json b = contactBundle();
  b["rules"] = json::array({rule("phone", "detector", {{"detector", "phone"}, {"category", "pii"}}),
                            rule("dach", "detector", {{"detector", "phone"}, {"category", "pii"}, {"regions", {"DE", "AT", "CH"}}}),
                            rule("service", "detector", {{"detector", "phone"}, {"category", "pii"}, {"allow_service_numbers", true}})});
  auto p = load(b);
  const json r = check(*p, "Kundin: 0171 2345678");
  REQUIRE(r["findings"].size() == 3);
  for (const json& f : r["findings"]) CHECK(f["detail"] == json{{"phone_type", "mobile"}, {"region", "DE"}});
  CHECK(rulesFound(check(*p, "UK: +44 7400 123456")) == std::vector<std::string>{"phone:+44 7400 123456", "service:+44 7400 123456"});
  // A French freephone number is a service line by its type (the fixed prefix list knows DE, AT, CH, GB, NANP only).
  CHECK(rulesFound(check(*p, "Numéro vert +33 800 123 456")) == std::vector<std::string>{"phone:+33 800 123 456"});
  CHECK(rulesFound(check(*p, "+1 (555) 123-4567")).empty());  // valid nowhere
  auto errs = errorsOf(bundleWith({rule("a", "detector", {{"detector", "phone"}, {"regions", {"DE", "JP"}}}),
                                   rule("b", "detector", {{"detector", "email"}, {"regions", {"DE"}}}),
                                   rule("c", "detector", {{"detector", "phone"}, {"regions", json::array()}})})
                           .dump());
  CHECK(hasError(errs, "/rules/0/regions/1", "unknown region \"JP\" (DE, AT, CH, GB, US, FR, NL, IT, ES, PL, CN, BR, IL)"));
  CHECK(hasError(errs, "/rules/1/regions", "only applies to the phone detector"));
  CHECK(hasError(errs, "/rules/2/regions", "at least one region"));
}

TEST_CASE("detector options: own-line words make a company's fixed-line number no finding", "[engine][contacts][phone]") {
  json b = contactBundle();
  b.erase("contact_points");
  b["rules"] = json::array({rule("phone", "detector", {{"detector", "phone"}, {"category", "pii"}}),
                            rule("own", "detector", {{"detector", "phone"}, {"category", "pii"},
                                                     {"own_line_words", {"hotline", "servicezeiten", "press office"}}})});
  auto p = load(b);
  // After an own-line word in its sentence: the company's line, for the rule that declares the words.
  CHECK(rulesFound(check(*p, "Our hotline 0345 600 7788 is open Mon-Sat.")) == std::vector<std::string>{"phone:0345 600 7788"});
  CHECK(rulesFound(check(*p, "Unsere Servicezeiten: Mo–Sa 7–22 Uhr unter 030 555 0100.")) ==
        std::vector<std::string>{"phone:030 555 0100"});
  CHECK(rulesFound(check(*p, "Our press office can be reached at press@skyloop.example or +44 20 7946 0100.")) ==
        std::vector<std::string>{"phone:+44 20 7946 0100"});
  // A mobile number is a person's, whatever stands before it; a word after the number, or in the
  // sentence before, or too far before, marks nothing.
  CHECK(rulesFound(check(*p, "Unsere Hotline hat Sie unter 0171 2345678 nicht erreicht.")) ==
        std::vector<std::string>{"own:0171 2345678", "phone:0171 2345678"});
  CHECK(rulesFound(check(*p, "Call 0345 600 7788, that is our hotline.")) ==
        std::vector<std::string>{"own:0345 600 7788", "phone:0345 600 7788"});
  CHECK(rulesFound(check(*p, "Thanks for calling the hotline. Your number 0345 600 7788 is noted.")) ==
        std::vector<std::string>{"own:0345 600 7788", "phone:0345 600 7788"});
  CHECK(rulesFound(check(*p, "Hotline questions are always welcome here, and we have noted down for tomorrow's callback the number 0345 600 7788.")) ==
        std::vector<std::string>{"own:0345 600 7788", "phone:0345 600 7788"});
  auto errs = errorsOf(bundleWith({rule("a", "detector", {{"detector", "email"}, {"own_line_words", {"hotline"}}}),
                                   rule("b", "detector", {{"detector", "phone"}, {"own_line_words", "hotline"}})})
                           .dump());
  CHECK(hasError(errs, "/rules/0/own_line_words", "only applies to the phone detector"));
  CHECK(hasError(errs, "/rules/1/own_line_words", "array"));
}
