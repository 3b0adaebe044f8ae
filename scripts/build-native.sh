#!/usr/bin/env bash
# Builds the native core, unit tests, CLI and benchmarks. Usage: build-native.sh [preset] (default: native)
set -euo pipefail
source "$(dirname "$0")/lib/paths.sh"
preset=${1:-native}
cd "$RG_ROOT"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j"$(nproc)"
