// Precision/recall bookkeeping for `replyguard eval`, kept apart from I/O so it stays obvious.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>

namespace rg::cli {

struct CategoryCounts {
  long tp = 0, fp = 0, fn = 0;
  std::optional<double> precision() const;  // nullopt when nothing was predicted
  std::optional<double> recall() const;     // nullopt when nothing was labelled
};

struct EvalTotals {
  std::map<std::string, CategoryCounts> perCategory;
  CategoryCounts micro;  // sums over all categories
  // Unweighted means over the categories where the metric is defined.
  std::optional<double> macroPrecision() const;
  std::optional<double> macroRecall() const;

  // Adds one labelled example: expected vs predicted category sets.
  void add(const std::set<std::string>& expected, const std::set<std::string>& predicted);
  void declare(const std::string& category) { perCategory[category]; }
};

}  // namespace rg::cli
