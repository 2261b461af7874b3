//! Targets and pagu round trip: the workbook to edit in Excel
//! (`/rencana/{id}/target-pagu.xlsx`), its upload (`/rencana/{id}/impor`),
//! the preview of every change, error and conflict
//! (`/rencana/{id}/impor/{imp}`), and the confirmation that writes it all
//! in one transaction. Nothing changes before the confirmation; a file
//! with errors changes nothing at all.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, can};
use crate::domain::target_pagu::{self, Key};
use crate::error::AppError;
use crate::export::round_trip;
use crate::export::workbook::Heading;
use crate::store::plans::imports::{self, ApplyError, Pending};
use crate::store::plans::{Plan, items::Item};
use crate::web::{Nav, XLSX, download, filters};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/target-pagu.xlsx", get(workbook))
        .route("/rencana/{id}/impor", get(upload_page).post(upload))
        .route("/rencana/{id}/impor/{imp}", get(preview).post(confirm))
}

/// May the person change this value of `item`: targets and pagu as an
/// edit of the item, realisasi also once the plan is enacted.
pub(super) fn may(user: &CurrentUser, plan: &Plan, item: &Item, key: Key) -> Result<(), String> {
    let (plan, responsible, level) = (plan_ref(plan), item.responsible_org_id, item.level);
    let action = match key {
        Key::Realisasi { .. } => Action::RecordRealisasi {
            plan,
            responsible,
            level,
        },
        Key::Target { .. } | Key::Pagu { .. } => Action::EditItem {
            plan,
            responsible,
            level,
        },
    };
    can(user, action).map_err(|d| d.0)
}

fn may_edit_any(user: &CurrentUser, plan: &Plan, item: &Item) -> bool {
    let realisasi = Key::Realisasi {
        indicator: Uuid::nil(),
        year: 0,
    };
    may(user, plan, item, realisasi).is_ok()
}

/// The workbook, in the plan's order: per item its pagu years, then each
/// indicator's years.
async fn workbook(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let s = imports::state(&state.db, &plan).await?;
    let rows = round_trip::rows_of(&s, &plan.years(), &plan.pagu_years());
    let heading = Heading {
        title: crate::i18n::tf!("target-dan-pagu", a1 = plan.title),
        lines: vec![
            format!("{} · {}", plan.region_nama, plan.period()),
            format!(
                "Diunduh {} · tahap {}",
                crate::format::waktu(time::OffsetDateTime::now_utc()),
                plan.stage.label().to_lowercase()
            ),
        ],
    };
    let bytes = round_trip::xlsx(&heading, &rows).map_err(|e| AppError::Internal(e.to_string()))?;
    let parts = [
        "target-pagu",
        plan.kind.label(),
        &plan.region_nama,
        &plan.period(),
        plan.stage.label(),
    ];
    Ok(download(&parts, "xlsx", XLSX, bytes))
}

/// The plan, if the user may change something in it (the whole plan, or
/// the items of their agency).
pub(super) async fn editable_plan(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<Plan, AppError> {
    let plan = readable_plan(state, Some(user), id).await?;
    let items = crate::store::plans::items::for_plan(&state.db, &plan.region_kode, id).await?;
    match can(user, Action::EditPlan(plan_ref(&plan))) {
        Ok(()) => Ok(plan),
        Err(_) if items.iter().any(|i| may_edit_any(user, &plan, i)) => Ok(plan),
        Err(why) => Err(AppError::Forbidden(why.0)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/import.html")]
struct ImportPage {
    nav: Nav,
    plan: Plan,
    /// Why the file as a whole was refused.
    refused: Option<String>,
    pending: Option<Pending>,
    reason: String,
    reason_error: Option<String>,
    alert: Option<String>,
}

impl ImportPage {
    fn new(user: &CurrentUser, plan: Plan) -> ImportPage {
        ImportPage {
            nav: Nav::for_user(user),
            plan,
            refused: None,
            pending: None,
            reason: String::new(),
            reason_error: None,
            alert: None,
        }
    }
}

async fn upload_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = editable_plan(&state, &user, id).await?;
    Ok(ImportPage::new(&user, plan).into_response())
}

async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let plan = editable_plan(&state, &user, id).await?;
    let file = crate::web::uploaded_file(&mut multipart).await?;
    let refuse = |plan: Plan, why: String| {
        let mut page = ImportPage::new(&user, plan);
        page.refused = Some(why);
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let Some((file_name, bytes)) = file else {
        return refuse(
            plan,
            crate::i18n::t("pilih-berkas-xlsx-untuk-diunggah").into(),
        );
    };
    let cells = match round_trip::read_off_runtime(&bytes, round_trip::SHEET).await {
        Ok(c) => c,
        Err(why) => return refuse(plan, why),
    };
    let (rows, errors) = match target_pagu::read(&cells) {
        Ok(r) => r,
        Err(why) => return refuse(plan, why),
    };
    let s = imports::state(&state.db, &plan).await?;
    let items: std::collections::HashMap<Uuid, &Item> = s.items.iter().map(|i| (i.id, i)).collect();
    let preview = target_pagu::compare(rows, errors, &s.now(&plan), |item, key| {
        match items.get(&item) {
            Some(i) => may(&user, &plan, i, key),
            None => Err("tidak ada di rencana ini.".into()),
        }
    });
    let imp = imports::save(
        &state.db,
        &plan,
        user.id,
        "target_pagu",
        &file_name,
        &preview,
    )
    .await?;
    Ok(Redirect::to(&format!("/rencana/{id}/impor/{imp}")).into_response())
}

/// A pending import, shown only to the person who sent it.
async fn pending_of(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    imp: Uuid,
) -> Result<Pending, AppError> {
    imports::get(&state.db, &plan.region_kode, plan.id, "target_pagu", imp)
        .await?
        .filter(|p| p.user_id == user.id)
        .ok_or(AppError::NotFound)
}

async fn preview(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, imp)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let plan = editable_plan(&state, &user, id).await?;
    let pending = pending_of(&state, &user, &plan, imp).await?;
    let mut page = ImportPage::new(&user, plan);
    page.pending = Some(pending);
    Ok(page.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    alasan: String,
}

async fn confirm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, imp)): Path<(Uuid, Uuid)>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    let plan = editable_plan(&state, &user, id).await?;
    let pending = pending_of(&state, &user, &plan, imp).await?;
    let reason = f.alasan.trim().to_string();
    let denied = denial(&state, &user, &plan, &pending.preview.0).await?;
    if let Some((field, alert)) = refusal(denied.as_deref(), &pending.preview.0, &plan, &reason) {
        let mut page = page_again(&user, plan, pending, reason);
        page.reason_error = field.map(str::to_string);
        page.alert = Some(alert.to_string());
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match imports::apply(&state.db, user.id, &plan, &pending, &reason).await {
        Ok(_) | Err(ApplyError::AlreadyApplied) => {
            Ok(Redirect::to(&format!("/rencana/{id}/impor/{imp}")).into_response())
        }
        Err(ApplyError::Conflict) => {
            let mut page = page_again(&user, plan, pending, reason);
            page.alert = Some(crate::i18n::t("sebagian-isian-diubah-di-selaras-setelah").into());
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(ApplyError::Db(e)) => Err(e.into()),
    }
}

/// Why nothing may be applied: a change to an item the person may no longer change.
async fn denial(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    p: &target_pagu::Preview,
) -> Result<Option<String>, AppError> {
    // Asked again now: the plan may have been enacted, or an item given to
    // another agency, since the preview.
    let items: std::collections::HashMap<Uuid, Item> =
        crate::store::plans::items::for_plan(&state.db, &plan.region_kode, plan.id)
            .await?
            .into_iter()
            .map(|i| (i.id, i))
            .collect();
    let denied = p.changes.iter().find_map(|c| match items.get(&c.item) {
        Some(i) => may(user, plan, i, c.key).err(),
        None => Some("item ini tidak ada lagi.".to_string()),
    });
    Ok(denied.map(|why| crate::i18n::tf!("tidak-ada-yang-diubah-unggah-lagi", why = why)))
}

/// Why the import is refused, if it is: (the reason field's error, the alert).
fn refusal<'a>(
    denied: Option<&'a str>,
    p: &target_pagu::Preview,
    plan: &Plan,
    reason: &str,
) -> Option<(Option<&'static str>, &'a str)> {
    if let Some(why) = denied {
        Some((None, why))
    } else if !p.errors.is_empty() {
        Some((
            None,
            crate::i18n::t("berkas-ini-masih-mengandung-kesalahan-perbaiki"),
        ))
    } else if p.changes.is_empty() {
        Some((None, crate::i18n::t("tidak-ada-perubahan-untuk-diterapkan")))
    } else if plan.is_perubahan() && !(5..=2000).contains(&reason.chars().count()) {
        Some((
            Some(crate::i18n::t(
                "setiap-perubahan-dalam-rkpd-perubahan-memerlukan",
            )),
            crate::i18n::t("isi-alasan-perubahan-lalu-terapkan-lagi"),
        ))
    } else {
        None
    }
}

/// The import page again, with the pending import and the reason as typed.
fn page_again(user: &CurrentUser, plan: Plan, pending: Pending, reason: String) -> ImportPage {
    let mut page = ImportPage::new(user, plan);
    page.pending = Some(pending);
    page.reason = reason;
    page
}
