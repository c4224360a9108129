//! SVG output: laid-out pages drawn for the screen, so a teacher sees a paper's first pages in
//! any browser before downloading the PDF.
//!
//! A sibling of [`crate::pdf`]: both read the same positioned items from [`crate::layout`],
//! so the preview shows exactly where the PDF puts every line, rule and box. Layout measured
//! each text run with the embedded font; the preview passes that width on as `textLength`, so
//! lines keep their printed length even where the browser draws them with another face.
//! Markup goes through maud, which escapes every string (question text comes from a bank a
//! teacher may have edited).

use crate::layout::font::Face;
use crate::layout::page::{Dash, Document, Item, PAGE_HEIGHT, PAGE_WIDTH, Page};
use maud::{Markup, html};

/// The typeface the preview asks for; the page serving it provides the bundled DejaVu Sans
/// under this name (see [`font_face_css`]).
pub const FONT_FAMILY: &str = "'ExamkitDejaVu', 'DejaVu Sans', 'Verdana', sans-serif";

/// One page as an inline `<svg>` element, scaled to its container's width, labelled for a
/// screen reader with `label` (e.g. "Question paper, page 2") and holding the page's text
/// as real text, so it can be found and copied.
pub fn page(page: &Page, label: &str) -> Markup {
    let view = format!("0 0 {} {}", fmt(PAGE_WIDTH), fmt(PAGE_HEIGHT));
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="page-preview" viewBox=(view)
            role="img" aria-label=(label) font-family=(FONT_FAMILY) {
            title { (label) }
            rect x="0" y="0" width=(fmt(PAGE_WIDTH)) height=(fmt(PAGE_HEIGHT)) fill="#fff" {}
            @for item in &page.items {
                (self::item(item))
            }
        }
    }
}

/// The first `count` pages of `doc`, each labelled "<name>, page N of M".
pub fn first_pages(doc: &Document, name: &str, count: usize) -> Vec<Markup> {
    let total = doc.pages.len();
    doc.pages
        .iter()
        .take(count)
        .enumerate()
        .map(|(i, p)| page(p, &format!("{name}, page {} of {total}", i + 1)))
        .collect()
}

fn item(item: &Item) -> Markup {
    match item {
        Item::Text(t) => {
            let (weight, style) = match t.face {
                Face::Regular => ("normal", "normal"),
                Face::Bold => ("bold", "normal"),
                Face::Italic => ("normal", "italic"),
            };
            html! {
                text x=(fmt(t.x)) y=(fmt(t.baseline)) font-size=(fmt(t.size))
                    font-weight=(weight) font-style=(style) textLength=(fmt(t.width))
                    lengthAdjust="spacingAndGlyphs" xml:space="preserve" { (t.text) }
            }
        }
        Item::Rule(r) => {
            let dash = match r.dash {
                Dash::Solid => None,
                Dash::Dotted => Some("1 2"),
            };
            html! {
                line x1=(fmt(r.x1)) y1=(fmt(r.y1)) x2=(fmt(r.x2)) y2=(fmt(r.y2))
                    stroke=(grey(r.grey)) stroke-width=(fmt(r.thickness))
                    stroke-dasharray=[dash] {}
            }
        }
        Item::Box(b) => {
            let fill = b.fill.map_or_else(|| "none".to_string(), grey);
            let stroke = b.stroke.map(|_| grey(0.0));
            html! {
                rect x=(fmt(b.x)) y=(fmt(b.y)) width=(fmt(b.width)) height=(fmt(b.height))
                    fill=(fill) stroke=[stroke] stroke-width=[b.stroke.map(fmt)] {}
            }
        }
    }
}

/// A grey level (0 black, 1 white) as a CSS colour.
fn grey(level: f32) -> String {
    let v = (level.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{v:02x}{v:02x}{v:02x}")
}

/// A coordinate to two decimals, without trailing zeros: small markup, stable output.
fn fmt(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// CSS that gives the preview the paper's own typeface from the bundled font files, served
/// by the web app at `base` (e.g. `/teacher/fonts`): `DejaVuSans-Latin.ttf` and its bold and
/// oblique cuts ([`font_file`]).
pub fn font_face_css(base: &str) -> String {
    let face = |file: &str, weight: &str, style: &str| {
        format!(
            "@font-face{{font-family:'ExamkitDejaVu';src:url('{base}/{file}') format('truetype');\
             font-weight:{weight};font-style:{style};}}"
        )
    };
    [
        face("DejaVuSans-Latin.ttf", "normal", "normal"),
        face("DejaVuSans-Bold-Latin.ttf", "bold", "normal"),
        face("DejaVuSans-Oblique-Latin.ttf", "normal", "italic"),
    ]
    .concat()
}

/// The bytes of a bundled font file named in [`font_face_css`], or `None` for any other name.
pub fn font_file(name: &str) -> Option<&'static [u8]> {
    match name {
        "DejaVuSans-Latin.ttf" => Some(Face::Regular.latin_bytes()),
        "DejaVuSans-Bold-Latin.ttf" => Some(Face::Bold.latin_bytes()),
        "DejaVuSans-Oblique-Latin.ttf" => Some(Face::Italic.latin_bytes()),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
