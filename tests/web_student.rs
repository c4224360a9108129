//! The student pages in a real headless Chromium: choose, answer (the draft saved as one
//! types and back after a reload), mark, see the highlighted evidence and the mark, and a
//! typed `<script>` shown as text. One browser session for every step, so it takes seconds.

mod common;

use common::web::{Browser, TestServer, wait_for_text};
use fantoccini::Locator;
use std::time::Duration;

async fn click(c: &fantoccini::Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn text(c: &fantoccini::Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn value(c: &fantoccini::Client, css: &str) -> Option<String> {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
}

/// Wait until the browser is at a path starting with `prefix`; returns the path.
async fn wait_for_path(browser: &Browser, prefix: &str) -> String {
    let mut last = None;
    for _ in 0..200 {
        let url = browser.client.current_url().await.unwrap();
        if url.path().starts_with(prefix) {
            return url.path().to_string();
        }
        last = Some(url.to_string());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("never reached {prefix}; at {last:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_student_answers_is_marked_with_highlighted_evidence_and_keeps_drafts() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let server = TestServer::start(&[]);
    let c = &browser.client;

    // Choose: AQA, one topic, describe questions.
    c.goto(&server.url).await.unwrap();
    click(c, "input[name=board][value=aqa]").await;
    click(c, "input[name=topic][value=de-stalinisation]").await;
    click(c, "select#type option[value=describe]").await;
    click(c, "form.choose button[type=submit]").await;
    wait_for_path(&browser, "/q/de-stalinisation-").await;
    let head = text(c, ".qhead").await;
    assert!(head.contains("Command word: Describe"), "{head}");
    assert!(head.contains("marks]"), "AQA prints [N marks]: {head}");

    // A question whose scheme we know the marks for.
    c.goto(&format!(
        "{}q/de-stalinisation-describe-actions?board=aqa",
        server.url
    ))
    .await
    .unwrap();

    // Type: the word count follows, the draft is saved on the server.
    let answer = "Kruschev closed Cominform. He also took soviet troops out of austria.";
    let box_ = c.find(Locator::Css("textarea#answer")).await.unwrap();
    box_.send_keys(answer).await.unwrap();
    wait_for_text(&browser, "#word-count", "11 words").await;
    wait_for_text(&browser, "#draft-status", "Draft saved").await;
    c.refresh().await.unwrap();
    let restored = value(c, "textarea#answer").await;
    assert_eq!(
        restored.as_deref(),
        Some(answer),
        "the draft is back after a reload"
    );
    let status = text(c, "#draft-status").await;
    assert!(status.contains("Your draft from"), "{status}");

    // Mark: the mark, and the words that earned each point highlighted with a legend.
    click(c, "#answer-form button.primary").await;
    let first_attempt = wait_for_path(&browser, "/attempts/").await;
    let heading = wait_for_text(&browser, "#score-heading", "You scored").await;
    let marks = c
        .find_all(Locator::Css("blockquote.answer mark.hl"))
        .await
        .unwrap();
    let mut marked = Vec::new();
    for m in &marks {
        marked.push(m.text().await.unwrap());
    }
    assert!(heading.contains("You scored 2 out of 4"), "{heading}");
    assert!(marked.iter().any(|m| m.contains("Cominform")), "{marked:?}");
    assert!(marked.iter().any(|m| m.contains("austria")), "{marked:?}");
    let legend = text(c, "ol.legend").await;
    assert!(legend.contains("you made this point"), "{legend}");
    let model = text(c, ".model").await;
    assert!(model.contains("A model answer"), "{model}");

    // Try again: the last answer is in the box; both attempts are kept.
    c.find(Locator::LinkText("Try again"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_path(&browser, "/q/").await;
    let again = value(c, "textarea#answer").await;
    assert_eq!(again.as_deref(), Some(answer));
    let box_ = c.find(Locator::Css("textarea#answer")).await.unwrap();
    box_.clear().await.unwrap();
    box_.send_keys("<script>window.pwned = 1</script> Khrushchev closed Cominform.")
        .await
        .unwrap();
    click(c, "#answer-form button.primary").await;
    let second = wait_for_path(&browser, "/attempts/").await;
    let shown = wait_for_text(&browser, "blockquote.answer", "<script>").await;
    assert!(shown.contains("window.pwned = 1</script>"), "{shown}");
    let pwned = c
        .execute("return typeof window.pwned;", vec![])
        .await
        .unwrap();
    assert_eq!(pwned, "undefined", "the typed script did not run");
    let attempts = text(c, "ol.attempts").await;
    assert!(attempts.contains("(this one)"), "{attempts}");
    assert_ne!(second, first_attempt);

    // Progress: both attempts, by topic.
    c.goto(&format!("{}progress", server.url)).await.unwrap();
    let topics = text(c, "table.topics").await;
    assert!(topics.contains("De-Stalinisation"), "{topics}");
    let rows = c
        .find_all(Locator::Css("table.attempts-table tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);

    browser.close().await;
}
