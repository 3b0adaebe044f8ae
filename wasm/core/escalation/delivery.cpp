// parseDelivery / deliveriesFor / deliveryInfo: policies/README.md "Delivery".
#include "delivery.h"

#include <algorithm>

#include "../policy/json_reader.h"
#include "model.h"

namespace rg::esc {

using nlohmann::json;

namespace {

const std::vector<std::string_view> kKinds = {"slack", "teams", "pagerduty", "webhook"};
const std::vector<std::string_view> kFormats = {"otlp", "jsonl"};

}  // namespace

void parseDelivery(const json& team, policy::Validator& v, Team& t) {
  const json* d = v.field(team, "delivery", "/team", false);
  if (!d) return;
  const std::string p = "/team/delivery";
  if (!v.object(*d, p, {"targets", "routes", "audit"})) return;
  if (const json* ts = v.field(*d, "targets", p, false)) {
    const std::string tp = p + "/targets";
    if (!ts->is_object()) v.err(tp, "must be an object");
    else
      for (auto it = ts->begin(); it != ts->end(); ++it) {
        const std::string ip = policy::Validator::at(tp, it.key());
        if (!policy::validId(it.key(), 64)) v.err(ip, "invalid target id \"" + it.key() + "\"");
        // Secrets (webhook_url, routing_key, …) are unknown keys here: they belong in the managed settings.
        if (!v.object(it.value(), ip, {"kind", "name", "include_draft"})) continue;
        DeliveryTarget target;
        target.id = it.key();
        if (const json* k = v.field(it.value(), "kind", ip, true)) {
          const int i = v.oneOf(*k, ip + "/kind", kKinds);
          if (i >= 0) target.kind = std::string(kKinds[i]);
        }
        if (const json* n = v.field(it.value(), "name", ip, false)) {
          Localized l;
          if (v.localizedObject(*n, ip + "/name", l)) target.name = *n;
        }
        if (const json* b = v.field(it.value(), "include_draft", ip, false)) v.boolean(*b, ip + "/include_draft", target.includeDraft);
        t.targets.push_back(std::move(target));
      }
  }
  std::sort(t.targets.begin(), t.targets.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  const auto known = [&](const std::string& id) {
    return std::any_of(t.targets.begin(), t.targets.end(), [&](const DeliveryTarget& x) { return x.id == id; });
  };
  if (const json* rs = v.field(*d, "routes", p, false)) {
    const std::string rp = p + "/routes";
    if (!rs->is_object()) v.err(rp, "must be an object");
    else
      for (auto it = rs->begin(); it != rs->end(); ++it) {
        const std::string ip = policy::Validator::at(rp, it.key());
        if (!t.routes.count(it.key())) v.err(ip, "unknown route \"" + it.key() + "\" (team.routes)");
        std::vector<std::string> ids;
        if (!v.strings(it.value(), ip, ids)) continue;
        if (ids.empty()) v.err(ip, "must name at least one target");
        for (size_t i = 0; i < ids.size(); ++i) {
          if (!known(ids[i])) v.err(policy::Validator::at(ip, i), "unknown target \"" + ids[i] + "\"");  // a repeat is harmless: each target once in deliveriesFor
        }
        t.routeTargets[it.key()] = ids;
      }
  }
  if (const json* a = v.field(*d, "audit", p, false)) {
    const std::string ap = p + "/audit";
    if (v.object(*a, ap, {"format", "url", "include_draft"})) {
      t.audit.present = true;
      if (const json* f = v.field(*a, "format", ap, false)) {
        const int i = v.oneOf(*f, ap + "/format", kFormats);
        if (i >= 0) t.audit.format = std::string(kFormats[i]);
      }
      if (const json* u = v.field(*a, "url", ap, false)) {
        std::string url;
        if (v.string(*u, ap + "/url", url)) {
          if (url.rfind("https://", 0) != 0 || url.size() <= 8) v.err(ap + "/url", "must be an https:// URL");
          else t.audit.url = url;
        }
      }
      if (const json* b = v.field(*a, "include_draft", ap, false)) v.boolean(*b, ap + "/include_draft", t.audit.includeDraft);
    }
  }
}

json deliveriesFor(const Team& t, const std::map<std::string, std::string>& routeSeverity) {
  static const std::map<std::string, int> rank = {{"info", 1}, {"warn", 2}, {"block", 3}};
  json out = json::array();
  for (const DeliveryTarget& target : t.targets) {
    json routes = json::array();
    std::string severity;
    for (const auto& [route, sev] : routeSeverity) {
      auto rt = t.routeTargets.find(route);
      if (rt == t.routeTargets.end() || std::find(rt->second.begin(), rt->second.end(), target.id) == rt->second.end()) continue;
      routes.push_back(route);
      if (severity.empty() || rank.at(sev) > rank.at(severity)) severity = sev;
    }
    if (routes.empty()) continue;
    json d = {{"target", target.id}, {"kind", target.kind}, {"include_draft", target.includeDraft}, {"routes", routes}, {"severity", severity}};
    if (!target.name.is_null()) d["name"] = target.name;
    out.push_back(d);
  }
  return out;
}

json deliveryInfo(const Team& t) {
  // Only what the extension reads: the audit delivery (targets come with each escalation).
  json out = json::object();
  if (t.audit.present) {
    json a = {{"format", t.audit.format}, {"include_draft", t.audit.includeDraft}};
    if (!t.audit.url.empty()) a["url"] = t.audit.url;
    out["audit"] = a;
  }
  return out;
}

}  // namespace rg::esc
