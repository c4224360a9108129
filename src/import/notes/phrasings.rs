//! Drafting a point's accepted phrasings from its own words: the point's most telling
//! content words (names, dates and words no other point of the question uses), offered in
//! pairs — "Cominform closed", "troops Austria" — so that an answer that says the point in
//! other words around two of them earns it, never the whole sentence as one phrase a
//! student would have to repeat. A word of one of the subject's synonym groups is written
//! as the group (`@ussr`), so every member of the group counts.

use crate::model::SynonymFile;
use crate::text::fold::fold;
use crate::text::stem;
use crate::text::words::{is_negator, is_stop_word};
use std::collections::BTreeSet;

/// A word of a point, as a phrasing can use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// As written in a phrase: the word as the notes spell it, or `@group`.
    pub text: String,
    /// The stems it stands for (several for a word of several parts, "De-Stalinisation").
    pub stems: Vec<String>,
    /// How telling it is: names and figures, words no other point uses, longer words
    /// score higher; words of the question and weak words lower.
    pub score: i32,
    /// Only repeats the question.
    pub echo: bool,
    /// Says little on its own ("made", "began", "down").
    pub weak: bool,
    /// Position in the point, for writing pairs in the notes' order.
    pub position: usize,
    /// Which sentence of the point it is in: a pair's words must share one, as the marker
    /// matches a phrase within a sentence.
    pub sentence: usize,
}

/// The words of `text` as (as written, stem of each part, sentence number) with whether
/// each starts a sentence: split at spaces and punctuation, keeping hyphenated words whole
/// and dropping a possessive "'s".
pub fn words(text: &str) -> Vec<(String, Vec<String>, bool)> {
    sentence_words(text)
        .into_iter()
        .map(|(w, s, start, _)| (w, s, start))
        .collect()
}

fn sentence_words(text: &str) -> Vec<(String, Vec<String>, bool, usize)> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut sentence = 0;
    for raw in text.split(|c: char| c.is_whitespace() || c == '/') {
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let ends_sentence = raw.ends_with(['.', '!', '?', ':', ';']);
        let word = trimmed
            .strip_suffix("'s")
            .or_else(|| trimmed.strip_suffix("\u{2019}s"))
            .unwrap_or(trimmed);
        if !word.is_empty() {
            let stems = fold(word)
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|p| !p.is_empty())
                .map(|p| stem(p).into_owned())
                .collect::<Vec<_>>();
            if !stems.is_empty() {
                out.push((word.to_string(), stems, sentence_start, sentence));
            }
            sentence_start = false;
        }
        if ends_sentence {
            sentence_start = true;
            if raw.ends_with(['.', '!', '?', ';']) {
                sentence += 1;
            }
        }
    }
    out
}

/// Words that say little on their own: they may partner a telling word, never make a
/// pair with another weak word.
const WEAK: &[&str] = &[
    "able",
    "around",
    "away",
    "back",
    "began",
    "begin",
    "between",
    "came",
    "come",
    "contents",
    "did",
    "down",
    "gave",
    "give",
    "go",
    "good",
    "got",
    "great",
    "group",
    "help",
    "helped",
    "idea",
    "important",
    "key",
    "kind",
    "known",
    "later",
    "lead",
    "led",
    "like",
    "made",
    "main",
    "make",
    "nature",
    "new",
    "number",
    "part",
    "people",
    "period",
    "place",
    "point",
    "position",
    "possible",
    "put",
    "said",
    "seemed",
    "seen",
    "series",
    "set",
    "show",
    "showed",
    "start",
    "started",
    "still",
    "such",
    "take",
    "thing",
    "things",
    "time",
    "took",
    "type",
    "use",
    "used",
    "way",
    "ways",
    "well",
    "went",
    "whole",
    "year",
    "years",
];

/// The subject's synonym groups, as stems to look words up by.
#[derive(Debug, Default)]
pub struct Groups {
    /// (member's content stems, group name), longest members first.
    members: Vec<(Vec<String>, String)>,
}

impl Groups {
    /// The groups of a subject's synonym file.
    pub fn new(file: Option<&SynonymFile>) -> Groups {
        let mut members = Vec::new();
        for (name, list) in file.iter().flat_map(|f| f.groups.iter()) {
            for member in list {
                let stems: Vec<String> = fold(member)
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty() && !is_stop_word(w))
                    .map(|w| stem(w).into_owned())
                    .collect();
                if !stems.is_empty() {
                    members.push((stems, name.clone()));
                }
            }
        }
        members.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        Groups { members }
    }

    /// The group whose member is `stems` at the start, with how many stems it takes.
    fn at(&self, stems: &[String]) -> Option<(&str, usize)> {
        self.members.iter().find_map(|(member, name)| {
            stems
                .starts_with(member)
                .then_some((name.as_str(), member.len()))
        })
    }
}

/// What tells a point's words apart: the stems of the question (words that only repeat
/// it earn nothing), of the question's other points (a word they share tells this point
/// from none of them), and those common to the whole page (USSR, Khrushchev on a page
/// about De-Stalinisation: they tell nothing apart either).
#[derive(Debug, Default)]
pub struct Around<'a> {
    /// Stems of the question.
    pub question: BTreeSet<String>,
    /// Stems of the question's other points.
    pub elsewhere: BTreeSet<String>,
    /// Stems found in many of the page's answers.
    pub common: Option<&'a BTreeSet<String>>,
}

/// The content words of a point, scored.
pub fn keys(point: &str, around: &Around<'_>, groups: &Groups) -> Vec<Key> {
    let question = &around.question;
    let words = sentence_words(point);
    let flat: Vec<String> = words.iter().flat_map(|w| w.1.iter().cloned()).collect();
    // Where each word's stems start in `flat`.
    let mut starts = Vec::with_capacity(words.len());
    let mut n = 0;
    for w in &words {
        starts.push(n);
        n += w.1.len();
    }
    let mut keys: Vec<Key> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (word, stems, sentence_start, sentence) = &words[i];
        let lower = fold(word);
        if is_negator(&lower) || (stems.len() == 1 && is_stop_word(&lower)) {
            i += 1;
            continue;
        }
        if let Some((group, len)) = groups.at(&flat[starts[i]..]) {
            // The group covers this word and those after it that make up the member.
            let mut taken = 0;
            let mut j = i;
            while j < words.len() && taken < len {
                taken += words[j].1.len();
                j += 1;
            }
            let covered: Vec<String> = flat[starts[i]..starts[i] + len].to_vec();
            let echo = covered.iter().all(|s| question.contains(s));
            // A group is the subject's everyday vocabulary, not a name to anchor on.
            keys.push(scored(
                format!("@{group}"),
                covered,
                (false, echo, false),
                around,
                (i, *sentence),
            ));
            i = j;
            continue;
        }
        let name = (word.chars().next().is_some_and(char::is_uppercase) && !sentence_start)
            || word.chars().any(|c| c.is_ascii_digit())
            || (word.len() > 1 && word.chars().all(|c| c.is_uppercase()));
        let echo = stems.iter().all(|s| question.contains(s));
        let weak = WEAK.contains(&lower.as_str()) || (lower.len() < 3 && !name);
        keys.push(scored(
            word.clone(),
            stems.clone(),
            (name, echo, weak),
            around,
            (i, *sentence),
        ));
        i += 1;
    }
    // One key per word: "weaken … weaken", or "USA … America" (both `@usa`), is one word
    // of the point.
    let mut seen = BTreeSet::new();
    let mut seen_text = BTreeSet::new();
    keys.retain(|k| seen.insert(k.stems.clone()) && seen_text.insert(k.text.clone()));
    keys
}

/// A key scored from (name, echo, weak) and where it stands (position, sentence).
fn scored(
    text: String,
    stems: Vec<String>,
    (name, echo, weak): (bool, bool, bool),
    around: &Around<'_>,
    (position, sentence): (usize, usize),
) -> Key {
    let unique = !stems.iter().any(|s| around.elsewhere.contains(s));
    let common = around
        .common
        .is_some_and(|c| stems.iter().all(|s| c.contains(s)));
    let long = text.chars().count() >= 6;
    let score = 3 * i32::from(name) + 2 * i32::from(unique) + i32::from(long)
        - 4 * i32::from(echo)
        - 2 * i32::from(weak)
        - 2 * i32::from(common);
    Key {
        text,
        stems,
        score,
        echo,
        weak,
        position,
        sentence,
    }
}

/// The score a word must reach to partner a weak word: a name, a figure, or a word only
/// this point has.
const STRONG: i32 = 4;

/// The most a point's pairs are drawn from.
const MAX_KEYS: usize = 4;
/// The most candidate phrasings offered for a point.
const MAX_PHRASES: usize = 6;

/// Candidate phrasings for a point, best first: pairs of its most telling words (in the
/// notes' order), never two words that only repeat the question or say little; a point
/// with one content word offers that word.
pub fn candidates(keys: &[Key]) -> Vec<String> {
    let mut best: Vec<&Key> = keys.iter().collect();
    best.sort_by(|a, b| b.score.cmp(&a.score).then(a.position.cmp(&b.position)));
    best.truncate(MAX_KEYS);
    best.sort_by_key(|k| k.position);
    if best.len() == 1 {
        return vec![best[0].text.clone()];
    }
    let mut pairs: Vec<(i32, String)> = Vec::new();
    for (i, a) in best.iter().enumerate() {
        for b in &best[i + 1..] {
            let idle = |k: &Key| k.echo || k.weak;
            let weak_pair = (a.weak && b.score < STRONG) || (b.weak && a.score < STRONG);
            if (idle(a) && idle(b)) || weak_pair || a.sentence != b.sentence {
                continue;
            }
            pairs.push((a.score + b.score, format!("{} {}", a.text, b.text)));
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    pairs
        .into_iter()
        .map(|(_, p)| p)
        .take(MAX_PHRASES)
        .collect()
}

/// Every key of a point's text, as stems, for telling points apart.
pub fn stems_of(text: &str) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .flat_map(|w| w.1)
        .filter(|s| !is_stop_word(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Groups {
        let file: SynonymFile = serde_yaml::from_str(
            "subject: history\ngroups:\n  ussr: [the USSR, Soviet Union, Soviet]\n  troops: [troops, soldiers]\n  eastern-europe: [Eastern Europe, Eastern Bloc]\n  cominform: [Cominform]\n",
        )
        .unwrap();
        Groups::new(Some(&file))
    }

    fn draft(point: &str, question: &str, others: &[&str]) -> Vec<String> {
        let around = Around {
            question: stems_of(question),
            elsewhere: others.iter().flat_map(|o| stems_of(o)).collect(),
            common: None,
        };
        candidates(&keys(point, &around, &groups()))
    }

    #[test]
    fn pairs_of_telling_words_with_synonym_groups() {
        let got = draft(
            "Soviet troops were withdrawn from Austria, where they had been since 1945.",
            "What actions did De-Stalinisation lead to?",
            &["Cominform was closed down.", "Soviet leaders visited Tito."],
        );
        assert!(got.contains(&"withdrawn Austria".to_string()), "{got:?}");
        assert!(got.iter().any(|p| p.contains("@troops")), "{got:?}");
        assert!(got.iter().all(|p| p.split(' ').count() == 2), "{got:?}");
        assert!(got.len() <= MAX_PHRASES);
    }

    #[test]
    fn several_word_members_and_echo_words() {
        let got = draft(
            "People in Eastern Europe expected more freedom.",
            "What did people in Eastern Europe expect?",
            &[],
        );
        // "Eastern Europe" is one group word, and repeats the question: it only partners.
        assert!(
            got.iter().any(|p| p == "@eastern-europe freedom"),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|p| p == "@eastern-europe expected"),
            "{got:?}"
        );
    }

    #[test]
    fn pairs_stay_in_one_sentence_and_weak_words_need_a_strong_partner() {
        let got = draft(
            "Polish workers rioted in 1956. Gomulka was appointed.",
            "What happened?",
            &[],
        );
        assert!(!got.iter().any(|p| p.contains("1956 Gomulka")), "{got:?}");
        assert!(got.contains(&"Polish workers".to_string()), "{got:?}");
        let got = draft("Cominform was closed down.", "What happened?", &[]);
        assert!(!got.contains(&"closed down".to_string()), "{got:?}");
        assert!(got.contains(&"@cominform closed".to_string()), "{got:?}");
    }

    #[test]
    fn a_point_of_one_word_offers_it() {
        assert_eq!(draft("Cominform.", "What was closed?", &[]), ["@cominform"]);
        assert_eq!(draft("Tito.", "Who was invited?", &[]), ["Tito"]);
    }

    #[test]
    fn names_are_capitals_inside_a_sentence() {
        let k = keys(
            "Tito was invited to Moscow.",
            &Around::default(),
            &Groups::default(),
        );
        let moscow = k.iter().find(|k| k.text == "Moscow").unwrap();
        let tito = k.iter().find(|k| k.text == "Tito").unwrap();
        assert!(moscow.score > tito.score, "{k:?}");
    }
}
