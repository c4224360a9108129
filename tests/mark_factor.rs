//! `examkit mark` on a question that names a factor to weigh ("'The main reason … was X.'
//! How far do you agree?"): discussing X is the task, so X's words are not an echo of the
//! question; restating the statement still earns nothing.

use assert_cmd::cargo_bin_cmd;
use std::path::PathBuf;

fn mark(answer: &str) -> String {
    let bank = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark-factor");
    let out = cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(bank)
        .args(["--question", "fx-flood-judgement", "--answer", answer])
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_developed_answer_on_the_stated_factor_is_credited() {
    let text = mark(
        "I agree. The heavy rainfall in the hills was falling for days, so the river rose \
         faster than the banks could hold, which meant the water spilled into the streets.",
    );
    assert!(text.starts_with("fx-flood-judgement 3 / 8 marks"), "{text}");
    assert!(
        text.contains("credited    Agree: the heavy rainfall in the hills, developed"),
        "{text}"
    );
    assert!(!text.contains("only repeats the question"), "{text}");
}

#[test]
fn restating_the_statement_still_earns_nothing() {
    let text =
        mark("The main reason the town flooded in 2007 was the heavy rainfall in the hills.");
    assert!(text.starts_with("fx-flood-judgement 0 / 8 marks"), "{text}");
    assert!(
        text.contains("Not made: “heavy rainfall” only repeats the question."),
        "{text}"
    );
}
