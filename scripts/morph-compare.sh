#!/usr/bin/env bash
# Compares Snowball (linked by the core) with Hunspell morphology on tests/morph/inflections.json
# and prints recall, wrong conflations, speed and sizes (docs/word-forms.md has the figures).
# Needs the native build (build/native) and Debian's libhunspell-dev, hunspell-de-de, hunspell-en-us.
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
for p in libhunspell-dev hunspell-de-de hunspell-en-us; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || { echo "morph-compare: needs $p (apt-get install $p)" >&2; exit 1; }
done
lib="$RG_BUILD/native/librgcore.a"
[ -f "$lib" ] || { echo "morph-compare: build the native core first (cmake --build --preset native)" >&2; exit 1; }
out="$RG_BUILD/native/compare_hunspell"
c++ -std=c++20 -O2 -I"$RG_ROOT/wasm/core" "$RG_ROOT/tests/morph/compare_hunspell.cpp" "$lib" \
  $(pkg-config --libs icu-uc icu-i18n) -lstemmer -lhunspell -o "$out"
"$out" "$RG_ROOT"
