// Abseil's hash containers as the standard ones for libphonenumber's wasm build (see
// absl/strings/std_shim.h): libphonenumber only inserts, finds and iterates, which both provide.
#pragma once
#include <unordered_map>
#include <unordered_set>

namespace absl {
template <typename K, typename V>
using flat_hash_map = std::unordered_map<K, V>;
template <typename K, typename V>
using node_hash_map = std::unordered_map<K, V>;
template <typename K>
using flat_hash_set = std::unordered_set<K>;
template <typename K>
using node_hash_set = std::unordered_set<K>;
}  // namespace absl
