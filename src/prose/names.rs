//! Synonym groups by the names a teacher reads: `@ussr` is "the USSR (or Soviet Union)".
//!
//! A group's first member is its headword, as the synonyms file's documentation says, so
//! writing `the USSR` first prints the article (the marker drops "the" from a member, so
//! matching is unchanged). One more member is named beside it, to show what kind of list
//! it is: the first that is neither another form of the headword (`missile` beside
//! `missiles`), nor a spelling of it (`Kruschev` beside `Khrushchev`), nor the headword
//! with more words (`Nikita Khrushchev`). The rest are left to the marker: a printed scheme
//! that listed every member would bury the point.

use crate::text::analyse;
use crate::text::fold::fold;
use std::collections::BTreeMap;

/// Readable names of synonym groups, by group name.
#[derive(Debug, Clone, Default)]
pub struct Names {
    groups: BTreeMap<String, GroupName>,
    /// Every member by its folded form, as the synonyms file writes it ("ussr" → "USSR"),
    /// so that a regex's lower-case words can be printed with their capitals.
    written: BTreeMap<String, String>,
}

/// How one group is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct GroupName {
    /// The first member, as written.
    head: String,
    /// Another member that shows the range of the group, if any.
    other: Option<String>,
}

impl Names {
    /// Names for these groups (a subject's shared groups, say).
    pub fn new<'a>(groups: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>) -> Names {
        let mut names = Names::default();
        names.add(groups);
        names
    }

    /// These names plus a scheme's own groups (which win over shared ones of the same name,
    /// as they do when marking).
    pub fn with<'a>(
        &self,
        groups: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
    ) -> Names {
        let mut names = self.clone();
        names.add(groups);
        names
    }

    fn add<'a>(&mut self, groups: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>) {
        for (name, members) in groups {
            if let Some(group) = GroupName::new(members) {
                self.groups.insert(name.clone(), group);
            }
            for member in members {
                let member = without_article(member.trim());
                let folded = fold(member);
                if folded != member {
                    self.written
                        .entry(folded)
                        .or_insert_with(|| member.to_string());
                }
            }
        }
    }

    /// The group as a teacher reads it on its own: "the USSR (or Soviet Union)". An unknown
    /// group (which `examkit check` reports) is printed by its name, without the `@`.
    pub fn full(&self, group: &str) -> String {
        match self.groups.get(group) {
            Some(GroupName {
                head,
                other: Some(other),
            }) => format!("{head} (or {other})"),
            Some(GroupName { head, other: None }) => head.clone(),
            None => group.replace('-', " "),
        }
    }

    /// The group's headword alone, for a list of alternatives ("arsenal, missiles or
    /// weapons"), where a bracket of its own would make the list hard to read.
    pub fn head(&self, group: &str) -> String {
        match self.groups.get(group) {
            Some(g) => g.head.clone(),
            None => group.replace('-', " "),
        }
    }

    /// How the synonym lists write this lower-case word or words, if they hold it.
    pub fn written(&self, folded: &str) -> Option<&str> {
        self.written.get(folded).map(String::as_str)
    }
}

fn without_article(member: &str) -> &str {
    ["the ", "The "]
        .iter()
        .find_map(|a| member.strip_prefix(a))
        .unwrap_or(member)
}

impl GroupName {
    fn new(members: &[String]) -> Option<GroupName> {
        let head = members.iter().find(|m| !m.trim().is_empty())?.trim();
        let head_stems = stems(head);
        let other = members
            .iter()
            .map(|m| m.trim())
            .filter(|m| !m.is_empty() && *m != head)
            .find(|m| shows_range(&head_stems, &stems(m)))
            .map(str::to_string);
        Some(GroupName {
            head: head.to_string(),
            other,
        })
    }
}

/// Content stems of a member, without articles: "the USSR" is `[ussr]`.
fn stems(text: &str) -> Vec<String> {
    let a = analyse(text);
    (0..a.tokens.len())
        .filter(|&i| !matches!(a.word(i), "the" | "a" | "an"))
        .map(|i| a.stem(i).to_string())
        .collect()
}

/// Whether `other` says something the headword does not already show: not the same
/// word in another form or spelling, and not the headword inside a longer name.
fn shows_range(head: &[String], other: &[String]) -> bool {
    if other.is_empty() || head == other {
        return false;
    }
    let contains = |long: &[String], short: &[String]| short.iter().all(|w| long.contains(w));
    if contains(other, head) || contains(head, other) {
        return false;
    }
    let (h, o) = (head.concat(), other.concat());
    let near = strsim::damerau_levenshtein(&h, &o);
    near > 2 && near * 3 > h.len().min(o.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(groups: &[(&str, &[&str])]) -> Names {
        let owned: BTreeMap<String, Vec<String>> = groups
            .iter()
            .map(|(n, ms)| (n.to_string(), ms.iter().map(|m| m.to_string()).collect()))
            .collect();
        Names::new(&owned)
    }

    #[test]
    fn a_group_reads_as_its_headword_and_one_other_member() {
        let n = names(&[
            ("ussr", &["the USSR", "Soviet Union", "Soviets"]),
            ("missiles", &["missiles", "missile", "rockets"]),
            (
                "khrushchev",
                &["Khrushchev", "Khrushchov", "Kruschev", "Nikita Khrushchev"],
            ),
            ("jfk", &["Kennedy", "JFK", "President Kennedy"]),
        ]);
        assert_eq!(n.full("ussr"), "the USSR (or Soviet Union)");
        assert_eq!(n.full("missiles"), "missiles (or rockets)");
        assert_eq!(n.full("khrushchev"), "Khrushchev");
        assert_eq!(n.full("jfk"), "Kennedy (or JFK)");
        assert_eq!(n.head("ussr"), "the USSR");
    }

    #[test]
    fn an_unknown_group_is_printed_by_its_name() {
        let n = names(&[]);
        assert_eq!(n.full("warsaw-pact"), "warsaw pact");
    }

    #[test]
    fn a_scheme_group_replaces_a_shared_one() {
        let n = names(&[("backed-down", &["backed off"])]);
        let local: BTreeMap<String, Vec<String>> = [(
            "backed-down".to_string(),
            vec!["backed down".to_string(), "gave in".to_string()],
        )]
        .into();
        assert_eq!(
            n.with(&local).full("backed-down"),
            "backed down (or gave in)"
        );
    }
}
