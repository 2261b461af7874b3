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
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use uuid::Uuid;

pub struct Options {
    pub sub_kegiatan: i32,
    pub clients: usize,
    pub seconds: u64,
}

/// One measured page: a name and its path.
struct Target {
    name: &'static str,
    path: String,
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

pub async fn run(url: &str, o: Options) -> anyhow::Result<()> {
    let (pool, scratch) = super::Scratch::create(url).await?;
    let t = Instant::now();
    crate::demo::load(&pool, crate::demo::DEFAULT_PASSWORD).await?;
    let big = super::build(&pool, o.sub_kegiatan).await?;
    // Enacted, so every visitor reads it (and its Cek).
    sqlx::query("UPDATE plans SET stage = 'ditetapkan' WHERE id = $1")
        .bind(big)
        .execute(&pool)
        .await?;
    println!(
        "data: demo + an enacted RKPD of {} sub kegiatan, built in {:.1} s",
        o.sub_kegiatan,
        t.elapsed().as_secs_f64()
    );
    let demo_rkpd: Uuid =
        sqlx::query_scalar("SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd' AND title NOT LIKE '%bench%'")
            .fetch_one(&pool)
            .await?;
    let item: Uuid = sqlx::query_scalar(
        "SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'sub_kegiatan' ORDER BY kode LIMIT 1",
    )
    .bind(big)
    .fetch_one(&pool)
    .await?;
    let nomor: String = sqlx::query_scalar("SELECT nomor FROM proposals ORDER BY nomor LIMIT 1")
        .fetch_one(&pool)
        .await?;

    // The server, as `serve` runs it, on a free local port.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let config = crate::config::Config::new(scratch.url.clone(), addr);
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
    let targets = [
        Target {
            name: "floor (bare axum + sqlx, one row)",
            path: format!("http://{floor_addr}/floor"),
        },
        Target {
            name: "public proposal page",
            path: format!("{base}/usulan/{nomor}"),
        },
        Target {
            name: "demo RKPD plan page (61 items)",
            path: format!("{base}/rencana/{demo_rkpd}"),
        },
        Target {
            name: "kecamatan's proposal list",
            path: format!("{base}/usulan?wilayah=33.71&kecamatan=33.71.03"),
        },
        Target {
            name: "item page (a sub kegiatan)",
            path: format!("{base}/item/{item}"),
        },
        Target {
            name: "plan page (N sub kegiatan)",
            path: format!("{base}/rencana/{big}"),
        },
        Target {
            name: "Cek Keselarasan (N sub kegiatan)",
            path: format!("{base}/rencana/{big}/cek"),
        },
    ];
    println!(
        "load: {} clients for {} s per page, gzip asked, no revalidation",
        o.clients, o.seconds
    );
    println!(
        "{:<36} {:>9} {:>8} {:>8} {:>8} {:>9} {:>7}",
        "page", "req/s", "p50 ms", "p95 ms", "p99 ms", "bytes", "floor"
    );
    let mut floor_rate = None;
    for t in &targets {
        let f = load(&t.path, o.clients, Duration::from_secs(o.seconds)).await;
        let ratio = match floor_rate {
            None => {
                floor_rate = Some(f.rate());
                "100 %".to_string()
            }
            Some(r) => format!("{:.1} %", f.rate() / r * 100.0),
        };
        println!(
            "{:<36} {:>9.0} {:>8.1} {:>8.1} {:>8.1} {:>9} {:>7}{}",
            t.name,
            f.rate(),
            f.pct(0.5),
            f.pct(0.95),
            f.pct(0.99),
            f.bytes / f.requests.max(1),
            ratio,
            if f.errors > 0 {
                format!("  ({} errors)", f.errors)
            } else {
                String::new()
            }
        );
    }
    println!(
        "resident memory (server, database pool and clients): {}",
        rss()
    );
    server.abort();
    floor.abort();
    pool.close().await;
    scratch.drop().await?;
    Ok(())
}

/// `clients` loops asking for `url` until `for_` has passed.
async fn load(url: &str, clients: usize, for_: Duration) -> Figures {
    let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let uri: hyper::Uri = url.parse().expect("a bench address");
    // Warm up: connections, caches.
    for _ in 0..clients.max(2) {
        let _ = fetch(&client, &uri).await;
    }
    let start = Instant::now();
    let until = start + for_;
    let mut tasks = Vec::new();
    for _ in 0..clients.max(1) {
        let (client, uri) = (client.clone(), uri.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let (mut errors, mut bytes) = (0, 0);
            while Instant::now() < until {
                let t = Instant::now();
                match fetch(&client, &uri).await {
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
    f
}

/// One GET: the bytes of a 200 answer (as sent, compressed), or None.
async fn fetch(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Empty<Bytes>>,
    uri: &hyper::Uri,
) -> Option<usize> {
    let req = hyper::Request::get(uri.clone())
        .header("accept-encoding", "gzip")
        .body(Empty::new())
        .ok()?;
    let res = client.request(req).await.ok()?;
    let ok = res.status() == 200;
    let body = res.into_body().collect().await.ok()?.to_bytes();
    ok.then_some(body.len())
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
