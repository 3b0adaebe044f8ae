// Phone numbers validated with libphonenumber (Debian's libphonenumber-dev natively; the same
// release built for wasm with its metadata trimmed to kPhoneRegions, scripts/phonenumber-wasm).
// Both builds answer only from the metadata of these regions, so they report the same numbers.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace rg::detect {

// The regions a bundle may name (ISO 3166), in the default order: a national number (no +, no 00)
// is read in the first of the bundle's regions where it is valid. Keep in step with
// scripts/phonenumber-wasm/regions.txt (the wasm metadata); tests/unit/detect/phone_test.cpp checks it.
inline constexpr const char* kPhoneRegions[] = {"DE", "AT", "CH", "GB", "US", "FR", "NL",
                                                "IT", "ES", "PL", "CN", "BR", "IL"};

// The region code of kPhoneRegions equal to `code` (upper case), or null.
const char* phoneRegion(std::string_view code);

struct PhoneNumberInfo {
  const char* type;    // "fixed_line", "mobile", "fixed_line_or_mobile", "toll_free", "premium_rate",
                       // "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail"
  const char* region;  // an element of kPhoneRegions
};

// `candidate` (UTF-8, as written: "+49 (0)30 1234567", "0171-1234567", "(415)555-0132") is a valid
// number of one of `regions` (elements of kPhoneRegions). International numbers (+ or 00) are
// valid for the region of their country code; a national number is read in the regions whose
// trunk prefix it shows first (a leading 0: DE, AT, GB ...; none: US, IT, ES, PL), then in the others.
std::optional<PhoneNumberInfo> validatePhone(std::string_view candidate, std::span<const char* const> regions);

// Sets libphonenumber up (its metadata, its compiled patterns: about 15 ms natively, some 200 ms in
// wasm). Loading a bundle does not: the first validatePhone call does, i.e. the first check whose
// text has a phone candidate (a digit run the scanner keeps), so a cold start on a text without
// one, and a bundle without a phone rule, never pay for it. For benchmarks.
void preparePhoneNumbers();
// Whether libphonenumber has been set up in this process (by either of the above).
bool phoneNumbersLoaded();

// A type a company's service line has, never a person's: toll_free, premium_rate, shared_cost, uan.
bool serviceType(const char* type);

}  // namespace rg::detect
