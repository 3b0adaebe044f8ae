#include "kind.h"

namespace rg::rules {

const Kind* findKind(std::string_view name) {
  for (const Kind* k : kinds())
    if (k->name == name) return k;
  return nullptr;
}

std::vector<std::string_view> kindNames() {
  std::vector<std::string_view> names;
  for (const Kind* k : kinds()) names.push_back(k->name);
  return names;
}

}  // namespace rg::rules
