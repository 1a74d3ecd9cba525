#!/usr/bin/env bash
# Builds everything with AddressSanitizer (+ LeakSanitizer) and UndefinedBehaviorSanitizer (GCC,
# -O1 -g, preset "asan", build-asan/) and runs the whole test suite under them. Any report fails
# the run: UBSan halts on the first error, ASan/LSan exit non-zero.
# Usage: scripts/sanitize.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j "$(nproc)" "$@"
