//! The shipped bank, schemes and blueprints check clean, as the "done when" asks:
//! `examkit check question-bank mark-schemes examples` exits 0 with no problem at all.

use assert_cmd::Command;

#[test]
fn shipped_bank_checks_clean() {
    let out = Command::cargo_bin("examkit")
        .expect("binary builds")
        .args(["check", "question-bank", "mark-schemes", "examples"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let summary = stdout.lines().last().unwrap_or_default();
    assert!(summary.ends_with(": no problems"), "{stdout}");
    assert!(summary.contains("3 blueprints"), "{summary}");
}

/// The loader's recovery path parses each item of a broken file on its own, from the file's
/// text with everything else blanked. On every shipped file (block scalars, comments, flow
/// maps) each item so isolated must parse alone and equal what the whole-file parse gave.
#[test]
fn every_shipped_item_parses_on_its_own_as_recovery_would_read_it() {
    use examkit::bank::SpanIndex;
    use examkit::model::{Question, QuestionFile, Scheme, SchemeFile};
    let mut checked = 0;
    for dir in ["question-bank/history", "mark-schemes/history"] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("text");
            let index = SpanIndex::build(&text);
            if let Ok(whole) = serde_yaml::from_str::<QuestionFile>(&text) {
                for (i, question) in whole.questions.iter().enumerate() {
                    let alone = index
                        .isolate(&text, &format!("questions[{i}]"))
                        .expect("item");
                    let parsed: Question = serde_yaml::from_str(&alone)
                        .unwrap_or_else(|e| panic!("{} questions[{i}]: {e}", file.display()));
                    assert_eq!(&parsed, question);
                    checked += 1;
                }
            } else if let Ok(whole) = serde_yaml::from_str::<SchemeFile>(&text) {
                for (i, scheme) in whole.schemes.iter().enumerate() {
                    let alone = index
                        .isolate(&text, &format!("schemes[{i}]"))
                        .expect("item");
                    let parsed: Scheme = serde_yaml::from_str(&alone)
                        .unwrap_or_else(|e| panic!("{} schemes[{i}]: {e}", file.display()));
                    assert_eq!(&parsed, scheme);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} items checked");
}
