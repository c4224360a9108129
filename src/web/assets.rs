//! The stylesheet, script and icon, built into the binary so the app works offline with
//! nothing beside the executable. URLs carry a hash of the content, so browsers may cache
//! them for good and still see a new build's files at once.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::LazyLock;

/// Every asset: name, content type, bytes.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("assets/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    ("icon.svg", "image/svg+xml", include_str!("assets/icon.svg")),
    (
        "teacher.css",
        "text/css; charset=utf-8",
        include_str!("assets/teacher.css"),
    ),
    (
        "teacher.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/teacher.js"),
    ),
];

static STAMP: LazyLock<String> = LazyLock::new(|| {
    let mut all = Vec::new();
    for (_, _, body) in ASSETS {
        all.extend_from_slice(body.as_bytes());
    }
    format!("{:x}", xxhash_rust::xxh3::xxh3_64(&all))
});

/// The URL to link `name` by.
pub fn url(name: &str) -> String {
    format!("/assets/{name}?v={}", *STAMP)
}

/// `GET /assets/{name}`.
pub async fn serve(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, kind, body)) => (
            [
                (header::CONTENT_TYPE, *kind),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            *body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}
