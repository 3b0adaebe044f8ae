#include "team_output.h"

#include "exit_codes.h"
#include "iso_time.h"
#include "messages.h"

namespace rg::cli {

namespace {

using nlohmann::json;

std::string instant(const json& v) {
  if (v.is_number_integer()) return formatIsoUtc(v.get<int64_t>());
  if (v.is_string()) return v.get<std::string>();
  return "—";
}

std::string person(const json& m) {
  std::string s = m.value("name", m.value("member", "?"));
  if (m.contains("member") && m["member"].is_string()) s += " (" + m["member"].get<std::string>() + ")";
  return s;
}

// One indented line per contact channel, so phone numbers are easy to pick out.
void contacts(std::ostream& out, const json& m) {
  if (!m.contains("contacts") || !m["contacts"].is_object()) return;
  for (const auto& [channel, value] : m["contacts"].items())
    if (value.is_string()) out << "      " << channel << ": " << value.get<std::string>() << "\n";
}

std::string absentList(const json& gap) {
  std::string s;
  for (const auto& a : gap.value("absent", json::array())) {
    if (!s.empty()) s += ", ";
    s += a.value("member", "?") + " (" + a.value("reason", "?");
    if (a.contains("until")) s += " " + tr("team.until", {instant(a["until"])});
    s += ")";
  }
  return s;
}

}  // namespace

void throwIfTeamError(const json& result) {
  if (result.is_object() && result.contains("error"))
    throw CliError{kInvalidInput, result["error"].is_string() ? result["error"].get<std::string>()
                                                              : result["error"].dump()};
}

void printOncall(std::ostream& out, const json& r, int64_t at) {
  out << tr("team.oncall_header", {r.value("schedule", "?"), formatIsoUtc(at)});
  if (r.contains("on_call") && r["on_call"].is_object()) {
    out << "  " << tr("team.oncall_person", {person(r["on_call"]), r.value("via", "?")});
    contacts(out, r["on_call"]);
    if (r.contains("substitute_for") && r["substitute_for"].is_object())
      out << "  " << tr("team.substitute_for", {r["substitute_for"].value("name", "?"),
                                                 r["substitute_for"].value("reason", "?")});
  } else {
    const json gap = r.value("gap", json::object());
    out << "  " << tr("team.nobody", {gap.value("reason", "?")});
    if (std::string a = absentList(gap); !a.empty()) out << "  " << tr("team.absent", {a});
  }
  if (r.contains("until")) out << "  " << tr("team.until_line", {instant(r["until"])});
  if (r.contains("backup") && r["backup"].is_object()) {
    out << "  " << tr("team.backup", {person(r["backup"])});
    contacts(out, r["backup"]);
  }
}

size_t gapCount(const json& result) {
  return result.is_object() && result.contains("gaps") && result["gaps"].is_array()
             ? result["gaps"].size()
             : 0;
}

void printGaps(std::ostream& out, const json& r) {
  out << tr("team.gaps_header", {r.value("schedule", "?"), instant(r.value("from", json())),
                                 instant(r.value("to", json()))});
  for (const auto& g : r.value("gaps", json::array())) {
    out << "  " << instant(g.value("from", json())) << " – " << instant(g.value("to", json())) << "  "
        << g.value("reason", "?");
    if (std::string a = absentList(g); !a.empty()) out << "  " << tr("team.absent_inline", {a});
    out << "\n";
  }
  out << tr(gapCount(r) == 1 ? "team.gaps_summary_one" : "team.gaps_summary", {std::to_string(gapCount(r))});
}

}  // namespace rg::cli
