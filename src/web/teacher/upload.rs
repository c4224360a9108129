//! Reading a teacher's upload form (`multipart/form-data`): the text fields and the files,
//! each file with its name (for messages that point into it) and a size limit whose message
//! says what to do. The body as a whole is already capped by the teacher body limit
//! ([`crate::web::limits`]).

use super::bad;
use crate::web::error::WebError;
use crate::web::limits::TEACHER_BODY_LIMIT;
use axum::extract::Multipart;
use std::collections::BTreeMap;

/// An uploaded file.
#[derive(Debug, Clone)]
pub struct File {
    /// The name the browser sent (no folders), or "upload" when it sent none.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl File {
    /// The bytes as UTF-8 text (a byte-order mark dropped), or a message naming the field.
    pub fn text(&self, field: &'static str) -> Result<&str, WebError> {
        let bytes = self
            .bytes
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(&self.bytes);
        std::str::from_utf8(bytes).map_err(|e| {
            bad(
                field,
                format!(
                    "{} is not UTF-8 text (byte {}): save it from the spreadsheet as \
                     \"CSV UTF-8\" and upload it again",
                    self.name,
                    e.valid_up_to() + 1
                ),
            )
        })
    }
}

/// A submitted upload form.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Text fields (the last value of each name).
    pub fields: BTreeMap<String, String>,
    /// File fields that held a file.
    pub files: BTreeMap<String, File>,
}

impl Form {
    /// A text field, blank when absent.
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", |s| s.trim())
    }

    /// A file the form must have.
    pub fn file(&self, name: &'static str, what: &str) -> Result<&File, WebError> {
        self.files
            .get(name)
            .ok_or_else(|| bad(name, format!("choose {what} to upload")))
    }
}

/// Read the whole form.
pub async fn read(mut multipart: Multipart) -> Result<Form, WebError> {
    let mut form = Form::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return Err(broken(&e.body_text())),
        };
        let Some(name) = field.name().map(str::to_string) else {
            continue;
        };
        let file_name = field.file_name().map(base_name);
        let bytes = field.bytes().await.map_err(|e| broken(&e.body_text()))?;
        match file_name {
            // A file input left empty sends a part with no file name and no bytes.
            Some(file_name) if !(file_name.is_empty() && bytes.is_empty()) => {
                let file = File {
                    name: if file_name.is_empty() {
                        "upload".into()
                    } else {
                        file_name
                    },
                    bytes: bytes.to_vec(),
                };
                form.files.insert(name, file);
            }
            Some(_) => {}
            None => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                form.fields.insert(name, text);
            }
        }
    }
    Ok(form)
}

fn broken(detail: &str) -> WebError {
    if detail.contains("length limit") || detail.contains("too large") {
        return WebError::TooLarge(format!(
            "that upload is larger than this server accepts ({} MB at most); split the class \
             file into smaller ones and upload each",
            TEACHER_BODY_LIMIT / (1024 * 1024)
        ));
    }
    bad(
        "upload",
        format!("the upload did not arrive whole ({detail}); try again"),
    )
}

/// The last component of a file name a browser sent (some send a whole Windows path).
fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders() {
        assert_eq!(base_name(r"C:\Users\me\class 10B.csv"), "class 10B.csv");
        assert_eq!(base_name("/home/me/a.csv"), "a.csv");
        assert_eq!(base_name("a.csv"), "a.csv");
    }

    #[test]
    fn text_drops_a_bom_and_names_bad_bytes() {
        let ok = File {
            name: "a.csv".into(),
            bytes: b"\xef\xbb\xbfstudent,01\n".to_vec(),
        };
        assert_eq!(ok.text("answers").unwrap(), "student,01\n");
        let bad = File {
            name: "b.csv".into(),
            bytes: b"ab\xff".to_vec(),
        };
        let err = bad.text("answers").unwrap_err().to_string();
        assert!(
            err.contains("answers: b.csv is not UTF-8 text (byte 3)"),
            "{err}"
        );
    }
}
