#!/usr/bin/env bash
# Batch marking throughput and peak memory for 1,000,000 answers.
#
#   benches/batch_million.sh [ANSWERS]      (default 1000000)
#
# Generates a class file in a temporary folder (nothing is committed), marks it with the
# release binary against the test fixture bank and paper, and prints answers per second and
# the peak resident memory (max RSS from /usr/bin/time -v) for three layouts: long CSV
# (one row per answer), wide CSV (one row per student) and long JSON lines.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
answers="${1:-1000000}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/examkit"
fixtures="$root/tests/fixtures/mark"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$answers" <<'PY'
import json, sys, random
out, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
texts = {
    "01": ["Stalin had a cult of personality and carried out purges of party members.",
           "He was cruel and killed people.", "The Secret Speech was in 1953.",
           "Khrushchev criticised the purges, the terror and Stalin's mistakes in the war."],
    "02": ["De-Stalinisation made Hungarians demand freedom. Students protested in Budapest, "
           "which meant Nagy became leader. As a result Soviet tanks crushed the uprising.",
           "Poland Gomulka Hungary Nagy tanks", "It did not change anything in Eastern Europe."],
    "03": ["B", "A", "1956", "C"],
}
questions = ["01", "02", "03"]
students = (n + len(questions) - 1) // len(questions)
with open(f"{out}/long.csv", "w") as long_csv, open(f"{out}/wide.csv", "w") as wide_csv, \
        open(f"{out}/long.jsonl", "w") as jsonl:
    long_csv.write("student,question,answer\n")
    wide_csv.write("student," + ",".join(questions) + "\n")
    written = 0
    for s in range(students):
        name = f"S{s:07d}"
        row = []
        for q in questions:
            if written == n:
                row.append("")
                continue
            text = random.choice(texts[q])
            written += 1
            long_csv.write(f'{name},{q},"{text}"\n')
            jsonl.write(json.dumps({"student": name, "question": q, "answer": text}) + "\n")
            row.append(f'"{text}"')
        wide_csv.write(name + "," + ",".join(row) + "\n")
PY

printf '%-12s %10s %12s %14s %12s\n' layout answers seconds answers/s "max RSS MB"
for input in long.csv wide.csv long.jsonl; do
    /usr/bin/time -v -o "$tmp/time.txt" "$bin" mark --bank "$fixtures/bank" \
        --paper "$fixtures/aqa.manifest.json" --batch "$tmp/$input" \
        --out "$tmp/marks.csv" --summary "$tmp/summary.json" >/dev/null 2>"$tmp/err.txt" \
        || { cat "$tmp/err.txt"; exit 1; }
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$tmp/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time.txt")
    rate=$(awk -v n="$answers" -v s="$secs" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')
    rows=$(($(wc -l < "$tmp/marks.csv") - 1))
    printf '%-12s %10s %12s %14s %12s   (%s students in the sheet)\n' \
        "$input" "$answers" "$secs" "$rate" "$rss" "$rows"
done
