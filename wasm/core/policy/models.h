// /models of a bundle: fastText models for `classifier` rules (rules/kinds/classifier.cpp), inline
// as base64 or beside the bundle, each with its SHA-256 so the bundle's signature covers it.
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

}  // namespace rg::policy
