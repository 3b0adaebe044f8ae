// libFuzzer target: arbitrary team JSON → rg::esc::parseTeam, and for a team that parses the
// questions asked of it: oncall, gaps, escalate (scripts/fuzz.sh). Input layout:
//   TEAM_JSON \0 PARAMS       (no \0: the whole input is the team, default parameters)
//   \xFF PARAMS EDITS         structure-aware mode: the telecom example's team with EDITS, 3 bytes
//                             each: leaf index (u16 LE, mod the number of leaves), value selector
//                             (< 128: a value from kValues; else: copy another leaf's value), so
//                             mutations stay mostly valid and reach oncall/gaps/escalate (random
//                             edits of JSON text rarely give a team that parses)
//   PARAMS, little endian, missing bytes read as 0:
//     u8  flags   bit 0: 0 → "at" is minutes after 2026-01-01T00:00Z (within ±190 years)
//                        1 → "at" is raw ms, reduced to the JavaScript Date range (±8.64e15)
//     i64 at
//     i64 span    gaps(at, at + span): minutes, reduced to ±62 days, or with flags bit 3 to
//                 ±3 years (the API caps at 2 years); flags bit 1: "warn" findings, bit 2: German
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
#include "fuzz_edit.h"

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

// Replacement values of the structure-aware mode: times around DST changes and year ends, odd
// zones, boundary numbers, ids of the example.
const json& values() {
  static const json v = json::parse(R"json([
    "2026-03-29T02:30", "2026-03-29T02:00", "2026-10-25T02:30", "2026-10-25T03:00", "2026-12-31T23:59",
    "2027-01-01", "2026-02-29", "2028-02-29", "1970-01-01T00:00", "9999-12-31T23:59", "2026-01-05T08:00",
    "00:00", "23:59", "24:00", "08:00", "mon 00:00", "sun 23:59", "fri 18:00", "mon 08:00", "sat 12:00",
    "Europe/Berlin", "Pacific/Apia", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns",
    "Pacific/Kiritimati", "Etc/GMT+12", "UTC", "America/Sao_Paulo", "Antarctica/Troll",
    "daily", "weekly", "custom", "include", "exclude", "ignore", "now", "after_previous",
    "info", "warn", "block", "none", "phone", "email", "chat", "de", "en", "fr",
    "anna", "ben", "deniz", "eva", "frank", "greta", "lena", "jonas", "responder", "senior", "lead", "legal",
    "duty", "management", "DE-BE", "", "x",
    0, 1, -1, 2, 7, 23, 24, 25, 168, 8760, 100000, 2147483647, -2147483648, 9007199254740993,
    0.5, 1e300, true, false, null, [], {}, ["anna"], ["anna", "anna"], {"type": "custom", "hours": 1},
    {"type": "custom", "hours": 0.25}, {"from": "18:00", "to": "18:00"}, {"from": "sun 23:00", "to": "mon 01:00"}
  ])json");
  return v;
}

json editedTelecomTeam(const uint8_t* p, size_t n) {
  static const fuzzutil::JsonEditor editor(
      json::parse(fuzzutil::readRepoFile("policies/examples/telecom.json"))["team"], values());
  return editor.apply(p, n);
}

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
  json team;
  Params p;
  if (size > 0 && data[0] == 0xFF) {
    p = readParams(data + 1, size - 1);
    const size_t skip = size < 19 ? size : 19;
    team = editedTelecomTeam(data + skip, size - skip);
  } else {
    const uint8_t* nul = static_cast<const uint8_t*>(std::memchr(data, 0, size));
    const size_t jsonSize = nul ? static_cast<size_t>(nul - data) : size;
    if (nul) p = readParams(nul + 1, size - jsonSize - 1);
    team = json::parse(std::string_view(reinterpret_cast<const char*>(data), jsonSize), nullptr, false);
    if (team.is_discarded()) return 0;
  }
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
  // Long ranges (up to the API's two-year cap and beyond) cost ~0.2 s per schedule under ASan, so
  // only flag bit 3 asks for them; otherwise at most ±62 days.
  const int64_t span = (p.span % ((p.flags & 8) ? 3 * 366 * 1440 : 62 * 1440)) * kMinute;
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
