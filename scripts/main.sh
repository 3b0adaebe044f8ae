#!/usr/bin/env bash
# The main job on the embedded default policy: set up, build everything, check the sample replies
# and incoming posts, then serve the demo page for trying the extension in Chromium.
# --no-serve stops after the samples (used by the tests).
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
cd "$RG_ROOT"
bash scripts/setup.sh
# The admin CLI from build/native: the test run's build, so after it this step only checks that
# nothing changed. (Release benchmarks: scripts/build-native.sh native-release.)
bash scripts/build-native.sh native >/dev/null
bash scripts/build-wasm.sh | grep '^size:' || true
node extension/build.mjs >/dev/null
node scripts/package.mjs
echo
node scripts/demo/run-samples.mjs
if [ "${1:-}" != "--no-serve" ] && [ -f scripts/demo/serve.mjs ]; then
  exec node scripts/demo/serve.mjs
fi
