//! An English word list, so that a correctly spelt word is never taken for a misspelling of
//! another ("along" is not "elongation", "finds" not "binds", "carried" not "carrier").
//!
//! The list is SCOWL's British English at size 50 (Debian's `wbritish`, licence in
//! `assets/words/LICENSE-SCOWL`), folded as answers are folded and built into the binary, so
//! examkit needs no files beside it. SCOWL lists every inflected form ("pumps", "carried",
//! "weakening"), so a word is a word when it is in the list as written: no affix rules, and
//! no stemming (a stem such as "carri" is no word). The set is built once per process, the
//! first time a word is looked up.

use super::WordHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// The list as shipped: one folded word a line, `#` lines are its provenance.
const LIST: &str = include_str!("../../assets/words/en-gb.txt");

static WORDS: LazyLock<HashSet<&'static str, BuildHasherDefault<WordHasher>>> =
    LazyLock::new(|| {
        let mut set = HashSet::with_capacity_and_hasher(80_000, BuildHasherDefault::default());
        set.extend(
            LIST.lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#')),
        );
        set
    });

/// Whether `word` (folded, lower case, as [`crate::text::Analysis::word`] gives it) is an
/// English word as written.
pub fn is_english_word(word: &str) -> bool {
    WORDS.contains(word)
}

/// How many words the list holds (for the licence notes and tests).
pub fn len() -> usize {
    WORDS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_words_and_their_inflections_are_words() {
        for w in [
            "along",
            "elongation",
            "finds",
            "binds",
            "bumps",
            "pumps",
            "poles",
            "pore",
            "carried",
            "carrier",
            "weakening",
            "khrushchev",
            "colour",
            "oclock",
        ] {
            assert!(is_english_word(w), "{w}");
        }
        assert!(len() > 60_000);
    }

    #[test]
    fn misspellings_and_stems_are_not_words() {
        for w in [
            "seperate",
            "recieve",
            "goverment",
            "weakend",
            "carri",
            "kruschev",
            "",
        ] {
            assert!(!is_english_word(w), "{w}");
        }
    }

    #[test]
    fn the_list_is_folded_lower_case_ascii() {
        assert!(
            LIST.lines()
                .filter(|l| !l.starts_with('#'))
                .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase()))
        );
    }
}
