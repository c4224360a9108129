//! Session files as crashes and second windows leave them.

use super::*;

fn start() -> Start {
    Start {
        version: VERSION,
        seed: 3,
        board: None,
        topic: None,
        bank_version: "v".into(),
        items: vec![ItemRef {
            question: "q".into(),
            part: None,
        }],
    }
}

/// A session file holding a start record and one typed line, closed.
fn session(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("s.jsonl");
    let mut w = SessionWriter::create(&path).unwrap();
    w.write(&Record::Start(start())).unwrap();
    w.write(&Record::Line {
        item: 0,
        text: "first line".into(),
    })
    .unwrap();
    path
}

fn append_bytes(path: &Path, bytes: &[u8]) {
    OpenOptions::new()
        .append(true)
        .open(path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
}

/// Resume `path`, type one more line, and check that it reads back whole.
fn carries_on(path: &Path) {
    let (_, mut w) = resume(path).unwrap();
    w.write(&Record::Line {
        item: 0,
        text: "second".into(),
    })
    .unwrap();
    drop(w);
    let saved = read(path).unwrap();
    assert_eq!(saved.pending_for(0), vec!["first line", "second"]);
    assert_eq!(saved.dropped, None, "the torn tail was cut off");
    assert_eq!(saved.kept_bytes, std::fs::metadata(path).unwrap().len());
}

#[test]
fn a_session_survives_a_torn_last_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(&dir);
    append_bytes(&path, b"{\"type\":\"li");
    let saved = read(&path).unwrap();
    assert!(saved.torn);
    assert_eq!(saved.start, start());
    assert_eq!(saved.pending_for(0), vec!["first line".to_string()]);
    assert!(SessionWriter::create(&path).is_err(), "never overwrites");
    carries_on(&path);
}

#[test]
fn a_line_cut_inside_a_character_is_dropped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(&dir);
    let whole = std::fs::read(&path).unwrap().len() as u64;
    let line = "{\"type\":\"line\",\"item\":0,\"text\":\"Khrushchev\u{2019}s speech";
    let cut = &line.as_bytes()[..line.len() - "s speech".len() - 1];
    append_bytes(&path, cut);
    let saved = read(&path).unwrap();
    assert_eq!(saved.pending_for(0), vec!["first line"]);
    assert_eq!(saved.kept_bytes, whole);
    let dropped = saved.dropped.unwrap();
    assert_eq!((dropped.line, dropped.bytes), (4, cut.len()));
    assert!(dropped.text.ends_with("\"Khrushchev"), "{dropped}");
    carries_on(&path);
}

#[test]
fn nul_padding_after_a_power_cut_is_dropped() {
    for tail in [
        &b"\0\0\0\0\0\0\0\0"[..],
        b"{\"type\":\"line\",\"ite\0\0\0\0\0\0",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = session(&dir);
        let mut padded = tail.to_vec();
        padded.extend(std::iter::repeat_n(0, 4096));
        append_bytes(&path, &padded);
        let saved = read(&path).unwrap();
        assert_eq!(saved.pending_for(0), vec!["first line"]);
        let dropped = saved.dropped.expect("the padding is reported");
        assert_eq!(dropped.bytes, padded.len());
        carries_on(&path);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = session(&dir);
    append_bytes(&path, &[0; 512]);
    let dropped = read(&path).unwrap().dropped.unwrap();
    assert_eq!(dropped.to_string(), "line 4, 512 bytes of NUL padding");
}

#[test]
fn damage_before_the_last_line_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(&dir);
    append_bytes(
        &path,
        b"{\"type\": 7}\n{\"type\":\"line\",\"item\":0,\"text\":\"x\"}\n",
    );
    let err = read(&path).unwrap_err();
    assert!(matches!(err, SessionError::Bad { line: 4, .. }), "{err}");
}

#[test]
fn a_second_writer_is_refused_and_told_who_holds_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(&dir);
    let (_, first) = resume(&path).unwrap();
    let err = resume(&path).unwrap_err();
    let SessionError::Locked { holder, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(holder.as_ref().map(|h| h.pid), Some(std::process::id()));
    assert!(
        err.to_string().contains(&format!(
            "open in another examkit practice (process {}",
            std::process::id()
        )),
        "{err}"
    );
    drop(first);
    carries_on(&path);
}

#[test]
fn unknown_records_from_a_newer_examkit_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = session(&dir);
    append_bytes(&path, b"{\"type\":\"hint-shown\",\"item\":0}\n");
    assert_eq!(read(&path).unwrap().pending_for(0), vec!["first line"]);
}

#[test]
fn times_print_as_utc_dates() {
    assert_eq!(utc_time(0), "1970-01-01 00:00 UTC");
    assert_eq!(utc_time(1_796_300_000), "2026-12-03 12:13 UTC");
    assert_eq!(utc_time(951_825_600), "2000-02-29 12:00 UTC");
}
