// kind "detector": personal data found by a built-in detector (detect/), its confidence raised by
// a context word nearby; e-mail and URL hits of allowed domains, the company's own contact points
// (the bundle's and the rule's own "allow"), role addresses (unless "role_addresses": "flag") and,
// with "allow_service_numbers", freephone and other service lines are not reported. Phone numbers
// are those libphonenumber finds valid in the rule's "regions" (default: all it carries); their
// findings name the number's type and region. With "own_line_words" (phone), a number that is not a
// mobile or personal one, after such a word ("Unsere Hotline", "press office") in its sentence, is the
// company's own line: the default bundle cannot declare the numbers of the company using it.
#include <algorithm>
#include <cmath>

#include "check/context.h"
#include "detect/detectors.h"
#include "detect/phone_numbers.h"
#include "policy/contact_points.h"
#include "policy/rule_compiler.h"
#include "rules/kind.h"
#include "text/utf.h"

namespace rg::rules {
namespace {

using nlohmann::json;
using policy::Validator;

struct DetectorSettings : Settings {
  detect::Kind detector = detect::Kind::Email;
  double minConfidence = 0;
  std::vector<std::string> allowDomains;  // lower-case
  policy::ContactPoints allow;            // the rule's own contact points, in the bundle's format
  bool flagRoleAddresses = false;         // email: report support@... too (Presidio's behaviour)
  bool allowServiceNumbers = false;       // phone: freephone, shared-cost, premium-rate lines are fine
  std::vector<const char*> regions;       // phone: elements of detect::kPhoneRegions; empty: all
  bool ownLineWords = false;              // phone: the rule has "own_line_words" (Role::Other)
  size_t memoryBytes() const override {
    size_t n = sizeof(*this);
    for (const auto* l : {&allowDomains, &allow.phones, &allow.emails, &allow.domains, &allow.handles, &allow.localParts})
      for (const std::string& x : *l) n += sizeof(std::string) + x.capacity();
    return n;
  }
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; });
  return s;
}

std::string domainOf(std::u16string_view hit, detect::Kind kind) {
  std::string s = lower(text::toUtf8(hit));
  if (kind == detect::Kind::Email) {
    auto at = s.rfind('@');
    return at == std::string::npos ? s : s.substr(at + 1);
  }
  auto scheme = s.find("://");
  if (scheme != std::string::npos) s = s.substr(scheme + 3);
  s = s.substr(0, s.find_first_of("/?#:"));
  if (auto at = s.rfind('@'); at != std::string::npos) s = s.substr(at + 1);
  return s;
}

// How far before a phone number an own-line word may stand (UTF-16 units, within its sentence).
constexpr uint32_t kOwnLineReach = 80;

// A number of a person, never a company's line, whatever words stand before it.
bool personalType(const char* type) {
  const std::string_view t = type ? type : "";
  return t == "mobile" || t == "personal_number" || t == "pager" || t == "voicemail";
}

// An own-line word ends at most kOwnLineReach units before `begin`, with no sentence end (". ",
// "! ", "? ", a line break) between it and the number.
bool ownLineBefore(std::u16string_view text, uint32_t begin, const std::vector<text::Span>& words) {
  for (const text::Span& w : words) {
    if (w.end > begin || begin - w.end > kOwnLineReach) continue;
    bool sentenceEnd = false;
    for (uint32_t k = w.end; k < begin && !sentenceEnd; ++k) {
      const char16_t ch = text[k];
      sentenceEnd = ch == u'\n' || ((ch == u'.' || ch == u'!' || ch == u'?') && k + 1 < begin && text[k + 1] == u' ');
    }
    if (!sentenceEnd) return true;
  }
  return false;
}

bool domainAllowed(const std::string& domain, const std::vector<std::string>& allowed) {
  for (const std::string& d : allowed) {
    if (domain == d) return true;
    if (domain.size() > d.size() && domain.compare(domain.size() - d.size(), d.size(), d) == 0 &&
        domain[domain.size() - d.size() - 1] == '.')
      return true;
  }
  return false;
}

std::shared_ptr<const Settings> compile(const json& rule, const std::string& ptr, policy::RuleCompiler& c) {
  auto s = std::make_shared<DetectorSettings>();
  std::string name;
  const std::string dp = Validator::at(ptr, "detector");
  if (const json* d = c.v.field(rule, "detector", ptr, true); d && c.v.string(*d, dp, name)) {
    // (libphonenumber's metadata loads at the first phone candidate a check meets, not here:
    // phone_numbers.h)
    if (auto k = detect::kindFromName(name))
      s->detector = *k;
    else c.v.err(dp, "unknown detector " + Validator::quoted(name) +
                          " (email, phone, iban, card, url, handle, de_tax_id, vat_id, de_id_document, de_kvnr, de_rvnr)");
  }
  if (const json* ctx = c.v.field(rule, "context", ptr, false))
    c.termList(*ctx, Validator::at(ptr, "context"), 0, MatchMode::Prefix, Role::Context, nullptr, 0, false);
  if (const json* m = c.v.field(rule, "min_confidence", ptr, false))
    c.v.number(*m, Validator::at(ptr, "min_confidence"), 0, 1, s->minConfidence);
  const std::string ap = Validator::at(ptr, "allow_domains");
  if (const json* ad = c.v.field(rule, "allow_domains", ptr, false); ad && c.v.array(*ad, ap)) {
    if (!name.empty() && name != "email" && name != "url") c.v.err(ap, "only applies to the email and url detectors");
    for (size_t i = 0; i < ad->size(); ++i) {
      std::string d;
      if (!c.v.string((*ad)[i], Validator::at(ap, i), d, true, 253)) continue;
      d = lower(d);
      if (d.find_first_of(" /@") != std::string::npos) c.v.err(Validator::at(ap, i), "must be a domain name");
      s->allowDomains.push_back(d);
    }
  }
  if (const json* a = c.v.field(rule, "allow", ptr, false)) policy::parseContactPoints(*a, Validator::at(ptr, "allow"), c.v, s->allow);
  const std::string rp = Validator::at(ptr, "role_addresses");
  if (const json* r = c.v.field(rule, "role_addresses", ptr, false)) {
    std::string mode;
    if (c.v.string(*r, rp, mode)) {
      if (mode == "flag") s->flagRoleAddresses = true;
      else if (mode != "allow") c.v.err(rp, "must be \"allow\" or \"flag\"");
    }
    if (!name.empty() && name != "email") c.v.err(rp, "only applies to the email detector");
  }
  const std::string sp = Validator::at(ptr, "allow_service_numbers");
  if (const json* f = c.v.field(rule, "allow_service_numbers", ptr, false)) {
    c.v.boolean(*f, sp, s->allowServiceNumbers);
    if (!name.empty() && name != "phone") c.v.err(sp, "only applies to the phone detector");
  }
  const std::string op = Validator::at(ptr, "own_line_words");
  if (const json* o = c.v.field(rule, "own_line_words", ptr, false)) {
    if (!name.empty() && name != "phone") c.v.err(op, "only applies to the phone detector");
    s->ownLineWords = c.termList(*o, op, 0, MatchMode::Prefix, Role::Other, nullptr, 0, false);
  }
  const std::string gp = Validator::at(ptr, "regions");
  if (const json* g = c.v.field(rule, "regions", ptr, false); g && c.v.array(*g, gp)) {
    if (!name.empty() && name != "phone") c.v.err(gp, "only applies to the phone detector");
    if (g->empty()) c.v.err(gp, "must name at least one region");
    for (size_t i = 0; i < g->size(); ++i) {
      std::string code;
      if (!c.v.string((*g)[i], Validator::at(gp, i), code)) continue;
      const char* r = detect::phoneRegion(code);
      if (!r) {
        std::string known;
        for (const char* k : detect::kPhoneRegions) known += (known.empty() ? "" : ", ") + std::string(k);
        c.v.err(Validator::at(gp, i), "unknown region " + Validator::quoted(code) + " (" + known + ")");
      } else if (std::find(s->regions.begin(), s->regions.end(), r) == s->regions.end()) {
        s->regions.push_back(r);
      }
    }
  }
  return s;
}

void check(const Settings& settings, eval::CheckContext& c) {
  const auto& s = static_cast<const DetectorSettings&>(settings);
  std::vector<detect::Hit> hits = detect::findFolded(s.detector, c.detectorText(), s.regions);
  if (hits.empty()) return;
  std::vector<text::Span> context, ownLine;
  c.spans(Role::Context, context);
  if (s.ownLineWords) c.spans(Role::Other, ownLine);
  for (const detect::Hit& h : hits) {
    if (!s.allowDomains.empty() &&
        domainAllowed(domainOf(c.text.substr(h.begin, h.end - h.begin), s.detector), s.allowDomains))
      continue;
    const std::u16string_view found = c.text.substr(h.begin, h.end - h.begin);
    if (c.policy.contacts.covers(found, !s.flagRoleAddresses) || s.allow.covers(found, !s.flagRoleAddresses)) continue;
    if (s.allowServiceNumbers && (detect::serviceType(h.phoneType) || detect::serviceNumber(found))) continue;
    if (!ownLine.empty() && h.phoneType && !personalType(h.phoneType) && ownLineBefore(c.text, h.begin, ownLine)) continue;
    double conf = h.confidence;
    // A context word within 40 characters of the hit raises the confidence.
    const int64_t lo = int64_t(h.begin) - 40, hi = int64_t(h.end) + 40;
    bool near = std::any_of(context.begin(), context.end(), [&](const text::Span& x) {
      return int64_t(x.end) >= lo && int64_t(x.begin) <= hi && !(x.begin >= h.begin && x.end <= h.end);
    });
    if (near) conf = std::min(1.0, conf + 0.3);
    conf = std::round(conf * 100.0) / 100.0;
    if (conf < s.minConfidence) continue;
    if (h.phoneType) c.emitPhone({h.begin, h.end}, conf, h.phoneType, h.region);
    else c.emit({h.begin, h.end}, conf);
  }
}

}  // namespace

const Kind& kind_detector() {
  static const Kind k{"detector",
                      {"detector", "context", "min_confidence", "allow_domains", "allow", "role_addresses",
                       "allow_service_numbers", "own_line_words", "regions"},
                      compile, check};
  return k;
}

}  // namespace rg::rules
