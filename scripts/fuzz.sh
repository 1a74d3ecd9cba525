#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang-14, ASan+UBSan; preset "fuzz", build-fuzz/) and runs each
# one: first over its saved crash reproducers (fuzz/regressions/<name>/, which must all pass),
# then fuzzing for a bounded time from its seed corpus (fuzz/corpus/<name>/). New corpus entries
# go to a scratch directory, so the checked-in corpus does not change.
# Usage: scripts/fuzz.sh [seconds per fuzzer, default 30] [fuzzer names...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
all=(extract feeds robots warc charset claims config)
names=("${@:-${all[@]}}")

# Largest input per harness, in bytes (libFuzzer -max_len).
declare -A max_len=([extract]=65536 [feeds]=65536 [robots]=65536 [warc]=131072 [charset]=16384
                    [claims]=8192 [config]=16384)

export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for name in "${names[@]}"; do
  bin="build-fuzz/bin/${name}_fuzzer"
  common=(-rss_limit_mb=2048 -timeout=10 -max_len="${max_len[$name]}")
  if compgen -G "fuzz/regressions/$name/*" >/dev/null; then
    echo "fuzz: $name: replaying fuzz/regressions/$name/" >&2
    "$bin" "${common[@]}" fuzz/regressions/"$name"/*
  fi
  mkdir -p "$scratch/$name"
  echo "fuzz: $name: ${seconds}s" >&2
  "$bin" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$scratch/$name-" "$scratch/$name" "fuzz/corpus/$name" 2>"$scratch/$name.log" || {
    status=$?
    tail -n 60 "$scratch/$name.log" >&2
    mkdir -p "fuzz/regressions/$name"
    for crash in "$scratch/$name"-*; do
      [ -e "$crash" ] && cp "$crash" "fuzz/regressions/$name/" && echo "fuzz: saved $crash" >&2
    done
    exit $status
  }
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$scratch/$name.log" |
    sed "s/^/fuzz: $name: /" >&2
done
