//! One line of a JSON-lines class file, parsed keeping every key as written.
//!
//! `serde_json`'s maps keep the last of two equal keys and drop the first without a word, so
//! `{"student": "A", "01": "first", "01": "second"}` would lose an answer. A class file's
//! objects are read here instead into ordered (key, value) lists, so a repeated key is seen
//! and reported rather than silently resolved.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A JSON value as an answer file uses it.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// A string as it is, a number or boolean as written, `null` as blank.
    Text(String),
    /// An object, its entries in file order, repeated keys kept.
    Object(Vec<(String, Field)>),
    /// A list, kept only as its JSON text.
    List(String),
}

impl Field {
    /// The value as answer text (lists and objects as their JSON).
    pub fn into_text(self) -> String {
        match self {
            Field::Text(text) | Field::List(text) => text,
            Field::Object(entries) => {
                let map: serde_json::Map<String, serde_json::Value> = entries
                    .into_iter()
                    .map(|(k, v)| (k, serde_json::Value::String(v.into_text())))
                    .collect();
                serde_json::Value::Object(map).to_string()
            }
        }
    }
}

/// The first key that appears twice among `entries`, if any.
pub fn repeated_key(entries: &[(String, Field)]) -> Option<&str> {
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    entries
        .iter()
        .map(|(k, _)| k.as_str())
        .find(|k| !seen.insert(*k))
}

/// Parse one line: its value, which the caller expects to be an object.
pub fn parse(text: &str) -> Result<Field, serde_json::Error> {
    serde_json::from_str(text)
}

impl<'de> de::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Field, E> {
        // As serde_json writes it ("1.0", not "1"), so a number reads as it was written.
        Ok(Field::Text(
            serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()),
        ))
    }

    fn visit_str<E>(self, v: &str) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Field, E> {
        Ok(Field::Text(v))
    }

    fn visit_unit<E>(self) -> Result<Field, E> {
        Ok(Field::Text(String::new()))
    }

    fn visit_none<E>(self) -> Result<Field, E> {
        Ok(Field::Text(String::new()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<serde_json::Value>()? {
            items.push(item);
        }
        Ok(Field::List(serde_json::Value::Array(items).to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some((key, value)) = map.next_entry::<String, Field>()? {
            entries.push((key, value));
        }
        Ok(Field::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_kept_in_order() {
        let Field::Object(entries) = parse(r#"{"student":"A","01":"x","01":"y"}"#).unwrap() else {
            panic!("an object");
        };
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[2], ("01".to_string(), Field::Text("y".into())));
        assert_eq!(repeated_key(&entries), Some("01"));
    }

    #[test]
    fn scalars_read_as_written() {
        let Field::Object(entries) =
            parse(r#"{"a":7,"b":1.5,"c":true,"d":null,"e":[1,"x"],"f":-2}"#).unwrap()
        else {
            panic!("an object");
        };
        let texts: Vec<String> = entries.into_iter().map(|(_, v)| v.into_text()).collect();
        assert_eq!(texts, ["7", "1.5", "true", "", "[1,\"x\"]", "-2"]);
        assert!(parse("{\"a\":").is_err());
    }
}
