//! Distributing a composed body onto pages.
//!
//! The rules, in order: a strip that does not fit goes to the next page; a run of strips
//! that asked to stay together moves to the next page as a whole, unless it is taller than
//! a page (then it breaks where it must); space above a strip is dropped at the top of a
//! page; a framed source that breaks is closed at the foot of one page and reopened, with
//! its label marked "continued", at the head of the next; an answer space that would
//! leave a stub of lines at the top of the next page ends a few lines short on this one,
//! and one that must break leaves a real continuation (see [`plan_answer_space`]).

use super::compose::{Flow, LEADING, Strip, baseline_of, outline, run};
use super::font::{Face, FontBook};
use super::page::Item;
use super::style::fit_line;

/// Padding between a frame and the strips inside it.
pub const FRAME_PAD: f32 = 6.0;
/// Size of the "continued" label on a frame that breaks across pages.
const CONTINUED_SIZE: f32 = 9.0;
/// The most answer lines dropped to end an answer space on its page rather than carry
/// them over alone: a few lines fewer than the marks ask for beats a page that opens with
/// two lines and a mark.
const MAX_DROPPED_LINES: usize = 3;
/// The fewest answer lines an answer space carries over to the next page when it breaks.
const MIN_CARRIED_LINES: usize = 5;

/// The vertical band of a page that body text may use.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    /// Top of the band.
    pub top: f32,
    /// Bottom of the band.
    pub bottom: f32,
}

/// A frame open on the page being filled.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// Which frame.
    id: usize,
    /// Its top edge on this page.
    top: f32,
}

/// Pages being filled.
struct Work<'a> {
    /// Fonts, for the "continued" labels.
    book: &'a FontBook,
    /// The band to fill.
    region: Region,
    /// Finished pages.
    pages: Vec<Vec<Item>>,
    /// Items on the page being filled.
    items: Vec<Item>,
    /// Next free y on the page.
    y: f32,
    /// The frame open on this page.
    open: Option<Open>,
}

/// Places the body's strips onto pages; returns each page's items.
pub fn distribute(flow: &Flow, region: Region, book: &FontBook) -> Vec<Vec<Item>> {
    let mut work = Work {
        book,
        region,
        pages: Vec::new(),
        items: Vec::new(),
        y: region.top,
        open: None,
    };
    let strips = &flow.strips;
    let page_height = region.bottom - region.top;
    // The answer space being placed: lines to skip, and where it must break.
    let mut planned_until = 0;
    let mut skip = std::ops::Range::default();
    let mut break_before = None;
    for i in 0..strips.len() {
        if skip.contains(&i) {
            continue;
        }
        if break_before == Some(i) && !work.fresh() {
            work.new_page(flow);
        }
        if strips[i].answer_line && i >= planned_until && !work.fresh() {
            let plan = plan_answer_space(strips, i, region.bottom - work.y);
            planned_until = plan.end;
            skip = plan.skip;
            break_before = plan.break_before;
            if break_before == Some(i) {
                work.new_page(flow);
            }
        }
        let fresh = work.fresh();
        let gap = if fresh { 0.0 } else { strips[i].space_before };
        let open = work.open.map(|o| o.id);
        let alone = gap + footprint(&strips[i], open);
        let chain = gap + chain_height(&strips[i..], open);
        let overflows = |need: f32| work.y + need > region.bottom;
        if !fresh && ((chain <= page_height && overflows(chain)) || overflows(alone)) {
            work.new_page(flow);
        }
        work.place(flow, i);
    }
    work.close_frame(flow);
    if !work.items.is_empty() || work.pages.is_empty() {
        work.pages.push(std::mem::take(&mut work.items));
    }
    work.pages
}

/// How to place the answer lines from strip `i`, with `room` left on the page.
struct Plan {
    /// The first strip after the run of answer lines.
    end: usize,
    /// Lines not to print.
    skip: std::ops::Range<usize>,
    /// Where to start a new page.
    break_before: Option<usize>,
}

/// Decide how the answer lines `i..end` and what must stay with the last of them (the
/// marks, the question total) meet the page's foot: all here; here a few lines short
/// (at most [`MAX_DROPPED_LINES`], never the last line, which may carry Cambridge's
/// `[4]`); or broken so that at least [`MIN_CARRIED_LINES`] go over, never between two
/// strips kept together.
fn plan_answer_space(strips: &[Strip], i: usize, room: f32) -> Plan {
    let end = (i..strips.len())
        .find(|&j| !strips[j].answer_line)
        .unwrap_or(strips.len());
    let mut plan = Plan {
        end,
        skip: 0..0,
        break_before: None,
    };
    let last = end - 1;
    let tail = chain_height(&strips[last..], None) - strips[last].height;
    // Not at the top of a page, so the space above the first line counts too.
    let height = |from: usize, to: usize| -> f32 {
        strips[from..to]
            .iter()
            .map(|s| s.height + s.space_before)
            .sum()
    };
    let lines = end - i;
    if height(i, end) + tail <= room {
        return plan;
    }
    // Lines that fit here with the last line and its tail after them.
    let ending_here = (1..=lines).rev().find(|&n| height(i, i + n) + tail <= room);
    if let Some(n) = ending_here
        && lines - n <= MAX_DROPPED_LINES
        && n >= 2
    {
        plan.skip = (i + n - 1)..last;
        return plan;
    }
    let fits = (0..=lines)
        .rev()
        .find(|&n| height(i, i + n) <= room)
        .unwrap_or(0);
    let here = fits.min(lines.saturating_sub(MIN_CARRIED_LINES));
    // Break after as many lines as may stay here, where nothing is kept together; with
    // none, before the run, unless it is kept with what precedes it (then as before).
    plan.break_before = (i + 1..=i + here)
        .rev()
        .find(|&b| !strips[b - 1].keep_with_next)
        .or_else(|| (here == 0 && i > 0 && !strips[i - 1].keep_with_next).then_some(i));
    plan
}

/// Height a strip takes, with the frame padding it may need: a strip in a frame always
/// keeps room below it to close the frame.
fn footprint(strip: &Strip, open: Option<usize>) -> f32 {
    match strip.frame {
        Some(f) if open == Some(f) => strip.height + FRAME_PAD,
        Some(_) => strip.height + 2.0 * FRAME_PAD,
        None => strip.height,
    }
}

/// Height of the run of strips that must stay with the first one.
fn chain_height(strips: &[Strip], open: Option<usize>) -> f32 {
    let mut total = 0.0;
    let mut open = open;
    for (k, strip) in strips.iter().enumerate() {
        if k > 0 {
            total += strip.space_before;
            // The previous strip reserved room to close a frame this one continues.
            if strip.frame.is_some() && strip.frame == open {
                total -= FRAME_PAD;
            }
        }
        total += footprint(strip, open);
        open = strip.frame;
        if !strip.keep_with_next {
            break;
        }
    }
    total
}

impl Work<'_> {
    fn fresh(&self) -> bool {
        self.items.is_empty()
    }

    fn new_page(&mut self, flow: &Flow) {
        self.close_frame(flow);
        self.pages.push(std::mem::take(&mut self.items));
        self.y = self.region.top;
    }

    /// Draws the open frame around what it holds on this page.
    fn close_frame(&mut self, flow: &Flow) {
        if let Some(open) = self.open.take() {
            self.y += FRAME_PAD;
            if let Some(info) = flow.frames.get(open.id) {
                let frame = outline(info.x0, open.top, info.x1 - info.x0, self.y - open.top, 0.8);
                self.items.push(frame);
            }
        }
    }

    /// Puts strip `i` at the next free y.
    fn place(&mut self, flow: &Flow, i: usize) {
        let strip = &flow.strips[i];
        let fresh = self.fresh();
        if !fresh {
            self.y += strip.space_before;
        }
        let open = self.open.map(|o| o.id);
        if strip.frame != open {
            self.close_frame(flow);
            if let Some(id) = strip.frame {
                self.open = Some(Open { id, top: self.y });
                self.y += FRAME_PAD;
                let continues = i > 0 && flow.strips[i - 1].frame == Some(id);
                if continues && let Some(info) = flow.frames.get(id) {
                    let width = info.x1 - info.x0 - 2.0 * FRAME_PAD;
                    self.continued_label(info.x0 + FRAME_PAD, width, &info.label);
                }
            }
        }
        let top = self.y;
        self.items
            .extend(strip.items.iter().cloned().map(|item| item.shifted(top)));
        self.y += strip.height;
    }

    fn continued_label(&mut self, x: f32, width: f32, label: &str) {
        let size = CONTINUED_SIZE;
        let suffix = " (continued)";
        let room = width - self.book.width(Face::Italic, size, suffix);
        let label = fit_line(self.book, Face::Italic, size, label, room);
        let text = format!("{label}{suffix}");
        let item = run(
            self.book,
            Face::Italic,
            size,
            x,
            self.y + baseline_of(size),
            &text,
        );
        self.items.push(item);
        self.y += size * LEADING;
    }
}
