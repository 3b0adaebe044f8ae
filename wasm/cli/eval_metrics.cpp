#include "eval_metrics.h"

namespace rg::cli {

std::optional<double> CategoryCounts::precision() const {
  if (tp + fp == 0) return std::nullopt;
  return static_cast<double>(tp) / static_cast<double>(tp + fp);
}

std::optional<double> CategoryCounts::recall() const {
  if (tp + fn == 0) return std::nullopt;
  return static_cast<double>(tp) / static_cast<double>(tp + fn);
}

namespace {
template <class Metric>
std::optional<double> macro(const std::map<std::string, CategoryCounts>& cats, Metric metric) {
  double sum = 0;
  int n = 0;
  for (const auto& [name, c] : cats)
    if (auto v = metric(c)) {
      sum += *v;
      ++n;
    }
  if (n == 0) return std::nullopt;
  return sum / n;
}
}  // namespace

std::optional<double> EvalTotals::macroPrecision() const {
  return macro(perCategory, [](const CategoryCounts& c) { return c.precision(); });
}

std::optional<double> EvalTotals::macroRecall() const {
  return macro(perCategory, [](const CategoryCounts& c) { return c.recall(); });
}

void EvalTotals::add(const std::set<std::string>& expected, const std::set<std::string>& predicted) {
  for (const auto& cat : expected) {
    auto& c = perCategory[cat];
    if (predicted.count(cat)) {
      ++c.tp;
      ++micro.tp;
    } else {
      ++c.fn;
      ++micro.fn;
    }
  }
  for (const auto& cat : predicted)
    if (!expected.count(cat)) {
      ++perCategory[cat].fp;
      ++micro.fp;
    }
}

}  // namespace rg::cli
