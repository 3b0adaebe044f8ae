// Structure-aware mutation shared by fuzz_bundle and fuzz_escalation: a fixed JSON document with
// edits from the fuzzer's bytes. Each edit is 3 bytes: the leaf to change (u16 LE, modulo the
// number of leaves of the flattened document) and a selector (< 128: a value from `values`, else a
// copy of another leaf's value). Random edits of JSON text rarely stay valid; these mostly do,
// so inputs get past validation into the compiled code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fuzzutil {

class JsonEditor {
 public:
  JsonEditor(const nlohmann::json& document, nlohmann::json values)
      : flat_(document.flatten()), base_(document), values_(std::move(values)) {
    for (const auto& [pointer, value] : flat_.items()) leaves_.push_back(pointer);
  }

  nlohmann::json apply(const uint8_t* p, size_t n, size_t maxEdits = 64) const {
    nlohmann::json doc = base_;
    for (size_t i = 0; i + 3 <= n && i < 3 * maxEdits; i += 3) {
      const std::string& leaf = leaves_[(p[i] | (p[i + 1] << 8)) % leaves_.size()];
      const uint8_t sel = p[i + 2];
      try {
        doc[nlohmann::json::json_pointer(leaf)] =
            sel < 128 ? values_[sel % values_.size()] : flat_[leaves_[(sel * 131u + i) % leaves_.size()]];
      } catch (const nlohmann::json::exception&) {
        // an earlier edit replaced a parent of this leaf by a scalar: skip
      }
    }
    return doc;
  }

 private:
  nlohmann::json flat_, base_, values_;
  std::vector<std::string> leaves_;
};

}  // namespace fuzzutil
