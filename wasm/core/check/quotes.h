// Quotations in a text: „…“, "…", “…”, »…«, «…», ‚…‘, ‘…’ and '…' (the straight and curly single
// marks only at word boundaries, so the apostrophe of "don't" opens nothing). A responder who
// quotes the customer ("Sie schrieben „Idioten“") is not the one saying it.
#pragma once
#include <string_view>
#include <vector>

#include "text/views.h"

namespace rg::eval {

// Interiors of the quotations (between the marks), in text order, not nested. A mark without its
// closing partner in the same paragraph, or within kMaxQuote units, quotes nothing.
std::vector<text::Span> quotations(std::u16string_view text);
constexpr size_t kMaxQuote = 1000;

}  // namespace rg::eval
