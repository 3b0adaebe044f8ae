#!/bin/sh
# Prints the gzip -9 size of each shipped wasm artefact and their total against the 600 KB budget
# (600,000 bytes); a total over it fails the build.
total=0
for f in "$@"; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
  printf 'size: %-22s %9d bytes, gzip -9 %8d bytes\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'size: total gzip -9 %d bytes (budget 600000)\n' "$total"
[ "$total" -le 600000 ] || { echo "size: over budget" >&2; exit 1; }
