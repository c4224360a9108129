//! `examkit mark --paper M --batch F`: a class's answers to a mark sheet and a summary.

use assert_cmd::cargo_bin_cmd;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mark")
}

fn batch(input: &Path) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("examkit");
    cmd.arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .arg("--paper")
        .arg(fixtures().join("aqa.manifest.json"))
        .arg("--batch")
        .arg(input);
    cmd
}

/// The mark sheet's rows, without the byte-order mark.
fn sheet(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("sheet starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn check_sheet(rows: &[Vec<String>]) {
    assert_eq!(
        rows[0],
        [
            "student",
            "01",
            "02",
            "03",
            "total",
            "max",
            "percentage",
            "grade"
        ]
    );
    assert_eq!(rows.len(), 3, "two students: {rows:?}");
    assert_eq!(rows[1][0], "Amira");
    assert_eq!(rows[2][0], "Ben");
    assert_eq!(rows[2][2], "", "Ben left 02 blank");
    for row in &rows[1..] {
        let sum: u32 = row[1..4].iter().filter_map(|c| c.parse::<u32>().ok()).sum();
        assert_eq!(row[4], sum.to_string(), "total is the sum: {row:?}");
        assert_eq!(row[5], "7");
        let pct: f64 = row[6].parse().unwrap();
        assert!((pct - f64::from(sum) * 100.0 / 7.0).abs() < 0.06);
    }
}

#[test]
fn long_wide_and_jsonl_inputs_give_the_same_mark_sheet() {
    let mut sheets = Vec::new();
    for name in ["class-long.csv", "class-wide.csv", "class.jsonl"] {
        let out = batch(&fixtures().join(name))
            .assert()
            .success()
            .stderr(predicate::str::contains("Class: 2 students"))
            .get_output()
            .stdout
            .clone();
        let rows = sheet(&out);
        check_sheet(&rows);
        sheets.push(rows);
    }
    // JSONL has Ben's 01 only; compare the shared cells.
    assert_eq!(sheets[0], sheets[1]);
    assert_eq!(sheets[0][1], sheets[2][1]);
    // 01 and 03 are point and multiple-choice marks; 02 (levels) is whatever the marker
    // gives the same answer on its own.
    let q02 = single_mark("fx-destal-effects-explain", "Hungarians demanded freedom.");
    assert!(q02 > 0, "a relevant point earns something");
    let amira = 2 + q02;
    assert_eq!(
        sheets[0][1],
        [
            "Amira".to_string(),
            "2".into(),
            q02.to_string(),
            "0".into(),
            amira.to_string(),
            "7".into(),
            format!("{:.1}", f64::from(amira) * 100.0 / 7.0),
            if amira >= 4 { "5" } else { "1" }.into(),
        ]
    );
    assert_eq!(sheets[0][2], ["Ben", "0", "", "1", "1", "7", "14.3", "1"]);
    assert_eq!(sheets[2][2], ["Ben", "0", "", "", "0", "7", "0.0", ""]);
}

/// The mark `examkit mark --question` gives one answer.
fn single_mark(question: &str, answer: &str) -> u32 {
    let out = cargo_bin_cmd!("examkit")
        .arg("mark")
        .arg("--bank")
        .arg(fixtures().join("bank"))
        .args([
            "--question",
            question,
            "--answer",
            answer,
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    json["result"]["awarded"].as_u64().unwrap() as u32
}

#[test]
fn out_and_summary_files_are_written_and_the_summary_printed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marks.csv");
    let summary_json = dir.path().join("summary.json");
    batch(&fixtures().join("class-long.csv"))
        .arg("--out")
        .arg(&out)
        .arg("--summary")
        .arg(&summary_json)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Class: 2 students, 5 answers")
                .and(predicate::str::contains(
                    "Questions (mean of those who answered):",
                ))
                .and(predicate::str::contains("01 ")),
        );
    check_sheet(&sheet(&std::fs::read(&out).unwrap()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a mark sheet is readable like any new file");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&summary_json).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["kind"], "class-summary");
    assert_eq!(json["students"], 2);
    assert_eq!(json["answers"], 5);
    assert_eq!(json["questions"][1]["answered"], 1);
    assert_eq!(
        json["grades"].as_array().unwrap().last().unwrap()["grade"],
        "U"
    );
    let summary_csv = dir.path().join("summary.csv");
    batch(&fixtures().join("class-wide.csv"))
        .arg("--out")
        .arg(&out)
        .arg("--summary")
        .arg(&summary_csv)
        .args(["--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"kind\": \"class-summary\""));
    let csv_text = std::fs::read_to_string(&summary_csv).unwrap();
    assert!(csv_text.starts_with("number,key,point,label,missed,answered,rate\n"));
}

#[test]
fn a_bad_row_is_reported_by_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    let out = dir.path().join("marks.csv");
    std::fs::write(
        &input,
        "student,question,answer\nAmira,01,fine\nBen,01,too,many,fields\n",
    )
    .unwrap();
    batch(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:3: this row has 5 fields but the header has 3",
        ));
    assert!(!out.exists(), "no half-written mark sheet");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

#[test]
fn unknown_questions_duplicates_and_blank_students_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    std::fs::write(&input, "student,01,09\nAmira,a,b\n").unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:1: `09` is not a question on paper fx-aqa-s1-v1: expected one of 01, 02, 03",
        ));
    std::fs::write(
        &input,
        "student,question,answer\nAmira,01,a\nBen,01,b\nAmira,1,c\n",
    )
    .unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:4: a second answer from `Amira` to question 1",
        ));
    std::fs::write(&input, "student,question,answer\n,01,a\n").unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "class.csv:2: the student is blank",
        ));
    std::fs::write(&input, "name_of_pupil,01\nx,y\n").unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("class.csv:1: no `student` column"));
    let jsonl = dir.path().join("class.jsonl");
    std::fs::write(&jsonl, "{\"student\":\"A\",\"01\":\"x\"}\nnot json\n").unwrap();
    batch(&jsonl)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("class.jsonl:2: not a JSON object"));
}

#[test]
fn the_input_format_comes_from_the_extension_or_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.txt");
    std::fs::copy(fixtures().join("class-long.csv"), &input).unwrap();
    batch(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--input-format csv|jsonl"));
    let out = batch(&input)
        .args(["--input-format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    check_sheet(&sheet(&out));
}

#[test]
fn student_names_cannot_become_spreadsheet_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("class.csv");
    std::fs::write(&input, "student,01\n=HYPERLINK(\"x\"),B\nZoë,B\n").unwrap();
    let out = batch(&input).assert().success().get_output().stdout.clone();
    let rows = sheet(&out);
    assert_eq!(rows[1][0], "'=HYPERLINK(\"x\")");
    assert_eq!(rows[2][0], "Zoë");
}
