//! PDF output: turns laid-out pages into PDF bytes with an embedded, subsetted font.
//!
//! printpdf stays at this edge: layout hands over plain positioned items, and this module
//! only translates them into content-stream operations. Output is byte-identical for the
//! same paper: fonts get fixed resource ids, the document dates are a fixed instant, and
//! the trailer's file identifier (which printpdf draws from a process-wide counter) is
//! replaced by a hash of the document itself.
//!
//! `ops` turns a page's items into operations; `embed` chooses the faces a set of
//! documents embeds; this module has printpdf assemble, subset and write the document.

mod embed;
mod ops;

use embed::Faces;
use ops::page_ops;

use crate::layout::font::{Face, FontError};
use crate::layout::page::{Document, MM, PAGE_HEIGHT, PAGE_WIDTH};
use crate::layout::{self};
use crate::paper::Paper;
use printpdf::{FontId, Mm, PdfDocument, PdfPage, PdfSaveOptions};

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

/// A paper's documents as PDF bytes.
#[derive(Debug, Clone)]
pub struct PaperPdfs {
    /// The question paper.
    pub paper: Vec<u8>,
    /// The sources insert, when the paper's sources are printed apart.
    pub insert: Option<Vec<u8>>,
    /// The mark scheme.
    pub scheme: Vec<u8>,
}

/// The question paper, insert and mark scheme of `paper`, laid out first and then written
/// with one cut-down copy of each face between them (see `pdf/embed.rs`): the same documents as
/// [`question_paper`], [`insert`] and [`mark_scheme`] make one by one, in less time.
///
/// Each document records `set_id` in its keywords (`examkit-set:<id>`, shown by `pdfinfo`), so
/// a file that strayed from its set can be told by anyone holding it.
pub fn paper_set(paper: &Paper, set_id: &str) -> Result<PaperPdfs, RenderError> {
    let question_paper = layout::question_paper(paper)?;
    let insert = layout::insert(paper)?;
    let scheme = layout::mark_scheme(paper)?;
    let mut docs = vec![&question_paper, &scheme];
    docs.extend(&insert);
    let faces = Faces::for_documents(&docs)?;
    let mut deflater = Deflater::new();
    let keywords = [format!("{SET_KEYWORD}{set_id}")];
    Ok(PaperPdfs {
        paper: render_with(&question_paper, &faces, &mut deflater, &keywords)?,
        insert: insert
            .as_ref()
            .map(|doc| render_with(doc, &faces, &mut deflater, &keywords))
            .transpose()?,
        scheme: render_with(&scheme, &faces, &mut deflater, &keywords)?,
    })
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

/// How a document's keywords name the set of files it belongs to.
pub const SET_KEYWORD: &str = "examkit-set:";

/// Writes a laid-out document as PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    render_with(
        doc,
        &Faces::for_documents(&[doc])?,
        &mut Deflater::new(),
        &[],
    )
}

/// Writes a laid-out document as PDF, embedding `faces` and compressing with `deflater`.
fn render_with(
    doc: &Document,
    faces: &Faces,
    deflater: &mut Deflater,
    keywords: &[String],
) -> Result<Vec<u8>, RenderError> {
    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    let date = printpdf::OffsetDateTime::from_unix_timestamp(FIXED_DATE)
        .map_err(|_| RenderError::Writer("date"))?;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.subject = doc.subject.clone();
    info.keywords = keywords.to_vec();
    info.creator = "examkit".to_string();
    info.producer = format!("examkit {}", env!("CARGO_PKG_VERSION"));

    for face in Face::ALL {
        pdf.resources
            .fonts
            .map
            .insert(font_id(face), faces.pdf_font(face, &font_id(face).0));
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
            let compressed = deflater.deflate(&stream.content)?;
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

/// Zlib-compresses streams at a fast level, one compressor for all the streams of a
/// paper's documents: setting one up clears tables larger than most page streams, so
/// making a new one per stream cost more than the compressing.
struct Deflater {
    compress: flate2::Compress,
    /// Large streams already compressed, with their zlib streams: the documents of a set
    /// embed the same fonts, most of the bytes to compress.
    done: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Streams at least this long are remembered (fonts are tens of kilobytes; page streams
/// are rarely repeated).
const REMEMBER: usize = 4096;

impl Deflater {
    fn new() -> Deflater {
        Deflater {
            compress: flate2::Compress::new(flate2::Compression::fast(), true),
            done: Vec::new(),
        }
    }

    /// The zlib stream of `data`: the same bytes whatever was compressed before.
    fn deflate(&mut self, data: &[u8]) -> Result<Vec<u8>, RenderError> {
        if data.len() < REMEMBER {
            return self.compress(data);
        }
        if let Some((_, out)) = self.done.iter().find(|(input, _)| input == data) {
            return Ok(out.clone());
        }
        let out = self.compress(data)?;
        self.done.push((data.to_vec(), out.clone()));
        Ok(out)
    }

    fn compress(&mut self, data: &[u8]) -> Result<Vec<u8>, RenderError> {
        self.compress.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let read = self.compress.total_in() as usize;
            let status = self
                .compress
                .compress_vec(&data[read..], &mut out, flate2::FlushCompress::Finish)
                .map_err(|_| RenderError::Writer("compress"))?;
            match status {
                flate2::Status::StreamEnd => return Ok(out),
                flate2::Status::Ok | flate2::Status::BufError => {
                    out.reserve(out.capacity().max(64));
                }
            }
        }
    }
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

/// Replaces the two random strings of the trailer's `/ID` with ones derived from the
/// document's content, keeping their length so no offset moves. The hash (128-bit XXH3)
/// only has to tell documents apart, as the PDF standard asks of an ID.
fn stable_file_id(mut bytes: Vec<u8>) -> Result<Vec<u8>, RenderError> {
    let trailer = find_last(&bytes, b"trailer").ok_or(RenderError::Writer("no trailer"))?;
    let id_at = find_last(&bytes[trailer..], b"/ID")
        .map(|i| i + trailer)
        .ok_or(RenderError::Writer("no file id"))?;
    let digest = xxhash_rust::xxh3::xxh3_128(&bytes[..trailer]).to_be_bytes();
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

#[cfg(test)]
mod tests {
    use super::{Deflater, page_ops};
    use crate::layout::font::Face;
    use crate::layout::page::{Dash, Frame, Item, Rule, TextRun};
    use printpdf::Op;
    use std::io::Read;

    fn text(x: f32, baseline: f32, face: Face) -> Item {
        Item::Text(TextRun {
            x,
            baseline,
            size: 10.0,
            face,
            text: "x".into(),
            width: 5.0,
        })
    }

    fn rule(grey: f32, dash: Dash) -> Item {
        Item::Rule(Rule {
            x1: 0.0,
            y1: 100.0,
            x2: 50.0,
            y2: 100.0,
            thickness: 0.5,
            dash,
            grey,
        })
    }

    /// Runs of text share a text object, placed by relative moves that land where each
    /// run belongs; runs of lines and boxes share a saved state, setting only what
    /// changes; and a box's fill never reaches the text after it.
    #[test]
    fn runs_share_objects_and_states_without_leaking_them() {
        let filled = Item::Box(Frame {
            x: 0.0,
            y: 0.0,
            width: 10.0,
            height: 10.0,
            stroke: None,
            fill: Some(0.9),
        });
        let items = [
            text(10.0, 20.0, Face::Regular),
            text(30.0, 35.0, Face::Regular),
            text(12.5, 35.0, Face::Bold),
            rule(0.0, Dash::Dotted),
            rule(0.0, Dash::Dotted),
            rule(0.5, Dash::Solid),
            filled,
            text(10.0, 50.0, Face::Bold),
        ];
        let ops = page_ops(&items);
        let count = |f: fn(&Op) -> bool| ops.iter().filter(|op| f(op)).count();
        assert_eq!(count(|op| matches!(op, Op::StartTextSection)), 2);
        assert_eq!(count(|op| matches!(op, Op::EndTextSection)), 2);
        assert_eq!(count(|op| matches!(op, Op::SaveGraphicsState)), 1);
        assert_eq!(count(|op| matches!(op, Op::RestoreGraphicsState)), 1);
        assert_eq!(count(|op| matches!(op, Op::SetFont { .. })), 2);
        assert_eq!(count(|op| matches!(op, Op::SetOutlineThickness { .. })), 1);
        assert_eq!(count(|op| matches!(op, Op::SetOutlineColor { .. })), 2);
        assert_eq!(count(|op| matches!(op, Op::SetLineDashPattern { .. })), 2);
        // The moves add up to each run's place (y measured up from the page foot).
        let mut at = (0.0, 0.0);
        let mut placed = Vec::new();
        for op in &ops {
            match op {
                Op::StartTextSection => at = (0.0, 0.0),
                Op::SetTextCursor { pos } => {
                    at = (at.0 + pos.x.0, at.1 + pos.y.0);
                    placed.push((at.0, super::PAGE_HEIGHT - at.1));
                }
                _ => {}
            }
        }
        assert_eq!(
            placed,
            [(10.0, 20.0), (30.0, 35.0), (12.5, 35.0), (10.0, 50.0)]
        );
        // The fill is set inside the saved state, which is restored before the text.
        let fill = ops
            .iter()
            .position(|op| matches!(op, Op::SetFillColor { .. }))
            .unwrap();
        let restore = ops
            .iter()
            .position(|op| matches!(op, Op::RestoreGraphicsState))
            .unwrap();
        let last_text = ops
            .iter()
            .rposition(|op| matches!(op, Op::ShowText { .. }))
            .unwrap();
        assert!(fill < restore && restore < last_text);
        assert!(matches!(ops.last(), Some(Op::EndTextSection)));
    }

    /// One compressor reused across streams, remembering the long ones, gives each the
    /// bytes a fresh one gives, so reuse cannot change a PDF; and every stream
    /// decompresses to its input.
    #[test]
    fn a_reused_compressor_gives_what_a_fresh_one_gives() {
        let long: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("{} 0 0 1 {} Tm ", i % 97, i % 13).into_bytes())
            .collect();
        // The same length, other bytes: a remembered stream must not stand in for it.
        let mut other = long.clone();
        other[100_000] ^= 1;
        let mut deflater = Deflater::new();
        for data in [
            &b"BT /F1 12 Tf (a) Tj ET"[..],
            &long,
            b"",
            &long,
            &other,
            b"q 0.5 g Q",
        ] {
            let ours = deflater.deflate(data).unwrap();
            assert_eq!(ours, Deflater::new().deflate(data).unwrap());
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&ours[..])
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(back, data);
        }
    }
}
