#!/usr/bin/env bash
# Extraction quality and speed side by side on ../shared/data/extraction-zyte:
# F1 (tools/score_extraction.py), Parallax vs libxml2 parse alone vs readability-lxml.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
data=../shared/data/extraction-zyte
if ! /usr/bin/python3 -c "import readability" 2>/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y -qq python3-readability >/dev/null
fi
"$build/bin/extract_bench" --data "$data" --rounds 3 --predictions /tmp/parallax-zyte.json
/usr/bin/python3 bench/readability_bench.py "$data" 1
python3 ../shared/tools/score_extraction.py "$data/ground-truth.json" /tmp/parallax-zyte.json
