//! Input refused at the edge, once for every handler and extractor: a
//! control character (NUL above all, which PostgreSQL text cannot hold) in
//! the path, the query or a posted form. Tab, newline and carriage return
//! are allowed in form fields (multi-line text), nowhere else. What is
//! refused gets our error page naming the field, never a 500.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ErrorPage;

/// Form bodies are read whole before the handler; they are small.
const FORM_LIMIT: usize = 1024 * 1024;

/// The percent-decoded bytes of one URL component (`+` is a space in
/// query strings and forms).
fn decode(part: &str) -> Vec<u8> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn is_refused(b: u8, multiline: bool) -> bool {
    (b < 0x20 && !(multiline && matches!(b, b'\t' | b'\n' | b'\r'))) || b == 0x7f
}

/// The first field of `name=value&…` whose name or value holds a refused
/// character, if any.
pub fn bad_field(encoded: &str, multiline: bool) -> Option<String> {
    encoded.split('&').find_map(|pair| {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name_bytes = decode(name);
        let bad = name_bytes.iter().any(|b| is_refused(*b, false))
            || decode(value).iter().any(|b| is_refused(*b, multiline));
        bad.then(|| {
            String::from_utf8_lossy(&name_bytes)
                .chars()
                .filter(|c| !c.is_control())
                .take(60)
                .collect()
        })
    })
}

pub fn bad_path(path: &str) -> bool {
    decode(path).iter().any(|b| is_refused(*b, false))
}

fn refused(status: StatusCode, message: String) -> Response {
    ErrorPage::new(status, "Isian mengandung karakter yang tidak diizinkan", message)
        .into_response()
}

pub async fn refuse_control_chars(req: Request, next: Next) -> Response {
    let uri = req.uri().clone();
    if bad_path(uri.path()) {
        return refused(
            StatusCode::BAD_REQUEST,
            "Alamat ini berisi karakter kontrol (misalnya NUL) yang tidak dapat diproses. Periksa kembali alamatnya.".into(),
        );
    }
    if let Some(field) = uri.query().and_then(|q| bad_field(q, false)) {
        return refused(
            StatusCode::BAD_REQUEST,
            format!("Parameter \u{201c}{field}\u{201d} pada alamat ini berisi karakter kontrol (misalnya NUL) yang tidak dapat diproses. Hapus karakter itu lalu coba lagi."),
        );
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, FORM_LIMIT).await {
        Ok(b) => b,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    // Raw control bytes never belong in an encoded form; encoded ones only
    // as line breaks and tabs in a field's text.
    let raw = bytes.iter().any(|b| is_refused(*b, false));
    // Lossy, so a stray non-UTF-8 byte cannot hide a `%00` from the check.
    let field = bad_field(&String::from_utf8_lossy(&bytes), true);
    if raw || field.is_some() {
        let field = field.unwrap_or_default();
        return refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "Isian {}berisi karakter kontrol (misalnya NUL) yang tidak dapat disimpan, biasanya terbawa saat menyalin teks. Kembali ke halaman sebelumnya (isian Anda masih ada), hapus karakter itu, lalu kirim lagi.",
                if field.is_empty() { String::new() } else { format!("\u{201c}{field}\u{201d} ") }
            ),
        );
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_control_characters_are_found_where_they_hide() {
        assert_eq!(bad_field("body=halo%00dunia", true).as_deref(), Some("body"));
        assert_eq!(bad_field("a=1&cari=%1b", false).as_deref(), Some("cari"));
        assert_eq!(bad_field("x=%7F", true).as_deref(), Some("x"));
        assert_eq!(bad_field("na%00me=1", true).as_deref(), Some("name"));
        // Line breaks and tabs are text in a form field, not in a query.
        assert_eq!(bad_field("body=baris+satu%0D%0Abaris%09dua", true), None);
        assert_eq!(bad_field("cari=a%0Ab", false).as_deref(), Some("cari"));
        // Ordinary text, odd but harmless bytes, a broken escape.
        assert_eq!(bad_field("q=%27%22%3C%25_+%E2%80%93&r=100%", false), None);
        assert_eq!(bad_field("", false), None);
        assert!(bad_path("/usulan/USL%00"));
        assert!(!bad_path("/usulan/USL-2026-000001"));
        assert!(!bad_path("/x/%"));
    }
}
