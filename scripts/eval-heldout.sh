#!/usr/bin/env bash
# Held-out figures of the default bundle (rules, model, combined, per source); fails only on a
# regression against tests/heldout/figures.json. See scripts/eval-heldout.mjs.
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
exec node "$RG_ROOT/scripts/eval-heldout.mjs" --cli "$RG_BUILD/native/replyguard" "$@"
