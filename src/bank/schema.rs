//! JSON Schemas of the file formats, generated from the model types so they cannot drift
//! from what the loader accepts. Editors given them (yaml-language-server's
//! `# yaml-language-server: $schema=…` comment) validate and autocomplete a teacher's YAML
//! as it is typed.

use crate::model::{Blueprint, Manifest, QuestionFile, SchemeFile, SynonymFile};

/// A file format examkit reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// `question-bank/<subject>/<topic>.yaml`.
    QuestionBank,
    /// `mark-schemes/<subject>/<topic>.yaml`.
    MarkScheme,
    /// `mark-schemes/<subject>/synonyms.yaml`.
    Synonyms,
    /// A paper blueprint.
    Blueprint,
    /// The manifest written beside each generated paper.
    Manifest,
}

impl Format {
    /// Every format, in the order listed to users.
    pub const ALL: [Format; 5] = [
        Format::QuestionBank,
        Format::MarkScheme,
        Format::Synonyms,
        Format::Blueprint,
        Format::Manifest,
    ];

    /// The name used on the command line and in schema file names.
    pub fn name(self) -> &'static str {
        match self {
            Format::QuestionBank => "question-bank",
            Format::MarkScheme => "mark-scheme",
            Format::Synonyms => "synonyms",
            Format::Blueprint => "blueprint",
            Format::Manifest => "manifest",
        }
    }

    /// The file the schema is written to by `examkit schema --out DIR`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// The schema as pretty-printed JSON, ending in a newline.
    pub fn json_schema(self) -> String {
        let schema = match self {
            Format::QuestionBank => schemars::schema_for!(QuestionFile),
            Format::MarkScheme => schemars::schema_for!(SchemeFile),
            Format::Synonyms => schemars::schema_for!(SynonymFile),
            Format::Blueprint => schemars::schema_for!(Blueprint),
            Format::Manifest => schemars::schema_for!(Manifest),
        };
        let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
        json.push('\n');
        json
    }
}
