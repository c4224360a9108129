#!/bin/sh
# Whole-process CPU time (user + system), wall time and peak memory of `examkit generate`
# on one core. CPU time is the figure to compare: on a shared, loaded machine wall time
# mostly measures the neighbours. Each figure is per run, the best of 5 rounds (a round of
# the quick cases runs them 50 times); peak RSS the largest.
#   - a 16-page AQA paper with its sources insert, mark scheme and manifest (quick form,
#     100 marks);
#   - the shipped AQA blueprint (paper, insert, scheme, manifest);
#   - 30 and 50 per-student variants of it.
# Cold runs load and check the bank afresh (EXAMKIT_CACHE=off); warm runs read it from the
# cache of checked banks, primed by a run before the timing (see README, "Cache").
# Usage: benches/generate.sh   (builds the release binary first; EXAMKIT_BIN=path measures
# another build, e.g. a saved copy from before a change; set TMPDIR=/dev/shm to
# keep disk writes and their fsync out of the figures)
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${EXAMKIT_BIN:-target/release/examkit}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pin=""
export EXAMKIT_CACHE_DIR="$out/cache"
command -v taskset >/dev/null && pin="taskset -c 0"

# measure LABEL REPEAT ARGS...: run `examkit ARGS` REPEAT times per round, 5 rounds.
# With python3 the CPU time is the examkit processes' own (their rusage, to the
# microsecond, exec and exit included); without it, `time` of a shell loop, which adds the
# shell's forks (about 0.5 ms a run) and counts in hundredths of a second.
measure() {
    label=$1
    repeat=$2
    shift 2
    : >"$out/times"
    for _ in 1 2 3 4 5; do
        # A failed run stops the benchmark rather than timing an error message.
        if command -v python3 >/dev/null; then
            $pin python3 -c '
import resource, subprocess, sys, time
n = int(sys.argv[1])
before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
for _ in range(n):
    subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, check=True)
after, end = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
print(end - start, cpu, 0)' "$repeat" "$bin" "$@" >"$out/cpu" || run_failed=1
            # Peak memory from `time` of one run: a child's rusage here would count the
            # Python it was forked from.
            /usr/bin/time -f "%M" -o "$out/rss" "$bin" "$@" >/dev/null || run_failed=1
            echo "$(cat "$out/cpu") $(cat "$out/rss")" >"$out/time"
        elif ! /usr/bin/time -f "%e %U %S %M" -o "$out/time" $pin sh -c \
            'n=$1; shift; for _ in $(seq "$n"); do "$@" >/dev/null || exit 1; done' \
            sh "$repeat" "$bin" "$@"; then
            run_failed=1
        fi
        if [ -n "${run_failed:-}" ]; then
            echo "$label: examkit $* failed" >&2
            exit 1
        fi
        cat "$out/time" >>"$out/times"
    done
    awk -v label="$label" -v n="$repeat" '
        { cpu = ($2 + $3) / n; wall = $1 / n
          if (NR == 1 || cpu < best_cpu) best_cpu = cpu
          if (NR == 1 || wall < best_wall) best_wall = wall
          if ($4 > peak) peak = $4 }
        END { printf "%-46s CPU %6.1f ms, wall %6.1f ms, peak RSS %5.1f MiB\n",
                     label, best_cpu * 1000, best_wall * 1000, peak / 1024 }' "$out/times"
}

# cold|warm LABEL REPEAT ARGS...: measure with the cache off, or on and primed by one run.
cold() {
    label=$1
    shift
    export EXAMKIT_CACHE=off
    measure "$label (cold)" "$@"
}
warm() {
    label=$1
    repeat=$2
    shift 2
    export EXAMKIT_CACHE=on
    "$bin" "$@" >/dev/null
    measure "$label (warm)" "$repeat" "$@"
}

cold "16-page paper + insert + scheme (aqa)" 50 generate --board aqa --marks 100 --seed 3 --out "$out/p16.pdf"
warm "16-page paper + insert + scheme (aqa)" 50 generate --board aqa --marks 100 --seed 3 --out "$out/p16.pdf"
echo "  pages: $(pdfinfo "$out/p16.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')," \
     "sizes: $(wc -c <"$out/p16.pdf") + $(wc -c <"$out/p16-insert.pdf")" \
     "+ $(wc -c <"$out/p16-mark-scheme.pdf") bytes"
cold "AQA blueprint paper + insert + scheme" 50 generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --out "$out/one.pdf"
warm "AQA blueprint paper + insert + scheme" 50 generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --out "$out/one.pdf"
cold "30 variants (AQA blueprint)" 1 generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --variants 30 --out "$out/v30.pdf"
cold "50 variants (AQA blueprint)" 1 generate --blueprint examples/papers/aqa-cold-war.yaml --seed 7 --variants 50 --out "$out/v50.pdf"
