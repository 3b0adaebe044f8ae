// JSON renderings of members and resolutions shared by oncall, gaps and escalate.
#pragma once
#include <nlohmann/json.hpp>

#include "resolve.h"

namespace rg::esc {

nlohmann::json contactsJson(const Member& m);
// {"member","name","roles","contacts","timezone"}
nlohmann::json memberJson(const Team& team, int m);
// {"reason": "no_layer_active"|"no_qualified_substitute", "absent": [{member, reason, until}]}
nlohmann::json gapJson(const Team& team, const Resolution& r);
// Who is on call at t and why: the "oncall" result without the error case.
nlohmann::json onCallJson(const Team& team, const Schedule& s, int64_t t, const std::vector<int>& exclude = {});
const char* viaName(Via v);

}  // namespace rg::esc
