#!/usr/bin/env bash
# Renders the demo's HTML report in headless Chromium at desktop and phone widths and saves
# screenshots to out/render/ (desktop.png, phone.png), for a person to look at.
# Usage: scripts/render_check.sh [--no-install]
#   --no-install  do not apt-get install chromium when it is missing; fail instead.
# Environment: PARALLAX_BIN overrides the binary (default build/bin/parallax).
set -euo pipefail
cd "$(dirname "$0")/.."

install=1
for arg in "$@"; do
  case "$arg" in
    --no-install) install=0 ;;
    -h | --help)
      sed -n '2,6p' "$0"
      exit 0
      ;;
    *)
      echo "render_check: unknown argument $arg" >&2
      exit 2
      ;;
  esac
done

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser="$candidate"
    break
  fi
done
if [ -z "$browser" ]; then
  if [ "$install" -eq 0 ]; then
    echo "render_check: chromium is not installed (apt-get install chromium, or drop --no-install)" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "render_check: installing chromium" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
  browser=chromium
fi

bin="${PARALLAX_BIN:-build/bin/parallax}"
if [ ! -x "$bin" ]; then
  echo "render_check: $bin not found; run scripts/setup.sh first (or set PARALLAX_BIN)" >&2
  exit 1
fi

out=out/render
mkdir -p "$out"
rm -f "$out/report.html" "$out/desktop.png" "$out/phone.png"
# compare exits non-zero when it finds conflicts; only a missing report is a failure here.
"$bin" compare examples/meeting --html "$out/report.html" >"$out/compare.log" 2>&1 || true
if [ ! -s "$out/report.html" ]; then
  echo "render_check: $bin did not write $out/report.html; see $out/compare.log" >&2
  exit 1
fi

page="file://$(pwd)/$out/report.html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

shoot() {  # shoot <png> <width,height>
  # Chromium logs harmless D-Bus and GPU warnings on stderr; keep them out of the way.
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --screenshot="$1" --window-size="$2" \
    "$page" >"$out/chromium.log" 2>&1
  if [ ! -s "$1" ]; then
    echo "render_check: no screenshot $1; see $out/chromium.log" >&2
    exit 1
  fi
  echo "render_check: wrote $1 ($2)"
}

shoot "$out/desktop.png" 1280,2400
shoot "$out/phone.png" 390,2400
