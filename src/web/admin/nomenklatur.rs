//! Admin: a region's additions to the nomenclature master, imported from
//! CSV. Upload → preview with every row's problems → confirm. The file is
//! checked again on confirmation and imported all or nothing.

use crate::web::filters;
use std::collections::HashSet;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::notice;
use crate::app::AppState;
use crate::auth::AdminUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::nomenklatur_csv::{self, Row, RowError};
use crate::error::AppError;
use crate::store::nomenklatur::{self, Entry, NewEntry};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/nomenklatur", get(index))
        .route("/admin/nomenklatur/pratinjau", post(preview))
        .route("/admin/nomenklatur/impor", post(import))
}

#[derive(Deserialize)]
struct Ok_ {
    ok: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/nomenklatur.html")]
struct IndexPage {
    nav: Nav,
    region: String,
    additions: Vec<Entry>,
    notice: Option<&'static str>,
}

async fn index(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Query(q): Query<Ok_>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageNomenclature {
            region: &user.region_kode,
        },
    )?;
    Ok(IndexPage {
        nav: Nav::for_user(&user),
        region: user.region_label(),
        additions: nomenklatur::additions(&state.db, &user.region_kode).await?,
        notice: notice(q.ok.as_deref()),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/nomenklatur_preview.html")]
struct PreviewPage {
    nav: Nav,
    rows: Vec<Row>,
    errors: Vec<RowError>,
    csv: String,
}

/// Reads the file and checks it against the master: codes must be new,
/// parents must exist (in the master or earlier in the file).
async fn check(
    state: &AppState,
    region: &str,
    text: &str,
) -> Result<(Vec<Row>, Vec<RowError>), AppError> {
    let (rows, mut errors) = nomenklatur_csv::parse(text);
    let mut wanted: Vec<String> = rows.iter().map(|r| r.kode.clone()).collect();
    wanted.extend(rows.iter().map(|r| r.parent_kode()));
    let known: HashSet<String> = nomenklatur::existing(&state.db, region, &wanted)
        .await?
        .into_iter()
        .collect();
    let in_file: HashSet<String> = rows.iter().map(|r| r.kode.clone()).collect();
    let mut good = Vec::new();
    for r in rows {
        let mut ok = true;
        if known.contains(&r.kode) {
            errors.push(RowError {
                line: r.line,
                message: crate::i18n::tf!("kode-sudah-ada-dalam-nomenklatur", a1 = r.kode),
            });
            ok = false;
        }
        let parent = r.parent_kode();
        if !known.contains(&parent) && !in_file.contains(&parent) {
            errors.push(RowError {
                line: r.line,
                message: crate::i18n::tf!(
                    "induk-tidak-ada-dalam-nomenklatur-maupun",
                    parent = parent
                ),
            });
            ok = false;
        }
        if ok {
            good.push(r);
        }
    }
    errors.sort_by_key(|e| e.line);
    Ok((good, errors))
}

async fn preview(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageNomenclature {
            region: &user.region_kode,
        },
    )?;
    let mut text = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| {
        AppError::BadRequest("Unggahan tidak terbaca. Coba unggah ulang berkasnya.".into())
    })? {
        if field.name() == Some("berkas") {
            let bytes = field.bytes().await.map_err(|_| {
                AppError::BadRequest("Unggahan tidak terbaca. Coba unggah ulang berkasnya.".into())
            })?;
            // Checked by content: it must be UTF-8 text (a spreadsheet saved as CSV).
            let t = String::from_utf8(bytes.to_vec()).map_err(|_| {
                AppError::BadRequest("Berkas bukan teks CSV (UTF-8). Simpan lembar kerja sebagai \"CSV UTF-8\" lalu unggah lagi.".into())
            })?;
            text = Some(t.trim_start_matches('\u{feff}').to_string());
        }
    }
    let text =
        text.ok_or_else(|| AppError::BadRequest("Pilih berkas CSV untuk diunggah.".into()))?;
    let (rows, errors) = check(&state, &user.region_kode, &text).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        PreviewPage {
            nav: Nav::for_user(&user),
            rows,
            errors,
            csv: text,
        },
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ImportForm {
    csv: String,
}

async fn import(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Form(f): Form<ImportForm>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageNomenclature {
            region: &user.region_kode,
        },
    )?;
    let (rows, errors) = check(&state, &user.region_kode, &f.csv).await?;
    if !errors.is_empty() {
        let page = PreviewPage {
            nav: Nav::for_user(&user),
            rows,
            errors,
            csv: f.csv,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let entries: Vec<NewEntry> = rows
        .into_iter()
        .map(|r| NewEntry {
            level: r.level_str(),
            kode: r.kode,
            nama: r.nama,
            indikator: r.indikator,
            satuan: r.satuan,
        })
        .collect();
    crate::store::atomic(&state.db, async |tx| {
        nomenklatur::import(tx, user.id, &user.region_kode, &entries).await
    })
    .await?;
    Ok(Redirect::to("/admin/nomenklatur?ok=impor").into_response())
}
