//! The router and the middleware stack every request passes:
//! request id → trace → security headers → error pages → panic guard →
//! body limit → cross-site request check → handler.

use crate::web::filters;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use tower::ServiceBuilder;
use tower_http::CompressionLevel;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::csrf::{CsrfLayer, ProtectionError};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::ErrorPage;
use crate::web;

pub use crate::state::{AppState, CheckCache};

/// Form posts are small and uploaded workbooks stay under a few MB (the
/// targets and pagu of a 3,000 sub kegiatan RKPD take about 1 MB);
/// anything bigger is refused before it is read.
pub const BODY_LIMIT: usize = 4 * 1024 * 1024;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub fn router(state: AppState) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    let secure = state.config.secure_cookies;
    let request_timeout = state.config.request_timeout;
    let hsts = secure.then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        )
    });

    let require_policy = state.config.require_policy;
    let page_state = state.clone();
    let session_state = state.clone();
    let router = web::routes()
        .fallback(|| async { ErrorPage::not_found() })
        .with_state(state)
        .layer(middleware::from_fn_with_state(
            session_state,
            crate::auth::forget_kept_sessions_on_writes,
        ));
    // Innermost, around the handler: a write must ask the policy.
    let router = if require_policy {
        router.layer(middleware::from_fn(crate::auth::policy::require_asked))
    } else {
        router
    };

    router.layer(
        ServiceBuilder::new()
            // The request's language, for everything rendered inside
            // (error pages included).
            .layer(middleware::from_fn(crate::i18n::scope))
            .layer(middleware::from_fn(crate::telemetry::track))
            .layer(SetRequestIdLayer::new(x_request_id.clone(), MakeRequestUuid))
            .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                // Method, path and request id only: never headers (cookies)
                // or query strings (which may carry a `next` target).
                let id = req
                    .headers()
                    .get("x-request-id")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
            }))
            .layer(PropagateRequestIdLayer::new(x_request_id))
            // gzip for whoever asks (a 3,000 sub kegiatan plan page: ~2 MB
            // of HTML, ~200 KB sent); workbooks and PDFs are zipped already.
            // Level 2, not the default 6: zlib-rs then matches quickly
            // (`deflate_fast`) instead of lazily, for ~15 % more bytes; on
            // a signed-in plan page (47 KB of HTML) compressing was half
            // of the server's work (issue 15). Pages kept for visitors are
            // compressed once, at 6.
            // Pages carry no secret token a reflected input could be
            // measured against (cross-site posts are refused by origin);
            // the one page that shows a secret says `no-transform`.
            .layer(CompressionLayer::new().gzip(true).quality(CompressionLevel::Precise(2)).compress_when(
                DefaultPredicate::new()
                    .and(NotForContentType::const_new("application/vnd.openxmlformats"))
                    .and(NotForContentType::const_new("application/pdf"))
                    .and(NoTransform),
            ))
            .layer(header_layer(header::CONTENT_SECURITY_POLICY, CSP))
            .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .layer(header_layer(header::REFERRER_POLICY, "same-origin"))
            .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
            .layer(header_layer(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
            .layer(header_layer(
                HeaderName::from_static("permissions-policy"),
                "camera=(), microphone=(), geolocation=(self)",
            ))
            // Pages carry personal and draft data: no shared caches.
            .layer(header_layer(header::CACHE_CONTROL, "no-store"))
            // …except public pages to visitors, which revalidate by ETag.
            .layer(middleware::from_fn_with_state(
                page_state,
                web::revalidate::public_pages,
            ))
            .option_layer(hsts)
            .layer(middleware::from_fn(render_error_pages))
            // Cross-site requests are refused before anything reads their
            // body (the refused-form page must never turn one into a
            // same-site post).
            .layer(CsrfLayer::new())
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                request_timeout,
            ))
            .layer(middleware::from_fn(web::edge::refuse_control_chars))
            .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
                tracing::error!("handler panicked");
                ErrorPage::internal().into_response()
            })),
        // The body limit sits on the routes (`web::routes`): uploads have
        // a larger one.
    )
}

/// Sets a response header unless the handler set its own.
/// A response marked `Cache-Control: no-transform` is sent as it is.
#[derive(Clone, Copy)]
struct NoTransform;

impl Predicate for NoTransform {
    fn should_compress<B>(&self, response: &axum::http::Response<B>) -> bool
    where
        B: axum::body::HttpBody,
    {
        !response
            .headers()
            .get_all(header::CACHE_CONTROL)
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.contains("no-transform")))
    }
}

fn header_layer(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorTemplate<'a> {
    nav: web::Nav,
    status: u16,
    title: &'a str,
    message: &'a str,
    request_id: &'a str,
}

/// Turns an `ErrorPage` left in a response's extensions (by `AppError`,
/// the fallback or the panic guard), a refused cross-site request, or an
/// oversized body into our page, with the request id to quote.
async fn render_error_pages(req: Request, next: Next) -> Response {
    let request_id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    let mut res = next.run(req).await;
    let page = if let Some(page) = res.extensions_mut().remove::<ErrorPage>() {
        page
    } else if res.extensions().get::<ProtectionError>().is_some() {
        ErrorPage::new(
            StatusCode::FORBIDDEN,
            "Permintaan lintas situs ditolak",
            "Formulir ini dikirim dari situs lain, sehingga ditolak untuk melindungi akun Anda. Buka Selaras langsung lalu kirim ulang dari halamannya.",
        )
    } else if res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"))
    {
        // The open-data API answers its own errors, in JSON.
        return res;
    } else if res.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ErrorPage::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Data terlalu besar",
            "Data atau berkas yang dikirim melebihi batas yang diizinkan (4 MB untuk formulir dan lembar kerja, 10 MB untuk foto dan dokumen usulan). Tidak ada yang tersimpan. Perkecil isinya (misalnya hapus baris yang tidak diubah dari lembar kerja, atau perkecil fotonya) lalu coba lagi.",
        )
    } else if res.status() == StatusCode::SERVICE_UNAVAILABLE && res.headers().is_empty() {
        // The request timeout answered: the work took too long.
        ErrorPage::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "Permintaan terlalu lama",
            "Server tidak dapat menyelesaikan permintaan ini dalam batas waktu. Tidak ada yang tersimpan sebagian; silakan coba lagi sebentar lagi.",
        )
    } else if res.status() == StatusCode::METHOD_NOT_ALLOWED {
        ErrorPage::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "Cara akses tidak didukung",
            "Alamat ini tidak dapat dibuka dengan cara tersebut. Gunakan tautan atau tombol pada halaman Selaras.",
        )
    } else {
        return res;
    };
    let body = ErrorTemplate {
        nav: web::Nav::anonymous(),
        status: page.status.as_u16(),
        title: page.title,
        message: &page.message,
        request_id: &request_id,
    }
    .render()
    .unwrap_or_else(|_| format!("{} {}", page.status.as_u16(), page.title));
    let mut out = (page.status, Html(body)).into_response();
    // Keep what the inner layers set (e.g. Set-Cookie) but the body type.
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let db = state.db.clone();
    let cfg = state.config.clone();
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(15 * 60));
        loop {
            tick.tick().await;
            if let Err(e) = crate::store::sessions::sweep(
                &db,
                cfg.absolute_timeout.as_secs_f64(),
                cfg.idle_timeout.as_secs_f64(),
            )
            .await
            {
                tracing::warn!(error = %e, "session sweep failed");
            }
            // Musrenbang windows closing within three days: remind once.
            let today = time::OffsetDateTime::now_utc()
                .to_offset(crate::format::WIB)
                .date();
            if let Err(e) = crate::store::musrenbang::remind(&db, today).await {
                tracing::warn!(error = %e, "Musrenbang reminders failed");
            }
        }
    });
    // Email is a copy of the inbox, sent only when SMTP is configured.
    let mailer = match crate::mail::Mailer::from_config(&state.config) {
        Ok(m) => m,
        Err(e) => {
            tracing::error!(error = %e, "email disabled");
            None
        }
    };
    let outbox = mailer.map(|mailer| {
        let db = state.db.clone();
        let every = state.config.mail_interval;
        let digest_after = state.config.digest_after;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                match crate::mail::drain_outbox(&db, &mailer).await {
                    Ok(0) => {}
                    Ok(n) => {
                        crate::telemetry::emails_sent("notification", n);
                        tracing::info!(sent = n, "notification emails sent")
                    }
                    Err(e) => tracing::warn!(error = %e, "email outbox"),
                }
                match crate::mail::send_digests(&db, &mailer, digest_after).await {
                    Ok(0) => {}
                    Ok(n) => {
                        crate::telemetry::emails_sent("digest", n);
                        tracing::info!(sent = n, "daily digests sent")
                    }
                    Err(e) => tracing::warn!(error = %e, "daily digests"),
                }
            }
        })
    });
    let replica = state
        .config
        .read_database_url
        .is_some()
        .then(|| tokio::spawn(watch_replica(state.clone())));
    let header_read_timeout = state.config.header_read_timeout;
    let app = router(state);
    let result = accept_loop(listener, app, header_read_timeout).await;
    sweeper.abort();
    if let Some(o) = outbox {
        o.abort();
    }
    if let Some(r) = replica {
        r.abort();
    }
    result
}

/// Checks the read replica every `replica_check`: it answers within a
/// second and has replayed what it received, or the last it replayed is
/// no older than `replica_max_lag`. The answer sets `replica_ok`, which
/// sends visitors to the replica or back to the primary.
async fn watch_replica(state: AppState) {
    use std::sync::atomic::Ordering;
    let mut tick = tokio::time::interval(state.config.replica_check);
    let max_lag = state.config.replica_max_lag.as_secs_f64();
    loop {
        tick.tick().await;
        // Seconds behind: 0 when caught up with what it received (or not a
        // standby at all); else since the last transaction it replayed (or,
        // none yet, since it started).
        let lag = tokio::time::timeout(
            Duration::from_secs(1),
            sqlx::query_scalar::<_, f64>(
                "SELECT CASE WHEN pg_last_wal_receive_lsn() IS NULL
                               OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                             ELSE EXTRACT(EPOCH FROM now() - COALESCE(pg_last_xact_replay_timestamp(),
                                                                     pg_postmaster_start_time()))::float8 END",
            )
            .fetch_one(&state.read_db),
        )
        .await;
        let ok = matches!(lag, Ok(Ok(s)) if s <= max_lag);
        let was = state.replica_ok.swap(ok, Ordering::Relaxed);
        if was != ok {
            match lag {
                Ok(Ok(s)) if ok => tracing::info!(lag_seconds = s, "visitors read the replica"),
                Ok(Ok(s)) => tracing::warn!(
                    lag_seconds = s,
                    "the replica lags: visitors read the primary"
                ),
                Ok(Err(e)) => {
                    tracing::warn!(error = %e, "the replica is unreachable: visitors read the primary")
                }
                Err(_) => tracing::warn!("the replica does not answer: visitors read the primary"),
            }
        }
    }
}

/// Accepts connections until SIGTERM or Ctrl-C, each served over HTTP/1
/// with a deadline for its request headers (a client trickling them in, a
/// slowloris, is cut off), then waits for the requests in flight (at most
/// 30 seconds). axum::serve would do the rest but sets no such deadline.
async fn accept_loop(
    listener: tokio::net::TcpListener,
    app: Router,
    header_read_timeout: Duration,
) -> std::io::Result<()> {
    use axum::extract::ConnectInfo;
    use hyper_util::rt::{TokioIo, TokioTimer};
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown_signal());
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait, go on.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(remote));
                tower::ServiceExt::oneshot(app.clone(), req.map(Body::new))
            });
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_read_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        _ = graceful.shutdown() => {}
        _ = tokio::time::sleep(Duration::from_secs(30)) => {
            tracing::warn!("requests still in flight after 30 s; stopping anyway");
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
