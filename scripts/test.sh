#!/usr/bin/env bash
# Runs every ReplyGuard test: set-up, native build + Catch2 (ctest), wasm build + Node tests
# (native == wasm vectors), CLI tests, escalation reference check, corpus evaluation, sanitizer
# build + tests, a short fuzzing run, extension build, web-ext lint and the end-to-end tests in
# headless Chromium.
set -uo pipefail
source "$(dirname "$0")/lib/paths.sh"
cd "$RG_ROOT"

passed=0; failed=0; failures=()
step() {
  local name=$1; shift
  echo; echo "=== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "=== $name: FAILED ($((SECONDS - t0)) s)"
  fi
}

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

step "native build" bash scripts/build-native.sh native
step "unit tests (Catch2 via ctest)" ctest --preset native --output-on-failure -j2
step "wasm build" bash scripts/build-wasm.sh
step "wasm tests (node)" node --test tests/node/
step "CLI tests" env RG_CLI="$RG_BUILD/native/replyguard" node --test tests/cli/
step "on-call reference check (Luxon)" \
  node tests/reference/oncall-reference.mjs --dump "$RG_BUILD/native/oncall_dump" --samples 1000
step "corpus precision/recall (default bundle)" bash scripts/eval-corpus.sh
step "sanitizer build (ASan + UBSan)" bash scripts/build-native.sh native-asan
step "unit tests under ASan + UBSan" ctest --preset native-asan --output-on-failure -j2
step "fuzz smoke run (libFuzzer, 10 s per target)" bash scripts/fuzz.sh -t 10
step "extension build" node extension/build.mjs
step "web-ext lint (Firefox build)" bash scripts/web-ext-lint.sh
step "end-to-end tests (headless Chromium)" node --test --test-concurrency=1 tests/e2e/
step "main job on the embedded default policy (README command)" bash scripts/main.sh --no-serve

echo
if [ $failed -gt 0 ]; then printf 'failed step: %s\n' "${failures[@]}"; fi
echo "steps: $passed passed, $failed failed"
[ $failed -eq 0 ]
