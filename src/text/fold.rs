//! Folding characters to plain lower-case ASCII, so that "Rákosi", "RAKOSI" and "Rakosi"
//! are one word, and curly quotes, dashes and odd spaces behave like their plain forms.

use unicode_normalization::char::is_combining_mark;

/// The folded form of one character: lower-case ASCII text (possibly empty, possibly
/// several letters, as for "æ" → "ae"). Characters with no sensible ASCII form fold to a
/// space, so they separate words rather than join them.
///
/// Combining marks (the accents of decomposed text, NFD) fold to nothing, so "e\u{301}"
/// folds like "é". Apostrophe-like marks fold to `'`, dash-like marks to `-`.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
        '\u{2022}' | '\u{2023}' | '\u{25CF}' | '\u{25E6}' | '\u{2043}' | '\u{00B7}' => {
            out.push('*')
        }
        '\u{2026}' => out.push('.'),
        _ if is_combining_mark(c) => {}
        _ if c.is_whitespace() => out.push(if c == '\u{2028}' || c == '\u{2029}' {
            '\n'
        } else {
            ' '
        }),
        _ => match deunicode::deunicode_char(c) {
            Some(ascii) if !ascii.is_empty() => {
                for a in ascii.chars() {
                    out.push(a.to_ascii_lowercase());
                }
            }
            Some(_) => {}
            None => out.push(' '),
        },
    }
}

/// Fold a whole string (used for scheme words and question text, not for answers, which
/// keep their spans through [`crate::text::analyse`]).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_fold_to_plain_letters() {
        assert_eq!(fold("Rákosi"), "rakosi");
        assert_eq!(fold("Dubček"), "dubcek");
        assert_eq!(fold("Gomułka"), "gomulka");
        assert_eq!(fold("Rákosi"), fold("Ra\u{301}kosi"));
    }

    #[test]
    fn quotes_and_dashes_fold_to_plain_forms() {
        assert_eq!(fold("didn\u{2019}t"), "didn't");
        assert_eq!(fold("\u{201C}thaw\u{201D}"), "\"thaw\"");
        assert_eq!(fold("1945\u{2013}1972"), "1945-1972");
    }

    #[test]
    fn case_folds() {
        assert_eq!(fold("KHRUSHCHEV"), "khrushchev");
    }
}
