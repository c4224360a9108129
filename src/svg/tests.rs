use super::*;
use crate::layout::page::{Frame, Rule, TextRun};

fn sample() -> Document {
    let items = vec![
        Item::Text(TextRun {
            x: 42.5,
            baseline: 100.0,
            size: 11.0,
            face: Face::Bold,
            text: "1 <b>Rákosi</b> & \"Gomułka\"".into(),
            width: 150.25,
        }),
        Item::Rule(Rule {
            x1: 42.5,
            y1: 120.0,
            x2: 500.0,
            y2: 120.0,
            thickness: 0.5,
            dash: Dash::Dotted,
            grey: 0.5,
        }),
        Item::Box(Frame {
            x: 40.0,
            y: 130.0,
            width: 200.0,
            height: 50.0,
            stroke: Some(1.0),
            fill: Some(0.9),
        }),
    ];
    Document {
        title: "t".into(),
        subject: "s".into(),
        pages: vec![Page { items }, Page::default(), Page::default()],
    }
}

#[test]
fn text_is_escaped_and_keeps_its_measured_width() {
    let svg = page(&sample().pages[0], "Paper <1>").into_string();
    assert!(
        svg.contains("1 &lt;b&gt;Rákosi&lt;/b&gt; &amp; &quot;Gomułka&quot;"),
        "{svg}"
    );
    assert!(!svg.contains("<b>"));
    assert!(svg.contains(r#"textLength="150.25""#));
    assert!(svg.contains(r#"font-weight="bold""#));
    assert!(svg.contains(r#"x="42.5" y="100""#));
    assert!(svg.contains("<title>Paper &lt;1&gt;</title>"));
    assert!(svg.contains(r#"aria-label="Paper &lt;1&gt;""#));
}

#[test]
fn rules_and_boxes_are_drawn_as_the_pdf_draws_them() {
    let svg = page(&sample().pages[0], "p").into_string();
    assert!(svg.contains(r#"stroke-dasharray="1 2""#), "{svg}");
    assert!(svg.contains(r##"stroke="#808080""##), "{svg}");
    assert!(
        svg.contains(r##"fill="#e6e6e6" stroke="#000000" stroke-width="1""##),
        "{svg}"
    );
}

#[test]
fn a_page_is_a4_in_points() {
    let svg = page(&Page::default(), "p").into_string();
    assert!(svg.contains(r#"viewBox="0 0 595.28 841.89""#), "{svg}");
}

#[test]
fn first_pages_counts_and_labels() {
    let pages = first_pages(&sample(), "Question paper", 2);
    assert_eq!(pages.len(), 2);
    assert!(pages[1].0.contains("Question paper, page 2 of 3"));
}

#[test]
fn fonts_named_in_the_css_are_served() {
    let css = font_face_css("/teacher/fonts");
    for name in [
        "DejaVuSans-Latin.ttf",
        "DejaVuSans-Bold-Latin.ttf",
        "DejaVuSans-Oblique-Latin.ttf",
    ] {
        assert!(css.contains(&format!("/teacher/fonts/{name}")));
        assert!(font_file(name).is_some_and(|b| b.len() > 10_000));
    }
    assert!(font_file("../Cargo.toml").is_none());
}
