//! The blueprints a teacher can make a paper from: those loaded with the bank, and the
//! `examples/papers/` folder beside it (where the shipped ones live, and where
//! `examkit generate` looks by default), each known by its file stem.
//!
//! A blueprint is read from its file when a paper is made, exactly as `generate --blueprint`
//! reads it, so an edit shows at once and the bytes match the command line's.

use super::bad;
use crate::model::Blueprint;
use crate::web::error::WebError;
use crate::web::state::AppState;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One blueprint on offer.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file stem, as the form sends it.
    pub key: String,
    /// "AQA 8145/1B · Paper 1 Section B: …", for the menu.
    pub title: String,
    /// The file.
    pub path: PathBuf,
}

/// Every blueprint on offer, by key.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// In key order.
    pub entries: Vec<Entry>,
}

impl Catalogue {
    /// The blueprint `key` names, read from its file.
    pub fn load(&self, key: &str) -> Result<Blueprint, WebError> {
        let entry = self.entries.iter().find(|e| e.key == key).ok_or_else(|| {
            bad(
                "blueprint",
                if self.entries.is_empty() {
                    "no blueprints found beside the bank: use the quick form, or start the \
                     server with --bank including a folder of blueprints"
                        .to_string()
                } else {
                    format!("`{key}` is not one of the blueprints: choose one from the list")
                },
            )
        })?;
        read(&entry.path).map_err(|message| bad("blueprint", message))
    }
}

/// A blueprint file parsed as `examkit generate` parses it.
fn read(path: &Path) -> Result<Blueprint, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_yaml::from_str(&text).map_err(|e| crate::bank::load::yaml_error(path, &e).to_string())
}

/// The blueprints for this server's bank.
pub fn catalogue(state: &AppState) -> Catalogue {
    let mut files: Vec<PathBuf> = state
        .bank
        .blueprints
        .iter()
        .map(|b| b.file.clone())
        .collect();
    for bank_path in &state.config.bank_paths {
        let folder = bank_path
            .parent()
            .unwrap_or(Path::new(""))
            .join("examples")
            .join("papers");
        if let Ok(read) = std::fs::read_dir(&folder) {
            let mut found: Vec<PathBuf> = read
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                .collect();
            found.sort();
            files.extend(found);
        }
    }
    let mut by_key: BTreeMap<String, Entry> = BTreeMap::new();
    for path in files {
        let Some(key) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        if by_key.contains_key(&key) {
            continue;
        }
        let Ok(blueprint) = read(&path) else { continue };
        let title = format!(
            "{} {} · {}",
            blueprint.board.display_name(),
            blueprint.code,
            blueprint.title
        );
        by_key.insert(key.clone(), Entry { key, title, path });
    }
    Catalogue {
        entries: by_key.into_values().collect(),
    }
}
