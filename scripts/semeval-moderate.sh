#!/usr/bin/env bash
# Reproduce examkit's SemEval-2013 moderation figures (docs/moderation.md) from a clean
# checkout: build, import the 2-way labelled answers of each corpus, moderate them against
# the first-draft schemes (tests/data/semeval-first-draft) and the teacher-revised schemes
# (examples/semeval), and print the figures per corpus and for both corpora together.
#
# Usage: scripts/semeval-moderate.sh [DATA_DIR] [REPORT_DIR]
#   DATA_DIR    the SemEval-2013 folder (default: $EXAMKIT_SEMEVAL_DIR, else
#               ../shared/data/semeval2013 beside the repository)
#   REPORT_DIR  where to keep the imported CSVs and full reports (default: a temp folder)
# Set EXAMKIT_PROFILE=release to build and run the optimised binary.
set -euo pipefail

cd "$(dirname "$0")/.."
data="${1:-${EXAMKIT_SEMEVAL_DIR:-../shared/data/semeval2013}}"
reports="${2:-$(mktemp -d)}"
profile="${EXAMKIT_PROFILE:-debug}"
if [ ! -d "$data/training/2way" ]; then
    echo "error: no SemEval-2013 data at $data (expected $data/training/2way/{beetle,sciEntsBank})" >&2
    exit 2
fi
mkdir -p "$reports"

if [ "$profile" = release ]; then cargo build --quiet --release; else cargo build --quiet; fi
examkit="${CARGO_TARGET_DIR:-target}/$profile/examkit"

# The answers: one CSV per corpus, and both together.
for corpus in beetle sciEntsBank; do
    "$examkit" import semeval "$data/training/2way/$corpus" --out "$reports/$corpus.csv" 2>/dev/null
done
{ cat "$reports/beetle.csv"; tail -n +2 "$reports/sciEntsBank.csv"; } > "$reports/both.csv"

printf '%-12s %-12s %8s %9s %7s\n' schemes corpus answers accuracy kappa
for schemes in first-draft revised; do
    case "$schemes" in
        first-draft) dir=tests/data/semeval-first-draft ;;
        revised) dir=examples/semeval ;;
    esac
    for corpus in beetle sciEntsBank both; do
        out="$reports/$schemes-$corpus"
        "$examkit" moderate --schemes "$dir" --marked "$reports/$corpus.csv" --worst 0 > "$out.txt"
        "$examkit" moderate --schemes "$dir" --marked "$reports/$corpus.csv" --worst 0 \
            --format json > "$out.json"
        # The text report's "overall" line: answers, exact agreement, within one, kappa, MAD.
        read -r _ answers exact _ kappa _ < <(grep -m1 '^overall' "$out.txt")
        printf '%-12s %-12s %8s %9s %7s\n' "$schemes" "$corpus" "$answers" "$exact" "$kappa"
    done
done
echo "full reports (disagreements with reasons): $reports/{first-draft,revised}-{beetle,sciEntsBank,both}.txt"
