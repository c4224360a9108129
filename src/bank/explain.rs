//! Turning serde_yaml's errors into messages a teacher can act on.
//!
//! serde_yaml says "questions[0]: unknown field `markz`, expected one of `id`, `boards`, …
//! at line 8 column 5". The location becomes the diagnostic's line and column (and leaves
//! the text), the path stays as the place in the file, and the serde wording becomes plain
//! English with a fix: the nearest valid key for a misspelling, the expected kind of value
//! for a wrong type.

use super::Diagnostic;
use super::span::Location;
use std::path::Path;

/// A serde_yaml error split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// Where serde_yaml says the problem is (start of file when it does not say).
    pub at: Location,
    /// The path serde_yaml names, e.g. `questions[0].marks` (empty for the top level).
    pub path: String,
    /// The rest of the message, without path or location.
    pub message: String,
}

impl YamlError {
    /// Split a serde_yaml error.
    pub fn new(err: &serde_yaml::Error) -> YamlError {
        let at = err.location().map_or(Location::START, |l| Location {
            line: l.line().max(1),
            column: l.column().max(1),
        });
        let text = strip_location(&err.to_string(), at);
        let (path, message) = split_path(&text);
        YamlError {
            at,
            path: path.to_string(),
            message: message.to_string(),
        }
    }

    /// Whether this is serde's "no variant of an untagged enum matched" (a bad pattern).
    pub fn is_untagged_mismatch(&self) -> bool {
        self.message
            .starts_with("data did not match any variant of untagged enum")
    }

    /// The path with a prefix put before it (for errors from a node parsed on its own).
    pub fn under(mut self, prefix: &str) -> YamlError {
        self.path = match (prefix.is_empty(), self.path.is_empty()) {
            (true, _) => self.path,
            (false, true) => prefix.to_string(),
            (false, false) => format!("{prefix}.{}", self.path),
        };
        self
    }

    /// The plain-English diagnostic.
    pub fn diagnostic(&self, file: &Path) -> Diagnostic {
        let (message, help) = explain(&self.path, &self.message);
        let diag = Diagnostic::error(file, self.at.line, self.at.column, message);
        match help {
            Some(help) => diag.with_help(help),
            None => diag,
        }
    }
}

/// Remove serde_yaml's " at line X column Y" where it repeats `at` (the diagnostic carries
/// it); a different position (where an unclosed bracket opened) is kept as context.
pub fn strip_location(text: &str, at: Location) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at line ") {
        let after = &rest[i + " at line ".len()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let line_len = digits(after);
        let tail = &after[line_len..];
        let parsed = tail.strip_prefix(" column ").and_then(|t| {
            let col_len = digits(t);
            let line = after[..line_len].parse::<usize>().ok()?;
            let column = t[..col_len].parse::<usize>().ok()?;
            Some((Location { line, column }, &t[col_len..]))
        });
        match parsed {
            Some((loc, remainder)) if loc == at => {
                out.push_str(&rest[..i]);
                rest = remainder;
            }
            _ => {
                out.push_str(&rest[..i + 1]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Split "questions[0].marks: invalid type…" into path and message.
fn split_path(text: &str) -> (&str, &str) {
    if let Some((head, tail)) = text.split_once(": ") {
        let is_path = !head.is_empty()
            && head
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
        if is_path {
            return (head, tail);
        }
    }
    ("", text)
}

/// The last key of a path: `questions[0].marks` → `marks`; `questions[0]` → `questions`.
fn last_key(path: &str) -> &str {
    let key = path.rsplit('.').next().unwrap_or(path);
    key.split('[').next().unwrap_or(key)
}

/// Every `name` in backticks in a serde message, in order.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The candidate nearest to `word`, if near enough to be a plausible misspelling.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| {
            let longest = lower.chars().count().max(c.chars().count());
            *d <= 2.max(longest / 3) && *d < longest
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn in_path(path: &str) -> String {
    if path.is_empty() {
        "at the top of the file".to_string()
    } else {
        format!("in `{path}`")
    }
}

/// Message and help for one serde_yaml error.
fn explain(path: &str, message: &str) -> (String, Option<String>) {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let Some((unknown, valid)) = names.split_first() else {
            return (message.to_string(), None);
        };
        let help = match nearest(unknown, valid.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? (valid keys here: {})", list(valid)),
            None if valid.is_empty() => "remove it: nothing else is allowed here".to_string(),
            None => format!("remove it or rename it; valid keys here: {}", list(valid)),
        };
        return (
            format!("unknown key `{unknown}` {}", in_path(path)),
            Some(help),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = backticked(rest);
        let Some((unknown, valid)) = names.split_first() else {
            return (message.to_string(), None);
        };
        let field = last_key(path);
        let (what, help_tail) = if field == "rules" {
            (
                format!("unknown marking style `{unknown}`"),
                "`rules` takes one key: `points`, `levels` or `choice`".to_string(),
            )
        } else {
            (
                format!("`{unknown}` is not a valid value for `{field}`"),
                format!("allowed values: {}", list(valid)),
            )
        };
        let help = match nearest(unknown, valid.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? ({help_tail})"),
            None => help_tail,
        };
        return (what, Some(help));
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = backticked(rest).first().copied().unwrap_or(rest);
        return (
            format!("missing key `{name}` {}", in_path(path)),
            Some(format!("add `{name}:` with its value here")),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let what = match last_key(path) {
            "" => "the file".to_string(),
            key => format!("`{key}`"),
        };
        return (
            format!(
                "wrong type for {what}: found {}, expected {}",
                plain_found(found),
                plain_expected(expected)
            ),
            Some(if path.is_empty() {
                "a bank file is `key: value` lines (`subject:`, `topic:`, …); see docs/format.md"
                    .to_string()
            } else {
                type_help(expected)
            }),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if rest.contains("expected map with a single key") {
            return (
                format!("`{}` must have exactly one key", last_key(path)),
                Some("write one of `points:`, `levels:` or `choice:` under `rules:`".to_string()),
            );
        }
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return (
            format!(
                "value out of range for `{}`: found {}, expected {}",
                last_key(path),
                plain_found(found),
                plain_expected(expected)
            ),
            Some(type_help(expected)),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return (
            format!(
                "wrong number of items in `{}`: found {found}, expected {expected}",
                last_key(path)
            ),
            Some(if last_key(path) == "marks" {
                "write the level's mark range as [lowest, highest], e.g. `marks: [3, 4]`"
                    .to_string()
            } else {
                format!("give {expected}")
            }),
        );
    }
    if message.starts_with("duplicate field ") || message.starts_with("duplicate entry") {
        return (
            format!("{message} {}", in_path(path)),
            Some("remove one of the two".to_string()),
        );
    }
    if message.starts_with("control characters are not allowed") {
        return (
            "not a YAML text file: it contains control characters".to_string(),
            Some("this looks like a binary file; save the file as plain UTF-8 text".to_string()),
        );
    }
    if message.starts_with("recursion limit exceeded") {
        return (
            "lists or maps nested too deeply (more than 128 levels)".to_string(),
            Some("this is not a bank file, or indentation runs away".to_string()),
        );
    }
    if message.contains("more than one document") {
        return (
            "the file holds more than one YAML document".to_string(),
            Some("remove the extra `---` separators: one file, one document".to_string()),
        );
    }
    let message = match path {
        "" => format!("YAML syntax: {message}"),
        p => format!("{message} {}", in_path(p)),
    };
    (
        message,
        Some(
            "check indentation, colons, brackets and quotes on this line and the one before; \
             quote text that contains `: ` or starts with a special character"
                .to_string(),
        ),
    )
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn plain_found(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {s}");
    }
    if let Some(n) = found.strip_prefix("integer ") {
        return format!("the number {}", n.trim_matches('`'));
    }
    if let Some(n) = found.strip_prefix("floating point ") {
        return format!("the number {}", n.trim_matches('`'));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return format!("{} (yes/no)", b.trim_matches('`'));
    }
    match found {
        "map" => "a map of `key: value` lines".to_string(),
        "sequence" => "a list".to_string(),
        "unit value" | "unit" => "nothing (an empty value)".to_string(),
        other => other.to_string(),
    }
}

fn plain_expected(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".to_string(),
        "i32" | "i64" => "a whole number".to_string(),
        "a string" => "text".to_string(),
        "a boolean" => "true or false".to_string(),
        "a sequence" => "a list".to_string(),
        e if e.starts_with("struct ") || e.starts_with("a map") || e.starts_with("map") => {
            "a map of `key: value` lines".to_string()
        }
        e if e.starts_with("an array") => "a list".to_string(),
        other => other.to_string(),
    }
}

fn type_help(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => {
            "write a whole number without quotes, e.g. `4`".to_string()
        }
        "a string" => {
            "write text; put it in quotes if it looks like a number or `yes`/`no`".to_string()
        }
        "a boolean" => "write `true` or `false`".to_string(),
        "a sequence" => "write a list: `[a, b]` or one `- item` per line".to_string(),
        e if e.starts_with("struct ") || e.starts_with("map") => {
            "write `key: value` lines indented under this key".to_string()
        }
        _ => "see docs/format.md for what this key takes".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explained(path: &str, message: &str) -> (String, String) {
        let (m, h) = explain(path, message);
        (m, h.unwrap_or_default())
    }

    #[test]
    fn strips_only_the_repeated_location() {
        let at = Location { line: 3, column: 4 };
        assert_eq!(strip_location("bad at line 3 column 4", at), "bad");
        assert_eq!(strip_location("look at line one", at), "look at line one");
        assert_eq!(
            strip_location(
                "no ']' at line 3 column 4, in a list at line 2 column 1",
                at
            ),
            "no ']', in a list at line 2 column 1"
        );
    }

    #[test]
    fn unknown_keys_get_the_nearest_valid_key() {
        let (m, h) = explained(
            "questions[0]",
            "unknown field `markz`, expected one of `id`, `marks`, `spag`",
        );
        assert_eq!(m, "unknown key `markz` in `questions[0]`");
        assert!(h.starts_with("did you mean `marks`?"), "{h}");
        let (_, h) = explained("", "unknown field `zzzzzz`, expected `correct`");
        assert!(h.starts_with("remove it or rename it"), "{h}");
    }

    #[test]
    fn unknown_values_and_styles() {
        let (m, h) = explained(
            "questions[0].type",
            "unknown variant `recal`, expected one of `recall`, `describe`",
        );
        assert_eq!(m, "`recal` is not a valid value for `type`");
        assert!(h.contains("did you mean `recall`?"));
        let (m, _) = explained(
            "schemes[0].rules",
            "unknown variant `pionts`, expected one of `points`, `levels`, `choice`",
        );
        assert!(m.starts_with("unknown marking style `pionts`"));
    }

    #[test]
    fn wrong_types_in_plain_words() {
        let (m, h) = explained(
            "questions[0].marks",
            "invalid type: string \"three\", expected u32",
        );
        assert_eq!(
            m,
            "wrong type for `marks`: found the text \"three\", expected a whole number (0 or more)"
        );
        assert!(h.contains("whole number"));
    }

    #[test]
    fn nearest_rejects_unrelated_words() {
        assert_eq!(nearest("markz", ["marks", "id"]), Some("marks"));
        assert_eq!(nearest("xyz", ["marks", "id"]), None);
        assert_eq!(nearest("Levls", ["levels", "points"]), Some("levels"));
    }
}
