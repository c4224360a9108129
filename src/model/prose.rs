//! How a question's text divides into printed paragraphs, one rule for the layout that
//! prints it and for `examkit check`, which warns of text that would print wrongly.

/// Splits text into paragraphs: each line of the text is one, as YAML means it. A folded
/// (`>`) string keeps a line break only where its author left a blank line, and a literal
/// (`|`) one keeps the author's own; either way a break in the parsed text is one the
/// author asked for, and joining it to the next line runs a narrative question's prompts
/// and "You must also use information of your own" together. A line that starts with a
/// bullet (`•`, `- `, `* `) is a list item, returned with the bullet as `•`, continued by
/// the indented lines under it. Blank lines only separate; `examkit check` warns of a break
/// that falls inside a sentence ([`broken_sentence`]), which would print as one.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_item = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            in_item = false;
            continue;
        }
        let words = |s: &str| curly_quotes(&s.split_whitespace().collect::<Vec<_>>().join(" "));
        if let Some(item) = list_bullet(line) {
            out.push(format!("• {}", words(item)));
            in_item = true;
        } else if in_item && raw.starts_with(char::is_whitespace) {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(&words(line));
            }
        } else {
            out.push(words(line));
            in_item = false;
        }
    }
    out
}

/// The rest of a line that starts with a bullet, if it does.
pub fn list_bullet(line: &str) -> Option<&str> {
    ["•", "- ", "* "]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .map(str::trim_start)
}

/// `text` with typewriter quotes set as printed ones: `'` inside or at the end of a word is
/// an apostrophe (Khrushchev’s, the students’), `'` or `"` that opens a word opens a
/// quotation (‘…’, “…”) and any other closes one. Banks are typed on keyboards, and a paper
/// that mixes straight and curly quotes looks unfinished; an abbreviated year (’56) keeps its
/// apostrophe.
pub fn curly_quotes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let opens = before.is_none_or(|b| b.is_whitespace() || "([{‘“—–-/".contains(b));
        out.push(match c {
            '\'' if before.is_some_and(char::is_alphanumeric) => '’',
            '\'' if opens && year_follows(&chars[i + 1..]) => '’',
            '\'' if opens && after.is_some_and(|a| !a.is_whitespace()) => '‘',
            '\'' => '’',
            '"' if opens && after.is_some_and(|a| !a.is_whitespace()) => '“',
            '"' => '”',
            other => other,
        });
    }
    out
}

/// Whether `rest` starts with two digits and then not a third (’56, ’60s).
fn year_follows(rest: &[char]) -> bool {
    matches!(rest, [a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit())
        && !rest.get(2).is_some_and(char::is_ascii_digit)
}

/// Where a line break inside a paragraph of `text` would print a sentence on two lines: the
/// line before it and the line after, when a line ends mid-sentence (no closing
/// punctuation) and the next starts in lower case — a literal (`|`) block wrapped by hand.
pub fn broken_sentence(text: &str) -> Option<(&str, &str)> {
    let lines: Vec<&str> = text.lines().collect();
    lines.windows(2).find_map(|pair| {
        let (before, after) = (pair[0].trim(), pair[1]);
        let continues_item =
            list_bullet(before).is_some() && after.starts_with(char::is_whitespace);
        let ends = before
            .chars()
            .last()
            .is_none_or(|c| ".:;?!)]\"'’”…".contains(c));
        let next = after.trim();
        let lower = next.chars().next().is_some_and(char::is_lowercase);
        (!ends && lower && !continues_item && list_bullet(next).is_none()).then_some((before, next))
    })
}

/// A line of `text` holding a bullet after other words: bullets that YAML folded into one
/// line (a `>` block with no blank line between them), which print run together.
pub fn run_together_bullets(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .find(|line| line.chars().skip(1).collect::<String>().contains(" • "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_wrapped_sentences_and_folded_bullets_are_found() {
        assert_eq!(
            broken_sentence("Write a narrative account analysing\nthe key events."),
            Some(("Write a narrative account analysing", "the key events."))
        );
        assert_eq!(
            broken_sentence("One.\nTwo.\n• a list\n  item continued"),
            None
        );
        assert_eq!(broken_sentence("You may use:\n• the airlift"), None);
        assert_eq!(
            run_together_bullets("You may use: • the airlift • the blockade"),
            Some("You may use: • the airlift • the blockade")
        );
        assert_eq!(run_together_bullets("• the airlift\n• the blockade"), None);
    }

    #[test]
    fn typewriter_quotes_print_as_curly_ones() {
        assert_eq!(
            curly_quotes("'The West let Hungary down.' How far do you agree?"),
            "‘The West let Hungary down.’ How far do you agree?"
        );
        assert_eq!(
            curly_quotes("Khrushchev's \"Secret Speech\" and the students' demands"),
            "Khrushchev’s “Secret Speech” and the students’ demands"
        );
        assert_eq!(curly_quotes("in '56, (\"peace\")"), "in ’56, (“peace”)");
        assert_eq!(curly_quotes("'1956' and '1960s'"), "‘1956’ and ‘1960s’");
        assert_eq!(
            curly_quotes("already “curly” ‘ones’"),
            "already “curly” ‘ones’"
        );
        assert_eq!(
            paragraphs("'Rollback' -\n\n\"liberation\""),
            vec!["‘Rollback’ -", "“liberation”"]
        );
    }
}
