//! Joining a class on a network server: the class code and a name make a student, whose
//! secret token goes in a cookie. Open to all (it is how one gets in).

use crate::web::access::{STUDENT_COOKIE, session_cookie};
use crate::web::error::WebError;
use crate::web::layout::join_page;
use crate::web::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use axum_extra::extract::CookieJar;
use serde::Deserialize;

/// Longest name accepted.
pub const MAX_NAME_CHARS: usize = 60;

/// `/join`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/join", get(form).post(join))
}

async fn form(State(state): State<AppState>) -> Response {
    if state.access.open {
        return Redirect::to("/").into_response();
    }
    join_page(None).into_response()
}

/// The join form's fields.
#[derive(Debug, Deserialize)]
struct JoinForm {
    code: String,
    name: String,
}

async fn join(
    State(state): State<AppState>,
    jar: CookieJar,
    Form(form): Form<JoinForm>,
) -> Result<Response, WebError> {
    if state.access.open {
        return Ok(Redirect::to("/").into_response());
    }
    if !state.access.class_code_matches(&form.code) {
        let page = join_page(Some(
            "That class code is not right. Check it with your teacher and type it again.",
        ));
        return Ok((StatusCode::FORBIDDEN, page).into_response());
    }
    let name = form.name.trim().to_string();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        let page = join_page(Some(&format!(
            "Type your name (1 to {MAX_NAME_CHARS} characters) so your teacher knows whose answers these are."
        )));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let student = state.store.call(move |s| s.add_student(&name)).await?;
    let jar = jar.add(session_cookie(STUDENT_COOKIE, student.token));
    Ok((jar, Redirect::to("/")).into_response())
}
