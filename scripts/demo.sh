#!/usr/bin/env bash
# Installs what is missing, builds, and compares the five bundled accounts of one meeting
# (examples/meeting). Reports go to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
mkdir -p out/demo
set +e
build/bin/parallax compare examples/meeting \
  --json out/demo/report.json --markdown out/demo/report.md --html out/demo/report.html \
  --db out/demo/parallax.db --event demo-meeting
status=$?
set -e
echo
echo "Reports are in $(pwd)/out/demo/: report.md (read it first), report.html, report.json"
exit $status
