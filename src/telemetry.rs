//! Metrics for Prometheus (issue 19): the `metrics` facade records where
//! things happen (requests, sign-in failures, notifications, Cek runs) and
//! metrics-exporter-prometheus renders them in the text format on a second
//! listen address, `SELARAS_METRICS_ADDR`, which is off by default and never
//! the public one. Without it no recorder is installed and every record is
//! a no-op.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sqlx::PgPool;

/// Request latency buckets, in seconds: from a cached page to a slow
/// export.
const LATENCY: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0, 10.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide recorder once and returns its handle; later
/// calls (several servers in one test process) share it.
pub fn install() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY)
                .expect("latency buckets are not empty")
                .install_recorder()
                .expect("the metrics recorder is installed once");
            describe();
            gauge!(
                "selaras_build_info",
                "version" => env!("CARGO_PKG_VERSION"),
                "commit" => env!("SELARAS_COMMIT"),
            )
            .set(1.0);
            // Histograms are drained by an upkeep the caller runs.
            let h = handle.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(5));
                loop {
                    tick.tick().await;
                    h.run_upkeep();
                }
            });
            handle
        })
        .clone()
}

fn describe() {
    describe_counter!(
        "selaras_http_requests_total",
        "HTTP requests answered, by route template, method and status."
    );
    describe_histogram!(
        "selaras_http_request_duration_seconds",
        metrics::Unit::Seconds,
        "Time to answer an HTTP request, by route template and method."
    );
    describe_gauge!(
        "selaras_http_requests_in_flight",
        "Requests being answered now (with the pool's in_use, how busy the server is)."
    );
    describe_gauge!(
        "selaras_db_pool_connections",
        "Database connections held by the pool (open, idle, in use, max)."
    );
    describe_counter!(
        "selaras_secret_checks_failed_total",
        "Wrong passwords and one-time codes."
    );
    describe_counter!(
        "selaras_secret_checks_throttled_total",
        "Sign-in attempts refused by the throttle before any check."
    );
    describe_counter!(
        "selaras_notifications_created_total",
        "Notifications written to inboxes (one per recipient)."
    );
    describe_counter!(
        "selaras_emails_sent_total",
        "Emails sent: notification copies and daily digests."
    );
    describe_histogram!(
        "selaras_cek_duration_seconds",
        metrics::Unit::Seconds,
        "Time of a Cek Keselarasan run (loading and the 13 rules)."
    );
    describe_gauge!("selaras_build_info", "The running version and commit.");
    describe_gauge!(
        "selaras_ready",
        "1 while the database answers (what /readyz checks), else 0."
    );
}

/// Counts and times every request under its route template (`/item/{id}`,
/// never the path itself, so ids and query strings stay out of the labels).
pub async fn track(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    // Any token is a method to hyper: only the standard ones are labels.
    let method = match req.method().as_str() {
        m @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => m,
        _ => "other",
    }
    .to_string();
    let start = Instant::now();
    let in_flight = InFlight::start();
    let res = next.run(req).await;
    drop(in_flight);
    let status = res.status().as_u16().to_string();
    histogram!(
        "selaras_http_request_duration_seconds",
        "route" => route.clone(),
        "method" => method.clone(),
    )
    .record(start.elapsed().as_secs_f64());
    counter!(
        "selaras_http_requests_total",
        "route" => route,
        "method" => method,
        "status" => status,
    )
    .increment(1);
    res
}

/// One request being answered; ended when dropped, so a request whose
/// client went away mid-answer (its future dropped) is not counted on.
struct InFlight;

impl InFlight {
    fn start() -> InFlight {
        gauge!("selaras_http_requests_in_flight").increment(1.0);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        gauge!("selaras_http_requests_in_flight").decrement(1.0);
    }
}

/// A wrong password or code, or one refused by the throttle.
pub fn secret_failed() {
    counter!("selaras_secret_checks_failed_total").increment(1);
}

pub fn secret_throttled() {
    counter!("selaras_secret_checks_throttled_total").increment(1);
}

pub fn notifications_created(n: usize) {
    counter!("selaras_notifications_created_total").increment(n as u64);
}

/// `kind`: "notification" or "digest".
pub fn emails_sent(kind: &'static str, n: usize) {
    counter!("selaras_emails_sent_total", "kind" => kind).increment(n as u64);
}

pub fn cek_ran(took: Duration) {
    histogram!("selaras_cek_duration_seconds").record(took.as_secs_f64());
}

#[derive(Clone)]
struct Scrape {
    handle: PrometheusHandle,
    db: PgPool,
}

/// The metrics listener's router: `GET /metrics` only.
pub fn router(handle: PrometheusHandle, db: PgPool) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(Scrape { handle, db })
}

async fn scrape(State(s): State<Scrape>) -> Response {
    // The pool is read at scrape time. sqlx does not count the tasks
    // waiting for a connection; "in use" reaching "max" is the sign.
    let open = s.db.size() as f64;
    let idle = s.db.num_idle() as f64;
    let max = s.db.options().get_max_connections() as f64;
    gauge!("selaras_db_pool_connections", "state" => "open").set(open);
    gauge!("selaras_db_pool_connections", "state" => "idle").set(idle);
    gauge!("selaras_db_pool_connections", "state" => "in_use").set(open - idle);
    gauge!("selaras_db_pool_connections", "state" => "max").set(max);
    // What /readyz asks: does the database answer (within two seconds)?
    let ready = tokio::time::timeout(
        Duration::from_secs(2),
        sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&s.db),
    )
    .await
    .is_ok_and(|r| r.is_ok());
    gauge!("selaras_ready").set(if ready { 1.0 } else { 0.0 });
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        s.handle.render(),
    )
        .into_response()
}

/// Serves `/metrics` on its own listener until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, db: PgPool) -> std::io::Result<()> {
    let handle = install();
    axum::serve(listener, router(handle, db)).await
}

/// SQL statements sqlx has sent since the process started, as counted by a
/// `CountStatements` layer (the serving benchmark and tests/queries.rs
/// install one); statements per page are read as a difference.
static STATEMENTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub fn statements() -> usize {
    STATEMENTS.load(std::sync::atomic::Ordering::SeqCst)
}

/// A tracing layer that counts sqlx's statements (it logs each at TRACE
/// when the pool's `log_statements` says so, as `db::connect` does). A new
/// connection's look-ups of our enum types belong to the pool, not to a
/// page, and are left out.
pub struct CountStatements;

/// The statement text of a `sqlx::query` event.
#[derive(Default)]
struct Statement(String);

impl tracing::field::Visit for Statement {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "db.statement" || (field.name() == "summary" && self.0.is_empty()) {
            self.0 = value.to_string();
        }
    }
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "db.statement" || field.name() == "summary" {
            self.0 = format!("{value:?}");
        }
    }
}

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            let mut st = Statement::default();
            event.record(&mut st);
            if !st.0.contains("pg_type") && !st.0.contains("pg_catalog") && !st.0.trim().is_empty()
            {
                STATEMENTS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        }
    }
}
