// libphonenumber behind validatePhone (phone_numbers.h). Parsing and validation only: candidates
// come from the phone scanner (detect_phone.cpp), which also rejects dates, prices and codes.
#include "detect/phone_numbers.h"

#include <cstring>
#include <string>

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

std::optional<PhoneNumberInfo> info(const PhoneNumberUtil& util, const PhoneNumber& n, const char* region) {
  const char* type = typeName(util.GetNumberType(n));
  if (!type) return std::nullopt;  // valid for the region, yet of no known type: not reported
  return PhoneNumberInfo{type, region};
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

std::optional<PhoneNumberInfo> validatePhone(std::string_view candidate, std::span<const char* const> regions) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::string text(candidate);
  // "0049 30 ...": 00 is the international prefix of every region we carry but the NANP's (011);
  // written so, the number is international wherever the reader is.
  if (text.size() > 2 && text[0] == '0' && text[1] == '0') text = "+" + text.substr(2);
  PhoneNumber n;
  if (!text.empty() && text[0] == '+') {
    if (util.Parse(text, "ZZ", &n) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
    std::string region;
    util.GetRegionCodeForNumber(n, &region);
    const char* r = phoneRegion(region);
    if (!r || !listed(regions, region) || !util.IsValidNumberForRegion(n, region)) return std::nullopt;
    return info(util, n, r);
  }
  const bool trunk0 = !text.empty() && text[0] == '0';
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* r : regions) {
      std::string ndd;
      util.GetNddPrefixForRegion(r, true, &ndd);
      if ((pass == 0) != (trunk0 == (ndd == "0"))) continue;
      if (util.Parse(text, r, &n) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
      if (util.IsValidNumberForRegion(n, r)) return info(util, n, r);
    }
  }
  return std::nullopt;
}

}  // namespace rg::detect
