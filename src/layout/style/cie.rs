//! Cambridge IGCSE: the syllabus and paper code on the cover, READ THESE INSTRUCTIONS
//! FIRST, a statement of how many pages the document has, questions numbered `1 (a)`,
//! `[4]` at the end of the last answer line, the paper code in every inner page's foot.

use super::{
    CoverInfo, CoverText, FOOT_BASELINE, HEAD_BASELINE, HouseStyle, LEFT, MarksPlace, PageInfo,
    PartNumbering, RIGHT, Running, SMALL_SIZE, SchemeWords, answer_rubric, digit_boxes, field_box,
    materials, or_default, paper_total, plural_marks, running_items, time_allowed,
};
use crate::layout::compose::{run, run_right};
use crate::layout::font::Face;
use crate::layout::page::{Dash, Item, MM};
use crate::model::Board;
use crate::paper::Paper;

/// Cambridge International's house style.
pub struct Cie;

impl HouseStyle for Cie {
    fn board(&self) -> Board {
        Board::Cie
    }

    fn marks(&self, marks: u32) -> String {
        format!("[{marks}]")
    }

    fn spag(&self, spag: u32) -> String {
        format!(
            "[Spelling, punctuation and grammar: {}]",
            plural_marks(spag)
        )
    }

    fn marks_place(&self) -> MarksPlace {
        MarksPlace::OnLastLine
    }

    fn part_numbering(&self) -> PartNumbering {
        PartNumbering::Label
    }

    fn answer_dash(&self) -> Dash {
        Dash::Dotted
    }

    fn lines_for(&self, marks: u32) -> u32 {
        (marks * 2 + 2).clamp(3, 40)
    }

    fn end_of_paper(&self, _paper: &Paper) -> Option<String> {
        None
    }

    fn cover(&self, info: &CoverInfo) -> Vec<Item> {
        cover(info)
    }

    fn running(&self, info: &PageInfo) -> Vec<Item> {
        running_items(
            info,
            Running {
                number_face: Face::Regular,
                number_size: 10.0,
                number_baseline: HEAD_BASELINE,
                centre_foot: Some(&info.paper.blueprint.code),
                turn_over: "[Turn over",
            },
        )
    }

    fn blank_page(&self) -> &'static str {
        "BLANK PAGE"
    }

    fn scheme_words(&self) -> SchemeWords {
        SchemeWords {
            title: "Mark scheme",
            levels: "Levels",
            indicative: "Guidance",
            points: "Answer",
        }
    }
}

fn cover(info: &CoverInfo) -> Vec<Item> {
    let book = info.book;
    let paper = info.paper;
    let bp = &paper.blueprint;
    let qualification = super::fit_line(book, Face::Bold, 18.0, &bp.qualification, RIGHT - LEFT);
    let mut items = vec![run(
        book,
        Face::Bold,
        18.0,
        LEFT,
        20.0 * MM + 12.0,
        &qualification,
    )];
    items.extend(field_box(
        book,
        "Candidate name",
        LEFT,
        36.0 * MM,
        RIGHT - LEFT,
    ));
    items.extend(digit_boxes(book, "Centre number", LEFT, 52.0 * MM, 5));
    items.extend(digit_boxes(
        book,
        "Candidate number",
        110.0 * MM,
        52.0 * MM,
        4,
    ));

    let mut text = CoverText::new(book, 66.0 * MM);
    text.rule(LEFT, RIGHT, 1.5);
    text.gap(4.0 * MM);
    let half = (RIGHT - LEFT) / 2.0 - 4.0 * MM;
    let subject = super::fit_line(book, Face::Bold, 14.0, &bp.subject.to_uppercase(), half);
    let code = super::fit_line(book, Face::Bold, 14.0, &bp.code, half);
    let row = text.y;
    text.items
        .push(run(book, Face::Bold, 14.0, LEFT, row + 14.0, &subject));
    text.items
        .push(run_right(book, Face::Bold, 14.0, RIGHT, row + 14.0, &code));
    text.gap(9.0 * MM);
    text.clamped(&bp.title, Face::Regular, 12.0, LEFT, RIGHT - 30.0 * MM, 3);
    text.gap(2.0 * MM);
    let time = time_allowed(bp.time_minutes);
    let row = text.y;
    text.items
        .push(run_right(book, Face::Bold, 11.0, RIGHT, row + 11.5, &time));
    text.gap(8.0 * MM);
    text.paragraph(
        "You must answer on the question paper.",
        Face::Regular,
        10.0,
        LEFT,
        RIGHT,
    );
    let materials = materials(paper, &[]);
    let materials = if materials.is_empty() {
        "No additional materials are needed.".to_string()
    } else {
        format!("You will need: {}.", materials.join(", "))
    };
    text.clamped(&materials, Face::Regular, 10.0, LEFT, RIGHT, 3);
    text.gap(4.0 * MM);
    text.rule(LEFT, RIGHT, 0.8);
    text.gap(4.0 * MM);
    text.paragraph(
        "READ THESE INSTRUCTIONS FIRST",
        Face::Bold,
        12.0,
        LEFT,
        RIGHT,
    );
    text.gap(3.0 * MM);

    let total = paper_total(paper);
    let instructions = or_default(
        &bp.instructions,
        vec![
            answer_rubric(paper),
            "Write with a black or dark blue pen.".to_string(),
            "Put your name, centre number and candidate number in the boxes at the top of this page."
                .to_string(),
            "Write each answer in the space printed for it, below its question.".to_string(),
            "Correction fluid and erasable pens must not be used.".to_string(),
        ],
    );
    let information = or_default(
        &bp.information,
        vec![
            format!("The total mark for this paper is {total}."),
            "The number of marks for each question or part question is given in brackets [ ] at its end."
                .to_string(),
        ],
    );
    let sections = [("INSTRUCTIONS", instructions), ("INFORMATION", information)];
    text.sections(&sections, LEFT, RIGHT, 262.0 * MM);
    items.extend(text.items);

    items.push(run(
        book,
        Face::Regular,
        10.0,
        LEFT,
        FOOT_BASELINE - 6.0 * MM,
        &format!("This document has {} pages.", info.pages),
    ));
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
        "[Turn over",
    ));
    items
}
