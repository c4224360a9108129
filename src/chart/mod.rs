//! Charts drawn on the server as SVG: what a class missed most as bars, and how two markers'
//! marks meet as a heat map.
//!
//! Small hand-made SVG rather than a chart crate: these two charts need real text labels
//! (point names, marks), a `<title>`/`<desc>` for screen readers and every label escaped,
//! and they must look the same in any browser with no script. The SVG back ends of chart
//! crates (plotters, charts-rs) draw text through their own font handling and emit neither
//! `<title>` nor `<desc>`, so they would need as much code around them as these charts are.
//! Markup goes through maud, which escapes every string.
//!
//! Nothing here knows about marking: callers turn their figures into [`Bar`]s or a matrix.

mod bars;
mod heat;

pub use bars::{Bar, bars};
pub use heat::{HeatMap, heat_map};

/// A number for an SVG attribute: one decimal, without a trailing `.0`.
fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// `text` cut to `max` characters with an ellipsis, so a long label stays on its line (the
/// whole label is kept in the element's tooltip).
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests;
