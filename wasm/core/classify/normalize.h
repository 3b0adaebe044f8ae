// Text normalization before the classifier's tokens (features.h): what spelling variants the model
// should read as one word. Each unit of the normalized text keeps its offset in the original, so a
// token still names the original text's span (the words a finding highlights).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "features.h"

namespace rg::classify {

struct Normalized {
  std::u16string text;
  std::vector<uint32_t> at;  // at[i]: original offset of text[i]; at[text.size()] = the span's end
};

// text[span] with HTML entities decoded (&amp; &lt; &gt; &quot; &apos; &nbsp; &#NN; &#xHH;), runs of
// one letter cut to two ("sooooo" → "soo", case-insensitive) and runs of one other symbol
// (punctuation, emoji) cut to three ("!!!!!" → "!!!"); digits and white space are kept as they are.
void normalize(std::u16string_view text, Span span, Normalized& out);

// A hashtag's body split into words at case changes and letter/digit changes, without underscores
// ("DieGrünen" → "Die", "Grünen"; "ARDFernsehen" → "ARD", "Fernsehen"); a single letter stays with
// its neighbour ("AfD", "iPhone" are one word).
std::vector<std::u16string> hashtagWords(std::u16string_view body);

}  // namespace rg::classify
