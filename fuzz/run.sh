#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Usage: fuzz/run.sh [seconds-per-target]   (default 30): explore; each run differs
#        fuzz/run.sh --runs N                 deterministic: libFuzzer seed 1, N inputs per
#                                             target (what the test command uses, so CI gives
#                                             the same verdict on every run of one commit)
# Configures a clang-19 build with libFuzzer, ASan and UBSan in build/fuzz, builds every fuzz
# target (fuzz/CMakeLists.txt), replays the saved regressions, then fuzzes each reader for a
# bounded time. Seeds: the built-in scenarios and tests/data. Every crash, hang or finding is
# copied to tests/data/fuzz-regressions/<target>/ (replayed by fuzz_regression_test) and fails
# the run (exit 1).
set -euo pipefail

if [[ "${1:-}" == "--runs" ]]; then
  runs="${2:?--runs needs a number}"
  limit=(-seed=1 -runs="$runs" -max_total_time=300)  # the time cap only guards against a stall
  what="$runs inputs, seed 1"
else
  secs="${1:-30}"
  limit=(-max_total_time="$secs")
  what="${secs}s"
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/fuzz"
regress="$root/tests/data/fuzz-regressions"
max_len=65536     # bytes; the largest built-in scenario is about 56 KB
timeout=10        # seconds per input
rss_mb=2048

mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1" \
  -DENTENTE_BUILD_FUZZ=ON -DENTENTE_BUILD_TESTS=OFF -DENTENTE_BUILD_BENCH=OFF -DENTENTE_WEB=OFF \
  >"$build/configure.log"
if ! ninja -C "$build" -j2 entente_fuzzers >"$build/build.log" 2>&1; then
  grep -E "error|FAILED" "$build/build.log" | head -n 20
  echo "build failed; full log: $build/build.log"
  exit 1
fi

# Seeds for one target: repository files of the kinds its reader takes.
seed() {
  local t="$1" out="$2" exts=() f d
  case "$t" in
    json) exts=(json) ;;
    yaml) exts=(yaml yml) ;;
    *csv) exts=(csv) ;;
    deu) exts=(tsv csv) ;;
    genius)  # the domain, then its profiles, separated by NUL bytes (check_input.h)
      for d in "$root"/tests/data/genius/*/; do
        f="$(grep -l "<negotiation_template" "$d"*.xml | head -n 1)" || continue
        { cat "$f"; for p in "$d"*.xml; do [[ "$p" == "$f" ]] || { printf '\0'; cat "$p"; }; done; } \
          >"$out/$(basename "$d").xml"
      done
      return ;;
  esac
  local n=0
  for e in "${exts[@]}"; do
    while IFS= read -r -d '' f; do
      n=$((n + 1))
      cp "$f" "$out/$n-${f##*/}"  # numbered: files in different folders may share a name
    done < <(find "$root/scenarios" "$root/tests/data" -type f -name "*.$e" \
               -not -path "*/fuzz-regressions/*" -print0)
  done
}

failed=()
for bin in "$build"/fuzz/fuzz_*; do
  [[ -x "$bin" && "$bin" != *regression* ]] || continue
  t="${bin##*/fuzz_}"
  seeds="$build/seeds/$t"
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  rm -rf "$seeds" "$artifacts"
  [[ -n "${runs:-}" ]] && rm -rf "$corpus"  # deterministic: start from the seeds alone
  mkdir -p "$seeds" "$corpus" "$artifacts" "$regress/fuzz_$t"
  seed "$t" "$seeds"
  echo "== fuzz_$t: $(ls "$seeds" | wc -l) seeds, $what"
  # Replay the saved regressions first (each input once).
  old=("$regress/fuzz_$t"/*)
  if [[ -e "${old[0]}" ]] && ! "$bin" -timeout="$timeout" -rss_limit_mb="$rss_mb" "${old[@]}" \
      >"$artifacts/replay.log" 2>&1; then
    echo "fuzz_$t: a saved regression still fails; see $artifacts/replay.log"
    failed+=("fuzz_$t(regression)")
  fi
  if ! "$bin" "${limit[@]}" -max_len="$max_len" -timeout="$timeout" \
      -rss_limit_mb="$rss_mb" -dict="$root/fuzz/scenario.dict" -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$artifacts/fuzz.log" 2>&1; then
    failed+=("fuzz_$t")
  fi
  grep -E "^#[0-9]+[[:space:]]+DONE|stat::average_exec_per_sec" "$artifacts/fuzz.log" |
    tr -s ' \t' ' ' | paste -sd ' ' || true
  grep -E "^==[0-9]+==ERROR|^SUMMARY|entente fuzz finding|uncaught exception" \
    "$artifacts/fuzz.log" | cut -c1-300 | head -n 3 || true
  for f in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [[ -e "$f" ]] || continue
    cp "$f" "$regress/fuzz_$t/"
    echo "fuzz_$t: finding saved as tests/data/fuzz-regressions/fuzz_$t/$(basename "$f")"
  done
  rmdir "$regress/fuzz_$t" 2>/dev/null || true  # keep only folders that hold inputs
done

if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]} (logs in $build/artifacts/<target>/)"
  exit 1
fi
echo "OK: no findings ($what per target)"
