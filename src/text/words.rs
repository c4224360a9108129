//! Word lists the marker needs: stop words, negators, clause boundaries and the
//! connectives that introduce an explanation. All entries are folded lower-case words as
//! the tokeniser produces them ("n't" is produced as "not").

use super::stems::stem;
use std::sync::LazyLock;

/// Words that carry little meaning on their own: optional in a scheme's phrases and not
/// counted as "real content" when judging whether a point was explained.
pub fn is_stop_word(word: &str) -> bool {
    // A `match` compiles to a length switch and a few byte comparisons: this runs for
    // every token of every answer.
    if word.len() > 8 {
        return false;
    }
    matches!(
        word,
        "a" | "about"
            | "after"
            | "again"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "became"
            | "been"
            | "before"
            | "being"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "doing"
            | "during"
            | "each"
            | "even"
            | "for"
            | "from"
            | "further"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "hers"
            | "him"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "just"
            | "lot"
            | "lots"
            | "many"
            | "me"
            | "more"
            | "most"
            | "much"
            | "my"
            | "of"
            | "off"
            | "on"
            | "once"
            | "one"
            | "only"
            | "onto"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "own"
            | "quite"
            | "really"
            | "same"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "to"
            | "too"
            | "up"
            | "upon"
            | "us"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
    )
}

/// The stop words as a list (the `match` above is the fast path; a test keeps them equal).
#[cfg(test)]
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "became", "been", "before", "being", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "during", "each", "even", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "lot", "lots", "many", "me", "more", "most", "much", "my", "of",
    "off", "on", "once", "one", "only", "onto", "or", "other", "our", "out", "over", "own",
    "quite", "really", "same", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your",
];

/// Whether a stop word may be left out when a scheme's phrase is matched. Most may ("the",
/// "of", "was"), but a few decide what the phrase says: "same path" is not "path", "more
/// water" is not "water", "only one variable" is not "variable". Those stay required
/// wherever a scheme author writes them; they remain stop words everywhere else (gaps,
/// fuzziness, what counts as real content).
pub fn is_optional_in_phrase(word: &str) -> bool {
    is_stop_word(word) && MEANINGFUL_STOP_WORDS.binary_search(&word).is_err()
}

/// Sorted, so lookups are a binary search.
const MEANINGFUL_STOP_WORDS: &[&str] = &[
    "further", "more", "most", "off", "one", "only", "other", "out", "over", "own", "same", "too",
    "up",
];

/// Words that state something as not happening.
pub fn is_negator(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "no"
            | "nor"
            | "neither"
            | "without"
            | "none"
            | "nothing"
            | "nobody"
            | "cannot"
    )
}

/// Pairs of opposites, as words: a word denied says its opposite ("not the same" is
/// "different", "no difference" is "the same", "not separated" is "connected", "not as
/// high" is "lower"). A closed list of everyday opposites that students use this way
/// whatever the subject, since a stemmer or a synonym list cannot know them: only words
/// whose denial is the other word's plain meaning, so not "more"/"less" ("no more" means
/// "no longer") nor "increase"/"decrease" ("did not increase" may mean it stayed the same).
const OPPOSITES: &[(&str, &str)] = &[
    ("absent", "present"),
    ("alive", "dead"),
    ("big", "small"),
    ("closed", "open"),
    ("cold", "hot"),
    ("complete", "incomplete"),
    ("connected", "disconnected"),
    ("connected", "separated"),
    ("different", "same"),
    // Not "united", which is mostly the United States or the United Nations.
    ("divided", "reunified"),
    ("divided", "reunited"),
    ("divided", "unified"),
    ("equal", "unequal"),
    ("fast", "slow"),
    ("hard", "soft"),
    ("high", "low"),
    ("keep", "lose"),
    ("kept", "lost"),
    ("large", "small"),
    ("little", "much"),
    ("possible", "impossible"),
    ("strong", "weak"),
    ("true", "false"),
    ("visible", "invisible"),
];

/// The opposites table by stem, both ways round: `(stem, opposite's stem, opposite)`.
static OPPOSITE_STEMS: LazyLock<Vec<(String, String, &'static str)>> = LazyLock::new(|| {
    let mut out = Vec::with_capacity(2 * OPPOSITES.len());
    for &(a, b) in OPPOSITES {
        out.push((stem(a).into_owned(), stem(b).into_owned(), b));
        out.push((stem(b).into_owned(), stem(a).into_owned(), a));
    }
    out
});

/// The opposites of the word with stem `word_stem`, each as `(stem, word)`: a scheme's
/// word is also matched by its opposite with a negator governing it.
pub fn opposites(word_stem: &str) -> impl Iterator<Item = (&'static str, &'static str)> {
    OPPOSITE_STEMS
        .iter()
        .filter(move |(s, _, _)| s == word_stem)
        .map(|(_, o, w)| (o.as_str(), *w))
}

/// Negators that say the same thing in a phrase that denies something: a scheme's "no gap"
/// is "not a gap", "never a gap", "without a gap"; its "did not help" is "no help". Not the
/// pronouns ("nothing", "nobody", "none"), which say more than "not".
pub fn is_plain_negator(word: &str) -> bool {
    PLAIN_NEGATORS.contains(&word)
}

/// The negators [`is_plain_negator`] accepts, each standing for any other.
pub const PLAIN_NEGATORS: &[&str] = &["never", "no", "not", "without"];

/// A negator followed by this word is not a negation ("not only", "no doubt"). Nor is one
/// offered as an alternative: in "none or very little vitamin C" the "none" is one answer
/// and "very little vitamin C" the other, not denied by it.
pub fn cancels_negation(next: &str) -> bool {
    matches!(
        next,
        "only" | "just" | "least" | "doubt" | "merely" | "simply" | "or"
    )
}

/// Words that open a new clause: a negator before them does not reach past them.
pub fn is_clause_boundary(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "although"
            | "though"
            | "however"
            | "whereas"
            | "yet"
            | "while"
            | "whilst"
            | "because"
            | "since"
            | "so"
            | "and"
            | "then"
            | "instead"
            | "which"
            | "who"
            | "therefore"
            | "thus"
    )
}

/// Pronouns that open a clause as its subject ("they are", "it was").
pub fn is_subject_pronoun(word: &str) -> bool {
    matches!(
        word,
        "i" | "he" | "she" | "it" | "we" | "they" | "you" | "there"
    )
}

/// Auxiliaries and forms of "be"/"have"/"do" that follow a subject at the start of a clause.
pub fn is_finite_verb(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "does"
            | "do"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "must"
            | "should"
            | "may"
            | "might"
    )
}

/// Whether `word` can begin one of the [`CONNECTIVES`] (a cheap filter before comparing
/// whole phrases).
pub fn may_start_connective(word: &str) -> bool {
    matches!(
        word,
        "because"
            | "as"
            | "so"
            | "therefore"
            | "thus"
            | "hence"
            | "consequently"
            | "which"
            | "this"
            | "it"
            | "that"
            | "meaning"
            | "led"
            | "leading"
            | "resulting"
            | "resulted"
            | "in"
            | "caused"
            | "causing"
            | "showing"
            | "due"
            | "since"
            | "allowing"
            | "the"
            | "for"
            | "such"
    )
}

/// Phrases that introduce a reason, consequence or purpose: an explanation follows.
pub const CONNECTIVES: &[&[&str]] = &[
    &["because"],
    &["as", "a", "result"],
    &["as", "a", "consequence"],
    &["so", "that"],
    &["so"],
    &["therefore"],
    &["thus"],
    &["hence"],
    &["consequently"],
    &["which", "meant"],
    &["which", "means"],
    &["this", "meant"],
    &["this", "means"],
    &["it", "meant"],
    &["that", "meant"],
    &["meaning"],
    &["which", "led"],
    &["this", "led"],
    &["it", "led"],
    &["led", "to"],
    &["leading", "to"],
    &["resulting", "in"],
    &["resulted", "in"],
    &["in", "order", "to"],
    &["so", "as", "to"],
    &["caused"],
    &["causing"],
    &["this", "showed"],
    &["which", "showed"],
    &["this", "shows"],
    &["which", "shows"],
    &["which", "leads"],
    &["this", "leads"],
    &["it", "leads"],
    &["this", "makes"],
    &["which", "makes"],
    &["which", "gives"],
    &["this", "gives"],
    &["which", "allows"],
    &["this", "allows"],
    &["showing"],
    &["due", "to"],
    &["since"],
    &["as", "he"],
    &["as", "they"],
    &["as", "it"],
    &["this", "made"],
    &["which", "made"],
    &["which", "gave"],
    &["this", "gave"],
    &["allowing"],
    &["which", "allowed"],
    &["this", "allowed"],
    &["this", "was", "because"],
    &["the", "reason"],
    &["for", "example"],
    &["for", "instance"],
    &["such", "as"],
];

/// Words that mark a stretch of text as prose rather than a list of keywords: a real
/// sentence has some of them.
pub fn is_function_word(word: &str) -> bool {
    is_stop_word(word) || is_negator(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opposites_are_found_by_stem_both_ways_round() {
        let of = |w: &str| opposites(&stem(w)).map(|(_, w)| w).collect::<Vec<_>>();
        assert_eq!(of("difference"), ["same"]);
        assert_eq!(of("same"), ["different"]);
        assert_eq!(of("connected"), ["disconnected", "separated"]);
        assert_eq!(of("separate"), ["connected"]);
        assert_eq!(of("lower"), ["high"]);
        assert!(of("more").is_empty() && of("increase").is_empty());
        assert_eq!(of("reunited"), ["divided"]);
        assert!(of("united").is_empty());
        assert!(of("kept").contains(&"lost") && of("lost").contains(&"kept"));
    }

    #[test]
    fn every_connective_passes_the_filter() {
        assert!(CONNECTIVES.iter().all(|c| may_start_connective(c[0])));
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(is_stop_word("the"));
        assert!(is_optional_in_phrase("the"));
        assert!(is_stop_word("same") && !is_optional_in_phrase("same"));
        assert!(MEANINGFUL_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(MEANINGFUL_STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!is_stop_word("not"));
        assert!(!is_stop_word("prisoners"));
    }
}
