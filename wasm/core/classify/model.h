// A fastText supervised model (one-vs-all), loaded from bytes: the core's only learned component.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fasttext {
class FastText;
}

namespace rg::classify {

struct FastTextParts;  // fasttext_parts.h
class CheckCache;     // check_cache.h

class Model {
 public:
  ~Model();
  // Parses a .bin or .ftz model. On failure returns null and sets `error` to a sentence saying why
  // (not a fastText model, unsupported version, not supervised, not one-vs-all, truncated).
  static std::shared_ptr<const Model> load(std::string_view bytes, std::string& error);

  // Label names without fastText's "__label__" prefix, in the model's order.
  const std::vector<std::string>& labels() const { return labels_; }
  int labelIndex(std::string_view name) const;  // -1 when the model has no such label

  // Independent probability per label (index as labels()) for one feature line (features.h).
  void probabilities(const std::string& line, std::vector<float>& out) const;

  bool quantized() const { return quantized_; }

  // The loaded model's dictionary, matrices and loss, for check-time sums (line_sums.h).
  const FastTextParts& parts() const { return *parts_; }

  // What checks with this model keep for the next check (its identity is the cache's owner).
  CheckCache& checkCache() const { return *cache_; }

 private:
  Model();
  std::unique_ptr<fasttext::FastText> ft_;
  std::unique_ptr<FastTextParts> parts_;
  std::unique_ptr<CheckCache> cache_;
  std::vector<std::string> labels_;
  std::unordered_map<std::string, int> index_;
  bool quantized_ = false;
};

}  // namespace rg::classify
