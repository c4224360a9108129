//! What is fuzzed, each from the valid files a user would give it: the bank loader and
//! `check` (a question, scheme or blueprint file damaged beside valid others), the marker
//! (any answer text), the class-file readers (CSV and JSON lines), the manifest reader (and
//! joining a manifest to its bank), and the practice session reader.

use super::driver::Target;
use examkit::bank::{self, Bank, load::load_bytes};
use examkit::batch::{InputFormat, PaperMarker, RowReader};
use examkit::marking::Markers;
use examkit::model::Manifest;
use examkit::practice::session;
use std::path::Path;
use std::rc::Rc;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mark");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURE}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixture bank's files, by name.
fn bank_files() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ["question-bank", "mark-schemes"] {
        for topic in ["de-stalinisation", "berlin-wall", "hungary-1956"] {
            let name = format!("{kind}/history/{topic}.yaml");
            out.push((name.clone(), read(&format!("bank/{name}"))));
        }
    }
    out.push((
        "mark-schemes/history/synonyms.yaml".into(),
        read("bank/mark-schemes/history/synonyms.yaml"),
    ));
    let blueprint = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/papers/aqa-cold-war.yaml"
    ))
    .unwrap_or_default();
    out.push(("examples/papers/aqa-cold-war.yaml".into(), blueprint));
    out
}

/// Load `files`, with `damaged` in place of the file named `name`, and check the bank;
/// every problem must have a location.
fn load_and_check(files: &[(String, Vec<u8>)], name: &str, damaged: &[u8]) {
    let mut bank = Bank::default();
    let mut problems = Vec::new();
    for (file, bytes) in files {
        let bytes = if file == name { damaged } else { bytes };
        load_bytes(Path::new(file), bytes, true, &mut bank, &mut problems);
    }
    problems.extend(bank::check(&bank));
    for d in &problems {
        assert!(d.line >= 1 && d.column >= 1, "unlocated: {d}");
    }
}

/// The fixture bank, loaded and checked, with its compiled schemes.
fn clean_bank() -> (Bank, Markers) {
    let dir = format!("{FIXTURE}/bank");
    let bank = bank::load_checked(&[dir.into()]).expect("fixture bank is clean");
    let markers = Markers::from_bank(&bank).expect("fixture schemes compile");
    (bank, markers)
}

pub fn all() -> Vec<Target> {
    let files = Rc::new(bank_files());
    let mut out = Vec::new();
    for (name, kind) in [
        ("question-bank/history/de-stalinisation.yaml", "questions"),
        ("mark-schemes/history/de-stalinisation.yaml", "schemes"),
        ("examples/papers/aqa-cold-war.yaml", "blueprint"),
    ] {
        let seeds: Vec<Vec<u8>> = files
            .iter()
            .filter(|(f, _)| f.ends_with(".yaml"))
            .map(|(_, b)| b.clone())
            .collect();
        let files = files.clone();
        out.push(Target {
            name: kind,
            seeds,
            run: Box::new(move |input| load_and_check(&files, name, input)),
        });
    }

    let (bank, markers) = clean_bank();
    let bank = Rc::new(bank);
    let markers = Rc::new(markers);

    let answers = read("answers.yaml");
    let marker_seeds = vec![
        answers.clone(),
        read("class-long.csv"),
        b"Khrushchev gave the Secret Speech in 1956, which meant Hungarians did not \
          accept Soviet control; as a result Nagy left the Warsaw Pact."
            .to_vec(),
    ];
    {
        let markers = markers.clone();
        out.push(Target {
            name: "marker",
            seeds: marker_seeds,
            run: Box::new(move |input| {
                let answer = String::from_utf8_lossy(input);
                for (_, marker) in markers.iter() {
                    let r = marker.mark(&answer);
                    assert!(r.awarded <= r.max, "{} of {}", r.awarded, r.max);
                }
            }),
        });
    }

    for (name, format, seeds) in [
        (
            "csv",
            InputFormat::Csv,
            vec![read("class-long.csv"), read("class-wide.csv")],
        ),
        ("jsonl", InputFormat::Jsonl, vec![read("class.jsonl")]),
    ] {
        out.push(Target {
            name,
            seeds,
            run: Box::new(move |input| {
                let boxed: Box<dyn std::io::Read + Send> =
                    Box::new(std::io::Cursor::new(input.to_vec()));
                let Ok(mut reader) = RowReader::from_reader(Path::new("class"), boxed, format)
                else {
                    return;
                };
                while let Some(row) = reader.next_row() {
                    if row.is_err() {
                        break;
                    }
                }
            }),
        });
    }

    {
        let bank = bank.clone();
        let markers = markers.clone();
        out.push(Target {
            name: "manifest",
            seeds: vec![read("aqa.manifest.json"), read("cie.manifest.json")],
            run: Box::new(move |input| {
                let Ok(manifest) = serde_json::from_slice::<Manifest>(input) else {
                    return;
                };
                if manifest.check().is_err() {
                    return;
                }
                if let Ok(paper) = PaperMarker::new(manifest, &bank, &markers) {
                    for n in paper.numbers() {
                        let _ = paper.resolve(n);
                    }
                }
            }),
        });
    }

    out.push(Target {
        name: "session",
        seeds: vec![session_seed()],
        run: Box::new(|input| {
            let _ = session::parse(Path::new("session.jsonl"), input);
        }),
    });
    out
}

/// A session file as `examkit practice` writes it: a start, typed lines, an answer.
fn session_seed() -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.jsonl");
    let mut w = session::SessionWriter::create(&path).expect("session file");
    let start = session::Start {
        version: session::VERSION,
        seed: 3,
        board: None,
        topic: None,
        bank_version: "v1".into(),
        items: vec![examkit::practice::ItemRef {
            question: "destal-features".into(),
            part: None,
        }],
    };
    w.write(&session::Record::Start(start)).expect("write");
    for text in [
        "Stalin's statues came down",
        "and prisoners left the Gulag.",
    ] {
        w.write(&session::Record::Line {
            item: 0,
            text: text.into(),
        })
        .expect("write");
    }
    drop(w);
    std::fs::read(&path).expect("read back")
}
