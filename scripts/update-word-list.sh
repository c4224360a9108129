#!/usr/bin/env bash
# Remake assets/words/en-gb.txt, the English word list the marker builds in (src/text/dictionary.rs),
# from Debian's `wbritish` package (SCOWL, size 50, British spellings; licence in
# assets/words/LICENSE-SCOWL). Each word is folded as the marker folds answers: accents to plain
# letters (iconv's transliteration), lower case; possessives and contractions are dropped (the
# tokeniser drops "'s" and splits "n't"), other apostrophes removed ("o'clock" -> "oclock").
#
# Usage: scripts/update-word-list.sh   (needs apt-get; run from anywhere)
set -euo pipefail

cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wbritish >/dev/null)
dpkg-deb -x "$work"/wbritish_*.deb "$work/x"
version="$(dpkg-deb -f "$work"/wbritish_*.deb Version)"

{
    echo "# English word list (British spellings) for examkit's marker: Debian wbritish $version,"
    echo "# SCOWL size 50, folded to lower-case ASCII. Licence: assets/words/LICENSE-SCOWL."
    echo "# Remade by scripts/update-word-list.sh; not edited by hand."
    grep -v -E "'(s|d|ll|re|ve|m|t)$|n't$" "$work/x/usr/share/dict/british-english" |
        iconv -f UTF-8 -t ASCII//TRANSLIT |
        tr -d "'" |
        tr 'A-Z' 'a-z' |
        grep -E '^[a-z]+$' |
        LC_ALL=C sort -u
} > assets/words/en-gb.txt
cp "$work/x/usr/share/doc/wbritish/copyright" assets/words/LICENSE-SCOWL
wc -l assets/words/en-gb.txt
