//! A horizontal bar chart of shares (0–100 %), one labelled bar a row: the label above its
//! bar so long labels (a mark-scheme point) need no legend, the figure at the bar's end.

use super::{clip, num};
use maud::{Markup, html};

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the bar is (shown above it, cut short if long; whole in its tooltip).
    pub label: String,
    /// The share it shows, 0.0–1.0 (clamped).
    pub share: f64,
    /// The figure written at its end, e.g. "63% (12 of 19)".
    pub figure: String,
}

const WIDTH: f64 = 560.0;
const LEFT: f64 = 8.0;
const ROW: f64 = 46.0;
const TOP: f64 = 8.0;
const BAR_HEIGHT: f64 = 16.0;
/// Room at the right of a full bar for its figure.
const FIGURE_ROOM: f64 = 140.0;
const LABEL_CHARS: usize = 72;

/// The chart, titled `title` and described by `desc` for screen readers. With no bars it
/// says so rather than drawing an empty frame.
pub fn bars(title: &str, desc: &str, bars: &[Bar]) -> Markup {
    let height = TOP * 2.0 + ROW * bars.len().max(1) as f64;
    let view = format!("0 0 {} {}", num(WIDTH), num(height));
    let track = WIDTH - LEFT - FIGURE_ROOM;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bars" viewBox=(view)
            role="img" font-family="system-ui, sans-serif" {
            title { (title) }
            desc { (desc) }
            @if bars.is_empty() {
                text x=(num(LEFT)) y=(num(TOP + 20.0)) font-size="14" fill="#444" { "Nothing to show." }
            }
            @for (i, bar) in bars.iter().enumerate() {
                @let y = TOP + ROW * i as f64;
                @let share = bar.share.clamp(0.0, 1.0);
                @let length = (track * share).max(1.0);
                g class="bar" {
                    title { (bar.label) ": " (bar.figure) }
                    text x=(num(LEFT)) y=(num(y + 14.0)) font-size="13" fill="#1f2937" {
                        (clip(&bar.label, LABEL_CHARS))
                    }
                    rect x=(num(LEFT)) y=(num(y + 20.0)) width=(num(track)) height=(num(BAR_HEIGHT))
                        fill="#eef2f7" rx="3" {}
                    rect x=(num(LEFT)) y=(num(y + 20.0)) width=(num(length)) height=(num(BAR_HEIGHT))
                        fill="#b4443c" rx="3" {}
                    text x=(num(LEFT + track + 8.0)) y=(num(y + 33.0)) font-size="13"
                        font-weight="bold" fill="#1f2937" { (bar.figure) }
                }
            }
        }
    }
}
