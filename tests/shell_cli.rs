//! `examkit completions` and `examkit man`, as a user installing examkit meets them.

use assert_cmd::cargo_bin_cmd;

#[test]
fn completions_know_every_subcommand_and_its_flags() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef examkit"),
        ("fish", "complete -c examkit"),
    ] {
        let out = cargo_bin_cmd!("examkit")
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script:.200}");
        for word in [
            "generate",
            "serve",
            "--blueprint",
            "--variants",
            "--teacher-token",
        ] {
            // fish names long flags without their dashes (`-l blueprint`).
            let word = if shell == "fish" {
                word.trim_start_matches('-')
            } else {
                word
            };
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    cargo_bin_cmd!("examkit")
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("possible values"));
}

#[test]
fn man_writes_a_page_for_examkit_and_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = cargo_bin_cmd!("examkit")
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed = String::from_utf8(out.stdout).unwrap();
    for name in [
        "examkit",
        "examkit-generate",
        "examkit-mark",
        "examkit-serve",
    ] {
        let path = dir.path().join(format!("{name}.1"));
        assert!(listed.contains(&path.display().to_string()), "{listed}");
        let page = std::fs::read_to_string(&path).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH"),
            "{name}: {page:.200}"
        );
    }
    let serve = std::fs::read_to_string(dir.path().join("examkit-serve.1")).unwrap();
    assert!(serve.contains("port"), "{serve}");
    assert!(!dir.path().join("examkit-help.1").exists());
    let top = cargo_bin_cmd!("examkit").arg("man").output().unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    assert!(
        top.contains(".TH examkit") && top.contains("generate"),
        "{top:.300}"
    );
}
