//! Admin: kamus usulan entries from a sheet (`/admin/kamus-usulan/impor`,
//! CSV or .xlsx with the columns Nama jenis usulan, Kode sub kegiatan,
//! Perangkat daerah, Satuan): every row checked as the form checks one
//! entry, a preview with the row errors, nothing written until confirmed,
//! then all of it in one transaction.

use crate::web::filters;
use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::policy::{Action, authorize};
use crate::auth::{AdminUser, CurrentUser};
use crate::domain::org::OrgKind;
use crate::domain::proposal::NewKamus;
use crate::domain::target_pagu::{RowError, SheetCell};
use crate::error::AppError;
use crate::export::round_trip;
use crate::store::{self, SaveError};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/kamus-usulan/impor", post(preview))
        .route("/admin/kamus-usulan/impor/simpan", post(confirm))
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/kamus_import.html")]
struct Page {
    nav: Nav,
    refused: Option<String>,
    entries: Vec<NewKamus>,
    errors: Vec<RowError>,
    csv: String,
}

fn text(c: &SheetCell) -> String {
    match c {
        SheetCell::Empty => String::new(),
        SheetCell::Text(s) => s.trim().to_string(),
        SheetCell::Number(n) => n.to_string(),
    }
}

/// Every row as an entry or an error: the form's own checks, agencies by
/// name, names new to the region and not repeated in the file.
async fn check(
    state: &AppState,
    region: &str,
    bytes: &[u8],
) -> Result<Result<Page, String>, AppError> {
    let cells = match round_trip::read_off_runtime(bytes, "Kamus").await {
        Ok(c) => c,
        Err(why) => return Ok(Err(why)),
    };
    let agencies: HashMap<String, uuid::Uuid> =
        store::orgs::active(&state.db, region, &[OrgKind::PerangkatDaerah])
            .await?
            .into_iter()
            .map(|o| (o.name.to_lowercase(), o.id))
            .collect();
    let codes: Vec<String> = cells.iter().filter_map(|r| r.get(1).map(text)).collect();
    let known = store::nomenklatur::existing(&state.db, region, &codes).await?;
    let existing: Vec<String> = store::proposals::kamus_all(&state.db, region)
        .await?
        .into_iter()
        .map(|k| k.nama.to_lowercase())
        .collect();
    let read = crate::domain::proposal::kamus_sheet(
        &cells,
        |name| agencies.get(&name.to_lowercase()).copied(),
        |k| known.iter().any(|x| x == k),
        |nama| existing.contains(&nama.to_lowercase()),
    );
    let (entries, errors) = match read {
        Ok(r) => r,
        Err(why) => return Ok(Err(why)),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &cells {
        let _ = w.write_record(r.iter().map(text));
    }
    let csv = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    Ok(Ok(Page {
        nav: Nav::default(),
        refused: None,
        entries,
        errors,
        csv,
    }))
}

fn allowed(user: &CurrentUser) -> Result<(), AppError> {
    authorize(
        user,
        Action::ManageKamus {
            region: &user.region_kode,
        },
    )
}

fn refused(user: &CurrentUser, why: String) -> Response {
    let page = Page {
        nav: Nav::for_user(user),
        refused: Some(why),
        entries: Vec::new(),
        errors: Vec::new(),
        csv: String::new(),
    };
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

async fn preview(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    allowed(&user)?;
    let Some((_, bytes)) = crate::web::uploaded_file(&mut multipart).await? else {
        return Ok(refused(
            &user,
            crate::i18n::t("pilih-berkas-csv-atau-xlsx-untuk").into(),
        ));
    };
    match check(&state, &user.region_kode, &bytes).await? {
        Err(why) => Ok(refused(&user, why)),
        Ok(mut page) => {
            page.nav = Nav::for_user(&user);
            let status = if page.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    csv: String,
}

async fn confirm(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    allowed(&user)?;
    let mut page = match check(&state, &user.region_kode, f.csv.as_bytes()).await? {
        Err(why) => return Ok(refused(&user, why)),
        Ok(p) => p,
    };
    page.nav = Nav::for_user(&user);
    if !page.errors.is_empty() || page.entries.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match store::proposals::create_kamus_all(&state.db, user.id, &user.region_kode, &page.entries)
        .await
    {
        Ok(()) => {}
        Err(SaveError::Db(e)) => return Err(e.into()),
        Err(_) => {
            return Ok(refused(
                &user,
                crate::i18n::t("sebagian-nama-sudah-dipakai-di-kamus").into(),
            ));
        }
    }
    Ok(Redirect::to("/admin/kamus-usulan?ok=1").into_response())
}
