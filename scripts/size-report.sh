#!/bin/sh
# Prints the gzip -9 size of each shipped wasm artefact and their total against the budget; a total
# over it fails the build. Budget 1,650,000 bytes: the 600,000 of the rules-only core plus 1,050,000
# for the classifier (the embedded default model, at most 1,000,000 bytes gzipped, fastText's
# predict code and ICU's sentence break data), so the whole extension package stays under 2 MB.
total=0
for f in "$@"; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
  printf 'size: %-22s %9d bytes, gzip -9 %8d bytes\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'size: total gzip -9 %d bytes (budget 1650000)\n' "$total"
[ "$total" -le 1650000 ] || { echo "size: over budget" >&2; exit 1; }
