//! The typefaces a paper is set in, and the glyph widths that line breaking needs.
//!
//! Layout measures text with the same font the PDF embeds, so a line that fits on the
//! page in layout fits on paper too. DejaVu Sans covers every Latin, Greek and Cyrillic
//! name a History paper meets (Rákosi, Gomułka, Dubček), curly quotes, dashes and bullets.
//! The faces are parsed once per process and shared, so 50 variants pay for parsing once.

use printpdf::{AzulParsedFont, ParsedFont};
use rust_fontconfig::FontBytes;
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

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
            Face::Italic => dejavu::sans::oblique(),
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

/// One parsed face with its advance table.
struct Metrics {
    font: ParsedFont,
    units_per_em: f32,
    /// Advance in font units for code points below [`TABLE_LEN`].
    table: Vec<u16>,
}

impl Metrics {
    fn parse(face: Face) -> Result<Self, FontError> {
        // One shared copy of the bytes, and glyph outlines left unparsed until asked for:
        // layout needs only the cmap and advances, and subsetting reads the bytes itself.
        let bytes = Arc::new(FontBytes::Owned(Arc::from(face.bytes())));
        let font = AzulParsedFont::from_bytes_shared(bytes, 0, &mut Vec::new())
            .map(ParsedFont::from_azul)
            .ok_or(FontError { face })?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let table = (0..TABLE_LEN as u32)
            .map(|cp| advance_units(&font, cp))
            .collect();
        Ok(Self {
            font,
            units_per_em,
            table,
        })
    }

    fn advance(&self, c: char) -> u16 {
        self.table
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| advance_units(&self.font, c as u32))
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

    /// The parsed font, for embedding.
    pub fn parsed(&self, face: Face) -> &ParsedFont {
        &self.metrics(face).font
    }

    /// Width of `text` set in `face` at `size` points, in points.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let m = self.metrics(face);
        let units: u32 = text.chars().map(|c| u32::from(m.advance(c))).sum();
        units as f32 * size / m.units_per_em
    }

    /// Whether every character of `text` has a glyph (so nothing prints as a box).
    pub fn covers(&self, face: Face, text: &str) -> bool {
        let font = self.parsed(face);
        text.chars()
            .filter(|c| !c.is_whitespace())
            .all(|c| font.lookup_glyph_index(c as u32).is_some_and(|g| g != 0))
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
}
