//! Who may do what: loopback needs no login; a server bound to any other address asks
//! students for the class code (and a name) and teachers for the teacher token, and refuses
//! everything else with 401 (not logged in) or 403 (wrong token, cross-site request).
//!
//! Cross-site request forgery is stopped the way browsers now make possible without hidden
//! form tokens (and as Go's `http.CrossOriginProtection` does): a state-changing request
//! whose `Sec-Fetch-Site` says `cross-site`/`same-site`, or (for older browsers) whose
//! `Origin` names another host, is refused. Tools such as `curl` send neither header and
//! are not a forgery risk, so they pass. Session cookies are also `SameSite=Strict`.

use super::error::{ApiError, WebError};
use super::state::AppState;
use super::store::Student;
use axum::extract::{FromRequestParts, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

/// Cookie naming a student (their secret token).
pub const STUDENT_COOKIE: &str = "examkit_student";
/// Cookie holding the teacher token once given.
pub const TEACHER_COOKIE: &str = "examkit_teacher";

/// The access rules of a running server.
#[derive(Debug, Clone)]
pub struct Access {
    /// No login at all: the server is only reachable from this computer.
    pub open: bool,
    /// What students type to join (network mode).
    pub class_code: String,
    /// What teachers give to reach `/teacher/` (network mode).
    pub teacher_token: String,
}

impl Access {
    /// Whether `code` is the class code (case and spaces ignored: it is read off a board).
    pub fn class_code_matches(&self, code: &str) -> bool {
        normalise_code(code) == normalise_code(&self.class_code)
    }
}

fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A fresh unguessable token: 128 random bits as hex.
pub fn random_token() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// A class code a teacher can write on a board: two groups of four letters and digits,
/// without the look-alikes 0/O and 1/I/L.
pub fn random_class_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 8];
    rand::fill(&mut bytes);
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!(
        "{}-{}",
        chars[..4].iter().collect::<String>(),
        chars[4..].iter().collect::<String>()
    )
}

/// The student making a request, put there by [`student_gate`].
#[derive(Debug, Clone)]
pub struct CurrentStudent(pub Student);

impl<S: Send + Sync> FromRequestParts<S> for CurrentStudent {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentStudent>()
            .cloned()
            .ok_or(WebError::NotJoined)
    }
}

/// Let a request through to the student pages and the API only with a student: the local
/// one on loopback, otherwise the one whose cookie it carries (401 without).
pub async fn student_gate(
    State(state): State<AppState>,
    jar: CookieJar,
    mut req: Request,
    next: Next,
) -> Response {
    let found = if state.access.open {
        state.store.call(|s| s.local_student().map(Some)).await
    } else {
        match jar.get(STUDENT_COOKIE).map(|c| c.value().to_string()) {
            Some(token) => state.store.call(move |s| s.student_by_token(&token)).await,
            None => Ok(None),
        }
    };
    match found {
        Ok(Some(student)) => {
            req.extensions_mut().insert(CurrentStudent(student));
            next.run(req).await
        }
        Ok(None) => refuse(req.uri().path(), WebError::NotJoined),
        Err(e) => refuse(req.uri().path(), e.into()),
    }
}

/// `err` as JSON for the API, as a page otherwise.
pub fn refuse(path: &str, err: WebError) -> Response {
    if path.starts_with("/api/") {
        ApiError(err).into_response()
    } else {
        err.into_response()
    }
}

/// Let a request through to `/teacher/` only with the teacher token: in the cookie, as
/// `Authorization: Bearer TOKEN`, or as `?token=` (which sets the cookie and redirects to the
/// same page without it, so the token does not linger in the address bar). 401 without a
/// token, 403 with a wrong one.
pub async fn teacher_gate(
    State(state): State<AppState>,
    jar: CookieJar,
    req: Request,
    next: Next,
) -> Response {
    if state.access.open {
        return next.run(req).await;
    }
    let expected = state.access.teacher_token.as_str();
    let from_query = Query::<TokenQuery>::try_from_uri(req.uri())
        .ok()
        .and_then(|q| q.0.token);
    if let Some(given) = from_query {
        if !same_secret(&given, expected) {
            return WebError::WrongToken.into_response();
        }
        let cookie = session_cookie(TEACHER_COOKIE, expected.to_string());
        let path = req.uri().path().to_string();
        return (jar.add(cookie), Redirect::to(&path)).into_response();
    }
    let given =
        bearer(req.headers()).or_else(|| jar.get(TEACHER_COOKIE).map(|c| c.value().to_string()));
    match given {
        Some(given) if same_secret(&given, expected) => next.run(req).await,
        Some(_) => WebError::WrongToken.into_response(),
        None => WebError::NoToken.into_response(),
    }
}

/// Refuse state-changing requests sent by a page of another site.
pub async fn cross_site_guard(req: Request, next: Next) -> Response {
    if is_safe(req.method()) || !is_cross_site(req.headers()) {
        next.run(req).await
    } else {
        refuse(req.uri().path(), WebError::CrossSite)
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether a request's headers show it was sent by another site's page.
pub fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_host = origin
        .split_once("://")
        .map_or(origin, |(_, rest)| rest)
        .trim_end_matches('/');
    host != Some(origin_host)
}

/// A cookie only this site's own requests carry, unreadable to scripts.
pub fn session_cookie(name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .permanent()
        .build()
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(|t| t.trim().to_string())
}

/// Compare secrets in time that does not depend on where they first differ.
fn same_secret(given: &str, expected: &str) -> bool {
    let (a, b) = (given.trim().as_bytes(), expected.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[derive(serde::Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn cross_site_posts_are_told_apart_from_same_origin_and_tools() {
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!is_cross_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(is_cross_site(&headers(&[
            ("origin", "http://evil.example"),
            ("host", "127.0.0.1:8080")
        ])));
        assert!(!is_cross_site(&headers(&[
            ("origin", "http://127.0.0.1:8080"),
            ("host", "127.0.0.1:8080")
        ])));
        assert!(
            !is_cross_site(&headers(&[("host", "127.0.0.1:8080")])),
            "curl"
        );
    }

    #[test]
    fn class_codes_ignore_case_and_dashes_and_secrets_must_match_exactly() {
        let code = random_class_code();
        assert_eq!(code.len(), 9);
        let access = Access {
            open: false,
            class_code: code.clone(),
            teacher_token: random_token(),
        };
        assert!(access.class_code_matches(&code.to_lowercase().replace('-', " ")));
        assert!(!access.class_code_matches("ABCD-EFGH") || code == "ABCD-EFGH");
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abd", "abc"));
        assert!(!same_secret("ab", "abc"));
    }
}
