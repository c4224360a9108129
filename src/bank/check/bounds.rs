//! Every count and size a bank supplies, against [`crate::model::limits`]: answer lines,
//! marks, parts, options, sources, levels, slots, texts' lengths.
//!
//! Runs before the other checks, which add marks up and build one place per slot: a
//! question, scheme or blueprint with a number out of bounds is reported here and left out
//! of those checks (their findings about it would be noise, and their sums could overflow
//! and their lists grow without end), so nothing is built from an unchecked number.

use super::Checker;
use crate::bank::span;
use crate::model::limits as max;
use crate::model::{AnswerSpace, ChoiceOption, Pattern, Point, Rules, Source};
use std::collections::BTreeSet;
use std::path::Path;

/// The items that broke a bound, by index into the bank's lists.
#[derive(Debug, Default)]
pub(super) struct Unbounded {
    pub questions: BTreeSet<usize>,
    pub schemes: BTreeSet<usize>,
    pub blueprints: BTreeSet<usize>,
}

pub(super) fn check(c: &mut Checker<'_>) -> Unbounded {
    let bank = c.bank;
    let mut out = Unbounded::default();
    for (i, bq) in bank.questions.iter().enumerate() {
        let mut b = Bounds::new(c, &bq.file);
        b.question(&bank.question_path(i), &bq.question);
        if b.exceeded {
            out.questions.insert(i);
        }
    }
    for (i, bs) in bank.schemes.iter().enumerate() {
        let mut b = Bounds::new(c, &bs.file);
        b.scheme(&bank.scheme_path(i), &bs.scheme);
        if b.exceeded {
            out.schemes.insert(i);
        }
    }
    for (i, bb) in bank.blueprints.iter().enumerate() {
        let mut b = Bounds::new(c, &bb.file);
        b.blueprint(&bb.blueprint);
        if b.exceeded {
            out.blueprints.insert(i);
        }
    }
    out
}

/// Checks the bounds of one item of one file, remembering whether any was broken.
struct Bounds<'c, 'a> {
    c: &'c mut Checker<'a>,
    file: &'c Path,
    exceeded: bool,
}

impl<'c, 'a> Bounds<'c, 'a> {
    fn new(c: &'c mut Checker<'a>, file: &'c Path) -> Self {
        Bounds {
            c,
            file,
            exceeded: false,
        }
    }

    /// A number at `path` (named `key` in the file) that may be at most `limit`.
    fn number(&mut self, path: &str, value: u32, limit: u32, what: &str) {
        if value > limit {
            self.exceeded = true;
            // `…levels[1].marks[1]` names `marks`.
            let key = path.trim_end_matches(|ch: char| ch == ']' || ch.is_ascii_digit());
            let key = key.trim_end_matches('[').rsplit('.').next().unwrap_or(key);
            self.c.error(
                self.file,
                path,
                format!("`{key}` is {value}, more than examkit allows: at most {limit} {what}"),
                format!("use a number from 0 to {limit} (a larger one is almost always a typo)"),
            );
        }
    }

    /// A list at `path` that may hold at most `limit` items.
    fn count(&mut self, path: &str, len: usize, limit: usize, what: &str) {
        if len > limit {
            self.exceeded = true;
            self.c.error_key(
                self.file,
                path,
                format!("{len} {what} here; examkit allows at most {limit}"),
                format!("keep it to {limit} or fewer, or split it into separate items"),
            );
        }
    }

    /// A text at `path` that may be at most `limit` characters long.
    fn length(&mut self, path: &str, text: &str, limit: usize, what: &str) {
        // Bytes bound characters from above; count characters only when it could matter.
        if text.len() > limit {
            let chars = text.chars().count();
            if chars > limit {
                self.exceeded = true;
                self.c.error(
                    self.file,
                    path,
                    format!("{what} is {chars} characters long; examkit allows at most {limit}"),
                    "shorten it: text this long cannot be printed on a paper or read in a report",
                );
            }
        }
    }

    fn question(&mut self, path: &str, q: &crate::model::Question) {
        let at = |key: &str| span::child(path, key);
        self.length(&at("id"), &q.id, max::NAME, "the id");
        self.number(&at("marks"), q.marks, max::MARKS, "marks on a question");
        self.number(&at("spag"), q.spag, max::SPAG, "SPaG marks on a question");
        self.length(&at("command"), &q.command, max::NAME, "the command word");
        self.length(&at("text"), &q.text, max::TEXT, "the question's text");
        self.sources(path, &q.sources);
        self.count(&at("parts"), q.parts.len(), max::PARTS, "parts");
        if let Some(n) = q.answer_parts {
            self.number(&at("answer_parts"), n, max::PARTS as u32, "parts");
        }
        self.options(path, &q.options);
        self.answer_space(path, q.answer_space.as_ref());
        self.count(&at("tags"), q.tags.len(), max::TAGS, "tags");
        for (k, tag) in q.tags.iter().enumerate() {
            self.length(&span::item(&at("tags"), k), tag, max::NAME, "a tag");
        }
        for (k, part) in q.parts.iter().enumerate() {
            let path = span::item(&at("parts"), k);
            let at = |key: &str| span::child(&path, key);
            self.length(&at("label"), &part.label, max::NAME, "a part's label");
            self.number(&at("marks"), part.marks, max::MARKS, "marks on a part");
            self.length(&at("command"), &part.command, max::NAME, "the command word");
            self.length(&at("text"), &part.text, max::TEXT, "the part's text");
            self.sources(&path, &part.sources);
            self.options(&path, &part.options);
            self.answer_space(&path, part.answer_space.as_ref());
        }
    }

    fn sources(&mut self, path: &str, sources: &[Source]) {
        let list = span::child(path, "sources");
        self.count(&list, sources.len(), max::SOURCES, "sources");
        for (k, source) in sources.iter().enumerate() {
            let path = span::item(&list, k);
            let at = |key: &str| span::child(&path, key);
            self.length(&at("label"), &source.label, max::NAME, "a source's label");
            self.length(
                &at("provenance"),
                &source.provenance,
                max::TEXT,
                "a provenance line",
            );
            self.length(
                &at("text"),
                &source.text,
                max::SOURCE_TEXT,
                "a source's text",
            );
        }
    }

    fn options(&mut self, path: &str, options: &[ChoiceOption]) {
        let list = span::child(path, "options");
        self.count(&list, options.len(), max::OPTIONS, "options");
        for (k, option) in options.iter().enumerate() {
            let path = span::item(&list, k);
            self.length(
                &span::child(&path, "label"),
                &option.label,
                max::NAME,
                "an option's label",
            );
            self.length(
                &span::child(&path, "text"),
                &option.text,
                max::TEXT,
                "an option's text",
            );
        }
    }

    fn answer_space(&mut self, path: &str, space: Option<&AnswerSpace>) {
        let Some(space) = space else { return };
        let path = span::child(path, "answer_space");
        if let Some(lines) = space.lines {
            self.number(
                &span::child(&path, "lines"),
                lines,
                max::ANSWER_LINES,
                "answer lines (about seven pages)",
            );
        }
        let headings = span::child(&path, "headings");
        self.count(
            &headings,
            space.headings.len(),
            max::ANSWER_HEADINGS,
            "headings",
        );
        for (k, heading) in space.headings.iter().enumerate() {
            self.length(&span::item(&headings, k), heading, max::TEXT, "a heading");
        }
    }

    fn scheme(&mut self, path: &str, s: &crate::model::Scheme) {
        let at = |key: &str| span::child(path, key);
        self.number(&at("max"), s.max, max::MARKS, "marks on a scheme");
        self.length(
            &at("model_answer"),
            &s.model_answer,
            max::MODEL_ANSWER,
            "the model answer",
        );
        for (key, len) in [
            ("guidance", s.guidance.len()),
            ("echo_allowed", s.echo_allowed.len()),
            ("synonyms", s.synonyms.len()),
        ] {
            self.count(&at(key), len, max::SCHEME_NOTES, "entries");
        }
        for (k, line) in s.guidance.iter().enumerate() {
            self.length(
                &span::item(&at("guidance"), k),
                line,
                max::TEXT,
                "a guidance line",
            );
        }
        let penalties = at("penalties");
        self.count(&penalties, s.penalties.len(), max::PENALTIES, "penalties");
        for (k, penalty) in s.penalties.iter().enumerate() {
            let path = span::item(&penalties, k);
            self.number(
                &span::child(&path, "marks"),
                penalty.marks,
                max::MARKS,
                "marks",
            );
            self.patterns(&span::child(&path, "when"), &penalty.when);
        }
        let rules = at("rules");
        match &s.rules {
            Rules::Points(p) => {
                let path = span::child(&rules, "points");
                let at = |key: &str| span::child(&path, key);
                if let Some(n) = p.choose {
                    self.number(&at("choose"), n, max::POINTS as u32, "points");
                }
                if let Some(n) = p.cap {
                    self.number(&at("cap"), n, max::MARKS, "marks");
                }
                self.points(&at("points"), &p.points);
            }
            Rules::Levels(l) => {
                let path = span::child(&rules, "levels");
                let at = |key: &str| span::child(&path, key);
                self.points(&at("points"), &l.points);
                self.count(&at("levels"), l.levels.len(), max::LEVELS, "levels");
                for (k, level) in l.levels.iter().enumerate() {
                    let path = span::item(&at("levels"), k);
                    let at = |key: &str| span::child(&path, key);
                    self.number(&at("level"), level.level, max::LEVELS as u32, "levels");
                    for (m, &mark) in level.marks.iter().enumerate() {
                        self.number(&span::item(&at("marks"), m), mark, max::MARKS, "marks");
                    }
                    self.length(
                        &at("descriptor"),
                        &level.descriptor,
                        max::TEXT,
                        "a descriptor",
                    );
                    let needs = at("requires");
                    let r = level.requires;
                    for (key, n) in [
                        ("points", r.points),
                        ("developed", r.developed),
                        ("sides", r.sides),
                    ] {
                        self.number(&span::child(&needs, key), n, max::POINTS as u32, "points");
                    }
                }
                self.count(&at("caps"), l.caps.len(), max::CAPS, "caps");
                for (k, cap) in l.caps.iter().enumerate() {
                    self.number(
                        &span::child(&span::item(&at("caps"), k), "max_level"),
                        cap.max_level,
                        max::LEVELS as u32,
                        "levels",
                    );
                }
            }
            Rules::Choice(choice) => self.length(
                &span::child(&span::child(&rules, "choice"), "correct"),
                &choice.correct,
                max::NAME,
                "the correct option",
            ),
        }
    }

    fn points(&mut self, path: &str, points: &[Point]) {
        self.count(path, points.len(), max::POINTS, "points");
        for (k, point) in points.iter().enumerate() {
            let path = span::item(path, k);
            let at = |key: &str| span::child(&path, key);
            self.length(&at("id"), &point.id, max::NAME, "a point's id");
            self.length(&at("label"), &point.label, max::TEXT, "a point's label");
            self.number(&at("marks"), point.marks, max::MARKS, "marks on a point");
            self.patterns(&at("accept"), &point.accept);
            self.patterns(&at("reject"), &point.reject);
            if let Some(develop) = &point.develop {
                let path = at("develop");
                self.number(
                    &span::child(&path, "marks"),
                    develop.marks,
                    max::MARKS,
                    "marks for developing a point",
                );
                self.patterns(&span::child(&path, "accept"), &develop.accept);
            }
        }
    }

    /// A list of patterns and, within each, its nested lists and word distances. Nesting
    /// depth is bounded by the YAML parser's own recursion limit.
    fn patterns(&mut self, path: &str, patterns: &[Pattern]) {
        self.count(path, patterns.len(), max::PATTERNS, "patterns");
        for (k, pattern) in patterns.iter().enumerate() {
            let Pattern::Spec(spec) = pattern else {
                continue;
            };
            let path = span::item(path, k);
            let at = |key: &str| span::child(&path, key);
            for (key, n) in [("gap", spec.gap), ("window", spec.window)] {
                if let Some(n) = n {
                    self.number(&at(key), n, max::WORDS_APART, "words");
                }
            }
            self.patterns(&at("all"), &spec.all);
            self.patterns(&at("any"), &spec.any);
        }
    }

    fn blueprint(&mut self, bp: &crate::model::Blueprint) {
        self.number(
            "time_minutes",
            bp.time_minutes,
            max::MINUTES,
            "minutes (ten hours)",
        );
        for (key, lines) in [
            ("materials", &bp.materials),
            ("instructions", &bp.instructions),
            ("information", &bp.information),
        ] {
            self.count(key, lines.len(), max::COVER_LINES, "lines");
            for (k, line) in lines.iter().enumerate() {
                self.length(&span::item(key, k), line, max::TEXT, "a cover line");
            }
        }
        self.count("sections", bp.sections.len(), max::SECTIONS, "sections");
        for (si, section) in bp.sections.iter().enumerate() {
            let path = span::item("sections", si);
            let at = |key: &str| span::child(&path, key);
            if let Some(n) = section.answer {
                self.number(
                    &at("answer"),
                    n,
                    max::SLOTS as u32 * max::SLOT_COUNT,
                    "questions",
                );
            }
            self.count(&at("slots"), section.slots.len(), max::SLOTS, "slots");
            for (ki, slot) in section.slots.iter().enumerate() {
                let path = span::item(&at("slots"), ki);
                let at = |key: &str| span::child(&path, key);
                self.number(
                    &at("count"),
                    slot.count,
                    max::SLOT_COUNT,
                    "questions in one slot",
                );
                if let Some(marks) = slot.marks {
                    self.number(&at("marks"), marks, max::MARKS, "marks on a question");
                }
                if let Some(spag) = slot.spag {
                    self.number(&at("spag"), spag, max::SPAG, "SPaG marks on a question");
                }
            }
        }
        self.count(
            "grade_boundaries",
            bp.grade_boundaries.len(),
            max::GRADES,
            "grade boundaries",
        );
        for (k, boundary) in bp.grade_boundaries.iter().enumerate() {
            let path = span::item("grade_boundaries", k);
            self.number(
                &span::child(&path, "min"),
                boundary.min,
                max::BOUNDARY,
                "marks",
            );
            self.length(
                &span::child(&path, "grade"),
                &boundary.grade,
                max::NAME,
                "a grade",
            );
        }
    }
}
