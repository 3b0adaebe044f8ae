#include "validator.h"

#include <algorithm>
#include <cmath>

#include "json_reader.h"

namespace rg::policy {
namespace {

std::string num(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
  return nlohmann::json(x).dump();
}

}  // namespace

std::string Validator::at(const std::string& ptr, std::string_view key) { return ptr + "/" + pointerToken(key); }

const char* Validator::typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

bool Validator::object(const json& v, const std::string& ptr) {
  if (v.is_object()) return true;
  err(ptr, std::string("must be an object, not ") + typeName(v));
  return false;
}

bool Validator::array(const json& v, const std::string& ptr) {
  if (v.is_array()) return true;
  err(ptr, std::string("must be an array, not ") + typeName(v));
  return false;
}

bool Validator::boolean(const json& v, const std::string& ptr, bool& out) {
  if (!v.is_boolean()) return err(ptr, std::string("must be a boolean, not ") + typeName(v)), false;
  out = v.get<bool>();
  return true;
}

bool Validator::object(const json& v, const std::string& ptr, std::initializer_list<const char*> allowed) {
  if (!object(v, ptr)) return false;
  onlyKeys(v, ptr, allowed);
  return true;
}

void Validator::onlyKeys(const json& o, const std::string& ptr, std::initializer_list<const char*> allowed) {
  for (auto it = o.begin(); it != o.end(); ++it) {
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return it.key() == k; });
    if (!known) err(at(ptr, it.key()), "unknown key " + quoted(it.key()));
  }
}

const nlohmann::json* Validator::field(const json& o, const char* key, const std::string& ptr, bool required) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  if (it == o.end()) {
    if (required) err(at(ptr, key), "missing required key " + quoted(key));
    return nullptr;
  }
  return &*it;
}

bool Validator::string(const json& v, const std::string& ptr, std::string& out, bool nonEmpty, size_t maxLen) {
  if (!v.is_string()) return err(ptr, std::string("must be a string, not ") + typeName(v)), false;
  const std::string& s = v.get_ref<const std::string&>();
  if (nonEmpty && s.empty()) return err(ptr, "must not be empty"), false;
  if (s.size() > maxLen) return err(ptr, "is longer than " + std::to_string(maxLen) + " bytes"), false;
  out = s;
  return true;
}

bool Validator::integer(const json& v, const std::string& ptr, int64_t lo, int64_t hi, int64_t& out) {
  if (!v.is_number_integer()) return err(ptr, std::string("must be an integer, not ") + typeName(v)), false;
  int64_t x = v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX) ? INT64_MAX : v.get<int64_t>();
  if (x < lo || x > hi)
    return err(ptr, hi == INT64_MAX ? "must be at least " + std::to_string(lo)
                                    : "must be between " + std::to_string(lo) + " and " + std::to_string(hi)),
           false;
  out = x;
  return true;
}

bool Validator::number(const json& v, const std::string& ptr, double lo, double hi, double& out) {
  if (!v.is_number()) return err(ptr, std::string("must be a number, not ") + typeName(v)), false;
  double x = v.get<double>();
  if (!(x >= lo && x <= hi)) return err(ptr, "must be between " + num(lo) + " and " + num(hi)), false;
  out = x;
  return true;
}

std::string Validator::oneOfMessage(const std::vector<std::string_view>& names) {
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + quoted(names[i]);
  return "must be one of " + list;
}

int Validator::oneOf(const json& v, const std::string& ptr, const std::vector<std::string_view>& names) {
  std::string s;
  if (!string(v, ptr, s)) return -1;
  for (size_t i = 0; i < names.size(); ++i)
    if (s == names[i]) return int(i);
  err(ptr, oneOfMessage(names) + ", not " + quoted(s));
  return -1;
}

bool Validator::localized(const json& v, const std::string& ptr, Localized& out) {
  if (v.is_string()) {  // accepted where a plain string is documented (replacements)
    out.en = out.de = v.get<std::string>();
    if (out.en.empty()) return err(ptr, "must not be empty"), false;
    return true;
  }
  if (!v.is_object()) return err(ptr, std::string("must be an object with \"en\" and/or \"de\", not ") + typeName(v)), false;
  onlyKeys(v, ptr, {"en", "de"});
  bool ok = true;
  if (auto* en = field(v, "en", ptr, false)) ok &= string(*en, at(ptr, "en"), out.en);
  if (auto* de = field(v, "de", ptr, false)) ok &= string(*de, at(ptr, "de"), out.de);
  if (ok && out.empty()) return err(ptr, "needs \"en\" or \"de\""), false;
  return ok;
}

bool Validator::localizedObject(const json& v, const std::string& ptr, Localized& out) {
  if (v.is_string()) return err(ptr, "must be an object with \"en\" and/or \"de\", not a string"), false;
  return localized(v, ptr, out);
}

bool Validator::replacements(const json& v, const std::string& ptr, Replacements& out) {
  if (v.is_array()) {
    if (v.empty()) return err(ptr, "must not be empty"), false;
    if (v.size() > 20) return err(ptr, "has more than 20 replacements"), false;
    bool ok = true;
    for (size_t i = 0; i < v.size(); ++i) {
      Localized l;
      if (localized(v[i], at(ptr, i), l)) out.push_back(std::move(l));
      else ok = false;
    }
    return ok;
  }
  Localized l;
  if (!localized(v, ptr, l)) return false;
  out.push_back(std::move(l));
  return true;
}

bool Validator::strings(const json& v, const std::string& ptr, std::vector<std::string>& out) {
  if (!array(v, ptr)) return false;
  bool ok = true;
  for (size_t i = 0; i < v.size(); ++i) {
    std::string s;
    if (string(v[i], at(ptr, i), s, false)) out.push_back(std::move(s));
    else ok = false;
  }
  return ok;
}

bool validId(const std::string& s, size_t maxLen, size_t minLen) {
  if (s.size() < minLen || s.empty() || s.size() > maxLen) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

}  // namespace rg::policy
