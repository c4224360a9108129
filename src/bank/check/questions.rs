//! Questions on their own: unique ids, difficulty, parts that add up, multiple-choice
//! options.

use super::{Checker, join, marks};
use crate::bank::span;
use crate::model::{ChoiceOption, QuestionType};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) fn check(c: &mut Checker<'_>) {
    let bank = c.bank;
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, bq) in bank.questions.iter().enumerate() {
        let q = &bq.question;
        let path = bank.question_path(i);
        let file = bq.file.as_path();
        let at = |key: &str| span::child(&path, key);

        if q.id.trim().is_empty() {
            c.error(
                file,
                &at("id"),
                "empty question id",
                "give the question a short unique id, e.g. `cuba-causes-explain`",
            );
        } else if let Some(bad) = unsafe_char(&q.id) {
            c.error(
                file,
                &at("id"),
                format!("question id `{}` contains {bad}", q.id),
                "use letters, digits, `-`, `_` and `.` only (e.g. `cuba-causes-explain`): \
                 `mark --question ID/PART`, answer files and mark sheets name questions by id",
            );
        } else if let Some(&j) = first.get(q.id.as_str()) {
            let other = &bank.questions[j];
            let first_at = c.place(&other.file, &span::child(&bank.question_path(j), "id"));
            c.error(
                file,
                &at("id"),
                format!("duplicate question id `{}` (first used at {first_at})", q.id),
                "give each question its own id: schemes, papers and answers refer to questions by id",
            );
        } else {
            first.insert(q.id.as_str(), i);
        }

        if !(1..=5).contains(&q.difficulty) {
            c.error(
                file,
                &at("difficulty"),
                format!("difficulty {} is outside 1–5", q.difficulty),
                "use 1 (easiest) to 5 (hardest)",
            );
        }
        check_options(c, file, &path, q.kind, &q.options);
        if !c.unbounded.questions.contains(&i) {
            check_parts(c, file, &path, q);
        }
    }
}

fn check_options(
    c: &mut Checker<'_>,
    file: &Path,
    path: &str,
    kind: QuestionType,
    options: &[ChoiceOption],
) {
    if kind == QuestionType::MultipleChoice && options.len() < 2 {
        c.error_key(
            file,
            &span::child(path, "type"),
            format!(
                "a multiple-choice question needs at least 2 options (it has {})",
                options.len()
            ),
            "list them under `options`, each with a `label` (A, B…) and `text`",
        );
    }
    let mut labels = BTreeMap::new();
    for (k, option) in options.iter().enumerate() {
        let opath = span::item(&span::child(path, "options"), k);
        if labels.insert(option.label.as_str(), k).is_some() {
            c.error(
                file,
                &span::child(&opath, "label"),
                format!("option label `{}` is used twice", option.label),
                "give each option its own letter",
            );
        }
    }
}

fn check_parts(c: &mut Checker<'_>, file: &Path, path: &str, q: &crate::model::Question) {
    let at = |key: &str| span::child(path, key);
    let mut labels = BTreeMap::new();
    for (k, part) in q.parts.iter().enumerate() {
        let ppath = span::item(&at("parts"), k);
        if labels.insert(part.label.as_str(), k).is_some() {
            c.error(
                file,
                &span::child(&ppath, "label"),
                format!(
                    "part label `{}` is used twice in question `{}`",
                    part.label, q.id
                ),
                "label parts a, b, c… (or i, ii, iii…) once each",
            );
        }
        if let Some(bad) = unsafe_char(&part.label) {
            c.error(
                file,
                &span::child(&ppath, "label"),
                format!("part label `{}` contains {bad}", part.label),
                "label parts a, b, c… (or i, ii, iii…): `mark --question ID/PART` and mark \
                 sheets name a part by its label",
            );
        }
        check_options(c, file, &ppath, part.kind, &part.options);
    }
    match q.answer_parts {
        None if q.has_parts() => {
            let sum: u32 = q.parts.iter().map(|p| p.marks).sum();
            if sum != q.marks {
                c.error(
                    file,
                    &at("marks"),
                    format!(
                        "question `{}` is worth {} but its parts add up to {}",
                        q.id,
                        marks(q.marks),
                        marks(sum)
                    ),
                    format!("make `marks: {sum}`, or change the parts' marks"),
                );
            }
        }
        None => {}
        Some(n) if !q.has_parts() => c.error(
            file,
            &at("answer_parts"),
            format!("`answer_parts: {n}` but question `{}` has no parts", q.id),
            "remove `answer_parts`, or add the parts",
        ),
        Some(n) if n == 0 || n as usize > q.parts.len() => c.error(
            file,
            &at("answer_parts"),
            format!(
                "`answer_parts: {n}` but question `{}` has {} parts",
                q.id,
                q.parts.len()
            ),
            format!("use a number from 1 to {}", q.parts.len()),
        ),
        Some(n) => {
            let mut worth: Vec<u32> = q.parts.iter().map(|p| p.marks).collect();
            worth.sort_unstable_by(|a, b| b.cmp(a));
            let best: u32 = worth.iter().take(n as usize).sum();
            let worst: u32 = worth.iter().rev().take(n as usize).sum();
            if best != worst {
                c.error(
                    file,
                    &at("answer_parts"),
                    format!(
                        "any {n} parts should be worth the same, but here {n} parts are worth from {worst} to {best} marks ({})",
                        join(q.parts.iter().map(|p| format!("({}) {}", p.label, p.marks)))
                    ),
                    "give the parts equal marks",
                );
            } else if best != q.marks {
                c.error(
                    file,
                    &at("marks"),
                    format!(
                        "question `{}` is worth {} but {n} of its parts are worth {}",
                        q.id,
                        marks(q.marks),
                        marks(best)
                    ),
                    format!("with `answer_parts: {n}`, make `marks: {best}`"),
                );
            }
        }
    }
}

/// The first character of an id or part label that would break where it is used (`/`
/// splits `ID/PART`, a space or comma splits a command line or a CSV header, a leading `-`
/// reads as a flag), described for a message; `None` if every character is safe.
fn unsafe_char(name: &str) -> Option<String> {
    if name.starts_with(['-', '.']) {
        return Some(format!("a leading `{}`", &name[..1]));
    }
    name.chars()
        .find(|&ch| !(ch.is_alphanumeric() || matches!(ch, '-' | '_' | '.')))
        .map(|ch| match ch {
            ' ' => "a space".to_string(),
            ch if ch.is_whitespace() || ch.is_control() => {
                format!("the character U+{:04X}", ch as u32)
            }
            ch => format!("`{ch}`"),
        })
}

#[cfg(test)]
mod tests {
    use super::unsafe_char;

    #[test]
    fn ids_that_break_a_command_line_or_a_sheet_are_named() {
        assert_eq!(unsafe_char("cuba-causes_2.b"), None);
        assert_eq!(unsafe_char("Gomułka-1956"), None);
        assert_eq!(unsafe_char("cuba/a").as_deref(), Some("`/`"));
        assert_eq!(unsafe_char("cuba a").as_deref(), Some("a space"));
        assert_eq!(
            unsafe_char("cuba\ta").as_deref(),
            Some("the character U+0009")
        );
        assert_eq!(unsafe_char("-cuba").as_deref(), Some("a leading `-`"));
        assert_eq!(unsafe_char("a,b").as_deref(), Some("`,`"));
    }
}
