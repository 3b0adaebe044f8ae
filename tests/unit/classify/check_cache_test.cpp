// The classifier's cache across checks (classify/check_cache.h): a check that reuses sentences and
// word sums from earlier checks finds exactly what an uncached check finds, while a reply is typed,
// edited and pasted over, on the tiny model and on the default model with corpus texts.
#include <catch2/catch.hpp>

#include "../engine/engine_test_util.h"
#include "classify/check_cache.h"
#include "classify/classify.h"
#include "classify/model.h"

#include <sstream>

using namespace rgtest;
using namespace rg::classify;

namespace {

std::shared_ptr<const Model> loadModel(const std::string& path) {
  std::string why;
  auto m = Model::load(readFile(path), why);
  INFO(why);
  REQUIRE(m);
  return m;
}

std::vector<std::u16string> corpus(size_t max) {
  std::vector<std::u16string> out;
  std::istringstream in(readFile("tests/corpus/corpus.jsonl"));
  std::string row;
  while (out.size() < max && std::getline(in, row))
    if (!row.empty()) out.push_back(rg::text::toUtf16(json::parse(row)["text"].get<std::string>()));
  return out;
}

// Drafts as a reply is written: the text typed a few characters at a time, a sentence inserted in
// the middle, a word deleted, the case of a word changed, the whole pasted over.
std::vector<std::u16string> drafts(const std::vector<std::u16string>& texts) {
  std::vector<std::u16string> out;
  std::u16string draft;
  for (const std::u16string& t : texts) {
    for (size_t i = 0; i < t.size(); i += 1 + i % 7) out.push_back(draft + t.substr(0, i));
    draft += t + u" ";
    out.push_back(draft);
    if (draft.size() > 40) {
      std::u16string edited = draft;
      edited.insert(edited.size() / 2, u" Idiot. ");
      out.push_back(edited);
      edited.erase(edited.size() / 3, 4);
      out.push_back(edited);
      if (auto p = edited.find(u"you"); p != std::u16string::npos) out.push_back(edited.replace(p, 3, u"YOU"));
    }
    if (draft.size() > 1500) draft.clear();  // pasted over
  }
  return out;
}

void sameCachedAndUncached(const Model& m, const std::vector<std::u16string>& texts, const std::vector<LabelThreshold>& labels) {
  m.checkCache().clear();
  Breakers b = Breakers::create();
  REQUIRE(b.ok());
  size_t hits = 0, words = 0;
  for (const std::u16string& text : texts)
    for (Source source : {Source::Reply, Source::Incoming}) {
      INFO(rg::text::toUtf8(text));
      std::vector<Hit> cached, fresh;
      classify(m, b, text, source, labels, cached, 3, true);
      classify(m, b, text, source, labels, fresh, 3, false);
      REQUIRE(cached.size() == fresh.size());
      for (size_t i = 0; i < cached.size(); ++i) {
        CHECK(cached[i].rule == fresh[i].rule);
        CHECK(cached[i].sentence.begin == fresh[i].sentence.begin);
        CHECK(cached[i].sentence.end == fresh[i].sentence.end);
        CHECK(cached[i].probability == fresh[i].probability);
        REQUIRE(cached[i].words.size() == fresh[i].words.size());
        for (size_t k = 0; k < cached[i].words.size(); ++k) {
          CHECK(cached[i].words[k].begin == fresh[i].words[k].begin);
          CHECK(cached[i].words[k].end == fresh[i].words[k].end);
        }
        words += cached[i].words.size();
      }
      hits += cached.size();
      std::vector<float> sc, sf;
      scores(m, b, text, source, sc, true);
      scores(m, b, text, source, sf, false);
      CHECK(sc == sf);  // the same sums in the same order: equal, not merely close
    }
  CHECK(hits > 0);
  CHECK(words > 0);
  CHECK(m.checkCache().sentences() > 0);
}

std::vector<LabelThreshold> allLabels(const Model& m, double threshold) {
  std::vector<LabelThreshold> out;
  for (size_t l = 0; l < m.labels().size(); ++l)
    if (m.labels()[l] != "clean") out.push_back({int(l), threshold});
  return out;
}

}  // namespace

TEST_CASE("cached checks find what uncached checks find while a reply is typed and edited (tiny model)", "[classify]") {
  auto m = loadModel("tests/unit/classify/fixtures/tiny.ftz");
  std::vector<std::u16string> texts = {u"You are such an idiot.", u"Tomorrow I burn your store.", u"Thanks!",
                                       u"Idiot!", u"😊 you 😊 are 😊 an 😊 idiot 😊", std::u16string(u"you are\0 an idiot", 17),
                                       u"you are ____label__insult an idiot", u"Call 0800 123 456 or I burn your store, idiot.",
                                       u"Line one\nline two, idiot\n"};
  sameCachedAndUncached(*m, drafts(texts), allLabels(*m, 0.3));
}

TEST_CASE("cached checks find what uncached checks find on the default model and corpus drafts", "[classify]") {
  auto m = loadModel("policies/default/default.ftz");
  sameCachedAndUncached(*m, drafts(corpus(15)), allLabels(*m, 0.35));
}

TEST_CASE("the classifier cache stays bounded and starts over when its word table is full", "[classify]") {
  auto m = loadModel("tests/unit/classify/fixtures/tiny.ftz");
  CheckCache& cache = m->checkCache();
  cache.clear();
  Breakers b = Breakers::create();
  REQUIRE(b.ok());
  std::vector<LabelThreshold> labels = allLabels(*m, 0.3);
  std::u16string text;
  for (size_t i = 0; i < 2 * CheckCache::kSentences; ++i) text += u"Sentence " + rg::text::toUtf16(std::to_string(i * 7919)) + u"x is here. ";
  std::vector<Hit> a, c;
  classify(*m, b, text, Source::Reply, labels, a);
  CHECK(cache.sentences() == CheckCache::kSentences);
  std::u16string many;  // distinct words (digits would all read as 0)
  for (size_t i = 0; i < CheckCache::kWords + 10; ++i) {
    for (size_t n = i + 1; n > 0; n /= 26) many += char16_t(u'a' + n % 26);
    many += u' ';
  }
  classify(*m, b, many, Source::Reply, labels, a);
  CHECK(cache.words.words.size() > CheckCache::kWords);
  a.clear();
  classify(*m, b, u"You are such an idiot.", Source::Reply, labels, a);  // starts over first
  CHECK(cache.words.words.size() < 100);
  classify(*m, b, u"You are such an idiot.", Source::Reply, labels, c, 3, false);
  REQUIRE(a.size() == c.size());
  CHECK(!a.empty());
}
