#!/usr/bin/env bash
# Builds the WebAssembly core (build/wasm): ICU, Snowball, fastText, protobuf-lite and libphonenumber for wasm from the cache, trimmed ICU data, size report.
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
bash "$RG_ROOT/scripts/icu-wasm/build.sh"
bash "$RG_ROOT/scripts/snowball-wasm/build.sh"
bash "$RG_ROOT/scripts/fasttext-wasm/build.sh"
bash "$RG_ROOT/scripts/phonenumber-wasm/build.sh"  # builds protobuf-lite first (scripts/protobuf-wasm)
export RG_ICU_WASM RG_SNOWBALL_WASM RG_FASTTEXT_WASM RG_PROTOBUF_WASM RG_PHONENUMBER_WASM
RG_ICU_DAT="$(rg_icu_source)/source/data/in/icudt72l.dat"
export RG_ICU_DAT
cd "$RG_ROOT"
unset CMAKE_CXX_COMPILER_LAUNCHER  # emcc is a script ccache cannot classify; it wraps clang itself:
# emcc runs "$EM_COMPILER_WRAPPER clang++ ..." for each compile, so the core's wasm objects come from the
# same ccache as the native trees (a second run recompiles nothing that did not change).
if command -v ccache >/dev/null && [ -z "${CCACHE_DISABLE:-}" ]; then export EM_COMPILER_WRAPPER=ccache; fi
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"
