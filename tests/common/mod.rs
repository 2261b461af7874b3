//! Test harness: every test gets its own fresh PostgreSQL database, copied
//! from a template that holds the migrated schema, the national region list
//! and the demo data, and the real router served over HTTP on a free port.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use reqwest::header::HeaderMap;
use reqwest::redirect::Policy;
use selaras::app::{self, AppState};
use selaras::config::Config;
use sha2::{Digest, Sha256};
use sqlx::{Connection, Executor, PgConnection, PgPool};

pub mod fixtures;

pub const PASSWORD: &str = selaras::demo::DEFAULT_PASSWORD;

/// The server as the test sees it: its address and its database.
pub struct TestApp {
    pub base: String,
    pub db: PgPool,
    pub db_url: String,
}

pub fn admin_url() -> String {
    std::env::var("SELARAS_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

pub fn url_for(db: &str) -> String {
    let admin = admin_url();
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{db}")
}

/// The template's name changes whenever the migrations or the demo data do.
fn template_name() -> String {
    let mut h = Sha256::new();
    for m in selaras::db::MIGRATOR.iter() {
        h.update(&m.checksum);
    }
    h.update(include_str!("../../src/demo/mod.rs"));
    h.update(include_str!("../../src/demo/plans.rs"));
    h.update(include_str!("../../src/demo/collaboration.rs"));
    h.update(include_str!("../../src/demo/proposals.rs"));
    h.update(include_str!("../../src/demo/findings.rs"));
    h.update(include_str!("../../data/demo/plans.json"));
    let digest = h.finalize();
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("selaras_tpl_{hex}")
}

async fn admin_conn() -> PgConnection {
    PgConnection::connect(&admin_url())
        .await
        .unwrap_or_else(|e| {
            panic!(
                "tests need PostgreSQL at {} (set SELARAS_TEST_DATABASE_URL): {e}",
                admin_url()
            )
        })
}

async fn ensure_template(conn: &mut PgConnection, name: &str) {
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(name)
            .fetch_one(&mut *conn)
            .await
            .unwrap();
    if exists {
        return;
    }
    let building = format!("{name}_building");
    conn.execute(format!("DROP DATABASE IF EXISTS {building}").as_str())
        .await
        .unwrap();
    conn.execute(format!("CREATE DATABASE {building}").as_str())
        .await
        .unwrap();
    {
        let url = url_for(&building);
        let pool = selaras::db::connect(&url).await.unwrap();
        selaras::db::migrate(&pool, &url).await.unwrap();
        selaras::demo::load(&pool, PASSWORD).await.unwrap();
        pool.close().await;
    }
    conn.execute(format!("ALTER DATABASE {building} RENAME TO {name}").as_str())
        .await
        .unwrap();
}

/// Drops test databases left behind by earlier runs (older than a quarter
/// of an hour: no test runs that long, and a day of runs would otherwise
/// fill the disk with thousands of copies of the demo).
async fn drop_stale(conn: &mut PgConnection) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname FROM pg_database WHERE datname LIKE 'selaras_test_%'")
            .fetch_all(&mut *conn)
            .await
            .unwrap();
    for n in names {
        let born: u64 = n
            .split('_')
            .nth(2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if born + 900 < now {
            let _ = conn
                .execute(format!("DROP DATABASE IF EXISTS {n} WITH (FORCE)").as_str())
                .await;
        }
    }
}

/// A fresh database with the demo data, migrated.
/// A name for a test database that the harness drops once it is stale.
pub fn test_database_name() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    format!("selaras_test_{secs}_{}", uuid::Uuid::new_v4().simple())
}

pub async fn fresh_database() -> (PgPool, String) {
    let mut conn = admin_conn().await;
    // One test at a time builds the template and copies it.
    conn.execute("SELECT pg_advisory_lock(727272)")
        .await
        .unwrap();
    let tpl = template_name();
    ensure_template(&mut conn, &tpl).await;
    drop_stale(&mut conn).await;
    let name = test_database_name();
    conn.execute(format!("CREATE DATABASE {name} TEMPLATE {tpl}").as_str())
        .await
        .unwrap();
    conn.execute("SELECT pg_advisory_unlock(727272)")
        .await
        .unwrap();
    let url = url_for(&name);
    let pool = selaras::db::connect(&url).await.unwrap();
    (pool, url)
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like `spawn_app`, after `tweak` has changed the configuration.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let (db, db_url) = fresh_database().await;
    serve_on(db, db_url, tweak).await
}

/// The app served on an existing database (a restored backup).
pub async fn spawn_app_on(db_url: String) -> TestApp {
    let db = selaras::db::connect(&db_url).await.unwrap();
    serve_on(db, db_url, |_| {}).await
}

/// Like `spawn_app_on`, after `tweak` has changed the configuration.
pub async fn spawn_app_on_with(db_url: String, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let db = selaras::db::connect(&db_url).await.unwrap();
    serve_on(db, db_url, tweak).await
}

async fn serve_on(db: PgPool, db_url: String, tweak: impl FnOnce(&mut Config)) -> TestApp {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let mut config = Config::new(db_url.clone(), addr);
    // Keep the slow-down real but short, so throttling tests stay fast.
    config.throttle.delay_step = Duration::from_millis(5);
    config.throttle.max_delay = Duration::from_millis(20);
    // Tests sign one user in many times within 30 seconds; the refusal of
    // a reused code has its own test, with this on.
    config.totp_refuse_replay = false;
    // Every write must ask the policy (a forgotten check fails its test).
    config.require_policy = true;
    // A test reads its own writes as a visitor at once; the page cache
    // has its own test.
    config.page_cache = Duration::ZERO;
    tweak(&mut config);
    let state = AppState::new(db.clone(), config);
    tokio::spawn(async move {
        app::serve(listener, state).await.unwrap();
    });
    TestApp {
        base: format!("http://{addr}"),
        db,
        db_url,
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (so
/// tests can assert them).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client.post(self.url(path)).form(form).send().await.unwrap()
    }

    /// Signs in through the form, with the second step for staff (the
    /// demo's shared TOTP secret); panics unless it succeeds.
    pub async fn login(&self, username: &str) -> reqwest::Client {
        let c = client();
        let res = self
            .post_form(
                &c,
                "/login",
                &[
                    ("username", username),
                    ("password", PASSWORD),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "sign-in of {username} failed");
        let to = res.headers()["location"].to_str().unwrap().to_string();
        if to.starts_with("/login/kode") {
            let res = self.second_step(&c).await;
            assert_eq!(res.status(), 303, "second step of {username} failed");
        }
        c
    }

    /// Posts the sign-in form (the password step alone) for `username`.
    pub async fn password_step(&self, c: &reqwest::Client, username: &str) -> reqwest::Response {
        self.post_form(
            c,
            "/login",
            &[("username", username), ("password", PASSWORD)],
        )
        .await
    }

    /// Sends the current code of the demo secret to the second step.
    pub async fn second_step(&self, c: &reqwest::Client) -> reqwest::Response {
        let code = demo_code();
        self.post_form(c, "/login/kode", &[("kode", &code), ("next", "/")])
            .await
    }

    /// The id of a user by username.
    pub async fn user_id(&self, username: &str) -> uuid::Uuid {
        sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(&self.db)
            .await
            .unwrap()
    }
}

/// The current one-time code of the demo's shared staff secret.
pub fn demo_code() -> String {
    let secret = selaras::auth::totp::from_base32(selaras::auth::totp::DEMO_SECRET).unwrap();
    selaras::auth::totp::code_now(&secret)
}

/// The session cookie value a response set, if any.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("selaras_sesi=") || v.starts_with("__Host-selaras_sesi="))
        .map(|v| v.to_string())
}

pub async fn text(res: reqwest::Response) -> String {
    res.text().await.unwrap()
}

/// What the fake mail server received, each message as its text.
pub type Mail = std::sync::Arc<std::sync::Mutex<Vec<String>>>;

/// A minimal SMTP server that accepts everything and keeps the messages.
pub async fn fake_smtp() -> (String, Mail) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("smtp://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let store = got.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            let store = store.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = tokio::io::BufReader::new(r).lines();
                w.write_all(b"220 uji ESMTP\r\n").await.unwrap();
                let mut data = None::<String>;
                while let Ok(Some(line)) = lines.next_line().await {
                    let line = line.trim_end_matches('\r').to_string();
                    if let Some(buf) = data.as_mut() {
                        if line == "." {
                            store.lock().unwrap().push(std::mem::take(buf));
                            data = None;
                            w.write_all(b"250 OK\r\n").await.unwrap();
                        } else {
                            buf.push_str(&line);
                            buf.push('\n');
                        }
                        continue;
                    }
                    let reply: &[u8] =
                        match line.get(..4).unwrap_or("").to_ascii_uppercase().as_str() {
                            "EHLO" | "HELO" => b"250 uji\r\n",
                            "DATA" => {
                                data = Some(String::new());
                                b"354 go\r\n"
                            }
                            "QUIT" => {
                                w.write_all(b"221 bye\r\n").await.unwrap();
                                return;
                            }
                            _ => b"250 OK\r\n",
                        };
                    w.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (url, got)
}

/// Waits (up to 10 s) for a message holding `needle` and returns it.
pub async fn mail_with(got: &Mail, needle: &str) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(m) = got
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.contains(needle))
            .cloned()
        {
            return m;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no email with {needle:?} arrived"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The 64-hex-digit token of the first `/tautan/` link in a message.
pub fn link_token(mail: &str) -> String {
    let at = mail.find("/tautan/").expect("a link") + "/tautan/".len();
    mail[at..]
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .take(64)
        .collect()
}
