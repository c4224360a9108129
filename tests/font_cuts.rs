//! The Latin cuts of the bundled faces in `assets/fonts/` are exactly what printpdf's
//! subsetter makes of the `dejavu` crate's faces for the characters listed here, so the
//! committed files can be trusted, and remade after a change to the list or to a pinned
//! crate:
//!
//! ```text
//! EXAMKIT_UPDATE_FONTS=1 cargo test --test font_cuts
//! ```
//!
//! The list is what papers print in nearly every subject: Latin script with its accents
//! (Welsh, Polish and Czech included), Greek for the sciences, punctuation, currency,
//! super- and subscripts, fractions, arrows, mathematical operators and the shapes used as
//! bullets and ticks. Anything else makes the face fall back to the whole font.

use examkit::layout::font::Face;
use printpdf::ParsedFont;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Code point ranges of the Latin cut, inclusive.
const LATIN: &[(u32, u32)] = &[
    (0x0020, 0x007E), // Basic Latin
    (0x00A0, 0x024F), // Latin-1 Supplement, Latin Extended-A and -B
    (0x02C6, 0x02DD), // spacing accents
    (0x0300, 0x036F), // combining accents, for decomposed text
    (0x0370, 0x03FF), // Greek
    (0x1E80, 0x1E85), // Welsh ẁ ẃ ẅ
    (0x1EF2, 0x1EF3), // Welsh ỳ
    (0x2000, 0x206F), // General Punctuation
    (0x2070, 0x209F), // superscripts and subscripts
    (0x20A0, 0x20CF), // currency
    (0x2100, 0x218F), // letterlike symbols, number forms
    (0x2190, 0x2199), // arrows
    (0x2200, 0x22FF), // mathematical operators
    (0x25A0, 0x25FF), // geometric shapes
    (0x2610, 0x2612), // ballot boxes
    (0x2713, 0x2718), // ticks and crosses
    (0xFB01, 0xFB02), // fi, fl ligatures from pasted text
    (0xFFFD, 0xFFFD), // replacement character
];

fn path(face: Face) -> PathBuf {
    let name = match face {
        Face::Regular => "DejaVuSans-Latin.ttf",
        Face::Bold => "DejaVuSans-Bold-Latin.ttf",
        Face::Italic => "DejaVuSans-Oblique-Latin.ttf",
    };
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/fonts")
        .join(name)
}

fn cut(face: Face) -> Vec<u8> {
    let whole = ParsedFont::from_bytes(face.whole_bytes(), 0, &mut Vec::new()).unwrap();
    let mut glyphs = BTreeMap::new();
    for &(first, last) in LATIN {
        for c in (first..=last).filter_map(char::from_u32) {
            if let Some(gid) = whole.lookup_glyph_index(c as u32).filter(|&g| g != 0) {
                glyphs.entry(gid).or_insert_with(|| c.to_string());
            }
        }
    }
    printpdf::subset_font(&whole, &glyphs).unwrap().bytes
}

#[test]
fn the_committed_latin_cuts_are_what_the_subsetter_makes() {
    let update = std::env::var_os("EXAMKIT_UPDATE_FONTS").is_some();
    for face in Face::ALL {
        let fresh = cut(face);
        assert_eq!(
            fresh,
            cut(face),
            "{face:?}: the subsetter is not deterministic"
        );
        if update {
            std::fs::write(path(face), &fresh).unwrap();
        }
        assert!(
            fresh == std::fs::read(path(face)).unwrap_or_default(),
            "{face:?}: assets/fonts differs from a fresh cut; remake it with \
             EXAMKIT_UPDATE_FONTS=1 cargo test --test font_cuts (and rebuild)"
        );
    }
}

/// Every character of the list that the whole face has, the cut has too, with the
/// same width; and nothing else.
#[test]
fn the_cuts_keep_every_listed_glyph_and_its_width() {
    for face in Face::ALL {
        let whole = ParsedFont::from_bytes(face.whole_bytes(), 0, &mut Vec::new()).unwrap();
        let latin = ParsedFont::from_bytes(face.latin_bytes(), 0, &mut Vec::new()).unwrap();
        let mut kept = 0;
        for &(first, last) in LATIN {
            for c in (first..=last).filter_map(char::from_u32) {
                let Some(gid) = whole.lookup_glyph_index(c as u32).filter(|&g| g != 0) else {
                    continue;
                };
                let ours = latin
                    .lookup_glyph_index(c as u32)
                    .filter(|&g| g != 0)
                    .unwrap_or_else(|| panic!("{face:?} lost {c:?}"));
                assert_eq!(
                    latin.get_horizontal_advance(ours),
                    whole.get_horizontal_advance(gid),
                    "{face:?} {c:?}"
                );
                kept += 1;
            }
        }
        assert!(kept > 1000, "{face:?}: {kept}");
        for c in ['Ж', 'א', '中'] {
            assert!(
                latin
                    .lookup_glyph_index(c as u32)
                    .filter(|&g| g != 0)
                    .is_none()
            );
        }
    }
}
