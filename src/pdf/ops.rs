//! Page items as printpdf operations: what is drawn, in PDF's coordinates (y up from the
//! foot of the page), with as few operations as draw it, since each costs time to write.

use super::font_id;
use crate::layout::font::Face;
use crate::layout::page::{Dash, Item, PAGE_HEIGHT};
use printpdf::{
    Color, Greyscale, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt,
    Rect, TextItem,
};

fn pt_point(x: f32, y: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_HEIGHT - y),
    }
}

/// Content-stream operations for one page's items.
///
/// Consecutive text runs share one text object, each placed by a move from the last
/// (`Td` is relative within a text object); consecutive lines and boxes share one saved
/// graphics state, setting colour, width and dash only when they change. Drawn the same
/// as an object and a state per item, with about half the operations, which is most of
/// what writing a page costs.
pub(super) fn page_ops(items: &[Item]) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 3);
    let mut font: Option<(Face, f32)> = None;
    let mut open = Open::default();
    for item in items {
        match item {
            Item::Text(t) => {
                let at = pt_point(t.x, t.baseline);
                let from = open.text(&mut ops);
                if font != Some((t.face, t.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(t.face)),
                        size: Pt(t.size),
                    });
                    font = Some((t.face, t.size));
                }
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(at.x.0 - from.x.0),
                        y: Pt(at.y.0 - from.y.0),
                    },
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(t.text.clone())],
                });
                open.text = Some(at);
            }
            Item::Rule(r) => {
                let pen = open.graphics(&mut ops);
                pen.stroke(&mut ops, r.grey, r.thickness);
                pen.dash(&mut ops, r.dash);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: pt_point(r.x1, r.y1),
                                bezier: false,
                            },
                            LinePoint {
                                p: pt_point(r.x2, r.y2),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Item::Box(b) => {
                let pen = open.graphics(&mut ops);
                let mode = match (b.stroke, b.fill) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (None, Some(_)) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if let Some(level) = b.fill
                    && pen.fill != Some(level)
                {
                    ops.push(Op::SetFillColor { col: grey(level) });
                    pen.fill = Some(level);
                }
                if let Some(width) = b.stroke {
                    pen.stroke(&mut ops, 0.0, width);
                }
                if mode != PaintMode::Fill {
                    pen.dash(&mut ops, Dash::Solid);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(b.x),
                        y: Pt(PAGE_HEIGHT - b.y - b.height),
                        width: Pt(b.width),
                        height: Pt(b.height),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
        }
    }
    open.close(&mut ops);
    ops
}

/// What the operations written so far have left open: a text object or a saved graphics
/// state, never both.
#[derive(Default)]
struct Open {
    /// In a text object: where its current line starts.
    text: Option<Point>,
    /// In a saved graphics state: what has been set in it.
    pen: Option<Pen>,
}

impl Open {
    /// Be in a text object, closing a graphics state first; where its line starts.
    fn text(&mut self, ops: &mut Vec<Op>) -> Point {
        if self.pen.take().is_some() {
            ops.push(Op::RestoreGraphicsState);
        }
        *self.text.get_or_insert_with(|| {
            ops.push(Op::StartTextSection);
            Point {
                x: Pt(0.0),
                y: Pt(0.0),
            }
        })
    }

    /// Be in a saved graphics state, closing a text object first; what is set in it.
    fn graphics(&mut self, ops: &mut Vec<Op>) -> &mut Pen {
        if self.text.take().is_some() {
            ops.push(Op::EndTextSection);
        }
        self.pen.get_or_insert_with(|| {
            ops.push(Op::SaveGraphicsState);
            Pen::default()
        })
    }

    /// Close whatever is open.
    fn close(self, ops: &mut Vec<Op>) {
        if self.text.is_some() {
            ops.push(Op::EndTextSection);
        }
        if self.pen.is_some() {
            ops.push(Op::RestoreGraphicsState);
        }
    }
}

/// Stroke and fill settings made inside a saved graphics state (`None`: the default).
#[derive(Default)]
struct Pen {
    stroke: Option<(f32, f32)>,
    dash: Option<Dash>,
    fill: Option<f32>,
}

impl Pen {
    fn stroke(&mut self, ops: &mut Vec<Op>, level: f32, width: f32) {
        let (was_level, was_width) = self.stroke.unzip();
        if was_level != Some(level) {
            ops.push(Op::SetOutlineColor { col: grey(level) });
        }
        if was_width != Some(width) {
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        self.stroke = Some((level, width));
    }

    fn dash(&mut self, ops: &mut Vec<Op>, dash: Dash) {
        if self.dash.unwrap_or(Dash::Solid) != dash {
            let pattern = match dash {
                Dash::Dotted => LineDashPattern::new(0.0, &[1.0, 2.0]),
                Dash::Solid => LineDashPattern::solid(),
            };
            ops.push(Op::SetLineDashPattern { dash: pattern });
        }
        self.dash = Some(dash);
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}
