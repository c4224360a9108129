//! Synonym groups: none empty, and no word in two groups (a phrase word that belongs to a
//! group matches the whole group, so a word in two groups would join them silently). A
//! scheme's own group should not reuse a shared group's name.

use super::Checker;
use crate::bank::span;
use std::collections::BTreeMap;

pub(super) fn check(c: &mut Checker<'_>) {
    let bank = c.bank;
    for (subject, synonyms) in &bank.synonyms {
        let Some(file) = bank.locations.synonym_files.get(subject) else {
            continue;
        };
        let mut owner: BTreeMap<String, &str> = BTreeMap::new();
        for (name, members) in &synonyms.groups {
            let path = span::child("groups", name);
            if members.is_empty() {
                c.error_key(
                    file,
                    &path,
                    format!("synonym group `{name}` is empty"),
                    "list the words that mean the same, or remove the group",
                );
            }
            for (k, member) in members.iter().enumerate() {
                let key = member.trim().to_lowercase();
                match owner.get(&key) {
                    Some(first) if *first != name.as_str() => c.warning(
                        file,
                        &span::item(&path, k),
                        format!("`{member}` is in two synonym groups, `{first}` and `{name}`"),
                        "a word in two groups makes their members match each other; keep it in one",
                    ),
                    Some(_) => c.warning(
                        file,
                        &span::item(&path, k),
                        format!("`{member}` is listed twice in group `{name}`"),
                        "remove the repeat",
                    ),
                    None => {
                        owner.insert(key, name.as_str());
                    }
                }
            }
        }
    }
    for (i, bs) in bank.schemes.iter().enumerate() {
        let Some(shared) = bank.synonyms_for(&bs.subject) else {
            continue;
        };
        for name in bs.scheme.synonyms.keys() {
            if shared.groups.contains_key(name) {
                let path = span::child(&span::child(&bank.scheme_path(i), "synonyms"), name);
                c.warning(
                    &bs.file,
                    &path,
                    format!("this scheme's group `{name}` has the name of a shared group"),
                    "rename it: `@name` would be ambiguous",
                );
            }
        }
    }
}
