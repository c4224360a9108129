//! Composing a document's body as a stream of strips.
//!
//! A strip is one unbreakable horizontal slice — a line of text, an answer line, a row
//! of options — with its items positioned relative to the strip's top. Keeping the body
//! as a flat stream of measured strips is what lets [`super::distribute`] place it onto
//! pages with simple, testable rules: a strip may ask to stay with the next one (so a
//! question heading is never stranded without its first answer lines), and strips that
//! belong to a framed source carry the frame's id, so the frame can be drawn around
//! whatever part of the source lands on each page.

use super::font::{Face, FontBook};
use super::page::{Dash, Frame, Item, Rule, TextRun};
use super::wrap::{self, Line};

/// Line height as a multiple of the type size.
pub const LEADING: f32 = 1.35;
/// Baseline below the top of a text strip, as a multiple of the type size.
const BASELINE: f32 = 1.05;

/// One unbreakable slice of the body.
#[derive(Debug, Clone, Default)]
pub struct Strip {
    /// Height of the slice.
    pub height: f32,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    /// Whether a page break between this strip and the next is forbidden.
    pub keep_with_next: bool,
    /// The framed box (source, interpretation) this strip sits in.
    pub frame: Option<usize>,
    /// A ruled answer line: a run of them is one answer space, which distribution may end
    /// a few lines short rather than leave a stub of lines at the top of the next page.
    pub answer_line: bool,
    /// Items, with y measured from the top of the strip.
    pub items: Vec<Item>,
}

/// A framed box that strips may belong to.
#[derive(Debug, Clone)]
pub struct FrameInfo {
    /// Left edge of the frame.
    pub x0: f32,
    /// Right edge of the frame.
    pub x1: f32,
    /// Label repeated at the top of a page the frame continues onto.
    pub label: String,
}

/// A body ready to distribute.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// The strips, in reading order.
    pub strips: Vec<Strip>,
    /// The frames strips refer to.
    pub frames: Vec<FrameInfo>,
}

/// Builds a [`Flow`] a strip at a time.
pub struct Composer<'a> {
    /// Fonts, for measuring.
    pub book: &'a FontBook,
    flow: Flow,
    frame: Option<usize>,
    pending_space: f32,
}

/// Makes a measured text run.
pub fn run(book: &FontBook, face: Face, size: f32, x: f32, baseline: f32, text: &str) -> Item {
    Item::Text(TextRun {
        x,
        baseline,
        size,
        face,
        text: text.to_string(),
        width: book.width(face, size, text),
    })
}

/// Makes a text run whose right edge is at `right`.
pub fn run_right(
    book: &FontBook,
    face: Face,
    size: f32,
    right: f32,
    baseline: f32,
    text: &str,
) -> Item {
    let width = book.width(face, size, text);
    run(book, face, size, right - width, baseline, text)
}

/// Makes a text run centred on `centre`.
pub fn run_centred(
    book: &FontBook,
    face: Face,
    size: f32,
    centre: f32,
    baseline: f32,
    text: &str,
) -> Item {
    let width = book.width(face, size, text);
    run(book, face, size, centre - width / 2.0, baseline, text)
}

/// Makes an outlined box.
pub fn outline(x: f32, y: f32, width: f32, height: f32, stroke: f32) -> Item {
    Item::Box(Frame {
        x,
        y,
        width,
        height,
        stroke: Some(stroke),
        fill: None,
    })
}

/// Makes a filled box with no outline.
pub fn filled(x: f32, y: f32, width: f32, height: f32, grey: f32) -> Item {
    Item::Box(Frame {
        x,
        y,
        width,
        height,
        stroke: None,
        fill: Some(grey),
    })
}

/// Makes a horizontal rule.
pub fn hrule(x1: f32, x2: f32, y: f32, thickness: f32, dash: Dash, grey: f32) -> Item {
    Item::Rule(Rule {
        x1,
        y1: y,
        x2,
        y2: y,
        thickness,
        dash,
        grey,
    })
}

/// Where a text strip puts its baseline, for items drawn beside the text.
pub fn baseline_of(size: f32) -> f32 {
    BASELINE * size
}

impl<'a> Composer<'a> {
    /// Starts an empty body.
    pub fn new(book: &'a FontBook) -> Self {
        Self {
            book,
            flow: Flow::default(),
            frame: None,
            pending_space: 0.0,
        }
    }

    /// The finished body.
    pub fn finish(self) -> Flow {
        self.flow
    }

    /// Number of strips so far: a mark to pass to [`Composer::keep_from`].
    pub fn mark(&self) -> usize {
        self.flow.strips.len()
    }

    /// Leaves vertical space before the next strip (the largest request wins).
    pub fn space(&mut self, height: f32) {
        self.pending_space = self.pending_space.max(height);
    }

    /// Adds a strip.
    pub fn push(&mut self, height: f32, items: Vec<Item>) {
        let strip = Strip {
            height,
            space_before: std::mem::take(&mut self.pending_space),
            keep_with_next: false,
            frame: self.frame,
            answer_line: false,
            items,
        };
        self.flow.strips.push(strip);
    }

    /// Keeps strips `first..=last` on one page (no break between them).
    pub fn keep_together(&mut self, first: usize, last: usize) {
        for strip in self.flow.strips.iter_mut().take(last).skip(first) {
            strip.keep_with_next = true;
        }
    }

    /// Keeps the newest strip with the one that follows.
    pub fn keep_last(&mut self) {
        if let Some(strip) = self.flow.strips.last_mut() {
            strip.keep_with_next = true;
        }
    }

    /// Wraps text between `x0` and `x1` into strips, one a line, paragraphs separated by
    /// half a line. `first_extra` is drawn beside the first line (a question number).
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        text: &str,
        face: Face,
        size: f32,
        x0: f32,
        x1: f32,
        first_extra: Vec<Item>,
    ) {
        let mut extra = Some(first_extra);
        let paragraphs = wrap::paragraphs(text);
        let mut previous_item = false;
        for (i, paragraph) in paragraphs.iter().enumerate() {
            let item = wrap::list_item(paragraph);
            if i > 0 {
                let tight = item.is_some() && previous_item;
                self.space(size * if tight { 0.15 } else { 0.5 });
            }
            previous_item = item.is_some();
            match item {
                Some(item) => {
                    let indent = size * 1.2;
                    let bullet = run(self.book, face, size, x0, baseline_of(size), "•");
                    let mut with_bullet = extra.take().unwrap_or_default();
                    with_bullet.push(bullet);
                    let mut first = Some(with_bullet);
                    let lines = wrap::wrap(self.book, face, size, item, x1 - x0 - indent);
                    self.lines_of_text(lines, face, size, x0 + indent, &mut first);
                }
                None => {
                    let lines = wrap::wrap(self.book, face, size, paragraph, x1 - x0);
                    self.lines_of_text(lines, face, size, x0, &mut extra);
                }
            }
        }
        if let Some(extra) = extra.filter(|e| !e.is_empty()) {
            self.push(size * LEADING, extra);
        }
    }

    fn lines_of_text(
        &mut self,
        lines: Vec<Line>,
        face: Face,
        size: f32,
        x0: f32,
        extra: &mut Option<Vec<Item>>,
    ) {
        for line in lines {
            let mut items = extra.take().unwrap_or_default();
            items.push(Item::Text(TextRun {
                x: x0,
                baseline: baseline_of(size),
                size,
                face,
                text: line.text,
                width: line.width,
            }));
            self.push(size * LEADING, items);
        }
    }

    /// Wraps text with a hanging label: `label` at `x0`, the text from `x_text` to `x1`.
    #[allow(clippy::too_many_arguments)]
    pub fn labelled(
        &mut self,
        label: &str,
        label_face: Face,
        text: &str,
        face: Face,
        size: f32,
        x0: f32,
        x_text: f32,
        x1: f32,
    ) {
        let label = run(self.book, label_face, size, x0, baseline_of(size), label);
        self.text(text, face, size, x_text, x1, vec![label]);
    }

    /// A single line of text ending at `right`.
    pub fn right(&mut self, text: &str, face: Face, size: f32, right: f32) {
        let item = run_right(self.book, face, size, right, baseline_of(size), text);
        self.push(size * LEADING, vec![item]);
    }

    /// A single line of text centred on `centre`.
    pub fn centred(&mut self, text: &str, face: Face, size: f32, centre: f32) {
        let item = run_centred(self.book, face, size, centre, baseline_of(size), text);
        self.push(size * LEADING, vec![item]);
    }

    /// Ruled answer lines from `x0` to `x1`, `gap` apart. When `last_label` is given it is
    /// printed at the right end of the last line (Cambridge's `[4]`), and that line stops
    /// short of it.
    #[allow(clippy::too_many_arguments)]
    pub fn answer_lines(
        &mut self,
        count: u32,
        gap: f32,
        x0: f32,
        x1: f32,
        dash: Dash,
        last_label: Option<(&str, Face, f32)>,
    ) {
        for i in 0..count {
            let mut end = x1;
            let mut items = Vec::new();
            if i + 1 == count
                && let Some((label, face, size)) = last_label
            {
                let w = self.book.width(face, size, label);
                items.push(run(self.book, face, size, x1 - w, gap - 1.0, label));
                end = x1 - w - 6.0;
            }
            items.push(hrule(x0, end, gap - 1.0, 0.5, dash, 0.35));
            self.push(gap, items);
            if let Some(strip) = self.flow.strips.last_mut() {
                strip.answer_line = true;
            }
        }
    }

    /// Opens a framed box from `x0` to `x1`; strips until [`Composer::end_frame`] sit in it.
    pub fn begin_frame(&mut self, x0: f32, x1: f32, label: &str) {
        self.flow.frames.push(FrameInfo {
            x0,
            x1,
            label: label.to_string(),
        });
        self.frame = Some(self.flow.frames.len() - 1);
    }

    /// Closes the open frame.
    pub fn end_frame(&mut self) {
        self.frame = None;
    }
}
