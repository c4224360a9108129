use super::*;

#[test]
fn bars_carry_title_desc_and_escaped_labels() {
    let svg = bars(
        "Points missed <most>",
        "Share of students who missed each point",
        &[
            Bar {
                label: "Named <Stalin> & \"Truman\"".into(),
                share: 0.63,
                figure: "63% (12 of 19)".into(),
            },
            Bar {
                label: "x".repeat(200),
                share: 1.7,
                figure: "100%".into(),
            },
        ],
    )
    .into_string();
    assert!(
        svg.contains("<title>Points missed &lt;most&gt;</title>"),
        "{svg}"
    );
    assert!(svg.contains("<desc>Share of students who missed each point</desc>"));
    assert!(svg.contains("Named &lt;Stalin&gt; &amp; &quot;Truman&quot;"));
    assert!(svg.contains("63% (12 of 19)"));
    // Clamped to the track (560 - 8 - 140 = 412) and the long label cut with an ellipsis.
    assert!(
        svg.contains(r##"width="412" height="16" fill="#b4443c""##),
        "{svg}"
    );
    assert!(svg.contains(&format!("{}…", "x".repeat(71))));
    // 63% of the track.
    assert!(
        svg.contains(r##"width="259.6" height="16" fill="#b4443c""##),
        "{svg}"
    );
}

#[test]
fn no_bars_says_so() {
    let svg = bars("t", "d", &[]).into_string();
    assert!(svg.contains("Nothing to show."));
}

#[test]
fn heat_map_labels_every_cell_and_axis() {
    let counts = vec![vec![5, 1, 0], vec![0, 3, 2], vec![0, 0, 9]];
    let svg = heat_map(&HeatMap {
        title: "Teacher against examkit",
        desc: "Answers by teacher mark and examkit mark",
        rows: "Teacher's mark",
        columns: "examkit's mark",
        counts: &counts,
    })
    .into_string();
    assert!(svg.contains("<title>Teacher against examkit</title>"));
    assert!(svg.contains("<desc>Answers by teacher mark and examkit mark</desc>"));
    assert!(
        svg.contains("Teacher's mark 1, examkit's mark 2: 2"),
        "{svg}"
    );
    // Three diagonal outlines, the darkest cell (9) in white text.
    assert_eq!(svg.matches(r##"stroke="#15803d""##).count(), 3);
    assert!(svg.contains(r##"fill="#ffffff">9</text>"##), "{svg}");
    // Empty cells have no number but a pale fill.
    assert_eq!(svg.matches("#f8fafc").count(), 4);
}

#[test]
fn clip_keeps_short_text_and_cuts_long() {
    assert_eq!(clip("short", 10), "short");
    assert_eq!(clip("a long label here", 8), "a long…");
}
