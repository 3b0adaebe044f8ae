#!/usr/bin/env bash
# Runs every ReplyGuard test: set-up, native build + Catch2 (ctest), wasm build + Node tests
# (native == wasm vectors), CLI tests, escalation reference check, corpus evaluation, sanitizer
# build + tests, a short fuzzing run, extension build, web-ext lint, the end-to-end tests in
# headless Chromium and the main job. Ends with a table of step times; the last line is the count.
#
# Each configuration is built once and reused: build/native (Debug) serves the unit tests, the
# CLI tests, the reference check, the corpus evaluation, the e2e tests and the main job;
# build/native-asan (clang, ASan + UBSan + libFuzzer hooks) serves the sanitizer unit tests and
# the fuzzers; build/wasm the Node, e2e and main-job steps. Native compiles go through ccache
# when it is installed; heavy third-party builds come from $RG_CACHE (scripts/lib/cache.sh).
# New steps: one `step "name" command...` line; a step that needs a new build configuration
# adds its build as a step of its own before it, so its time shows in the table.
set -uo pipefail
source "$(dirname "$0")/lib/paths.sh"
cd "$RG_ROOT"

passed=0; failed=0; failures=()
names=(); times=(); results=()
record() { names+=("$1"); times+=("$2"); results+=("$3"); }
step() {
  local name=$1; shift
  echo; echo "=== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); record "$name" $((SECONDS - t0)) ok; echo "=== $name: ok ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); record "$name" $((SECONDS - t0)) FAILED
    echo "=== $name: FAILED ($((SECONDS - t0)) s)"
  fi
}
table() {
  echo
  echo "step times:"
  local i
  for i in "${!names[@]}"; do printf '  %6d s  %-6s  %s\n' "${times[$i]}" "${results[$i]}" "${names[$i]}"; done
  printf '  %6d s          total\n' "$SECONDS"
  if [ -f "${CCACHE_STATSLOG:-/nonexistent}" ]; then
    echo "ccache ($CCACHE_DIR), this run: $(grep -cE '^(direct|preprocessed)_cache_hit$' "$CCACHE_STATSLOG") hits," \
         "$(grep -cx cache_miss "$CCACHE_STATSLOG") misses"
  fi
}
# This run's ccache hits and misses (the cache itself is shared by every clone).
export CCACHE_STATSLOG=$RG_BUILD/ccache-stats.log
mkdir -p "$RG_BUILD" && rm -f "$CCACHE_STATSLOG"

t0=$SECONDS
if bash scripts/setup.sh; then record "set-up (packages, ICU source, npm ci)" $((SECONDS - t0)) ok
else
  record "set-up (packages, ICU source, npm ci)" $((SECONDS - t0)) FAILED
  table; echo "setup failed"; echo "0 passed, 1 failed"; exit 1
fi

step "native build" bash scripts/build-native.sh native
step "unit tests (Catch2 via ctest)" ctest --preset native --output-on-failure -j2
step "wasm build" bash scripts/build-wasm.sh
step "wasm tests (node)" node --test tests/node/
step "CLI tests" env RG_CLI="$RG_BUILD/native/replyguard" node --test tests/cli/
step "on-call reference check (Luxon)" \
  node tests/reference/oncall-reference.mjs --dump "$RG_BUILD/native/oncall_dump" --samples 1000
step "corpus precision/recall (default bundle)" bash scripts/eval-corpus.sh
step "sanitizer build (ASan + UBSan, unit tests + fuzz targets)" bash scripts/build-native.sh native-asan
step "unit tests under ASan + UBSan" ctest --preset native-asan --output-on-failure -j2
step "fuzz smoke run (libFuzzer, 10 s per target)" bash scripts/fuzz.sh -t 10
step "extension build" node extension/build.mjs
step "web-ext lint (Firefox build)" bash scripts/web-ext-lint.sh
step "end-to-end tests (headless Chromium)" env RG_E2E_SLOWDOWN="${RG_E2E_SLOWDOWN:-4}" node --test --test-concurrency=1 tests/e2e/
step "main job on the embedded default policy (README command)" bash scripts/main.sh --no-serve

table
echo
if [ $failed -gt 0 ]; then printf 'failed step: %s\n' "${failures[@]}"; fi
echo "steps: $passed passed, $failed failed"
[ $failed -eq 0 ]
