#!/usr/bin/env bash
# Builds fastText 0.9.2 (Debian's source package) for WebAssembly once and caches it outside the
# clone, like ICU: the cache key holds the version and a hash of this directory.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/paths.sh"

if [ -f "$RG_FASTTEXT_WASM/.complete" ]; then
  echo "fastText for wasm: cached at $RG_FASTTEXT_WASM"
  exit 0
fi

src=$(rg_fasttext_source)
work="$RG_CACHE/build-fasttext-wasm.$$"
rm -rf "$work" "$RG_FASTTEXT_WASM"
echo "fastText for wasm: building from $src into $RG_FASTTEXT_WASM"
emcmake cmake -S "$here" -B "$work" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFASTTEXT_SOURCE_DIR="$src" \
  -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG" -DCMAKE_INSTALL_PREFIX="$RG_FASTTEXT_WASM" >/dev/null
cmake --build "$work" -j"$(nproc)"
cmake --install "$work" >/dev/null
rm -rf "$work"
touch "$RG_FASTTEXT_WASM/.complete"
