//! The question paper: cover, questions with their sources and answer space, padding.

use super::compose::{Composer, Flow, run_centred};
use super::distribute::{FRAME_PAD, Region, distribute};
use super::font::{Face, FontBook};
use super::page::{Dash, Document, Item, MM, PAGE_HEIGHT, PAGE_WIDTH, Page};
use super::style::{
    BODY_BOTTOM, BODY_SIZE, BODY_TOP, CoverInfo, HouseStyle, LEFT, LINE_GAP, MarksPlace,
    PART_TEXT_X, PageInfo, PartNumbering, RIGHT, TEXT_X, count_word, uses_insert,
};
use crate::model::{AnswerSpace, ChoiceOption, Source, limits};
use crate::paper::{Paper, PaperQuestion, number};

/// Booklets are printed on folded sheets: four pages a sheet.
const PAGES_PER_SHEET: usize = 4;

/// Lays out a question paper.
pub fn lay_out(paper: &Paper, style: &dyn HouseStyle, book: &FontBook) -> Document {
    let flow = body(paper, style, book);
    let region = Region {
        top: BODY_TOP,
        bottom: BODY_BOTTOM,
    };
    let body_pages = distribute(&flow, region, book);
    let pages = booklet(paper, style, book, body_pages, |total| {
        style.cover(&CoverInfo {
            paper,
            book,
            pages: total,
        })
    });
    let bp = &paper.blueprint;
    Document {
        title: format!("{} {} {}", bp.qualification, bp.code, bp.title),
        subject: format!("Question paper {}", paper.paper_id),
        pages,
    }
}

/// A booklet: the cover `cover(total pages)`, the body pages with the board's running head
/// and foot, then padding pages to make up whole folded sheets, each saying it is blank.
pub(super) fn booklet(
    paper: &Paper,
    style: &dyn HouseStyle,
    book: &FontBook,
    body_pages: Vec<Vec<Item>>,
    cover: impl FnOnce(usize) -> Vec<Item>,
) -> Vec<Page> {
    let content = 1 + body_pages.len();
    let total = content.div_ceil(PAGES_PER_SHEET) * PAGES_PER_SHEET;
    let mut pages = Vec::with_capacity(total);
    pages.push(Page {
        items: cover(total),
    });
    let running = |number: usize| {
        style.running(&PageInfo {
            paper,
            book,
            number,
            pages: total,
            turn_over: number < content,
        })
    };
    for (k, mut items) in body_pages.into_iter().enumerate() {
        items.extend(running(k + 2));
        pages.push(Page { items });
    }
    for number in content + 1..=total {
        let mut items = vec![run_centred(
            book,
            Face::Bold,
            12.0,
            PAGE_WIDTH / 2.0,
            PAGE_HEIGHT / 2.0,
            style.blank_page(),
        )];
        items.extend(running(number));
        pages.push(Page { items });
    }
    pages
}

/// Composes every section and question into one flow.
fn body(paper: &Paper, style: &dyn HouseStyle, book: &FontBook) -> Flow {
    let mut c = Composer::new(book);
    let show_sections = paper.sections.len() > 1;
    for section in &paper.sections {
        c.space(6.0 * MM);
        let start = c.mark();
        if show_sections {
            c.text(&section.title, Face::Bold, 13.0, LEFT, RIGHT, Vec::new());
        }
        if let Some(rubric) = &section.rubric {
            c.text(rubric, Face::Bold, BODY_SIZE, LEFT, RIGHT, Vec::new());
        }
        if c.mark() > start {
            c.keep_last();
            c.keep_together(start, c.mark() - 1);
        }
        for question in &section.questions {
            self::question(&mut c, style, paper, question);
        }
    }
    if let Some(end) = style.end_of_paper(paper) {
        c.space(8.0 * MM);
        match style.marks_place() {
            MarksPlace::AfterLines => c.right(&end, Face::Bold, BODY_SIZE, RIGHT),
            _ => c.centred(&end, Face::Bold, BODY_SIZE, PAGE_WIDTH / 2.0),
        }
    }
    c.finish()
}

/// Composes one question: number, stem, sources, parts, marks and answer space.
fn question(c: &mut Composer, style: &dyn HouseStyle, paper: &Paper, pq: &PaperQuestion) {
    let board = paper.blueprint.board;
    let q = &pq.question;
    let book = c.book;
    let number = number::question(board, pq.number);
    let baseline = super::compose::baseline_of(BODY_SIZE);
    let mut gutter = Some(style.number(book, &number, baseline));
    if q.has_parts() && style.part_numbering() == PartNumbering::InGutter {
        // AQA numbers each part in full; the stem stands unnumbered above them.
        gutter = None;
    }

    c.space(8.0 * MM);
    let start = c.mark();
    if !q.text.trim().is_empty() {
        let extra = gutter.take().unwrap_or_default();
        c.text(&q.text, Face::Regular, BODY_SIZE, TEXT_X, RIGHT, extra);
    }
    // The rubric for "answer N of the parts", unless the stem already says so.
    let says_count = |n: u32| {
        let word = count_word(n);
        q.text
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == word)
    };
    if let Some(n) = q.answer_parts.filter(|&n| !says_count(n)) {
        c.space(1.0 * MM);
        let rubric = format!("Answer {} of the following parts.", count_word(n));
        c.text(&rubric, Face::Bold, BODY_SIZE, TEXT_X, RIGHT, Vec::new());
    }
    // With an insert the sources are printed there, not here.
    let inline = !uses_insert(paper);
    let start = sources(c, shown(&q.sources, inline), start);
    if q.has_parts() {
        for (i, part) in q.parts.iter().enumerate() {
            c.space(5.0 * MM);
            // The stem and its sources stay with the first part.
            let start = if i == 0 { start } else { c.mark() };
            match style.part_numbering() {
                PartNumbering::InGutter => {
                    let label = number::part(board, pq.number, i, &part.label);
                    let extra = style.number(book, &label, baseline);
                    c.text(&part.text, Face::Regular, BODY_SIZE, TEXT_X, RIGHT, extra);
                }
                PartNumbering::Label => {
                    let mut extra = gutter.take().unwrap_or_default();
                    let label = format!("({})", part.label);
                    extra.push(super::compose::run(
                        book,
                        Face::Bold,
                        BODY_SIZE,
                        TEXT_X,
                        baseline,
                        &label,
                    ));
                    c.text(
                        &part.text,
                        Face::Regular,
                        BODY_SIZE,
                        PART_TEXT_X,
                        RIGHT,
                        extra,
                    );
                }
            }
            let x0 = match style.part_numbering() {
                PartNumbering::InGutter => TEXT_X,
                PartNumbering::Label => PART_TEXT_X,
            };
            let start = sources(c, shown(&part.sources, inline), start);
            let start = options(c, &part.options, x0, start);
            let space = answer_lines(
                style,
                part.marks,
                part.answer_space.as_ref(),
                !part.options.is_empty(),
            );
            marks_and_lines(c, style, part.marks, 0, space, x0, start);
        }
        if q.spag > 0 {
            c.keep_last();
            c.right(&style.spag(q.spag), Face::Bold, BODY_SIZE, RIGHT);
        }
    } else {
        let start = options(c, &q.options, TEXT_X, start);
        let space = answer_lines(
            style,
            q.marks,
            q.answer_space.as_ref(),
            !q.options.is_empty(),
        );
        marks_and_lines(c, style, q.marks, q.spag, space, TEXT_X, start);
    }
    if let Some(total) = style.question_total(pq.number, q.marks + q.spag) {
        c.space(2.0 * MM);
        c.keep_last();
        c.right(&total, Face::Bold, BODY_SIZE, RIGHT);
    }
}

/// Lines of answer space: the bank's setting, or the board's rule from the marks, with
/// the bank's section headings. `check` refuses a bank past [`limits::ANSWER_LINES`]; the
/// clamp keeps a paper built some other way (a library caller's own model) from ruling
/// billions of lines.
fn answer_lines<'q>(
    style: &dyn HouseStyle,
    marks: u32,
    space: Option<&'q AnswerSpace>,
    choice: bool,
) -> Space<'q> {
    let lines = match space.and_then(|s| s.lines) {
        Some(lines) => lines,
        None if choice => 0,
        None => style.lines_for(marks),
    };
    let headings = space.map(|s| s.headings.as_slice()).unwrap_or_default();
    let headings = &headings[..headings.len().min(limits::ANSWER_HEADINGS)];
    Space {
        lines: lines.min(limits::ANSWER_LINES),
        headings,
    }
}

/// The ruled answer space of one question or part.
struct Space<'q> {
    /// Lines in all.
    lines: u32,
    /// Headings that split the lines into equal sections; empty for one block.
    headings: &'q [String],
}

impl Space<'_> {
    /// Each section's heading and its number of lines. Headed sections share the lines
    /// equally, rounding up, and get at least two each so there is room to write.
    fn sections(&self) -> Vec<(Option<&str>, u32)> {
        if self.headings.is_empty() {
            return vec![(None, self.lines)];
        }
        let count = self.headings.len() as u32;
        let each = self.lines.div_ceil(count).max(2);
        self.headings
            .iter()
            .map(|h| (Some(h.as_str()), each))
            .collect()
    }
}

/// The sources to print with a question: all of them, or none when they are in the insert.
fn shown(sources: &[Source], inline: bool) -> &[Source] {
    if inline { sources } else { &[] }
}

/// Framed sources, each kept with what precedes it from `start` through its first lines.
/// Returns the mark from which the next keep-together run starts.
pub(super) fn sources(c: &mut Composer, sources: &[Source], start: usize) -> usize {
    let mut start = start;
    for source in sources {
        c.space(3.0 * MM);
        c.begin_frame(TEXT_X, RIGHT, &source.label);
        let x0 = TEXT_X + FRAME_PAD + 1.0 * MM;
        let x1 = RIGHT - FRAME_PAD - 1.0 * MM;
        c.text(&source.label, Face::Bold, 10.5, x0, x1, Vec::new());
        c.text(&source.provenance, Face::Italic, 9.5, x0, x1, Vec::new());
        c.space(2.0 * MM);
        let text_start = c.mark();
        c.text(&source.text, Face::Regular, 10.5, x0, x1, Vec::new());
        c.end_frame();
        let last = c.mark() - 1;
        c.keep_together(start, (text_start + 1).min(last));
        if last > text_start + 2 {
            c.keep_together(last - 1, last);
        }
        start = c.mark();
    }
    start
}

/// Multiple-choice options, each with a box to tick.
fn options(c: &mut Composer, options: &[ChoiceOption], x0: f32, start: usize) -> usize {
    if options.is_empty() {
        return start;
    }
    let book = c.book;
    c.space(2.0 * MM);
    c.text(
        "Tick (✓) one box.",
        Face::Italic,
        10.0,
        x0,
        RIGHT,
        Vec::new(),
    );
    let tick = 5.0 * MM;
    for option in options {
        c.space(2.0 * MM);
        let baseline = super::compose::baseline_of(BODY_SIZE);
        let extra = vec![
            super::compose::run(book, Face::Bold, BODY_SIZE, x0, baseline, &option.label),
            super::compose::outline(RIGHT - tick, baseline - 10.5, tick, tick, 0.8),
        ];
        let text_x = x0 + 7.0 * MM;
        c.text(
            &option.text,
            Face::Regular,
            BODY_SIZE,
            text_x,
            RIGHT - tick - 4.0 * MM,
            extra,
        );
    }
    c.keep_together(start, c.mark() - 1);
    c.mark()
}

/// The marks and ruled answer lines, in the board's order, kept with what precedes them
/// from `start` through the first two lines.
#[allow(clippy::too_many_arguments)]
fn marks_and_lines(
    c: &mut Composer,
    style: &dyn HouseStyle,
    marks: u32,
    spag: u32,
    space: Space,
    x0: f32,
    start: usize,
) {
    let dash = style.answer_dash();
    let label = style.marks(marks);
    match style.marks_place() {
        MarksPlace::AfterText => {
            c.space(1.5 * MM);
            c.right(&label, Face::Bold, BODY_SIZE, RIGHT);
            if spag > 0 {
                c.right(&style.spag(spag), Face::Bold, BODY_SIZE, RIGHT);
            }
            c.space(2.0 * MM);
            ruled(c, &space, x0, dash, start, None);
        }
        MarksPlace::AfterLines => {
            c.space(2.0 * MM);
            ruled(c, &space, x0, dash, start, None);
            c.keep_last();
            c.space(1.0 * MM);
            c.right(&label, Face::Bold, BODY_SIZE, RIGHT);
            if spag > 0 {
                c.right(&style.spag(spag), Face::Bold, BODY_SIZE, RIGHT);
            }
        }
        MarksPlace::OnLastLine => {
            c.space(2.0 * MM);
            if space.lines == 0 && space.headings.is_empty() {
                c.right(&label, Face::Bold, BODY_SIZE, RIGHT);
                c.keep_together(start, c.mark().saturating_sub(1));
            } else {
                ruled(
                    c,
                    &space,
                    x0,
                    dash,
                    start,
                    Some((label.as_str(), Face::Bold, BODY_SIZE)),
                );
            }
            if spag > 0 {
                c.keep_last();
                c.right(&style.spag(spag), Face::Bold, BODY_SIZE, RIGHT);
            }
        }
    }
}

/// Ruled lines, section by section. The first section's heading and first two lines stay
/// with what precedes them from `start`; each later heading stays with its own first two
/// lines, so a heading never ends a page alone. `last_label` goes on the very last line.
fn ruled(
    c: &mut Composer,
    space: &Space,
    x0: f32,
    dash: Dash,
    start: usize,
    last_label: Option<(&str, Face, f32)>,
) {
    let sections = space.sections();
    let count = sections.len();
    for (i, (heading, lines)) in sections.into_iter().enumerate() {
        let mut section_start = start;
        if let Some(heading) = heading {
            if i > 0 {
                c.space(3.0 * MM);
                section_start = c.mark();
            }
            c.text(heading, Face::Bold, BODY_SIZE, x0, RIGHT, Vec::new());
        }
        let label = if i + 1 == count { last_label } else { None };
        let first = lines.min(2);
        let rest = lines - first;
        c.answer_lines(
            first,
            LINE_GAP,
            x0,
            RIGHT,
            dash,
            label.filter(|_| rest == 0),
        );
        c.keep_together(section_start, c.mark().saturating_sub(1));
        c.answer_lines(rest, LINE_GAP, x0, RIGHT, dash, label.filter(|_| rest > 0));
        keep_tail(c, rest);
    }
}

/// Keeps the last two of `count` answer lines together, so a page never starts with a
/// lone line (and the marks printed on or after it).
fn keep_tail(c: &mut Composer, count: u32) {
    if count >= 2 {
        let last = c.mark() - 1;
        c.keep_together(last - 1, last);
    }
}

#[cfg(test)]
mod tests {
    use super::Space;

    #[test]
    fn headed_space_is_shared_equally_with_room_in_each() {
        let headings = ["Consequence 1:".to_string(), "Consequence 2:".to_string()];
        let space = Space {
            lines: 15,
            headings: &headings,
        };
        assert_eq!(
            space.sections(),
            vec![(Some("Consequence 1:"), 8), (Some("Consequence 2:"), 8)]
        );
        let cramped = Space {
            lines: 1,
            headings: &headings,
        };
        assert!(cramped.sections().iter().all(|&(_, n)| n == 2));
        let plain = Space {
            lines: 6,
            headings: &[],
        };
        assert_eq!(plain.sections(), vec![(None, 6)]);
    }
}
