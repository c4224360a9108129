//! Page content streams written here, byte for byte as printpdf would write them.
//!
//! printpdf turns every operation into lopdf objects, and lopdf formats each byte of a
//! glyph string through `write!`: that was most of the time to write a page. This writes
//! the same bytes directly — the same operators, numbers in the form lopdf gives them
//! (Rust's shortest `f32` form), operands and operations separated as lopdf separates them.
//!
//! Text is written as the glyph codes printpdf assigns, which depend on how it subsets
//! each face. So the codes are read back from printpdf's own encoding: every glyph a
//! document uses is shown once, per face, on a first page that printpdf writes and this
//! module then replaces ([`Glyphs`]). Only the operations
//! [`super::page_ops`] makes are handled; anything else, or a sample page that does not
//! read back, leaves the document to printpdf.

use printpdf::{
    Color, FontId, LineDashPattern, Op, PaintMode, PdfFontHandle, Pt, TextItem, WindingOrder,
};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// A map from characters, with those of Latin scripts (nearly all a paper prints) in a
/// table: looked up for every character of every page, so hashing them showed.
#[derive(Debug, Clone)]
struct CharMap<V> {
    low: Vec<Option<V>>,
    high: HashMap<char, V>,
}

/// Characters below this are kept in [`CharMap`]'s table.
const LOW: usize = 0x250;

impl<V: Copy> CharMap<V> {
    fn new() -> Self {
        CharMap {
            low: vec![None; LOW],
            high: HashMap::new(),
        }
    }

    fn get(&self, c: char) -> Option<V> {
        match self.low.get(c as usize) {
            Some(v) => *v,
            None => self.high.get(&c).copied(),
        }
    }

    fn insert(&mut self, c: char, v: V) {
        match self.low.get_mut(c as usize) {
            Some(slot) => *slot = Some(v),
            None => {
                self.high.insert(c, v);
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = (char, V)> + '_ {
        let low = self
            .low
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((char::from_u32(i as u32)?, (*v)?)));
        low.chain(self.high.iter().map(|(&c, &v)| (c, v)))
    }
}

/// The glyphs pages show: each character's glyph per font, and one sample character per
/// glyph (the last shown with it, as printpdf keeps the last for the glyph's copy-paste
/// text).
#[derive(Debug, Default)]
pub struct Glyphs {
    by_char: HashMap<String, CharMap<Option<u16>>>,
    samples: Vec<(FontId, Vec<(u16, char)>)>,
}

impl Glyphs {
    /// The glyphs `pages` show; `glyph` looks a character up in a font.
    pub fn of(pages: &[Vec<Op>], mut glyph: impl FnMut(&FontId, char) -> Option<u16>) -> Glyphs {
        let mut by_char: HashMap<String, CharMap<Option<u16>>> = HashMap::new();
        let mut used: BTreeMap<FontId, BTreeMap<u16, char>> = BTreeMap::new();
        for ops in pages {
            let mut font = None;
            for op in ops {
                match op {
                    Op::SetFont {
                        font: PdfFontHandle::External(id),
                        ..
                    } => font = Some(id),
                    Op::ShowText { items } => {
                        let Some(id) = font else { continue };
                        let chars = by_char.entry(id.0.clone()).or_insert_with(CharMap::new);
                        let glyphs = used.entry(id.clone()).or_default();
                        for item in items {
                            let TextItem::Text(text) = item else { continue };
                            for c in text.chars() {
                                let gid = match chars.get(c) {
                                    Some(gid) => gid,
                                    None => {
                                        let gid = glyph(id, c);
                                        chars.insert(c, gid);
                                        gid
                                    }
                                };
                                if let Some(gid) = gid {
                                    glyphs.insert(gid, c);
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Glyphs {
            by_char,
            samples: used
                .into_iter()
                .filter(|(_, glyphs)| !glyphs.is_empty())
                .map(|(id, glyphs)| (id, glyphs.into_iter().collect()))
                .collect(),
        }
    }

    /// The operations of a page showing every sample, one line per font.
    pub fn sample_ops(&self) -> Vec<Op> {
        if self.samples.is_empty() {
            return Vec::new();
        }
        let mut ops = vec![Op::StartTextSection];
        for (id, glyphs) in &self.samples {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(1.0),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(glyphs.iter().map(|&(_, c)| c).collect())],
            });
        }
        ops.push(Op::EndTextSection);
        ops
    }

    /// The codes printpdf gave the glyphs, read from its content stream for
    /// [`Glyphs::sample_ops`]; `None` if that is not the stream expected.
    pub fn codes(self, stream: &[u8]) -> Option<Codes> {
        // The stream as this module writes it with every glyph string empty: printpdf's
        // must differ only inside those strings.
        let mut skeleton = Vec::new();
        encode_ops(&self.sample_ops(), &Codes::default(), &mut skeleton, true)?;
        let skeleton = std::str::from_utf8(&skeleton).ok()?;
        let mut rest = std::str::from_utf8(stream).ok()?;
        let mut pieces = skeleton.split("<>");
        let mut by_glyph: HashMap<String, HashMap<u16, u16>> = HashMap::new();
        for (id, glyphs) in &self.samples {
            rest = rest.strip_prefix(pieces.next()?)?.strip_prefix('<')?;
            let (hex, after) = rest.split_once('>')?;
            rest = after;
            if hex.len() != glyphs.len() * 4 {
                return None;
            }
            let codes = by_glyph.entry(id.0.clone()).or_default();
            for (k, &(gid, _)) in glyphs.iter().enumerate() {
                codes.insert(
                    gid,
                    u16::from_str_radix(hex.get(k * 4..k * 4 + 4)?, 16).ok()?,
                );
            }
        }
        if rest != pieces.next()? || pieces.next().is_some() {
            return None;
        }
        // A font showing only characters it lacks is left out by printpdf, which then
        // writes that text another way: leave such a document to it.
        if self
            .by_char
            .iter()
            .any(|(id, chars)| chars.iter().next().is_some() && !by_glyph.contains_key(id))
        {
            return None;
        }
        // A character the font lacks is written as code 0, as printpdf writes it.
        let fonts = self
            .by_char
            .into_iter()
            .map(|(id, chars)| {
                let glyphs = by_glyph.get(&id);
                let mut codes = CharMap::new();
                for (c, gid) in chars.iter() {
                    let code = gid.and_then(|gid| glyphs?.get(&gid).copied());
                    codes.insert(c, code.unwrap_or(0));
                }
                (id, codes)
            })
            .collect();
        Some(Codes { fonts })
    }
}

/// The code printpdf writes for each character, per font.
#[derive(Debug, Default)]
pub struct Codes {
    fonts: HashMap<String, CharMap<u16>>,
}

/// The content stream of a page's operations, or `None` if it uses an operation this
/// module does not write.
pub fn encode(ops: &[Op], codes: &Codes) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(ops.len() * 24);
    encode_ops(ops, codes, &mut out, false)?;
    Some(out)
}

/// Write `ops`; with `skeleton`, glyph strings are left empty.
fn encode_ops(ops: &[Op], codes: &Codes, out: &mut Vec<u8>, skeleton: bool) -> Option<()> {
    let mut w = Writer { out, first: true };
    let mut font: Option<&str> = None;
    for op in ops {
        match op {
            Op::StartTextSection => w.op(&[], "BT"),
            Op::EndTextSection => w.op(&[], "ET"),
            Op::SaveGraphicsState => w.op(&[], "q"),
            Op::RestoreGraphicsState => w.op(&[], "Q"),
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size,
            } => {
                w.start();
                w.name(&id.0);
                w.real(size.0);
                w.end("Tf");
                font = Some(&id.0);
            }
            Op::SetTextCursor { pos } => w.op(&[pos.x.0, pos.y.0], "Td"),
            Op::ShowText { items } => {
                let [TextItem::Text(text)] = items.as_slice() else {
                    return None;
                };
                let id = font?;
                w.start();
                w.out.push(b'<');
                if !skeleton {
                    let font = codes.fonts.get(id)?;
                    for c in text.chars() {
                        w.hex(font.get(c)?);
                    }
                }
                w.out.extend_from_slice(b"> ");
                w.end("Tj");
            }
            Op::SetOutlineColor {
                col: Color::Greyscale(grey),
            } => w.op(&[grey.percent], "G"),
            Op::SetFillColor {
                col: Color::Greyscale(grey),
            } => w.op(&[grey.percent], "g"),
            Op::SetOutlineThickness { pt } => w.op(&[pt.0], "w"),
            Op::SetLineDashPattern { dash } => w.dash(dash),
            Op::DrawLine { line } => {
                // As printpdf writes a two-point line: move, line, stroke.
                let [from, to] = line.points.as_slice() else {
                    return None;
                };
                if from.bezier || to.bezier || line.is_closed {
                    return None;
                }
                w.op(&[from.p.x.0, from.p.y.0], "m");
                w.op(&[to.p.x.0, to.p.y.0], "l");
                w.op(&[], "S");
            }
            Op::DrawRectangle { rectangle: r } => {
                if r.winding_order.is_some_and(|w| w != WindingOrder::NonZero) {
                    return None;
                }
                w.op(&[r.x.0, r.y.0, r.width.0, r.height.0], "re");
                let paint = match r.mode? {
                    PaintMode::Fill => "f",
                    PaintMode::Stroke => "S",
                    PaintMode::FillStroke => "B",
                    PaintMode::Clip => return None,
                };
                w.op(&[], paint);
            }
            _ => return None,
        }
    }
    Some(())
}

/// Writes operations as lopdf's `Content::encode` does: operands each followed by a
/// space, then the operator; operations separated by newlines.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl Writer<'_> {
    fn start(&mut self) {
        if !self.first {
            self.out.push(b'\n');
        }
        self.first = false;
    }

    fn end(&mut self, operator: &str) {
        self.out.extend_from_slice(operator.as_bytes());
    }

    fn op(&mut self, operands: &[f32], operator: &str) {
        self.start();
        for &value in operands {
            self.real(value);
        }
        self.end(operator);
    }

    fn real(&mut self, value: f32) {
        self.real_bare(value);
        self.out.push(b' ');
    }

    /// A number as lopdf writes a real: `f32`'s `Display`.
    fn real_bare(&mut self, value: f32) {
        let mut text = String::new();
        let _ = write!(text, "{value}");
        self.out.extend_from_slice(text.as_bytes());
    }

    fn name(&mut self, name: &str) {
        // Our resource names are capital letters only, which lopdf writes as they are.
        self.out.push(b'/');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b' ');
    }

    fn hex(&mut self, code: u16) {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        for byte in code.to_be_bytes() {
            self.out.push(DIGITS[usize::from(byte >> 4)]);
            self.out.push(DIGITS[usize::from(byte & 15)]);
        }
    }

    fn dash(&mut self, dash: &LineDashPattern) {
        self.start();
        self.out.push(b'[');
        for (k, &value) in dash.pattern.iter().enumerate() {
            if k > 0 {
                self.out.push(b' ');
            }
            self.real_bare(value);
        }
        self.out.extend_from_slice(b"] ");
        self.real(dash.offset);
        self.end("d");
    }
}
