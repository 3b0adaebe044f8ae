// team.delivery: which escalation targets exist (Slack, Teams, PagerDuty, webhook), which route
// uses which, and how the audit log is delivered. Parsed with the team; answered as JSON for the
// extension, which sends but never decides which target a route uses.
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "../policy/validator.h"

namespace rg::esc {

struct Team;

// Validates and compiles team["delivery"] (routes must already be parsed).
void parseDelivery(const nlohmann::json& team, policy::Validator& v, Team& t);

// [{target, kind, name?, include_draft, routes:[…], severity}] for the routes an escalation
// takes (route id -> highest finding severity name), each target once.
nlohmann::json deliveriesFor(const Team& t, const std::map<std::string, std::string>& routeSeverity);

// {audit: {format, url?, include_draft}?} for the policy info.
nlohmann::json deliveryInfo(const Team& t);

}  // namespace rg::esc
