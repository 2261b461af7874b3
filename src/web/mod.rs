//! Handlers, one module per area. A handler parses, authorizes (through
//! `auth::policy`), calls `store`, and renders a template: a screen of code.

pub mod account;
pub mod admin;
pub mod alignment;
pub mod api;
pub mod assets;
pub mod ceilings;
pub mod checks;
pub mod comments;
pub mod consultation;
pub mod edge;
pub mod feeds;
pub mod filters;
pub mod follows;
pub mod home;
pub mod inbox;
pub mod kerja_sama;
pub mod language;
pub mod links;
pub mod maps;
pub mod meetings;
pub mod musrenbang;
pub mod ops;
pub mod plans;
pub mod proposal_comments;
pub mod proposal_files;
pub mod proposal_lineage;
pub mod proposals;
pub mod reader;
pub mod revalidate;
pub mod search;
pub mod session;
pub mod signup;

use axum::Router;

use crate::app::AppState;
use crate::auth::CurrentUser;

/// Every route. Bodies are limited here (`app::BODY_LIMIT`), except the
/// file uploads, which carry their own larger limit.
pub fn routes() -> Router<AppState> {
    pages()
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            crate::app::BODY_LIMIT,
        ))
        .merge(proposal_files::routes())
}

fn pages() -> Router<AppState> {
    Router::new()
        .route("/static/{name}", axum::routing::get(assets::file))
        .merge(ops::routes())
        .merge(api::routes())
        .merge(language::routes())
        .merge(feeds::routes())
        .merge(search::routes())
        .merge(session::routes())
        .merge(links::routes())
        .merge(signup::routes())
        .merge(home::routes())
        .merge(account::routes())
        .merge(admin::routes())
        .merge(plans::routes())
        .merge(comments::routes())
        .merge(consultation::routes())
        .merge(inbox::routes())
        .merge(follows::routes())
        .merge(musrenbang::routes())
        .merge(meetings::routes())
        .merge(proposals::routes())
        .merge(proposal_comments::routes())
        .merge(proposal_lineage::routes())
        .merge(checks::routes())
        .merge(alignment::routes())
        .merge(ceilings::routes())
        .merge(kerja_sama::routes())
        .merge(maps::routes())
        .merge(proposal_files::reading_routes())
}

/// What the header of every page needs to know about the visitor.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    pub signed_in: bool,
    pub full_name: String,
    pub username: String,
    pub region: String,
    pub is_admin: bool,
    pub unread: i64,
}

impl Nav {
    pub fn anonymous() -> Nav {
        Nav::default()
    }

    pub fn for_user(user: &CurrentUser) -> Nav {
        Nav {
            signed_in: true,
            full_name: user.full_name.clone(),
            username: user.username.clone(),
            region: user.region_nama.clone(),
            is_admin: crate::auth::policy::can(
                user,
                crate::auth::policy::Action::ViewAdmin {
                    region: &user.region_kode,
                },
            )
            .is_ok(),
            unread: user.unread,
        }
    }

    pub fn for_visitor(user: Option<&CurrentUser>) -> Nav {
        user.map(Nav::for_user).unwrap_or_default()
    }
}

/// A redirect target from a form or query: only a path that, resolved
/// against our own origin, stays on it. Browsers drop tabs and newlines
/// from URLs and read a backslash as a slash, so `/\t/evil` and `/\evil`
/// are other sites; encoded slashes and control characters are refused too.
/// Anything else falls back to `/`.
pub fn safe_next(next: Option<&str>) -> String {
    let ok = |n: &str| {
        let lower = n.to_ascii_lowercase();
        n.starts_with('/')
            && !n.starts_with("//")
            && n.len() <= 500
            && !n.contains('\\')
            && !n.chars().any(|c| c.is_control())
            && !["%2f", "%5c", "%00", "%09", "%0a", "%0d"]
                .iter()
                .any(|e| lower.contains(e))
    };
    match next {
        Some(n) if ok(n) => n.to_string(),
        _ => "/".to_string(),
    }
}

/// The media type of .xlsx workbooks.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv; charset=utf-8";

/// A file to save: its type, and a name made of lowercase letters, digits
/// and dashes (`rkpd-kota-magelang-2026-rancangan-awal.xlsx`), so no
/// browser or header parser trips over it.
pub fn download(
    parts: &[&str],
    extension: &str,
    media_type: &str,
    bytes: Vec<u8>,
) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let name = format!("{}.{extension}", slug(&parts.join(" ")));
    (
        [
            (header::CONTENT_TYPE, media_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub use crate::format::slug;

/// The file sent in the multipart field `berkas`, with its name cleaned of
/// control characters (for showing it back), if one was chosen.
pub async fn uploaded_file(
    multipart: &mut axum::extract::Multipart,
) -> Result<Option<(String, axum::body::Bytes)>, crate::error::AppError> {
    let unreadable = || {
        crate::error::AppError::BadRequest(
            "Unggahan tidak terbaca. Coba unggah ulang berkasnya.".into(),
        )
    };
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| unreadable())? {
        if field.name() == Some("berkas") {
            let name: String = field
                .file_name()
                .unwrap_or("berkas.xlsx")
                .chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect();
            file = Some((name, field.bytes().await.map_err(|_| unreadable())?));
        }
    }
    Ok(file.filter(|(_, b)| !b.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_targets_stay_on_the_site() {
        assert_eq!(safe_next(Some("/admin/pengguna")), "/admin/pengguna");
        assert_eq!(safe_next(Some("//evil.example/")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/\n/evil.example")), "/");
        assert_eq!(safe_next(Some("/%2F/evil.example")), "/");
        assert_eq!(safe_next(Some("/%5cevil.example")), "/");
        assert_eq!(safe_next(Some("/rencana?x=1#k")), "/rencana?x=1#k");
        assert_eq!(safe_next(None), "/");
    }
}
