// The team model of a bundle ("team"): members, roles and competencies, schedules, absences,
// holidays and escalation routes, and the questions asked of it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../bundle_error.h"

namespace rg::esc {

struct Team;  // defined in escalation/model.h

// Validates and compiles bundle["team"]; `categories` is bundle["categories"] (routes are named
// there). Appends errors with pointers starting at "/team"; returns null if any were added.
std::shared_ptr<const Team> parseTeam(const nlohmann::json& team, const nlohmann::json& categories,
                                      std::vector<BundleError>& errors);

nlohmann::json escalate(const Team& team, const nlohmann::json& request);
nlohmann::json oncall(const Team& team, const std::string& scheduleId, int64_t atMs);
nlohmann::json gaps(const Team& team, const std::string& scheduleId, int64_t fromMs, int64_t toMs);

}  // namespace rg::esc
