// The core API (api.h): thin, exception-safe entry points over policy/, check/ and escalation/.
#include <exception>

#include "api.h"
#include "check/checker.h"
#include "escalation/delivery.h"
#include "escalation/team.h"
#include "escalation/teamless.h"
#include "policy/loader.h"
#include "policy/policy.h"

namespace rg {
namespace eval {
nlohmann::json runExamplesImpl(const Policy& p);
}

namespace {
nlohmann::json errorJson(const std::string& message) { return {{"error", message}}; }
}  // namespace

LoadResult loadPolicy(std::string_view bundleJson, const BundleFiles& files) {
  try {
    return policy::load(bundleJson, files);
  } catch (const std::exception& e) {  // natively only (wasm aborts on throw); e.g. out of memory
    return {nullptr, {{"", std::string("bundle could not be loaded: ") + e.what()}}};
  }
}

LoadResult loadDefaultPolicy() {
  try {
    return policy::load(defaultBundleJson(), defaultBundleFiles(), true);
  } catch (const std::exception& e) {
    return {nullptr, {{"", std::string("bundle could not be loaded: ") + e.what()}}, {}};
  }
}

nlohmann::json check(const Policy& policy, const CheckRequest& request) {
  try {
    eval::Outcome outcome;
    eval::checkText(policy, request.reply, kReply, request.platform, outcome);
    if (!request.incoming.empty()) eval::checkText(policy, request.incoming, kIncoming, request.platform, outcome);
    return eval::renderResult(policy, request, outcome);
  } catch (const std::exception& e) {
    return {{"findings", nlohmann::json::array()},
            {"warnings", {{{"rule", ""}, {"source", "reply"}, {"message", std::string("check failed: ") + e.what()}}}}};
  }
}

nlohmann::json policyInfo(const Policy& policy) {
  nlohmann::json cats = nlohmann::json::object();
  return {{"id", policy.id},
          {"version", policy.version},
          {"name", policy.name.toJson()},
          {"description", policy.description.toJson()},
          {"languages", policy.languages},
          {"categories", policy.categories.is_object() ? policy.categories : cats},
          {"rules", policy.rules.size()},
          {"team", policy.team != nullptr},
          {"collect_examples", policy.collectExamples},

          {"delivery", policy.team ? esc::deliveryInfo(*policy.team) : nlohmann::json::object()}};
}

nlohmann::json runExamples(const Policy& policy) {
  try {
    return eval::runExamplesImpl(policy);
  } catch (const std::exception& e) {
    return errorJson(std::string("examples failed to run: ") + e.what());
  }
}

nlohmann::json escalate(const Policy& policy, const nlohmann::json& request) {
  try {
    if (!policy.team) return esc::escalateWithoutTeam(policy.categories, request);
    return esc::escalate(*policy.team, request);
  } catch (const std::exception& e) {
    return errorJson(e.what());
  }
}

nlohmann::json oncall(const Policy& policy, const std::string& scheduleId, int64_t atMs) {
  if (!policy.team) return errorJson("the bundle has no team");
  try {
    return esc::oncall(*policy.team, scheduleId, atMs);
  } catch (const std::exception& e) {
    return errorJson(e.what());
  }
}

nlohmann::json gaps(const Policy& policy, const std::string& scheduleId, int64_t fromMs, int64_t toMs) {
  if (!policy.team) return errorJson("the bundle has no team");
  try {
    return esc::gaps(*policy.team, scheduleId, fromMs, toMs);
  } catch (const std::exception& e) {
    return errorJson(e.what());
  }
}

}  // namespace rg
