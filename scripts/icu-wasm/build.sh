#!/usr/bin/env bash
# Builds ICU 72.1 for WebAssembly once and caches it outside the clone (scripts/lib/cache.sh).
# The cache key holds the ICU version and a hash of this directory (build script, CMakeLists.txt,
# patches), so a change of flags lands in a new directory instead of reusing a stale build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/paths.sh"

build_icu_wasm() {
  local prefix=$1 src work
  src=$(rg_icu_source)
  work="$RG_CACHE/build-icu-wasm.$$"
  rm -rf "$work"
  echo "ICU for wasm: building from $src (takes a few minutes once)"
  mkdir -p "$work/patched/i18n"
  for p in "$here"/patches/*.patch; do
    file=$(sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$p" | head -n1)
    patch -s -o "$work/patched/$file" "$src/source/$file" "$p"
  done
  env -u CMAKE_CXX_COMPILER_LAUNCHER emcmake cmake -S "$here" -B "$work" -G Ninja -DCMAKE_BUILD_TYPE=Release -DICU_PATCHED_DIR="$work/patched" \
    -DCMAKE_CXX_FLAGS_RELEASE="-Os -DNDEBUG" -DICU_SOURCE_DIR="$src/source" \
    -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$work" -j"$(nproc)"
  cmake --install "$work" >/dev/null
  rm -rf "$work"
}

# The directory is $RG_ICU_WASM (paths.sh), which the wasm build reads.
rg_cached_build icu "$RG_ICU_VERSION-wasm" "$RG_ICU_FLAGS_KEY" build_icu_wasm
