//! `examkit serve` through its JSON API and its access rules, as another tool (or a
//! classroom) meets them: a real server process on an ephemeral port.

mod common;

use common::web::{TestServer, agent, raw_post};
use serde_json::Value;

const QUESTION: &str = "de-stalinisation-describe-actions";
const ANSWER: &str = "Kruschev closed Cominform. He also took soviet troops out of austria.";

fn json(resp: ureq::http::Response<ureq::Body>) -> (u16, Value) {
    let status = resp.status().as_u16();
    let body: Value = resp.into_body().read_json().unwrap();
    (status, body)
}

#[test]
fn api_mark_returns_exactly_what_mark_format_json_prints() {
    let server = TestServer::start(&[]);
    let resp = agent()
        .post(server.at("/api/mark"))
        .send_json(serde_json::json!({ "question": QUESTION, "answer": ANSWER }))
        .unwrap();
    assert_eq!(resp.status(), 200);
    let body = resp.into_body().read_to_string().unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_examkit"))
        .current_dir(common::root())
        .args([
            "mark",
            "--format",
            "json",
            "--question",
            QUESTION,
            "--answer",
            ANSWER,
        ])
        .output()
        .unwrap();
    assert!(cli.status.success());
    assert_eq!(body, String::from_utf8(cli.stdout).unwrap());
    let report: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(report["result"]["awarded"], 2, "{report}");

    // Mistakes name the field and what to do.
    let (status, err) = json(
        agent()
            .post(server.at("/api/mark"))
            .send_json(serde_json::json!({ "question": "no-such-question", "answer": "x" }))
            .unwrap(),
    );
    assert_eq!(status, 404);
    assert!(
        err["error"].as_str().unwrap().contains("no-such-question"),
        "{err}"
    );
    let long = "word ".repeat(5000);
    let (status, err) = json(
        agent()
            .post(server.at("/api/mark"))
            .send_json(serde_json::json!({ "question": QUESTION, "answer": long }))
            .unwrap(),
    );
    assert_eq!(status, 422);
    assert_eq!(err["field"], "answer");
    assert!(
        err["error"].as_str().unwrap().contains("Shorten it"),
        "{err}"
    );
    let huge = "x".repeat(400 * 1024);
    let (status, body) = raw_post(
        &server.url,
        "/api/mark",
        &[("content-type", "application/json")],
        format!("{{\"question\":\"{QUESTION}\",\"answer\":\"{huge}\"}}").as_bytes(),
    );
    let err: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(status, 413);
    assert!(err["error"].as_str().unwrap().contains("256 KB"), "{err}");
}

#[test]
fn questions_filter_by_board_topic_and_type() {
    let server = TestServer::start(&[]);
    let (status, all) = json(agent().get(server.at("/api/questions")).call().unwrap());
    assert_eq!(status, 200);
    let (_, cuba) = json(
        agent()
            .get(server.at("/api/questions?board=cie&topic=cuba&topic=korea"))
            .call()
            .unwrap(),
    );
    let list = cuba["questions"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.len() < all["questions"].as_array().unwrap().len());
    for q in list {
        assert!(
            q["boards"].as_array().unwrap().contains(&"cie".into()),
            "{q}"
        );
        assert!(
            ["cuba", "korea"].contains(&q["topic"].as_str().unwrap()),
            "{q}"
        );
    }
    let (_, explain) = json(
        agent()
            .get(server.at("/api/questions?type=explain"))
            .call()
            .unwrap(),
    );
    assert!(
        explain["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q["type"] == "explain")
    );
    let (status, err) = json(
        agent()
            .get(server.at("/api/questions?board=ocr"))
            .call()
            .unwrap(),
    );
    assert_eq!(status, 422);
    assert_eq!(err["field"], "board");

    // The page sets a question as the papers print it: a narrative question's prompts are a
    // list, apart from "You must also use information of your own", and quotes are curly.
    let page = |path: &str| {
        agent()
            .get(server.at(path))
            .call()
            .unwrap()
            .into_body()
            .read_to_string()
            .unwrap()
    };
    let narrative = page("/q/cuba-narrative?board=edexcel");
    assert!(
        narrative.contains(
            "<ul class=\"prompts\"><li>the U2 photographs (14 October)</li><li>the naval blockade"
        ),
        "{narrative}"
    );
    assert!(narrative.contains("<p>You must also use information of your own.</p>"));
    let judgement = page("/q/cuba-structured/c?board=cie");
    assert!(
        judgement.contains("‘Kennedy’s leadership was the main reason nuclear war was avoided"),
        "{judgement}"
    );
}

#[test]
fn drafts_and_attempts_are_kept_and_an_attempt_survives_kill_9() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start_in(data.path(), &[]);
    let a = agent();
    let (status, saved) = json(
        a.put(server.at(&format!("/api/drafts/{QUESTION}")))
            .send_json(serde_json::json!({ "answer": "half an ans" }))
            .unwrap(),
    );
    assert_eq!((status, saved["saved"].clone()), (200, Value::Bool(true)));
    let (_, draft) = json(
        a.get(server.at(&format!("/api/drafts/{QUESTION}")))
            .call()
            .unwrap(),
    );
    assert_eq!(draft["answer"], "half an ans");
    // The page's form: marked, stored, then redirected to the result.
    let resp = a
        .post(server.at("/mark"))
        .send_form([("question", QUESTION), ("answer", ANSWER), ("from", "")])
        .unwrap();
    assert_eq!(resp.status(), 303);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/attempts/"), "{location}");
    server.kill9();

    let server = TestServer::start_in(data.path(), &[]);
    let (_, attempts) = json(agent().get(server.at("/api/attempts")).call().unwrap());
    let list = attempts["attempts"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{attempts}");
    assert_eq!(list[0]["answer"], ANSWER);
    assert_eq!(list[0]["awarded"], 2);
    let (_, draft) = json(
        agent()
            .get(server.at(&format!("/api/drafts/{QUESTION}")))
            .call()
            .unwrap(),
    );
    assert_eq!(draft["answer"], Value::Null, "marking clears the draft");
    let page = agent()
        .get(server.at(&location))
        .call()
        .unwrap()
        .into_body()
        .read_to_string()
        .unwrap();
    assert!(page.contains("You scored"), "{page}");
    // The API's own submission returns the report with the attempt.
    let (status, added) = json(
        agent()
            .post(server.at("/api/attempts"))
            .send_json(
                serde_json::json!({ "question": QUESTION, "answer": "Cominform was closed." }),
            )
            .unwrap(),
    );
    assert_eq!(status, 200);
    assert_eq!(added["report"]["kind"], "answer");
    assert!(added["attempt"].as_i64().unwrap() > list[0]["attempt"].as_i64().unwrap());
}

#[test]
fn a_server_that_requires_login_refuses_without_the_class_code_or_teacher_token() {
    let server = TestServer::start(&[
        "--require-login",
        "--class-code",
        "ABCD-2345",
        "--teacher-token",
        "s3cret-token",
    ]);
    assert_eq!(
        server.printed("Class code for students: ").as_deref(),
        Some("ABCD-2345")
    );
    let a = agent();
    for path in ["/", "/progress", "/q/cuba-source-cartoon"] {
        let resp = a.get(server.at(path)).call().unwrap();
        assert_eq!(resp.status(), 401, "{path}");
        let body = resp.into_body().read_to_string().unwrap();
        assert!(body.contains("Join your class"), "{path}: {body}");
    }
    let (status, err) = json(a.get(server.at("/api/questions")).call().unwrap());
    assert_eq!(status, 401);
    assert!(
        err["error"].as_str().unwrap().contains("class code"),
        "{err}"
    );
    let (status, _) = raw_post(
        &server.url,
        "/api/mark",
        &[("content-type", "application/json")],
        serde_json::json!({ "question": QUESTION, "answer": ANSWER })
            .to_string()
            .as_bytes(),
    );
    assert_eq!(status, 401);

    // Teachers: 401 without the token, 403 with a wrong one, in with the right one.
    assert_eq!(a.get(server.at("/teacher/")).call().unwrap().status(), 401);
    assert_eq!(
        a.get(server.at("/teacher/?token=guess"))
            .call()
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        a.get(server.at("/teacher/"))
            .header("authorization", "Bearer wrong")
            .call()
            .unwrap()
            .status(),
        403
    );
    let resp = a
        .get(server.at("/teacher/"))
        .header("authorization", "Bearer s3cret-token")
        .call()
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.into_body()
            .read_to_string()
            .unwrap()
            .contains("ABCD-2345")
    );
    let resp = a
        .get(server.at("/teacher/?token=s3cret-token"))
        .call()
        .unwrap();
    assert_eq!(resp.status(), 303, "the token moves into a cookie");
    assert!(
        resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("HttpOnly")
    );

    // Students: a wrong code is refused; the right one (typed loosely) lets them in.
    let resp = a
        .post(server.at("/join"))
        .send_form([("code", "WRONG-CODE"), ("name", "Sam")])
        .unwrap();
    assert_eq!(resp.status(), 403);
    let resp = a
        .post(server.at("/join"))
        .send_form([("code", "abcd 2345"), ("name", "Sam <b>Smith</b>")])
        .unwrap();
    assert_eq!(resp.status(), 303);
    let cookie = resp.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    let cookie = cookie.split(';').next().unwrap().to_string();
    let resp = a
        .get(server.at("/"))
        .header("cookie", &cookie)
        .call()
        .unwrap();
    assert_eq!(resp.status(), 200);
    let page = resp.into_body().read_to_string().unwrap();
    assert!(
        page.contains("Sam &lt;b&gt;Smith&lt;/b&gt;"),
        "names are escaped"
    );
    let (status, _) = json(
        a.get(server.at("/api/questions"))
            .header("cookie", &cookie)
            .call()
            .unwrap(),
    );
    assert_eq!(status, 200);

    // Another site's page cannot post on the student's behalf, even with their cookie.
    let form = format!("question={QUESTION}&answer=Cominform+was+closed");
    for forged in [
        ("origin", "http://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let (status, body) = raw_post(
            &server.url,
            "/mark",
            &[
                ("cookie", &cookie),
                ("content-type", "application/x-www-form-urlencoded"),
                forged,
            ],
            form.as_bytes(),
        );
        assert_eq!(status, 403, "{forged:?}");
        assert!(body.contains("another website"), "{body}");
    }
    let resp = a
        .post(server.at("/mark"))
        .header("cookie", &cookie)
        .header("sec-fetch-site", "same-origin")
        .send_form([("question", QUESTION), ("answer", ANSWER)])
        .unwrap();
    assert_eq!(resp.status(), 303);
}
