//! The open-data API under `/api/v1/` (issue 16, point 2; SPEC §10):
//! enacted plans with their items, indicators and pagu, Cek results,
//! proposals with their public timelines, regions and the nomenclature.
//!
//! - Anonymous only: the API reads no session, so a planner signed in gets
//!   exactly what the public gets. Never a draft (a plan in consultation
//!   is one too), never a person's name.
//! - JSON with stable ids (UUID) and codes; lists are keyset pages
//!   (`?cursor=`, `?limit=`), each answer naming the next page.
//! - Every answer carries a weak ETag and `Cache-Control: public,
//!   no-cache`; `If-None-Match` gets 304. GETs are open to every origin
//!   (CORS). Each client has a budget of requests (`RateLimiter`).
//! - Described by the OpenAPI 3.1 document at `/api/v1/openapi.json`,
//!   generated from these handlers and their types (`doc`), with a page
//!   for people at `/api/v1`.

pub mod doc;
mod plans;
mod proposals;
mod reference;
pub mod types;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::handler::Handler;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, any, get};
use serde::Serialize;
use sha2::{Digest, Sha256};
use tower_http::cors::{Any, CorsLayer};

use crate::app::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1", get(doc::page))
        .route("/api/v1/openapi.json", read(doc::openapi))
        .route("/api/v1/plans", read(plans::list))
        .route("/api/v1/plans/{id}", read(plans::show))
        .route("/api/v1/plans/{id}/items", read(plans::items))
        .route("/api/v1/plans/{id}/checks", read(plans::checks))
        .route("/api/v1/proposals", read(proposals::list))
        .route("/api/v1/proposals/{nomor}", read(proposals::show))
        .route("/api/v1/regions", read(reference::regions))
        .route("/api/v1/nomenklatur", read(reference::nomenklatur))
        // Anything else under /api answers as the API does, in JSON.
        .route("/api/{*rest}", any(unknown))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD])
                .allow_headers([header::IF_NONE_MATCH])
                .expose_headers([header::ETAG, header::RETRY_AFTER])
                .max_age(std::time::Duration::from_secs(24 * 60 * 60)),
        )
}

/// A GET route whose other methods are refused in JSON.
fn read<H, T>(handler: H) -> MethodRouter<AppState>
where
    H: Handler<T, AppState>,
    T: 'static,
{
    get(handler).fallback(only_get)
}

async fn only_get() -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        message: "API ini hanya untuk dibaca: gunakan GET.".into(),
    }
}

async fn unknown() -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        message: "Alamat API ini tidak ada. Daftar alamat: /api/v1/openapi.json.".into(),
    }
}

/// A refusal made before the API's routes are reached (a control
/// character in the address), in the API's form and open to every origin.
pub fn refused_early(message: String) -> Response {
    let mut res = ApiError::bad_request(message).into_response();
    res.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    res
}

/// `Query`, refusing what it cannot read (a repeated parameter, bad
/// encoding) in JSON.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| ApiQuery(q.0))
            .map_err(|e| {
                ApiError::bad_request(format!(
                    "Parameter alamat tidak terbaca ({}).",
                    e.body_text()
                ))
            })
    }
}

/// `Path`, refusing what it cannot read (bytes that are not UTF-8) in JSON.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|_| {
                ApiError::bad_request("Alamat ini tidak terbaca: periksa id atau nomornya.")
            })
    }
}

/// Rows per page unless `?limit=` says otherwise, and the most it may say.
pub const DEFAULT_LIMIT: i64 = 100;
pub const MAX_LIMIT: i64 = 500;

/// A refusal or failure, answered as JSON (`types::Error`).
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    pub fn not_found(what: &str) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!("{what} tidak ditemukan, atau belum ditetapkan."),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "open-data API query failed");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "Terjadi kesalahan pada server. Silakan coba lagi.".into(),
        }
    }
}

impl From<crate::error::AppError> for ApiError {
    fn from(e: crate::error::AppError) -> Self {
        tracing::error!(error = ?e, "open-data API failed");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "Terjadi kesalahan pada server. Silakan coba lagi.".into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = types::Error {
            status: self.status.as_u16(),
            message: self.message,
        };
        let mut res = (self.status, axum::Json(body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            res.headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        }
        res
    }
}

/// `value` as JSON with a weak ETag of its bytes; 304 when the client
/// holds it already.
pub fn answer<T: Serialize>(asked: &HeaderMap, value: &T) -> Response {
    let bytes = match serde_json::to_vec(value) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "open-data API answer did not serialize");
            return ApiError {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                message: "Terjadi kesalahan pada server.".into(),
            }
            .into_response();
        }
    };
    let hash = Sha256::digest(&bytes);
    let hex: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    let tag = format!("W/\"{hex}\"");
    let fresh = asked
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| crate::web::revalidate::matches(v, &tag));
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        (
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            bytes,
        )
            .into_response()
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, HeaderValue::from_str(&tag).expect("hex"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, no-cache"),
    );
    res
}

/// `?limit=` parsed: 1 to `MAX_LIMIT`, `DEFAULT_LIMIT` when absent.
pub fn limit(raw: Option<&str>) -> Result<i64, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(DEFAULT_LIMIT),
        Some(s) => match s.parse::<i64>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "limit harus bilangan bulat 1 sampai {MAX_LIMIT}."
            ))),
        },
    }
}

/// A cursor that is a row id (the last id of the page before).
pub fn id_cursor(raw: Option<&str>) -> Result<Option<uuid::Uuid>, ApiError> {
    match raw.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse().map(Some).map_err(|_| {
            ApiError::bad_request(
                "cursor tidak dikenal: pakai next_cursor dari halaman sebelumnya.",
            )
        }),
    }
}

/// A region or nomenclature code as a filter or cursor: digits, dots and
/// (nomenclature) an `X`, at most 30 characters; anything else is refused
/// rather than matched as a pattern.
pub fn code(name: &str, raw: Option<&str>) -> Result<Option<String>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s)
            if s.len() <= 30
                && s.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == 'X')
                && !s.starts_with('.')
                && !s.ends_with('.') =>
        {
            Ok(Some(s.to_string()))
        }
        Some(_) => Err(ApiError::bad_request(format!(
            "{name} harus berupa kode, misalnya 33.71 atau 1.02.02."
        ))),
    }
}

/// A page: the rows asked for (the query fetched one more, to know
/// whether there is a next page), the cursor after the last, and the
/// next page's URL: this path with this query, the cursor replaced.
pub fn page<R, T>(
    mut rows: Vec<R>,
    limit: i64,
    key: impl Fn(&R) -> String,
    to: impl FnMut(R) -> T,
    uri: &axum::http::Uri,
) -> (Vec<T>, Option<String>, Option<String>) {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let cursor = if more { rows.last().map(&key) } else { None };
    let next = cursor.as_ref().map(|c| {
        // The query as sent, decoded as axum decodes it.
        let mut pairs: Vec<(String, String)> =
            axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri)
                .map(|q| q.0)
                .unwrap_or_default();
        pairs.retain(|(k, _)| k != "cursor");
        pairs.push(("cursor".into(), c.clone()));
        let q: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect();
        format!("{}?{}", uri.path(), q.join("&"))
    });
    (rows.into_iter().map(to).collect(), cursor, next)
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Spends one of the client's requests, or refuses with 429 and
/// `Retry-After` when its budget is spent (`state::RateLimiter`).
pub struct Allowed;

impl FromRequestParts<AppState> for Allowed {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let crate::auth::ClientAddr(client) =
            match crate::auth::ClientAddr::from_request_parts(parts, state).await {
                Ok(c) => c,
                Err(never) => match never {},
            };
        if state.api_limiter.spend(&client, std::time::Instant::now()) {
            Ok(Allowed)
        } else {
            Err(ApiError {
                status: StatusCode::TOO_MANY_REQUESTS,
                message: format!(
                    "Terlalu banyak permintaan: paling banyak {} per menit per klien. Coba lagi sebentar lagi.",
                    state.api_limiter.per_minute()
                ),
            })
        }
    }
}

/// `rfc3339` of a moment, in WIB.
pub fn moment(t: time::OffsetDateTime) -> String {
    t.to_offset(crate::format::WIB)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_codes_parse_or_say_why() {
        assert_eq!(limit(None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(limit(Some("7")).unwrap(), 7);
        assert!(limit(Some("0")).is_err());
        assert!(limit(Some("501")).is_err());
        assert!(limit(Some("1e3")).is_err());
        assert_eq!(
            code("region", Some("33.71")).unwrap().as_deref(),
            Some("33.71")
        );
        assert!(code("region", Some("33%")).is_err());
        assert!(code("region", Some("3_")).is_err());
        assert!(code("region", Some("33.")).is_err());
        assert!(id_cursor(Some("x")).is_err());
    }

    #[test]
    fn the_next_page_keeps_the_filters_and_replaces_the_cursor() {
        let uri: axum::http::Uri = "/api/v1/plans?kind=rkpd&cursor=old&region=33.71"
            .parse()
            .unwrap();
        let (rows, cursor, next) = page(vec![1, 2, 3], 2, |n| n.to_string(), |n| n * 10, &uri);
        assert_eq!(rows, vec![10, 20]);
        assert_eq!(cursor.as_deref(), Some("2"));
        assert_eq!(
            next.as_deref(),
            Some("/api/v1/plans?kind=rkpd&region=33.71&cursor=2")
        );
        let (_, cursor, next) = page(vec![1, 2], 2, |n| n.to_string(), |n| n, &uri);
        assert_eq!((cursor, next), (None, None));
    }
}
