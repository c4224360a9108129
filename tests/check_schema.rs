//! `examkit schema`: the committed schemas in docs/schema/ are exactly what the binary
//! prints (so they are never stale), and `--out` writes them all.

use assert_cmd::Command;
use examkit::bank::schema::Format;

fn examkit() -> Command {
    Command::cargo_bin("examkit").expect("binary builds")
}

#[test]
fn committed_schemas_are_current() {
    for format in Format::ALL {
        let path = format!("docs/schema/{}", format.file_name());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let printed = examkit()
            .args(["schema", format.name()])
            .output()
            .expect("runs");
        assert!(printed.status.success());
        assert_eq!(
            String::from_utf8_lossy(&printed.stdout),
            committed,
            "{path} is stale: run `examkit schema --out docs/schema` and commit it"
        );
    }
}

#[test]
fn schemas_describe_the_formats() {
    let questions: serde_json::Value =
        serde_json::from_str(&Format::QuestionBank.json_schema()).expect("JSON");
    assert_eq!(questions["additionalProperties"], false);
    let required = questions["required"].as_array().expect("required keys");
    for key in ["subject", "topic", "title", "questions"] {
        assert!(required.iter().any(|k| k == key), "{key} not required");
    }
    let types = &questions["$defs"]["QuestionType"];
    assert!(types.to_string().contains("multiple-choice"), "{types}");
    let schemes: serde_json::Value =
        serde_json::from_str(&Format::MarkScheme.json_schema()).expect("JSON");
    let rules = schemes["$defs"]["Rules"]["oneOf"]
        .as_array()
        .expect("one of");
    let styles: Vec<&str> = rules
        .iter()
        .map(|r| r["required"][0].as_str().unwrap_or_default())
        .collect();
    assert_eq!(styles, ["points", "levels", "choice"]);
}

#[test]
fn out_writes_every_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = examkit()
        .args(["schema", "--out"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success());
    for format in Format::ALL {
        let written =
            std::fs::read_to_string(dir.path().join(format.file_name())).expect("written");
        assert_eq!(written, format.json_schema());
    }
}

#[test]
fn no_kind_and_no_out_is_a_usage_error() {
    let out = examkit().arg("schema").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("question-bank, mark-scheme"));
    let out = examkit()
        .args(["schema", "recipes"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
