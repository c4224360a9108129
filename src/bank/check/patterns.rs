//! Accepted and rejected phrasings: each map form sets exactly one of `phrase`/`all`/`any`/
//! `regex`, regexes compile, and every `@group` names a synonym group that exists (in the
//! subject's `synonyms.yaml` or the scheme's own `synonyms`).

use super::Checker;
use crate::bank::explain::nearest;
use crate::bank::{BankScheme, span};
use crate::model::{Pattern, Point};
use std::collections::BTreeSet;

pub(super) fn check(c: &mut Checker<'_>) {
    let bank = c.bank;
    for (i, bs) in bank.schemes.iter().enumerate() {
        let path = bank.scheme_path(i);
        let mut walker = Walker::new(c, bs);
        let rules_path = span::child(&path, "rules");
        let (style, points) = match &bs.scheme.rules {
            crate::model::Rules::Points(p) => ("points", p.points.as_slice()),
            crate::model::Rules::Levels(l) => ("levels", l.points.as_slice()),
            crate::model::Rules::Choice(_) => ("choice", [].as_slice()),
        };
        let points_path = span::child(&span::child(&rules_path, style), "points");
        for (k, point) in points.iter().enumerate() {
            walker.point(&span::item(&points_path, k), point);
        }
        for (k, penalty) in bs.scheme.penalties.iter().enumerate() {
            let ppath = span::item(&span::child(&path, "penalties"), k);
            walker.list(&span::child(&ppath, "when"), &penalty.when);
        }
    }
}

/// Walks one scheme's patterns, knowing which synonym groups it may use.
struct Walker<'c, 'b> {
    c: &'c mut Checker<'b>,
    scheme: &'b BankScheme,
    groups: BTreeSet<&'b str>,
    has_shared: bool,
}

impl<'c, 'b> Walker<'c, 'b> {
    fn new(c: &'c mut Checker<'b>, scheme: &'b BankScheme) -> Self {
        let shared = c.bank.synonyms_for(&scheme.subject);
        let groups = shared
            .into_iter()
            .flat_map(|s| s.groups.keys())
            .chain(scheme.scheme.synonyms.keys())
            .map(String::as_str)
            .collect();
        Walker {
            c,
            scheme,
            groups,
            has_shared: shared.is_some(),
        }
    }

    fn point(&mut self, path: &str, point: &Point) {
        self.list(&span::child(path, "accept"), &point.accept);
        self.list(&span::child(path, "reject"), &point.reject);
        if let Some(develop) = &point.develop {
            self.list(
                &span::child(&span::child(path, "develop"), "accept"),
                &develop.accept,
            );
        }
    }

    fn list(&mut self, path: &str, patterns: &[Pattern]) {
        for (k, pattern) in patterns.iter().enumerate() {
            self.pattern(&span::item(path, k), pattern, 0);
        }
    }

    fn pattern(&mut self, path: &str, pattern: &Pattern, depth: usize) {
        let file = self.scheme.file.as_path();
        match pattern {
            Pattern::Phrase(phrase) => self.phrase(path, phrase),
            Pattern::Spec(spec) => {
                let set: Vec<&str> = [
                    ("phrase", spec.phrase.is_some()),
                    ("all", !spec.all.is_empty()),
                    ("any", !spec.any.is_empty()),
                    ("regex", spec.regex.is_some()),
                ]
                .into_iter()
                .filter_map(|(k, set)| set.then_some(k))
                .collect();
                if set.len() != 1 {
                    let found = if set.is_empty() {
                        "none of them (or only empty lists)".to_string()
                    } else {
                        set.iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    };
                    self.c.error(
                        file,
                        path,
                        format!("a phrasing needs exactly one of `phrase`, `all`, `any` or `regex`; this has {found}"),
                        "split it into separate phrasings, or keep the one you mean",
                    );
                }
                if let Some(phrase) = &spec.phrase {
                    self.phrase(&span::child(path, "phrase"), phrase);
                }
                if let Some(regex) = &spec.regex {
                    self.regex(&span::child(path, "regex"), regex);
                }
                if depth < 16 {
                    for (key, list) in [("all", &spec.all), ("any", &spec.any)] {
                        for (k, inner) in list.iter().enumerate() {
                            self.pattern(&span::item(&span::child(path, key), k), inner, depth + 1);
                        }
                    }
                }
            }
        }
    }

    fn phrase(&mut self, path: &str, phrase: &str) {
        let file = self.scheme.file.as_path();
        if phrase.trim().is_empty() {
            self.c.error(
                file,
                path,
                "empty phrasing",
                "write the words the answer must contain, or remove the line",
            );
            return;
        }
        if let Some(why) = split_alternative(phrase) {
            self.c.warning(
                file,
                path,
                format!("`|` gives alternatives for one word only, so this phrase probably does not say what you meant: {why}"),
                "for alternatives of several words, write them as separate phrasings (or an `any:` list), e.g. [\"let out prisoners\", \"set free prisoners\"] rather than \"let out|set free prisoners\"",
            );
        }
        for name in group_refs(phrase) {
            if self.groups.contains(name) {
                continue;
            }
            let subject = &self.scheme.subject;
            let mut help = match nearest(name, self.groups.iter().copied()) {
                Some(near) => format!("did you mean `@{near}`? "),
                None => String::new(),
            };
            if self.has_shared {
                help.push_str(&format!(
                    "define the group in mark-schemes/{subject}/synonyms.yaml or in this scheme's `synonyms`"
                ));
            } else {
                help.push_str(&format!(
                    "no synonyms file was loaded for subject `{subject}`: check mark-schemes/{subject}/synonyms.yaml too, or define the group in this scheme's `synonyms`"
                ));
            }
            self.c
                .error(file, path, format!("unknown synonym group `@{name}`"), help);
        }
    }

    fn regex(&mut self, path: &str, regex: &str) {
        if let Err(err) = compiles(regex) {
            let text = err.to_string();
            let reason = text
                .lines()
                .rev()
                .find_map(|l| l.trim().strip_prefix("error: "))
                .unwrap_or(text.lines().next().unwrap_or("invalid"))
                .to_string();
            let file = self.scheme.file.as_path();
            self.c.error(
                file,
                path,
                format!("invalid regex: {reason}"),
                format!(
                    "fix the regular expression (Rust regex syntax; in YAML, single quotes keep backslashes). The regex crate says:\n{}",
                    text.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
                ),
            );
        }
    }
}

/// Why a phrase looks like it meant `|` to join alternatives of several words, if it does.
/// `a|b` is one word position, so "fell out|argued with" reads as "fell", then "out" or
/// "argued" — never "argued with" alone. The telltales: a required position whose first
/// alternative is a small word finishing the alternative before it ("out|argued",
/// "up|fall") while another is a word of its own; and the same word twice in one position
/// ("november|november" from "6 november|november 6", which then needs two sixes).
pub fn split_alternative(phrase: &str) -> Option<String> {
    let positions: Vec<(bool, Vec<String>)> = phrase
        .split_whitespace()
        .map(|p| {
            let optional = p.starts_with('(');
            let alts = p
                .trim_matches(|c| c == '(' || c == ')')
                .split('|')
                .map(str::to_lowercase)
                .collect();
            (optional, alts)
        })
        .collect();
    let small = |w: &str| crate::text::words::is_stop_word(w);
    for (k, (optional, alts)) in positions.iter().enumerate() {
        if alts.len() < 2 {
            continue;
        }
        let shown = alts.join("|");
        let mut seen = BTreeSet::new();
        if let Some(dup) = alts.iter().find(|a| !seen.insert(a.as_str())) {
            return Some(format!("\"{dup}\" appears twice in `{shown}`"));
        }
        let after_group = k > 0 && positions[k - 1].1.len() > 1;
        if after_group && !optional && small(&alts[0]) && alts[1..].iter().any(|a| !small(a)) {
            return Some(format!(
                "`{shown}` offers \"{}\" as an alternative to \"{}\"",
                alts[0], alts[1]
            ));
        }
    }
    None
}

/// A pattern without counted repetition (`{n}`), under this many bytes and with fewer than
/// [`COSTLY_CLASSES`] Unicode classes, cannot reach the regex crate's compiled-size limit
/// (10 MB). Measured case-insensitively: it takes 209 copies of `\w` in a row to reach it,
/// 225 of `\W`, 244 of `\pL`, 2,046 of `\d`, and over 10,000 of anything else.
const LONG_REGEX: usize = 4096;

/// See [`LONG_REGEX`]: `\w`, `\d`, `\p{…}` and their negations, half the fewest that
/// reach the limit.
const COSTLY_CLASSES: usize = 100;

/// How many of the costly Unicode classes (`\w`, `\d`, `\p`, and the negations) `regex`
/// names; an escaped backslash before a letter counts too, which only errs towards
/// compiling.
fn costly_classes(regex: &str) -> usize {
    regex
        .as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'\\' && b"wWdDpP".contains(&w[1]))
        .count()
}

/// Whether `regex` compiles, with the error `regex::Regex::new` gives if not — without
/// building its automata where that cannot fail, since building them (large for Unicode
/// `\w`) is most of a bank check's time. Parsing finds every syntax error; what remains is
/// the compiled-size limit, which only counted repetition, many costly classes or a very
/// long pattern can reach (see [`LONG_REGEX`]). Those, and patterns that fail to parse
/// (for the exact message), are compiled.
fn compiles(regex: &str) -> Result<(), regex::Error> {
    let parses = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(regex)
        .is_ok();
    if parses
        && regex.len() < LONG_REGEX
        && !regex.contains('{')
        && costly_classes(regex) < COSTLY_CLASSES
    {
        return Ok(());
    }
    crate::marking::build_regex(regex).map(drop)
}

/// The group names a phrase refers to with `@name`.
pub fn group_refs(phrase: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = phrase;
    while let Some(at) = rest.find('@') {
        let after = &rest[at + 1..];
        let end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        if end > 0 {
            names.push(&after[..end]);
        }
        rest = &after[end..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::{
        COSTLY_CLASSES, LONG_REGEX, compiles, costly_classes, group_refs, split_alternative,
    };

    #[test]
    fn multi_word_alternatives_are_flagged() {
        for phrase in [
            "prisoners released|freed|let out|set free",
            "6 november|november 6",
            "top-secret|top secret|secret",
            "stay ahead|keep ahead|catch up|fall behind",
            "split|fell out|argued (with) Stalin",
        ] {
            assert!(split_alternative(phrase).is_some(), "{phrase}");
        }
        for phrase in [
            "withdrew|removed troops|soldiers Austria",
            "more|greater freedom|freedoms",
            "less|reduced tension|tensions",
            "Soviet|Russian magazine|cartoon",
            "no longer need|needed Soviet|Stalin|help",
            "catch|caught up",
            "thousand|thousands (a|every|each|per) day|week",
            "arrested|imprisoned (by|under) Stalin",
        ] {
            assert_eq!(split_alternative(phrase), None, "{phrase}");
        }
    }

    #[test]
    fn regexes_are_judged_as_the_regex_crate_would() {
        for good in [
            r"\bicbms?\b",
            r"nato[a-z ]{0,25}1955",
            r"(?i)first (artificial )?satellite",
        ] {
            assert!(compiles(good).is_ok(), "{good}");
        }
        for bad in ["(", r"\X", "[z-a]", "a{2,1}"] {
            let ours = compiles(bad).expect_err(bad).to_string();
            let theirs = regex::Regex::new(bad).expect_err(bad).to_string();
            assert_eq!(ours, theirs);
        }
        let huge = r"\w".repeat(300);
        assert!(matches!(
            compiles(&huge),
            Err(regex::Error::CompiledTooBig(_))
        ));
        // The costliest patterns left uncompiled, compiled for real at twice their size,
        // stay within the limit.
        let costliest = r"\w".repeat(COSTLY_CLASSES - 1);
        assert_eq!(costly_classes(&costliest), COSTLY_CLASSES - 1);
        assert!(compiles(&costliest).is_ok());
        for doubled in [
            costliest.repeat(2),
            r"\d".repeat(2 * COSTLY_CLASSES),
            r"\pL".repeat(2 * COSTLY_CLASSES),
            ".".repeat(2 * LONG_REGEX),
            "[a-zé]".repeat(2 * LONG_REGEX / 6),
        ] {
            assert!(crate::marking::build_regex(&doubled).is_ok());
        }
    }

    #[test]
    fn finds_group_names() {
        assert_eq!(
            group_refs("@ussr withdrew|removed @troops (from) Austria"),
            ["ussr", "troops"]
        );
        assert_eq!(
            group_refs("(@eastern-europe) satellites"),
            ["eastern-europe"]
        );
        assert!(group_refs("no groups @ here").is_empty());
    }
}
