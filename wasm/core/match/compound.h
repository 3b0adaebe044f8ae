// German compounds: a term that is a word of its own can also be the modifier (start) or the
// head (end) of a longer word: "Idiot" in "Idiotenverein" and in "Vollidioten". A head may carry
// an inflection ending; anything else after it (or a term in the middle of a word) is no part.
#pragma once
#include <cstddef>

#include "text/views.h"

namespace rg::match {

// Is the occurrence [start, end) of view `v` a compound part? `startsWord`: it begins on a word
// boundary (then it is a modifier, or the whole word).
bool compoundPart(const text::View& v, size_t start, size_t end, bool startsWord);

}  // namespace rg::match
