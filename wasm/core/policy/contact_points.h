// The company's own contact points, declared once per bundle ("contact_points"): hotline numbers,
// role addresses, its domains and social handles. A finding whose text is one of them is never
// personal data, so detector and pattern rules do not report it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace rg::policy {

class Validator;

struct ContactPoints {
  std::vector<std::string> phones;      // international digits, "+49 800 330 1000" -> "498003301000"
  std::vector<std::string> emails;      // lower-case
  std::vector<std::string> domains;     // lower-case; subdomains included
  std::vector<std::string> handles;     // lower-case, without "@"
  std::vector<std::string> localParts;  // role mailboxes at any domain ("support", "presse"), lower-case

  bool empty() const {
    return phones.empty() && emails.empty() && domains.empty() && handles.empty() && localParts.empty();
  }
  // True if `found` (the text of a finding) is one of the contact points: a declared number in any
  // usual spelling (+49 …, 0049 …, 0…, with (0)), a declared address, an address or URL at a declared
  // domain, a role mailbox, or a declared handle.
  // roleMailboxes false: an address counts only when it is declared or at a declared domain (a
  // detector rule with "role_addresses": "flag").
  bool covers(std::u16string_view found, bool roleMailboxes = true) const;
};

void parseContactPoints(const nlohmann::json& v, const std::string& ptr, Validator& val, ContactPoints& out);

}  // namespace rg::policy
