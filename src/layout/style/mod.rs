//! House styles: what makes a paper look like AQA's, Pearson Edexcel's or Cambridge's.
//!
//! Everything a board decides — the cover, how questions and parts are numbered, how marks
//! are written, running heads and feet, what a padding page says — sits behind
//! [`HouseStyle`], one module a board. The body layout (wrapping, answer lines, sources,
//! page breaking) is shared, so a fourth board is one new module.

mod aqa;
mod cie;
mod edexcel;

use super::compose::{LEADING, hrule, outline, run, run_centred, run_right};
use super::font::{Face, FontBook};
use super::page::{Dash, Item, MM, PAGE_HEIGHT, PAGE_WIDTH};
use super::wrap;
use crate::model::{Board, SourcePlacement};
use crate::paper::Paper;

/// Left edge of body text and covers.
pub const LEFT: f32 = 20.0 * MM;
/// Right edge of body text and covers.
pub const RIGHT: f32 = PAGE_WIDTH - 20.0 * MM;
/// Where question text starts, right of the number gutter.
pub const TEXT_X: f32 = LEFT + 15.0 * MM;
/// Where a part's text starts, right of its label.
pub const PART_TEXT_X: f32 = TEXT_X + 10.0 * MM;
/// Baseline of running heads.
pub const HEAD_BASELINE: f32 = 20.0 * MM;
/// Baseline of running feet.
pub const FOOT_BASELINE: f32 = PAGE_HEIGHT - 18.0 * MM;
/// Top of the body on inner pages.
pub const BODY_TOP: f32 = 26.0 * MM;
/// Bottom of the body on inner pages.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 26.0 * MM;
/// Size of body text.
pub const BODY_SIZE: f32 = 11.0;
/// Size of running heads and feet.
pub const SMALL_SIZE: f32 = 8.5;
/// Distance between ruled answer lines.
pub const LINE_GAP: f32 = 8.0 * MM;

/// Where a board prints the marks for a question or part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarksPlace {
    /// Right-aligned on a line of its own after the question text (AQA).
    AfterText,
    /// Right-aligned on a line of its own after the answer lines (Edexcel).
    AfterLines,
    /// At the right end of the last answer line (Cambridge).
    OnLastLine,
}

/// How a board numbers the parts of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartNumbering {
    /// Each part has its own full number in the gutter, e.g. `01.2` (AQA).
    InGutter,
    /// The part's label in brackets beside the text, e.g. `(b)`.
    Label,
}

/// Words a board's mark scheme uses for its headings.
#[derive(Debug, Clone, Copy)]
pub struct SchemeWords {
    /// Title of the document.
    pub title: &'static str,
    /// Heading over level descriptors.
    pub levels: &'static str,
    /// Heading over indicative content.
    pub indicative: &'static str,
    /// Heading over creditworthy points.
    pub points: &'static str,
}

/// What a cover needs to know beyond the paper.
pub struct CoverInfo<'a> {
    /// The paper.
    pub paper: &'a Paper,
    /// Fonts.
    pub book: &'a FontBook,
    /// Pages in the finished document (after padding).
    pub pages: usize,
}

/// What a page's running head and foot need to know.
pub struct PageInfo<'a> {
    /// The paper.
    pub paper: &'a Paper,
    /// Fonts.
    pub book: &'a FontBook,
    /// This page, from 1.
    pub number: usize,
    /// Pages in the document.
    pub pages: usize,
    /// Whether questions continue on a later page, so the candidate must turn over.
    pub turn_over: bool,
}

/// The parts of a question paper's running head and foot that differ between boards; the
/// rest (paper id at the foot's left) is common, so [`running_items`] draws it once.
pub struct Running<'a> {
    /// Face of the page number.
    pub number_face: Face,
    /// Size of the page number.
    pub number_size: f32,
    /// Baseline of the page number: the head (AQA, Cambridge) or the foot (Edexcel).
    pub number_baseline: f32,
    /// Text centred in the foot, e.g. Cambridge's paper code.
    pub centre_foot: Option<&'a str>,
    /// What tells the candidate to turn over, right of the foot.
    pub turn_over: &'a str,
}

/// A page's running head and foot: page number, paper id, optional centred foot text, and
/// "turn over" on pages that continue.
pub fn running_items(info: &PageInfo, style: Running) -> Vec<Item> {
    let book = info.book;
    let centre = PAGE_WIDTH / 2.0;
    let mut items = vec![
        run_centred(
            book,
            style.number_face,
            style.number_size,
            centre,
            style.number_baseline,
            &info.number.to_string(),
        ),
        run(
            book,
            Face::Regular,
            SMALL_SIZE,
            LEFT,
            FOOT_BASELINE,
            &info.paper.paper_id,
        ),
    ];
    if let Some(text) = style.centre_foot {
        items.push(run_centred(
            book,
            Face::Regular,
            9.0,
            centre,
            FOOT_BASELINE,
            text,
        ));
    }
    if info.turn_over {
        items.push(run_right(
            book,
            Face::Bold,
            10.0,
            RIGHT,
            FOOT_BASELINE,
            style.turn_over,
        ));
    }
    items
}

/// A board's house style.
pub trait HouseStyle: Sync {
    /// The board.
    fn board(&self) -> Board;

    /// Marks as printed after a question or part: `[4 marks]`, `(4)`, `[4]`.
    fn marks(&self, marks: u32) -> String;

    /// The line announcing SPaG marks, printed after the content marks.
    fn spag(&self, spag: u32) -> String;

    /// Where the marks go.
    fn marks_place(&self) -> MarksPlace;

    /// How parts are numbered.
    fn part_numbering(&self) -> PartNumbering;

    /// The line closing a whole question, if the board prints one (Edexcel's total).
    fn question_total(&self, _number: u32, _marks: u32) -> Option<String> {
        None
    }

    /// How answer lines are ruled.
    fn answer_dash(&self) -> Dash;

    /// Answer lines for a question or part worth `marks`, when the bank does not say.
    fn lines_for(&self, marks: u32) -> u32 {
        (marks * 3).clamp(4, 60)
    }

    /// Items drawn in the gutter for a question number (text baseline at `baseline`).
    fn number(&self, book: &FontBook, label: &str, baseline: f32) -> Vec<Item> {
        vec![run(
            book,
            Face::Bold,
            BODY_SIZE + 1.0,
            LEFT,
            baseline,
            label,
        )]
    }

    /// What closes the paper: `END OF QUESTIONS`, `TOTAL FOR PAPER = 40 MARKS`.
    fn end_of_paper(&self, paper: &Paper) -> Option<String>;

    /// The cover page.
    fn cover(&self, info: &CoverInfo) -> Vec<Item>;

    /// Running head and foot of an inner page.
    fn running(&self, info: &PageInfo) -> Vec<Item>;

    /// What a padding page says.
    fn blank_page(&self) -> &'static str;

    /// Whether the board prints sources in a separate insert rather than with their
    /// questions, when a blueprint does not say.
    fn sources_in_insert(&self) -> bool {
        false
    }

    /// Mark scheme headings.
    fn scheme_words(&self) -> SchemeWords;
}

/// The house style of a board.
pub fn for_board(board: Board) -> &'static dyn HouseStyle {
    match board {
        Board::Aqa => &aqa::Aqa,
        Board::Edexcel => &edexcel::Edexcel,
        Board::Cie => &cie::Cie,
    }
}

/// Marks with the right plural: "1 mark", "4 marks".
pub use crate::prose::plural as plural_marks;

/// Time allowed as a board writes it: "1 hour", "1 hour 30 minutes", "50 minutes".
pub fn time_allowed(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = match h {
        0 => String::new(),
        1 => "1 hour".to_string(),
        n => format!("{n} hours"),
    };
    match (hours.is_empty(), m) {
        (true, _) => format!("{m} minutes"),
        (false, 0) => hours,
        (false, m) => format!("{hours} {m} minutes"),
    }
}

/// Draws a row of single-character boxes with a label above: centre and candidate numbers.
pub fn digit_boxes(book: &FontBook, label: &str, x: f32, y: f32, count: usize) -> Vec<Item> {
    let size = 8.0 * MM;
    let mut items = vec![run(book, Face::Regular, 9.0, x, y - 3.0, label)];
    for i in 0..count {
        items.push(outline(x + i as f32 * size, y, size, size, 0.8));
    }
    items
}

/// Draws a labelled box to write in: surname, forenames, signature.
pub fn field_box(book: &FontBook, label: &str, x: f32, y: f32, width: f32) -> Vec<Item> {
    vec![
        run(book, Face::Regular, 9.0, x, y - 3.0, label),
        outline(x, y, width, 8.0 * MM, 0.8),
    ]
}

/// A block of text laid out directly on a cover.
pub struct CoverText<'a> {
    /// Fonts.
    pub book: &'a FontBook,
    /// Items so far.
    pub items: Vec<Item>,
    /// Top of the next line.
    pub y: f32,
}

impl<'a> CoverText<'a> {
    /// Starts at `y`.
    pub fn new(book: &'a FontBook, y: f32) -> Self {
        Self {
            book,
            items: Vec::new(),
            y,
        }
    }

    /// A wrapped paragraph between `x0` and `x1`.
    pub fn paragraph(&mut self, text: &str, face: Face, size: f32, x0: f32, x1: f32) {
        for line in wrap::wrap(self.book, face, size, text, x1 - x0) {
            let baseline = self.y + size * 1.05;
            self.items
                .push(run(self.book, face, size, x0, baseline, &line.text));
            self.y += size * LEADING;
        }
    }

    /// A wrapped paragraph of at most `max_lines` lines, the last ending in "…" if cut:
    /// for titles on a cover, which has no room to grow.
    #[allow(clippy::too_many_arguments)]
    pub fn clamped(
        &mut self,
        text: &str,
        face: Face,
        size: f32,
        x0: f32,
        x1: f32,
        max_lines: usize,
    ) {
        let mut lines = wrap::wrap(self.book, face, size, text, x1 - x0);
        if lines.len() > max_lines {
            lines.truncate(max_lines);
            if let Some(last) = lines.last_mut() {
                last.text = fit_line(self.book, face, size, &format!("{}…", last.text), x1 - x0);
            }
        }
        for line in lines {
            let baseline = self.y + size * 1.05;
            self.items
                .push(run(self.book, face, size, x0, baseline, &line.text));
            self.y += size * LEADING;
        }
    }

    /// A centred single line.
    pub fn centred(&mut self, text: &str, face: Face, size: f32, centre: f32) {
        let baseline = self.y + size * 1.05;
        self.items
            .push(run_centred(self.book, face, size, centre, baseline, text));
        self.y += size * LEADING;
    }

    /// A bulleted list between `x0` and `x1`.
    pub fn bullets(&mut self, items: &[String], size: f32, x0: f32, x1: f32) {
        let indent = 4.0 * MM;
        for item in items {
            let baseline = self.y + size * 1.05;
            self.items
                .push(run(self.book, Face::Regular, size, x0, baseline, "•"));
            self.paragraph(item, Face::Regular, size, x0 + indent, x1);
            self.y += size * 0.3;
        }
    }

    /// Height the bullets would take, to choose a size that fits.
    pub fn bullets_height(book: &FontBook, items: &[String], size: f32, width: f32) -> f32 {
        let lines: usize = items
            .iter()
            .map(|i| wrap::wrap(book, Face::Regular, size, i, width - 4.0 * MM).len())
            .sum();
        lines as f32 * size * LEADING + items.len() as f32 * size * 0.3
    }

    /// Headed bulleted lists ("Instructions", "Information") between `x0` and `x1`, set
    /// at the largest size that lets them all end above `bottom`.
    pub fn sections(&mut self, sections: &[(&str, Vec<String>)], x0: f32, x1: f32, bottom: f32) {
        let heading = 11.0 * LEADING + 1.0 * MM + 3.0 * MM;
        let all: Vec<String> = sections
            .iter()
            .flat_map(|(_, l)| l.iter().cloned())
            .collect();
        let room = (bottom - self.y - heading * sections.len() as f32).max(0.0);
        let size = fitting_size(self.book, &all, x1 - x0, room);
        for (title, list) in sections {
            if self.y + heading > bottom {
                // Pathological blueprints only: no room left even for the heading.
                break;
            }
            self.paragraph(title, Face::Bold, 11.0, x0, x1);
            self.gap(1.0 * MM);
            let room = (bottom - self.y).max(0.0);
            let mut kept = list.clone();
            while !kept.is_empty()
                && CoverText::bullets_height(self.book, &kept, size, x1 - x0) > room
            {
                kept.pop();
            }
            self.bullets(&kept, size, x0, x1);
            self.gap(3.0 * MM);
        }
    }

    /// The paper's qualification (at `size`), title and code, left-aligned up to `x1`.
    pub fn titles(&mut self, paper: &Paper, size: f32, x1: f32) {
        let bp = &paper.blueprint;
        self.clamped(&bp.qualification, Face::Bold, size, LEFT, x1, 2);
        self.gap(2.0 * MM);
        self.clamped(&bp.title, Face::Bold, 13.0, LEFT, x1, 4);
        self.gap(2.0 * MM);
        let code = format!("Paper code {}", bp.code);
        self.clamped(&code, Face::Regular, 10.0, LEFT, x1, 1);
    }

    /// Vertical space.
    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// A horizontal rule across `x0`..`x1`.
    pub fn rule(&mut self, x0: f32, x1: f32, thickness: f32) {
        self.items
            .push(hrule(x0, x1, self.y, thickness, Dash::Solid, 0.0));
    }
}

/// A cover's left foot line (paper code and id), cut short to leave the right of the foot
/// to whatever the board prints there.
pub fn cover_foot(book: &FontBook, text: &str) -> Item {
    let text = fit_line(book, Face::Regular, SMALL_SIZE, text, (RIGHT - LEFT) * 0.6);
    run(book, Face::Regular, SMALL_SIZE, LEFT, FOOT_BASELINE, &text)
}

/// Shortens `text` with a trailing "…" until it is no wider than `width`.
pub fn fit_line(book: &FontBook, face: Face, size: f32, text: &str, width: f32) -> String {
    if book.width(face, size, text) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.trim_end_matches('…').chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate = format!("{}…", chars.iter().collect::<String>());
        if book.width(face, size, &candidate) <= width {
            return candidate;
        }
    }
    String::new()
}

/// Picks the largest size from `sizes` at which the bullets fit in `height`.
pub fn fitting_size(book: &FontBook, items: &[String], width: f32, height: f32) -> f32 {
    const SIZES: [f32; 6] = [10.0, 9.5, 9.0, 8.5, 8.0, 7.5];
    SIZES
        .into_iter()
        .find(|&s| CoverText::bullets_height(book, items, s, width) <= height)
        .unwrap_or(7.0)
}

/// Whether `paper`'s sources go in a separate insert: the blueprint's choice, else the
/// board's practice, and only when some question has a source to print.
pub fn uses_insert(paper: &Paper) -> bool {
    let placement = match paper.blueprint.sources {
        Some(placement) => placement,
        None if for_board(paper.blueprint.board).sources_in_insert() => SourcePlacement::Insert,
        None => SourcePlacement::Inline,
    };
    placement == SourcePlacement::Insert && paper.questions().any(|pq| pq.question.has_sources())
}

/// What candidates must have: the blueprint's list (or the board's default), with the
/// insert when the paper has one, so nobody starts without the sources.
pub fn materials(paper: &Paper, default: &[&str]) -> Vec<String> {
    let mut list = or_default(
        &paper.blueprint.materials,
        default.iter().map(|m| m.to_string()).collect(),
    );
    if uses_insert(paper) {
        list.push("the Insert (enclosed)".to_string());
    }
    list
}

/// The instructions to print: the blueprint's, or the house style's defaults.
pub fn or_default(given: &[String], default: Vec<String>) -> Vec<String> {
    if given.is_empty() {
        default
    } else {
        given.to_vec()
    }
}

/// "Answer all questions" or a summary of the sections' rubrics, for a cover.
pub fn answer_rubric(paper: &Paper) -> String {
    let sections: Vec<String> = paper
        .sections
        .iter()
        .filter_map(|s| {
            s.answer
                .map(|n| format!("{} from {}", count_word(n), short_section(&s.title)))
        })
        .collect();
    if sections.is_empty() {
        "Answer all questions.".to_string()
    } else {
        let total: u32 = paper
            .sections
            .iter()
            .map(|s| s.answer.unwrap_or(s.questions.len() as u32))
            .sum();
        format!(
            "Answer {} questions: {}.",
            count_word(total),
            sections.join(" and ")
        )
    }
}

/// Small counts in words, as rubrics print them: "two", "three".
pub fn count_word(n: u32) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// "Section A: Core content" → "Section A".
fn short_section(title: &str) -> &str {
    title.split(':').next().unwrap_or(title).trim()
}

/// Whole-paper marks including SPaG.
pub fn paper_total(paper: &Paper) -> u32 {
    paper.total_marks() + paper.total_spag()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_naturally() {
        assert_eq!(time_allowed(60), "1 hour");
        assert_eq!(time_allowed(50), "50 minutes");
        assert_eq!(time_allowed(105), "1 hour 45 minutes");
        assert_eq!(time_allowed(120), "2 hours");
    }

    #[test]
    fn each_board_writes_marks_its_own_way() {
        assert_eq!(for_board(Board::Aqa).marks(4), "[4 marks]");
        assert_eq!(for_board(Board::Aqa).marks(1), "[1 mark]");
        assert_eq!(for_board(Board::Edexcel).marks(4), "(4)");
        assert_eq!(for_board(Board::Cie).marks(4), "[4]");
        assert_eq!(
            for_board(Board::Edexcel).question_total(1, 8).as_deref(),
            Some("(Total for Question 1 = 8 marks)")
        );
        assert_eq!(
            for_board(Board::Edexcel).question_total(2, 1).as_deref(),
            Some("(Total for Question 2 = 1 mark)")
        );
    }
}
