//! How much a request may send, and the messages that say so. tower-http's body limit cuts
//! a request off as it arrives (a client cannot make the server buffer gigabytes); the
//! middleware here turns its bare 413 into words a student or teacher can act on.

use super::access::refuse;
use super::error::WebError;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use tower_http::limit::RequestBodyLimitLayer;

/// Largest request body on student pages and the API.
pub const STUDENT_BODY_LIMIT: usize = 256 * 1024;
/// Largest request body on teacher pages (class uploads).
pub const TEACHER_BODY_LIMIT: usize = 32 * 1024 * 1024;
/// Longest answer marked or saved, in characters: several times the longest essay a GCSE
/// question asks for.
pub const MAX_ANSWER_CHARS: usize = 20_000;

/// Cap bodies of `router`'s routes at [`STUDENT_BODY_LIMIT`].
pub fn student_limit<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(DefaultBodyLimit::max(STUDENT_BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(STUDENT_BODY_LIMIT))
}

/// Cap bodies of `router`'s routes at [`TEACHER_BODY_LIMIT`].
pub fn teacher_limit<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(DefaultBodyLimit::max(TEACHER_BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(TEACHER_BODY_LIMIT))
}

/// Refuse an answer longer than [`MAX_ANSWER_CHARS`], naming the field.
pub fn check_answer(field: &'static str, answer: &str) -> Result<(), WebError> {
    let n = answer.chars().count();
    if n > MAX_ANSWER_CHARS {
        return Err(WebError::BadField {
            field,
            message: format!(
                "the answer is {n} characters long; the most this server marks is \
                 {MAX_ANSWER_CHARS} (about 3,000 words). Shorten it and try again"
            ),
        });
    }
    Ok(())
}

/// Replace a bare "413 Payload Too Large" with a message saying how much is allowed.
pub async fn explain_too_large(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let response = next.run(req).await;
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    let limit = if path.starts_with("/teacher") {
        format!(
            "that upload is larger than this server accepts ({} MB at most); split the class \
             file into smaller ones and upload each",
            TEACHER_BODY_LIMIT / (1024 * 1024)
        )
    } else {
        format!(
            "that is more than this server accepts in one go ({} KB at most); shorten the \
             answer and send it again",
            STUDENT_BODY_LIMIT / 1024
        )
    };
    refuse(&path, WebError::TooLarge(limit))
}
