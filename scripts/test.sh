#!/usr/bin/env bash
# Runs every ReplyGuard test: set-up, native build + Catch2 (ctest), wasm build + Node tests
# (native == wasm vectors), CLI tests, escalation reference check, corpus evaluation, sanitizer
# build + tests, a short fuzzing run, extension build, web-ext lint, the end-to-end tests in
# headless Chromium and headless Firefox ESR, and the main job. Ends with a table of step times;
# the last line is the count.
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
names=(); walls=(); cpus=(); results=()
# CPU seconds (user + sys) of the finished child processes so far. Wall time on a loaded machine
# says little; CPU time is what the step costs (an idle 2-core machine needs about cpu/2 for a
# parallel build and about cpu for a serial step). `times` must run in this shell, not a subshell.
cpu_file=$(mktemp)
cpu_now() {  # sets $cpu
  times > "$cpu_file"
  cpu=$(sed -n 2p "$cpu_file" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] }; printf "%d", n }')
}
record() { names+=("$1"); walls+=("$2"); cpus+=("$3"); results+=("$4"); }
step() {
  local name=$1; shift
  echo; echo "=== $name"
  local t0=$SECONDS c0 status=ok
  cpu_now; c0=$cpu
  if "$@"; then passed=$((passed + 1)); else status=FAILED; failed=$((failed + 1)); failures+=("$name"); fi
  cpu_now
  record "$name" $((SECONDS - t0)) $((cpu - c0)) $status
  echo "=== $name: $status ($((SECONDS - t0)) s)"
}
table() {
  echo
  echo "step times (wall and CPU seconds; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
  printf '  %7s %7s  %-6s  %s\n' wall cpu result step
  local i
  for i in "${!names[@]}"; do
    printf '  %7d %7d  %-6s  %s\n' "${walls[$i]}" "${cpus[$i]}" "${results[$i]}" "${names[$i]}"
  done
  cpu_now
  printf '  %7d %7d          total\n' "$SECONDS" "$cpu"
  # On a fresh machine ccache arrives with the set-up, after paths.sh ran here: CCACHE_DIR may be unset.
  if [ -f "${CCACHE_STATSLOG:-/nonexistent}" ]; then
    echo "ccache (${CCACHE_DIR:-$RG_CACHE/ccache}), this run: $(grep -cE '^(direct|preprocessed)_cache_hit$' "$CCACHE_STATSLOG") hits," \
         "$(grep -cx cache_miss "$CCACHE_STATSLOG") misses"
  fi
}
# This run's ccache hits and misses (the cache itself is shared by every clone).
export CCACHE_STATSLOG=$RG_BUILD/ccache-stats.log
mkdir -p "$RG_BUILD" && rm -f "$CCACHE_STATSLOG"

t0=$SECONDS
if bash scripts/setup.sh; then cpu_now; record "set-up (packages, ICU source, npm ci)" $((SECONDS - t0)) "$cpu" ok
else
  cpu_now; record "set-up (packages, ICU source, npm ci)" $((SECONDS - t0)) "$cpu" FAILED
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
step "held-out set, blind (rules, model, combined; fails only on a regression)" bash scripts/eval-heldout.sh
step "sanitizer build (ASan + UBSan, unit tests + fuzz targets)" bash scripts/build-native.sh native-asan
step "unit tests under ASan + UBSan" ctest --preset native-asan --output-on-failure -j2
step "fuzz smoke run (libFuzzer, 10 s per target)" bash scripts/fuzz.sh -t 10
step "extension build" node extension/build.mjs
step "web-ext lint (Firefox build)" bash scripts/web-ext-lint.sh
step "end-to-end tests (headless Chromium)" env RG_E2E_SLOWDOWN="${RG_E2E_SLOWDOWN:-4}" node --test --test-concurrency=1 tests/e2e/
step "end-to-end tests (headless Firefox ESR)" env RG_E2E_SLOWDOWN="${RG_E2E_SLOWDOWN:-4}" node --test --test-concurrency=1 tests/e2e-firefox/
step "main job on the embedded default policy (README command)" bash scripts/main.sh --no-serve

table
echo
if [ $failed -gt 0 ]; then printf 'failed step: %s\n' "${failures[@]}"; fi
echo "steps: $passed passed, $failed failed"
rm -f "$cpu_file"
[ $failed -eq 0 ]
