// Text rendering of the core's oncall/gaps answers (shapes: wasm/core/escalation/oncall.cpp).
#pragma once
#include <cstdint>
#include <ostream>

#include <nlohmann/json.hpp>

namespace rg::cli {

// {"error": "..."} (unknown schedule, no team, ...) becomes CliError(kInvalidInput).
void throwIfTeamError(const nlohmann::json& result);
void printOncall(std::ostream& out, const nlohmann::json& result, int64_t at);
void printGaps(std::ostream& out, const nlohmann::json& result);
size_t gapCount(const nlohmann::json& result);

}  // namespace rg::cli
