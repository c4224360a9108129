//! What one answer word may earn, as a teacher meets it through `examkit mark` on the
//! bundled bank's questions (issue 14 item 1, issue 11 items 3, 4 and 7).

use assert_cmd::cargo_bin_cmd;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `examkit mark --format json` on the bundled bank: the parsed result.
fn mark(question: &str, answer: &str) -> serde_json::Value {
    let out = cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(root().join("question-bank"))
        .arg(root().join("mark-schemes"))
        .args([
            "--question",
            question,
            "--answer",
            answer,
            "--format",
            "json",
        ])
        .env_remove("CLICOLOR_FORCE")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON report")
}

fn result(report: &serde_json::Value) -> &serde_json::Value {
    report.get("result").unwrap_or(report)
}

fn point<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    result(report)["points"]
        .as_array()
        .expect("points")
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no point {id} in {report}"))
}

#[test]
fn lied_earns_one_point_not_two() {
    let r = mark(
        "arms-race-source-cartoon",
        "The source is critical because the pilot lied. It is from May 1960.",
    );
    let credited: Vec<&str> = result(&r)["points"]
        .as_array()
        .expect("points")
        .iter()
        .filter(|p| p["status"] == "credited")
        .filter(|p| p["evidence"][0]["text"] == "lied")
        .map(|p| p["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(credited.len(), 1, "\"lied\" credits {credited:?}");
    let cover = point(&r, "cover");
    assert_eq!(cover["status"], "missed", "{cover}");
    let reason = cover["reason"].as_str().unwrap_or("");
    assert!(reason.contains("already your evidence for"), "{reason}");
}
