// The `classifier` rule kind's part of the loader: /models (fastText models inline as base64 or
// beside the bundle, each with its SHA-256) and a rule's "model" and "labels".
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api.h"
#include "policy.h"

namespace rg::policy {

using ModelMap = std::map<std::string, std::shared_ptr<const classify::Model>>;

// Parses /models; a model whose hash, format or file does not match is an error at its pointer.
void parseModels(const nlohmann::json& models, const BundleFiles& files, ModelMap& out, std::vector<BundleError>& errors);

// Reads a classifier rule's "model" and "labels" (categories must be declared and be model labels).
void parseClassifierRule(const nlohmann::json& rule, const std::string& ptr, const nlohmann::json& categories,
                         const ModelMap& models, Rule& r, std::vector<BundleError>& errors);

}  // namespace rg::policy
