#!/usr/bin/env bash
# Reproduce examkit's SemEval-2013 moderation figures (docs/moderation.md) from a clean
# checkout: build, import the 2-way labelled answers of each corpus, moderate them against
# the schemes in examples/semeval, and print the figures per corpus.
#
# Usage: scripts/semeval-moderate.sh [DATA_DIR] [REPORT_DIR]
#   DATA_DIR    the SemEval-2013 folder (default: $EXAMKIT_SEMEVAL_DIR, else
#               ../shared/data/semeval2013 beside the repository)
#   REPORT_DIR  where to keep the imported CSVs and full reports (default: a temp folder)
set -euo pipefail

cd "$(dirname "$0")/.."
data="${1:-${EXAMKIT_SEMEVAL_DIR:-../shared/data/semeval2013}}"
reports="${2:-$(mktemp -d)}"
if [ ! -d "$data/training/2way" ]; then
    echo "error: no SemEval-2013 data at $data (expected $data/training/2way/{beetle,sciEntsBank})" >&2
    exit 2
fi
mkdir -p "$reports"

cargo build --quiet
examkit="${CARGO_TARGET_DIR:-target}/debug/examkit"

printf '%-12s %8s %9s %7s\n' corpus answers accuracy kappa
for corpus in beetle sciEntsBank; do
    "$examkit" import semeval "$data/training/2way/$corpus" --out "$reports/$corpus.csv" 2>/dev/null
    "$examkit" moderate --schemes examples/semeval --marked "$reports/$corpus.csv" \
        --worst 0 > "$reports/$corpus.txt"
    "$examkit" moderate --schemes examples/semeval --marked "$reports/$corpus.csv" \
        --worst 0 --format json > "$reports/$corpus.json"
    # The text report's "overall" line: answers, exact agreement, within one, kappa, MAD.
    read -r _ answers exact _ kappa _ < <(grep -m1 '^overall' "$reports/$corpus.txt")
    printf '%-12s %8s %9s %7s\n' "$corpus" "$answers" "$exact" "$kappa"
done

# Both corpora together.
{ cat "$reports/beetle.csv"; tail -n +2 "$reports/sciEntsBank.csv"; } > "$reports/both.csv"
"$examkit" moderate --schemes examples/semeval --marked "$reports/both.csv" --worst 0 \
    > "$reports/both.txt"
read -r _ answers exact _ kappa _ < <(grep -m1 '^overall' "$reports/both.txt")
printf '%-12s %8s %9s %7s\n' both "$answers" "$exact" "$kappa"
echo "full reports (disagreements with reasons): $reports/{beetle,sciEntsBank,both}.txt"
