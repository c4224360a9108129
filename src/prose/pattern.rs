//! One accepted (or rejected) phrasing in words: the scheme's
//! `withdrew|removed (Soviet) troops @austria` is "withdrew or removed (Soviet) troops
//! from Austria"-style prose, the way a board's mark scheme writes what it accepts.
//!
//! The phrase syntax is the marker's (`src/marking/compile.rs` reads it the same way):
//! words split on spaces, `a|b` alternatives for one word, `(…)` words that may be left
//! out, `@name` a synonym group. Brackets are kept for optional words because printed mark
//! schemes use them so; alternatives are joined with "or"; a group is named by its
//! headword. Forms of one word offered as alternatives (`plane|planes`) are printed once:
//! the marker stems words, so the teacher need not read both.

use super::names::Names;
use super::regex;
use super::words::{and_list, dedupe_forms, or_list};
use crate::model::{Pattern, PatternSpec};

/// Each phrasing in words, in order, leaving out those that cannot be said (a regex of
/// letter classes) and any that say what an earlier one already said.
pub fn phrasings(patterns: &[Pattern], names: &Names) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in patterns {
        if let Some(words) = pattern(p, names)
            && !out.contains(&words)
        {
            out.push(words);
        }
    }
    out
}

/// One phrasing in words, or `None` when it cannot be said.
pub fn pattern(p: &Pattern, names: &Names) -> Option<String> {
    match p {
        Pattern::Phrase(text) => phrase(text, names),
        Pattern::Spec(spec) => spec_words(spec, names),
    }
}

fn spec_words(spec: &PatternSpec, names: &Names) -> Option<String> {
    let words = if let Some(text) = &spec.phrase {
        phrase(text, names)?
    } else if let Some(source) = &spec.regex {
        regex::describe(source, names)?
    } else if !spec.all.is_empty() {
        let parts = quoted_parts(&spec.all, names, true)?;
        if parts.len() == 1 {
            parts.into_iter().next()?
        } else {
            let within = match spec.window {
                Some(n) => format!("within {n} words of each other"),
                None => "in one sentence".to_string(),
            };
            format!("{} {within}", and_list(&parts))
        }
    } else if !spec.any.is_empty() {
        or_list(&quoted_parts(&spec.any, names, false)?)
    } else {
        return None;
    };
    // `gap`, `ordered`, `fuzzy` and `stem` say how the marker matches, not what it
    // accepts: a teacher reading "walked out" needs no "(spelt exactly)".
    Some(words)
}

/// The parts of an `all` or `any`, each in curly quotes so that a part's own "or" is not
/// read as the list's. A part that cannot be said makes the whole unsayable for `all`
/// (saying half of what is required would mislead) and is dropped from an `any`.
fn quoted_parts(parts: &[Pattern], names: &Names, every: bool) -> Option<Vec<String>> {
    let said: Vec<Option<String>> = parts.iter().map(|p| pattern(p, names)).collect();
    if every && said.iter().any(Option::is_none) {
        return None;
    }
    let words: Vec<String> = said
        .iter()
        .flatten()
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(words)
}

/// A plain phrase in words.
pub fn phrase(text: &str, names: &Names) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut bracket: Option<Vec<String>> = None;
    for chunk in text.split_whitespace() {
        let mut chunk = chunk;
        if let Some(rest) = chunk.strip_prefix('(') {
            chunk = rest;
            if bracket.is_none() {
                bracket = Some(Vec::new());
            }
        }
        let closes = chunk.ends_with(')');
        if closes {
            chunk = &chunk[..chunk.len() - 1];
        }
        let optional = bracket.is_some();
        let words = alternatives(chunk, names, optional);
        match &mut bracket {
            Some(inside) => inside.extend(words),
            None => out.extend(words),
        }
        if closes
            && let Some(inside) = bracket.take()
            && !inside.is_empty()
        {
            out.push(format!("({})", inside.join(" ")));
        }
    }
    if let Some(inside) = bracket.filter(|i| !i.is_empty()) {
        out.push(format!("({})", inside.join(" ")));
    }
    let words = out.join(" ");
    // An optional "the" before a group whose name has its own ("(the) @ussr").
    let words = words
        .replace("(the) the ", "the ")
        .replace(" the) the ", ") the ")
        .replace("the the ", "the ");
    (!words.is_empty()).then_some(words)
}

/// One word position: its alternatives joined with "or", a group by its name.
fn alternatives(chunk: &str, names: &Names, optional: bool) -> Option<String> {
    let alts: Vec<&str> = chunk.split('|').filter(|a| !a.is_empty()).collect();
    let alone = alts.len() == 1 && !optional;
    let words: Vec<String> = alts
        .iter()
        .map(|alt| match alt.strip_prefix('@') {
            Some(group) => {
                let (name, tail) = split_name(group);
                let name = if alone {
                    names.full(name)
                } else {
                    names.head(name)
                };
                format!("{name}{tail}")
            }
            None => alt.to_string(),
        })
        .collect();
    let words = dedupe_forms(words, false);
    (!words.is_empty()).then(|| or_list(&words))
}

/// `ussr's` → (`ussr`, `'s`): the marker reads a group name up to its last letter or digit.
fn split_name(group: &str) -> (&str, &str) {
    let end = group
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name_end = group[..end]
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(end);
    (&group[..name_end], &group[name_end..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn names() -> Names {
        let groups: BTreeMap<String, Vec<String>> = [
            ("ussr", vec!["the USSR", "Soviet Union", "Soviets"]),
            ("missiles", vec!["missiles", "missile", "rockets"]),
            ("nuclear", vec!["nuclear", "atomic"]),
        ]
        .into_iter()
        .map(|(n, ms)| (n.to_string(), ms.into_iter().map(str::to_string).collect()))
        .collect();
        Names::new(&groups)
    }

    fn said(p: Pattern) -> Option<String> {
        pattern(&p, &names())
    }

    fn phrase_of(s: &str) -> Option<String> {
        said(Pattern::Phrase(s.to_string()))
    }

    #[test]
    fn alternatives_read_with_or_and_optional_words_in_brackets() {
        assert_eq!(
            phrase_of("withdrew|removed|pulled (Soviet) troops Austria").as_deref(),
            Some("withdrew, removed or pulled (Soviet) troops Austria")
        );
        assert_eq!(
            phrase_of("built|build|building up (its|their) (nuclear) arsenal|@missiles|@nuclear")
                .as_deref(),
            Some("built up (its or their) (nuclear) arsenal, missiles or nuclear")
        );
        assert_eq!(
            phrase_of("height (of the) crisis").as_deref(),
            Some("height (of the) crisis")
        );
    }

    #[test]
    fn a_group_on_its_own_is_named_in_full() {
        assert_eq!(
            phrase_of("@ussr invaded Hungary").as_deref(),
            Some("the USSR (or Soviet Union) invaded Hungary")
        );
        assert_eq!(
            phrase_of("closer (to) (the) @ussr").as_deref(),
            Some("closer (to) the USSR (or Soviet Union)")
        );
        assert_eq!(
            phrase_of("@ussr's troops").as_deref(),
            Some("the USSR (or Soviet Union)'s troops")
        );
    }

    #[test]
    fn maps_read_as_what_they_accept() {
        let all = Pattern::Spec(PatternSpec {
            all: vec![
                Pattern::Phrase("@missiles".into()),
                Pattern::Phrase("Turkey".into()),
            ],
            window: Some(12),
            ..Default::default()
        });
        assert_eq!(
            said(all).as_deref(),
            Some(
                "\u{201c}missiles (or rockets)\u{201d} and \u{201c}Turkey\u{201d} within 12 words of each other"
            )
        );
        let any = Pattern::Spec(PatternSpec {
            any: vec![
                Pattern::Phrase("within range".into()),
                Pattern::Phrase("in range".into()),
            ],
            ..Default::default()
        });
        assert_eq!(
            said(any).as_deref(),
            Some("\u{201c}within range\u{201d} or \u{201c}in range\u{201d}")
        );
        let exact = Pattern::Spec(PatternSpec {
            phrase: Some("East Germans built".into()),
            ordered: Some(true),
            fuzzy: Some(false),
            ..Default::default()
        });
        assert_eq!(said(exact).as_deref(), Some("East Germans built"));
    }

    #[test]
    fn an_unsayable_regex_is_left_out() {
        let list = vec![
            Pattern::Spec(PatternSpec {
                regex: Some(r"nato \d+".into()),
                ..Default::default()
            }),
            Pattern::Phrase("NATO 1955".into()),
            Pattern::Phrase("NATO 1955".into()),
        ];
        assert_eq!(phrasings(&list, &names()), vec!["NATO 1955".to_string()]);
    }
}
