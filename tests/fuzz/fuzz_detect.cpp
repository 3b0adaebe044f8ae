// libFuzzer target for the built-in detectors and the text metrics (scripts/fuzz.sh).
// Input: first byte selects the decoding of the rest, so the fuzzer reaches both realistic text
// and broken UTF-16:
//   even → UTF-8 (invalid bytes become Latin-1 characters; dictionaries and seeds are UTF-8)
//   odd  → raw UTF-16LE code units (lone surrogates, noncharacters, anything)
// Besides crashes and sanitizer reports it checks the documented contracts and aborts on a breach.
#include <cstdint>
#include <string>
#include <string_view>

#include "detect/detectors.h"
#include "detect/metrics.h"
#include "detect/scan.h"
#include "fuzz_common.h"

namespace {

using fuzzutil::insidePair;

[[noreturn]] void fail(const char* what, size_t a, size_t b) {
  fuzzutil::fail(what, "(" + std::to_string(a) + ", " + std::to_string(b) + ")");
}

// The hit's text without the separators the detectors allow, after their unit folding (a
// full-width hyphen or digit counts as its ASCII twin there).
std::u16string withoutSpaces(std::u16string_view t) {
  std::u16string out;
  for (char16_t c : t) {
    c = rg::detect::scan::foldUnit(c);
    if (c != u' ' && c != u'-' && c != 0x00A0 && c != 0x202F) out.push_back(c);
  }
  return out;
}

void checkDetectors(std::u16string_view text) {
  using namespace rg::detect;
  for (Kind kind : {Kind::Email, Kind::Phone, Kind::Iban, Kind::Card, Kind::Url, Kind::Handle, Kind::DeTaxId,
                    Kind::VatId, Kind::DeIdDocument, Kind::DeKvnr, Kind::DeRvnr}) {
    uint32_t previousEnd = 0;
    for (const Hit& h : find(kind, text)) {
      if (h.begin >= h.end || h.end > text.size()) fail("hit out of range", h.begin, h.end);
      if (h.begin < previousEnd) fail("hits overlap or unsorted", h.begin, previousEnd);
      if (!(h.confidence > 0.0 && h.confidence <= 1.0)) fail("confidence out of (0,1]", h.begin, h.end);
      if (insidePair(text, h.begin) || insidePair(text, h.end)) fail("hit splits a surrogate pair", h.begin, h.end);
      const std::u16string compact = withoutSpaces(text.substr(h.begin, h.end - h.begin));
      if (kind == Kind::Iban && !ibanValid(compact)) fail("iban hit fails ibanValid", h.begin, h.end);
      if (kind == Kind::Card && !(luhnValid(compact) && cardIssued(compact))) fail("card hit fails its validation", h.begin, h.end);
      if (kind == Kind::DeTaxId && !taxIdValid(compact)) fail("tax id hit fails taxIdValid", h.begin, h.end);
      if (kind == Kind::DeIdDocument && !idDocumentValid(compact)) fail("id document hit fails idDocumentValid", h.begin, h.end);
      if (kind == Kind::DeKvnr && !kvnrValid(compact)) fail("kvnr hit fails kvnrValid", h.begin, h.end);
      if (kind == Kind::DeRvnr && !rvnrValid(compact)) fail("rvnr hit fails rvnrValid", h.begin, h.end);
      previousEnd = h.end;
    }
  }
}

void checkMetrics(std::u16string_view text) {
  using namespace rg::metrics;
  const uint32_t count = graphemeCount(text);
  if (count > text.size() || (count == 0) != text.empty()) fail("grapheme count", count, text.size());
  // Offsets of clusters strictly increase and end at the text's end. Bounded: the fuzzer's
  // inputs are short, and this is quadratic in the cluster count.
  uint32_t previous = 0;
  const uint32_t probe = count < 64 ? count : 64;
  for (uint32_t n = 1; n <= probe; ++n) {
    const uint32_t offset = graphemeOffset(text, n);
    if (offset <= previous || offset > text.size()) fail("grapheme offsets", n, offset);
    previous = offset;
  }
  if (graphemeOffset(text, count) != text.size() || graphemeOffset(text, count + 1) != text.size())
    fail("grapheme offset at the end", count, text.size());
  const CapsCount caps = capsRatio(text);
  if (caps.upper > caps.letters || caps.ratio() < 0.0 || caps.ratio() > 1.0) fail("caps", caps.upper, caps.letters);
  for (uint32_t max : {0u, 1u, 3u}) {
    uint32_t previousEnd = 0;
    for (const Span& s : exclamationRuns(text, max)) {
      if (s.begin >= s.end || s.end > text.size() || s.begin < previousEnd) fail("exclamation run", s.begin, s.end);
      if (s.end - s.begin <= max / 2) fail("exclamation run too short", s.begin, max);  // marks weigh at most 2
      previousEnd = s.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::u16string text;
  if ((data[0] & 1) == 0) {
    text = fuzzutil::decodeUtf8Lenient(data + 1, size - 1);
  } else {
    text = fuzzutil::decodeUtf16Raw(data + 1, size - 1);
  }
  checkDetectors(text);
  checkMetrics(text);
  return 0;
}
