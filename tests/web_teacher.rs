//! The teacher pages in a real headless Chromium: make a paper and download it (the same
//! bytes as `examkit generate`), mark a class's upload (the same marks as `examkit mark
//! --batch`), moderate (the same figures as `examkit moderate`), and the bank page listing a
//! broken bank's problems as `examkit check` locates them. One browser for every step.

mod common;

use assert_cmd::cargo_bin_cmd;
use base64::Engine as _;
use common::web::{Browser, TestServer, wait_for_text};
use fantoccini::Locator;
use std::path::{Path, PathBuf};

fn bank_args(root: &Path) -> Vec<String> {
    vec![
        "--bank".into(),
        root.join("question-bank").display().to_string(),
        "--bank".into(),
        root.join("mark-schemes").display().to_string(),
    ]
}

/// The bytes at `href`, fetched by the page itself (its cookies, its origin).
async fn fetch(browser: &Browser, href: &str) -> Vec<u8> {
    let script = r#"
        const [href, done] = arguments;
        fetch(href).then(r => r.arrayBuffer()).then(buf => {
            const bytes = new Uint8Array(buf);
            let s = "";
            for (let i = 0; i < bytes.length; i += 0x8000) {
                s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
            }
            done(btoa(s));
        }, e => done("ERROR " + e));
    "#;
    let got = browser
        .client
        .execute_async(script, vec![serde_json::json!(href)])
        .await
        .unwrap();
    let text = got.as_str().unwrap().to_string();
    assert!(!text.starts_with("ERROR"), "{href}: {text}");
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

async fn click(browser: &Browser, css: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .click()
        .await
        .unwrap();
}

async fn set(browser: &Browser, css: &str, value: &str) {
    let el = browser.client.find(Locator::Css(css)).await.unwrap();
    el.clear().await.unwrap();
    el.send_keys(value).await.unwrap();
}

fn pdf_text(bytes: &[u8]) -> (String, u32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, bytes).unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let info = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    (String::from_utf8_lossy(&text.stdout).into_owned(), pages)
}

/// Answers to the AQA blueprint's four questions, one row per student, with a `<script>` in
/// a name (shown as text, never run).
const CLASS_CSV: &str = "student,01,02,03,04
Asha,\"The source shows Soviet control because Stalin set up communist governments in Eastern Europe after Yalta.\",\"The Berlin Wall stopped refugees leaving East Germany.\",\"The Soviet Union tested an atomic bomb in 1949, so the arms race began.\",\"Kennedy and Khrushchev agreed a hotline after the crisis.\"
<script>alert(1)</script>,\"I don't know.\",,,
Ben,\"Communists took power\",\"The wall was built in 1961 to stop people escaping to the West.\",,
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_makes_a_paper_marks_a_class_and_moderates() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let root = common::root();
    let args = bank_args(&root);
    let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let server = TestServer::start(&arg_refs);
    let c = &browser.client;

    // Home: the four jobs.
    c.goto(&server.at("/teacher/")).await.unwrap();
    let home = wait_for_text(&browser, "main", "Make a paper").await;
    for job in ["Mark a class", "Moderate", "The bank"] {
        assert!(home.contains(job), "{home}");
    }

    // Make a paper: the AQA blueprint, seed 7, two variants.
    c.goto(&server.at("/teacher/paper")).await.unwrap();
    click(&browser, "select#blueprint option[value=aqa-cold-war]").await;
    set(&browser, "#seed-b", "7").await;
    set(&browser, "#variants", "2").await;
    click(&browser, "form:has(#blueprint) button[type=submit]").await;
    let made = wait_for_text(&browser, "#made", "aqa-8145-1b-s7-v2").await;
    assert!(made.contains("aqa-8145-1b-s7-v1"), "{made}");
    // The preview shows the paper's first pages, their words as text.
    let preview = wait_for_text(&browser, ".preview", "Paper code 8145/1B").await;
    assert!(preview.contains("Preview: aqa-8145-1b-s7-v1"), "{preview}");
    let svg_text = c
        .find(Locator::Css(".preview svg.page-preview"))
        .await
        .unwrap()
        .html(false)
        .await
        .unwrap();
    assert!(svg_text.contains("GCSE History"), "{preview}");

    // The same files as `examkit generate` writes for the same inputs, byte for byte.
    let out = tempfile::tempdir().unwrap();
    cargo_bin_cmd!("examkit")
        .current_dir(out.path())
        .env("EXAMKIT_CACHE", "off")
        .arg("generate")
        .arg("--blueprint")
        .arg(root.join("examples/papers/aqa-cold-war.yaml"))
        .args(["--seed", "7", "--variants", "2"])
        .args(&args)
        .assert()
        .success();
    let written: Vec<PathBuf> = {
        let mut v: Vec<PathBuf> = std::fs::read_dir(out.path().join("out"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    assert_eq!(written.len(), 8, "{written:?}");
    let links = c
        .find_all(Locator::Css("table.files a[download]"))
        .await
        .unwrap();
    let mut hrefs = Vec::new();
    for link in &links {
        hrefs.push((
            link.attr("download").await.unwrap().unwrap(),
            link.attr("href").await.unwrap().unwrap(),
        ));
    }
    assert_eq!(hrefs.len(), written.len());
    for path in &written {
        let name = path.file_name().unwrap().to_str().unwrap();
        let (_, href) = hrefs
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no download for {name}: {hrefs:?}"));
        let got = fetch(&browser, href).await;
        assert!(
            got == std::fs::read(path).unwrap(),
            "{name} differs from generate's"
        );
    }
    let paper = fetch(
        &browser,
        &hrefs
            .iter()
            .find(|(n, _)| n == "aqa-8145-1b-s7-v1.pdf")
            .unwrap()
            .1,
    )
    .await;
    let (text, pages) = pdf_text(&paper);
    assert!(
        text.contains("GCSE History") && text.contains("Answer all"),
        "{text}"
    );
    assert!(pages >= 8 && pages % 4 == 0, "{pages} pages");
    // The zip holds every file.
    let zip_href = c
        .find(Locator::Css("a[href^='/teacher/paper/zip']"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let zip = fetch(&browser, &zip_href).await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    assert_eq!(archive.len(), 8);
    for path in &written {
        let name = path.file_name().unwrap().to_str().unwrap();
        let mut entry = archive.by_name(name).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        assert!(bytes == std::fs::read(path).unwrap(), "{name} in the zip");
    }

    // Mark a class on variant 1: the sheet shows the marks `examkit mark --batch` gives.
    click(&browser, "a[href^='/teacher/class?']").await;
    wait_for_text(&browser, "main", "Mark a class").await;
    let class = out.path().join("class-10b.csv");
    std::fs::write(&class, CLASS_CSV).unwrap();
    c.find(Locator::Css("#answers"))
        .await
        .unwrap()
        .send_keys(class.to_str().unwrap())
        .await
        .unwrap();
    click(
        &browser,
        "form[action='/teacher/class'] button[type=submit]",
    )
    .await;
    let sheet = wait_for_text(&browser, "table.sheet", "Asha").await;
    let expected = cargo_bin_cmd!("examkit")
        .current_dir(out.path())
        .env("EXAMKIT_CACHE", "off")
        .arg("mark")
        .arg("--paper")
        .arg(out.path().join("out/aqa-8145-1b-s7-v1.manifest.json"))
        .arg("--batch")
        .arg(&class)
        .args(&args)
        .output()
        .unwrap();
    assert!(
        expected.status.success(),
        "{}",
        String::from_utf8_lossy(&expected.stderr)
    );
    let csv_text = String::from_utf8(expected.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let mut asha_total = None;
    for row in rows.records() {
        let row = row.unwrap();
        let student = &row[0];
        let total = &row[row.len() - 4];
        let shown = c
            .find(Locator::XPath(&format!(
                "//table[contains(@class,'sheet')]//tr[th[normalize-space()=\"{}\"]]",
                student.replace('"', "")
            )))
            .await
            .unwrap_or_else(|e| panic!("no row for {student}: {e}\n{sheet}"))
            .text()
            .await
            .unwrap();
        let cells: Vec<&str> = shown.split_whitespace().collect();
        assert!(shown.contains(total), "{student}: {shown} vs {row:?}");
        if student == "Asha" {
            asha_total = Some(total.to_string());
            assert!(cells.len() >= 7, "{shown}");
        }
    }
    assert_ne!(
        asha_total.as_deref(),
        Some("0"),
        "Asha's answers earn marks"
    );
    assert!(
        sheet.contains("<script>alert(1)</script>"),
        "the name shows as text: {sheet}"
    );
    // The CSV download is the command line's sheet, byte for byte.
    let csv_href = c
        .find(Locator::Css("a[download$='-marks.csv']"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let (_, encoded) = csv_href.split_once("base64,").unwrap();
    let downloaded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .unwrap();
    assert_eq!(String::from_utf8(downloaded).unwrap(), csv_text);
    // The chart of points missed most, with its accessible title.
    let chart = c
        .find(Locator::Css("svg.chart-bars title"))
        .await
        .unwrap()
        .html(true)
        .await
        .unwrap();
    assert_eq!(chart, "Points the class missed most");

    // Moderate: the figures `examkit moderate` reports for the same file.
    let marked = out.path().join("marked.csv");
    std::fs::write(
        &marked,
        "question,answer,mark\n\
         de-stalinisation-describe-actions,Khrushchev closed Cominform and took Soviet troops out of Austria.,2\n\
         de-stalinisation-describe-actions,He was nice.,0\n\
         de-stalinisation-describe-actions,Khrushchev closed Cominform.,2\n",
    )
    .unwrap();
    let json = cargo_bin_cmd!("examkit")
        .arg("moderate")
        .arg("--schemes")
        .arg(root.join("question-bank"))
        .arg(root.join("mark-schemes"))
        .arg("--marked")
        .arg(&marked)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let exact = report["overall"]["agreement"]["exact"].as_f64().unwrap();
    let disagreements = report["disagreement_count"].as_u64().unwrap();
    c.goto(&server.at("/teacher/moderate")).await.unwrap();
    c.find(Locator::Css("#marked"))
        .await
        .unwrap()
        .send_keys(marked.to_str().unwrap())
        .await
        .unwrap();
    click(
        &browser,
        "form[action='/teacher/moderate'] button[type=submit]",
    )
    .await;
    let figures = wait_for_text(&browser, "main", "Agreement").await;
    assert!(figures.contains("3 answers"), "{figures}");
    assert!(
        figures.contains(&format!("{:.1}% exact", exact * 100.0)),
        "{figures}"
    );
    assert!(
        figures.contains(&format!("Disagreements, worst first ({disagreements})")),
        "{figures}"
    );
    let heat = c
        .find(Locator::Css("svg.chart-heat desc"))
        .await
        .unwrap()
        .html(true)
        .await
        .unwrap();
    assert!(heat.contains("Heat map of 3 answers"), "{heat}");

    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bank_page_lists_a_broken_banks_problems_where_check_finds_them() {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let bank = common::bank_copy();
    let qb = bank.path().join("question-bank");
    let ms = bank.path().join("mark-schemes");
    let server = TestServer::start(&[
        "--bank",
        qb.to_str().unwrap(),
        "--bank",
        ms.to_str().unwrap(),
    ]);
    let c = &browser.client;
    c.goto(&server.at("/teacher/bank")).await.unwrap();
    let page = wait_for_text(&browser, "main", "No problems").await;
    assert!(page.contains("Berlin"), "questions listed: {page}");

    // A teacher breaks a question file while the server runs.
    let file = qb.join("history/cuba.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replacen("marks:", "marks: lots\n    oops:", 1);
    std::fs::write(&file, broken).unwrap();
    let check = cargo_bin_cmd!("examkit")
        .arg("check")
        .arg(&qb)
        .arg(&ms)
        .output()
        .unwrap();
    assert!(!check.status.success());
    let report = String::from_utf8(check.stdout).unwrap();
    c.refresh().await.unwrap();
    let page = wait_for_text(&browser, "section.check", "error").await;
    let mut lines = report.lines();
    let summary = report.lines().last().unwrap();
    assert!(page.contains(summary), "{page}\n---\n{report}");
    let first = lines.next().unwrap();
    let (location, _) = first.split_once(": ").unwrap();
    assert!(page.contains(location), "{page}\n---\n{report}");
    browser.close().await;
}
