//! Text that would print wrongly: a sentence broken over two lines by a hand-wrapped
//! literal (`|`) block, or bullets that a folded (`>`) block ran into one line. The paper
//! keeps every line break the parsed text has (see [`crate::model::prose`]), so both would
//! reach the page as they are.

use super::Checker;
use crate::bank::span;
use crate::model::prose::{broken_sentence, run_together_bullets};
use std::path::Path;

pub(super) fn check(c: &mut Checker<'_>) {
    let bank = c.bank;
    for (i, bq) in bank.questions.iter().enumerate() {
        let q = &bq.question;
        let path = bank.question_path(i);
        let file = bq.file.as_path();
        text(c, file, &span::child(&path, "text"), &q.text);
        for (k, source) in q.sources.iter().enumerate() {
            let at = span::item(&span::child(&path, "sources"), k);
            text(c, file, &span::child(&at, "text"), &source.text);
            text(c, file, &span::child(&at, "provenance"), &source.provenance);
        }
        for (k, part) in q.parts.iter().enumerate() {
            let at = span::item(&span::child(&path, "parts"), k);
            text(c, file, &span::child(&at, "text"), &part.text);
            for (s, source) in part.sources.iter().enumerate() {
                let at = span::item(&span::child(&at, "sources"), s);
                text(c, file, &span::child(&at, "text"), &source.text);
            }
        }
    }
}

fn text(c: &mut Checker<'_>, file: &Path, path: &str, text: &str) {
    if let Some((before, after)) = broken_sentence(text) {
        c.warning(
            file,
            path,
            format!(
                "a line break inside a sentence (`…{}` / `{}…`) will print as a new line",
                tail(before),
                head(after)
            ),
            "join the lines, or write the text as a folded block (`>-`) with a blank line only between paragraphs",
        );
    }
    if let Some(line) = run_together_bullets(text) {
        c.warning(
            file,
            path,
            format!("bullets run together on one line (`{}…`)", head(line)),
            "put each bullet on a line of its own; in a folded block (`>-`) leave a blank line before each",
        );
    }
}

fn tail(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    words[words.len().saturating_sub(4)..].join(" ")
}

fn head(line: &str) -> String {
    line.split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}
