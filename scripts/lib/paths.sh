# Shared locations for the build scripts. Heavy, rarely changing artefacts (ICU source and
# ICU built for wasm) live outside the clone so CI and later builds reuse them.
RG_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RG_ICU_VERSION=72.1
RG_CACHE=${REPLYGUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/replyguard}
RG_ICU_FLAGS_KEY=$(cat "$RG_ROOT"/scripts/icu-wasm/CMakeLists.txt "$RG_ROOT"/scripts/icu-wasm/sources.txt "$RG_ROOT"/scripts/icu-wasm/build.sh \
  "$RG_ROOT"/scripts/icu-wasm/patches/*.patch | sha256sum | cut -c1-12)
RG_ICU_WASM="$RG_CACHE/icu-$RG_ICU_VERSION-wasm-$RG_ICU_FLAGS_KEY"
# Snowball (German and English stemmers) for wasm, from Debian's snowball source package.
RG_SNOWBALL_VERSION=2.2.0
RG_SNOWBALL_FLAGS_KEY=$(cat "$RG_ROOT"/scripts/snowball-wasm/build.sh | sha256sum | cut -c1-12)
RG_SNOWBALL_WASM="$RG_CACHE/snowball-$RG_SNOWBALL_VERSION-wasm-$RG_SNOWBALL_FLAGS_KEY"
# fastText (text classification) for wasm, from Debian's fasttext source package.
RG_FASTTEXT_VERSION=0.9.2
RG_FASTTEXT_FLAGS_KEY=$(cat "$RG_ROOT"/scripts/fasttext-wasm/CMakeLists.txt "$RG_ROOT"/scripts/fasttext-wasm/build.sh \
  | sha256sum | cut -c1-12)
RG_FASTTEXT_WASM="$RG_CACHE/fasttext-$RG_FASTTEXT_VERSION-wasm-$RG_FASTTEXT_FLAGS_KEY"
# protobuf-lite (libphonenumber's runtime) for wasm, from Debian's protobuf source package.
RG_PROTOBUF_VERSION=3.21.12
RG_PROTOBUF_FLAGS_KEY=$(cat "$RG_ROOT"/scripts/protobuf-wasm/build.sh | sha256sum | cut -c1-12)
RG_PROTOBUF_WASM="$RG_CACHE/protobuf-$RG_PROTOBUF_VERSION-wasm-$RG_PROTOBUF_FLAGS_KEY"
# libphonenumber (phone number parsing and validation) for wasm, from Debian's libphonenumber source
# package, with the metadata trimmed to the regions in scripts/phonenumber-wasm/regions.txt; the key
# hashes that directory and the protobuf build it links.
RG_PHONENUMBER_VERSION=8.12.57
RG_PHONENUMBER_FLAGS_KEY=$(find "$RG_ROOT/scripts/phonenumber-wasm" "$RG_ROOT/scripts/protobuf-wasm" -type f -print0 \
  | LC_ALL=C sort -z | xargs -0 cat | sha256sum | cut -c1-12)
RG_PHONENUMBER_WASM="$RG_CACHE/phonenumber-$RG_PHONENUMBER_VERSION-wasm-$RG_PHONENUMBER_FLAGS_KEY"
RG_BUILD=${REPLYGUARD_BUILD:-$RG_ROOT/build}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
mkdir -p "$RG_CACHE"

# ccache for the native builds when it is installed: one cache in our cache directory for every
# clone (base_dir makes paths inside the clone relative, so a fresh clone hits what an earlier one
# compiled). The PCH sloppiness lets ccache cache files built with precompiled headers.
# CCACHE_DISABLE=1 turns it off; a launcher already set in the environment is kept.
if command -v ccache >/dev/null 2>&1; then
  export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER-ccache}
  export CCACHE_DIR=${CCACHE_DIR:-$RG_CACHE/ccache}
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$RG_ROOT}
  export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
  export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
fi

# Prints the directory of Debian source package NAME at VERSION (the release of the installed -dev
# package DEV, binNMU suffix dropped), fetching it into $RG_CACHE/NAME-src-VERSION if needed.
rg_debian_source() {
  local name=$1 version=$2 dev=$3
  local dir="$RG_CACHE/$name-src-$version"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && apt-get source -qq --only-source "$name=$(dpkg-query -W -f='${Version}' "$dev" | sed 's/+b[0-9]*$//')" >/dev/null 2>&1 \
      || apt-get source -qq --only-source "$name" >/dev/null)
    touch "$dir/.complete"
  fi
  local src
  src=$(find "$dir" -maxdepth 1 -type d -name "$name-$version*" | head -n1)
  [ -n "$src" ] || { echo "$name $version source not found in $dir" >&2; return 1; }
  echo "$src"
}
rg_icu_source() { rg_debian_source icu "$RG_ICU_VERSION" libicu-dev; }
rg_snowball_source() { rg_debian_source snowball "$RG_SNOWBALL_VERSION" libstemmer-dev; }
rg_protobuf_source() { rg_debian_source protobuf "$RG_PROTOBUF_VERSION" libprotobuf-dev; }
rg_phonenumber_source() { rg_debian_source libphonenumber "$RG_PHONENUMBER_VERSION" libphonenumber-dev; }
rg_fasttext_source() { rg_debian_source fasttext "$RG_FASTTEXT_VERSION" libfasttext-dev; }

source "$RG_ROOT/scripts/lib/cache.sh"
