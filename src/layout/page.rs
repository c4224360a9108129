//! Laid-out pages: positioned text runs, rules and boxes on an A4 sheet.
//!
//! Coordinates are PostScript points from the top-left corner of the sheet, y growing
//! downwards, the way a reader scans a page; [`crate::pdf`] flips them for PDF.

use super::font::{ASCENT, DESCENT, Face};

/// Points in a millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// A4 width in points.
pub const PAGE_WIDTH: f32 = 210.0 * MM;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 297.0 * MM;
/// Nothing is drawn nearer the edge than this: school photocopiers lose the outer few
/// millimetres of a sheet.
pub const SAFE_MARGIN: f32 = 15.0 * MM;

/// A whole laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title recorded in the PDF's metadata.
    pub title: String,
    /// Subject recorded in the PDF's metadata.
    pub subject: String,
    /// The pages, in order.
    pub pages: Vec<Page>,
}

/// One A4 page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What is drawn on it.
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text on one line.
    Text(TextRun),
    /// A straight line.
    Rule(Rule),
    /// A rectangle.
    Box(Frame),
}

/// A run of text, already measured.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge.
    pub x: f32,
    /// Baseline.
    pub baseline: f32,
    /// Size in points.
    pub size: f32,
    /// Face.
    pub face: Face,
    /// The text (no line breaks).
    pub text: String,
    /// Measured advance width.
    pub width: f32,
}

/// How a rule is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    /// A continuous line.
    Solid,
    /// A dotted line, as Cambridge and Pearson answer lines are.
    Dotted,
}

/// A straight line.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Start x.
    pub x1: f32,
    /// Start y.
    pub y1: f32,
    /// End x.
    pub x2: f32,
    /// End y.
    pub y2: f32,
    /// Stroke width in points.
    pub thickness: f32,
    /// Stroke pattern.
    pub dash: Dash,
    /// Grey level, 0 black to 1 white.
    pub grey: f32,
}

/// A rectangle, stroked, filled or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Stroke width, if outlined.
    pub stroke: Option<f32>,
    /// Grey fill level, if filled.
    pub fill: Option<f32>,
}

/// An axis-aligned extent: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Bounds {
    /// Whether `other` lies inside these bounds (with a hair of rounding slack).
    pub fn contains(&self, other: &Bounds) -> bool {
        const EPS: f32 = 0.01;
        other.x0 >= self.x0 - EPS
            && other.y0 >= self.y0 - EPS
            && other.x1 <= self.x1 + EPS
            && other.y1 <= self.y1 + EPS
    }
}

/// The part of the sheet that survives photocopying.
pub const PRINTABLE: Bounds = Bounds {
    x0: SAFE_MARGIN,
    y0: SAFE_MARGIN,
    x1: PAGE_WIDTH - SAFE_MARGIN,
    y1: PAGE_HEIGHT - SAFE_MARGIN,
};

impl Item {
    /// The extent the item covers on the page (ink, including stroke width).
    pub fn bounds(&self) -> Bounds {
        match self {
            Item::Text(t) => Bounds {
                x0: t.x,
                y0: t.baseline - ASCENT * t.size,
                x1: t.x + t.width,
                y1: t.baseline + DESCENT * t.size,
            },
            Item::Rule(r) => {
                let h = r.thickness / 2.0;
                Bounds {
                    x0: r.x1.min(r.x2) - h,
                    y0: r.y1.min(r.y2) - h,
                    x1: r.x1.max(r.x2) + h,
                    y1: r.y1.max(r.y2) + h,
                }
            }
            Item::Box(b) => {
                let h = b.stroke.unwrap_or(0.0) / 2.0;
                Bounds {
                    x0: b.x - h,
                    y0: b.y - h,
                    x1: b.x + b.width + h,
                    y1: b.y + b.height + h,
                }
            }
        }
    }

    /// Moves the item down by `dy`.
    pub fn shifted(mut self, dy: f32) -> Item {
        match &mut self {
            Item::Text(t) => t.baseline += dy,
            Item::Rule(r) => {
                r.y1 += dy;
                r.y2 += dy;
            }
            Item::Box(b) => b.y += dy,
        }
        self
    }
}

impl Page {
    /// All the text on the page, in drawing order, one run a line (for tests and previews).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for item in &self.items {
            if let Item::Text(t) = item {
                out.push_str(&t.text);
                out.push('\n');
            }
        }
        out
    }
}
