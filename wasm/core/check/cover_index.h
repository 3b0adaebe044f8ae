// Spans (allow phrases, exceptions) answering "does one of you cover this span?" in O(log n).
#pragma once
#include <algorithm>
#include <vector>

#include "text/views.h"

namespace rg::eval {

class CoverIndex {
 public:
  void assign(std::vector<text::Span> spans) {
    spans_ = std::move(spans);
    std::sort(spans_.begin(), spans_.end(), [](const text::Span& a, const text::Span& b) { return a.begin < b.begin; });
    maxEnd_.resize(spans_.size());
    uint32_t m = 0;
    for (size_t i = 0; i < spans_.size(); ++i) maxEnd_[i] = m = std::max(m, spans_[i].end);
  }
  bool covers(const text::Span& s) const {
    // Among spans beginning at or before s.begin, the furthest end decides.
    auto it = std::upper_bound(spans_.begin(), spans_.end(), s.begin,
                               [](uint32_t b, const text::Span& x) { return b < x.begin; });
    return it != spans_.begin() && maxEnd_[size_t(it - spans_.begin()) - 1] >= s.end;
  }
  bool empty() const { return spans_.empty(); }

 private:
  std::vector<text::Span> spans_;
  std::vector<uint32_t> maxEnd_;
};

}  // namespace rg::eval
