//! Property tests: whatever the answer, marking never panics, stays within 0..=max, quotes
//! only real spans of the answer, and gives the same result every time.

use examkit::marking::{MarkResult, Marker};
use examkit::model::{Scheme, SynonymFile};
use proptest::prelude::*;
use std::sync::LazyLock;

static MARKER: LazyLock<Marker> = LazyLock::new(|| {
    let scheme: Scheme =
        serde_yaml::from_str(include_str!("fixtures/marking-scheme.yaml")).expect("fixture");
    let synonyms: SynonymFile =
        serde_yaml::from_str(include_str!("../mark-schemes/history/synonyms.yaml"))
            .expect("synonyms");
    Marker::new(
        &scheme,
        "Describe the main features of De-Stalinisation.",
        Some(&synonyms),
    )
    .expect("fixture compiles")
});

fn check(answer: &str, r: &MarkResult) {
    assert!(r.awarded <= r.max);
    let spans = r
        .points
        .iter()
        .flat_map(|p| &p.evidence)
        .chain(r.penalties.iter().flat_map(|p| &p.evidence));
    for e in spans {
        assert!(e.start <= e.end && e.end <= answer.len());
        assert!(answer.is_char_boundary(e.start) && answer.is_char_boundary(e.end));
        assert_eq!(&answer[e.start..e.end], e.text);
    }
    let points: u32 = r.points.iter().map(|p| p.awarded).sum();
    assert!(points <= 5, "cap of 5 exceeded: {points}");
}

/// Words the scheme knows, mixed with noise, so generated answers sometimes score.
fn wordy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Khrushchev",
        "Kruschev",
        "secret",
        "speech",
        "1956",
        "1953",
        "not",
        "never",
        "didn't",
        "released",
        "prisoners",
        "gulags",
        "withdrew",
        "troops",
        "Austria",
        "Tito",
        "because",
        "which",
        "meant",
        "Stalin",
        "Molotov",
        "sacked",
        ",",
        ".",
        "\n- ",
        "Rákosi",
        "“",
        "’",
        "U.S.A.",
        "the",
        "of",
        "and",
        "but",
        "belgrade",
        "ðŸ",
        "\u{301}",
        "e\u{301}",
        "—",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_marks_within_bounds(answer in any::<String>()) {
        let r = MARKER.mark(&answer);
        check(&answer, &r);
    }

    #[test]
    fn scheme_words_mark_within_bounds_and_deterministically(answer in wordy()) {
        let a = MARKER.mark(&answer);
        check(&answer, &a);
        let b = MARKER.mark(&answer);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn odd_unicode_never_panics(chars in prop::collection::vec(any::<char>(), 0..400)) {
        let answer: String = chars.into_iter().collect();
        check(&answer, &MARKER.mark(&answer));
    }
}

#[test]
fn ten_megabytes_of_text_mark_without_hanging() {
    let unit = "Khrushchev released prisoners, but not troops from Austria because 1956 mattered ";
    let mut answer = String::with_capacity(10 << 20);
    while answer.len() < 10 << 20 {
        answer.push_str(unit);
    }
    let r = MARKER.mark(&answer);
    check(&answer, &r);
    assert!(r.awarded >= 1);
    // One endless word, and a flood of the same word.
    let word = "a".repeat(10 << 20);
    check(&word, &MARKER.mark(&word));
    let same = "troops ".repeat(1 << 20);
    check(&same, &MARKER.mark(&same));
}

#[test]
fn binary_junk_marks_zero() {
    let junk: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&junk);
    let r = MARKER.mark(&text);
    check(&text, &r);
}

#[test]
fn the_fixture_model_answer_earns_its_cap() {
    let scheme: Scheme =
        serde_yaml::from_str(include_str!("fixtures/marking-scheme.yaml")).expect("fixture");
    let r = MARKER.mark(&scheme.model_answer);
    assert_eq!(r.awarded, 5, "{r:#?}");
}
