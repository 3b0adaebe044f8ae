// SHA-256 (FIPS 180-4) and base64 (RFC 4648) for models that travel with a bundle. The wasm core
// has no crypto library (signatures are checked by WebCrypto/OpenSSL at the edges); the model's
// hash is checked here so every bundle consumer refuses the same mismatched model.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace rg::classify {

std::string sha256Hex(std::string_view bytes);  // 64 lower-case hex digits

// Decodes standard base64 (padding optional, no white space); nullopt on any other character.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace rg::classify
