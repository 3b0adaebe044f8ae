// libFuzzer target: arbitrary team JSON → rg::esc::parseTeam, and for a team that parses the
// questions asked of it: oncall, gaps, escalate (scripts/fuzz.sh). Input layout:
//   TEAM_JSON \0 PARAMS       (no \0: the whole input is the team, default parameters)
//   PARAMS, little endian, missing bytes read as 0:
//     u8  flags   bit 0: 0 → "at" is minutes after 2026-01-01T00:00Z (within ±190 years)
//                        1 → "at" is raw ms, reduced to the JavaScript Date range (±8.64e15)
//     i64 at
//     i64 span    gaps(at, at + span): minutes, reduced to ±3 years (the API caps at 2 years)
//     u8  member  the writer of escalate: index into team.members (≥ count: no member)
// Categories: those the roles name, one per route of the team ("escalation" = the route) and one
// without a route, so mutated roles and routes stay consistent. Must not crash, throw out of the API, or hang (libFuzzer
// -timeout); checks oncall's "until" > at and that gaps are ordered, disjoint and in range.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "escalation/team.h"
#include "fuzz_common.h"

namespace {

using nlohmann::json;
using fuzzutil::fail;

constexpr int64_t kBase = 1767225600000;  // 2026-01-01T00:00Z
constexpr int64_t kMinute = 60000;
constexpr int64_t kJsDateMax = 8640000000000000;

struct Params {
  uint8_t flags = 0;
  int64_t at = 92 * 1440;  // 2026-04-03 (Good Friday)
  int64_t span = 7 * 1440;
  uint8_t member = 0;
};

Params readParams(const uint8_t* p, size_t n) {
  uint8_t buf[18] = {};
  std::memcpy(buf, p, n < sizeof buf ? n : sizeof buf);
  Params out;
  if (n == 0) return out;
  out.flags = buf[0];
  std::memcpy(&out.at, buf + 1, 8);
  std::memcpy(&out.span, buf + 9, 8);
  out.member = buf[17];
  return out;
}

int64_t instant(const Params& p) {
  if (p.flags & 1) return p.at % kJsDateMax;
  return kBase + (p.at % (100000000)) * kMinute;  // 1e8 minutes ≈ 190 years
}

void checkOncall(const json& on, int64_t at, const std::string& id) {
  if (on.contains("error")) fail("oncall error for a known schedule", fuzzutil::dumpAsAbi(on));
  if (!on.contains("until")) fail("oncall without until", fuzzutil::dumpAsAbi(on));
  if (!on["until"].is_null() && !(on["until"].is_number_integer() && on["until"].get<int64_t>() > at))
    fail("oncall until not after at", fuzzutil::dumpAsAbi(on) + " at " + std::to_string(at));
  if (on.value("schedule", "") != id) fail("oncall schedule id", fuzzutil::dumpAsAbi(on));
  (void)fuzzutil::dumpAsAbi(on);
}

void checkGaps(const json& g, int64_t from, int64_t to) {
  if (to <= from || to - from > 732 * 86400000LL) {
    if (!g.contains("error")) fail("gaps accepted a bad range", fuzzutil::dumpAsAbi(g));
    return;
  }
  if (g.contains("error")) fail("gaps error on a valid range", fuzzutil::dumpAsAbi(g));
  int64_t previous = from;
  for (const json& gap : g["gaps"]) {
    const int64_t a = gap["from"], b = gap["to"];
    if (a < previous || b <= a || b > to) fail("gaps not ordered, disjoint and inside [from, to)", fuzzutil::dumpAsAbi(g));
    previous = b;
  }
  (void)fuzzutil::dumpAsAbi(g);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const uint8_t* nul = static_cast<const uint8_t*>(std::memchr(data, 0, size));
  const size_t jsonSize = nul ? static_cast<size_t>(nul - data) : size;
  const Params p = nul ? readParams(nul + 1, size - jsonSize - 1) : Params();

  const json team = json::parse(std::string_view(reinterpret_cast<const char*>(data), jsonSize), nullptr, false);
  if (team.is_discarded()) return 0;
  // Categories as a bundle would declare them: every category the roles name, one per route
  // (escalating to it), one without a route. Otherwise nearly every mutation fails to parse.
  json categories = {{"unrouted", {{"label", {{"en", "No route"}}}}}};
  if (team.is_object() && team.contains("roles") && team["roles"].is_object())
    for (const auto& [id, role] : team["roles"].items())
      for (const char* key : {"competencies", "limits"})
        if (role.is_object() && role.contains(key) && role[key].is_object())
          for (const auto& [cat, value] : role[key].items()) categories[cat] = {{"label", {{"en", cat}}}};
  if (team.is_object() && team.contains("routes") && team["routes"].is_object())
    for (const auto& [route, levels] : team["routes"].items())
      categories[route] = {{"label", {{"en", route}}}, {"escalation", route}};

  std::vector<rg::BundleError> errors;
  std::shared_ptr<const rg::esc::Team> parsed;
  try {
    parsed = rg::esc::parseTeam(team, categories, errors);
  } catch (const std::exception& e) {
    fail("parseTeam threw", e.what());  // the loader would turn this into "could not be loaded"
  }
  if (!parsed) {
    if (errors.empty()) fail("team rejected without errors");
    for (const auto& e : errors)
      if (e.pointer.rfind("/team", 0) != 0 && e.pointer.rfind("/categories", 0) != 0)
        fail("error pointer outside /team and /categories", e.pointer + " " + e.message);
    return 0;
  }
  if (!errors.empty()) fail("team parsed with errors", errors[0].pointer + " " + errors[0].message);

  const int64_t at = instant(p);
  const int64_t span = (p.span % (3 * 366 * 1440)) * kMinute;
  for (const json& s : team.value("schedules", json::array())) {
    const std::string id = s["id"];
    checkOncall(rg::esc::oncall(*parsed, id, at), at, id);
    checkGaps(rg::esc::gaps(*parsed, id, at, at + span), at, at + span);
  }
  if (!rg::esc::oncall(*parsed, "\x01no such schedule", at).contains("error")) fail("oncall of an unknown schedule");

  json findings = json::array();
  for (const auto& [cat, value] : categories.items())
    findings.push_back({{"rule", "fuzz." + cat}, {"category", cat}, {"severity", (p.flags & 2) ? "warn" : "block"},
                        {"begin", 0}, {"end", 6}, {"text", "80 EUR"}, {"source", "reply"}, {"amount", 80}});
  json request = {{"findings", findings}, {"now", at}, {"draft", "80 EUR back, promised!"},
                  {"post_url", "https://example.com/p/1"}, {"lang", (p.flags & 4) ? "de" : "en"}};
  if (team.contains("members") && p.member < team["members"].size()) request["member"] = team["members"][p.member]["id"];
  const json e = rg::esc::escalate(*parsed, request);
  if (e.contains("error")) fail("escalate error on a well-formed request", fuzzutil::dumpAsAbi(e));
  if (!e.contains("escalate") || !e["escalate"].is_boolean()) fail("escalate without escalate flag", fuzzutil::dumpAsAbi(e));
  (void)fuzzutil::dumpAsAbi(e);
  return 0;
}
