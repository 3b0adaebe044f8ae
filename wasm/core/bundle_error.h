// One problem in a policy bundle, located by its RFC 6901 JSON pointer ("/rules/3/severity").
#pragma once
#include <string>

namespace rg {

struct BundleError {
  std::string pointer;
  std::string message;  // plain English sentence, no trailing period
  bool operator==(const BundleError&) const = default;
};

}  // namespace rg
