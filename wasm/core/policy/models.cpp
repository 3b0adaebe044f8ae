#include "models.h"

#include <algorithm>

#include "classify/digest.h"
#include "json_reader.h"

namespace rg::policy {
namespace {

using nlohmann::json;

std::string at(const std::string& ptr, std::string_view key) { return ptr + "/" + pointerToken(key); }
std::string qt(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool validModelId(const std::string& s) {
  if (s.empty() || s.size() > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

bool validFileName(const std::string& s) {
  if (s.empty() || s.size() > 128 || s[0] == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

bool isHex64(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

void parseModels(const json& v, const BundleFiles& files, ModelMap& out, std::vector<BundleError>& errors) {
  auto err = [&](const std::string& p, std::string m) { errors.push_back({p, std::move(m)}); };
  if (!v.is_object()) return err("/models", "must be an object of models by id");
  if (v.size() > kMaxModels) return err("/models", "has more than " + std::to_string(kMaxModels) + " models");
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string mp = at("/models", it.key());
    if (!validModelId(it.key())) err(mp, "model id must match ^[a-z0-9][a-z0-9._-]{0,63}$");
    const json& m = it.value();
    if (!m.is_object()) { err(mp, "must be an object with \"sha256\" and \"data\" or \"file\""); continue; }
    for (auto k = m.begin(); k != m.end(); ++k)
      if (k.key() != "sha256" && k.key() != "data" && k.key() != "file") err(at(mp, k.key()), "unknown key " + qt(k.key()));
    auto sha = m.find("sha256");
    auto data = m.find("data");
    auto file = m.find("file");
    if (sha == m.end()) { err(at(mp, "sha256"), "missing required key \"sha256\""); continue; }
    if (!sha->is_string() || !isHex64(sha->get<std::string>())) {
      err(at(mp, "sha256"), "must be the model's SHA-256 as 64 lower-case hex digits");
      continue;
    }
    if ((data == m.end()) == (file == m.end())) { err(mp, "needs exactly one of \"data\" (base64) and \"file\""); continue; }
    std::string decoded;
    std::string_view bytes;
    std::string where;
    if (data != m.end()) {
      where = at(mp, "data");
      auto d = data->is_string() ? classify::base64Decode(data->get_ref<const std::string&>()) : std::nullopt;
      if (!d) { err(where, "must be the model's bytes in standard base64"); continue; }
      decoded = std::move(*d);
      bytes = decoded;
    } else {
      where = at(mp, "file");
      if (!file->is_string() || !validFileName(file->get<std::string>())) {
        err(where, "must be a file name beside the bundle (letters, digits, . _ -)");
        continue;
      }
      auto f = files.find(file->get<std::string>());
      if (f == files.end()) { err(where, "file " + qt(file->get<std::string>()) + " was not provided with the bundle"); continue; }
      bytes = f->second;
    }
    // The default bundle's embedded model was hashed at build time (a cold start saves hashing it).
    std::string actual(embeddedFileDigest(bytes));
    if (actual.empty()) actual = classify::sha256Hex(bytes);
    if (actual != sha->get<std::string>()) {
      err(at(mp, "sha256"), "does not match the model (its SHA-256 is " + actual + ")");
      continue;
    }
    std::string why;
    auto model = classify::Model::load(bytes, why);
    if (!model) { err(where, "the model " + why); continue; }
    out[it.key()] = std::move(model);
  }
}

}  // namespace rg::policy
