#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages entente needs, and only those that are missing. Idempotent and
# quiet when everything is present. Usage: scripts/deps.sh [run|test]
#   run  - what building and running the `entente` binary needs (default)
#   test - also what the test suites need (sanitizer runtime and clang-19 for the fuzzers)
set -euo pipefail
mode=${1:-run}
pkgs=(
  cmake ninja-build g++ pkg-config ccache
  nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libfmt-dev libpugixml-dev libtbb-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlitecpp-dev libsqlite3-dev
  libopenmpi-dev openmpi-bin
)
if [[ $mode == test ]]; then
  pkgs+=(clang-19 libclang-rt-19-dev python3 python3-dev python3-numpy python3-pytest python3-pandas
         python3-matplotlib pybind11-dev)
fi
missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) != 0 ]]; then
  echo "entente: missing Debian packages: ${missing[*]}" >&2
  echo "entente: run this script as root (or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "entente: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
