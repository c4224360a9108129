//! The faces a set of PDFs embeds: a paper, its insert and its mark scheme share one
//! cut-down copy of each face, holding just the characters the three of them print.
//!
//! printpdf subsets every face of every document from the font it is given, and the cost
//! of that grows with the whole font (DejaVu Sans has some 6,000 glyphs), not with the
//! hundred or so a paper uses. So each face is cut down once, with printpdf's own
//! subsetter, to the characters of the whole set, and every document of the set embeds
//! that cut as it is: printpdf is told the font needs no further subsetting, and the cut
//! carries the subset tag in its name (`EXKREG+DejaVuSans`), as a subset must. A paper
//! thereby also carries the few glyphs only its mark scheme prints, some kilobytes, for
//! a third of the subsetting work.

use crate::layout::font::{Face, FontBook, FontError};
use crate::layout::page::{Document, Item};
use printpdf::{AzulParsedFont, FontEmbeddingMode, ParsedFont, PdfFont, PrintpdfFontMeta};
use rust_fontconfig::FontBytes;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The faces to embed, in [`Face::ALL`] order.
pub struct Faces {
    fonts: [Embed; 3],
}

/// How one face is embedded.
enum Embed {
    /// Cut down to a set's characters already: embedded as it is.
    Cut(Box<ParsedFont>),
    /// The whole face, which printpdf subsets for each document: for a face that prints
    /// nothing, or in the (never yet seen) case that cutting fails.
    Whole(&'static ParsedFont),
}

impl Faces {
    /// Each face cut down to the characters `docs` set in it.
    pub fn for_documents(docs: &[&Document]) -> Result<Faces, FontError> {
        let book = FontBook::get()?;
        // Most characters are ASCII: a table of those seen is much quicker than a set.
        let mut ascii = [[false; 128]; 3];
        let mut chars: [BTreeSet<char>; 3] = Default::default();
        for item in docs.iter().flat_map(|d| &d.pages).flat_map(|p| &p.items) {
            if let Item::Text(t) = item {
                let face = t.face as usize;
                for c in t.text.chars() {
                    match ascii[face].get_mut(c as usize) {
                        Some(seen) => *seen = true,
                        None => {
                            chars[face].insert(c);
                        }
                    }
                }
            }
        }
        for (face, seen) in ascii.iter().enumerate() {
            chars[face].extend((0..128u8).filter(|&b| seen[b as usize]).map(char::from));
        }
        Ok(Faces {
            fonts: [
                cut_down(book.source(Face::Regular, &chars[0])?, &chars[0]),
                cut_down(book.source(Face::Bold, &chars[1])?, &chars[1]),
                cut_down(book.source(Face::Italic, &chars[2])?, &chars[2]),
            ],
        })
    }

    /// The font to embed for `face`, whose resource id (and subset tag) is `tag`.
    pub fn pdf_font(&self, face: Face, tag: &str) -> PdfFont {
        match &self.fonts[face as usize] {
            Embed::Cut(font) => {
                let mut font = (**font).clone();
                let name = font.font_name.as_deref().unwrap_or("DejaVuSans");
                font.font_name = Some(format!("{tag}+{name}"));
                PdfFont::with_meta(
                    font,
                    PrintpdfFontMeta {
                        embedding_mode: FontEmbeddingMode::Full,
                        requires_subsetting: false,
                        ..PrintpdfFontMeta::default()
                    },
                )
            }
            Embed::Whole(font) => PdfFont::new((*font).clone()),
        }
    }
}

/// `full` reduced to the glyphs of `chars` (those it has); `full` itself when there are
/// none, or if cutting fails (it does not for the bundled faces, but the whole face is
/// always a correct answer, only a slower one).
fn cut_down(full: &'static ParsedFont, chars: &BTreeSet<char>) -> Embed {
    let mut glyphs = BTreeMap::new();
    for &c in chars {
        if let Some(gid) = full.lookup_glyph_index(c as u32).filter(|&gid| gid != 0) {
            glyphs.entry(gid).or_insert_with(|| c.to_string());
        }
    }
    if glyphs.is_empty() {
        return Embed::Whole(full);
    }
    printpdf::subset_font(full, &glyphs)
        .ok()
        .and_then(|subset| {
            let bytes = Arc::new(FontBytes::Owned(Arc::from(subset.bytes)));
            AzulParsedFont::from_bytes_shared(bytes, 0, &mut Vec::new())
        })
        .map(|font| Embed::Cut(Box::new(ParsedFont::from_azul(font))))
        .unwrap_or(Embed::Whole(full))
}

impl Embed {
    #[cfg(test)]
    fn font(&self) -> &ParsedFont {
        match self {
            Embed::Cut(font) => font,
            Embed::Whole(font) => font,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character asked for that the whole face prints, the cut-down face prints
    /// too, with the same advance width; and it is much smaller.
    #[test]
    fn a_cut_down_face_keeps_every_glyph_asked_for_and_its_width() {
        let book = FontBook::get().unwrap();
        let text = "Mátyás Rákosi, Władysław Gomułka, Alexander Dubček – “Ostpolitik” • ► ✓ 12 中";
        let chars: BTreeSet<char> = text.chars().collect();
        for face in Face::ALL {
            let full = book.source(face, &chars).unwrap();
            let cut = cut_down(full, &chars);
            let cut = cut.font();
            assert!(cut.num_glyphs < 80, "{face:?}: {} glyphs", cut.num_glyphs);
            for &c in &chars {
                let whole = full.lookup_glyph_index(c as u32).filter(|&g| g != 0);
                let kept = cut.lookup_glyph_index(c as u32).filter(|&g| g != 0);
                let Some(gid) = whole else {
                    assert_eq!(
                        kept, None,
                        "{face:?} {c:?}: not in the font, so not in the cut"
                    );
                    continue;
                };
                let kept = kept.unwrap_or_else(|| panic!("{face:?} lost {c:?}"));
                assert_eq!(
                    cut.get_horizontal_advance(kept),
                    full.get_horizontal_advance(gid),
                    "{face:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn a_face_with_nothing_to_print_is_left_whole() {
        let book = FontBook::get().unwrap();
        let full = book.source(Face::Italic, &BTreeSet::new()).unwrap();
        assert!(matches!(cut_down(full, &BTreeSet::new()), Embed::Whole(_)));
    }
}
