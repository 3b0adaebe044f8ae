// The pre-filled escalation message (subject/body in German or English) and the links the
// extension opens (mailto:, tel:, chat deep links).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "model.h"

namespace rg::esc {

struct MessageInput {
  std::string lang = "en";
  std::string writerName;   // "" for an individual user
  std::string postUrl, draft;
  nlohmann::json reasons;   // escalate()'s "reasons"
  nlohmann::json findings;  // request findings (for excerpts)
  nlohmann::json level;     // first level {level, name, ...}
  nlohmann::json targets;   // notified targets
  nlohmann::json gaps;      // coverage gaps affecting now
  int64_t respondBy = 0;
  bool management = false;
};

// {"subject","body"}
nlohmann::json composeMessage(const Team& team, const MessageInput& in);
// [{"kind","href",...}] for the targets' channels; the mailto carries subject and body.
nlohmann::json composeLinks(const nlohmann::json& targets, const nlohmann::json& message);
// Local "2026-03-06 19:30" in the zone.
std::string localTimeText(const Zone& z, int64_t utcMs);
std::string percentEncode(const std::string& s);
// Substring of UTF-8 `text` by UTF-16 offsets [begin, end) (the offsets check() reports).
std::string utf16Slice(const std::string& text, int64_t begin, int64_t end);

}  // namespace rg::esc
