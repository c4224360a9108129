//! Multiple choice: which option did the student pick?

use super::result::{Evidence, Mark, MarkResult, PointOutcome, PointStatus};
use crate::model::ChoiceOption;
use crate::text::{Analysis, analyse, words};

/// The right answer and the options, folded for comparison.
#[derive(Debug, Clone)]
pub struct ChoiceKey {
    /// The correct option's label, folded ("b").
    correct: String,
    /// The label as written in the scheme ("B").
    correct_label: String,
    /// Every option: folded label and the folded content words of its text.
    options: Vec<(String, Vec<String>)>,
}

/// Words a student may wrap a letter in: "answer: B", "I think it is (b)".
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "answer"
            | "option"
            | "choice"
            | "letter"
            | "is"
            | "the"
            | "it"
            | "i"
            | "think"
            | "my"
            | "correct"
            | "right"
            | "its"
            | "would"
            | "be"
            | "say"
            | "pick"
            | "choose"
            | "final"
            | "or"
            | "and"
            | "maybe"
            | "perhaps"
            | "either"
    )
}

impl ChoiceKey {
    /// The key for `correct` among `options` (which may be empty: then only letters are
    /// understood).
    pub fn new(correct: &str, options: &[ChoiceOption]) -> ChoiceKey {
        ChoiceKey {
            correct: crate::text::fold::fold(correct.trim()),
            correct_label: correct.trim().to_string(),
            options: options
                .iter()
                .map(|o| {
                    let a = analyse(&o.text);
                    let content = (0..a.tokens.len())
                        .filter(|&i| !words::is_stop_word(a.word(i)))
                        .map(|i| a.stem(i).to_string())
                        .collect();
                    (crate::text::fold::fold(o.label.trim()), content)
                })
                .collect(),
        }
    }

    fn is_label(&self, w: &str) -> bool {
        if self.options.is_empty() {
            w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic()
        } else {
            self.options.iter().any(|(l, _)| l == w)
        }
    }
}

/// The options whose text's content words all appear in the answer from token `from` on.
fn named_options<'k>(key: &'k ChoiceKey, a: &Analysis, from: usize) -> Vec<&'k str> {
    let stems: Vec<&str> = (from..a.tokens.len()).map(|i| a.stem(i)).collect();
    key.options
        .iter()
        .filter(|(_, content)| {
            !content.is_empty() && content.iter().all(|w| stems.contains(&w.as_str()))
        })
        .map(|(label, _)| label.as_str())
        .collect()
}

/// Whether token `t`, the answer's first word that is not filler, is an option's letter
/// followed by other words. "A" and "I" are also English words ("a satellite"), so they
/// count as letters only when punctuation follows them ("A - the first satellite").
fn leads_with_label(key: &ChoiceKey, a: &Analysis, t: usize) -> bool {
    let w = a.word(t);
    key.is_label(w)
        && w.len() == 1
        && (!matches!(w, "a" | "i") || a.tokens.get(t + 1).is_none_or(|next| next.clause_break))
}

/// Mark a multiple-choice answer.
pub(crate) fn mark(key: &ChoiceKey, answer: &str, a: &Analysis, result: &mut MarkResult) -> Mark {
    let mut picked: Vec<(String, usize)> = Vec::new();
    let non_filler: Vec<usize> = (0..a.tokens.len())
        .filter(|&i| !is_filler(a.word(i)))
        .collect();
    if !non_filler.is_empty() && non_filler.iter().all(|&i| key.is_label(a.word(i))) {
        for &i in &non_filler {
            if !picked.iter().any(|(l, _)| l == a.word(i)) {
                picked.push((a.word(i).to_string(), i));
            }
        }
    } else if !a.tokens.is_empty() {
        // Not letters alone: did the student write an option's text?
        let named = named_options(key, a, 0);
        if let Some(&first) = non_filler.first()
            && leads_with_label(key, a, first)
        {
            // "C - the turkey missiles", "b gary powers": a letter, then words about it.
            // The letter is the answer unless the words name a different option in full.
            let label = a.word(first);
            picked.push((label.to_string(), first));
            for other in named_options(key, a, first + 1) {
                if other != label {
                    picked.push((other.to_string(), first));
                }
            }
        } else if let [label] = named.as_slice() {
            // Several options' words appear: no one option can be read.
            picked.push((label.to_string(), 0));
        }
    }
    let max = result.max;
    let (status, mark, reason) = match picked.as_slice() {
        [] => (
            PointStatus::Missed,
            Mark::zero(max),
            "No option could be read from the answer: give one letter.".to_string(),
        ),
        [(label, _)] if *label == key.correct => (
            PointStatus::Credited,
            Mark::clamped(max as i64, max),
            format!("Option {} is correct.", key.correct_label),
        ),
        [(label, _)] => (
            PointStatus::Missed,
            Mark::zero(max),
            format!(
                "Option {} is not correct; the answer is {}.",
                label.to_uppercase(),
                key.correct_label
            ),
        ),
        several => (
            PointStatus::Missed,
            Mark::zero(max),
            format!(
                "More than one option given ({}): only one answer can earn the mark.",
                several
                    .iter()
                    .map(|(l, _)| l.to_uppercase())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    };
    let evidence = match picked.as_slice() {
        [(_, i)] if !a.tokens.is_empty() => {
            let s = a.tokens[*i].span;
            vec![Evidence {
                start: s.start(),
                end: s.end(),
                text: answer[s.start()..s.end()].to_string(),
            }]
        }
        _ => Vec::new(),
    };
    result.points.push(PointOutcome {
        id: "choice".to_string(),
        label: format!("The correct option: {}", key.correct_label),
        status,
        awarded: mark.awarded(),
        available: max,
        developed: false,
        evidence,
        reason,
    });
    mark
}
