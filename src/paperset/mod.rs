//! A paper's set of files: question paper, sources insert, mark scheme and manifest.
//!
//! The files belong together: marking with the manifest of one paper against answers to
//! another gives wrong marks without any error. So they are made and written as a set:
//! - [`render`] / [`render_all`] make a set's files in memory, as named byte buffers (the
//!   same bytes `examkit generate` writes, for a server's downloads);
//! - [`write_sets`] writes sets to a folder: every file is staged and flushed before any is
//!   renamed into place, so an error (a full disk) leaves the old set untouched;
//! - every file carries the set's id, and the manifest the SHA-256 of the others, so the
//!   mixed set that a kill during the renames can leave is found and named by
//!   [`verify_beside`], which `examkit mark --paper` runs.

mod verify;
mod write;

pub use verify::{Mismatch, verify_beside};
pub use write::{WriteError, write_sets};

use crate::model::{Manifest, ManifestFile};
use crate::paper::{Paper, manifest};
use crate::pdf::{self, RenderError};
use sha2::{Digest, Sha256};

/// What a file of a set is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The question paper: `<stem>.pdf`.
    Paper,
    /// The sources insert: `<stem>-insert.pdf`.
    Insert,
    /// The mark scheme: `<stem>-mark-scheme.pdf`.
    Scheme,
    /// The manifest that `examkit mark` reads: `<stem>.manifest.json`.
    Manifest,
}

impl Role {
    /// The roles of a set's documents, in the order they are written (the manifest last).
    pub const DOCUMENTS: [Role; 3] = [Role::Paper, Role::Insert, Role::Scheme];

    /// The file name of this role for a set named `stem`.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Role::Paper => format!("{stem}.pdf"),
            Role::Insert => format!("{stem}-insert.pdf"),
            Role::Scheme => format!("{stem}-mark-scheme.pdf"),
            Role::Manifest => format!("{stem}.manifest.json"),
        }
    }

    /// The name the manifest gives the role.
    pub fn key(self) -> &'static str {
        match self {
            Role::Paper => "paper",
            Role::Insert => "insert",
            Role::Scheme => "mark-scheme",
            Role::Manifest => "manifest",
        }
    }
}

/// One file of a set, in memory.
#[derive(Debug, Clone)]
pub struct SetFile {
    /// What the file is.
    pub role: Role,
    /// Its file name (no folder).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// One paper's set of files, in memory.
#[derive(Debug, Clone)]
pub struct PaperSet {
    /// The name every file's name starts with, e.g. `aqa-8145-1b-s1-v1`.
    pub stem: String,
    /// Id shared by the set's files (hex).
    pub set_id: String,
    /// The paper's manifest as written (with the set id and the other files' hashes).
    pub manifest: Manifest,
    /// The files: paper, insert (when the sources are printed apart), mark scheme, manifest.
    pub files: Vec<SetFile>,
}

impl PaperSet {
    /// The file of `role`, when the set has one.
    pub fn file(&self, role: Role) -> Option<&SetFile> {
        self.files.iter().find(|f| f.role == role)
    }
}

/// Why a set could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    /// Laying out or writing a PDF failed.
    #[error("cannot lay out the paper, insert and mark scheme of {paper}: {cause}")]
    Render {
        /// The paper's id.
        paper: String,
        /// What went wrong.
        cause: RenderError,
    },
    /// The manifest could not be serialised.
    #[error("cannot serialise the manifest of {paper}: {cause}")]
    Manifest {
        /// The paper's id.
        paper: String,
        /// What went wrong.
        cause: serde_json::Error,
    },
}

/// Make the set of `paper`, its files named after `stem`.
pub fn render(paper: &Paper, stem: &str) -> Result<PaperSet, SetError> {
    let mut manifest = manifest::manifest(paper);
    let set_id = set_id(paper, &manifest);
    let pdfs = pdf::paper_set(paper, &set_id).map_err(|cause| SetError::Render {
        paper: paper.paper_id.clone(),
        cause,
    })?;
    let mut files = vec![SetFile {
        role: Role::Paper,
        name: Role::Paper.file_name(stem),
        bytes: pdfs.paper,
    }];
    if let Some(insert) = pdfs.insert {
        files.push(SetFile {
            role: Role::Insert,
            name: Role::Insert.file_name(stem),
            bytes: insert,
        });
    }
    files.push(SetFile {
        role: Role::Scheme,
        name: Role::Scheme.file_name(stem),
        bytes: pdfs.scheme,
    });
    manifest.set_id = set_id.clone();
    manifest.files = files
        .iter()
        .map(|f| ManifestFile {
            role: f.role.key().to_string(),
            name: f.name.clone(),
            sha256: sha256_hex(&f.bytes),
        })
        .collect();
    let mut json = serde_json::to_vec_pretty(&manifest).map_err(|cause| SetError::Manifest {
        paper: paper.paper_id.clone(),
        cause,
    })?;
    json.push(b'\n');
    files.push(SetFile {
        role: Role::Manifest,
        name: Role::Manifest.file_name(stem),
        bytes: json,
    });
    Ok(PaperSet {
        stem: stem.to_string(),
        set_id,
        manifest,
        files,
    })
}

/// Make the sets of `papers` (the variants of one run). Files are named after `stem`, with
/// `-v<N>` when there are several papers, or after each paper's id when `stem` is `None`:
/// the names `examkit generate` gives them.
pub fn render_all(papers: &[Paper], stem: Option<&str>) -> Result<Vec<PaperSet>, SetError> {
    let many = papers.len() > 1;
    papers
        .iter()
        .map(|paper| {
            let stem = match stem {
                Some(stem) if many => format!("{stem}-v{}", paper.variant),
                Some(stem) => stem.to_string(),
                None => paper.paper_id.clone(),
            };
            render(paper, &stem)
        })
        .collect()
}

/// A set's id: a hash of what its files are made from (the manifest's content, the
/// blueprint with its source placement, and examkit's version), so the same paper always
/// gets the same id and the same bytes, and another paper another id. The bank version is
/// left out, so that an edit to a question no paper prints leaves the PDFs as they were;
/// the manifest's hashes of the files tell such papers apart.
fn set_id(paper: &Paper, manifest: &Manifest) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    let content = Manifest {
        bank_version: String::new(),
        ..manifest.clone()
    };
    // Both serialise infallibly (plain data, string keys); an error would only lose
    // distinctness, never determinism.
    hasher.update(serde_json::to_vec(&content).unwrap_or_default());
    hasher.update(serde_json::to_vec(&paper.blueprint).unwrap_or_default());
    let digest = hasher.finalize();
    hex(&digest[..8])
}

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
