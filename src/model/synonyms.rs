//! Shared synonym lists: `mark-schemes/<subject>/synonyms.yaml`.
//!
//! One file per subject so that "USSR = Soviet Union = Soviets" is written once and every
//! scheme of the subject can use it, rather than each scheme listing its own variants.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A subject's synonym groups.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SynonymFile {
    /// Subject key, matching the folder.
    pub subject: String,
    /// Groups by name: every entry of a group means the same as every other. Entries may be
    /// several words ("Soviet Union").
    pub groups: BTreeMap<String, Vec<String>>,
}
