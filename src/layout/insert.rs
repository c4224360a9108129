//! The sources insert: a separate booklet holding a paper's sources and interpretations,
//! as AQA prints them, so a candidate can keep a source open beside the question and the
//! answer space instead of turning back and forth.

use super::compose::Composer;
use super::distribute::{Region, distribute};
use super::font::{Face, FontBook};
use super::page::{Document, Item, MM};
use super::question_paper::{booklet, sources};
use super::style::{BODY_BOTTOM, BODY_TOP, CoverText, HouseStyle, LEFT, RIGHT, cover_foot};
use crate::paper::{Paper, PaperQuestion, number};

/// Lays out the insert of `paper`: a cover, then each question's sources under the
/// question's number, padded to whole sheets.
pub fn lay_out(paper: &Paper, style: &dyn HouseStyle, book: &FontBook) -> Document {
    let with_sources: Vec<&PaperQuestion> = paper
        .questions()
        .filter(|pq| pq.question.has_sources())
        .collect();
    let board = paper.blueprint.board;
    let numbers: Vec<String> = with_sources
        .iter()
        .map(|pq| number::question(board, pq.number))
        .collect();

    let mut c = Composer::new(book);
    for (pq, label) in with_sources.iter().zip(&numbers) {
        c.space(6.0 * MM);
        let start = c.mark();
        c.text(
            &format!("For Question {label}"),
            Face::Bold,
            12.0,
            LEFT,
            RIGHT,
            Vec::new(),
        );
        let mut start = sources(&mut c, &pq.question.sources, start);
        for part in &pq.question.parts {
            start = sources(&mut c, &part.sources, start);
        }
    }
    let flow = c.finish();
    let region = Region {
        top: BODY_TOP,
        bottom: BODY_BOTTOM,
    };
    let body_pages = distribute(&flow, region, book);
    let pages = booklet(paper, style, book, body_pages, |_| {
        cover(paper, book, &numbers)
    });
    let bp = &paper.blueprint;
    Document {
        title: format!("{} {} {} Insert", bp.qualification, bp.code, bp.title),
        subject: format!("Sources insert {}", paper.paper_id),
        pages,
    }
}

/// The insert's cover: board, qualification, paper, "Insert", and which questions its
/// sources belong to.
fn cover(paper: &Paper, book: &FontBook, numbers: &[String]) -> Vec<Item> {
    let bp = &paper.blueprint;
    let mut text = CoverText::new(book, 20.0 * MM);
    text.paragraph(bp.board.display_name(), Face::Bold, 24.0, LEFT, RIGHT);
    text.gap(6.0 * MM);
    text.rule(LEFT, RIGHT, 2.0);
    text.gap(6.0 * MM);
    text.titles(paper, 18.0, RIGHT);
    text.gap(20.0 * MM);
    text.paragraph("Insert", Face::Bold, 30.0, LEFT, RIGHT);
    text.gap(4.0 * MM);
    let lines = [
        (
            format!("The sources for {}.", questions_phrase(numbers)),
            12.0,
        ),
        (
            "Read each source when its question asks you to. Write your answers in the \
             question paper, not in this insert."
                .to_string(),
            11.0,
        ),
    ];
    for (line, size) in lines {
        text.paragraph(&line, Face::Regular, size, LEFT, RIGHT);
        text.gap(4.0 * MM);
    }
    let mut items = text.items;
    items.push(cover_foot(
        book,
        &format!("{}   {}   Insert", bp.code, paper.paper_id),
    ));
    items
}

/// "Question 01", "Questions 01 and 02", "Questions 01, 02 and 04".
fn questions_phrase(numbers: &[String]) -> String {
    match numbers {
        [] => "this paper".to_string(),
        [one] => format!("Question {one}"),
        [rest @ .., last] => format!("Questions {} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::questions_phrase;

    #[test]
    fn questions_are_listed_as_a_reader_would_say_them() {
        let n = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(questions_phrase(&n(&["01"])), "Question 01");
        assert_eq!(questions_phrase(&n(&["01", "02"])), "Questions 01 and 02");
        assert_eq!(
            questions_phrase(&n(&["1", "2", "4"])),
            "Questions 1, 2 and 4"
        );
    }
}
