#include "teamless.h"

#include <algorithm>
#include <string>
#include <vector>

#include "message.h"

namespace rg::esc {

using nlohmann::json;

namespace {

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string labelOf(const json& categories, const std::string& category, const std::string& lang) {
  const json* label = nullptr;
  if (auto c = categories.find(category); c != categories.end() && c->is_object())
    if (auto l = c->find("label"); l != c->end() && l->is_object()) label = &*l;
  if (!label) return category;
  std::string text = str(*label, lang.c_str());
  if (text.empty()) text = str(*label, lang == "de" ? "en" : "de");
  return text.empty() ? category : text;
}

}  // namespace

json escalateWithoutTeam(const json& categories, const json& request) {
  if (!request.is_object()) return {{"error", "request must be a JSON object"}};
  const std::string lang = str(request, "lang") == "de" ? "de" : "en";
  const bool de = lang == "de";
  const json& findings = request.contains("findings") && request["findings"].is_array() ? request["findings"]
                                                                                          : json::array();
  json reasons = json::array();
  std::vector<std::string> routes;
  for (const json& f : findings) {
    if (!f.is_object()) continue;
    const std::string category = str(f, "category");
    auto c = categories.find(category);
    if (c == categories.end() || !c->is_object() || !c->contains("escalation")) continue;
    if (str(f, "severity") != "block" && str(f, "source") != "incoming") continue;
    const std::string route = str(*c, "escalation");
    reasons.push_back({{"rule", str(f, "rule")}, {"category", category}, {"severity", str(f, "severity")},
                       {"route", route}, {"label", labelOf(categories, category, lang)}});
    if (std::find(routes.begin(), routes.end(), route) == routes.end()) routes.push_back(route);
  }
  if (reasons.empty()) return {{"escalate", false}, {"reasons", json::array()}, {"gaps", json::array()}};

  std::string topics;
  for (const json& r : reasons) {
    const std::string label = r["label"].get<std::string>();
    if (topics.find(label) == std::string::npos) topics += (topics.empty() ? "" : ", ") + label;
  }
  const std::string draft = str(request, "draft"), post = str(request, "post_url");
  std::string body = de ? "Hallo,\n\nbitte übernehmen oder entscheiden: " + topics + ".\n"
                        : "Hello,\n\nplease take over or decide: " + topics + ".\n";
  if (!post.empty()) body += (de ? "\nBeitrag: " : "\nPost: ") + post + "\n";
  for (const json& f : findings) {
    if (!f.is_object() || !f.contains("begin") || !f.contains("end")) continue;
    const std::string& text = str(f, "source") == "incoming" ? str(request, "incoming") : draft;
    const std::string excerpt = f["begin"].is_number() && f["end"].is_number()
                                    ? utf16Slice(text, f["begin"].get<int64_t>(), f["end"].get<int64_t>())
                                    : std::string();
    if (!excerpt.empty()) body += "- " + str(f, "message") + ": \"" + excerpt + "\"\n";
  }
  // The post being answered travels with the message: whoever takes over needs it, not only the excerpts.
  const std::string incoming = str(request, "incoming");
  if (!incoming.empty()) body += (de ? "\nBeantworteter Beitrag:\n" : "\nPost being answered:\n") + incoming + "\n";
  if (!draft.empty()) body += (de ? "\nEntwurf:\n" : "\nDraft:\n") + draft + "\n";
  const json message = {{"subject", (de ? "Eskalation: " : "Escalation: ") + topics}, {"body", body}};
  return {{"escalate", true},
          {"route", routes.front()},
          {"routes", routes},
          {"reasons", reasons},
          {"targets", json::array()},
          {"gaps", json::array()},
          {"team", false},
          {"note", de ? "Diese Richtlinie nennt kein Team: Leiten Sie die Nachricht an die zuständige Stelle weiter."
                      : "This policy names no team: forward the message to whoever is responsible."},
          {"message", message},
          {"links", json::array({{{"kind", "mailto"},
                                  {"href", "mailto:?subject=" + percentEncode(message["subject"].get<std::string>()) +
                                               "&body=" + percentEncode(body)}}})}};
}

}  // namespace rg::esc
