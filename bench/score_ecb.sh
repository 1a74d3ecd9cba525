#!/usr/bin/env bash
# Claim alignment on ECB+ topics: exports each topic as plain-text articles with
# ../shared/tools/ecbplus_export.py, runs `parallax compare` per topic, and scores all topics
# with ../shared/tools/score_ecb.py (its last line: micro-averaged pairwise precision/recall/F1).
# Usage: bench/score_ecb.sh [TOPIC...]   (default: every exported topic)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PARALLAX_BIN:-build/bin/parallax}
out=${OUT:-/tmp/parallax-ecb}
rm -rf "$out" && mkdir -p "$out/topics" "$out/reports"
python3 ../shared/tools/ecbplus_export.py ../shared/data/ecbplus "$out/topics" "$@" >/dev/null
args=()
for topic in "$out"/topics/*/; do
  name=$(basename "$topic")
  "$bin" compare "$topic" --json "$out/reports/$name.json" --quiet || true
  args+=("$out/reports/$name.json" "$topic")
done
python3 ../shared/tools/score_ecb.py "${args[@]}" | tail -"${LINES_SHOWN:-1}"
