//! The admin area of a pemda: users, organizations and memberships. An
//! admin manages only the region of their own account; ids of another
//! region's records are refused by the policy, not hidden.

mod kamus;
mod kamus_import;
mod nomenklatur;
mod orgs;
mod roster;
mod users;

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
        "dibuat" => "Data berhasil dibuat.",
        "disimpan" => "Perubahan tersimpan.",
        "kata-sandi" => "Kata sandi baru tersimpan; semua sesi pengguna ini telah diakhiri.",
        "nonaktif" => "Pengguna dinonaktifkan dan semua sesinya diakhiri.",
        "aktif" => "Pengguna diaktifkan kembali.",
        "keanggotaan" => "Keanggotaan ditambahkan.",
        "keanggotaan-dihapus" => "Keanggotaan dihapus.",
        "impor" => "Nomenklatur tambahan berhasil diimpor.",
        "wilayah" => "Organisasi kecamatan dan desa/kelurahan dibuat dari daftar wilayah.",
        "faktor-kedua" => {
            "Verifikasi dua langkah diatur ulang; semua sesi pengguna ini telah diakhiri. Saat masuk berikutnya ia memasang aplikasi autentikator lagi."
        }
        _ => return None,
    })
}
