#!/usr/bin/env bash
# The long fuzz run: every target of tests/fuzz/ (bank loader and check, marker, CSV and
# JSON-lines readers, manifest reader, session reader) on INPUTS inputs each, split over
# JOBS processes with different seeds, built in release.
#
#   scripts/fuzz.sh [INPUTS_PER_TARGET] [JOBS]     (default 1250000 x 8 targets = 10 million; 2 jobs)
#
# Prints each process's per-target lines (inputs, panics, hangs = inputs over the per-input
# limit EXAMKIT_FUZZ_LIMIT_MS, default 5000; worst time and allocated bytes per input), the
# total, and each process's peak resident memory. A hang (twice the limit) ends its process
# and saves the input; a panic's first input is saved too, both in $EXAMKIT_FUZZ_HANGS
# (default: a temporary folder, printed). Exit status 1 if anything panicked or hung.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
inputs="${1:-1250000}"
jobs="${2:-2}"
cargo build --release --quiet --features fuzz --bin examkit-fuzz --manifest-path "$root/Cargo.toml"
bin="$root/target/release/examkit-fuzz"
out="${EXAMKIT_FUZZ_HANGS:-$(mktemp -d)}"
mkdir -p "$out"
echo "inputs per target: $inputs over $jobs processes; saved inputs and logs in $out"
per=$(( (inputs + jobs - 1) / jobs ))
pids=()
for j in $(seq 1 "$jobs"); do
    EXAMKIT_FUZZ_INPUTS="$per" EXAMKIT_FUZZ_SEED="$j" EXAMKIT_FUZZ_HANGS="$out" \
        /usr/bin/time -v -o "$out/time-$j.txt" "$bin" >"$out/report-$j.txt" 2>"$out/err-$j.txt" &
    pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
for j in $(seq 1 "$jobs"); do
    echo "--- process $j (seed $j)"
    cat "$out/report-$j.txt"
    grep -h "HANG" "$out/err-$j.txt" || true
    awk -F': ' '/Maximum resident set size/ {printf "peak RSS %.1f MB\n", $2/1024}
                /Elapsed \(wall clock\)/ {print "wall clock " $2}' "$out/time-$j.txt"
done
cat "$out"/report-*.txt | awk '
    /inputs/ { n += $3; p += $5; h += $7; if ($10 > t) t = $10; if ($14 > m) m = $14 }
    END { printf "TOTAL inputs %d  panics %d  hangs %d  worst time %.2f ms  worst memory %.1f KiB per input\n", n, p, h, t, m }'
exit "$status"
