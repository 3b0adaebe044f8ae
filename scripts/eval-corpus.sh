#!/usr/bin/env bash
# Precision and recall of the default bundle per category over the labelled corpus (tests/corpus/).
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
cd "$RG_ROOT"
exec "$RG_BUILD/native/replyguard" eval policies/default/bundle.json tests/corpus/corpus.jsonl \
  --min-precision 0.9 --min-recall 0.85
