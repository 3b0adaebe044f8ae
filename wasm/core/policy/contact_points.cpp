#include "contact_points.h"

#include <algorithm>

#include "text/utf.h"
#include "validator.h"

namespace rg::policy {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; });
  return s;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool inDomain(const std::string& host, const std::vector<std::string>& domains) {
  for (const std::string& d : domains) {
    if (host == d) return true;
    if (host.size() > d.size() && host.compare(host.size() - d.size(), d.size(), d) == 0 &&
        host[host.size() - d.size() - 1] == '.')
      return true;
  }
  return false;
}

// "https://www.example.com/x" / "www.example.com" -> "www.example.com"; "" when no host-like text.
std::string hostOf(std::string s) {
  if (auto scheme = s.find("://"); scheme != std::string::npos) s = s.substr(scheme + 3);
  s = s.substr(0, s.find_first_of("/?#:"));
  if (auto at = s.rfind('@'); at != std::string::npos) s = s.substr(at + 1);
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s.find('.') == std::string::npos ? "" : s;
}

bool phoneMatches(const std::string& found, const std::vector<std::string>& phones) {
  // Digits of the text, "(0)" (the national trunk prefix inside an international number) dropped.
  std::string t = found;
  for (size_t p; (p = t.find("(0)")) != std::string::npos;) t.erase(p, 3);
  size_t start = t.find_first_not_of(" \t");
  if (start == std::string::npos) return false;
  const bool plus = t[start] == '+';
  std::string d;
  for (char c : t) {
    if (isDigit(c)) d += c;
    else if (!(c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '+' || c == '\t'))
      return false;  // not only a number
  }
  if (d.size() < 5) return false;
  size_t minCc = 0, maxCc = 3;  // how many leading digits of the declared number the text may omit
  if (plus) {
    maxCc = 0;
  } else if (d.rfind("00", 0) == 0) {
    d.erase(0, 2);
    maxCc = 0;
  } else if (d[0] == '0') {
    d.erase(0, 1);  // national form: the country code is omitted, the trunk 0 dropped
    minCc = 1;
  }
  for (const std::string& p : phones) {
    if (p.size() < d.size()) continue;
    const size_t omitted = p.size() - d.size();
    if (omitted >= minCc && omitted <= maxCc && p.compare(omitted, d.size(), d) == 0) return true;
  }
  return false;
}

void list(const nlohmann::json& c, const char* key, const std::string& ptr, Validator& v,
          std::vector<std::string>& out, bool (*check)(std::string&)) {
  const nlohmann::json* l = v.field(c, key, ptr, false);
  const std::string lp = Validator::at(ptr, key);
  if (!l || !v.array(*l, lp)) return;
  if (l->size() > 1000) return v.err(lp, "has more than 1000 entries");
  for (size_t i = 0; i < l->size(); ++i) {
    std::string s;
    if (!v.string((*l)[i], Validator::at(lp, i), s, true, 256)) continue;
    if (!check(s)) {
      v.err(Validator::at(lp, i), std::string("is not ") +
                                      (std::string(key) == "phones"     ? "an international number like \"+49 800 330 1000\""
                                       : std::string(key) == "emails"   ? "an e-mail address"
                                       : std::string(key) == "domains"  ? "a domain name"
                                       : std::string(key) == "handles"  ? "a handle like \"@ExampleSupport\""
                                                                        : "the part of an address before \"@\""));
      continue;
    }
    out.push_back(std::move(s));
  }
}

}  // namespace

bool ContactPoints::covers(std::u16string_view found16, bool roleMailboxes) const {
  if (empty() || found16.empty()) return false;
  const std::string found = lower(text::toUtf8(found16));
  if (auto at = found.rfind('@'); at != std::string::npos && at > 0) {  // an address
    if (std::find(emails.begin(), emails.end(), found) != emails.end()) return true;
    if (inDomain(found.substr(at + 1), domains)) return true;
    const std::string local = found.substr(0, at);
    return roleMailboxes && std::find(localParts.begin(), localParts.end(), local) != localParts.end();
  }
  if (found[0] == '@') return std::find(handles.begin(), handles.end(), found.substr(1)) != handles.end();
  if (!phones.empty() && phoneMatches(found, phones)) return true;
  const std::string host = hostOf(found);
  return !host.empty() && inDomain(host, domains);
}

void parseContactPoints(const nlohmann::json& c, const std::string& ptr, Validator& v, ContactPoints& out) {
  if (!v.object(c, ptr, {"phones", "emails", "domains", "handles", "role_mailboxes"})) return;
  list(c, "phones", ptr, v, out.phones, [](std::string& s) {
    if (s.empty() || s[0] != '+') return false;
    std::string d;
    for (char ch : s.substr(1)) {
      if (isDigit(ch)) d += ch;
      else if (!(ch == ' ' || ch == '-' || ch == '.' || ch == '/' || ch == '(' || ch == ')')) return false;
    }
    s = d;
    return d.size() >= 6 && d.size() <= 20;
  });
  list(c, "emails", ptr, v, out.emails, [](std::string& s) {
    s = lower(s);
    auto at = s.find('@');
    return at != std::string::npos && at > 0 && s.find('@', at + 1) == std::string::npos &&
           s.find('.', at) != std::string::npos && s.find_first_of(" /") == std::string::npos;
  });
  list(c, "domains", ptr, v, out.domains, [](std::string& s) {
    s = lower(s);
    return s.find('.') != std::string::npos && s.find_first_of(" /@:") == std::string::npos && s.front() != '.';
  });
  list(c, "handles", ptr, v, out.handles, [](std::string& s) {
    s = lower(s);
    if (s.size() < 2 || s[0] != '@' || s.find_first_of(" /") != std::string::npos) return false;
    s.erase(0, 1);
    return true;
  });
  list(c, "role_mailboxes", ptr, v, out.localParts, [](std::string& s) {
    s = lower(s);
    return s.find_first_of(" /@") == std::string::npos;
  });
}

}  // namespace rg::policy
