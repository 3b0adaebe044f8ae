#!/usr/bin/env bash
# Builds and runs the libFuzzer targets in tests/fuzz/ (clang, ASan + UBSan).
#
#   scripts/fuzz.sh [-t SECONDS] [-j JOBS] [--core DIR]... [--build-only] [TARGET...]
#
#   -t SECONDS   run time per target (default 30)
#   -j JOBS      parallel compile jobs (default 2)
#   --core DIR   link only the core sources under DIR (repeatable, e.g. --core wasm/core/detect);
#                default: every wasm/core/**/*.cpp, as the real build does
#   --build-only build, do not run
#   TARGET       fuzz_detect, ... (default: every tests/fuzz/fuzz_*.cpp)
#
# Every tests/fuzz/fuzz_<name>.cpp is one target linked against a static library of the core, so
# a target only pulls in the objects it uses. Seeds: tests/fuzz/corpus/<target>/ (read only; new
# inputs go to $RG_FUZZ_BUILD/corpus/<target>/). Dictionary: tests/fuzz/<target>.dict if present.
# Crashes: $RG_FUZZ_BUILD/artifacts/<target>/. Build dir: $RG_FUZZ_BUILD (default /tmp/rg-fuzz).
# Per-target options: tests/fuzz/<target>.options, lines "sources: FILE..." (extra sources outside
# the core, e.g. wasm/cli/crypto.cpp), "libs: -lcrypto" (extra link flags), "args: -max_len=N"
# (extra libFuzzer flags; they come after the defaults, so they override them); "#" comments.
# Exit status: non-zero when a build fails or any target finds a crash. docs/fuzzing.md has more.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${RG_FUZZ_BUILD:-/tmp/rg-fuzz}
SECONDS_PER_TARGET=30
JOBS=2
BUILD_ONLY=0
CORE_DIRS=()
TARGETS=()

while [ $# -gt 0 ]; do
  case "$1" in
    -t) SECONDS_PER_TARGET=$2; shift 2 ;;
    -j) JOBS=$2; shift 2 ;;
    --core) CORE_DIRS+=("$2"); shift 2 ;;
    --build-only) BUILD_ONLY=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) TARGETS+=("${1%.cpp}"); shift ;;
  esac
done

CXX=${CXX_FUZZ:-$(command -v clang++-14 || command -v clang++)}
command -v ninja >/dev/null || { echo "ninja is required" >&2; exit 2; }

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

if [ ${#CORE_DIRS[@]} -eq 0 ]; then CORE_DIRS=(wasm/core); fi
CORE_SOURCES=()
for d in "${CORE_DIRS[@]}"; do
  while IFS= read -r f; do CORE_SOURCES+=("$f"); done < <(cd "$ROOT" && find "$d" -name '*.cpp' | sort)
done

mkdir -p "$BUILD/generated"
# The core's defaultBundleJson() comes from a generated source, as in CMakeLists.txt.
cmake -DIN="$ROOT/policies/default/bundle.json" -DOUT="$BUILD/generated/default_bundle.cpp" \
  -P "$ROOT/wasm/cmake/embed.cmake"

ICU_FLAGS=$(pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS=$(pkg-config --libs icu-uc icu-i18n)
# A Ninja file, so rebuilds are incremental (header dependencies from -MMD) and parallel.
{
  echo "cxx = $CXX"
  echo "cflags = -std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined" \
       "-fno-sanitize-recover=all -fsanitize=fuzzer-no-link -I$ROOT/wasm/core $ICU_FLAGS" \
       "-DRG_SOURCE_DIR=\\\"$ROOT\\\" -DRG_FUZZING=1"
  echo "libs = $ICU_LIBS"
  echo "rule cxx"
  echo "  command = \$cxx \$cflags -MMD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "  description = CXX \$in"
  echo "rule lib"
  echo "  command = rm -f \$out && ar crs \$out \$in"
  echo "  description = AR \$out"
  echo "rule link"
  echo "  command = \$cxx \$cflags -fsanitize=fuzzer \$in -o \$out \$libs"
  echo "  description = LINK \$out"
  objs=()
  for src in "${CORE_SOURCES[@]}"; do
    obj="obj/${src%.cpp}.o"
    echo "build $obj: cxx $ROOT/$src"
    objs+=("$obj")
  done
  echo "build obj/generated/default_bundle.o: cxx $BUILD/generated/default_bundle.cpp"
  objs+=(obj/generated/default_bundle.o)
  echo "build librgcore_fuzz.a: lib ${objs[*]}"
  declare -A extra_built=()
  for t in "${TARGETS[@]}"; do
    echo "build obj/tests/fuzz/$t.o: cxx $ROOT/tests/fuzz/$t.cpp"
    extra_objs=()
    for src in $(option "$t" sources); do
      obj="obj/${src%.cpp}.o"
      [ -n "${extra_built[$obj]:-}" ] || echo "build $obj: cxx $ROOT/$src"
      extra_built[$obj]=1
      extra_objs+=("$obj")
    done
    echo "build $t: link obj/tests/fuzz/$t.o ${extra_objs[*]} librgcore_fuzz.a"
    extra_libs=$(option "$t" libs)
    [ -z "$extra_libs" ] || echo "  libs = \$libs $extra_libs"
  done
} > "$BUILD/build.ninja.new"
cmp -s "$BUILD/build.ninja.new" "$BUILD/build.ninja" 2>/dev/null || mv "$BUILD/build.ninja.new" "$BUILD/build.ninja"
rm -f "$BUILD/build.ninja.new"
ninja -C "$BUILD" -j "$JOBS" "${TARGETS[@]}"

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
  if "$BUILD/$t" "${args[@]}" "${dirs[@]}" >"$log" 2>&1; then
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
