//! The admin area of a pemda: users, organizations and memberships. An
//! admin manages only the region of their own account; ids of another
//! region's records are refused by the policy, not hidden.

mod kamus;
mod kamus_import;
mod nomenklatur;
mod orgs;
mod roster;
mod users;

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::Nav;
use crate::app::AppState;
use crate::auth::AdminUser;
use crate::auth::policy::{Action, authorize};
use crate::error::AppError;
use crate::store;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(index))
        .merge(users::routes())
        .merge(orgs::routes())
        .merge(nomenklatur::routes())
        .merge(kamus::routes())
        .merge(kamus_import::routes())
        .merge(roster::routes())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/index.html")]
struct Index {
    nav: Nav,
    region: String,
    users: usize,
    active_users: usize,
    organizations: usize,
}

async fn index(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ViewAdmin {
            region: &user.region_kode,
        },
    )?;
    let users = store::users::list(&state.db, &user.region_kode).await?;
    let orgs = store::orgs::list(&state.db, &user.region_kode).await?;
    Ok(Index {
        nav: Nav::for_user(&user),
        region: user.region_label(),
        users: users.len(),
        active_users: users.iter().filter(|u| u.active).count(),
        organizations: orgs.len(),
    }
    .into_response())
}

/// Notices shown after a redirect (`?ok=...`): fixed texts, so nothing a
/// URL carries is ever echoed onto the page.
pub fn notice(code: Option<&str>) -> Option<&'static str> {
    Some(match code? {
        "dibuat" => crate::i18n::t("data-berhasil-dibuat"),
        "disimpan" => crate::i18n::t("perubahan-tersimpan"),
        "kata-sandi" => crate::i18n::t("kata-sandi-baru-tersimpan-semua-sesi"),
        "nonaktif" => crate::i18n::t("pengguna-dinonaktifkan-dan-semua-sesinya-diakhiri"),
        "aktif" => crate::i18n::t("pengguna-diaktifkan-kembali"),
        "keanggotaan" => crate::i18n::t("keanggotaan-ditambahkan"),
        "keanggotaan-dihapus" => crate::i18n::t("keanggotaan-dihapus"),
        "impor" => crate::i18n::t("nomenklatur-tambahan-berhasil-diimpor"),
        "wilayah" => crate::i18n::t("organisasi-kecamatan-dan-desa-kelurahan-dibuat"),
        "faktor-kedua" => crate::i18n::t("verifikasi-dua-langkah-diatur-ulang-semua"),
        _ => return None,
    })
}
