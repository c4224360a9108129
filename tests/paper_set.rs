//! A paper's files are written as a set: after an error, a full disk or a kill there is the
//! whole old set, the whole new one, or a mix that `examkit mark` refuses and names.

mod common;

use assert_cmd::Command;
use common::root;
use examkit::model::Manifest;
use std::path::{Path, PathBuf};

fn examkit() -> Command {
    let mut cmd = Command::cargo_bin("examkit").unwrap();
    cmd.current_dir(root()).env("EXAMKIT_CACHE", "off");
    cmd
}

fn generate(out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    examkit()
        .arg("generate")
        .args(args)
        .arg("--out")
        .arg(out)
        .assert()
}

fn manifest(path: &Path) -> Manifest {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn sha256(path: &Path) -> String {
    examkit::paperset::sha256_hex(&std::fs::read(path).unwrap())
}

/// `examkit mark --paper MANIFEST` on an empty answer file.
fn mark(manifest: &Path) -> assert_cmd::assert::Assert {
    let answers = manifest.with_file_name("answers.yaml");
    std::fs::write(&answers, "{}\n").unwrap();
    examkit()
        .arg("mark")
        .arg("--paper")
        .arg(manifest)
        .arg("--answers")
        .arg(&answers)
        .assert()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

#[test]
fn every_file_of_a_set_carries_its_id_and_the_manifest_their_hashes() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("p.pdf"), &["--seed", "3"]).success();
    let m = manifest(&dir.path().join("p.manifest.json"));
    assert_eq!(m.set_id.len(), 16, "{}", m.set_id);
    let roles: Vec<&str> = m.files.iter().map(|f| f.role.as_str()).collect();
    assert_eq!(roles, ["paper", "insert", "mark-scheme"]);
    for file in &m.files {
        let path = dir.path().join(&file.name);
        assert_eq!(sha256(&path), file.sha256, "{}", file.name);
        let info = common::poppler("pdfinfo", &[], &std::fs::read(&path).unwrap());
        assert!(
            info.contains(&format!("examkit-set:{}", m.set_id)),
            "{}: {info}",
            file.name
        );
    }
    mark(&dir.path().join("p.manifest.json")).success();
}

#[test]
fn mark_refuses_a_paper_from_another_run_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    generate(&dir.path().join("p.pdf"), &["--seed", "1"]).success();
    generate(&other.path().join("p.pdf"), &["--seed", "2"]).success();
    // What a kill between the renames used to leave: the new paper beside the old manifest.
    std::fs::copy(other.path().join("p.pdf"), dir.path().join("p.pdf")).unwrap();
    let assert = mark(&dir.path().join("p.manifest.json")).failure();
    let err = stderr(&assert);
    assert!(
        err.contains(&format!(
            "{} does not belong with {}",
            dir.path().join("p.pdf").display(),
            dir.path().join("p.manifest.json").display()
        )),
        "{err}"
    );
    assert!(err.contains("the wrong questions"), "{err}");
}

#[test]
fn an_insert_left_by_another_run_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("p.pdf");
    generate(&out, &["--seed", "1"]).success();
    let insert = dir.path().join("p-insert.pdf");
    let kept = std::fs::read(&insert).unwrap();
    generate(&out, &["--seed", "1", "--sources", "inline"]).success();
    assert!(!insert.exists(), "the old insert goes with its set");
    // As a kill before the old insert's removal would leave it.
    std::fs::write(&insert, kept).unwrap();
    let assert = mark(&dir.path().join("p.manifest.json")).failure();
    let err = stderr(&assert);
    assert!(err.contains("p-insert.pdf does not belong with"), "{err}");
    assert!(err.contains("has no insert"), "{err}");
}

/// Runs `script` as root in a private mount namespace (so a tmpfs it mounts vanishes with
/// it), or says why it cannot.
fn in_mount_namespace(script: &str) -> Option<String> {
    let out = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .output()
        .ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if text.contains("CANNOT-MOUNT") {
        return None;
    }
    Some(text)
}

#[test]
fn a_full_disk_names_the_file_and_leaves_the_old_set_whole() {
    // How much room a set takes, measured on an ordinary folder.
    let sizes = tempfile::tempdir().unwrap();
    generate(&sizes.path().join("p.pdf"), &["--seed", "1"]).success();
    let set_bytes: u64 = std::fs::read_dir(sizes.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    // Room for the old set and a half: the new set's staging runs out part way.
    let room = set_bytes * 3 / 2;
    let mnt = tempfile::tempdir().unwrap();
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_examkit"));
    let script = format!(
        "mount -t tmpfs -o size={room} tmpfs {mnt} || {{ echo CANNOT-MOUNT; exit 0; }}
         cd {root}
         EXAMKIT_CACHE=off {exe} generate --seed 1 --out {mnt}/p.pdf >/dev/null || echo OLD-FAILED
         before=$(sha256sum {mnt}/p* | sort)
         EXAMKIT_CACHE=off {exe} generate --seed 2 --out {mnt}/p.pdf; echo \"rc=$?\"
         after=$(sha256sum {mnt}/p* | sort)
         [ \"$before\" = \"$after\" ] && echo OLD-SET-WHOLE
         ls -A {mnt}",
        mnt = mnt.path().display(),
        root = root().display(),
        exe = exe.display(),
    );
    let Some(out) = in_mount_namespace(&script) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to mount a small tmpfs (unshare -rm) for this test"
        );
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    assert!(!out.contains("OLD-FAILED"), "{out}");
    assert!(out.contains("rc=2"), "a full disk is an error: {out}");
    assert!(
        !out.contains("at path"),
        "no temporary file is named: {out}"
    );
    assert!(out.contains("No space left on device"), "{out}");
    assert!(out.contains("the disk is full"), "{out}");
    assert!(
        out.contains(&format!("cannot write {}/p", mnt.path().display())),
        "the message names the file: {out}"
    );
    assert!(
        out.contains("OLD-SET-WHOLE"),
        "the old set is untouched: {out}"
    );
    assert!(
        !out.contains(".examkit-"),
        "no temporary file is left: {out}"
    );
}

/// The sets of a class of variants, checked after every kill: each variant's files either
/// agree with its manifest, or `examkit mark` refuses them naming the file.
#[test]
fn kill_9_during_generate_leaves_whole_sets_or_a_named_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("class.pdf");
    let blueprint = "examples/papers/aqa-cold-war.yaml";
    let args = |seed: u64| -> Vec<String> {
        let args = [
            "generate",
            "--blueprint",
            blueprint,
            "--variants",
            "3",
            "--seed",
        ];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.extend([seed.to_string(), "--out".into(), out.display().to_string()]);
        args
    };
    let run = |seed: u64| {
        examkit().args(args(seed)).ok().unwrap();
    };
    run(1);
    // How long a run takes, so the kills land all through it.
    let started = std::time::Instant::now();
    run(2);
    let span = started.elapsed().as_micros() as u64;
    let exe = env!("CARGO_BIN_EXE_examkit");
    let mut mixed = 0;
    for round in 0..12u64 {
        let mut child = std::process::Command::new(exe)
            .current_dir(root())
            .env("EXAMKIT_CACHE", "off")
            .args(args(round % 4 + 3))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread over the run, weighted towards its end, where the renames are.
        let delay = span * (40 + (round * 37) % 65) / 100;
        std::thread::sleep(std::time::Duration::from_micros(delay));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        for v in 1..=3 {
            let manifest_path = dir.path().join(format!("class-v{v}.manifest.json"));
            let m = manifest(&manifest_path);
            let whole = m
                .files
                .iter()
                .all(|f| sha256(&dir.path().join(&f.name)) == f.sha256)
                && (m.files.iter().any(|f| f.role == "insert")
                    || !dir.path().join(format!("class-v{v}-insert.pdf")).exists());
            if !whole {
                mixed += 1;
                let assert = mark(&manifest_path).failure();
                let err = stderr(&assert);
                assert!(err.contains("does not belong with"), "round {round}: {err}");
            }
        }
    }
    eprintln!("{mixed} mixed sets found and refused in 12 kills");
    // A whole run afterwards leaves no temporary file of the killed ones.
    run(1);
    let temps: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(temps.is_empty(), "stale temporary files: {temps:?}");
}

#[test]
fn out_naming_a_folder_writes_inside_it_with_the_default_names() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    // An existing folder, named without a trailing slash.
    generate(&class, &["--seed", "4"]).success();
    assert!(class.join("aqa-8145-1b-s4-v1.pdf").exists());
    assert!(class.join("aqa-8145-1b-s4-v1.manifest.json").exists());
    assert!(
        !dir.path().join("class.pdf").exists(),
        "never beside the folder"
    );
    // A folder that does not exist yet, named with a trailing slash.
    let fresh = format!("{}/", dir.path().join("fresh").display());
    generate(Path::new(&fresh), &["--seed", "4", "--variants", "2"]).success();
    for v in 1..=2 {
        assert!(
            dir.path()
                .join(format!("fresh/aqa-8145-1b-s4-v{v}-mark-scheme.pdf"))
                .exists()
        );
    }
    assert!(!dir.path().join("fresh.pdf").exists());
}

#[test]
fn a_quick_paper_of_no_marks_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let assert = generate(
        &dir.path().join("zero.pdf"),
        &["--board", "aqa", "--marks", "0"],
    )
    .failure();
    assert!(
        stderr(&assert).contains("at least 1 mark"),
        "{}",
        stderr(&assert)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_manifest_whose_total_disagrees_with_its_questions_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("p.pdf"), &["--seed", "1"]).success();
    let path = dir.path().join("p.manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let total = m["total_marks"].as_u64().unwrap();
    m["total_marks"] = (total + 5).into();
    std::fs::write(&path, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    let assert = mark(&path).failure();
    let err = stderr(&assert);
    assert!(
        err.contains(&format!(
            "total_marks is {}, but its questions add up to {total}",
            total + 5
        )),
        "{err}"
    );
}

#[test]
fn the_bank_version_does_not_depend_on_how_the_bank_path_is_spelt() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("p.pdf"), &["--seed", "1"]).success();
    let manifest = dir.path().join("p.manifest.json");
    std::fs::write(dir.path().join("answers.yaml"), "{}\n").unwrap();
    let absolute = root();
    for bank in [
        [
            format!("{}/question-bank/", absolute.display()),
            format!("{}/mark-schemes/", absolute.display()),
        ],
        ["./question-bank".into(), "mark-schemes//".into()],
    ] {
        let assert = examkit()
            .arg("mark")
            .arg("--paper")
            .arg(&manifest)
            .arg("--answers")
            .arg(dir.path().join("answers.yaml"))
            .arg("--bank")
            .args(&bank)
            .assert()
            .success();
        let err = stderr(&assert);
        assert!(!err.contains("bank version"), "{bank:?}: {err}");
    }
}
