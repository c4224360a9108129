//! The typefaces a paper is set in, and the glyph widths that line breaking needs.
//!
//! Layout measures text with the same font the PDF embeds, so a line that fits on the
//! page in layout fits on paper too. DejaVu Sans covers every Latin, Greek and Cyrillic
//! name a History paper meets (Rákosi, Gomułka, Dubček), curly quotes, dashes and bullets.
//! The faces are parsed once per process and shared, so 50 variants pay for parsing once.
//!
//! Each face comes in two sizes, as web fonts come in `unicode-range` subsets. Nearly every
//! paper prints only Latin-script text, punctuation and a few symbols, so the font book
//! starts from a cut of each face to those (`assets/fonts/`, about 95 KB where the whole
//! face is 700 KB; `tests/font_cuts.rs` makes them from the `dejavu` crate's faces and
//! checks the committed files are what it makes). Reading and cutting the whole face was
//! a third of a paper's generation time. A character the cut lacks (Cyrillic, say) sends
//! that face to the whole font, parsed on first need: the glyphs and widths are the same
//! in both, so layout never depends on which one was used.

use printpdf::{AzulParsedFont, ParsedFont};
use rust_fontconfig::FontBytes;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

/// A face of the paper's typeface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// Body text.
    Regular,
    /// Numbers, headings, marks.
    Bold,
    /// Provenance lines, rubrics and notes.
    Italic,
}

impl Face {
    /// Every face, in the order they are embedded.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The whole face, as the `dejavu` crate ships it.
    pub fn whole_bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
            Face::Italic => dejavu::sans::oblique(),
        }
    }

    /// The face cut to Latin-script text, punctuation and common symbols.
    pub fn latin_bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/DejaVuSans-Latin.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/DejaVuSans-Bold-Latin.ttf"),
            Face::Italic => include_bytes!("../../assets/fonts/DejaVuSans-Oblique-Latin.ttf"),
        }
    }
}

/// Returned when a bundled font cannot be parsed (a broken build, never user input).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the bundled font for {face:?} text could not be read")]
pub struct FontError {
    /// The face that failed.
    pub face: Face,
}

/// Characters below this have their advance cached in a table (Basic Latin to Latin
/// Extended-B): nearly every character of an English paper, Polish and Czech names too.
const TABLE_LEN: usize = 0x250;

/// One face: its Latin cut, parsed, with an advance table, and the whole face when needed.
struct Metrics {
    face: Face,
    latin: ParsedFont,
    whole: OnceLock<Option<ParsedFont>>,
    units_per_em: f32,
    /// Advance in font units for code points below [`TABLE_LEN`].
    table: Vec<u16>,
}

/// `bytes` parsed as a font, sharing one copy of them, with glyph outlines left unparsed
/// until asked for: layout needs only the cmap and advances, and subsetting reads the
/// bytes itself.
fn parse(bytes: &[u8]) -> Option<ParsedFont> {
    let bytes = Arc::new(FontBytes::Owned(Arc::from(bytes)));
    AzulParsedFont::from_bytes_shared(bytes, 0, &mut Vec::new()).map(ParsedFont::from_azul)
}

/// The glyph of `c` in `font`, if it has one (glyph 0 is the "missing" box).
fn glyph(font: &ParsedFont, c: char) -> Option<u16> {
    font.lookup_glyph_index(c as u32).filter(|&gid| gid != 0)
}

impl Metrics {
    fn parse(face: Face) -> Result<Self, FontError> {
        let latin = parse(face.latin_bytes()).ok_or(FontError { face })?;
        let units_per_em = f32::from(latin.pdf_font_metrics.units_per_em.max(1));
        let table = (0..TABLE_LEN as u32)
            .map(|cp| advance_units(&latin, cp))
            .collect();
        Ok(Self {
            face,
            latin,
            whole: OnceLock::new(),
            units_per_em,
            table,
        })
    }

    /// The whole face, parsed on first use.
    fn whole(&self) -> Result<&ParsedFont, FontError> {
        self.whole
            .get_or_init(|| parse(self.face.whole_bytes()))
            .as_ref()
            .ok_or(FontError { face: self.face })
    }

    /// The font that has `c`: the Latin cut when it does, else the whole face (whose
    /// missing-glyph box has the same width as the cut's, should neither have it).
    fn font_for(&self, c: char) -> &ParsedFont {
        if glyph(&self.latin, c).is_some() {
            return &self.latin;
        }
        self.whole().unwrap_or(&self.latin)
    }

    fn advance(&self, c: char) -> u16 {
        self.table
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| advance_units(self.font_for(c), c as u32))
    }
}

fn advance_units(font: &ParsedFont, codepoint: u32) -> u16 {
    let gid = font.lookup_glyph_index(codepoint).unwrap_or(0);
    font.get_horizontal_advance(gid)
}

/// The paper's typeface: every face parsed, with widths.
pub struct FontBook {
    faces: [Metrics; 3],
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook").finish_non_exhaustive()
    }
}

static BOOK: OnceLock<Result<FontBook, FontError>> = OnceLock::new();

impl FontBook {
    /// The shared font book, parsed on first use.
    pub fn get() -> Result<&'static FontBook, FontError> {
        BOOK.get_or_init(|| {
            Ok(FontBook {
                faces: [
                    Metrics::parse(Face::Regular)?,
                    Metrics::parse(Face::Bold)?,
                    Metrics::parse(Face::Italic)?,
                ],
            })
        })
        .as_ref()
        .map_err(Clone::clone)
    }

    fn metrics(&self, face: Face) -> &Metrics {
        &self.faces[face as usize]
    }

    /// The font to embed `chars` of `face` from: the Latin cut when it has them all, else
    /// the whole face.
    pub fn source(&self, face: Face, chars: &BTreeSet<char>) -> Result<&ParsedFont, FontError> {
        let m = self.metrics(face);
        if chars
            .iter()
            .all(|&c| c.is_whitespace() || glyph(&m.latin, c).is_some())
        {
            Ok(&m.latin)
        } else {
            m.whole()
        }
    }

    /// Width of `text` set in `face` at `size` points, in points.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let m = self.metrics(face);
        let units: u32 = text.chars().map(|c| u32::from(m.advance(c))).sum();
        units as f32 * size / m.units_per_em
    }

    /// Whether every character of `text` has a glyph (so nothing prints as a box).
    pub fn covers(&self, face: Face, text: &str) -> bool {
        let m = self.metrics(face);
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| glyph(m.font_for(c), c).is_some())
    }
}

/// How far glyphs of a face reach above the baseline, as a fraction of the size
/// (DejaVu's ascender, which clears accented capitals).
pub const ASCENT: f32 = 0.93;
/// How far glyphs reach below the baseline, as a fraction of the size.
pub const DESCENT: f32 = 0.24;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let book = FontBook::get().unwrap();
        let narrow = book.width(Face::Regular, 10.0, "iiii");
        let wide = book.width(Face::Regular, 10.0, "MMMM");
        assert!(narrow > 0.0 && wide > 2.0 * narrow);
        assert!(book.width(Face::Bold, 10.0, "Hello") > book.width(Face::Regular, 10.0, "Hello"));
        assert!(
            (book.width(Face::Regular, 20.0, "abc") - 2.0 * book.width(Face::Regular, 10.0, "abc"))
                .abs()
                < 1e-3
        );
    }

    #[test]
    fn names_of_the_period_have_glyphs() {
        let book = FontBook::get().unwrap();
        for face in Face::ALL {
            assert!(book.covers(
                face,
                "Mátyás Rákosi, Władysław Gomułka, Alexander Dubček – “quoted” • ‘x’ — Khrushchev’s"
            ));
        }
        assert!(book.width(Face::Regular, 10.0, "ł") > 0.0);
    }

    /// Text the Latin cut lacks is measured and embedded from the whole face, and the
    /// two agree on every width, so which one was used never moves a line.
    #[test]
    fn characters_outside_the_latin_cut_come_from_the_whole_face() {
        let book = FontBook::get().unwrap();
        let latin: BTreeSet<char> = "Dubček – “ok” → ✓ αβ".chars().collect();
        let cyrillic: BTreeSet<char> = "Хрущёв".chars().collect();
        for face in Face::ALL {
            let m = book.metrics(face);
            assert!(std::ptr::eq(book.source(face, &latin).unwrap(), &m.latin));
            let whole = book.source(face, &cyrillic).unwrap();
            assert!(!std::ptr::eq(whole, &m.latin));
            assert!(book.covers(face, "Никита Хрущёв"));
            for c in latin.iter().chain(&cyrillic).copied() {
                let gid = glyph(whole, c).unwrap();
                assert_eq!(m.advance(c), whole.get_horizontal_advance(gid), "{c:?}");
            }
        }
    }
}
