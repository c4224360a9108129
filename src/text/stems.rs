//! English stems (Snowball), so "weakened", "weakening" and "weaken" are one word.

use super::WordMap;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

thread_local! {
    /// Words stemmed so far on this thread. Answers reuse a small vocabulary, and a lookup
    /// is several times cheaper than running the stemmer; the cache is cleared when it
    /// grows past [`CACHE_LIMIT`], so junk input cannot make it grow without bound.
    static CACHE: RefCell<WordMap<Box<str>, Box<str>>> = RefCell::new(WordMap::default());
}

const CACHE_LIMIT: usize = 50_000;

/// Append the stem of `word` to `out` (as [`stem`], through a per-thread cache).
pub fn stem_into(word: &str, out: &mut String) {
    if word.len() > 24 {
        out.push_str(&stem(word));
        return;
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            out.push_str(s);
            return;
        }
        let s = stem(word);
        out.push_str(&s);
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.into(), s.into());
    });
}

/// The Snowball English stem of a folded, lower-case word. Words containing digits are
/// returned unchanged: years and numbers are matched exactly. Irregular verb forms
/// ("withdrew", "withdrawn", "fled") are first brought back to the verb, which Snowball
/// alone cannot do, so "withdrew troops" matches "troops withdrawn".
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit()) || word.len() <= 2 {
        return Cow::Borrowed(word);
    }
    if let Ok(i) = IRREGULAR.binary_search_by(|(form, _)| form.cmp(&word)) {
        return ENGLISH.stem(IRREGULAR[i].1);
    }
    if let Ok(i) = COMPARATIVES.binary_search_by(|(form, _)| form.cmp(&word)) {
        return ENGLISH.stem(COMPARATIVES[i].1);
    }
    ENGLISH.stem(word)
}

/// Comparative and superlative forms of common gradable adjectives, sorted by form.
/// Snowball leaves "-er"/"-est" alone, so a scheme's "higher pitch" missed "a high pitch";
/// the degree does not change which idea the word names. A closed list, because "-er" is
/// just as often part of the word ("water", "power", "order").
const COMPARATIVES: &[(&str, &str)] = &[
    ("bigger", "big"),
    ("biggest", "big"),
    ("closer", "close"),
    ("closest", "close"),
    ("colder", "cold"),
    ("coldest", "cold"),
    ("darker", "dark"),
    ("darkest", "dark"),
    ("deeper", "deep"),
    ("deepest", "deep"),
    ("faster", "fast"),
    ("fastest", "fast"),
    ("greater", "great"),
    ("greatest", "great"),
    ("harder", "hard"),
    ("hardest", "hard"),
    ("heavier", "heavy"),
    ("heaviest", "heavy"),
    ("higher", "high"),
    ("highest", "high"),
    ("hotter", "hot"),
    ("hottest", "hot"),
    ("larger", "large"),
    ("largest", "large"),
    ("louder", "loud"),
    ("loudest", "loud"),
    ("lower", "low"),
    ("lowest", "low"),
    ("quicker", "quick"),
    ("quickest", "quick"),
    ("shorter", "short"),
    ("shortest", "short"),
    ("slower", "slow"),
    ("slowest", "slow"),
    ("smaller", "small"),
    ("smallest", "small"),
    ("softer", "soft"),
    ("softest", "soft"),
    ("steeper", "steep"),
    ("steepest", "steep"),
    ("stronger", "strong"),
    ("strongest", "strong"),
    ("thicker", "thick"),
    ("thickest", "thick"),
    ("thinner", "thin"),
    ("thinnest", "thin"),
    ("tighter", "tight"),
    ("tightest", "tight"),
    ("warmer", "warm"),
    ("warmest", "warm"),
    ("weaker", "weak"),
    ("weakest", "weak"),
    ("wider", "wide"),
    ("widest", "wide"),
];

/// Irregular past forms common in history answers, sorted by form.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("dealt", "deal"),
    ("drawn", "draw"),
    ("drew", "draw"),
    ("driven", "drive"),
    ("drove", "drive"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("fell", "fall"),
    ("felt", "feel"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("fought", "fight"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("paid", "pay"),
    ("ran", "run"),
    ("risen", "rise"),
    ("rose", "rise"),
    ("said", "say"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("taken", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("took", "take"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("understood", "understand"),
    ("went", "go"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("won", "win"),
    ("written", "write"),
    ("wrote", "write"),
];

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
    fn irregular_verbs_share_a_stem() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(stem("withdrew"), stem("withdrawn"));
        assert_eq!(stem("withdrew"), stem("withdrawing"));
        assert_eq!(stem("fled"), stem("fleeing"));
    }

    #[test]
    fn comparatives_share_their_adjectives_stem() {
        assert!(COMPARATIVES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(stem("higher"), stem("high"));
        assert_eq!(stem("highest"), stem("high"));
        assert_eq!(stem("lower"), stem("low"));
        assert_eq!(stem("bigger"), stem("big"));
        // Words that only end like a comparative are left alone.
        assert_ne!(stem("water"), stem("wat"));
        assert_ne!(stem("power"), stem("pow"));
    }

    #[test]
    fn numbers_are_kept_exact() {
        assert_eq!(stem("1956"), "1956");
        assert_ne!(stem("1956"), stem("1965"));
    }
}
