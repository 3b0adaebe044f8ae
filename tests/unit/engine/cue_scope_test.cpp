// Cue scope beyond "before the match": cues after it (German verb-final negation, English tag
// negation), contrast words that end a cue's clause, cue exceptions, "unless" on pattern and
// cooccurrence rules, and quotations.
#include "check/quotes.h"
#include "engine_test_util.h"

using namespace rgtest;

namespace {

json cueBundle(std::initializer_list<json> rules) {
  json b = bundleWith(rules);
  b["concepts"] = {{"we", {"wir", "we", "we'll", "we will"}},
                   {"refund", {{{"text", "erstatt"}, {"match", "prefix"}}, {{"text", "refund"}, {"match", "prefix"}}}}};
  return b;
}

json promise(json extra = json::object()) {
  json r = rule("promise", "proximity", {{"items", {"we", "refund"}}, {"unless", {"negation", "hedge"}}});
  for (auto it = extra.begin(); it != extra.end(); ++it) r[it.key()] = it.value();
  return r;
}

json sue() { return rule("sue", "terms", {{"terms", {"verklage", "klagen", "sue", "fehler von uns"}}, {"unless", {"negation"}}}); }

bool flagged(const rg::Policy& p, const char* text) { return !check(p, text)["findings"].empty(); }

}  // namespace

TEST_CASE("cue scope: by default a cue after the match does not govern it", "[engine][negation]") {
  auto p = load(cueBundle({promise(), sue()}));
  CHECK(flagged(*p, "Ich verklage euch nicht."));
  CHECK(flagged(*p, "Wir erstatten die Kosten nicht."));
  CHECK_FALSE(flagged(*p, "Wir können das nicht erstatten."));
}

TEST_CASE("cue scope: negation after the match, within the bundle's after-scope", "[engine][negation]") {
  json b = cueBundle({promise(), sue()});
  b["cue_scope"] = {{"after", 4}};
  auto p = load(b);
  // German verb-final negation.
  CHECK_FALSE(flagged(*p, "Ich verklage euch nicht."));
  CHECK_FALSE(flagged(*p, "Wir erstatten die Kosten nicht."));
  CHECK_FALSE(flagged(*p, "Ein Fehler von uns war das nicht."));
  CHECK_FALSE(flagged(*p, "Das war kein Fehler von uns."));
  // English tag negation after a question.
  CHECK_FALSE(flagged(*p, "We will refund it? Not happening."));
  CHECK_FALSE(flagged(*p, "We'll refund you? no."));
  CHECK_FALSE(flagged(*p, "Ich verklage euch? Mach ich nicht."));
  CHECK_FALSE(flagged(*p, "Sue you? Don't be silly."));
  CHECK(flagged(*p, "Sue you? I would gladly do that, but no."));
  // Out of scope: too far, another clause, another sentence, a question mark that is not the last.
  CHECK(flagged(*p, "Wir erstatten Ihnen die Kosten für die Reparatur nicht."));
  CHECK(flagged(*p, "Wir erstatten die Kosten, nicht die Versandkosten."));
  CHECK(flagged(*p, "We will refund it. Not the shipping, though."));
  CHECK(flagged(*p, "We will refund it? Yes! Not kidding."));
  CHECK(flagged(*p, "Ich verklage euch."));
  CHECK(flagged(*p, "Wir erstatten „keine Fragen“-Pauschalen."));  // a quotation opens after the match
  CHECK(flagged(*p, "We will refund the \"no questions\" fee."));
  CHECK(flagged(*p, "We will refund the 'no questions' fee."));
  CHECK_FALSE(flagged(*p, "We'll refund the customer's fee? No."));
}

TEST_CASE("cue scope: a rule's cue_scope overrides the bundle's, key by key", "[engine][negation]") {
  json b = cueBundle({promise({{"cue_scope", {{"after", 0}}}}), sue()});
  b["cue_scope"] = {{"after", 3}, {"before", 1}};
  auto p = load(b);
  CHECK(flagged(*p, "Wir erstatten die Kosten nicht."));           // the rule: after 0
  CHECK_FALSE(flagged(*p, "Ich verklage euch nicht."));            // the bundle: after 3
  CHECK_FALSE(flagged(*p, "Keine Sorge? Nein: nicht wir erstatten das."));  // before 1, kept by the rule
  CHECK(flagged(*p, "Ich will ja nicht so schnell klagen."));     // 3 words before: beyond before 1
  json c = cueBundle({sue()});
  c["cue_scope"] = {{"before", 0}};
  auto q = load(c);
  CHECK_FALSE(flagged(*q, "Ich will nicht klagen."));
  CHECK(flagged(*q, "Ich will ja nicht gleich klagen."));
}

TEST_CASE("clause breaks: contrast words end a cue's scope", "[engine][negation]") {
  json b = cueBundle({promise(), sue()});
  b["cue_scope"] = {{"after", 4}};
  auto p = load(b);
  CHECK(flagged(*p, "Nicht schön, aber wir erstatten alles."));
  CHECK(flagged(*p, "Nicht schön aber wir erstatten alles."));
  CHECK(flagged(*p, "Not great but we will refund it."));
  CHECK(flagged(*p, "We will refund you but not the fee."));
  CHECK(flagged(*p, "Wir wollen nicht drängen, doch wir erstatten das gern."));
  CHECK(flagged(*p, "We never do this however we will refund you."));
  // Without a contrast word the cue still governs.
  CHECK_FALSE(flagged(*p, "Nicht wir erstatten das."));
  CHECK_FALSE(flagged(*p, "Wir werden nicht erstatten."));
  CHECK_FALSE(flagged(*p, "Wir erstatten das nicht."));
  // Between the match's parts: a contrast word after the cue ends its scope there too.
  CHECK(flagged(*p, "Wir können nicht alles, aber erstatten das."));
  CHECK(flagged(*p, "Wir können nicht alles aber erstatten das."));

  // A bundle's "clause_break" concept replaces the list: "aber" no longer ends a clause.
  b["concepts"]["clause_break"] = {"allerdings"};
  auto q = load(b);
  CHECK_FALSE(flagged(*q, "Nicht schön aber wir erstatten alles."));
  CHECK(flagged(*q, "Nicht schön allerdings wir erstatten alles."));
}

TEST_CASE("cue exceptions: phrases with a cue word that negate nothing", "[engine][negation]") {
  json b = cueBundle({promise(), sue(), rule("happen", "terms", {{"terms", {"passiert", "happen"}}, {"unless", {"negation"}}})});
  b["cue_scope"] = {{"after", 4}};
  auto p = load(b);
  CHECK(flagged(*p, "Wir erstatten nicht nur die Kosten."));
  CHECK(flagged(*p, "Not only will we refund you, we add a voucher."));
  CHECK(flagged(*p, "Kein Problem wir erstatten das."));
  CHECK(flagged(*p, "No problem we will refund it."));
  CHECK(flagged(*p, "Keine Sorge wir erstatten das."));
  CHECK(flagged(*p, "No doubt we will refund it."));
  CHECK(flagged(*p, "We will refund it no matter what."));
  CHECK(flagged(*p, "We will refund it no later than Friday."));
  CHECK(flagged(*p, "Sie wollen klagen, oder nicht?"));   // comma: another clause anyway
  CHECK(flagged(*p, "Sie wollen klagen oder nicht?"));    // the tag affirms
  CHECK(flagged(*p, "Das passiert nie wieder."));         // a promise, not a negation
  CHECK(flagged(*p, "Nichts als Ärger, ich verklage euch."));
  // The other direction: the cue words alone still negate.
  CHECK_FALSE(flagged(*p, "Das passiert nie."));
  CHECK_FALSE(flagged(*p, "Wir erstatten nicht die Kosten."));
  CHECK_FALSE(flagged(*p, "We will not refund it."));
  CHECK_FALSE(flagged(*p, "Nichts verklage ich."));
  CHECK_FALSE(flagged(*p, "Das ist kein Fehler von uns."));

  // A bundle's "cue_exception" concept replaces the list.
  b["concepts"]["cue_exception"] = {"kein ding"};
  auto q = load(b);
  CHECK_FALSE(flagged(*q, "Kein Problem wir erstatten das."));
  CHECK(flagged(*q, "Kein Ding wir erstatten das."));
}

TEST_CASE("unless on pattern and cooccurrence rules: the match span must be governed", "[engine][negation]") {
  json b = cueBundle({rule("amount", "pattern", {{"pattern", "\\b(erstatten|refund)\\s+\\d+\\s*(€|EUR)"}, {"flags", {"i"}},
                                                  {"unless", {"negation", "hedge"}}}),
                      rule("co", "cooccurrence", {{"trigger", {{"terms", {"refund"}}}}, {"requires", {{"terms", {"terms apply"}}}},
                                                  {"unless", {"negation"}}}),
                      rule("bare", "pattern", {{"pattern", "\\brefund\\s+\\d+"}})});
  b["cue_scope"] = {{"after", 3}};
  auto p = load(b);
  CHECK(spans(check(*p, "Wir erstatten 50 €.")) == Spans{"amount@4-18"});
  CHECK(spans(check(*p, "Wir können nicht erstatten 50 €.")) == Spans{});
  CHECK(spans(check(*p, "Vielleicht erstatten wir, vielleicht erstatten 50 € gehen.")) == Spans{});
  CHECK(spans(check(*p, "We refund 50 EUR.")) == Spans{"co@3-9", "bare@3-12", "amount@3-16"});
  CHECK(spans(check(*p, "We do not refund 50 EUR.")) == Spans{"bare@10-19"});
  CHECK(spans(check(*p, "We refund 50 EUR, terms apply.")) == Spans{"bare@3-12", "amount@3-16"});
  CHECK(spans(check(*p, "A refund? Not happening.")) == Spans{});
}

TEST_CASE("quotations: the responder quoting the customer", "[engine][negation]") {
  auto p = load(cueBundle({rule("idiot", "terms", {{"terms", {"idiot", "idioten"}}, {"unless", {"quotation"}}}),
                           rule("plain", "terms", {{"terms", {"clowns"}}}),
                           rule("pat", "pattern", {{"pattern", "\\bdepp\\b"}, {"flags", {"i"}}, {"unless", {"quotation", "negation"}}})}));
  CHECK_FALSE(flagged(*p, "Sie schrieben „Idioten“ – das verstehen wir."));
  CHECK_FALSE(flagged(*p, "„Ihr seid doch alle Idioten\" – okay, das nehmen wir als Frust."));
  CHECK_FALSE(flagged(*p, "You wrote \"what idiot built this\" and we hear you."));
  CHECK_FALSE(flagged(*p, "We read “you idiot” twice, and “idiot” once."));
  CHECK_FALSE(flagged(*p, "Das Wort »Idiot« ist gefallen."));
  CHECK_FALSE(flagged(*p, "The word 'idiot' was used."));
  CHECK_FALSE(flagged(*p, "Sie schrieben ‚Depp‘."));
  CHECK(flagged(*p, "Du bist ein Idiot."));
  CHECK(flagged(*p, "Don't call him an idiot, it's rude."));  // apostrophes quote nothing
  CHECK(flagged(*p, "Er sagte „so ein Mist“, du Idiot."));    // outside the quotation
  CHECK(flagged(*p, "Er schrieb „Idiot"));                    // no closing mark
  CHECK(flagged(*p, "Ihr „Clowns“."));                        // only rules that declare it
  CHECK_FALSE(flagged(*p, "Kein Depp."));
}

TEST_CASE("quotations: marks and their partners", "[engine][negation]") {
  using rg::eval::quotations;
  auto q = [](const char* s) {
    std::vector<std::string> out;
    const std::u16string t = rg::text::toUtf16(s);
    for (const rg::text::Span& x : quotations(t)) out.push_back(rg::text::toUtf8(t.substr(x.begin, x.end - x.begin)));
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(q("a „b c“ d") == V{"b c"});
  CHECK(q("a „b c\" d") == V{"b c"});  // typed: the keyboard's straight mark closes a low opening one
  CHECK(q("a “b” c \"d\" e") == V{"b", "d"});
  CHECK(q("»x« and «y»") == V{"x", "y"});
  CHECK(q("it's 'quoted' isn't it") == V{"quoted"});
  CHECK(q("don't won't can't") == V{});
  CHECK(q("‘single’ and ‚low‘") == V{"single", "low"});
  CHECK(q("\"open\nclose\"") == V{});
  CHECK(q("\"\"") == V{});
}

TEST_CASE("cue scope and unless are validated", "[engine][negation]") {
  json b = cueBundle({rule("a", "terms", {{"terms", {"x"}}, {"unless", {"negation", "irony"}}}),
                      rule("b", "terms", {{"terms", {"x"}}, {"unless", {"negation"}}, {"cue_scope", {{"after", -1}, {"afterr", 2}}}}),
                      rule("c", "terms", {{"terms", {"x"}}, {"cue_scope", {{"before", 1}}}}),
                      rule("d", "pattern", {{"pattern", "x"}, {"unless", json::array()}}),
                      rule("e", "terms", {{"terms", {"x"}}, {"unless", {"hedge"}}, {"cue_scope", 3}})});
  b["cue_scope"] = {{"before", 51}};
  auto errs = errorsOf(b.dump());
  CHECK(hasError(errs, "/rules/0/unless/1", "must be one of \"negation\", \"hedge\", \"quotation\""));
  CHECK(hasError(errs, "/rules/1/cue_scope/after", "must be between 0 and 50"));
  CHECK(hasError(errs, "/rules/1/cue_scope/afterr", "unknown key \"afterr\""));
  CHECK(hasError(errs, "/rules/2/cue_scope", "only applies with \"unless\""));
  CHECK(hasError(errs, "/rules/3/unless", "needs at least one of"));
  CHECK(hasError(errs, "/rules/4/cue_scope", "must be an object"));
  CHECK(hasError(errs, "/cue_scope/before", "must be between 0 and 50"));
}

TEST_CASE("universal negations may reach further before the match (cue_scope universal)", "[engine][negation]") {
  json insult = rule("insult", "terms", {{"terms", {"dumm", "stupid", "daft", "idiot"}}, {"unless", {"negation"}}});
  // Without "universal" they reach as far as any negation: the behaviour before the key existed.
  auto plain = load(cueBundle({insult}));
  CHECK(flagged(*plain, "Nobody here thinks you're stupid."));
  CHECK(flagged(*plain, "Niemand hier hält Sie für dumm."));
  CHECK_FALSE(flagged(*plain, "Niemand ist dumm."));

  json b = cueBundle({insult});
  b["cue_scope"] = {{"universal", 5}};
  auto p = load(b);
  CHECK_FALSE(flagged(*p, "Nobody here thinks you're stupid."));
  CHECK_FALSE(flagged(*p, "Niemand hier hält Sie für dumm."));
  CHECK_FALSE(flagged(*p, "No such thing as a daft question."));
  CHECK_FALSE(flagged(*p, "Keiner hier hält dich für einen Idioten."));
  CHECK_FALSE(flagged(*p, "No one here thinks you're daft."));
  // Other negations keep their 2 words ("Nicht jeder ist so dumm wie du" is an insult).
  CHECK(flagged(*p, "Nicht jeder ist so dumm wie du."));
  CHECK(flagged(*p, "You are not even close to as stupid as him."));
  // Beyond the universal scope, or in another clause.
  CHECK(flagged(*p, "Nobody I know would ever call a customer so stupid."));
  CHECK(flagged(*p, "Nobody asked, but you are stupid."));
  CHECK(flagged(*p, "Niemand hier, du bist dumm."));
  // A rule's cue_scope replaces it; a bundle's own "universal_negation" concept replaces the list.
  json r = insult;
  r["cue_scope"] = {{"universal", 0}};
  auto q = load(cueBundle({r}));
  CHECK(flagged(*q, "Nobody here thinks you're stupid."));
  json c = cueBundle({insult});
  c["cue_scope"] = {{"universal", 5}};
  c["concepts"]["universal_negation"] = {"kein mensch"};
  auto own = load(c);
  CHECK_FALSE(flagged(*own, "Kein Mensch hier hält Sie für dumm."));
  CHECK(flagged(*own, "Niemand hier hält Sie für dumm."));  // "niemand": a plain negation there
  // Validated like the other keys.
  json bad = cueBundle({insult});
  bad["cue_scope"] = {{"universal", 51}};
  CHECK(hasError(errorsOf(bad.dump()), "/cue_scope/universal", "must be between 0 and 50"));
}
