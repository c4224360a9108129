//! The faces a set of PDFs embeds: a paper, its insert and its mark scheme share one
//! cut-down copy of each face, holding just the characters the three of them print.
//!
//! printpdf subsets every face of every document from the font it is given, and the cost
//! of that grows with the whole font (DejaVu Sans has some 6,000 glyphs), not with the
//! hundred or so a paper uses. Cutting each face down once to the characters of the whole
//! set, and letting printpdf subset each document from that, pays the whole-font price once
//! per face instead of once per face and document. What is embedded is the same: the same
//! glyphs with the same widths, subsetted again for each document.

use crate::layout::font::{Face, FontBook, FontError};
use crate::layout::page::{Document, Item};
use printpdf::{AzulParsedFont, ParsedFont};
use rust_fontconfig::FontBytes;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The faces to embed, in [`Face::ALL`] order.
pub struct Faces {
    fonts: [Cow<'static, ParsedFont>; 3],
}

impl Faces {
    /// The whole faces, for a document rendered alone.
    pub fn whole() -> Result<Faces, FontError> {
        let book = FontBook::get()?;
        Ok(Faces {
            fonts: Face::ALL.map(|face| Cow::Borrowed(book.parsed(face))),
        })
    }

    /// Each face cut down to the characters `docs` set in it.
    pub fn for_documents(docs: &[&Document]) -> Result<Faces, FontError> {
        let book = FontBook::get()?;
        let mut chars: [BTreeSet<char>; 3] = Default::default();
        for item in docs.iter().flat_map(|d| &d.pages).flat_map(|p| &p.items) {
            if let Item::Text(t) = item {
                chars[t.face as usize].extend(t.text.chars());
            }
        }
        Ok(Faces {
            fonts: Face::ALL.map(|face| cut_down(book.parsed(face), &chars[face as usize])),
        })
    }

    /// The font to embed for `face`.
    pub fn get(&self, face: Face) -> &ParsedFont {
        &self.fonts[face as usize]
    }
}

/// `full` reduced to the glyphs of `chars` (those it has); `full` itself when there are
/// none, or if cutting fails (it does not for the bundled faces, but the whole face is
/// always a correct answer, only a slower one).
fn cut_down(full: &'static ParsedFont, chars: &BTreeSet<char>) -> Cow<'static, ParsedFont> {
    let mut glyphs = BTreeMap::new();
    for &c in chars {
        if let Some(gid) = full.lookup_glyph_index(c as u32).filter(|&gid| gid != 0) {
            glyphs.entry(gid).or_insert_with(|| c.to_string());
        }
    }
    if glyphs.is_empty() {
        return Cow::Borrowed(full);
    }
    printpdf::subset_font(full, &glyphs)
        .ok()
        .and_then(|subset| {
            let bytes = Arc::new(FontBytes::Owned(Arc::from(subset.bytes)));
            AzulParsedFont::from_bytes_shared(bytes, 0, &mut Vec::new())
        })
        .map(|font| Cow::Owned(ParsedFont::from_azul(font)))
        .unwrap_or(Cow::Borrowed(full))
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
            let full = book.parsed(face);
            let cut = cut_down(full, &chars);
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
        let full = book.parsed(Face::Italic);
        assert_eq!(cut_down(full, &BTreeSet::new()).num_glyphs, full.num_glyphs);
    }
}
