//! Public pages revalidate cheaply (issue 15, point 4): a page sent to a
//! visitor who is not signed in (the same for every such visitor) carries
//! a weak ETag of its content and `Cache-Control: public, no-cache`, and a
//! repeated request with `If-None-Match` gets 304 without the page. A
//! phone on a slow line fetches a plan page once until it changes.
//! Only the reading pages listed in `PUBLIC_PAGES` qualify. Anything sent
//! to a signed-in person, anything that sets a cookie or says its own
//! caching, is left as it is (the outer layer marks it
//! `no-store`). `Vary: Cookie` keeps a shared cache from giving the
//! public copy to someone signed in.
//!
//! Such a page is also answered again from memory for a short while
//! (`SELARAS_PAGE_CACHE_SECONDS`, 2 by default; issue 15, point 3): a
//! burst of visitors costs one rendering, not one each. Visitors may read
//! from a replica that lags anyway; whoever writes is signed in, and a
//! signed-in person is never served from it.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::app::AppState;

/// Pages are buffered to be hashed; the largest plan page is ~2 MB.
const PAGE_LIMIT: usize = 32 * 1024 * 1024;

/// The pages that may be stored by shared caches when sent to a visitor:
/// public reading only, never a form that carries a token or names an
/// account (`/tautan/…`, sign-in, sign-up). Deny by default: a new page
/// is `no-store` until it is listed here.
const PUBLIC_PAGES: &[&str] = &[
    "/",
    "/rencana",
    "/rencana/{id}",
    "/rencana/{id}/cek",
    "/rencana/{id}/cetak",
    "/rencana/{id}/tabel",
    "/item/{id}",
    "/indikator/{id}",
    "/konsultasi",
    "/usulan",
    "/usulan/{nomor}",
    "/kerja-sama",
    "/kerja-sama/{id}",
    "/usulan/peta",
    "/rencana/{id}/peta",
    "/peta/provinsi/{kode}",
    "/peta/desa/{kode}",
    "/api/v1",
];

pub async fn public_pages(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let signed_in = crate::auth::session_token(req.headers(), false).is_some()
        || crate::auth::session_token(req.headers(), true).is_some();
    let listed = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .is_some_and(|p| PUBLIC_PAGES.contains(&p.as_str()));
    if req.method() != Method::GET || signed_in || !listed {
        return next.run(req).await;
    }
    let asked = req.headers().get(header::IF_NONE_MATCH).cloned();
    let key = (
        req.uri()
            .path_and_query()
            .map_or_else(|| req.uri().path().to_string(), |p| p.as_str().to_string()),
        crate::i18n::current(),
    );
    if let Some(kept) = state.pages.get(&key, std::time::Instant::now()) {
        return from_memory(kept, takes_gzip(req.headers()), asked.as_ref());
    }
    let res = next.run(req).await;
    if !worth_keeping(&res) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, PAGE_LIMIT).await else {
        return crate::error::ErrorPage::internal().into_response();
    };
    tag(&mut parts.headers, &bytes);
    // Gzipped once, only when it will be kept.
    if state.pages.keeps(bytes.len()) {
        state.pages.put(
            key,
            std::time::Instant::now(),
            crate::state::KeptPage::new(parts.headers.clone(), bytes.clone()),
        );
    }
    answer(parts, bytes, asked.as_ref())
}

/// A page the same for every visitor: 200, HTML, no cookie set, no
/// caching rule of its own.
fn worth_keeping(res: &Response) -> bool {
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    res.status() == StatusCode::OK
        && html
        && !res.headers().contains_key(header::SET_COOKIE)
        && !res.headers().contains_key(header::CACHE_CONTROL)
}

/// The page's ETag (a hash of its bytes) and its caching headers.
fn tag(h: &mut axum::http::HeaderMap, bytes: &[u8]) {
    let hash = Sha256::digest(bytes);
    let hex: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    let tag = format!("W/\"{hex}\"");
    h.insert(header::ETAG, HeaderValue::from_str(&tag).expect("hex"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, no-cache"),
    );
    h.append(header::VARY, HeaderValue::from_static("Cookie"));
}

/// Whether a client takes gzip (`Accept-Encoding`, not refused by `q=0`).
fn takes_gzip(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(',')
                .any(|c| c.trim().starts_with("gzip") && !c.contains("q=0"))
        })
}

/// A kept page as sent before: gzipped once when kept, for a client that
/// takes gzip (the compression layer leaves an encoded answer as it is).
fn from_memory(kept: crate::state::KeptPage, gzip: bool, asked: Option<&HeaderValue>) -> Response {
    let mut res = Response::new(Body::empty());
    *res.headers_mut() = kept.headers;
    let (mut parts, _) = res.into_parts();
    let body = match kept.gzip {
        Some(zipped) if gzip => {
            let h = &mut parts.headers;
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            h.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
            h.remove(header::CONTENT_LENGTH);
            zipped
        }
        _ => kept.body,
    };
    answer(parts, body, asked)
}

/// The page, or 304 when the client holds it already.
fn answer(
    mut parts: axum::http::response::Parts,
    bytes: axum::body::Bytes,
    asked: Option<&HeaderValue>,
) -> Response {
    let tag = parts
        .headers
        .get(header::ETAG)
        .and_then(|t| t.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if asked.is_some_and(|v| matches(v, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Weak comparison (RFC 9110 8.8.3.2): `W/` prefixes do not count.
pub(crate) fn matches(if_none_match: &HeaderValue, tag: &str) -> bool {
    let Ok(v) = if_none_match.to_str() else {
        return false;
    };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    v.split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(tag))
}
