#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages entente needs, and only those that are missing. Idempotent and
# quiet when everything is present. Usage: scripts/deps.sh [run|test]
#   run  - what building and running the `entente` binary needs (default)
#   test - also what the test suites need (sanitizer runtime and clang-19 for the fuzzers,
#          python3 for the module's tests, Debian's chromium, nodejs and npm for the web app's)
# The web app itself needs nothing here: its built files (web/dist) are in the repository and
# compiled into the binary. Only its tests need its npm packages: in test mode `npm ci` fills
# web/node_modules when it is missing or older than web/package-lock.json (node and npm are
# Debian's when none are installed; Debian 12's node 18 + npm 9 suffice). When the npm registry
# cannot be reached, this says so and the web suites report themselves Skipped in ctest.
set -euo pipefail
mode=${1:-run}
root="$(cd "$(dirname "$0")/.." && pwd)"
pkgs=(
  cmake ninja-build g++ pkg-config ccache
  nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libfmt-dev libpugixml-dev libtbb-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlitecpp-dev libsqlite3-dev libcpp-httplib-dev
  libopenmpi-dev openmpi-bin
)
if [[ $mode == test ]]; then
  pkgs+=(clang-19 libclang-rt-19-dev python3 python3-dev python3-numpy python3-pytest python3-pandas
         python3-matplotlib pybind11-dev chromium)
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  if [[ $(id -u) != 0 ]]; then
    echo "entente: missing Debian packages: ${missing[*]}" >&2
    echo "entente: run this script as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "entente: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[[ $mode == test ]] || exit 0
# The web front end's npm packages for its tests, exactly as package-lock.json pins them.
web="$root/web"
if [[ ! -e "$web/node_modules/.package-lock.json" ||
      "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  echo "entente: installing the web front end's npm packages (npm ci in web/)" >&2
  if ! log="$(cd "$web" && npm ci --no-audit --no-fund --loglevel=error 2>&1)"; then
    rm -rf "$web/node_modules"
    echo "entente: WARNING: 'npm ci' in web/ failed, so the web suites (web_vitest," \
         "web_dist_current, web_e2e) will be reported as Skipped:" >&2
    echo "$log" | grep -m 3 -E "ERR!|error" >&2 || true
  fi
fi
