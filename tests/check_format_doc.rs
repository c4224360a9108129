//! docs/format.md stays true: every ```yaml block in it is a complete file whose first line
//! says where it lives (`# file: question-bank/history/cuba.yaml`); together they form a
//! small bank that must load and check with no problem at all, and that uses every feature
//! the page documents.

use examkit::bank;
use std::path::PathBuf;

fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```yaml") => current = Some(String::new()),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_yaml_example_in_the_format_doc_checks_clean() {
    let doc = std::fs::read_to_string("docs/format.md").expect("docs/format.md");
    let blocks = yaml_blocks(&doc);
    assert!(
        blocks.len() >= 4,
        "expected question, scheme, synonyms and blueprint examples"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    for block in &blocks {
        let first = block.lines().next().unwrap_or_default();
        let path = first
            .strip_prefix("# file: ")
            .unwrap_or_else(|| panic!("a yaml example must start with `# file: <path>`: {first}"));
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folders");
        assert!(!path.exists(), "two examples claim {}", path.display());
        std::fs::write(&path, block).expect("write example");
    }
    let (loaded, mut problems) = bank::load(&[PathBuf::from(dir.path())]);
    problems.extend(bank::check(&loaded));
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        shown.is_empty(),
        "docs/format.md examples have problems:\n{}",
        shown.join("\n")
    );
    assert_eq!(loaded.blueprints.len(), 1);
    assert!(loaded.synonyms_for("history").is_some());
    // Every question and part has its scheme, so the counts tell the examples are complete.
    assert_eq!(loaded.questions.len(), 7);
    assert_eq!(loaded.schemes.len(), 10);
}

#[test]
fn the_examples_use_every_documented_feature() {
    let doc = std::fs::read_to_string("docs/format.md").expect("docs/format.md");
    let yaml = yaml_blocks(&doc).join("\n");
    for feature in [
        "parts:",
        "answer_parts:",
        "sources:",
        "kind: interpretation",
        "provenance:",
        "options:",
        "answer_space:",
        "tags:",
        "spag:",
        "difficulty:",
        "accept:",
        "reject:",
        "develop:",
        "choose:",
        "cap:",
        "penalties:",
        "regex:",
        "all:",
        "any:",
        "window:",
        "gap:",
        "@missiles",
        "(naval)",
        "|",
        "synonyms:",
        "echo_allowed:",
        "guidance:",
        "levels:",
        "side:",
        "describe: true",
        "shares_words: true",
        "requires:",
        "caps:",
        "one-sided",
        "undeveloped",
        "list-only",
        "choice:",
        "groups:",
        "sections:",
        "rubric:",
        "answer: 1",
        "count:",
        "topics:",
        "grade_boundaries:",
    ] {
        assert!(
            yaml.contains(feature),
            "docs/format.md has no example of `{feature}`"
        );
    }
}
