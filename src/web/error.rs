//! Everything a request can fail with, as a status and a message a student or teacher can
//! act on: an HTML page for the pages, `{"error": …}` for the API.

use super::layout::{self, PageMeta};
use super::store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such page, question or attempt.
    #[error("{0}")]
    NotFound(String),
    /// A form field or JSON field is wrong; the message names it and says what to do.
    #[error("{field}: {message}")]
    BadField {
        /// The field's name as the form or API calls it.
        field: &'static str,
        /// What is wrong and what to do.
        message: String,
    },
    /// The body is bigger than this server accepts.
    #[error("{0}")]
    TooLarge(String),
    /// A network server's student page without a joined student.
    #[error("join the class first: enter the class code your teacher gave you")]
    NotJoined,
    /// `/teacher/` without the teacher token.
    #[error("this page is for teachers: give the teacher token printed when the server started")]
    NoToken,
    /// `/teacher/` with a wrong token.
    #[error("that teacher token is not right: check the one printed when the server started")]
    WrongToken,
    /// A state-changing request from another site's page.
    #[error("refused: this request came from another website's page")]
    CrossSite,
    /// The store failed.
    #[error("the answer store failed: {0}")]
    Store(#[from] StoreError),
    /// Anything else that is the server's fault.
    #[error("{0}")]
    Internal(String),
}

impl WebError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::BadField { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::NotJoined | WebError::NoToken => StatusCode::UNAUTHORIZED,
            WebError::WrongToken | WebError::CrossSite => StatusCode::FORBIDDEN,
            WebError::Store(_) | WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short title for the error page.
    fn title(&self) -> &'static str {
        match self {
            WebError::NotFound(_) => "Not found",
            WebError::BadField { .. } => "Please check the form",
            WebError::TooLarge(_) => "Too long to send",
            WebError::NotJoined => "Join your class",
            WebError::NoToken | WebError::WrongToken => "Teachers only",
            WebError::CrossSite => "Request refused",
            WebError::Store(_) | WebError::Internal(_) => "Something went wrong",
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Store(e) = &self {
            eprintln!("error: {e}");
        }
        let status = self.status();
        let body = match &self {
            WebError::NotJoined => layout::join_page(None),
            WebError::NoToken | WebError::WrongToken => layout::token_page(&self.to_string()),
            _ => layout::page(
                &PageMeta::student(self.title()),
                html! {
                    h1 { (self.title()) }
                    p.notice.error role="alert" { (self.to_string()) }
                    p { a href="/" { "Back to practice" } }
                },
            ),
        };
        (status, body).into_response()
    }
}

/// An error answered as JSON, for the API.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let WebError::Store(e) = &self.0 {
            eprintln!("error: {e}");
        }
        let field = match &self.0 {
            WebError::BadField { field, .. } => Some(*field),
            _ => None,
        };
        let body = serde_json::json!({ "error": self.0.to_string(), "field": field });
        (self.0.status(), Json(body)).into_response()
    }
}
