#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in tests/fuzz/ (clang, ASan + UBSan).
#
#   scripts/fuzz.sh [-t SECONDS] [-j JOBS] [--build-only] [TARGET...]
#
#   -t SECONDS   run time per target (default 30)
#   -j JOBS      parallel compile jobs (default 2)
#   --build-only build, do not run
#   TARGET       fuzz_detect, ... (default: every tests/fuzz/fuzz_*.cpp)
#
# The targets are built in the sanitizer tree (preset native-asan, build/native-asan/fuzz/): the
# same instrumented core the ASan unit tests use, so a test run compiles the core for both once
# (wasm/cmake/fuzz.cmake). Seeds: tests/fuzz/corpus/<target>/ (read only; new inputs go to
# $RG_FUZZ_BUILD/corpus/<target>/). Dictionary: tests/fuzz/<target>.dict if present.
# Crashes: $RG_FUZZ_BUILD/artifacts/<target>/. Work dir: $RG_FUZZ_BUILD (default build/fuzz).
# Per-target options: tests/fuzz/<target>.options, lines "sources: FILE..." (extra sources outside
# the core, e.g. wasm/cli/crypto.cpp), "libs: -lcrypto" (extra link flags), "args: -max_len=N"
# (extra libFuzzer flags; they come after the defaults, so they override them); "#" comments.
# Exit status: non-zero when a build fails or any target finds a crash. docs/fuzzing.md has more.
set -euo pipefail

source "$(dirname "$0")/lib/paths.sh"
ROOT=$RG_ROOT
BUILD=${RG_FUZZ_BUILD:-$RG_BUILD/fuzz}
BIN=$ROOT/build/native-asan/fuzz
SECONDS_PER_TARGET=30
JOBS=2
BUILD_ONLY=0
TARGETS=()

while [ $# -gt 0 ]; do
  case "$1" in
    -t) SECONDS_PER_TARGET=$2; shift 2 ;;
    -j) JOBS=$2; shift 2 ;;
    --build-only) BUILD_ONLY=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) TARGETS+=("${1%.cpp}"); shift ;;
  esac
done

if [ ${#TARGETS[@]} -eq 0 ]; then
  for f in "$ROOT"/tests/fuzz/fuzz_*.cpp; do
    [ -e "$f" ] && TARGETS+=("$(basename "$f" .cpp)")
  done
fi
[ ${#TARGETS[@]} -gt 0 ] || { echo "no targets in tests/fuzz/" >&2; exit 2; }
for t in "${TARGETS[@]}"; do
  [ -f "$ROOT/tests/fuzz/$t.cpp" ] || { echo "no tests/fuzz/$t.cpp" >&2; exit 2; }
done

# Value of "KEY:" in tests/fuzz/<target>.options (empty when absent).
option() {
  local file="$ROOT/tests/fuzz/$1.options"
  [ -f "$file" ] || return 0
  sed -n "s/^[[:space:]]*$2:[[:space:]]*//p" "$file" | tr '\n' ' '
}

# Incremental: after the test run's sanitizer build this only checks that nothing changed.
cd "$ROOT"
cmake --preset native-asan >/dev/null
cmake --build --preset native-asan -j "$JOBS" --target "${TARGETS[@]}"

[ "$BUILD_ONLY" -eq 1 ] && exit 0

status=0
for t in "${TARGETS[@]}"; do
  work="$BUILD/corpus/$t"
  artifacts="$BUILD/artifacts/$t"
  mkdir -p "$work" "$artifacts"
  args=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=4096
        -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ -f "$ROOT/tests/fuzz/$t.dict" ] && args+=(-dict="$ROOT/tests/fuzz/$t.dict")
  read -r -a extra_args <<< "$(option "$t" args)"
  args+=("${extra_args[@]}")
  dirs=("$work")
  [ -d "$ROOT/tests/fuzz/corpus/$t" ] && dirs+=("$ROOT/tests/fuzz/corpus/$t")
  echo "== $t: ${SECONDS_PER_TARGET}s"
  log="$BUILD/$t.log"
  if "$BIN/$t" "${args[@]}" "${dirs[@]}" >"$log" 2>&1; then
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
    echo "   ok, corpus: $(ls "$work" | wc -l) inputs"
  else
    status=1
    echo "   FAILED: see $log; reproducer(s):"
    ls "$artifacts" | sed "s|^|     $artifacts/|"
    grep -E 'ERROR|runtime error|contract breach|SUMMARY' "$log" | head -5 | sed 's/^/     /'
  fi
done
exit $status
