//! Whether a point is *developed*: explained with a reason or consequence, or supported
//! with detail, in the sentence that makes it or the next one.

use super::matcher::{Hit, Index};
use crate::text::{Analysis, words};

/// Content words an explanation needs after its connective ("because it was bad" is not
/// an explanation; "because he wanted to weaken Stalin's supporters" is).
pub const MIN_EXPLANATION_WORDS: usize = 3;

/// A connective in the next sentence must open it (within this many tokens): "This
/// meant…", "As a result…".
const NEXT_SENTENCE_LEAD: usize = 4;

/// What the question's command word asks for, which decides what else develops a point
/// beside the scheme's listed details.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask {
    /// "Explain…", "Why…": an explanation develops a point.
    pub explains: bool,
    /// "Describe…": a date or figure beside the point supports it.
    pub describes: bool,
}

/// Whether the point made at `hit` is developed. `detail` holds the hits of the point's
/// `develop.accept` patterns; `None` means "any explanation counts". What the question
/// asks for (`ask`) may count an explanation, or a date or figure, beside the details.
pub fn developed(hit: &Hit, detail: Option<&[Hit]>, ask: Ask, ix: &Index) -> bool {
    // A string of keywords is not an explanation, however many detail words it holds.
    let a = ix.analysis;
    if !a
        .sentences
        .get(hit.sentence as usize)
        .is_some_and(|r| is_real_sentence(a, r.clone()))
    {
        return false;
    }
    match detail {
        Some(detail) => {
            // A detail supports the point even when the sentence denies it: "Stalin wanted
            // huge reparations but Truman didnt want to cripple Germany" shows what the
            // disagreement was. Words of the question are still no detail.
            detail.iter().any(|d| {
                !d.echo
                    && ((d.sentence == hit.sentence && (d.end <= hit.start || d.start >= hit.end))
                        || d.sentence == hit.sentence + 1)
            }) || (ask.explains && explained(hit, ix.analysis))
                || (ask.describes && dated(hit, ix))
        }
        None => explained(hit, ix.analysis),
    }
}

/// Whether the sentence of `hit` gives a date or figure outside the point's own words
/// and not taken from the question ("riots in Poland … in June 1956", "about 1,400
/// exiles"): the specific support a description asks for.
fn dated(hit: &Hit, ix: &Index) -> bool {
    let a = ix.analysis;
    a.sentences.get(hit.sentence as usize).is_some_and(|r| {
        r.clone().any(|t| {
            (t < hit.start as usize || t >= hit.end as usize)
                && a.tokens[t].number
                && !ix.is_question_word(t)
        })
    })
}

fn explained(hit: &Hit, a: &Analysis) -> bool {
    let s = hit.sentence as usize;
    let Some(range) = a.sentences.get(s) else {
        return false;
    };
    let outside = |t: usize| t < hit.start as usize || t >= hit.end as usize;
    let mut t = range.start;
    while t < range.end {
        // An answer that opens with a connective ("Because they didn't trust each other
        // and both wanted to be ahead") is answering the question: what follows is its
        // reasons, not explanations of them, so that opening develops nothing after it.
        // "Because of X, they Y" is another matter: it names a cause and goes on to say
        // what it did.
        let answers_question = s == 0
            && t == range.start
            && t < hit.start as usize
            && !(t + 1 < range.end && a.word(t + 1) == "of");
        if let Some(len) = connective_at(a, t, range.end)
            && outside(t)
            && !answers_question
        {
            let after = (t + len..range.end)
                .filter(|&u| outside(u) && is_content(a, u))
                .count();
            if after >= MIN_EXPLANATION_WORDS && !is_list(a, t + len..range.end) {
                return true;
            }
        }
        t += 1;
    }
    if let Some(next) = a.sentences.get(s + 1) {
        let lead_end = (next.start + NEXT_SENTENCE_LEAD).min(next.end);
        for t in next.start..lead_end {
            if let Some(len) = connective_at(a, t, next.end) {
                let after = (t + len..next.end).filter(|&u| is_content(a, u)).count();
                if after >= MIN_EXPLANATION_WORDS && !is_list(a, t + len..next.end) {
                    return true;
                }
            }
        }
    }
    false
}

/// Length of the connective starting at token `t`, if one does (longest first).
pub fn connective_at(a: &Analysis, t: usize, end: usize) -> Option<usize> {
    if !words::may_start_connective(a.word(t)) {
        return None;
    }
    words::CONNECTIVES
        .iter()
        .filter(|c| t + c.len() <= end && c.iter().enumerate().all(|(k, w)| a.word(t + k) == *w))
        .map(|c| c.len())
        .max()
        .or_else(|| causal_as(a, t, end).then_some(1))
}

/// Whether the "as" at token `t` means "because": it opens a clause whose verb follows its
/// subject within two words ("as Russia was invaded", "as the USSR had"), and it is not
/// part of a comparison ("as big as", "such as", "as well as") nor a time ("as soon as").
fn causal_as(a: &Analysis, t: usize, end: usize) -> bool {
    if a.word(t) != "as" || t + 2 >= end {
        return false;
    }
    let comparison = |u: usize| {
        matches!(
            a.word(u),
            "as" | "such" | "so" | "same" | "just" | "well" | "soon" | "long" | "far" | "much"
        )
    };
    let before = t.saturating_sub(3)..t;
    if before.clone().any(comparison) || comparison(t + 1) {
        return false;
    }
    let subject = a.word(t + 1);
    if words::is_finite_verb(subject) || a.tokens[t + 1].clause_break {
        return false;
    }
    (t + 2..(t + 4).min(end))
        .take_while(|&u| !a.tokens[u].clause_break)
        .any(|u| words::is_finite_verb(a.word(u)))
}

/// A word that carries meaning: not a stop word, and a real word (two letters or more, or
/// a number).
pub fn is_content(a: &Analysis, t: usize) -> bool {
    let w = a.word(t);
    !words::is_stop_word(w) && (w.len() >= 2 || a.tokens[t].number)
}

/// Whether tokens `range` read as a sentence rather than a fragment or a list of keywords:
/// five words or more with some function words, or four or more with a connective.
pub fn is_real_sentence(a: &Analysis, range: std::ops::Range<usize>) -> bool {
    let n = range.len();
    let function = range
        .clone()
        .filter(|&t| words::is_function_word(a.word(t)))
        .count();
    let connective = range
        .clone()
        .any(|t| connective_at(a, t, range.end).is_some());
    (n >= 5 && function >= 2) || (n >= 4 && connective && function >= 1)
}

/// Whether tokens `range` are a list ("because of the hotline, the test ban, the NPT and
/// SALT") rather than an explanation: three or more comma-separated items of four words
/// or fewer, making up most of the items.
pub fn is_list(a: &Analysis, range: std::ops::Range<usize>) -> bool {
    let mut items: Vec<usize> = Vec::new();
    let mut len = 0;
    for t in range {
        if a.tokens[t].clause_break && len > 0 {
            items.push(len);
            len = 0;
        }
        len += 1;
    }
    if len > 0 {
        items.push(len);
    }
    if items.len() < 3 {
        return false;
    }
    let short = items.iter().filter(|&&n| n <= 4).count();
    short >= 3 && short * 2 > items.len()
}
