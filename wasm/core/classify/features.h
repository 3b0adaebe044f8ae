// What the model sees of a text: one line of normalized tokens per sentence, prefixed by the
// source. Training (replyguard train) and checking use these same functions, so the features match.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

namespace rg::classify {

struct Token {
  uint32_t begin, end;  // UTF-16 offsets in the original text
  std::string text;     // case-folded UTF-8, digits as 0; several fastText words for a hashtag
};

struct Span {
  uint32_t begin, end;
};

// ICU word and sentence break iterators (created once, cloned per use by the caller's choice).
struct Breakers {
  std::unique_ptr<icu::BreakIterator> words, sentences;
  static Breakers create();  // null members when ICU's break data is missing
  Breakers clone() const;
  bool ok() const { return words && sentences; }
};

// Sentences of `text` (ICU sentence breaks), trailing white space excluded, empty ones dropped.
void sentences(icu::BreakIterator& sentenceBreak, std::u16string_view text, std::vector<Span>& out);

// Tokens of text[span], normalized first (normalize.h: HTML entities, letter and symbol runs): URLs
// as one token "_url_", @handles as "@user", hashtags as "#" and their words ("#DieGrünen" →
// "# die grünen"), the rest ICU word segments that are not white space. Offsets are the original's.
void tokenize(icu::BreakIterator& wordBreak, std::u16string_view text, Span span, std::vector<Token>& out);

// The feature line for the model: source token, then the tokens (except index `skip`), then "\n".
enum class Source : uint8_t { Reply = 1, Incoming = 2 };
std::string_view sourceToken(Source source);  // "src_reply" or "src_incoming"
std::string featureLine(Source source, const std::vector<Token>& tokens, size_t skip = SIZE_MAX);
std::string featureLine(Source source, const std::vector<Token>& tokens, size_t from, size_t to);

}  // namespace rg::classify
