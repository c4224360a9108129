//! The web test harness: `examkit serve` started as a real process on an ephemeral port
//! with a temporary data folder, a small HTTP client for the API, and a real headless
//! Chromium driven over WebDriver (Debian's `chromium` and `chromium-driver`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running `examkit serve`.
pub struct TestServer {
    child: Child,
    /// The URL it printed, ending in `/`.
    pub url: String,
    /// Everything it printed before "Press Ctrl-C".
    pub banner: Vec<String>,
    /// The data folder (kept if the caller gave one).
    pub data: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

impl TestServer {
    /// Start a server on 127.0.0.1 with a fresh data folder and the shipped bank.
    pub fn start(extra: &[&str]) -> TestServer {
        let temp = tempfile::tempdir().unwrap();
        let data = temp.path().to_path_buf();
        let mut server = TestServer::start_in(&data, extra);
        server._temp = Some(temp);
        server
    }

    /// Start a server using the data folder `data`.
    pub fn start_in(data: &Path, extra: &[&str]) -> TestServer {
        let root = super::root();
        let mut child = Command::new(env!("CARGO_BIN_EXE_examkit"))
            .current_dir(&root)
            .args(["serve", "--port", "0", "--data"])
            .arg(data)
            .args(extra)
            // One cache of the checked bank for every test server: starting is then fast.
            .env(
                "EXAMKIT_CACHE_DIR",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve-cache"),
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start examkit serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut banner = Vec::new();
        loop {
            match rx.recv_timeout(Duration::from_secs(60)) {
                Ok(line) if line.starts_with("Press Ctrl-C") => break,
                Ok(line) => banner.push(line),
                Err(_) => {
                    let _ = child.kill();
                    panic!("examkit serve did not start; it printed {banner:?}");
                }
            }
        }
        let url = banner
            .iter()
            .find_map(|l| l.strip_prefix("Open "))
            .and_then(|l| l.split_whitespace().next())
            .expect("the server prints the URL to open")
            .to_string();
        TestServer {
            child,
            url,
            banner,
            data: data.to_path_buf(),
            _temp: None,
        }
    }

    /// `path` on this server (`path` starts with `/`).
    pub fn at(&self, path: &str) -> String {
        format!("{}{}", self.url.trim_end_matches('/'), path)
    }

    /// The value printed after `prefix` in the banner (e.g. the class code).
    pub fn printed(&self, prefix: &str) -> Option<String> {
        self.banner
            .iter()
            .find_map(|l| l.split_once(prefix).map(|(_, rest)| rest.to_string()))
    }

    /// Kill the server the hard way (SIGKILL): no chance to flush or tidy anything.
    pub fn kill9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP agent that reports error statuses as responses (tests check them).
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

/// A headless Chromium session and the chromedriver behind it.
pub struct Browser {
    /// The WebDriver client.
    pub client: fantoccini::Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Start chromedriver and a headless Chromium, or `None` (with a message saying why)
    /// when chromedriver is not installed on this machine. On CI it must be: there a missing
    /// chromedriver fails the test instead.
    pub async fn start() -> Option<Browser> {
        let Some(driver_path) = find_chromedriver() else {
            if std::env::var_os("CI").is_some() {
                panic!("chromedriver is missing on CI: .ci/run installs chromium-driver");
            }
            eprintln!(
                "SKIPPED: chromedriver not found; install Debian's `chromium chromium-driver` \
                 to run the browser tests"
            );
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().unwrap();
        let mut caps = serde_json::Map::new();
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1200,900".into(),
        ];
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let mut options = serde_json::json!({ "args": args });
        if Path::new("/usr/bin/chromium").exists() {
            options["binary"] = "/usr/bin/chromium".into();
        }
        caps.insert("goog:chromeOptions".into(), options);
        let webdriver = format!("http://127.0.0.1:{port}");
        let mut last = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match fantoccini::ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => {
                    return Some(Browser {
                        client,
                        driver,
                        _profile: profile,
                    });
                }
                Err(e) => {
                    last = Some(e);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        panic!("could not start a Chromium session: {last:?}");
    }

    /// End the session and stop chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn find_chromedriver() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromedriver"))
        .find(|p| p.is_file())
}

/// POST `body` over a plain socket and read whatever answer comes back, for requests the
/// server answers before reading the body (too large, not allowed): an HTTP client that
/// insists on sending the whole body first reports a broken pipe instead of the answer.
pub fn raw_post(url: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    use std::io::{Read, Write};
    let host = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = std::net::TcpStream::connect(&host).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    let _ = stream.write_all(request.as_bytes());
    let _ = stream.write_all(body);
    let mut got = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&got).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP answer: {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (status, body)
}

/// The text of the first element matching `css` once it shows `want`; waits up to ten
/// seconds (pages fill in from scripts and forms post), then fails with what it last showed.
pub async fn wait_for_text(browser: &Browser, css: &str, want: &str) -> String {
    let mut last = String::new();
    for _ in 0..200 {
        if let Ok(el) = browser.client.find(fantoccini::Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if last.contains(want) {
                return last;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("`{css}` never showed `{want}`; last it showed `{last}`");
}
