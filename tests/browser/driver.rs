//! Starting chromedriver and a headless Chromium for one test.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub enum Viewport {
    Desktop,
    /// A 360 px wide phone, as village operators use.
    Phone,
}

pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: std::path::PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn find(candidates: &[&str], what: &str) -> String {
    candidates
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| p.to_string())
        .unwrap_or_else(|| panic!("{what} not found (tried {candidates:?}); install Debian's chromium and chromium-driver, as .ci/run does"))
}

impl Browser {
    pub async fn start(viewport: Viewport) -> Browser {
        let chromedriver = find(&["/usr/bin/chromedriver"], "chromedriver");
        let chromium = find(
            &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
            "chromium",
        );
        let port = free_port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile =
            std::env::temp_dir().join(format!("selaras-chromium-{}", uuid::Uuid::new_v4()));
        let size = match viewport {
            Viewport::Desktop => "--window-size=1280,900",
            Viewport::Phone => "--window-size=360,740",
        };
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            format!("--user-data-dir={}", profile.display()),
            size.into(),
        ];
        if matches!(viewport, Viewport::Phone) {
            args.push("--force-device-scale-factor=1".into());
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium, "args": args }),
        );
        // Poll until chromedriver answers, with a deadline.
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("could not start a browser session: {e}"),
            }
        };
        if matches!(viewport, Viewport::Phone) {
            // Headless windows ignore --window-size on some versions.
            let _ = client.set_window_size(360, 740).await;
        }
        Browser {
            client,
            driver,
            profile,
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// Waits (with a deadline, never a fixed sleep) until the first element
/// matching `css` contains `needle`; returns its text.
pub async fn wait_for_text(c: &Client, css: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(el) = c.find(Locator::Css(css)).await
            && let Ok(t) = el.text().await
            && t.contains(needle)
        {
            return t;
        }
        if Instant::now() > deadline {
            let src = c.source().await.unwrap_or_default();
            panic!("timed out waiting for {css:?} to contain {needle:?}; page:\n{src}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Types into the field matching `css`.
pub async fn fill(c: &Client, css: &str, value: &str) {
    let el = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    el.clear().await.ok();
    el.send_keys(value).await.unwrap();
}

pub async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Signs out through the header, as a person would: on a phone the menu
/// opens first.
pub async fn sign_out(c: &Client) {
    if let Ok(menu) = c.find(Locator::Css(".menu-phone > summary")).await
        && menu.is_displayed().await.unwrap_or(false)
    {
        menu.click().await.unwrap();
    }
    let mut done = false;
    for b in c
        .find_all(Locator::Css("form[action='/logout'] button"))
        .await
        .unwrap()
    {
        if b.is_displayed().await.unwrap_or(false) {
            b.click().await.unwrap();
            done = true;
            break;
        }
    }
    assert!(done, "no visible Keluar button");
    wait_for_text(c, "h1", "Masuk ke Selaras").await;
}

pub async fn select(c: &Client, css: &str, value: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{css} = {value}: {e}"));
}

/// Signs in through the form (and, for staff, its second step) and waits
/// for the home page.
pub async fn sign_in(c: &Client, base: &str, username: &str, password: &str) {
    c.goto(&format!("{base}/login")).await.unwrap();
    fill(c, "#username", username).await;
    fill(c, "#password", password).await;
    click(c, "form.form button[type=submit]").await;
    second_step_if_asked(c).await;
    wait_for_text(c, "h1", "Selamat datang").await;
}

/// After the password: when the page asks for a one-time code (staff),
/// types the demo secret's current code the way an authenticator app user
/// would, and sends it.
pub async fn second_step_if_asked(c: &Client) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let url = c
            .current_url()
            .await
            .map(|u| u.path().to_string())
            .unwrap_or_default();
        if url.starts_with("/login/kode") {
            fill(
                c,
                "input[autocomplete=one-time-code]",
                &crate::common::demo_code(),
            )
            .await;
            click(c, "form.form button[type=submit]").await;
            return;
        }
        if url != "/login" || Instant::now() > deadline {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// axe-core (MPL-2.0, `tests/vendor/`), injected over WebDriver.
const AXE: &str = include_str!("../vendor/axe.min.js");

/// Runs the axe-core WCAG 2.2 A/AA rules on the current page and panics
/// on any serious or critical violation, naming the rule and where.
pub async fn assert_accessible(c: &Client, what: &str) {
    c.execute(&format!("{AXE}\n;return true;"), vec![])
        .await
        .unwrap();
    let found = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
               .then(r => done(r.violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ' [' + v.impact + ']: ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .unwrap();
    let list: Vec<String> = serde_json::from_value(found).unwrap_or_default();
    assert!(
        list.is_empty(),
        "accessibility of {what}:\n{}",
        list.join("\n")
    );
}
