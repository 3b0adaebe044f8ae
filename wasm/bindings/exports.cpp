// The wasm module's C ABI. Texts arrive as UTF-16 (JS strings' own code units, so offsets in results
// are JS string indices); requests and results are UTF-8 JSON. Every call leaves its JSON result in
// one buffer that JS reads with rg_result_ptr/rg_result_len before the next call.
#include <emscripten/emscripten.h>
#include <unicode/udata.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "api.h"

namespace {

std::string g_result;
std::map<uint32_t, std::shared_ptr<const rg::Policy>> g_policies;
uint32_t g_nextHandle = 1;

int setResult(const nlohmann::json& j, int status) {
  // Replace invalid UTF-8 (cannot come from valid input, but never throw across the ABI).
  g_result = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return status;
}

int error(const std::string& message) { return setResult({{"error", message}}, 1); }

const rg::Policy* find(uint32_t handle) {
  auto it = g_policies.find(handle);
  return it == g_policies.end() ? nullptr : it->second.get();
}

int loadInto(rg::LoadResult loaded) {
  if (!loaded.policy) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : loaded.errors) errors.push_back({{"pointer", e.pointer}, {"message", e.message}});
    return setResult({{"ok", false}, {"errors", errors}}, 1);
  }
  uint32_t handle = g_nextHandle++;
  nlohmann::json info = rg::policyInfo(*loaded.policy);
  g_policies[handle] = std::move(loaded.policy);
  return setResult({{"ok", true}, {"handle", handle}, {"info", info}}, 0);
}

template <typename F>
int guarded(F&& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return error(std::string("internal error: ") + e.what());
  } catch (...) {
    return error("internal error");
  }
}

}  // namespace

extern "C" {

// ICU data must outlive the module: the caller allocates it with malloc and never frees it.
EMSCRIPTEN_KEEPALIVE int rg_init(const uint8_t* icuData, uint32_t length) {
  if (length < 32) return error("ICU data missing");
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(icuData, &status);
  if (U_FAILURE(status)) return error(std::string("ICU data rejected: ") + u_errorName(status));
  return setResult({{"ok", true}}, 0);
}

EMSCRIPTEN_KEEPALIVE const char* rg_result_ptr() { return g_result.data(); }
EMSCRIPTEN_KEEPALIVE uint32_t rg_result_len() { return static_cast<uint32_t>(g_result.size()); }

EMSCRIPTEN_KEEPALIVE int rg_policy_load(const char* json, uint32_t length) {
  return guarded([&] { return loadInto(rg::loadPolicy(std::string_view(json, length))); });
}

EMSCRIPTEN_KEEPALIVE int rg_policy_default() {
  return guarded([&] { return loadInto(rg::loadDefaultPolicy()); });
}

EMSCRIPTEN_KEEPALIVE int rg_policy_free(uint32_t handle) {
  return setResult({{"ok", g_policies.erase(handle) == 1}}, 0);
}

EMSCRIPTEN_KEEPALIVE int rg_policy_info(uint32_t handle) {
  return guarded([&] {
    const rg::Policy* p = find(handle);
    return p ? setResult(rg::policyInfo(*p), 0) : error("unknown policy handle");
  });
}

EMSCRIPTEN_KEEPALIVE int rg_policy_examples(uint32_t handle) {
  return guarded([&] {
    const rg::Policy* p = find(handle);
    return p ? setResult(rg::runExamples(*p), 0) : error("unknown policy handle");
  });
}

// options: {"platform": "x", "lang": "de"}
EMSCRIPTEN_KEEPALIVE int rg_check(uint32_t handle, const char16_t* reply, uint32_t replyLength,
                                  const char16_t* incoming, uint32_t incomingLength, const char* options,
                                  uint32_t optionsLength) {
  return guarded([&] {
    const rg::Policy* p = find(handle);
    if (!p) return error("unknown policy handle");
    auto opts = nlohmann::json::parse(std::string_view(options, optionsLength), nullptr, false);
    if (!opts.is_object()) return error("options must be a JSON object");
    rg::CheckRequest request;
    request.reply = std::u16string_view(reply, replyLength);
    request.incoming = std::u16string_view(incoming, incomingLength);
    request.platform = opts.value("platform", "");
    request.lang = opts.value("lang", "en");
    return setResult(rg::check(*p, request), 0);
  });
}

EMSCRIPTEN_KEEPALIVE int rg_escalate(uint32_t handle, const char* request, uint32_t length) {
  return guarded([&] {
    const rg::Policy* p = find(handle);
    if (!p) return error("unknown policy handle");
    auto req = nlohmann::json::parse(std::string_view(request, length), nullptr, false);
    if (!req.is_object()) return error("request must be a JSON object");
    return setResult(rg::escalate(*p, req), 0);
  });
}

EMSCRIPTEN_KEEPALIVE int rg_oncall(uint32_t handle, const char* schedule, uint32_t length, double atMs) {
  return guarded([&] {
    const rg::Policy* p = find(handle);
    if (!p) return error("unknown policy handle");
    return setResult(rg::oncall(*p, std::string(schedule, length), static_cast<int64_t>(atMs)), 0);
  });
}

EMSCRIPTEN_KEEPALIVE int rg_gaps(uint32_t handle, const char* schedule, uint32_t length, double fromMs,
                                 double toMs) {
  return guarded([&] {
    const rg::Policy* p = find(handle);
    if (!p) return error("unknown policy handle");
    return setResult(
        rg::gaps(*p, std::string(schedule, length), static_cast<int64_t>(fromMs), static_cast<int64_t>(toMs)), 0);
  });
}

}  // extern "C"
