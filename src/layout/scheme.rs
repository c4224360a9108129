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
use crate::model::{Board, Scheme};
use crate::paper::{Paper, PaperQuestion, number};
use crate::prose::{LevelProse, Marking, Names, PointProse, SchemeProse, spag_levels};

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

    let names = Names::new(&paper.synonyms);
    for section in &paper.sections {
        if paper.sections.len() > 1 {
            c.space(4.0 * MM);
            c.text(&section.title, Face::Bold, 13.0, LEFT, RIGHT, Vec::new());
            c.keep_last();
        }
        for pq in &section.questions {
            question(&mut c, style, &words, &names, board, pq);
        }
    }
    // The total closes the last question: it never stands alone on a page of its own.
    c.keep_together(c.mark().saturating_sub(3), c.mark());
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
    names: &Names,
    board: Board,
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
            scheme_body(c, words, names, board, scheme);
        }
    } else {
        scheme_body(c, words, names, board, pq.schemes.first());
    }
    spag_lines(c, q.spag);
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

fn scheme_body(
    c: &mut Composer,
    words: &SchemeWords,
    names: &Names,
    board: Board,
    scheme: Option<&Scheme>,
) {
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
    let prose = SchemeProse::new(scheme, names, Some(board));
    heading(c, "Model answer");
    c.text(
        &prose.model_answer,
        Face::Regular,
        SIZE,
        TEXT_X,
        RIGHT,
        Vec::new(),
    );

    match &prose.marking {
        Marking::Points { rubric, points } => {
            heading(c, words.points);
            if !rubric.is_empty() {
                c.text(
                    &rubric.join(" "),
                    Face::Italic,
                    SIZE,
                    TEXT_X,
                    RIGHT,
                    Vec::new(),
                );
                c.keep_last();
            }
            for point in points {
                point_lines(c, point);
            }
        }
        Marking::Levels {
            levels,
            caps,
            points,
        } => {
            heading(c, words.levels);
            level_lines(c, levels);
            if !caps.is_empty() {
                // The caps qualify the levels: they stay with the last one.
                c.keep_last();
                let start = c.mark();
                for cap in caps {
                    note(c, cap);
                }
                c.keep_together(start, c.mark() - 1);
            }
            if !points.is_empty() {
                heading(c, "Points an answer may make");
                for point in points {
                    point_lines(c, point);
                }
            }
        }
        Marking::Choice { answer } => {
            heading(c, "Answer");
            c.text(answer, Face::Bold, SIZE, TEXT_X, RIGHT, Vec::new());
        }
    }
    if !prose.penalties.is_empty() {
        heading(c, "Deduct");
        for penalty in &prose.penalties {
            let start = c.mark();
            bullet(
                c,
                &format!("{}: {}", penalty.marks, penalty.label),
                Face::Regular,
            );
            if !penalty.when.is_empty() {
                note(
                    c,
                    &format!("When the answer says: {}", penalty.when.join("; ")),
                );
            }
            c.keep_together(start, c.mark() - 1);
        }
    }
    if !prose.indicative.is_empty() {
        heading(c, words.indicative);
        for line in &prose.indicative {
            bullet(c, line, Face::Regular);
        }
    }
}

/// Levels, highest first, each kept whole on one page: a descriptor is a few lines, and
/// one split from its heading reads as belonging to the level after it.
fn level_lines(c: &mut Composer, levels: &[LevelProse]) {
    for level in levels {
        let start = c.mark();
        c.text(&level.heading, Face::Bold, SIZE, TEXT_X, RIGHT, Vec::new());
        c.text(
            &level.descriptor,
            Face::Regular,
            SIZE,
            BULLET_X,
            RIGHT,
            Vec::new(),
        );
        c.keep_together(start, c.mark() - 1);
        c.space(1.5 * MM);
    }
}

/// A point: its label and marks, then what is accepted, not accepted and what develops
/// it. The whole block stays on one page, so no "Accept" or development line is ever
/// parted from the point it belongs to.
fn point_lines(c: &mut Composer, point: &PointProse) {
    let label = match &point.marks {
        Some(marks) => format!("{} {marks}", point.label),
        None => point.label.clone(),
    };
    let start = c.mark();
    bullet(c, &label, Face::Regular);
    if !point.accept.is_empty() {
        note(c, &format!("Accept: {}", point.accept.join("; ")));
    }
    if !point.reject.is_empty() {
        note(c, &format!("Do not accept: {}", point.reject.join("; ")));
    }
    if let Some(develop) = &point.develop {
        note(c, develop);
    }
    c.keep_together(start, c.mark() - 1);
}

/// SPaG performance descriptors, under a question that carries SPaG marks.
fn spag_lines(c: &mut Composer, spag: u32) {
    let bands = spag_levels(spag);
    if bands.is_empty() {
        return;
    }
    heading(c, "Spelling, punctuation and grammar (SPaG)");
    note(
        c,
        "Award these marks for the whole answer, with the use of specialist terms, separately from the content marks.",
    );
    c.keep_last();
    level_lines(c, &bands);
}
