// Concepts, proximity and negation/hedging scope, with German and English cases.
#include "engine_test_util.h"

using namespace rgtest;

namespace {

// An initializer_list, not a json: a one-rule {rule(...)} would copy the rule object under clang
// (gcc makes it an array), and /rules would not be an array.
json conceptBundle(std::initializer_list<json> rules) {
  json b = bundleWith(rules);
  b["concepts"] = {{"we", {"wir", "we", "we'll", "we will"}},
                   {"certainty", {"auf jeden fall", "garantiert", "definitely", "for sure"}},
                   {"refund", {{{"text", "erstatt"}, {"match", "prefix"}}, {{"text", "refund"}, {"match", "prefix"}}}}};
  return b;
}

}  // namespace

TEST_CASE("proximity: A then B within N words, in one sentence", "[engine][proximity]") {
  auto p = load(conceptBundle({rule("promise", "proximity", {{"items", {"we", "certainty", "refund"}}, {"within", 4}})}));
  CHECK(spans(check(*p, "Keine Sorge, wir werden das auf jeden Fall erstatten.")) == Spans{"promise@13-52"});
  CHECK(spans(check(*p, "We will definitely refund you.")) == Spans{"promise@0-25"});
  // Out of order, too far apart, or across a sentence end: no finding.
  CHECK(spans(check(*p, "Auf jeden Fall erstatten wir das.")) == Spans{});
  CHECK(spans(check(*p, "We definitely think that after all these long weeks a refund is fair.")) == Spans{});
  CHECK(spans(check(*p, "Wir melden uns auf jeden Fall. Eine Erstattung prüft das Team.")) == Spans{});
}

TEST_CASE("proximity: any order, inline terms and antipatterns", "[engine][proximity]") {
  auto p = load(conceptBundle({rule("near", "proximity", {{"items", {"refund", json::array({"guarantee", "garantie"})}},
                                                          {"order", "any"}, {"within", 3},
                                                          {"antipatterns", {"refund policy"}}})}));
  CHECK(spans(check(*p, "Garantie auf Erstattung")) == Spans{"near@0-23"});
  CHECK(spans(check(*p, "A refund, we guarantee.")) == Spans{"near@2-22"});
  CHECK(spans(check(*p, "Our refund policy comes with a guarantee")) == Spans{});
}

TEST_CASE("negation and hedging suppress a match they govern", "[engine][negation]") {
  auto p = load(conceptBundle({rule("promise", "proximity", {{"items", {"we", "refund"}}, {"unless", {"negation", "hedge"}}}),
                               rule("dumb", "terms", {{"terms", {"dumm", "dumme", "dumb", "stupid"}}, {"unless", {"negation"}}}),
                               rule("sue", "terms", {{"terms", {"klagen", "sue"}}, {"unless", {"negation"}}}),
                               rule("plain", "terms", {{"terms", {"stupid"}}})}));
  // German
  CHECK(spans(check(*p, "Es gibt keine dumme Frage.")) == Spans{});
  CHECK(spans(check(*p, "Das ist eine dumme Frage.")) == Spans{"dumb@13-18"});
  CHECK(spans(check(*p, "Ich will ja nicht klagen.")) == Spans{});
  CHECK(spans(check(*p, "Wir prüfen, ob wir Ihnen die Kosten erstatten können.")) == Spans{});
  CHECK(spans(check(*p, "Wir können das leider nicht erstatten.")) == Spans{});
  CHECK(spans(check(*p, "Wir erstatten Ihnen den Betrag.")) == Spans{"promise@0-13"});
  // English
  CHECK(spans(check(*p, "Your question isn't dumb at all.")) == Spans{});
  CHECK(spans(check(*p, "That was never a stupid idea.")) == Spans{"plain@17-23"});  // only rules that declare it
  CHECK(spans(check(*p, "I can't promise we will refund it.")) == Spans{});
  CHECK(spans(check(*p, "We'll check whether we can refund it.")) == Spans{});
  CHECK(spans(check(*p, "We will refund it.")) == Spans{"promise@0-14"});
  CHECK(spans(check(*p, "We will sue.")) == Spans{"sue@8-11"});
  // A negation in another sentence, or far before the match, does not govern it.
  CHECK(spans(check(*p, "No. That is a dumb question.")) == Spans{"dumb@14-18"});
  CHECK(spans(check(*p, "Not everything you wrote here today is dumb.")) == Spans{"dumb@39-43"});
}

TEST_CASE("concepts and unless are validated", "[engine][proximity]") {
  json b = conceptBundle({rule("p", "proximity", {{"items", {"we", "nope"}}, {"unless", {"sarcasm"}}}),
                          rule("q", "proximity", {{"items", {"we"}}})});
  b["concepts"]["Bad Name"] = {"x"};
  auto errs = errorsOf(b.dump());
  CHECK(hasError(errs, "/rules/0/items/1", "unknown concept \"nope\""));
  CHECK(hasError(errs, "/rules/0/unless/0", "must be one of \"negation\", \"hedge\""));
  CHECK(hasError(errs, "/rules/1/items", "needs 2 to 5 items"));
  CHECK(hasError(errs, "/concepts/Bad Name", "concept name"));
}
