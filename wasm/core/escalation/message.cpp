#include "message.h"

#include <cstdio>

namespace rg::esc {

using nlohmann::json;

namespace {

std::string text(const json& localized, const std::string& lang) {
  if (!localized.is_object()) return "";
  if (localized.contains(lang) && localized[lang].is_string()) return localized[lang].get<std::string>();
  for (auto it = localized.begin(); it != localized.end(); ++it)
    if (it.value().is_string()) return it.value().get<std::string>();
  return "";
}

std::string categoryLabel(const Team& team, const std::string& cat, const std::string& lang) {
  if (team.categoryLabels.contains(cat)) {
    std::string s = text(team.categoryLabels[cat], lang);
    if (!s.empty()) return s;
  }
  return cat;
}

std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

std::string localTimeText(const Zone& z, int64_t utcMs) {
  const int64_t wall = z.toWall(utcMs);
  std::string s = isoWall(wall);
  s[10] = ' ';
  return s;
}

std::string percentEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string utf16Slice(const std::string& s, int64_t begin, int64_t end) {
  std::string out;
  int64_t pos = 0;  // UTF-16 position of byte i
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const int units = len == 4 ? 2 : 1;
    if (pos >= begin && pos + units <= end) out.append(s, i, std::min(len, s.size() - i));
    pos += units;
    i += len;
  }
  return out;
}

json composeMessage(const Team& team, const MessageInput& in) {
  const bool de = in.lang == "de";
  const Zone& z = *team.zone;
  const std::string when = localTimeText(z, in.respondBy) + " (" + z.id() + ")";

  std::string topCategory, topSeverity;
  if (!in.reasons.empty()) {
    topCategory = categoryLabel(team, str(in.reasons[0], "category"), in.lang);
    topSeverity = str(in.reasons[0], "severity");
  }
  std::string subject = de ? "ReplyGuard-Eskalation: " + topCategory + " (" + topSeverity + ") – Rückmeldung bis " + when
                           : "ReplyGuard escalation: " + topCategory + " (" + topSeverity + ") – please respond by " + when;
  if (in.management) subject = (de ? "[Management] " : "[Management] ") + subject;

  std::string names;
  for (const auto& t : in.targets) names += (names.empty() ? "" : ", ") + str(t, "name");
  std::string body = de ? "Hallo " + (names.empty() ? std::string("Team") : names) + ",\n\n"
                        : "Hello " + (names.empty() ? std::string("team") : names) + ",\n\n";
  const std::string who = in.writerName.empty() ? (de ? "Ein Antwortender" : "A responder") : in.writerName;
  body += de ? who + " braucht eine Entscheidung, bevor die Antwort veröffentlicht wird.\n"
             : who + " needs a decision before the reply is published.\n";
  if (!in.postUrl.empty()) body += (de ? "Beitrag: " : "Post: ") + in.postUrl + "\n";
  body += de ? "\nBefunde:\n" : "\nFindings:\n";
  for (const auto& r : in.reasons) {
    body += "- " + categoryLabel(team, str(r, "category"), in.lang) + " (" + str(r, "severity") + "), " +
            (de ? "Regel " : "rule ") + str(r, "rule");
    if (!str(r, "excerpt").empty()) body += ": \"" + str(r, "excerpt") + "\"";
    body += " – " + str(r, de ? "limit_de" : "limit") + "\n";
  }
  if (!in.draft.empty()) {
    std::string draft = in.draft.size() > 1200 ? utf16Slice(in.draft, 0, 1000) + " …" : in.draft;
    body += de ? "\nEntwurf:\n" : "\nDraft:\n";
    size_t start = 0;
    while (start <= draft.size()) {
      const size_t nl = draft.find('\n', start);
      body += "> " + draft.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  const std::string levelName = text(in.level.value("name", json::object()), in.lang);
  body += de ? "\nBitte Rückmeldung bis " + when + " (Stufe " + std::to_string(in.level.value("level", 0)) +
                   (levelName.empty() ? "" : ": " + levelName) + ").\n"
             : "\nPlease respond by " + when + " (level " + std::to_string(in.level.value("level", 0)) +
                   (levelName.empty() ? "" : ": " + levelName) + ").\n";
  if (in.management)
    body += de ? "Management ist informiert: Die Entscheidung liegt beim Management.\n"
               : "Management is notified: management decides.\n";
  for (const auto& g : in.gaps)
    body += de ? "Hinweis: Bereitschaft '" + str(g, "schedule") + "' ist gerade nicht besetzt (" + str(g, "reason") + ").\n"
               : "Note: on-call schedule '" + str(g, "schedule") + "' has no coverage right now (" + str(g, "reason") + ").\n";
  body += de ? "\n– gesendet mit ReplyGuard\n" : "\n– sent via ReplyGuard\n";
  return {{"subject", subject}, {"body", body}};
}

json composeLinks(const json& targets, const json& message) {
  json links = json::array();
  std::string to;
  for (const auto& t : targets) {
    const json& ch = t.value("channels", json::array());
    const json& c = t.value("contacts", json::object());
    auto has = [&](const char* k) {
      for (const auto& x : ch)
        if (x == k) return c.contains(k);
      return false;
    };
    if (has("phone")) {
      std::string tel;
      for (char ch2 : c["phone"].get<std::string>())
        if (ch2 != ' ') tel += ch2;
      links.push_back({{"kind", "tel"}, {"href", "tel:" + tel}, {"member", t["member"]}, {"label", t["name"]}});
    }
    if (has("chat"))
      links.push_back({{"kind", "chat"}, {"href", c["chat"]}, {"member", t["member"]}, {"label", t["name"]}});
    if (has("email")) to += (to.empty() ? "" : ",") + c["email"].get<std::string>();
  }
  if (!to.empty()) {
    std::string body = message["body"].get<std::string>();
    if (body.size() > 1800) body = utf16Slice(body, 0, 1700) + "\n…";  // mail clients cap mailto length
    links.push_back({{"kind", "mailto"},
                     {"href", "mailto:" + to + "?subject=" + percentEncode(message["subject"].get<std::string>()) +
                                  "&body=" + percentEncode(body)}});
  }
  return links;
}

}  // namespace rg::esc
