//! Input refused at the edge, once for every handler and extractor: a
//! control character (NUL above all, which PostgreSQL text cannot hold) in
//! the path, the query or a posted form. Tab, newline and carriage return
//! are allowed in form fields (multi-line text), nowhere else. A refused
//! form comes back filled in (the characters dropped) with the message
//! beside each field that held them; a refused address gets our error
//! page. Never a 500.

use crate::web::filters;
use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

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

/// One field of a refused form, cleaned for showing back.
pub struct Field {
    pub name: String,
    pub value: String,
    /// It held a refused character.
    pub bad: bool,
    /// A password: never echoed, typed again.
    pub secret: bool,
}

#[derive(Template)]
#[template(path = "errors/refused_form.html")]
struct RefusedForm {
    nav: super::Nav,
    action: String,
    fields: Vec<Field>,
}

/// The fields of an encoded form posted to `path`, refused characters
/// dropped.
pub fn fields_of(encoded: &str, path: &str) -> Vec<Field> {
    // The one-time code of signing in is a secret; an item's `kode` is not.
    let signing_in = path.starts_with("/login");
    let clean = |bytes: Vec<u8>, multiline: bool| -> (String, bool) {
        let bad = bytes.iter().any(|b| is_refused(*b, multiline));
        let kept: Vec<u8> = bytes
            .into_iter()
            .filter(|b| !is_refused(*b, multiline))
            .collect();
        (String::from_utf8_lossy(&kept).into_owned(), bad)
    };
    encoded
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (name, bad_name) = clean(decode(name), false);
            let (value, bad_value) = clean(decode(value), true);
            let secret = name.contains("password")
                || matches!(name.as_str(), "current" | "confirm")
                || (signing_in && name == "kode");
            Field {
                bad: bad_name || bad_value,
                value: if secret { String::new() } else { value },
                name,
                secret,
            }
        })
        .collect()
}

fn refused(status: StatusCode, message: String) -> Response {
    ErrorPage::new(
        status,
        crate::i18n::t("isian-mengandung-karakter-yang-tidak-diizinkan"),
        message,
    )
    .into_response()
}

pub async fn refuse_control_chars(req: Request, next: Next) -> Response {
    if let Some(refusal) = refused_address(req.uri()) {
        return refusal;
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
        return refused_form(&parts.uri, &bytes);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The error answer to an address whose path or query holds a control character.
fn refused_address(uri: &Uri) -> Option<Response> {
    let api = uri.path().starts_with("/api/");
    if api && (bad_path(uri.path()) || uri.query().and_then(|q| bad_field(q, false)).is_some()) {
        return Some(crate::web::api::refused_early(
            crate::i18n::t("alamat-atau-parameternya-berisi-karakter-kontrol").into(),
        ));
    }
    if bad_path(uri.path()) {
        return Some(refused(
            StatusCode::BAD_REQUEST,
            crate::i18n::t("alamat-ini-berisi-karakter-kontrol-misalnya").into(),
        ));
    }
    if let Some(field) = uri.query().and_then(|q| bad_field(q, false)) {
        return Some(refused(
            StatusCode::BAD_REQUEST,
            format!(
                "Parameter \u{201c}{field}\u{201d} pada alamat ini berisi karakter kontrol (misalnya NUL) yang tidak dapat diproses. Hapus karakter itu lalu coba lagi."
            ),
        ));
    }
    None
}

/// The refused form posted to `uri`, filled in again without the control characters.
fn refused_form(uri: &Uri, bytes: &[u8]) -> Response {
    // The form comes back filled in, the characters dropped, the
    // message beside each field that held them.
    let plain = || {
        refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::i18n::t("isian-berisi-karakter-kontrol-misalnya-nul").into(),
        )
    };
    // Sent back only to a path of this site (never `//elsewhere`).
    let action = uri
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_else(|| "/".into());
    if super::safe_next(Some(&action)) != action {
        return plain();
    }
    let page = RefusedForm {
        nav: super::Nav::anonymous(),
        fields: fields_of(&String::from_utf8_lossy(bytes), uri.path()),
        action,
    };
    match page.render() {
        Ok(html) => (StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response(),
        Err(_) => plain(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_form_comes_back_cleaned_without_its_passwords() {
        let f = fields_of(
            "target=plan&body=satu%00dua%0D%0Atiga&password=ra%00hasia",
            "/rencana/x/komentar",
        );
        assert_eq!(f.len(), 3);
        assert_eq!(
            (f[0].name.as_str(), f[0].value.as_str(), f[0].bad),
            ("target", "plan", false)
        );
        assert_eq!(f[1].value, "satudua\r\ntiga");
        assert!(f[1].bad && !f[1].secret);
        assert!(f[2].bad && f[2].secret && f[2].value.is_empty());
        // An item's code comes back; a sign-in code does not.
        assert_eq!(fields_of("kode=1.02%00", "/item/x")[0].value, "1.02");
        assert!(fields_of("kode=12%003456", "/login/kode")[0].secret);
    }

    #[test]
    fn nul_and_control_characters_are_found_where_they_hide() {
        assert_eq!(
            bad_field("body=halo%00dunia", true).as_deref(),
            Some("body")
        );
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
