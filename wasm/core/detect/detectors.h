// Built-in detectors of personal data in the ORIGINAL text (UTF-16). Pure functions: no policy,
// no folding. Context words and thresholds are applied by the checker.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rg::detect {

enum class Kind {
  Email, Phone, Iban, Card, Url, Handle,
  DeTaxId,       // Steuerliche Identifikationsnummer (11 digits, ISO 7064 MOD 11,10)
  VatId,         // USt-IdNr / VAT number (DE, AT: with their check digits)
  DeIdDocument,  // Personalausweis / Reisepass number (ICAO 9303 check digit 7-3-1)
  DeKvnr,        // Krankenversichertennummer (letter + 9 digits, § 290 SGB V)
  DeRvnr,        // Rentenversicherungsnummer (12 characters, VKVV § 4)
};

struct Hit {
  uint32_t begin;     // UTF-16 offsets into the text passed in
  uint32_t end;
  double confidence;  // 0..1, base confidence before context words
  // Phone hits: libphonenumber's number type ("mobile", "toll_free" ...) and the region it is valid
  // in (phone_numbers.h); static strings, null for the other kinds.
  const char* phoneType = nullptr;
  const char* region = nullptr;
};

// "email", "phone", "iban", "card", "url", "handle", "de_tax_id", "vat_id", "de_id_document", "de_kvnr", "de_rvnr"
std::optional<Kind> kindFromName(std::string_view name);

// All hits of one kind, sorted by begin, non-overlapping. Phone numbers are those valid in one of
// `phoneRegions` (elements of kPhoneRegions, phone_numbers.h; empty: all of them, in their order).
std::vector<Hit> find(Kind kind, std::u16string_view text, std::span<const char* const> phoneRegions = {});
// The text as every detector reads it (full-width ASCII forms and the ideographic space folded, one
// unit per unit, so offsets stay those of the text). A check folds it once for all its detector
// rules. Returns `text` itself when nothing folds, else `buffer`'s contents.
std::u16string_view foldForDetectors(std::u16string_view text, std::u16string& buffer);
// find() on a text folded by foldForDetectors.
std::vector<Hit> findFolded(Kind kind, std::u16string_view folded, std::span<const char* const> phoneRegions = {});

// Validators, exposed for tests and for the checker's own use.
bool ibanValid(std::u16string_view compactIban);   // country length + mod-97; spaces removed by the caller
bool luhnValid(std::u16string_view digits);        // digits only
bool cardIssued(std::u16string_view digits);       // an issued IIN range with a length its scheme uses
bool taxIdValid(std::u16string_view digits);       // 11 digits: structure of the first ten + MOD 11,10
bool vatIdValid(std::u16string_view compactId);    // "DE" + 9 digits or "ATU" + 8 digits, check digit
bool idDocumentValid(std::u16string_view compact); // 9 characters, ICAO charset, 7-3-1 check digit
bool kvnrValid(std::u16string_view compact);       // letter + 9 digits
bool rvnrValid(std::u16string_view compact);       // 8 digits + letter + 3 digits
// A phone hit's text is a freephone, shared-cost, premium-rate or mass-call number (DE, AT, CH,
// GB, NANP toll-free): a company's service line, never a person's. National numbers read as German.
bool serviceNumber(std::u16string_view phoneText);

// Work counter: code units the scanners have read in this thread so far (codePointAt,
// codePointBefore and the raw digit/name runs). Tests bound a detector's work with it: a count,
// not a clock, so it is the same on an idle and on a loaded machine.
uint64_t codePointReads();

}  // namespace rg::detect
