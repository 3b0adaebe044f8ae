#!/usr/bin/env bash
# Builds protobuf's lite runtime (libprotobuf-lite, all libphonenumber needs: its metadata and
# number messages are LITE_RUNTIME) for WebAssembly once and caches it outside the clone, like ICU
# (scripts/lib/cache.sh). The source is Debian's `protobuf` source package, the release whose protoc
# (protobuf-compiler) generates libphonenumber's message classes, so generated code and runtime match.
# Only the libprotobuf-lite target is built: no protoc, no full runtime, no zlib, no tests.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/paths.sh"

build_protobuf_wasm() {
  local prefix=$1 src work
  src=$(rg_protobuf_source)
  work="$RG_CACHE/build-protobuf-wasm.$$"
  rm -rf "$work"
  echo "protobuf-lite for wasm: building from $src"
  env -u CMAKE_CXX_COMPILER_LAUNCHER emcmake cmake -S "$src" -B "$work" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-Os -DNDEBUG" -Dprotobuf_BUILD_TESTS=OFF -Dprotobuf_BUILD_CONFORMANCE=OFF \
    -Dprotobuf_BUILD_EXAMPLES=OFF -Dprotobuf_BUILD_PROTOC_BINARIES=OFF -Dprotobuf_BUILD_LIBPROTOC=OFF \
    -Dprotobuf_WITH_ZLIB=OFF -Dprotobuf_BUILD_SHARED_LIBS=OFF >/dev/null
  nice -n 10 cmake --build "$work" --target libprotobuf-lite -j2
  mkdir -p "$prefix/lib" "$prefix/include"
  cp "$work/libprotobuf-lite.a" "$prefix/lib/"
  # The headers of the whole runtime (the lite ones include a few shared ones); no sources.
  (cd "$src/src" && find google \( -name '*.h' -o -name '*.inc' \) -print0 | xargs -0 cp --parents -t "$prefix/include")
  rm -rf "$work"
}

# The directory is $RG_PROTOBUF_WASM (paths.sh), which the libphonenumber build and the wasm build read.
rg_cached_build protobuf "$RG_PROTOBUF_VERSION-wasm" "$RG_PROTOBUF_FLAGS_KEY" build_protobuf_wasm
