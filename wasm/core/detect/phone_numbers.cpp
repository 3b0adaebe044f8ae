// libphonenumber behind validatePhone (phone_numbers.h). Parsing and validation only: candidates
// come from the phone scanner (detect_phone.cpp), which also rejects dates, prices and codes.
#include "detect/phone_numbers.h"

#include <atomic>
#include <cstring>
#include <string>
#include <unordered_map>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace rg::detect {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const char* typeName(PhoneNumberUtil::PhoneNumberType t) {
  switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return "fixed_line";
    case PhoneNumberUtil::MOBILE: return "mobile";
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return "fixed_line_or_mobile";
    case PhoneNumberUtil::TOLL_FREE: return "toll_free";
    case PhoneNumberUtil::PREMIUM_RATE: return "premium_rate";
    case PhoneNumberUtil::SHARED_COST: return "shared_cost";
    case PhoneNumberUtil::VOIP: return "voip";
    case PhoneNumberUtil::PERSONAL_NUMBER: return "personal_number";
    case PhoneNumberUtil::PAGER: return "pager";
    case PhoneNumberUtil::UAN: return "uan";
    case PhoneNumberUtil::VOICEMAIL: return "voicemail";
    case PhoneNumberUtil::UNKNOWN: break;
  }
  return nullptr;
}

bool listed(std::span<const char* const> regions, const std::string& code) {
  for (const char* r : regions)
    if (code == r) return true;
  return false;
}

// The number's type when it is a valid number of `wanted` (or, with null, of one of `regions`).
// GetNumberType reads the metadata of the region GetRegionCodeForNumber names (for a shared
// country code the first where the number is valid, the main country first: US, GB, IT), so a
// known type with that region is IsValidNumberForRegion, without running its patterns twice.
std::optional<PhoneNumberInfo> typed(const PhoneNumberUtil& util, const PhoneNumber& n, std::span<const char* const> regions,
                                     const char* wanted) {
  if (!util.IsPossibleNumber(n)) return std::nullopt;  // lengths only: cheap, and no valid number fails it
  const char* type = typeName(util.GetNumberType(n));
  if (!type) return std::nullopt;
  std::string code;
  util.GetRegionCodeForNumber(n, &code);
  const char* r = phoneRegion(code);
  if (!r || (wanted ? code != wanted : !listed(regions, code))) return std::nullopt;
  return PhoneNumberInfo{type, r};
}

std::atomic<bool> g_loaded{false};

std::optional<PhoneNumberInfo> validateUncached(std::string text, std::span<const char* const> regions) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();  // the metadata loads at the first call
  g_loaded.store(true, std::memory_order_relaxed);
  // "0049 30 ...": 00 is the international prefix of every region we carry but the NANP's (011);
  // written so, the number is international wherever the reader is.
  if (text.size() > 2 && text[0] == '0' && text[1] == '0') text = "+" + text.substr(2);
  PhoneNumber n;
  if (!text.empty() && text[0] == '+') {
    if (util.Parse(text, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
    return typed(util, n, regions, nullptr);
  }
  const bool trunk0 = !text.empty() && text[0] == '0';
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* r : regions) {
      std::string ndd;
      util.GetNddPrefixForRegion(r, true, &ndd);
      if ((pass == 0) != (trunk0 == (ndd == "0"))) continue;
      if (util.Parse(text, r, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
      if (auto found = typed(util, n, regions, r)) return found;
    }
  }
  return std::nullopt;
}

}  // namespace

const char* phoneRegion(std::string_view code) {
  for (const char* r : kPhoneRegions)
    if (code == r) return r;
  return nullptr;
}

bool serviceType(const char* type) {
  if (!type) return false;
  for (const char* t : {"toll_free", "premium_rate", "shared_cost", "uan"})
    if (std::strcmp(type, t) == 0) return true;
  return false;
}

bool phoneNumbersLoaded() { return g_loaded.load(std::memory_order_relaxed); }

void preparePhoneNumbers() {
  static const bool prepared = [] {
    // A national and an international number: the patterns every parse uses, and DE's and GB's.
    validateUncached("030 1234567", kPhoneRegions);
    validateUncached("+44 20 7946 0018", kPhoneRegions);
    return true;
  }();
  (void)prepared;
}

std::optional<PhoneNumberInfo> validatePhone(std::string_view candidate, std::span<const char* const> regions) {
  // Parsing and validating costs tens of microseconds per region (libphonenumber runs ICU regular
  // expressions), and a reply is checked again on every keystroke with nearly the same numbers in
  // it: the answers for the last few hundred candidates are kept (per thread; cleared when full).
  thread_local std::unordered_map<std::string, std::optional<PhoneNumberInfo>> seen;
  std::string key(candidate);
  key.push_back('\0');
  for (const char* r : regions) key.append(r, 2);
  if (auto it = seen.find(key); it != seen.end()) return it->second;
  if (seen.size() >= 512) seen.clear();
  auto found = validateUncached(std::string(candidate), regions);
  seen.emplace(std::move(key), found);
  return found;
}

}  // namespace rg::detect
