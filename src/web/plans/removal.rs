//! Removing from a draft, always behind a confirmation page that lists
//! what goes and what stands in the way: an item with its subtree
//! (`/item/{id}/hapus`), an indicator (`/indikator/{id}/hapus`), a chapter
//! (`/bab/{id}/hapus`), a whole plan still at its first stage
//! (`/rencana/{id}/hapus`). Enacted plans and plans waiting for penetapan
//! refuse all of it (the policy's content rules).

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::error::AppError;
use crate::store::plans::removal::{self, RemoveError};
use crate::store::plans::{self, Plan, indicators, items};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/item/{id}/hapus", get(item_page).post(item_remove))
        .route(
            "/indikator/{id}/hapus",
            get(indicator_page).post(indicator_remove),
        )
        .route("/bab/{id}/hapus", get(section_page).post(section_remove))
        .route("/rencana/{id}/hapus", get(plan_page).post(plan_remove))
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/remove.html")]
struct Page {
    nav: Nav,
    plan: Plan,
    heading: String,
    /// Where "Batal" leads, and where the form posts.
    back: String,
    action: String,
    version: i32,
    /// What goes.
    lines: Vec<String>,
    notes: Vec<String>,
    blockers: Vec<String>,
    reason: String,
    reason_error: Option<String>,
    alert: Option<String>,
}

impl Page {
    fn new(
        user: &CurrentUser,
        plan: Plan,
        heading: String,
        back: String,
        action: String,
        version: i32,
    ) -> Page {
        Page {
            nav: Nav::for_user(user),
            plan,
            heading,
            back,
            action,
            version,
            lines: Vec::new(),
            notes: Vec::new(),
            blockers: Vec::new(),
            reason: String::new(),
            reason_error: None,
            alert: None,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    version: i32,
    alasan: String,
}

/// The reason an RKPD Perubahan asks of every change, or why it is missing.
fn reason_of(plan: &Plan, f: &ConfirmForm) -> Result<String, String> {
    let r = f.alasan.trim().to_string();
    if plan.is_perubahan() && !(5..=2000).contains(&r.chars().count()) {
        return Err(crate::i18n::t("setiap-perubahan-dalam-rkpd-perubahan-memerlukan").into());
    }
    Ok(r)
}

/// The page again, with why the removal did not happen.
fn refused(
    mut page: Page,
    status: StatusCode,
    f: &ConfirmForm,
    reason_error: Option<String>,
    alert: Option<&str>,
) -> Response {
    page.reason = f.alasan.clone();
    page.reason_error = reason_error;
    page.alert = alert.map(str::to_string);
    (status, page).into_response()
}

const CHANGED: &str =
    "Isinya berubah sejak halaman ini dibuka; periksa lagi daftar di bawah sebelum menghapus.";
const BLOCKED: &str = "Belum dapat dihapus: lepaskan dulu yang mengacu ke sini (daftar di bawah).";

async fn item_confirmation(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: &items::Item,
) -> Result<Page, AppError> {
    let r = removal::item_removal(&state.db, item).await?;
    let mut page = Page::new(
        user,
        plan,
        format!(
            "Hapus {} {}?",
            item.level.label().to_lowercase(),
            item.heading()
        ),
        format!("/item/{}", item.id),
        format!("/item/{}/hapus", item.id),
        item.version,
    );
    page.lines = r
        .items
        .iter()
        .map(|(l, h)| format!("{} {h}", l.label()))
        .collect();
    page.notes.push(crate::i18n::tf!(
        "indikator-beserta-target-dan-realisasinya",
        a1 = r.indicators
    ));
    if !r.pagu.is_empty() {
        let pagu = r
            .pagu
            .iter()
            .map(|(y, a)| format!("{y}: {}", a.shown()))
            .collect::<Vec<_>>()
            .join(", ");
        page.notes
            .push(crate::i18n::tf!("pagu-item-ini-dan-pagu-item", pagu = pagu));
    }
    if r.comments > 0 {
        page.notes.push(crate::i18n::tf!(
            "komentar-tetap-tersimpan-dan-terbaca-di",
            a1 = r.comments
        ));
    }
    page.blockers = r.blockers;
    Ok(page)
}

async fn item_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (plan, item) = super::editable_item(&state, &user, id).await?;
    Ok(item_confirmation(&state, &user, plan, &item)
        .await?
        .into_response())
}

async fn item_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    let (plan, item) = super::editable_item(&state, &user, id).await?;
    let reason = match reason_of(&plan, &f) {
        Ok(r) => r,
        Err(e) => {
            let page = item_confirmation(&state, &user, plan, &item).await?;
            return Ok(refused(
                page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &f,
                Some(e),
                None,
            ));
        }
    };
    let back = item
        .parent_id
        .map(|p| format!("/item/{p}"))
        .unwrap_or(format!("/rencana/{}", plan.id));
    match removal::remove_item(&state.db, user.id, &plan, &item, f.version, &reason).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(RemoveError::Db(e)) => Err(e.into()),
        Err(e) => {
            let (status, alert) = match e {
                RemoveError::Conflict => (StatusCode::CONFLICT, CHANGED),
                _ => (StatusCode::CONFLICT, BLOCKED),
            };
            let fresh = items::get_in(&state.db, &plan.region_kode, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let page = item_confirmation(&state, &user, plan, &fresh).await?;
            Ok(refused(page, status, &f, None, Some(alert)))
        }
    }
}

async fn editable_indicator(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, indicators::Indicator, Page), AppError> {
    let ind = indicators::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (plan, item) = super::editable_item(state, user, ind.item_id).await?;
    let mut page = Page::new(
        user,
        plan.clone(),
        crate::i18n::tf!("hapus-indikator", a1 = ind.name),
        format!("/indikator/{id}"),
        format!("/indikator/{id}/hapus"),
        ind.version,
    );
    page.lines = vec![format!(
        "Indikator {} ({}) dari {}",
        ind.name,
        ind.satuan,
        item.heading()
    )];
    page.notes
        .push(crate::i18n::t("target-dan-realisasi-setiap-tahunnya-ikut").into());
    page.blockers = removal::indicator_blockers(&state.db, id).await?;
    Ok((plan, ind, page))
}

async fn indicator_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    Ok(editable_indicator(&state, &user, id)
        .await?
        .2
        .into_response())
}

async fn indicator_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    let (plan, ind, page) = editable_indicator(&state, &user, id).await?;
    let reason = match reason_of(&plan, &f) {
        Ok(r) => r,
        Err(e) => {
            return Ok(refused(
                page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &f,
                Some(e),
                None,
            ));
        }
    };
    match removal::remove_indicator(&state.db, user.id, &plan, &ind, f.version, &reason).await {
        Ok(()) => Ok(Redirect::to(&format!("/item/{}#indikator", ind.item_id)).into_response()),
        Err(RemoveError::Db(e)) => Err(e.into()),
        Err(RemoveError::Conflict) => {
            Ok(refused(page, StatusCode::CONFLICT, &f, None, Some(CHANGED)))
        }
        Err(RemoveError::Blocked) => {
            Ok(refused(page, StatusCode::CONFLICT, &f, None, Some(BLOCKED)))
        }
    }
}

async fn editable_section(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, plans::Section, Page), AppError> {
    let section = plans::section(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(state, Some(user), section.plan_id).await?;
    authorize(user, Action::EditPlan(plan_ref(&plan)))?;
    let mut page = Page::new(
        user,
        plan.clone(),
        crate::i18n::tf!("hapus-bab", a1 = section.title),
        format!("/rencana/{}#{}", plan.id, section.key()),
        format!("/bab/{id}/hapus"),
        section.version,
    );
    let words = section.body_md.split_whitespace().count();
    page.lines = vec![format!("{} ({words} kata)", section.title)];
    page.notes
        .push(crate::i18n::t("bab-lain-tetap-bernomor-seperti-sekarang").into());
    Ok((plan, section, page))
}

async fn section_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    Ok(editable_section(&state, &user, id).await?.2.into_response())
}

async fn section_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    let (plan, section, page) = editable_section(&state, &user, id).await?;
    let reason = match reason_of(&plan, &f) {
        Ok(r) => r,
        Err(e) => {
            return Ok(refused(
                page,
                StatusCode::UNPROCESSABLE_ENTITY,
                &f,
                Some(e),
                None,
            ));
        }
    };
    match removal::remove_section(&state.db, user.id, &plan, &section, f.version, &reason).await {
        Ok(()) => Ok(Redirect::to(&format!("/rencana/{}", plan.id)).into_response()),
        Err(RemoveError::Db(e)) => Err(e.into()),
        Err(_) => Ok(refused(page, StatusCode::CONFLICT, &f, None, Some(CHANGED))),
    }
}

async fn removable_plan(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, Page), AppError> {
    let plan = readable_plan(state, Some(user), id).await?;
    authorize(user, Action::RemovePlan(plan_ref(&plan)))?;
    let mut page = Page::new(
        user,
        plan.clone(),
        crate::i18n::tf!("hapus-seluruh", a1 = plan.title),
        format!("/rencana/{id}"),
        format!("/rencana/{id}/hapus"),
        plan.version,
    );
    page.lines = vec![format!(
        "{} {} ({}), tahap {}",
        plan.kind.label(),
        plan.period(),
        plan.title,
        plan.stage.label().to_lowercase()
    )];
    page.notes.push(crate::i18n::tf!(
        "seluruh-bab-item-beserta-indikator-target",
        a1 = plan.item_count
    ));
    page.blockers = removal::plan_blockers(&state.db, &plan.region_kode, id).await?;
    Ok((plan, page))
}

async fn plan_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    Ok(removable_plan(&state, &user, id).await?.1.into_response())
}

async fn plan_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    let (plan, page) = removable_plan(&state, &user, id).await?;
    match removal::remove_plan(&state.db, user.id, &plan, f.version).await {
        Ok(()) => Ok(Redirect::to("/rencana").into_response()),
        Err(RemoveError::Db(e)) => Err(e.into()),
        Err(RemoveError::Conflict) => {
            Ok(refused(page, StatusCode::CONFLICT, &f, None, Some(CHANGED)))
        }
        Err(RemoveError::Blocked) => {
            Ok(refused(page, StatusCode::CONFLICT, &f, None, Some(BLOCKED)))
        }
    }
}
