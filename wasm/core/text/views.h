// Folded "views" of a UTF-16 text. Matching runs on a view; every code unit of a view remembers
// the span of the ORIGINAL text it came from, so findings always carry original offsets.
//
// Base view (always): NFKC_Casefold per normalization segment, default-ignorables and leftover
// non-spacing marks removed, letters of other scripts that look like Latin letters folded to them
// (Cyrillic "а" -> "a"), German ä/ö/ü -> ae/oe/ue, lone surrogates -> U+FFFD.
// Optional passes on top of the base view (a rule opts in): lookalikes, leet, separators, repeats,
// masks; and the stem pass a "stem" match mode puts its terms into.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace rg::match {
class WordList;
}

namespace rg::text {

// Bit set of optional passes; 0 is the base view. Passes run in this order: lookalikes, leet,
// masks, separators, repeats (or its two-letter variant), masks again, stem.
enum Obfuscation : uint16_t {
  kLeet = 1,
  kSeparators = 2,
  kRepeats = 4,     // a letter run of 3+ counts once ("stuuupid")
  kLookalikes = 8,  // Latin letters with diacritics and look-alike Latin letters ("ídíøt", "ıdıot")
  kMasks = 16,      // masked words ("id*ot") spelled out when a listed word fits
  // Not named in bundles: the loader puts terms into these views.
  kRepeatsTwo = 32,  // the twin of kRepeats: a run of 3+ counts twice ("dummm", "asssshole")
  kStemEnglish = 64,
  kStemGerman = 128,
};
using ViewKind = uint16_t;

// The view kinds a term of a rule with obfuscation `kind` is put into: `kind` itself, and for
// "repeats" also its two-letter twin, so that both "stuuupid" -> "stupid" and "dummm" -> "dumm"
// match. `stem` (0, kStemEnglish, kStemGerman or both) adds the stem pass, one view per language.
std::vector<ViewKind> termViews(ViewKind kind, ViewKind stem = 0);

struct Span {
  uint32_t begin;  // UTF-16 offsets into the original text
  uint32_t end;
};

struct View {
  std::u16string text;         // folded code units
  std::vector<Span> map;       // per folded unit: its original span
  std::vector<uint8_t> obf;    // per folded unit: 1 if an optional pass changed it (empty = none)

  void clear() { text.clear(); map.clear(); obf.clear(); }
  size_t size() const { return text.size(); }
  // True if unit k starts a new original span (not the 2nd unit of an expansion such as "ﬁ" -> "fi").
  bool startsSpan(size_t k) const { return k == 0 || map[k].begin != map[k - 1].begin; }
  bool endsSpan(size_t k) const { return k + 1 >= map.size() || map[k].end != map[k + 1].end; }
};

// Base folding (ICU normalizer + spoof checker are process-wide and immutable once created).
// Returns false only if ICU data is missing; `out` then holds a plain lower-cased copy.
bool foldBase(std::u16string_view original, View& out);

// Applies the optional passes of `kind` to `base`; `out` must differ from `base`. `words` are the
// words the masks pass (and leet's word-final $ @ !) may spell out; without them those steps skip.
void applyPasses(const View& base, ViewKind kind, View& out, const match::WordList* words = nullptr);
// Same without copying: returns `base` itself when no pass changes anything, else a or b.
// `twinIdle` (optional) is set when `kind` is a two-letter repeats twin and the text has no run
// to collapse: the twin's view then equals its sibling's, and scanning it again finds nothing new.
const View& applyPasses(const View& base, ViewKind kind, View& a, View& b, const match::WordList* words = nullptr,
                        bool* twinIdle = nullptr);

// The views of one text under the optional passes, for one check: every pass runs once per view it
// is applied to (and per words, for the masks pass), so views that share a pass on the same input
// share its output (the leet pass of the insult and the discrimination views; a masks pass after
// an idle repeats pass). Pass outputs live as long as the memo.
class PassMemo {
 public:
  explicit PassMemo(const View& base) : base_(base) {}
  // applyPasses(base, kind, ..., words, twinIdle)'s view; `wordsId` is the same for equal words.
  const View& view(ViewKind kind, const match::WordList* words, uint32_t wordsId, bool* twinIdle = nullptr);

 private:
  struct Output {
    const View* in;
    uint32_t step, words;
    const View* out;  // `in` itself when the pass changes nothing
  };
  const View& base_;
  std::vector<Output> outputs_;
  std::deque<View> views_;
};

// Folds a term (or exception, allow phrase, context word) exactly as text is folded for `kind`.
std::u16string foldTerm(std::u16string_view term, ViewKind kind);

// The single passes, exposed for tests.
void leetPass(const View& in, View& out);
void separatorPass(const View& in, View& out);
void repeatPass(const View& in, View& out);
void repeatTwoPass(const View& in, View& out);
void lookalikePass(const View& in, View& out);
void maskPass(const View& in, View& out, const match::WordList& words, bool masks, bool finalSymbols);
void stemPass(const View& in, View& out, bool german);

// Latin look-alike folding of one BMP code unit: writes ASCII lower-case letters to `out` and
// returns their count, or 0 if the unit is not a Latin letter with an ASCII look-alike.
int latinLookalike(char16_t c, char16_t out[2]);

// Confusable folding of one code point of a non-Latin script: writes ASCII lower-case letters
// to `out` and returns their count, or 0 if the code point does not look like Latin letters.
int confusableToLatin(char32_t cp, char16_t out[8]);

}  // namespace rg::text
