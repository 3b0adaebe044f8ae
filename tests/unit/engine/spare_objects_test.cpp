// Checks reuse what earlier checks of the same policy made (check/spare_objects.h: regex matchers,
// break iterators, the classifier's pair): a policy that checked other texts before, in another
// order, finds exactly what a policy that checks each text first finds (results compared as JSON).
#include <sstream>

#include "engine_test_util.h"

using namespace rgtest;

namespace {

// Corpus replies with numbers, addresses, insults, negations, and a long paste of them.
std::vector<std::u16string> texts() {
  std::vector<std::u16string> out;
  std::istringstream lines(readFile("tests/corpus/corpus.jsonl"));
  std::u16string paste;
  size_t i = 0;
  for (std::string line; std::getline(lines, line) && out.size() < 120; ++i) {
    if (line.empty() || i % 7) continue;
    out.push_back(rg::text::toUtf16(json::parse(line).at("text").get<std::string>()));
    paste += out.back() + u" ";
  }
  for (const char* t : {"Die Lieferung an die Hauptstraße 12 in 10115 Berlin ist für den 3.4. geplant.",
                        "Honestly, only an idiot would order twice. Not an idiot.", "Kundennummer 12345678, Tel. 030 1234567",
                        "You are s*t*u*p*i*d and your IBAN DE89370400440532013000 is here"})
    out.push_back(rg::text::toUtf16(t));
  out.push_back(paste);
  return out;
}

}  // namespace

TEST_CASE("a policy's kept matchers and break iterators find what new ones find", "[engine]") {
  const std::vector<std::u16string> ts = texts();
  REQUIRE(ts.size() > 20);
  rg::LoadResult used = rg::loadPolicy(rg::defaultBundleJson(), rg::defaultBundleFiles());
  REQUIRE(used.policy);
  // The used policy checks every text once before (in reverse order), as reply and as incoming post.
  for (size_t i = ts.size(); i-- > 0;) check(*used.policy, ts[i], "", ts[i]);
  for (size_t i = 0; i < ts.size(); i += 9) {
    rg::LoadResult fresh = rg::loadPolicy(rg::defaultBundleJson(), rg::defaultBundleFiles());
    REQUIRE(fresh.policy);
    INFO(rg::text::toUtf8(ts[i]));
    CHECK(check(*used.policy, ts[i], "x", ts[i]).dump() == check(*fresh.policy, ts[i], "x", ts[i]).dump());
  }
}
