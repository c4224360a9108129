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
//! (Welsh, Polish and Czech included), the Greek alphabet for the sciences, punctuation,
//! the euro, super- and subscripts, fractions, arrows, the commonest mathematical signs and
//! the shapes used as bullets and ticks. Anything else makes that face fall back to the
//! whole font: correct, only a few milliseconds slower. Each block kept costs every paper
//! time (the cut is read and cut again on every run), so whole Unicode blocks are not kept
//! for one or two characters.

use examkit::layout::font::Face;
use printpdf::ParsedFont;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Code point ranges of the Latin cut, inclusive.
const LATIN: &[(u32, u32)] = &[
    (0x0020, 0x007E), // Basic Latin
    (0x00A0, 0x024F), // Latin-1 Supplement, Latin Extended-A and -B
    (0x02C6, 0x02C7), // spacing circumflex, caron
    (0x02D8, 0x02DD), // spacing breve, dot, ring, ogonek, tilde, double acute
    (0x0300, 0x0308), // combining grave to diaeresis, for decomposed text
    (0x030A, 0x030C), // combining ring, double acute, caron
    (0x0327, 0x0328), // combining cedilla, ogonek
    (0x0391, 0x03A9), // Greek capitals
    (0x03B1, 0x03C9), // Greek small letters
    (0x1E80, 0x1E85), // Welsh ẁ ẃ ẅ
    (0x1EF2, 0x1EF3), // Welsh ỳ
    (0x2010, 0x2027), // dashes, quotation marks, bullets, ellipsis
    (0x2030, 0x203A), // per mille, primes, single guillemets
    (0x2070, 0x2071), // superscript zero, i
    (0x2074, 0x208E), // superscripts and subscripts
    (0x20AC, 0x20AC), // euro
    (0x2103, 0x2103), // degree Celsius
    (0x2116, 0x2116), // numero
    (0x2122, 0x2122), // trade mark
    (0x2126, 0x2126), // ohm
    (0x2153, 0x215E), // fractions
    (0x2190, 0x2195), // arrows
    (0x21D2, 0x21D4), // double arrows
    (0x2202, 0x2202), // partial differential
    (0x2206, 0x2206), // increment
    (0x2211, 0x2213), // sum, minus, minus-or-plus
    (0x2219, 0x221A), // bullet operator, square root
    (0x221D, 0x221E), // proportional to, infinity
    (0x222B, 0x222B), // integral
    (0x2248, 0x2248), // almost equal
    (0x2260, 0x2261), // not equal, identical
    (0x2264, 0x2265), // less-than or equal, greater-than or equal
    (0x25A0, 0x25A1), // squares
    (0x25AA, 0x25AB), // small squares
    (0x25B2, 0x25BC), // triangles and pointers
    (0x25C6, 0x25CB), // diamonds, circles
    (0x25CF, 0x25CF), // black circle
    (0x25E6, 0x25E6), // white bullet
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
        assert!(kept > 500, "{face:?}: {kept}");
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
