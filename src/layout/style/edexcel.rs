//! Pearson Edexcel: candidate boxes and a Total Marks box on the cover, questions numbered
//! `1`, `(a)`, `(4)` after the answer lines, every question closed by its total, dotted
//! answer lines, `TOTAL FOR PAPER = N MARKS`, "BLANK PAGE".

use super::{
    CoverInfo, CoverText, FOOT_BASELINE, HouseStyle, LEFT, MarksPlace, PageInfo, PartNumbering,
    RIGHT, Running, SMALL_SIZE, SchemeWords, answer_rubric, digit_boxes, field_box, materials,
    or_default, paper_total, plural_marks, running_items, time_allowed,
};
use crate::layout::compose::{outline, run, run_right};
use crate::layout::font::Face;
use crate::layout::page::{Dash, Item, MM};
use crate::model::Board;
use crate::paper::Paper;

/// Pearson Edexcel's house style.
pub struct Edexcel;

impl HouseStyle for Edexcel {
    fn board(&self) -> Board {
        Board::Edexcel
    }

    fn marks(&self, marks: u32) -> String {
        format!("({marks})")
    }

    fn spag(&self, spag: u32) -> String {
        format!(
            "(Spelling, punctuation, grammar and specialist terms = {})",
            plural_marks(spag)
        )
    }

    fn marks_place(&self) -> MarksPlace {
        MarksPlace::AfterLines
    }

    fn part_numbering(&self) -> PartNumbering {
        PartNumbering::Label
    }

    fn question_total(&self, number: u32, marks: u32) -> Option<String> {
        Some(format!(
            "(Total for Question {number} = {})",
            plural_marks(marks)
        ))
    }

    fn answer_dash(&self) -> Dash {
        Dash::Dotted
    }

    fn end_of_paper(&self, paper: &Paper) -> Option<String> {
        Some(format!("TOTAL FOR PAPER = {} MARKS", paper_total(paper)))
    }

    fn cover(&self, info: &CoverInfo) -> Vec<Item> {
        cover(info)
    }

    fn running(&self, info: &PageInfo) -> Vec<Item> {
        running_items(
            info,
            Running {
                number_face: Face::Regular,
                number_size: 9.0,
                number_baseline: FOOT_BASELINE,
                centre_foot: None,
                turn_over: "Turn over ►",
            },
        )
    }

    fn blank_page(&self) -> &'static str {
        "BLANK PAGE"
    }

    fn scheme_words(&self) -> SchemeWords {
        SchemeWords {
            title: "Mark scheme",
            levels: "Level descriptors",
            indicative: "Indicative content",
            points: "Marking points",
        }
    }
}

fn cover(info: &CoverInfo) -> Vec<Item> {
    let book = info.book;
    let paper = info.paper;
    let bp = &paper.blueprint;
    let mut items = Vec::new();

    // Candidate details.
    let top = 16.0 * MM;
    items.push(outline(LEFT, top, RIGHT - LEFT, 7.0 * MM, 0.6));
    items.push(run(
        book,
        Face::Italic,
        9.0,
        LEFT + 2.0 * MM,
        top + 4.8 * MM,
        "Check the details of this examination below before you write your candidate information.",
    ));
    let half = (LEFT + RIGHT) / 2.0;
    items.extend(field_box(
        book,
        "Candidate surname",
        LEFT,
        32.0 * MM,
        half - LEFT - 4.0 * MM,
    ));
    items.extend(field_box(
        book,
        "Other names",
        half + 4.0 * MM,
        32.0 * MM,
        RIGHT - half - 4.0 * MM,
    ));
    items.extend(digit_boxes(book, "Centre number", LEFT, 48.0 * MM, 5));
    items.extend(digit_boxes(
        book,
        "Candidate number",
        half + 4.0 * MM,
        48.0 * MM,
        4,
    ));

    let mut text = CoverText::new(book, 62.0 * MM);
    text.rule(LEFT, RIGHT, 2.0);
    text.gap(4.0 * MM);
    text.clamped(
        &format!("Pearson Edexcel Level 1/Level 2 {}", bp.qualification),
        Face::Bold,
        15.0,
        LEFT,
        RIGHT,
        2,
    );
    text.gap(3.0 * MM);
    // Time and paper reference side by side.
    let row = text.y;
    text.items.push(run(
        book,
        Face::Bold,
        11.0,
        LEFT,
        row + 5.0 * MM,
        &format!("Time {}", time_allowed(bp.time_minutes)),
    ));
    let reference = super::fit_line(
        book,
        Face::Bold,
        11.0,
        &format!("Paper reference  {}", bp.code),
        (RIGHT - LEFT) / 2.0,
    );
    let ref_width = book.width(Face::Bold, 11.0, &reference) + 6.0 * MM;
    text.items
        .push(outline(RIGHT - ref_width, row, ref_width, 7.5 * MM, 0.8));
    text.items.push(run_right(
        book,
        Face::Bold,
        11.0,
        RIGHT - 3.0 * MM,
        row + 5.0 * MM,
        &reference,
    ));
    text.gap(12.0 * MM);
    text.clamped(&bp.title, Face::Bold, 16.0, LEFT, RIGHT, 3);
    text.gap(4.0 * MM);

    // "You must have" and the Total Marks box.
    let materials = materials(paper, &["a black pen"]);
    let have = format!("You must have: {}.", materials.join(", "));
    let box_top = text.y;
    let totals_x = RIGHT - 38.0 * MM;
    let mut have_text = CoverText::new(book, box_top + 2.0 * MM);
    have_text.clamped(
        &have,
        Face::Regular,
        10.0,
        LEFT + 3.0 * MM,
        totals_x - 8.0 * MM,
        4,
    );
    let box_height = (have_text.y - box_top + 2.0 * MM).max(18.0 * MM);
    text.items.extend(have_text.items);
    text.items.push(outline(
        LEFT,
        box_top,
        totals_x - 4.0 * MM - LEFT,
        box_height,
        0.8,
    ));
    text.items.push(outline(
        totals_x,
        box_top,
        RIGHT - totals_x,
        box_height,
        1.5,
    ));
    text.items.push(run(
        book,
        Face::Bold,
        9.0,
        totals_x + 2.0 * MM,
        box_top + 4.5 * MM,
        "Total Marks",
    ));
    text.y = box_top + box_height + 6.0 * MM;

    let total = paper_total(paper);
    let instructions = or_default(
        &bp.instructions,
        vec![
            "Write in black ink or black ball-point pen.".to_string(),
            "Write your surname, other names, centre number and candidate number in the boxes above."
                .to_string(),
            answer_rubric(paper),
            "Write each answer in the space given for it; you need not fill every line."
                .to_string(),
        ],
    );
    let information = or_default(
        &bp.information,
        vec![
            format!("This paper is worth {total} marks in total."),
            "The marks for each question or part are printed in brackets: let them guide how long you spend."
                .to_string(),
        ],
    );
    let advice = vec![
        "Read every question through before you begin your answer.".to_string(),
        "Leave a few minutes at the end to check your work.".to_string(),
    ];
    let sections = [
        ("Instructions", instructions),
        ("Information", information),
        ("Advice", advice),
    ];
    text.sections(&sections, LEFT, RIGHT, 268.0 * MM);
    items.extend(text.items);

    items.push(run(
        book,
        Face::Regular,
        SMALL_SIZE,
        LEFT,
        FOOT_BASELINE,
        &paper.paper_id,
    ));
    items.push(run_right(
        book,
        Face::Bold,
        10.0,
        RIGHT,
        FOOT_BASELINE,
        "Turn over ►",
    ));
    items
}
