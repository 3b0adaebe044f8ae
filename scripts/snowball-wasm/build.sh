#!/usr/bin/env bash
# Builds the Snowball stemmers the core uses (German and English, UTF-8 only) for WebAssembly once
# and caches them outside the clone, like ICU. The source is Debian's `snowball` source package
# (the one Debian's libstemmer, linked by the native build, is made from); its compiler is built
# natively to generate the C of the two algorithms, which emcc then compiles into libstemmer.a.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/paths.sh"

if [ -f "$RG_SNOWBALL_WASM/.complete" ]; then
  echo "Snowball for wasm: cached at $RG_SNOWBALL_WASM"
  exit 0
fi

src=$(rg_snowball_source)
work="$RG_CACHE/build-snowball-wasm.$$"
rm -rf "$work" "$RG_SNOWBALL_WASM"
trap 'rm -rf "$work"' EXIT
echo "Snowball for wasm: building from $src into $RG_SNOWBALL_WASM"
mkdir -p "$work/compiler" "$work/src_c" "$work/libstemmer" "$work/obj"

# 1. The Snowball compiler (host C).
cc -O2 -o "$work/snowball" "$src"/compiler/*.c

# 2. C sources of the two algorithms, and libstemmer's module table restricted to them.
for lang in english german; do
  "$work/snowball" "$src/algorithms/$lang.sbl" -o "$work/src_c/stem_UTF_8_$lang" -eprefix "${lang}_UTF_8_" -r ../runtime -u
done
printf '%s\n' "english UTF_8 english,en,eng" "german UTF_8 german,de,ger,deu" > "$work/libstemmer/modules.txt"
(cd "$work" && perl "$src/libstemmer/mkmodules.pl" libstemmer/modules_utf8.h src_c libstemmer/modules.txt \
  libstemmer/mkinc_utf8.mak utf8)
sed 's/@MODULES_H@/modules_utf8.h/' "$src/libstemmer/libstemmer_c.in" > "$work/libstemmer/libstemmer_utf8.c"
mkdir -p "$work/runtime" "$work/include"
cp "$src"/runtime/*.c "$src"/runtime/*.h "$work/runtime/"
cp "$src/include/libstemmer.h" "$work/include/"

# 3. The library for wasm.
objs=()
for f in runtime/api.c runtime/utilities.c libstemmer/libstemmer_utf8.c src_c/stem_UTF_8_english.c src_c/stem_UTF_8_german.c; do
  o="$work/obj/$(basename "$f" .c).o"
  (cd "$work/$(dirname "$f")" && emcc -Os -DNDEBUG -c "$(basename "$f")" -o "$o")
  objs+=("$o")
done
mkdir -p "$RG_SNOWBALL_WASM/lib" "$RG_SNOWBALL_WASM/include"
emar rcs "$RG_SNOWBALL_WASM/lib/libstemmer.a" "${objs[@]}"
cp "$work/include/libstemmer.h" "$RG_SNOWBALL_WASM/include/"
cp "$src/COPYING" "$RG_SNOWBALL_WASM/COPYING"
touch "$RG_SNOWBALL_WASM/.complete"
