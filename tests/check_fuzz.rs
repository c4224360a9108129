//! The loader and checker must never panic, whatever bytes a file holds: arbitrary bytes,
//! arbitrary text, and valid files with random damage (the likeliest real input).

use examkit::bank::{self, Bank, load::load_bytes};
use proptest::prelude::*;
use std::path::Path;

const QUESTIONS: &str = "\
subject: history
topic: cuba
title: Cuba
questions:
  - id: cuba-a
    boards: [aqa, cie]
    type: structured
    marks: 5
    command: Describe
    text: Cuba.
    parts:
      - {label: a, type: recall, marks: 2, command: Give, text: Give two.}
      - {label: b, type: explain, marks: 2, command: Explain, text: Explain.}
      - label: c
        type: multiple-choice
        marks: 1
        command: Choose
        text: Choose.
        options: [{label: A, text: x}, {label: B, text: y}]
";

const SCHEMES: &str = "\
subject: history
topic: cuba
schemes:
  - question: cuba-a
    part: a
    max: 2
    model_answer: x
    rules:
      points:
        choose: 1
        points:
          - id: p
            label: l
            accept: ['@ussr (withdrew) missiles', {all: [troops, {regex: 'oct(ober)?'}]}]
            develop: {marks: 1}
  - question: cuba-a
    part: b
    max: 2
    model_answer: x
    rules:
      levels:
        points: [{id: p, label: l, accept: [x], side: for}]
        levels:
          - {level: 1, marks: [1, 1], descriptor: d, requires: {points: 1}}
          - {level: 2, marks: [2, 2], descriptor: d, requires: {sides: 1}}
        caps: [{when: one-sided, max_level: 1}]
  - question: cuba-a
    part: c
    max: 1
    model_answer: B
    rules:
      choice: {correct: B}
";

const BLUEPRINT: &str = "\
board: aqa
subject: history
qualification: q
title: t
code: c
time_minutes: 60
sections:
  - title: A
    answer: 1
    slots: [{type: structured, marks: 5, count: 2}]
grade_boundaries: [{grade: '9', min: 3}]
";

fn load_all(files: &[(&str, &[u8])]) {
    let mut bank = Bank::default();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        load_bytes(Path::new(name), bytes, true, &mut bank, &mut problems);
    }
    let checked = bank::check(&bank);
    for d in problems.iter().chain(&checked) {
        assert!(d.line >= 1 && d.column >= 1, "unlocated: {d}");
    }
}

/// A valid file with `junk` put in place of `len` characters at `at`.
fn damage(text: &str, at: usize, len: usize, junk: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let end = (at + len).min(chars.len());
    chars[..at]
        .iter()
        .chain(junk.chars().collect::<Vec<_>>().iter())
        .chain(chars[end..].iter())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        load_all(&[("question-bank/history/x.yaml", &bytes), ("mark-schemes/history/x.yaml", &bytes)]);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        load_all(&[("question-bank/history/x.yaml", text.as_bytes()), ("examples/papers/x.yaml", text.as_bytes())]);
    }

    #[test]
    fn damaged_files_never_panic(
        at in 0usize..2000,
        len in 0usize..40,
        junk in "[ \\-:\\[\\]{}@|()'\"#&*!?,a-z0-9\\n]{0,12}",
        which in 0usize..3,
    ) {
        let mut texts = [QUESTIONS.to_string(), SCHEMES.to_string(), BLUEPRINT.to_string()];
        texts[which] = damage(&texts[which], at, len, &junk);
        load_all(&[
            ("question-bank/history/cuba.yaml", texts[0].as_bytes()),
            ("mark-schemes/history/cuba.yaml", texts[1].as_bytes()),
            ("examples/papers/aqa.yaml", texts[2].as_bytes()),
        ]);
    }
}

#[test]
fn the_undamaged_fixture_is_clean() {
    let mut bank = Bank::default();
    let mut problems = Vec::new();
    for (name, text) in [
        ("question-bank/history/cuba.yaml", QUESTIONS),
        ("mark-schemes/history/cuba.yaml", SCHEMES),
        ("examples/papers/aqa.yaml", BLUEPRINT),
    ] {
        load_bytes(
            Path::new(name),
            text.as_bytes(),
            true,
            &mut bank,
            &mut problems,
        );
    }
    problems.extend(bank::check(&bank));
    let errors: Vec<String> = problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    // The blueprint needs two 5-mark structured questions and the bank has one; nothing else.
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].contains("cannot fill slot 1 of \"A\""),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].contains("unknown synonym group `@ussr`"),
        "{}",
        errors[1]
    );
}
