//! `selaras bench-serve` (issue 15, point 2): the real server, on a
//! scratch copy of the demo with an enacted RKPD of N sub kegiatan, loaded
//! by concurrent HTTP clients for a few seconds per page; and, in the same
//! run, a bare axum + sqlx page (one row from the database) so the
//! figures read as ratios of what this machine can do at all. Prints
//! req/s, p50/p95/p99 and bytes per answer for each page, and the
//! process's resident memory. A benchmark, not a test: it measures.
//!
//! Clients ask for gzip, as browsers do, and send no `If-None-Match`: every
//! answer is rendered. Server, PostgreSQL and clients share the machine's
//! cores, so the floor is measured under the same handicap.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use uuid::Uuid;

pub struct Options {
    pub sub_kegiatan: i32,
    pub clients: usize,
    pub seconds: u64,
    /// Also generate this province (`demo::province`), so every query
    /// runs over a province's data.
    pub province: Option<String>,
    /// Load only the pages whose name contains this (and the floor); the
    /// totals at the end are then left out.
    pub only: Option<String>,
}

/// Logging for the benchmark: warnings to standard error, and every
/// statement sqlx sends counted (so a page's statements can be read).
pub fn install_logging() {
    use tracing_subscriber::Layer;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let counted = crate::telemetry::CountStatements.with_filter(
        tracing_subscriber::filter::Targets::new()
            .with_target("sqlx::query", tracing::Level::TRACE),
    );
    let printed = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(tracing_subscriber::EnvFilter::new("warn,sqlx=error"));
    let _ = tracing_subscriber::registry()
        .with(counted)
        .with(printed)
        .try_init();
}

/// One measured request: a name, and what is sent.
struct Target {
    name: String,
    req: Req,
}

#[derive(Clone)]
struct Req {
    post: bool,
    uri: hyper::Uri,
    /// A form body, for a POST.
    form: String,
    /// The session cookie (`name=value`), for someone signed in.
    cookie: Option<String>,
}

impl Req {
    fn get(url: &str) -> Req {
        Req {
            post: false,
            uri: url.parse().expect("a bench address"),
            form: String::new(),
            cookie: None,
        }
    }
}

struct Figures {
    requests: usize,
    errors: usize,
    bytes: usize,
    /// Milliseconds, sorted.
    times: Vec<f64>,
    elapsed: f64,
}

impl Figures {
    fn pct(&self, p: f64) -> f64 {
        if self.times.is_empty() {
            return f64::NAN;
        }
        self.times[((self.times.len() as f64 - 1.0) * p).round() as usize]
    }

    fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed
    }
}

type Http = Client<HttpConnector, Full<Bytes>>;

pub async fn run(url: &str, o: Options) -> anyhow::Result<()> {
    let (pool, scratch) = super::Scratch::create(url).await?;
    let t = Instant::now();
    crate::demo::load(&pool, crate::demo::DEFAULT_PASSWORD).await?;
    if let Some(p) = &o.province {
        crate::demo::province::load(&pool, p, crate::demo::DEFAULT_PASSWORD, None).await?;
    }
    let big = super::build(&pool, o.sub_kegiatan).await?;
    // Enacted, so every visitor reads it (and its Cek).
    sqlx::query("UPDATE plans SET stage = 'ditetapkan' WHERE id = $1")
        .bind(big)
        .execute(&pool)
        .await?;
    sqlx::query("ANALYZE").execute(&pool).await?;
    let (items, proposals): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM plan_items), (SELECT count(*) FROM proposals)",
    )
    .fetch_one(&pool)
    .await?;
    println!(
        "data: demo{} + an enacted RKPD of {} sub kegiatan: {items} items, {proposals} proposals, built in {:.1} s",
        o.province
            .as_deref()
            .map(|p| format!(" + province {p}"))
            .unwrap_or_default(),
        o.sub_kegiatan,
        t.elapsed().as_secs_f64()
    );
    let one = |sql: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, String>(sql).fetch_one(&pool).await }
    };
    let demo_rkpd = one("SELECT id::text FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd' AND title NOT LIKE '%bench%'").await?;
    let item: Uuid = sqlx::query_scalar(
        "SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'sub_kegiatan' ORDER BY kode LIMIT 1",
    )
    .bind(big)
    .fetch_one(&pool)
    .await?;
    let nomor = one("SELECT nomor FROM proposals ORDER BY nomor LIMIT 1").await?;
    // The busiest kecamatan's list: the demo's, or the province's largest.
    let (region, kecamatan): (String, String) = sqlx::query_as(
        "SELECT p.region_kode, w.parent_kode FROM proposals p JOIN regions w ON w.kode = p.wilayah_kode
         WHERE w.level IN ('desa', 'kelurahan') GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1",
    )
    .fetch_one(&pool)
    .await?;
    let kamus =
        one("SELECT id::text FROM kamus_usulan WHERE region_kode = '33.71' ORDER BY nama LIMIT 1")
            .await?;
    let kelurahan = one("SELECT id::text FROM organizations WHERE region_kode = '33.71' AND code = 'kel-rejowinangun-utara'").await?;

    // The server, as `serve` runs it, on a free local port; the API's
    // per-client budget off (every client here is 127.0.0.1).
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let mut config = crate::config::Config::new(scratch.url.clone(), addr);
    config.api_requests_per_minute = 0;
    let state = crate::state::AppState::new(pool.clone(), config);
    let server = tokio::spawn(async move { crate::app::serve(listener, state).await });
    // The floor: a bare axum + sqlx page on its own port.
    let floor_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let floor_addr = floor_listener.local_addr()?;
    let floor_pool = pool.clone();
    let floor = tokio::spawn(async move {
        let app = Router::new().route(
            "/floor",
            get(move || {
                let pool = floor_pool.clone();
                async move {
                    let nama: String =
                        sqlx::query_scalar("SELECT nama FROM regions WHERE kode = '33.71'")
                            .fetch_one(&pool)
                            .await
                            .unwrap_or_default();
                    axum::response::Html(format!(
                        "<!doctype html><title>floor</title><p>{nama}</p>"
                    ))
                }
            }),
        );
        axum::serve(floor_listener, app).await
    });

    let base = format!("http://{addr}");
    let http: Http = Client::builder(TokioExecutor::new()).build_http();
    let kel = sign_in(&http, &base, "kelurahan.rejowinangun").await?;
    let pkk = sign_in(&http, &base, "pkk.magelang").await?;
    let submit = Req {
        post: true,
        uri: format!("{base}/usulan/baru").parse()?,
        form: format!(
            "source=musrenbang%3A{kelurahan}&title=Saluran+air+gang+bench&problem=Air+meluap+setiap+hujan.&solution=Saluran+baru+U-ditch.\
             &wilayah_kode=33.71.03.1003&kamus_id={kamus}&volume=80&satuan=&estimated_cost=120.000.000&target_year=2026"
        ),
        cookie: Some(kel.clone()),
    };
    let comment = Req {
        post: true,
        uri: format!("{base}/usulan/{nomor}/komentar").parse()?,
        form: "body=Mendukung+usulan+ini.".into(),
        cookie: Some(pkk),
    };
    let g = |name: &str, url: String| Target {
        name: name.to_string(),
        req: Req::get(&url),
    };
    let targets = [
        g(
            "floor (bare axum + sqlx, one row)",
            format!("http://{floor_addr}/floor"),
        ),
        g("public proposal page", format!("{base}/usulan/{nomor}")),
        g("demo RKPD plan page", format!("{base}/rencana/{demo_rkpd}")),
        Target {
            name: "demo RKPD plan page, signed in".into(),
            req: Req {
                cookie: Some(kel),
                ..Req::get(&format!("{base}/rencana/{demo_rkpd}"))
            },
        },
        g(
            "kecamatan's proposal list",
            format!("{base}/usulan?wilayah={region}&kecamatan={kecamatan}"),
        ),
        g("item page (a sub kegiatan)", format!("{base}/item/{item}")),
        g(
            "plan page (N sub kegiatan)",
            format!("{base}/rencana/{big}"),
        ),
        g(
            "Cek Keselarasan (N sub kegiatan)",
            format!("{base}/rencana/{big}/cek"),
        ),
        g("search (\"jalan\")", format!("{base}/cari?q=jalan")),
        g(
            "API: 500 items with indicators",
            format!("{base}/api/v1/plans/{big}/items?limit=500"),
        ),
        g(
            "API: 100 proposals",
            format!("{base}/api/v1/proposals?region={region}"),
        ),
        Target {
            name: "proposal submission (POST)".into(),
            req: submit,
        },
        Target {
            name: "comment posting (POST)".into(),
            req: comment,
        },
    ];
    let proposals_before: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&pool)
        .await?;
    // Taken around the load alone, so the benchmark's own counting is not
    // reported.
    let scans_before = seq_scans(&pool).await?;
    println!(
        "load: {} clients for {} s per page, gzip asked, no revalidation",
        o.clients, o.seconds
    );
    println!(
        "{:<36} {:>9} {:>8} {:>8} {:>8} {:>9} {:>7} {:>6}",
        "page", "req/s", "p50 ms", "p95 ms", "p99 ms", "bytes", "floor", "SQL"
    );
    let mut floor_rate = None;
    let mut submitted = 0;
    let chosen = |t: &&Target| {
        t.name.starts_with("floor") || o.only.as_ref().is_none_or(|w| t.name.contains(w.as_str()))
    };
    for t in targets.iter().filter(chosen) {
        // Statements of one request, alone.
        let before = crate::telemetry::statements();
        let alone = fetch(&http, &t.req).await.is_some();
        let statements = crate::telemetry::statements() - before;
        let f = load(&http, &t.req, o.clients, Duration::from_secs(o.seconds)).await;
        if t.req.uri.path() == "/usulan/baru" {
            // The one above, the warm-up and the load: every one answered.
            submitted = f.requests + f.warm + usize::from(alone);
        }
        let ratio = match floor_rate {
            None => {
                floor_rate = Some(f.rate());
                "100 %".to_string()
            }
            Some(r) => format!("{:.1} %", f.rate() / r * 100.0),
        };
        println!(
            "{:<36} {:>9.0} {:>8.1} {:>8.1} {:>8.1} {:>9} {:>7} {:>6}{}",
            t.name,
            f.rate(),
            f.pct(0.5),
            f.pct(0.95),
            f.pct(0.99),
            f.bytes / f.requests.max(1),
            ratio,
            if t.name.starts_with("floor") {
                "1".to_string()
            } else {
                statements.to_string()
            },
            if f.errors > 0 {
                format!("  ({} errors)", f.errors)
            } else {
                String::new()
            }
        );
    }
    if o.only.is_some() {
        server.abort();
        return Ok(());
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let scans_after = seq_scans(&pool).await?;
    // Every submission answered 303 is stored, numbered without a gap.
    let (stored, counter, highest): (i64, i32, String) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM proposals) - $1,
                (SELECT last FROM proposal_counters WHERE year = 2026),
                (SELECT max(nomor) FROM proposals WHERE target_year = 2026)",
    )
    .bind(proposals_before)
    .fetch_one(&pool)
    .await?;
    let in_2026: i64 =
        sqlx::query_scalar("SELECT count(*) FROM proposals WHERE target_year = 2026")
            .fetch_one(&pool)
            .await?;
    println!(
        "submissions: {submitted} accepted, {stored} stored; 2026 numbers 1 to {counter}, {in_2026} proposals, highest {highest}: {}",
        if stored == submitted as i64
            && in_2026 == counter as i64
            && highest == format!("USL-2026-{counter:06}")
        {
            "none lost, no gap"
        } else {
            "LOST OR GAPS"
        }
    );
    // Sequential scans of the large tables during the load: each is a
    // list filter or lookup without an index.
    let scans: Vec<String> = scans_after
        .iter()
        .filter_map(|(t, n)| {
            let was = scans_before
                .iter()
                .find(|(b, _)| b == t)
                .map(|(_, n)| *n)
                .unwrap_or(0);
            (n - was > 0).then(|| format!("{t} {}", n - was))
        })
        .collect();
    println!(
        "sequential scans of tables over 10,000 rows during the load: {}",
        if scans.is_empty() {
            "none".to_string()
        } else {
            scans.join(", ")
        }
    );
    println!(
        "resident memory (server, database pool and clients): {}",
        rss()
    );
    // The server alone: `selaras serve` as its own process over the same
    // data, under the same load of the reading pages; its peak.
    let reading: Vec<&Target> = targets
        .iter()
        .filter(|t| !t.req.post && !t.name.starts_with("floor"))
        .collect();
    match server_alone(
        &scratch.url,
        &http,
        &reading,
        o.clients,
        Duration::from_secs(o.seconds),
    )
    .await
    {
        Ok(peak) => println!(
            "resident memory of the server alone (its own process, peak under that load): {peak}"
        ),
        Err(e) => println!("resident memory of the server alone: not measured ({e})"),
    }
    server.abort();
    floor.abort();
    pool.close().await;
    scratch.drop().await?;
    Ok(())
}

/// Sequential scans so far of every table over 10,000 rows.
async fn seq_scans(pool: &sqlx::PgPool) -> anyhow::Result<Vec<(String, i64)>> {
    sqlx::query("SELECT pg_stat_clear_snapshot()")
        .execute(pool)
        .await?;
    Ok(sqlx::query_as(
        "SELECT s.relname::text, s.seq_scan FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
         WHERE c.reltuples > 10000 ORDER BY 1",
    )
    .fetch_all(pool)
    .await?)
}

/// Signs `username` in (no second step: not staff); the session cookie.
async fn sign_in(http: &Http, base: &str, username: &str) -> anyhow::Result<String> {
    let req = hyper::Request::post(format!("{base}/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Full::new(Bytes::from(format!(
            "username={username}&password={}&next=%2F",
            crate::demo::DEFAULT_PASSWORD
        ))))?;
    let res = http.request(req).await?;
    let name = crate::auth::session_cookie_name(false);
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("{username} could not sign in ({})", res.status()))
}

/// What `load` measured, and how many warm-up requests were answered.
struct Loaded {
    figures: Figures,
    warm: usize,
}

impl std::ops::Deref for Loaded {
    type Target = Figures;
    fn deref(&self) -> &Figures {
        &self.figures
    }
}

/// `clients` loops sending `req` until `for_` has passed.
async fn load(http: &Http, req: &Req, clients: usize, for_: Duration) -> Loaded {
    // Warm up: connections, caches.
    let mut warm = 0;
    for _ in 0..clients.max(2) {
        warm += usize::from(fetch(http, req).await.is_some());
    }
    let start = Instant::now();
    let until = start + for_;
    let mut tasks = Vec::new();
    for _ in 0..clients.max(1) {
        let (http, req) = (http.clone(), req.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let (mut errors, mut bytes) = (0, 0);
            while Instant::now() < until {
                let t = Instant::now();
                match fetch(&http, &req).await {
                    Some(n) => {
                        times.push(t.elapsed().as_secs_f64() * 1000.0);
                        bytes += n;
                    }
                    None => errors += 1,
                }
            }
            (times, errors, bytes)
        }));
    }
    let mut f = Figures {
        requests: 0,
        errors: 0,
        bytes: 0,
        times: Vec::new(),
        elapsed: 0.0,
    };
    for t in tasks {
        if let Ok((times, errors, bytes)) = t.await {
            f.requests += times.len();
            f.times.extend(times);
            f.errors += errors;
            f.bytes += bytes;
        }
    }
    f.elapsed = start.elapsed().as_secs_f64();
    f.times.sort_by(|a, b| a.total_cmp(b));
    Loaded { figures: f, warm }
}

/// One request: the bytes of a good answer (a page: 200; a form sent:
/// 303), as sent (compressed), or None.
async fn fetch(http: &Http, r: &Req) -> Option<usize> {
    let mut b = if r.post {
        hyper::Request::post(r.uri.clone())
            .header("content-type", "application/x-www-form-urlencoded")
    } else {
        hyper::Request::get(r.uri.clone())
    };
    b = b.header("accept-encoding", "gzip");
    if let Some(c) = &r.cookie {
        b = b.header("cookie", c);
    }
    let req = b.body(Full::new(Bytes::from(r.form.clone()))).ok()?;
    let res = http.request(req).await.ok()?;
    let ok = res.status() == if r.post { 303 } else { 200 };
    let body = res.into_body().collect().await.ok()?.to_bytes();
    ok.then_some(body.len())
}

/// Runs `selaras serve` as a child process over `db_url`, loads each of
/// `pages` on it as the in-process server was, and answers the child's
/// peak resident memory (VmHWM).
async fn server_alone(
    db_url: &str,
    http: &Http,
    pages: &[&Target],
    clients: usize,
    for_: Duration,
) -> anyhow::Result<String> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let mut child = std::process::Command::new(std::env::current_exe()?)
        .args(["serve", "--database-url", db_url])
        .env("SELARAS_ADDR", format!("127.0.0.1:{port}"))
        .env("SELARAS_API_RATE", "0")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let base = format!("127.0.0.1:{port}");
    let outcome = async {
        let health = Req::get(&format!("http://{base}/healthz"));
        let mut up = false;
        for _ in 0..300 {
            if fetch(http, &health).await.is_some() {
                up = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        anyhow::ensure!(up, "the server did not start");
        for t in pages {
            let mut req = t.req.clone();
            let path = req
                .uri
                .path_and_query()
                .map_or("/", |p| p.as_str())
                .to_string();
            req.uri = format!("http://{base}{path}").parse()?;
            load(http, &req, clients, for_).await;
        }
        let status = std::fs::read_to_string(format!("/proc/{}/status", child.id()))?;
        status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
            .ok_or_else(|| anyhow::anyhow!("no VmHWM"))
    }
    .await;
    let _ = child.kill();
    let _ = child.wait();
    outcome
}

/// VmRSS of this process, as /proc reports it.
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
