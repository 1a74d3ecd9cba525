#!/usr/bin/env bash
# Installs the Debian 12 packages Parallax needs (skipping those already installed), then
# configures and builds the project into build/ (binary: build/bin/parallax).
# Usage: scripts/setup.sh [--deps-only] [--fuzz]
#   --deps-only  install packages, do not build
#   --fuzz       also install clang-14 and libFuzzer (libclang-rt-14-dev) for scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."

deps_only=0
fuzz=0
for arg in "$@"; do
  case "$arg" in
    --deps-only) deps_only=1 ;;
    --fuzz) fuzz=1 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake pkg-config python3
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libsqlitecpp-dev libsqlite3-dev libxxhash-dev catch2
  libssl-dev zlib1g-dev libicu-dev libxml2-dev libstemmer-dev libuchardet-dev
  libtomlplusplus-dev ca-certificates sqlite3
)
if [ "$fuzz" = 1 ]; then packages+=(clang-14 libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$deps_only" = 1 ]; then exit 0; fi

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
