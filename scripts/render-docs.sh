#!/usr/bin/env bash
# Re-render the README's page images: the first two pages of each shipped blueprint's paper
# (seed 7), with poppler's pdftoppm at 70 dpi. Run after changing layout or the bank.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --quiet --release
for board in aqa edexcel cie; do
  ./target/release/examkit generate --blueprint "examples/papers/$board-cold-war.yaml" --seed 7 \
    --out "$out/$board.pdf" >/dev/null
  pdftoppm -r 70 -png -f 1 -l 2 "$out/$board.pdf" "$out/$board"
  for page in 1 2; do
    # pdftoppm pads the page number to the width of the page count.
    src=$(ls "$out/$board"-*"$page".png | head -n 1)
    cp "$src" "docs/$board-page-$page.png"
  done
done
# AQA's sources insert, page 2 (the first page of sources).
pdftoppm -r 70 -png -f 2 -l 2 "$out/aqa-insert.pdf" "$out/aqa-insert"
cp "$(ls "$out"/aqa-insert-*2.png | head -n 1)" docs/aqa-insert-page-2.png
echo "rendered docs/{aqa,edexcel,cie}-page-{1,2}.png and docs/aqa-insert-page-2.png"
