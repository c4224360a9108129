//! Build steps: the bundled bank, and position-dependent linking on Linux.
//!
//! **The bundled bank.** An installed `examkit` runs wherever a teacher is, far from the
//! repository's `question-bank/`, `mark-schemes/` and `examples/papers/`; so their files are
//! built into the executable, as a table of `(path, bytes)` that `bank::bundled` loads from
//! memory. A table written here with `include_bytes!` needs no crate and no copy of the bank
//! at run time, and cargo rebuilds when any file under those folders changes.
//!
//! **Linking.** A position-independent executable (the toolchain's default) has about
//! 20,000 pointers that the dynamic loader must fix up at every start, writing to (and so
//! copying) every page that holds one: 90 of the 220 page faults of `examkit --version`, and
//! 0.3 ms of every run (1.3 -> 1.0 ms), in a `generate` that should take under 10. Linked at
//! a fixed address, the pointers are fixed at link time and the pages stay shared. The code
//! itself is unchanged (the libraries are still compiled position-independent); what is
//! given up is only the randomised load address of the executable itself.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The folders built into the executable, as the repository names them.
const BUNDLED: [&str; 3] = ["question-bank", "mark-schemes", "examples/papers"];

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
    if let Err(err) = bundle() {
        panic!("cannot bundle the question bank: {err}");
    }
}

fn bundle() -> std::io::Result<()> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(std::io::Error::other)?);
    let mut files = Vec::new();
    for folder in BUNDLED {
        let dir = root.join(folder);
        println!("cargo:rerun-if-changed={}", dir.display());
        if dir.is_dir() {
            yaml_under(&dir, &mut files)?;
        }
    }
    files.sort();
    let mut table = String::from(
        "/// The bundled bank's files: path as in the repository, and bytes.\n\
         pub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for file in &files {
        let relative = file
            .strip_prefix(&root)
            .map_err(std::io::Error::other)?
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            table,
            "    ({relative:?}, include_bytes!({:?})),",
            file.to_string_lossy()
        )
        .map_err(std::io::Error::other)?;
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(std::io::Error::other)?);
    std::fs::write(out.join("bundled_bank.rs"), table)
}

fn yaml_under(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            yaml_under(&path, files)?;
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            files.push(path);
        }
    }
    Ok(())
}
