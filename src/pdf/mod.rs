//! PDF output: turns laid-out pages into PDF bytes with an embedded, subsetted font.
//!
//! printpdf stays at this edge: layout hands over plain positioned items, and this module
//! only translates them into content-stream operations. Output is byte-identical for the
//! same paper: fonts get fixed resource ids, the document dates are a fixed instant, and
//! the trailer's file identifier (which printpdf draws from a process-wide counter) is
//! replaced by a hash of the document itself.

use crate::layout::font::{Face, FontBook, FontError};
use crate::layout::page::{Dash, Document, Item, MM, PAGE_HEIGHT, PAGE_WIDTH};
use crate::layout::{self};
use crate::paper::Paper;
use printpdf::{
    Color, FontId, Greyscale, Line, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use sha2::{Digest, Sha256};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The bundled font could not be read.
    #[error(transparent)]
    Font(#[from] FontError),
    /// printpdf produced something that is not a PDF.
    #[error("the PDF writer produced an incomplete file ({0})")]
    Writer(&'static str),
}

/// The question paper of `paper` as PDF bytes.
pub fn question_paper(paper: &Paper) -> Result<Vec<u8>, RenderError> {
    render(&layout::question_paper(paper)?)
}

/// The mark scheme of `paper` as PDF bytes.
pub fn mark_scheme(paper: &Paper) -> Result<Vec<u8>, RenderError> {
    render(&layout::mark_scheme(paper)?)
}

/// The sources insert of `paper` as PDF bytes, when its sources are printed apart.
pub fn insert(paper: &Paper) -> Result<Option<Vec<u8>>, RenderError> {
    layout::insert(paper)?.map(|doc| render(&doc)).transpose()
}

/// The fixed instant recorded as the documents' creation and modification date, so the
/// same paper always gives the same bytes (2026-01-01T00:00:00Z).
const FIXED_DATE: i64 = 1_767_225_600;

/// Writes a laid-out document as PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let book = FontBook::get()?;
    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    let date = printpdf::OffsetDateTime::from_unix_timestamp(FIXED_DATE)
        .map_err(|_| RenderError::Writer("date"))?;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.subject = doc.subject.clone();
    info.creator = "examkit".to_string();
    info.producer = format!("examkit {}", env!("CARGO_PKG_VERSION"));

    for face in Face::ALL {
        pdf.resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(book.parsed(face).clone()));
    }
    let pages = doc
        .pages
        .iter()
        .map(|page| {
            PdfPage::new(
                Mm(PAGE_WIDTH / MM),
                Mm(PAGE_HEIGHT / MM),
                page_ops(&page.items),
            )
        })
        .collect();
    // printpdf would compress every stream at zlib's slowest level; build the document,
    // compress it here at a fast level (a few per cent larger, several times quicker), then
    // write it out.
    let options = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut lopdf = pdf
        .with_pages(pages)
        .to_lopdf_document(&options, &mut Vec::new());
    for object in lopdf.objects.values_mut() {
        if let Ok(stream) = object.as_stream_mut()
            && stream.dict.get(b"Filter").is_err()
            && stream.allows_compression
        {
            let compressed = deflate(&stream.content)?;
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
    let mut bytes = Vec::new();
    lopdf
        .save_to(&mut bytes)
        .map_err(|_| RenderError::Writer("write"))?;
    stable_file_id(bytes)
}

/// Zlib-compresses a stream at a fast level.
fn deflate(data: &[u8]) -> Result<Vec<u8>, RenderError> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .map_err(|_| RenderError::Writer("compress"))
}

/// Fixed resource id of a face (printpdf would otherwise draw a random one). Six capitals,
/// because it doubles as the subset tag in the font name (`EXKREG+DejaVuSans`).
fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => "EXKREG",
            Face::Bold => "EXKBLD",
            Face::Italic => "EXKITA",
        }
        .to_string(),
    )
}

fn pt_point(x: f32, y: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_HEIGHT - y),
    }
}

/// Content-stream operations for one page's items.
fn page_ops(items: &[Item]) -> Vec<Op> {
    let mut ops = Vec::with_capacity(items.len() * 4);
    let mut font: Option<(Face, f32)> = None;
    for item in items {
        match item {
            Item::Text(t) => {
                ops.push(Op::StartTextSection);
                if font != Some((t.face, t.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(t.face)),
                        size: Pt(t.size),
                    });
                    font = Some((t.face, t.size));
                }
                ops.push(Op::SetTextCursor {
                    pos: pt_point(t.x, t.baseline),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(t.text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Item::Rule(r) => {
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetOutlineColor { col: grey(r.grey) });
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(r.thickness),
                });
                if r.dash == Dash::Dotted {
                    ops.push(Op::SetLineDashPattern {
                        dash: LineDashPattern::new(0.0, &[1.0, 2.0]),
                    });
                }
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
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Box(b) => {
                ops.push(Op::SaveGraphicsState);
                let mode = match (b.stroke, b.fill) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (None, Some(_)) => PaintMode::Fill,
                    _ => PaintMode::Stroke,
                };
                if let Some(level) = b.fill {
                    ops.push(Op::SetFillColor { col: grey(level) });
                }
                if let Some(width) = b.stroke {
                    ops.push(Op::SetOutlineColor { col: grey(0.0) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
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
                ops.push(Op::RestoreGraphicsState);
            }
        }
    }
    ops
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: level,
        icc_profile: None,
    })
}

/// Replaces the two random strings of the trailer's `/ID` with ones derived from the
/// document's content, keeping their length so no offset moves.
fn stable_file_id(mut bytes: Vec<u8>) -> Result<Vec<u8>, RenderError> {
    let trailer = find_last(&bytes, b"trailer").ok_or(RenderError::Writer("no trailer"))?;
    let id_at = find_last(&bytes[trailer..], b"/ID")
        .map(|i| i + trailer)
        .ok_or(RenderError::Writer("no file id"))?;
    let digest = Sha256::digest(&bytes[..trailer]);
    let hex: Vec<u8> = digest
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    // Each id is a literal string `(…)` of letters; overwrite its contents in place.
    let mut pos = id_at;
    for round in 0..2 {
        let open = bytes[pos..]
            .iter()
            .position(|&b| b == b'(')
            .ok_or(RenderError::Writer("file id"))?
            + pos;
        let close = bytes[open..]
            .iter()
            .position(|&b| b == b')')
            .ok_or(RenderError::Writer("file id"))?
            + open;
        for (k, byte) in bytes[open + 1..close].iter_mut().enumerate() {
            *byte = hex[(k + round * 7) % hex.len()];
        }
        pos = close;
    }
    Ok(bytes)
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
