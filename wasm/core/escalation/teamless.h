// Escalation for a bundle without a team (the built-in default, an individual's install): the
// categories still name routes ("legal", "pr", ...), so the responder learns THAT and WHERE to
// escalate, with a ready message to forward, even though the policy cannot say to whom.
#pragma once
#include <nlohmann/json.hpp>

namespace rg::esc {

// categories: bundle["categories"]; request as for escalate(). Findings escalate when their
// category names a route and they block the reply or come from the incoming post.
nlohmann::json escalateWithoutTeam(const nlohmann::json& categories, const nlohmann::json& request);

}  // namespace rg::esc
