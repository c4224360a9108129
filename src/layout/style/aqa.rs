//! AQA: candidate boxes and a "For Examiner's Use" grid on the cover, questions numbered
//! in boxes (`01`, `01.1`), `[4 marks]` after the question text, solid answer lines,
//! "END OF QUESTIONS".

use super::{
    BODY_SIZE, CoverInfo, CoverText, FOOT_BASELINE, HEAD_BASELINE, HouseStyle, LEFT, MarksPlace,
    PageInfo, PartNumbering, RIGHT, Running, SchemeWords, answer_rubric, digit_boxes, field_box,
    materials, or_default, paper_total, plural_marks, running_items, time_allowed,
};
use crate::layout::compose::{filled, outline, run, run_centred, run_right};
use crate::layout::font::{Face, FontBook};
use crate::layout::page::{Dash, Item, MM};
use crate::model::Board;
use crate::paper::{Paper, number};

/// AQA's house style.
pub struct Aqa;

impl HouseStyle for Aqa {
    fn board(&self) -> Board {
        Board::Aqa
    }

    fn marks(&self, marks: u32) -> String {
        format!("[{}]", plural_marks(marks))
    }

    fn spag(&self, spag: u32) -> String {
        format!(
            "[plus {} for spelling, punctuation and grammar]",
            plural_marks(spag)
        )
    }

    fn marks_place(&self) -> MarksPlace {
        MarksPlace::AfterText
    }

    fn part_numbering(&self) -> PartNumbering {
        PartNumbering::InGutter
    }

    fn answer_dash(&self) -> Dash {
        Dash::Solid
    }

    fn number(&self, book: &FontBook, label: &str, baseline: f32) -> Vec<Item> {
        let size = BODY_SIZE;
        let width = book.width(Face::Bold, size, label) + 3.0 * MM;
        vec![
            outline(LEFT, baseline - 11.0, width, 15.0, 0.8),
            run_centred(book, Face::Bold, size, LEFT + width / 2.0, baseline, label),
        ]
    }

    fn end_of_paper(&self, _paper: &Paper) -> Option<String> {
        Some("END OF QUESTIONS".to_string())
    }

    fn cover(&self, info: &CoverInfo) -> Vec<Item> {
        cover(info)
    }

    fn running(&self, info: &PageInfo) -> Vec<Item> {
        running_items(
            info,
            Running {
                number_face: Face::Bold,
                number_size: 10.0,
                number_baseline: HEAD_BASELINE,
                centre_foot: None,
                turn_over: "Turn over ►",
            },
        )
    }

    fn blank_page(&self) -> &'static str {
        "This page is intentionally blank"
    }

    fn sources_in_insert(&self) -> bool {
        true
    }

    fn scheme_words(&self) -> SchemeWords {
        SchemeWords {
            title: "Mark scheme",
            levels: "Levels of response",
            indicative: "Indicative content",
            points: "Creditworthy points",
        }
    }
}

/// Right-hand column of the cover: the examiner's grid.
const GRID_X: f32 = 140.0 * MM;

fn cover(info: &CoverInfo) -> Vec<Item> {
    let book = info.book;
    let paper = info.paper;
    let bp = &paper.blueprint;
    let mut items = vec![run(book, Face::Bold, 30.0, LEFT, 20.0 * MM + 24.0, "AQA")];

    // Candidate details, top right.
    let x = 80.0 * MM;
    items.push(run(
        book,
        Face::Italic,
        9.0,
        x,
        20.0 * MM + 6.0,
        "Write clearly, in capital letters.",
    ));
    items.extend(digit_boxes(book, "Centre number", x, 30.0 * MM, 5));
    items.extend(digit_boxes(
        book,
        "Candidate number",
        140.0 * MM,
        30.0 * MM,
        4,
    ));
    items.extend(field_box(book, "Surname", x, 46.0 * MM, RIGHT - x));
    items.extend(field_box(book, "Forename(s)", x, 60.0 * MM, RIGHT - x));
    items.extend(field_box(
        book,
        "Candidate signature",
        x,
        74.0 * MM,
        RIGHT - x,
    ));
    items.push(run(
        book,
        Face::Italic,
        8.0,
        x,
        85.0 * MM,
        "By signing I confirm that the answers are my own work.",
    ));

    // Title block, left column.
    let mut text = CoverText::new(book, 92.0 * MM);
    text.rule(LEFT, RIGHT, 2.0);
    text.gap(4.0 * MM);
    let col = GRID_X - 8.0 * MM;
    text.titles(paper, 20.0, col);
    text.paragraph(
        &format!("Time allowed: {}", time_allowed(bp.time_minutes)),
        Face::Bold,
        11.0,
        LEFT,
        col,
    );
    text.gap(4.0 * MM);

    let total = paper_total(paper);
    let materials = materials(paper, &["a black pen"]);
    let instructions = or_default(
        &bp.instructions,
        vec![
            "Write in black ink or black ball-point pen.".to_string(),
            "Fill in the boxes at the top of this page before you start.".to_string(),
            answer_rubric(paper),
            "Write each answer in the space below its question. Nothing written outside the ruled space or on a blank page will be marked."
                .to_string(),
            "Cross through any work you do not want marked.".to_string(),
        ],
    );
    let mut information = vec![
        "Marks for each question are shown in brackets.".to_string(),
        format!("The maximum mark for this paper is {total}."),
    ];
    if paper.total_spag() > 0 {
        information.push(format!(
            "Up to {} of these are for spelling, punctuation and grammar, in the question marked for them.",
            plural_marks(paper.total_spag())
        ));
    }
    let information = or_default(&bp.information, information);

    let sections = [
        ("Materials", materials),
        ("Instructions", instructions),
        ("Information", information),
    ];
    text.sections(&sections, LEFT, col, 268.0 * MM);
    items.extend(text.items);

    items.extend(examiner_grid(book, paper, 96.0 * MM, 270.0 * MM));
    items.push(run_right(
        book,
        Face::Bold,
        10.0,
        RIGHT,
        FOOT_BASELINE,
        "Turn over ►",
    ));
    items.push(super::cover_foot(
        book,
        &format!("{}   {}", bp.code, paper.paper_id),
    ));
    items
}

/// The "For Examiner's Use" grid: one row per question and a total.
fn examiner_grid(book: &FontBook, paper: &Paper, top: f32, bottom: f32) -> Vec<Item> {
    let questions: Vec<String> = paper
        .questions()
        .map(|q| number::question(Board::Aqa, q.number))
        .collect();
    let rows = questions.len() + 2;
    let row = ((bottom - top - 10.0 * MM) / rows as f32).min(8.0 * MM);
    let (x0, x1) = (GRID_X, RIGHT);
    let mid = x0 + (x1 - x0) * 0.45;
    let size = if row < 5.0 * MM { 7.0 } else { 9.0 };
    let mut items = vec![run_centred(
        book,
        Face::Bold,
        10.0,
        (x0 + x1) / 2.0,
        top + 5.0 * MM,
        "For Examiner’s Use",
    )];
    let grid_top = top + 7.0 * MM;
    items.push(filled(x0, grid_top, x1 - x0, row, 0.85));
    let labels = std::iter::once("Question".to_string())
        .chain(questions)
        .chain(std::iter::once("TOTAL".to_string()));
    for (i, label) in labels.enumerate() {
        let y = grid_top + i as f32 * row;
        items.push(outline(x0, y, mid - x0, row, 0.8));
        items.push(outline(mid, y, x1 - mid, row, 0.8));
        let baseline = y + row / 2.0 + size * 0.35;
        let face = if i == 0 || i == rows - 1 {
            Face::Bold
        } else {
            Face::Regular
        };
        items.push(run_centred(
            book,
            face,
            size,
            (x0 + mid) / 2.0,
            baseline,
            &label,
        ));
        if i == 0 {
            items.push(run_centred(
                book,
                Face::Bold,
                size,
                (mid + x1) / 2.0,
                baseline,
                "Mark",
            ));
        }
    }
    items
}
