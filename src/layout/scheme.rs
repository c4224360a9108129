//! The mark scheme: per question, the printed number and marks, the question in brief, a
//! model answer, and the points (with accepted phrasings in plain words) or the levels
//! (with descriptors and indicative content) a teacher marks against.

use super::compose::{Composer, Flow, hrule, run, run_right};
use super::distribute::{Region, distribute};
use super::font::{Face, FontBook};
use super::page::{Dash, Document, MM, Page};
use super::style::{
    BODY_BOTTOM, BODY_TOP, FOOT_BASELINE, HouseStyle, LEFT, RIGHT, SMALL_SIZE, SchemeWords, TEXT_X,
    paper_total, plural_marks,
};
use super::wrap::truncate_words;
use crate::model::{CapCondition, Pattern, Rules, Scheme};
use crate::paper::{Paper, PaperQuestion, number};

/// Size of scheme body text.
const SIZE: f32 = 10.0;
/// Words of the question reprinted in the scheme.
const QUESTION_WORDS: usize = 60;
/// Indent of text under a bullet.
const BULLET_X: f32 = TEXT_X + 4.0 * MM;

/// Lays out a mark scheme.
pub fn lay_out(paper: &Paper, style: &dyn HouseStyle, book: &FontBook) -> Document {
    let flow = body(paper, style, book);
    let region = Region {
        top: BODY_TOP - 6.0 * MM,
        bottom: BODY_BOTTOM,
    };
    let body = distribute(&flow, region, book);
    let total = body.len();
    let pages = body
        .into_iter()
        .enumerate()
        .map(|(k, mut items)| {
            let foot = format!("{} · {}", style.scheme_words().title, paper.paper_id);
            items.push(run(
                book,
                Face::Regular,
                SMALL_SIZE,
                LEFT,
                FOOT_BASELINE,
                &foot,
            ));
            let page = format!("Page {} of {}", k + 1, total);
            items.push(run_right(
                book,
                Face::Regular,
                SMALL_SIZE,
                RIGHT,
                FOOT_BASELINE,
                &page,
            ));
            Page { items }
        })
        .collect();
    let bp = &paper.blueprint;
    Document {
        title: format!("{} {} {}: mark scheme", bp.qualification, bp.code, bp.title),
        subject: format!("Mark scheme {}", paper.paper_id),
        pages,
    }
}

fn body(paper: &Paper, style: &dyn HouseStyle, book: &FontBook) -> Flow {
    let words = style.scheme_words();
    let bp = &paper.blueprint;
    let board = bp.board;
    let mut c = Composer::new(book);
    c.text(
        &format!("{} · {}", bp.qualification, bp.code),
        Face::Bold,
        12.0,
        LEFT,
        RIGHT,
        Vec::new(),
    );
    c.text(&bp.title, Face::Bold, 12.0, LEFT, RIGHT, Vec::new());
    c.space(2.0 * MM);
    c.text(words.title, Face::Bold, 20.0, LEFT, RIGHT, Vec::new());
    let mut total = format!("Maximum mark {}", paper.total_marks());
    if paper.total_spag() > 0 {
        total.push_str(&format!(
            " plus {} for spelling, punctuation and grammar",
            plural_marks(paper.total_spag())
        ));
    }
    c.text(
        &format!(
            "For paper {} only (seed {}, variant {}): other variants have their own schemes. {total}.",
            paper.paper_id, paper.seed, paper.variant
        ),
        Face::Regular,
        SIZE,
        LEFT,
        RIGHT,
        Vec::new(),
    );
    c.push(
        4.0 * MM,
        vec![hrule(LEFT, RIGHT, 2.0 * MM, 1.0, Dash::Solid, 0.0)],
    );

    for section in &paper.sections {
        if paper.sections.len() > 1 {
            c.space(4.0 * MM);
            c.text(&section.title, Face::Bold, 13.0, LEFT, RIGHT, Vec::new());
            c.keep_last();
        }
        for pq in &section.questions {
            question(&mut c, style, &words, board, pq);
        }
    }
    c.space(6.0 * MM);
    c.text(
        &format!("Total for paper: {} marks", paper_total(paper)),
        Face::Bold,
        11.0,
        LEFT,
        RIGHT,
        Vec::new(),
    );
    c.finish()
}

fn question(
    c: &mut Composer,
    style: &dyn HouseStyle,
    words: &SchemeWords,
    board: crate::model::Board,
    pq: &PaperQuestion,
) {
    let q = &pq.question;
    let book = c.book;
    c.space(7.0 * MM);
    let start = c.mark();
    let heading = format!("Question {}", number::question(board, pq.number));
    let baseline = super::compose::baseline_of(13.0);
    let mut marks = style.marks(q.marks);
    if q.spag > 0 {
        marks.push_str(&format!(" + {} SPaG", q.spag));
    }
    let right = run_right(book, Face::Bold, 11.0, RIGHT, baseline, &marks);
    let room = RIGHT - LEFT - book.width(Face::Bold, 11.0, &marks) - 6.0 * MM;
    c.text(&heading, Face::Bold, 13.0, LEFT, LEFT + room, vec![right]);
    c.text(
        &format!("{} · {} · {}", pq.topic_title, q.command, q.id),
        Face::Italic,
        8.5,
        LEFT,
        RIGHT,
        Vec::new(),
    );
    c.text(
        &truncate_words(&q.text, QUESTION_WORDS),
        Face::Italic,
        SIZE,
        LEFT,
        RIGHT,
        Vec::new(),
    );
    c.keep_together(start, c.mark() - 1);
    c.keep_last();

    if q.has_parts() {
        for (i, part) in q.parts.iter().enumerate() {
            c.space(4.0 * MM);
            let label = number::part(board, pq.number, i, &part.label);
            let marks = style.marks(part.marks);
            let right = run_right(book, Face::Bold, 11.0, RIGHT, baseline_11(), &marks);
            let text = format!(
                "{label}  {}",
                truncate_words(&part.text, QUESTION_WORDS / 2)
            );
            let room = RIGHT - book.width(Face::Bold, 11.0, &marks) - 6.0 * MM;
            let start = c.mark();
            c.text(&text, Face::Bold, 11.0, LEFT, room, vec![right]);
            c.keep_together(start, c.mark() - 1);
            c.keep_last();
            let scheme = pq
                .schemes
                .iter()
                .find(|s| s.part.as_deref() == Some(part.label.as_str()));
            scheme_body(c, words, scheme);
        }
    } else {
        scheme_body(c, words, pq.schemes.first());
    }
}

fn baseline_11() -> f32 {
    super::compose::baseline_of(11.0)
}

fn heading(c: &mut Composer, text: &str) {
    c.space(2.5 * MM);
    c.text(text, Face::Bold, SIZE, LEFT, RIGHT, Vec::new());
    c.keep_last();
}

fn bullet(c: &mut Composer, text: &str, face: Face) {
    c.labelled(
        "•",
        Face::Regular,
        text,
        face,
        SIZE,
        TEXT_X,
        BULLET_X,
        RIGHT,
    );
}

fn note(c: &mut Composer, text: &str) {
    c.text(text, Face::Italic, 9.0, BULLET_X, RIGHT, Vec::new());
}

fn scheme_body(c: &mut Composer, words: &SchemeWords, scheme: Option<&Scheme>) {
    let Some(scheme) = scheme else {
        c.text(
            "No mark scheme for this question is in the bank: run `examkit check`.",
            Face::Italic,
            SIZE,
            LEFT,
            RIGHT,
            Vec::new(),
        );
        return;
    };
    heading(c, "Model answer");
    c.text(
        &scheme.model_answer,
        Face::Regular,
        SIZE,
        TEXT_X,
        RIGHT,
        Vec::new(),
    );

    match &scheme.rules {
        Rules::Points(rules) => {
            heading(c, words.points);
            let mut rubric = Vec::new();
            if let Some(n) = rules.choose {
                rubric.push(format!("Credit any {n} of these points."));
            }
            if let Some(cap) = rules.cap {
                rubric.push(format!("At most {} from these points.", plural_marks(cap)));
            }
            if !rubric.is_empty() {
                c.text(
                    &rubric.join(" "),
                    Face::Italic,
                    SIZE,
                    TEXT_X,
                    RIGHT,
                    Vec::new(),
                );
            }
            for point in &rules.points {
                point_lines(c, point, true);
            }
        }
        Rules::Levels(rules) => {
            heading(c, words.levels);
            for level in rules.levels.iter().rev() {
                let [lo, hi] = level.marks;
                let range = if lo == hi {
                    plural_marks(hi)
                } else {
                    format!("{lo}–{hi} marks")
                };
                let start = c.mark();
                c.text(
                    &format!("Level {} ({range})", level.level),
                    Face::Bold,
                    SIZE,
                    TEXT_X,
                    RIGHT,
                    Vec::new(),
                );
                c.text(
                    &level.descriptor,
                    Face::Regular,
                    SIZE,
                    BULLET_X,
                    RIGHT,
                    Vec::new(),
                );
                c.keep_together(start, (start + 2).min(c.mark() - 1));
                c.space(1.5 * MM);
            }
            for cap in &rules.caps {
                let when = match cap.when {
                    CapCondition::OneSided => "An answer that argues only one side",
                    CapCondition::Undeveloped => "An answer that develops no point",
                    CapCondition::ListOnly => "A list of words rather than sentences",
                };
                note(
                    c,
                    &format!("{when} reaches at most Level {}.", cap.max_level),
                );
            }
            if !rules.points.is_empty() {
                heading(c, "Points an answer may make");
                for point in &rules.points {
                    point_lines(c, point, false);
                }
            }
        }
        Rules::Choice(choice) => {
            heading(c, "Answer");
            c.text(
                &format!("{} (1 mark for this option only)", choice.correct),
                Face::Bold,
                SIZE,
                TEXT_X,
                RIGHT,
                Vec::new(),
            );
        }
    }
    if !scheme.penalties.is_empty() {
        heading(c, "Deduct");
        for penalty in &scheme.penalties {
            bullet(
                c,
                &format!("−{}: {}", plural_marks(penalty.marks), penalty.label),
                Face::Regular,
            );
            note(
                c,
                &format!("When the answer says: {}", patterns(&penalty.when)),
            );
        }
    }
    if !scheme.guidance.is_empty() {
        heading(c, words.indicative);
        for line in &scheme.guidance {
            bullet(c, line, Face::Regular);
        }
    }
}

fn point_lines(c: &mut Composer, point: &crate::model::Point, with_marks: bool) {
    let mut label = point.label.clone();
    if with_marks {
        label.push_str(&format!(" ({})", plural_marks(point.marks)));
    }
    if let Some(side) = &point.side {
        label.push_str(&format!(" [{side}]"));
    }
    let start = c.mark();
    bullet(c, &label, Face::Regular);
    if !point.accept.is_empty() {
        note(c, &format!("Accept: {}", patterns(&point.accept)));
    }
    if !point.reject.is_empty() {
        note(c, &format!("Do not accept: {}", patterns(&point.reject)));
    }
    if let Some(dev) = &point.develop {
        let how = if dev.accept.is_empty() {
            "explaining it (because…, which meant…, as a result…)".to_string()
        } else {
            patterns(&dev.accept)
        };
        note(
            c,
            &format!("+{} for developing it: {how}", plural_marks(dev.marks)),
        );
    }
    c.keep_together(start, (start + 1).min(c.mark() - 1));
}

/// Accepted phrasings as a teacher reads them: alternatives with "or", required pairs
/// with "+", synonym groups by name.
pub fn patterns(patterns: &[Pattern]) -> String {
    patterns.iter().map(pattern).collect::<Vec<_>>().join("; ")
}

fn pattern(p: &Pattern) -> String {
    match p {
        Pattern::Phrase(s) => phrase(s),
        Pattern::Spec(spec) => {
            if let Some(s) = &spec.phrase {
                phrase(s)
            } else if !spec.all.is_empty() {
                spec.all.iter().map(pattern).collect::<Vec<_>>().join(" + ")
            } else if !spec.any.is_empty() {
                spec.any
                    .iter()
                    .map(pattern)
                    .collect::<Vec<_>>()
                    .join(" or ")
            } else if spec.regex.is_some() {
                "a set wording (see the bank)".to_string()
            } else {
                String::new()
            }
        }
    }
}

/// `withdrew|removed (Soviet) troops @austria` → `withdrew/removed (Soviet) troops [any word for austria]`.
fn phrase(s: &str) -> String {
    s.split_whitespace()
        .map(|w| match w.strip_prefix('@') {
            Some(group) => format!("[any word for {group}]"),
            None => w.replace('|', "/"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PatternSpec;

    #[test]
    fn patterns_read_as_words() {
        let p = vec![
            Pattern::Phrase("withdrew|removed (Soviet) troops".into()),
            Pattern::Phrase("@ussr invaded".into()),
            Pattern::Spec(PatternSpec {
                all: vec![
                    Pattern::Phrase("tanks".into()),
                    Pattern::Phrase("Budapest".into()),
                ],
                ..Default::default()
            }),
        ];
        assert_eq!(
            patterns(&p),
            "withdrew/removed (Soviet) troops; [any word for ussr] invaded; tanks + Budapest"
        );
    }
}
