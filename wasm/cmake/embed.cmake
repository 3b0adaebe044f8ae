# Turns a JSON file into a C++ source defining rg::defaultBundleJson().
# A raw string literal keeps the bytes exact; the delimiter cannot occur in JSON text we ship.
file(READ "${IN}" content)
string(FIND "${content}" ")rgjson\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE "${OUT}.tmp" "// Generated from policies/default/bundle.json; do not edit.\n#include <string_view>\nnamespace rg {\nstatic const char kDefaultBundle[] = R\"rgjson(${content})rgjson\";\nstd::string_view defaultBundleJson() { return {kDefaultBundle, sizeof(kDefaultBundle) - 1}; }\n}  // namespace rg\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
