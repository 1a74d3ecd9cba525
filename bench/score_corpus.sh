#!/usr/bin/env bash
# Scores `parallax compare` on labelled events: serves each event folder on 127.0.0.1, compares
# its pages, and prints ../shared/tools/score_report.py's lines for it.
# Usage: [ALIGN_PRECISION=1] bench/score_corpus.sh [EVENT_DIR...]
#   (default: ../shared/corpus/dev/*, examples/meeting and the held-out bench/events/*)
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${PARALLAX_BIN:-build/bin/parallax}
tools=../shared/tools
out=${OUT:-/tmp/parallax-score}
mkdir -p "$out"
events=("$@")
if [ ${#events[@]} -eq 0 ]; then events=(../shared/corpus/dev/*/ examples/meeting/ bench/events/*/); fi
port=${PORT:-18431}
for event in "${events[@]}"; do
  event=${event%/}
  name=$(basename "$event")
  python3 -m http.server --bind 127.0.0.1 "$port" --directory "$event" >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  urls=()
  for d in "$event"/*/; do urls+=("http://127.0.0.1:$port/$(basename "$d")/"); done
  "$bin" compare "${urls[@]}" --json "$out/$name.json" --markdown "$out/$name.md" --quiet
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null
  echo "== $name"
  python3 "$tools/score_report.py" "$out/$name.json" "$event" | tail -"${LINES_SHOWN:-1}"
  # ALIGN_PRECISION=1: also how often claims of two different gold facts share a cluster.
  if [ -n "${ALIGN_PRECISION:-}" ]; then python3 bench/align_precision.py "$out/$name.json" "$event"; fi
  port=$((port + 1))
done
