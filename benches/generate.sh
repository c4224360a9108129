#!/bin/sh
# Whole-process time and peak memory of `examkit generate` on one core:
#   - a 16-page AQA paper with its mark scheme and manifest (quick form, 100 marks);
#   - the shipped AQA blueprint;
#   - 30 and 50 per-student variants of it.
# Usage: benches/generate.sh   (builds the release binary first; set TMPDIR=/dev/shm to
# keep disk writes and their fsync out of the figures)
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/examkit
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"

measure() {
    label=$1
    shift
    runs=5
    best=""
    for _ in $(seq $runs); do
        /usr/bin/time -f "%e %M" -o "$out/time" $pin "$bin" "$@" >/dev/null
        read -r secs kb <"$out/time"
        if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then best=$secs; fi
        peak=$kb
    done
    printf '%-46s best of %d: %6.3f s   peak RSS %5.1f MiB\n' "$label" "$runs" "$best" \
        "$(echo "scale=1; $peak / 1024" | bc)"
}

measure "16-page paper + scheme (aqa, 100 marks)" generate --board aqa --marks 100 --seed 3 --out "$out/p16.pdf"
echo "  pages: $(pdfinfo "$out/p16.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')," \
     "sizes: $(wc -c <"$out/p16.pdf") + $(wc -c <"$out/p16-mark-scheme.pdf") bytes"
measure "AQA blueprint paper + scheme" generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --out "$out/one.pdf"
measure "30 variants (AQA blueprint)" generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --variants 30 --out "$out/v30.pdf"
measure "50 variants (AQA blueprint)" generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --variants 50 --out "$out/v50.pdf"
