//! English stems (Snowball), so "weakened", "weakening" and "weaken" are one word.

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::LazyLock;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The Snowball English stem of a folded, lower-case word. Words containing digits are
/// returned unchanged: years and numbers are matched exactly.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit()) || word.len() <= 2 {
        return Cow::Borrowed(word);
    }
    ENGLISH.stem(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("weakened"), stem("weakening"));
        assert_eq!(stem("weakened"), stem("weaken"));
        assert_eq!(stem("released"), stem("release"));
        assert_eq!(stem("prisoners"), stem("prisoner"));
    }

    #[test]
    fn numbers_are_kept_exact() {
        assert_eq!(stem("1956"), "1956");
        assert_ne!(stem("1956"), stem("1965"));
    }
}
