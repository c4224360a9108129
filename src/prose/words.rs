//! Small pieces of English the scheme's words are built from: lists joined with "or" and
//! "and", and alternatives that differ only in form kept once.

use crate::text::analyse;

/// "a", "a or b", "a, b or c".
pub fn or_list(items: &[String]) -> String {
    joined(items, "or")
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    joined(items, "and")
}

fn joined(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// Alternatives with forms of one word kept once (the marker stems words, so "plane" and
/// "planes", or "didnt" and "didn't", are one wording to a teacher), and a misspelling
/// offered beside the word it misspells ("Turkey|Turky") left out: the marker forgives
/// misspellings anyway, and a printed one reads as the scheme's own typing error. Keeps
/// the first written, or with `longest` the fullest form (a regex's `icbms?` is "ICBMs").
pub fn dedupe_forms(items: Vec<String>, longest: bool) -> Vec<String> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(items.len());
    for item in items {
        let key = form_key(&item);
        if out.iter().any(|(_, kept)| misspells(&item, kept)) {
            continue;
        }
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, kept)) => {
                if longest && item.chars().count() > kept.chars().count() {
                    *kept = item;
                }
            }
            None => out.push((key, item)),
        }
    }
    out.into_iter().map(|(_, item)| item).collect()
}

/// Whether `word` looks like `of` with a letter dropped or doubled: one word of five letters
/// or more, the same first letter, one letter more or fewer and otherwise the same. (A
/// changed letter is not taken for a misspelling: "tried" and "tired" are both words.)
fn misspells(word: &str, of: &str) -> bool {
    let (w, o) = (word.to_lowercase(), of.to_lowercase());
    let single = |s: &str| s.chars().all(char::is_alphabetic);
    single(&w)
        && single(&o)
        && w.chars().count().min(o.chars().count()) >= 5
        && w.chars().next() == o.chars().next()
        && w.chars().count().abs_diff(o.chars().count()) == 1
        && strsim::levenshtein(&w, &o) == 1
}

/// The stems of a wording, run together: what the marker would compare.
fn form_key(text: &str) -> String {
    let a = analyse(text);
    let key: String = (0..a.tokens.len()).map(|i| a.stem(i)).collect();
    if key.is_empty() {
        text.to_string()
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(items: &[&str]) -> Vec<String> {
        items.iter().map(|i| i.to_string()).collect()
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(or_list(&s(&["a"])), "a");
        assert_eq!(or_list(&s(&["a", "b"])), "a or b");
        assert_eq!(and_list(&s(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn forms_of_one_word_are_kept_once() {
        assert_eq!(
            dedupe_forms(s(&["plane", "planes", "jet"]), false),
            s(&["plane", "jet"])
        );
        assert_eq!(dedupe_forms(s(&["icbm", "ICBMs"]), true), s(&["ICBMs"]));
        assert_eq!(dedupe_forms(s(&["didnt", "didn't"]), true), s(&["didn't"]));
        assert_eq!(dedupe_forms(s(&["Turkey", "Turky"]), false), s(&["Turkey"]));
        assert_eq!(
            dedupe_forms(s(&["tried", "tired", "jailed", "failed"]), false),
            s(&["tried", "tired", "jailed", "failed"])
        );
    }
}
