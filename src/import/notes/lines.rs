//! The line classifier: one reading of a line for every layout of notes (plain text with
//! question lines ending in `?`, Markdown with `## Question` headings and `- bullets`, and
//! `Q:`/`A:` pairs), so the parser above it never asks which layout it is in.

use regex::Regex;
use std::sync::LazyLock;

/// What one line of notes is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but white space.
    Blank,
    /// A Markdown `# Title`.
    Title(String),
    /// A line marked as a question: `Q:` / `Question 3:` (continued by the lines up to
    /// its `A:` when it does not end in `?`).
    Question(String),
    /// A Markdown `## heading` (any level below the title): a question, on one line.
    Heading(String),
    /// A line marked as an answer: `A:` / `Answer:`, with the text after the marker
    /// (possibly empty, when the answer starts on the next line).
    Answer(String),
    /// A bullet or numbered item: `•`, `-`, `*`, `+`, `–`, `1.`, `2)`.
    Bullet(String),
    /// Any other line of text.
    Text(String),
}

/// One classified line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// 1-based column where the line's text (after indentation and markers) starts.
    pub column: usize,
    /// Leading white space, in characters (a tab counts as four).
    pub indent: usize,
    /// What the line is.
    pub kind: LineKind,
}

static QUESTION_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(?:q|question)\s*\d*\s*(?::[*_]*\s*|[.)][*_]*\s+)").expect("valid regex")
});
static ANSWER_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)(?:a|ans|answer)\s*\d*\s*:[*_]*\s*").expect("valid regex"));
static BULLET_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•●▪◦‣∙·*+\-–—]|\d{1,2}[.)])\s+").expect("valid regex"));
static HEADING_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+").expect("valid regex"));

/// Classify every line of `text` (already checked to be text; `\r\n` and `\r` allowed).
pub fn classify(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, raw)| classify_line(i + 1, raw))
        .collect()
}

/// Classify one line.
pub fn classify_line(number: usize, raw: &str) -> Line {
    let raw = raw.trim_end_matches(['\r', '\n']);
    let body = raw.trim_start();
    let indent: usize = raw[..raw.len() - body.len()]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let lead_chars = raw[..raw.len() - body.len()].chars().count();
    let body = body.trim_end();
    let line = |skip: usize, kind: LineKind| Line {
        number,
        column: lead_chars + body[..skip].chars().count() + 1,
        indent,
        kind,
    };
    if body.is_empty() {
        return line(0, LineKind::Blank);
    }
    if let Some(m) = HEADING_MARK.captures(body) {
        let rest = clean(&body[m[0].len()..]);
        let rest = rest.trim_end_matches('#').trim_end().to_string();
        let skip = m[0].len();
        // A heading that is itself "Q: …" is still one question.
        let rest = match QUESTION_MARK.find(&rest) {
            Some(q) => rest[q.end()..].to_string(),
            None => rest,
        };
        return if m[1].len() == 1 {
            line(skip, LineKind::Title(rest))
        } else {
            line(skip, LineKind::Heading(rest))
        };
    }
    let unbold = strip_emphasis_start(body);
    let offset = body.len() - unbold.len();
    if let Some(m) = QUESTION_MARK.find(unbold) {
        return line(
            offset + m.end(),
            LineKind::Question(clean(&unbold[m.end()..])),
        );
    }
    if let Some(m) = ANSWER_MARK.find(unbold) {
        return line(
            offset + m.end(),
            LineKind::Answer(clean(&unbold[m.end()..])),
        );
    }
    if let Some(m) = BULLET_MARK.find(body) {
        return line(m.end(), LineKind::Bullet(clean(&body[m.end()..])));
    }
    line(0, LineKind::Text(clean(body)))
}

/// The text without Markdown emphasis around it or a marker's own emphasis
/// (`**Q:** Why…` reads as `Why…`).
fn clean(text: &str) -> String {
    let text = text.trim();
    let text = text
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_'])
        .trim();
    text.to_string()
}

fn strip_emphasis_start(text: &str) -> &str {
    text.trim_start_matches(['*', '_'])
}

/// Whether a line of plain text reads as a question: it ends with `?`, or it starts with a
/// command word ("Describe…", "Explain…") and is short enough to be one.
pub fn reads_as_question(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if text.ends_with('?') {
        return words <= 40;
    }
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    COMMANDS.contains(&first) && (3..=30).contains(&words) && !text.ends_with(':')
}

/// Command words that open a question set as an instruction rather than asked.
const COMMANDS: &[&str] = &[
    "Describe", "Explain", "Outline", "Give", "Name", "State", "List", "Identify",
];

/// Web-page furniture: menus, adverts, app-store and sign-up lines that a page copied from a
/// revision site carries after its notes. Matched on the lower-case line, at word edges.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?:^|\W)(?:",
        r"sign ?up|sign ?in|log ?in|log ?out|register now|subscribe|newsletter|",
        r"download|apps?|app store|google play|android|ios|iphone|ipad|",
        r"cookie policy|we use cookies|accept cookies|privacy policy|terms of use|",
        r"terms and conditions|all rights reserved|copyright|advertisement|sponsored|",
        r"click here|scroll (?:down|up|to)|back to top|read more|share (?:this|on)|follow us|",
        r"facebook|twitter|instagram|youtube|tiktok|whatsapp|pinterest|linkedin|",
        r"alexa|google home|free trial|it'?s free|welcome to|ai tutor|",
        r"logo|menu|home ?page",
        r")(?:$|\W)"
    ))
    .expect("valid regex")
});

/// Whether a line is web-page furniture rather than notes.
pub fn is_furniture(text: &str) -> bool {
    text.contains('©') || FURNITURE.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(raw: &str) -> LineKind {
        classify_line(1, raw).kind
    }

    #[test]
    fn every_layout_reads_into_the_same_kinds() {
        assert_eq!(
            kind("## Why was the Wall built?"),
            LineKind::Heading("Why was the Wall built?".into())
        );
        assert_eq!(
            kind("# The Berlin Wall"),
            LineKind::Title("The Berlin Wall".into())
        );
        assert_eq!(
            kind("Q: Who led the USSR?"),
            LineKind::Question("Who led the USSR?".into())
        );
        assert_eq!(
            kind("**Q1.** Who led the USSR?"),
            LineKind::Question("Who led the USSR?".into())
        );
        assert_eq!(
            kind("Question 3: When?"),
            LineKind::Question("When?".into())
        );
        assert_eq!(
            kind("A: Khrushchev."),
            LineKind::Answer("Khrushchev.".into())
        );
        assert_eq!(kind("Answer:"), LineKind::Answer(String::new()));
        assert_eq!(
            kind("  • Cominform was closed."),
            LineKind::Bullet("Cominform was closed.".into())
        );
        assert_eq!(
            kind("- Troops left Austria"),
            LineKind::Bullet("Troops left Austria".into())
        );
        assert_eq!(
            kind("2) Tito was invited"),
            LineKind::Bullet("Tito was invited".into())
        );
        assert_eq!(kind("   "), LineKind::Blank);
        assert_eq!(kind("What was it?"), LineKind::Text("What was it?".into()));
    }

    #[test]
    fn words_that_only_look_like_markers_are_text() {
        assert_eq!(
            kind("A lot changed in 1956."),
            LineKind::Text("A lot changed in 1956.".into())
        );
        assert_eq!(
            kind("Quite a few left."),
            LineKind::Text("Quite a few left.".into())
        );
        assert_eq!(
            kind("1956. The year of revolt"),
            LineKind::Text("1956. The year of revolt".into())
        );
        assert_eq!(kind("-5 degrees"), LineKind::Text("-5 degrees".into()));
    }

    #[test]
    fn columns_point_past_indentation_and_markers() {
        let line = classify_line(4, "  • Cominform was closed.");
        assert_eq!((line.number, line.column, line.indent), (4, 5, 2));
        assert_eq!(classify_line(1, "Q: Why?").column, 4);
    }

    #[test]
    fn questions_in_plain_text_end_in_a_question_mark_or_open_with_a_command() {
        assert!(reads_as_question("Why was De-Stalinisation introduced?"));
        assert!(reads_as_question(
            "Describe two results of the Secret Speech."
        ));
        assert!(!reads_as_question("Describe"));
        assert!(!reads_as_question(
            "Soviet troops were withdrawn from Austria."
        ));
        assert!(!reads_as_question("There were 3 reasons:"));
    }

    #[test]
    fn site_furniture_is_told_from_notes() {
        for line in [
            "Sign Up It's free",
            "Android and iOS App",
            "Alexa and Google Home",
            "Welcome to Some Site!",
            "Scroll to the answer",
            "Some Site logo",
            "Ask question in Facebook Messenger",
            "© 2024 Revision Ltd",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "Cominform was closed down.",
            "Appeasement failed in 1939.",
            "The Iron Curtain divided Europe.",
            "Khrushchev's 'Secret Speech' criticised Stalin.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
