//! File headers against where the file sits: `question-bank/history/cuba.yaml` should say
//! `subject: history` and `topic: cuba`. A mismatch still loads (so it is a warning), but
//! it is usually a copied file whose header was not updated.

use super::Checker;
use std::collections::BTreeSet;
use std::path::Path;

pub(super) fn check(c: &mut Checker<'_>) {
    let mut seen = BTreeSet::new();
    let bank = c.bank;
    let topic_files = bank
        .questions
        .iter()
        .map(|q| (&q.file, &q.subject, Some(&q.topic)))
        .chain(
            bank.schemes
                .iter()
                .map(|s| (&s.file, &s.subject, Some(&s.topic))),
        )
        .chain(
            bank.locations
                .synonym_files
                .iter()
                .map(|(subject, file)| (file, subject, None)),
        );
    for (file, subject, topic) in topic_files {
        if !seen.insert(file.clone()) {
            continue;
        }
        let folder = folder_name(file);
        if let Some(folder) = folder
            && folder != subject
        {
            c.warning(
                file,
                "subject",
                format!("`subject: {subject}` does not match the folder `{folder}`"),
                format!("use `subject: {folder}`, or move the file to a folder named `{subject}`"),
            );
        }
        if let Some(topic) = topic
            && let Some(stem) = file.file_stem().and_then(|s| s.to_str())
            && stem != topic
        {
            c.warning(
                file,
                "topic",
                format!("`topic: {topic}` does not match the file name `{stem}`"),
                format!("use `topic: {stem}`, or rename the file to `{topic}.yaml`"),
            );
        }
    }
}

/// The name of the folder a file is in, if it has one worth comparing.
fn folder_name(file: &Path) -> Option<&str> {
    let name = file.parent()?.file_name()?.to_str()?;
    (!name.is_empty() && name != "." && name != "..").then_some(name)
}
