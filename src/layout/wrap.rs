//! Line breaking on measured glyph widths.
//!
//! Greedy filling is what exam papers use (no justification, so every line breaks at a
//! word boundary and reads naturally). A word wider than the whole line — a URL, a long
//! compound — is broken between characters rather than allowed to overflow the margin.

use super::font::{Face, FontBook};

/// A line of text with its measured width.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text.
    pub text: String,
    /// Its width in points.
    pub width: f32,
}

pub use crate::model::prose::paragraphs;

/// The text of a list item, if the paragraph is one.
pub fn list_item(paragraph: &str) -> Option<&str> {
    paragraph.strip_prefix("• ")
}

/// Breaks one paragraph into lines no wider than `max_width`.
pub fn wrap(book: &FontBook, face: Face, size: f32, text: &str, max_width: f32) -> Vec<Line> {
    let space = book.width(face, size, " ");
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = book.width(face, size, word);
        if !current.is_empty() && current_width + space + word_width <= max_width {
            current.push(' ');
            current.push_str(word);
            current_width += space + word_width;
            continue;
        }
        if !current.is_empty() {
            lines.push(Line {
                text: std::mem::take(&mut current),
                width: current_width,
            });
        }
        if word_width <= max_width {
            current = word.to_string();
            current_width = word_width;
        } else {
            let mut pieces = break_word(book, face, size, word, max_width);
            let last = pieces.pop();
            lines.extend(pieces);
            if let Some(last) = last {
                current = last.text;
                current_width = last.width;
            }
        }
    }
    if !current.is_empty() {
        lines.push(Line {
            text: current,
            width: current_width,
        });
    }
    lines
}

/// Breaks a word too long for a line between characters.
fn break_word(book: &FontBook, face: Face, size: f32, word: &str, max_width: f32) -> Vec<Line> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut width = 0.0;
    for c in word.chars() {
        let mut buf = [0u8; 4];
        let w = book.width(face, size, c.encode_utf8(&mut buf));
        if !piece.is_empty() && width + w > max_width {
            pieces.push(Line {
                text: std::mem::take(&mut piece),
                width,
            });
            width = 0.0;
        }
        piece.push(c);
        width += w;
    }
    if !piece.is_empty() {
        pieces.push(Line { text: piece, width });
    }
    pieces
}

/// Shortens text to at most `words` words, ending with an ellipsis when cut.
pub fn truncate_words(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words {
        all.join(" ")
    } else {
        format!("{}…", all[..words].join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_is_kept() {
        let p = paragraphs("one\ntwo\n\n  three  four \n");
        assert_eq!(p, vec!["one", "two", "three four"]);
        // A narrative question from folded YAML: single breaks where blank lines were.
        let folded = "Write an account.\nYou may use:\n• the ultimatum (1958)\n• the summit (1961)\nYou must also use information of your own.";
        assert_eq!(
            paragraphs(folded),
            vec![
                "Write an account.",
                "You may use:",
                "• the ultimatum (1958)",
                "• the summit (1961)",
                "You must also use information of your own."
            ]
        );
        let literal = "Write an account.\n\nYou may use:\n• the ultimatum (1958)\n• the summit (1961)\n\nYou must also use information of your own.";
        assert_eq!(paragraphs(literal), paragraphs(folded));
        let p = paragraphs("Use:\n• the death\n  of Stalin\n- the speech\n\nAnd more.");
        assert_eq!(
            p,
            vec!["Use:", "• the death of Stalin", "• the speech", "And more."]
        );
    }

    #[test]
    fn lines_fit_and_keep_every_word() {
        let book = FontBook::get().unwrap();
        let text = "In 1956 Khrushchev denounced Stalin in a secret speech to the Twentieth Party Congress, and Mátyás Rákosi fell from power in Hungary.";
        let lines = wrap(book, Face::Regular, 11.0, text, 150.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(line.width <= 150.0, "{line:?}");
            assert!((book.width(Face::Regular, 11.0, &line.text) - line.width).abs() < 0.01);
        }
        let joined: Vec<String> = lines.into_iter().map(|l| l.text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn overlong_words_are_broken() {
        let book = FontBook::get().unwrap();
        let word = "Nationalsozialistische".repeat(6);
        let lines = wrap(book, Face::Bold, 12.0, &word, 100.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= 100.0));
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<String>(),
            word
        );
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate_words("a b c d", 2), "a b…");
        assert_eq!(truncate_words("a  b", 5), "a b");
    }
}
