#include <catch2/catch.hpp>

#include "detect_test_util.h"

using namespace rg::detect;
using namespace rg::detect::test;

TEST_CASE("kindFromName maps bundle names", "[detect]") {
  CHECK(kindFromName("email") == Kind::Email);
  CHECK(kindFromName("phone") == Kind::Phone);
  CHECK(kindFromName("iban") == Kind::Iban);
  CHECK(kindFromName("card") == Kind::Card);
  CHECK(kindFromName("url") == Kind::Url);
  CHECK(kindFromName("handle") == Kind::Handle);
  CHECK_FALSE(kindFromName("Email").has_value());
  CHECK_FALSE(kindFromName("").has_value());
}

TEST_CASE("find email with punctuation and UTF-16 offsets", "[detect]") {
  CHECK(hits(Kind::Email, u"Schreib an anna.schmidt@example.com.") == Strings{"anna.schmidt@example.com@[11,35)"});
  CHECK(hits(Kind::Email, u"(mail: max+shop@firma.de)") == Strings{"max+shop@firma.de@[7,24)"});
  CHECK(hits(Kind::Email, u"Grüße 👋🏼 jörg@müller.de, danke") == Strings{"jörg@müller.de@[11,25)"});
  CHECK(texts(Kind::Email, u"a@b.de und c.d@e.co.uk") == Strings{"a@b.de", "c.d@e.co.uk"});
  CHECK(texts(Kind::Email, u"<ben@example.org>") == Strings{"ben@example.org"});
  CHECK(texts(Kind::Email, u"ｂｅｎ＠ｅｘａｍｐｌｅ．ｃｏｍ") == Strings{"ｂｅｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"});
  CHECK(confidenceOf(Kind::Email, u"x@example.com") == Approx(0.9));
  CHECK(confidenceOf(Kind::Email, u"x@example.museum") == Approx(0.75));
}

TEST_CASE("find email rejects non-addresses", "[detect]") {
  CHECK(find(Kind::Email, u"a@b").empty());
  CHECK(find(Kind::Email, u"a@b.c").empty());
  CHECK(find(Kind::Email, u"@anna").empty());
  CHECK(find(Kind::Email, u"@anna@mastodon.social").empty());  // a Mastodon handle
  CHECK(find(Kind::Email, u"anna.@example.com").empty());
  CHECK(find(Kind::Email, u"an..na@example.com").empty());
  CHECK(find(Kind::Email, u"treffen um 10 @ cafe.de").empty());
}

TEST_CASE("find handle: X, Instagram, Mastodon", "[detect]") {
  CHECK(hits(Kind::Handle, u"Hallo @anna_s, danke!") == Strings{"@anna_s@[6,13)"});
  CHECK(hits(Kind::Handle, u"ping @anna@mastodon.social.") == Strings{"@anna@mastodon.social@[5,26)"});
  CHECK(texts(Kind::Handle, u"@insta.name.") == Strings{"@insta.name"});
  CHECK(hits(Kind::Handle, u"Grüß dich 🇩🇪 @max") == Strings{"@max@[15,19)"});
  CHECK(confidenceOf(Kind::Handle, u"@anna") == Approx(0.6));
  CHECK(confidenceOf(Kind::Handle, u"@anna@chaos.social") == Approx(0.85));
  CHECK(find(Kind::Handle, u"anna@example.com").empty());
  CHECK(find(Kind::Handle, u"um 10 @ 12").empty());
  CHECK(find(Kind::Handle, u"@2024").empty());
  CHECK(find(Kind::Handle, u"@müller").empty());
  CHECK(find(Kind::Handle, u"@abcdefghijklmnopqrstuvwxyz12345").empty());  // 31 characters
  CHECK(find(Kind::Handle, u"https://mastodon.social/@anna").empty());
}

TEST_CASE("find url: scheme, www, bare domains", "[detect]") {
  CHECK(hits(Kind::Url, u"Siehe https://example.com/a?b=1.") == Strings{"https://example.com/a?b=1@[6,31)"});
  CHECK(texts(Kind::Url, u"(http://de.wikipedia.org/wiki/Bank_(Begriffsklärung))") ==
        Strings{"http://de.wikipedia.org/wiki/Bank_(Begriffsklärung)"});
  CHECK(texts(Kind::Url, u"(siehe www.example.de)") == Strings{"www.example.de"});
  CHECK(texts(Kind::Url, u"www.example.de/hilfe, danke") == Strings{"www.example.de/hilfe"});
  CHECK(texts(Kind::Url, u"auf example.com/support!") == Strings{"example.com/support"});
  CHECK(texts(Kind::Url, u"auf shop.example.de") == Strings{"shop.example.de"});
  CHECK(hits(Kind::Url, u"Ä 🎉 https://x.de") == Strings{"https://x.de@[5,17)"});
  CHECK(texts(Kind::Url, u"«https://example.com/x»") == Strings{"https://example.com/x"});
  CHECK(confidenceOf(Kind::Url, u"https://example.com") == Approx(0.95));
  CHECK(confidenceOf(Kind::Url, u"www.example.com") == Approx(0.85));
  CHECK(confidenceOf(Kind::Url, u"example.com/a") == Approx(0.7));
  CHECK(confidenceOf(Kind::Url, u"example.com") == Approx(0.4));
}

TEST_CASE("find url rejects emails, sentences and file names", "[detect]") {
  CHECK(find(Kind::Url, u"anna@example.com").empty());
  CHECK(find(Kind::Url, u"Das war es.Danke").empty());
  CHECK(find(Kind::Url, u"I did it.it works").empty());       // word-like TLD needs a path
  CHECK(find(Kind::Url, u"siehe bericht.pdf").empty());
  CHECK(find(Kind::Url, u"https://").empty());
  CHECK(find(Kind::Url, u"z.B. oder ca.").empty());
  CHECK(texts(Kind::Url, u"look.it/abc") == Strings{"look.it/abc"});
}

#include "detect/metrics.h"

// Every detector scans in linear time; a start condition that misses combining marks once made
// "éééé…" (e + U+0301) quadratic in the URL scanner (a minute for 200k units). The work is
// counted in code units read (codePointReads), not timed: doubling the text at most doubles it,
// and it stays a small multiple of the length. The figures in ms are in tests/bench/bench_check.
TEST_CASE("detectors stay linear on long adversarial texts", "[detect]") {
  const auto repeated = [](std::u16string_view unit, size_t size) {
    std::u16string text;
    while (text.size() < size) text += unit;
    return text;
  };
  for (std::u16string_view unit : {u"e\u0301", u"a.", u"1 ", u"@a", u"111 ", u"a@b.", u"www.", u"0-", u"(1"}) {
    INFO(utf8(unit));
    for (Kind kind : {Kind::Email, Kind::Phone, Kind::Iban, Kind::Card, Kind::Url, Kind::Handle}) {
      INFO("kind " << int(kind));
      uint64_t work[2];
      for (size_t n : {0, 1}) {
        const std::u16string text = repeated(unit, 50000u << n);
        const uint64_t before = codePointReads();
        find(kind, text);
        work[n] = codePointReads() - before;
        CHECK(work[n] <= 64 * text.size());
      }
      CHECK(work[1] <= 2 * work[0] + 1000);  // quadratic work would quadruple
    }
    const std::u16string text = repeated(unit, 100000);
    CHECK(rg::metrics::graphemeCount(text) == text.size() / unit.size() * rg::metrics::graphemeCount(unit));
  }
}
