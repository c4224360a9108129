use super::*;
use std::ffi::OsString;
use std::path::Path;

fn shipped() -> Vec<PathBuf> {
    vec![
        PathBuf::from("question-bank"),
        PathBuf::from("mark-schemes"),
    ]
}

/// The one entry in the cache's folder (beside it, perhaps, its stamps).
fn only_entry(cache: &Cache) -> PathBuf {
    let entries: Vec<PathBuf> = std::fs::read_dir(cache.dir())
        .expect("the cache folder was made")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "stamps"))
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries.into_iter().next().unwrap()
}

/// What the cache holds for the bank under `paths`.
fn lookup(cache: &Cache, paths: &[PathBuf]) -> Option<Entry> {
    cache.slot(&BankFiles::read(paths))?.read()
}

/// A copy of the shipped bank, to change.
fn bank_copy() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["question-bank/history", "mark-schemes/history"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(
                &path,
                dir.path().join(folder).join(path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    let paths = vec![
        dir.path().join("question-bank"),
        dir.path().join("mark-schemes"),
    ];
    (dir, paths)
}

#[test]
fn a_cached_bank_equals_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path().join("cache"));
    let fresh = check::load_checked(&shipped()).expect("the shipped bank is clean");

    let stored = load_checked(&shipped(), Some(&cache)).expect("clean");
    assert_eq!(stored, fresh);
    assert!(matches!(lookup(&cache, &shipped()), Some(Entry::Clean(_))));
    let cached = load_checked(&shipped(), Some(&cache)).expect("clean");
    assert_eq!(cached, fresh);
    assert!(cached.schemes.len() > 100, "{}", cached.schemes.len());
    // The spans were rebuilt from the files read, and still locate.
    let file = &cached.schemes[5].file;
    let at = cached.locations.locate(file, &cached.scheme_path(5));
    assert_eq!(at, fresh.locations.locate(file, &fresh.scheme_path(5)));
    assert!(at.line > 1, "{at:?}");
}

/// `generate`'s load from the cache gives the bank a load without it gives: every
/// question, and the schemes of the questions chosen.
#[test]
fn a_cached_partial_bank_equals_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path());
    let fresh = partial::load_partial(&shipped()).expect("clean");
    let ids: Vec<String> = fresh.bank().questions[10..20]
        .iter()
        .map(|q| q.question.id.clone())
        .collect();
    let fresh = fresh
        .with_schemes_of(ids.iter().map(String::as_str))
        .expect("clean");

    // The first load stores the bank (and loads it whole); the second reads it back.
    let whole = load_partial(&shipped(), Some(&cache))
        .expect("clean")
        .with_schemes_of(ids.iter().map(String::as_str))
        .expect("clean");
    let all = check::load_checked(&shipped()).expect("clean");
    assert_eq!(whole.schemes, all.schemes);
    let cached = load_partial(&shipped(), Some(&cache)).expect("clean");
    assert!(
        cached.bank().schemes.is_empty(),
        "schemes are read when chosen"
    );
    let cached = cached
        .with_schemes_of(ids.iter().map(String::as_str))
        .expect("clean");
    assert_eq!(cached.questions, fresh.questions);
    assert_eq!(cached.schemes, fresh.schemes);
    assert_eq!(cached.locations.scheme_items, fresh.locations.scheme_items);
    assert_eq!(
        cached.locations.schemes_loaded_for,
        fresh.locations.schemes_loaded_for
    );
    assert_eq!(cached.synonyms, fresh.synonyms);
    assert_eq!(cached.version, fresh.version);
}

#[test]
fn a_damaged_entry_falls_back_to_a_fresh_load() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path());
    let fresh = check::load_checked(&shipped()).expect("clean");
    load_checked(&shipped(), Some(&cache)).expect("clean");
    let entry = only_entry(&cache);
    let good = std::fs::read(&entry).unwrap();

    // A byte changed in the header, the body, a scheme; the entry cut short; not an entry.
    let body = good.len() / 20;
    let scheme = good.len() - 100;
    let damaged: Vec<Vec<u8>> = [10, 30, body, scheme]
        .into_iter()
        .map(|at| {
            let mut bytes = good.clone();
            bytes[at] ^= 0x20;
            bytes
        })
        .chain([good[..good.len() / 2].to_vec(), b"not an entry".to_vec()])
        .collect();
    for bytes in damaged {
        std::fs::write(&entry, &bytes).unwrap();
        assert_eq!(load_checked(&shipped(), Some(&cache)), Ok(fresh.clone()));
        // The load stored a good entry again.
        assert_eq!(std::fs::read(&entry).unwrap(), good);

        std::fs::write(&entry, &bytes).unwrap();
        let partial = load_partial(&shipped(), Some(&cache)).expect("clean");
        let bank = partial
            .with_schemes_of(fresh.questions.iter().map(|q| q.question.id.as_str()))
            .expect("clean");
        assert_eq!(bank.schemes, fresh.schemes);
    }
}

#[test]
fn a_changed_byte_misses() {
    let (_dir, paths) = bank_copy();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(cache_dir.path());
    let before = load_checked(&paths, Some(&cache)).expect("clean");
    let first = &before.questions[0];
    assert!(
        first.question.text.starts_with("Give the year"),
        "{first:?}"
    );
    // One byte: `y` to `Y`.
    let text = std::fs::read_to_string(&first.file).unwrap();
    std::fs::write(
        &first.file,
        text.replacen("Give the year", "Give the Year", 1),
    )
    .unwrap();

    assert!(
        lookup(&cache, &paths).is_none(),
        "the entry is for the old bank"
    );
    let after = load_checked(&paths, Some(&cache)).expect("clean");
    assert_eq!(after, check::load_checked(&paths).expect("clean"));
    assert!(
        after.questions[0]
            .question
            .text
            .starts_with("Give the Year")
    );
    assert_ne!(after.version, before.version);
    let entry = only_entry(&cache);
    assert!(
        matches!(lookup(&cache, &paths), Some(Entry::Clean(_))),
        "{entry:?}"
    );
}

/// A bank with errors is not cached, and is refused with the report it gets without a
/// cache, every time; the entry says only to load it as usual.
#[test]
fn a_broken_bank_is_refused_as_without_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path());
    let paths = [PathBuf::from("tests/fixtures/check/duplicate-id")];
    let expected = check::load_checked(&paths).expect_err("a duplicate id");
    for _ in 0..2 {
        assert_eq!(load_checked(&paths, Some(&cache)), Err(expected.clone()));
        assert!(matches!(lookup(&cache, &paths), Some(Entry::Unclean)));
        let partial = load_partial(&paths, Some(&cache)).map(|_| ());
        assert_eq!(partial, partial::load_partial(&paths).map(|_| ()));
    }
}

/// A bank with warnings only is not cached either.
#[test]
fn a_bank_with_warnings_is_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path());
    let paths = [PathBuf::from(
        "tests/fixtures/check/multi-word-alternatives",
    )];
    let (bank, problems) = crate::bank::load(&paths);
    let found = [problems, crate::bank::check(&bank)].concat();
    assert!(
        !found.is_empty() && !found.iter().any(crate::bank::Diagnostic::is_error),
        "{found:?}"
    );
    let expected = check::load_checked(&paths);
    assert_eq!(load_checked(&paths, Some(&cache)), expected);
    assert!(matches!(lookup(&cache, &paths), Some(Entry::Unclean)));
    assert_eq!(load_checked(&paths, Some(&cache)), expected);
}

#[test]
fn the_folder_keeps_a_bounded_number_of_entries() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path());
    let (_bank, paths) = bank_copy();
    // Files that are not ours, however much they look it, oldest of all.
    let others = [
        "bank-notes.txt",
        "bank-0123456789abcdef.bin",
        "bank-statement.pdf",
        ".bank-abc123",
    ];
    for name in others {
        std::fs::write(dir.path().join(name), "someone else's").unwrap();
    }
    // The same bank asked for in more ways than the folder keeps.
    for n in 0..MAX_ENTRIES + 3 {
        let mut asked = paths.clone();
        asked.extend(std::iter::repeat_n(paths[0].clone(), n));
        load_checked(&asked, Some(&cache)).expect("clean");
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let entries = names
        .iter()
        .filter(|n| n.ends_with(".bin") && !others.contains(&n.as_str()))
        .count();
    assert_eq!(entries, MAX_ENTRIES, "{names:?}");
    for name in others {
        assert!(
            names.iter().any(|n| n == name),
            "{name} was deleted: {names:?}"
        );
    }
}

#[test]
fn the_environment_says_where_the_cache_is() {
    let env = |vars: &[(&str, &str)]| {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        store::Cache::from_vars(move |name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
        .map(|cache| cache.dir().to_path_buf())
    };
    let home = [("HOME", "/home/t")];
    assert_eq!(env(&home), Some(PathBuf::from("/home/t/.cache/examkit")));
    let xdg = [("HOME", "/home/t"), ("XDG_CACHE_HOME", "/var/cache/t")];
    assert_eq!(env(&xdg), Some(PathBuf::from("/var/cache/t/examkit")));
    let relative = [("HOME", "/home/t"), ("XDG_CACHE_HOME", "cache")];
    assert_eq!(
        env(&relative),
        Some(PathBuf::from("/home/t/.cache/examkit"))
    );
    let own = [
        ("XDG_CACHE_HOME", "/var/cache/t"),
        ("EXAMKIT_CACHE_DIR", "/tmp/ek"),
    ];
    assert_eq!(env(&own), Some(PathBuf::from("/tmp/ek")));
    for off in ["off", "OFF", "0", "false", "no"] {
        assert_eq!(
            env(&[("EXAMKIT_CACHE", off), ("EXAMKIT_CACHE_DIR", "/tmp/ek")]),
            None
        );
    }
    assert_eq!(
        env(&[("EXAMKIT_CACHE", "on"), ("HOME", "/h")]),
        Some(Path::new("/h/.cache/examkit").to_path_buf())
    );
    assert_eq!(env(&[]), None);
}

/// A cache that cannot be written costs nothing: `generate` loads as without one.
#[test]
fn an_unwritable_cache_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, "").unwrap();
    let cache = Cache::in_dir(not_a_folder.join("examkit"));
    let partial = load_partial(&shipped(), Some(&cache)).expect("clean");
    assert!(
        partial.bank().schemes.is_empty(),
        "not loaded whole to be stored"
    );
    assert_eq!(
        load_checked(&shipped(), Some(&cache)),
        check::load_checked(&shipped())
    );
}
