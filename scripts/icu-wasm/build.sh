#!/usr/bin/env bash
# Builds ICU 72.1 for WebAssembly once and caches it outside the clone.
# The cache key holds the ICU version, the Debian revision and a hash of this directory,
# so a change of flags lands in a new directory instead of reusing a stale build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/paths.sh"

if [ -f "$RG_ICU_WASM/.complete" ]; then
  echo "ICU for wasm: cached at $RG_ICU_WASM"
  exit 0
fi

src=$(rg_icu_source)
work="$RG_CACHE/build-icu-wasm.$$"
rm -rf "$work" "$RG_ICU_WASM"
echo "ICU for wasm: building from $src into $RG_ICU_WASM (takes a few minutes once)"
mkdir -p "$work/patched/i18n"
for p in "$here"/patches/*.patch; do
  file=$(sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$p" | head -n1)
  patch -s -o "$work/patched/$file" "$src/source/$file" "$p"
done
emcmake cmake -S "$here" -B "$work" -G Ninja -DCMAKE_BUILD_TYPE=Release -DICU_PATCHED_DIR="$work/patched" \
  -DCMAKE_CXX_FLAGS_RELEASE="-Os -DNDEBUG" -DICU_SOURCE_DIR="$src/source" \
  -DCMAKE_INSTALL_PREFIX="$RG_ICU_WASM" >/dev/null
cmake --build "$work" -j"$(nproc)"
cmake --install "$work" >/dev/null
rm -rf "$work"
touch "$RG_ICU_WASM/.complete"
