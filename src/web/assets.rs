//! The stylesheets, icon and script, built into the binary: an installed
//! `selaras` (the Debian package, a copied binary) needs no files beside
//! it. Each is sent with a strong ETag from its content, so a browser asks
//! again cheaply after the hour it may cache it.

use std::sync::OnceLock;

use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// Name, type and content of every file under `/static/`.
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "selaras.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/selaras.css"),
    ),
    (
        "cetak.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/cetak.css"),
    ),
    (
        "tabel.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/tabel.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../../static/favicon.svg"),
    ),
];

fn etags() -> &'static [String] {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    TAGS.get_or_init(|| {
        FILES
            .iter()
            .map(|(_, _, body)| {
                let hash = Sha256::digest(body);
                let hex: String = hash[..12].iter().map(|b| format!("{b:02x}")).collect();
                format!("\"{hex}\"")
            })
            .collect()
    })
}

pub async fn file(Path(name): Path<String>, headers: HeaderMap) -> Result<Response, AppError> {
    let Some(i) = FILES.iter().position(|(n, _, _)| *n == name) else {
        return Err(AppError::NotFound);
    };
    let (_, kind, body) = FILES[i];
    let etag = &etags()[i];
    let cache = [
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=3600"),
        ),
        (
            header::ETAG,
            HeaderValue::from_str(etag).expect("hex in quotes"),
        ),
    ];
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if fresh {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((
        cache,
        [(header::CONTENT_TYPE, HeaderValue::from_static(kind))],
        body,
    )
        .into_response())
}
