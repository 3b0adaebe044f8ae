#!/usr/bin/env bash
# Builds the WebAssembly core (build/wasm): ICU and Snowball for wasm from the cache, trimmed ICU data, size report.
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
bash "$RG_ROOT/scripts/icu-wasm/build.sh"
bash "$RG_ROOT/scripts/snowball-wasm/build.sh"
bash "$RG_ROOT/scripts/fasttext-wasm/build.sh"
export RG_ICU_WASM RG_SNOWBALL_WASM RG_FASTTEXT_WASM
RG_ICU_DAT="$(rg_icu_source)/source/data/in/icudt72l.dat"
export RG_ICU_DAT
cd "$RG_ROOT"
unset CMAKE_CXX_COMPILER_LAUNCHER  # ccache is for the native builds (paths.sh)
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"
