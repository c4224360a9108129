//! A heat map of a square count matrix — a confusion matrix of two markers' marks: one
//! marker's marks down the side, the other's along the top, each cell shaded by its count
//! and labelled with it, the diagonal (where they agree) outlined.

use super::num;
use maud::{Markup, html};

/// What to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap<'a> {
    /// Read by screen readers and shown as a tooltip.
    pub title: &'a str,
    /// A sentence saying what the chart shows, for screen readers.
    pub desc: &'a str,
    /// Axis name of the rows, e.g. "Teacher's mark".
    pub rows: &'a str,
    /// Axis name of the columns, e.g. "examkit's mark".
    pub columns: &'a str,
    /// `counts[row][column]`, rows and columns numbered from 0.
    pub counts: &'a [Vec<u64>],
}

const GUTTER: f64 = 70.0;
const HEADER: f64 = 54.0;

/// The chart as an inline `<svg>`.
pub fn heat_map(map: &HeatMap) -> Markup {
    let n = map.counts.len().max(1);
    let cell = (420.0 / n as f64).clamp(18.0, 48.0);
    let size = cell * n as f64;
    let width = GUTTER + size + 12.0;
    let height = HEADER + size + 12.0;
    let top = map.counts.iter().flatten().copied().max().unwrap_or(0);
    let font = (cell * 0.36).clamp(9.0, 15.0);
    let view = format!("0 0 {} {}", num(width), num(height));
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart chart-heat" viewBox=(view)
            role="img" font-family="system-ui, sans-serif" {
            title { (map.title) }
            desc { (map.desc) }
            text x=(num(GUTTER + size / 2.0)) y="16" font-size="13" text-anchor="middle"
                font-weight="bold" fill="#1f2937" { (map.columns) " →" }
            text x="14" y=(num(HEADER + size / 2.0)) font-size="13" text-anchor="middle"
                font-weight="bold" fill="#1f2937"
                transform=(format!("rotate(-90 14 {})", num(HEADER + size / 2.0))) {
                (map.rows) " →"
            }
            @for c in 0..n {
                text x=(num(GUTTER + cell * (c as f64 + 0.5))) y=(num(HEADER - 8.0))
                    font-size=(num(font)) text-anchor="middle" fill="#374151" { (c) }
            }
            @for (r, row) in map.counts.iter().enumerate() {
                text x=(num(GUTTER - 8.0)) y=(num(HEADER + cell * (r as f64 + 0.5) + font / 3.0))
                    font-size=(num(font)) text-anchor="end" fill="#374151" { (r) }
                @for (c, &count) in row.iter().enumerate() {
                    @let x = GUTTER + cell * c as f64;
                    @let y = HEADER + cell * r as f64;
                    @let strength = if top == 0 { 0.0 } else { count as f64 / top as f64 };
                    g {
                        title { (map.rows) " " (r) ", " (map.columns) " " (c) ": " (count) }
                        rect x=(num(x)) y=(num(y)) width=(num(cell)) height=(num(cell))
                            fill=(shade(strength)) stroke="#ffffff" stroke-width="1" {}
                        @if r == c {
                            rect x=(num(x + 1.5)) y=(num(y + 1.5)) width=(num(cell - 3.0))
                                height=(num(cell - 3.0)) fill="none" stroke="#15803d"
                                stroke-width="2" {}
                        }
                        @if count > 0 {
                            text x=(num(x + cell / 2.0)) y=(num(y + cell / 2.0 + font / 3.0))
                                font-size=(num(font)) text-anchor="middle"
                                fill=(if strength > 0.55 { "#ffffff" } else { "#111827" }) {
                                (count)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// White for nothing to deep blue for the largest count; any count at all gets a visible
/// tint, so a single stray answer is not lost.
fn shade(strength: f64) -> String {
    if strength <= 0.0 {
        return "#f8fafc".into();
    }
    let s = 0.12 + 0.88 * strength.clamp(0.0, 1.0);
    let mix = |from: f64, to: f64| (from + (to - from) * s).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(239.0, 30.0),
        mix(246.0, 64.0),
        mix(255.0, 175.0)
    )
}
