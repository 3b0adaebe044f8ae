// The one validator of bundle JSON: rules, the bundle header and the team section report every
// problem with its JSON pointer in one dialect (keys and values in double quotes, a missing key at
// the pointer it would have).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle_error.h"
#include "policy.h"

namespace rg::policy {

class Validator {
 public:
  using json = nlohmann::json;
  explicit Validator(std::vector<BundleError>& errors) : errors_(errors) {}

  void err(const std::string& ptr, std::string msg) { errors_.push_back({ptr, std::move(msg)}); }
  size_t errorCount() const { return errors_.size(); }
  std::vector<BundleError>& errors() { return errors_; }
  static std::string at(const std::string& ptr, std::string_view key);
  static std::string at(const std::string& ptr, size_t i) { return ptr + "/" + std::to_string(i); }
  static std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }
  static const char* typeName(const json& v);

  bool object(const json& v, const std::string& ptr);
  bool array(const json& v, const std::string& ptr);
  bool boolean(const json& v, const std::string& ptr, bool& out);
  // An object whose keys are all in `allowed` (unknown keys are reported; false only if no object).
  bool object(const json& v, const std::string& ptr, std::initializer_list<const char*> allowed);
  void onlyKeys(const json& o, const std::string& ptr, std::initializer_list<const char*> allowed);
  const json* field(const json& o, const char* key, const std::string& ptr, bool required);
  bool string(const json& v, const std::string& ptr, std::string& out, bool nonEmpty = true, size_t maxLen = 100000);
  bool integer(const json& v, const std::string& ptr, int64_t lo, int64_t hi, int64_t& out);
  bool number(const json& v, const std::string& ptr, double lo, double hi, double& out);
  // Index of the string value in `names`, or -1 (reported).
  int oneOf(const json& v, const std::string& ptr, const std::vector<std::string_view>& names);
  // "must be one of "a", "b", "c"" for a value outside a fixed set.
  static std::string oneOfMessage(const std::vector<std::string_view>& names);
  bool localized(const json& v, const std::string& ptr, Localized& out);        // object or plain string
  bool localizedObject(const json& v, const std::string& ptr, Localized& out);  // object only
  bool replacements(const json& v, const std::string& ptr, Replacements& out);
  // An array of strings (each reported when not a string).
  bool strings(const json& v, const std::string& ptr, std::vector<std::string>& out);

 private:
  std::vector<BundleError>& errors_;
};

// ^[a-z0-9][a-z0-9._-]*$ within maxLen (bundle ids: at least 2 characters).
bool validId(const std::string& s, size_t maxLen, size_t minLen = 1);

}  // namespace rg::policy
