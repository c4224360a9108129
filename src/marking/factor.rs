//! Which words of a question name the factor it sets for discussion.
//!
//! The echo rule gives nothing for words that only repeat the question: "the Soviet Union
//! invaded Hungary" earns nothing on a question about why it did. But some questions name a
//! factor and ask the student to weigh it — "'The main reason … was Nagy's decision to leave
//! the Warsaw Pact.' How far do you agree?", "Was Kennedy's leadership the main reason …?",
//! "How important was Sputnik in the arms race?" — and there, discussing that factor *is*
//! the task: "Nagy announced Hungary would leave the Warsaw Pact on 1 November" is the
//! first thing a good answer says. So the factor's words are not echo; the event being
//! explained (the invasion, the arms race) still is.
//!
//! Which questions name a factor, and where in the question the factor stands, is read
//! from the question's shape, by the closed tables below (the way examiners in any subject
//! phrase such questions), never from a list of questions.

use crate::text::{analyse, stem, words};
use std::collections::HashSet;

/// Command words that set a stated claim or factor for the student to weigh. A question
/// with one of these and a statement before it ("'…' How far do you agree?") has that
/// statement as its factor.
const WEIGHING_COMMANDS: &[&[&str]] = &[
    &["how", "far"],
    &["to", "what", "extent"],
    &["do", "you", "agree"],
    &["how", "important"],
    &["how", "significant"],
    &["assess"],
    &["evaluate"],
];

/// Words that single out one factor among several ("the *main* reason").
const SINGLING: &[&[&str]] = &[
    &["main"],
    &["most", "important"],
    &["most", "significant"],
    &["chief"],
    &["principal"],
    &["primary"],
    &["biggest"],
    &["greatest"],
    &["key"],
];

/// What the singled-out thing is ("the main *reason*"), singular (plurals are folded).
const FACTOR_NOUNS: &[&str] = &[
    "reason",
    "cause",
    "factor",
    "aim",
    "motive",
    "purpose",
    "goal",
    "consequence",
    "result",
    "effect",
    "development",
    "achievement",
    "threat",
    "problem",
    "explanation",
    "turning",
];

/// Adverbs that make the rest of a claim its cause ("Stalin blockaded Berlin *mainly
/// because of* the new currency").
const MAINLY: &[&str] = &[
    "mainly",
    "chiefly",
    "largely",
    "mostly",
    "primarily",
    "principally",
];

/// Verbs that join a factor to what it explains ("X *was* the main reason", "the main
/// reason … *was* X").
fn is_copula(w: &str) -> bool {
    matches!(w, "was" | "were" | "is" | "are")
}

/// Prepositions that end the factor in "How important was X *in* Y?".
fn ends_factor(w: &str) -> bool {
    matches!(
        w,
        "in" | "for" | "to" | "as" | "during" | "on" | "at" | "within" | "between"
    )
}

/// Whether `w` is a past participle, so that "was built" is a passive, not "was X": the
/// regular "-ed" and "-en" forms and the common irregular ones.
fn is_participle(w: &str) -> bool {
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")))
        || matches!(
            w,
            "built"
                | "made"
                | "held"
                | "set"
                | "put"
                | "sent"
                | "kept"
                | "left"
                | "lost"
                | "won"
                | "led"
                | "fought"
                | "brought"
                | "bought"
                | "caught"
                | "taught"
                | "shot"
                | "spent"
                | "told"
                | "sold"
                | "done"
                | "seen"
                | "known"
                | "shown"
                | "met"
                | "split"
                | "cut"
                | "hit"
                | "begun"
                | "run"
                | "struck"
                | "found"
        )
}

/// The words of `question_text` that name the factor it asks the student to weigh, less
/// those the rest of the question also uses (they stay echo). Empty when the question names
/// no factor. `command` is the question's command word ("How far do you agree"), which may
/// say so when the text alone does not.
pub fn stated_factor_words(question_text: &str, command: &str) -> Vec<String> {
    let a = analyse(question_text);
    let sentences: Vec<Vec<&str>> = a
        .sentences
        .iter()
        .map(|r| r.clone().map(|t| a.word(t)).collect())
        .collect();
    let weighing = weighs(&words_of(command)) || sentences.iter().any(|s| weighs(s.as_slice()));
    let mut factor: Vec<&str> = Vec::new();
    let mut rest: Vec<&str> = Vec::new();
    let mut found = false;
    for s in &sentences {
        match split(s) {
            Some((f, other)) if !found => {
                found = true;
                factor.extend(f);
                rest.extend(other);
            }
            _ => rest.extend(s.iter().copied()),
        }
    }
    if !found && weighing {
        // "'The West let Hungary down in 1956.' How far do you agree with this statement?":
        // the statement before the command is the claim to weigh; "How far do you agree
        // that …" puts it after.
        rest.clear();
        let at = sentences.iter().position(|s| weighs(s.as_slice()));
        for (i, s) in sentences.iter().enumerate() {
            let before_command = at.is_some_and(|at| i < at);
            let claim_after = (Some(i) == at).then(|| claim_after_command(s)).flatten();
            if before_command {
                factor.extend(s.iter().copied());
            } else if let Some(k) = claim_after {
                rest.extend(&s[..k]);
                factor.extend(&s[k..]);
            } else {
                rest.extend(s.iter().copied());
            }
        }
    }
    let rest: HashSet<String> = rest
        .iter()
        .filter(|w| !words::is_stop_word(w))
        .map(|w| stem(w).into_owned())
        .collect();
    let mut out: Vec<String> = Vec::new();
    for w in factor {
        if !words::is_stop_word(w)
            && !rest.contains(stem(w).as_ref())
            && !out.iter().any(|o| o == w)
        {
            out.push(w.to_string());
        }
    }
    out
}

fn words_of(text: &str) -> Vec<String> {
    let a = analyse(text);
    (0..a.tokens.len()).map(|i| a.word(i).to_string()).collect()
}

/// Whether the words hold a weighing command ("how far", "to what extent").
fn weighs<S: AsRef<str>>(ws: &[S]) -> bool {
    WEIGHING_COMMANDS
        .iter()
        .any(|cmd| find(ws, cmd, 0).is_some())
}

/// Where `needle` first occurs in `ws` at or after `from`.
fn find<S: AsRef<str>>(ws: &[S], needle: &[&str], from: usize) -> Option<usize> {
    (from..ws.len()).find(|&i| {
        i + needle.len() <= ws.len()
            && needle
                .iter()
                .enumerate()
                .all(|(k, n)| ws[i + k].as_ref() == *n)
    })
}

/// "How far do you agree that the USSR was to blame": the claim after "that".
fn claim_after_command(s: &[&str]) -> Option<usize> {
    let cmd = WEIGHING_COMMANDS
        .iter()
        .find_map(|c| find(s, c, 0).map(|i| i + c.len()))?;
    let that = (cmd..s.len()).find(|&i| s[i] == "that")?;
    (that + 1 < s.len()).then_some(that + 1)
}

/// The span `(start, end)` of a singling phrase and its noun ("main reason", "most
/// important development"), if the sentence has one.
fn singled(s: &[&str]) -> Option<(usize, usize)> {
    for i in 0..s.len() {
        for single in SINGLING {
            let end = i + single.len();
            if end < s.len()
                && find(&s[i..end], single, 0) == Some(0)
                && FACTOR_NOUNS.contains(&s[end].strip_suffix('s').unwrap_or(s[end]))
            {
                return Some((i, end + 1));
            }
        }
    }
    None
}

/// Split one sentence into the factor it names and the rest, by its shape.
fn split<'s>(s: &[&'s str]) -> Option<(Vec<&'s str>, Vec<&'s str>)> {
    let join = |parts: &[&[&'s str]]| parts.iter().flat_map(|p| p.iter().copied()).collect();
    if let Some((ms, me)) = singled(s) {
        let the = ms > 0 && s[ms - 1] == "the";
        // "Was Kennedy's leadership the main reason nuclear war was avoided?"
        if the && ms > 2 && matches!(s[0], "was" | "were" | "is" | "are" | "did") {
            return Some((s[1..ms - 1].to_vec(), join(&[&s[..1], &s[ms - 1..]])));
        }
        // "The cost of the arms race was the main reason for détente."
        if the && ms >= 3 && is_copula(s[ms - 2]) {
            return Some((s[..ms - 2].to_vec(), s[ms - 2..].to_vec()));
        }
        // "The main reason the Berlin Wall was built in 1961 was to stop East Germans…":
        // the factor follows the first copula that is not a passive's.
        if ms <= 1 {
            let k = (me..s.len().saturating_sub(1))
                .find(|&k| is_copula(s[k]) && !is_participle(s[k + 1]))?;
            return Some((s[k + 1..].to_vec(), s[..k + 1].to_vec()));
        }
        return None;
    }
    // "How important was Sputnik in the arms race?"
    for cmd in [["how", "important"], ["how", "significant"]] {
        if let Some(i) = find(s, &cmd, 0) {
            let v = i + 2;
            if v < s.len() && is_copula(s[v]) {
                let end = (v + 1..s.len())
                    .find(|&k| ends_factor(s[k]))
                    .unwrap_or(s.len());
                if end > v + 1 {
                    return Some((s[v + 1..end].to_vec(), join(&[&s[..v + 1], &s[end..]])));
                }
            }
        }
    }
    // "Stalin blockaded Berlin mainly because of the new currency."
    let m = (0..s.len()).find(|&i| MAINLY.contains(&s[i]))?;
    let after = match s.get(m + 1..m + 3) {
        Some(["because", "of"]) | Some(["due", "to"]) | Some(["caused", "by"]) => m + 3,
        _ if s.get(m + 1) == Some(&"because") => m + 2,
        _ => return None,
    };
    (after < s.len()).then(|| (s[after..].to_vec(), s[..m].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::stated_factor_words;

    fn factor(text: &str, command: &str) -> String {
        stated_factor_words(text, command).join(" ")
    }

    #[test]
    fn the_main_reason_for_an_event_was_the_factor() {
        let q = "'The main reason the Soviet Union invaded Hungary in November 1956 was Nagy's \
                 decision to leave the Warsaw Pact.' How far do you agree with this statement? \
                 Explain your answer.";
        assert_eq!(
            factor(q, "How far do you agree"),
            "nagy decision leave warsaw pact"
        );
        // A passive before the factor's copula is part of the event.
        let q = "\"The main reason the Berlin Wall was built in 1961 was to stop East Germans \
                 escaping to the West.\" How far do you agree?";
        assert_eq!(factor(q, ""), "stop east germans escaping west");
    }

    #[test]
    fn the_factor_was_the_main_reason_for_an_event() {
        let q = "\"The cost of the arms race was the main reason for detente between 1963 and \
                 1972.\" How far do you agree with this statement?";
        assert_eq!(factor(q, "How far do you agree"), "cost arms race");
        let q = "Was Kennedy's leadership the main reason nuclear war was avoided in 1962?";
        assert_eq!(factor(q, "Was"), "kennedy leadership");
        let q = "'The launch of Sputnik in 1957 was the most important development in the arms \
                 race.' How far do you agree?";
        assert_eq!(factor(q, ""), "launch sputnik 1957");
    }

    #[test]
    fn other_shapes_that_name_a_factor() {
        let q = "How important was the U2 incident in the breakdown of the Paris summit?";
        assert_eq!(factor(q, "How important"), "u2 incident");
        let q = "'Stalin blockaded Berlin mainly because of the new currency.' How far do you \
                 agree?";
        assert_eq!(factor(q, ""), "new currency");
        // Any subject: a claim to weigh, stated before the command or after "that".
        let q = "'Photosynthesis is the only source of oxygen in the atmosphere.' To what \
                 extent is this true?";
        assert_eq!(
            factor(q, "To what extent"),
            "photosynthesis source oxygen atmosphere"
        );
        let q = "How far do you agree that the West let Hungary down?";
        assert_eq!(factor(q, "How far do you agree"), "west let hungary down");
    }

    #[test]
    fn questions_that_name_no_factor_have_none() {
        for (q, command) in [
            (
                "Explain why the Soviet Union invaded Hungary in 1956.",
                "Explain",
            ),
            ("Describe two problems faced by Kennedy.", "Describe"),
            (
                "Explain the main reason why the Berlin Wall was built.",
                "Explain",
            ),
            ("What is the voltage of the battery?", "What"),
        ] {
            assert_eq!(factor(q, command), "", "{q}");
        }
    }
}
