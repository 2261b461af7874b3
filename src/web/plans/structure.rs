//! Bringing a plan's cascade in from a workbook (`/rencana/{id}/isi`): a
//! region that already has its RPJMD, Renstra or RKPD creates the plan in
//! Selaras, then uploads the "Struktur" sheet (the sheet every plan's
//! workbook carries, so one plan's workbook fills another). A preview
//! shows what would be created and every row error; nothing is written
//! until confirmed, and only into a plan that is still empty.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::plan_import::{self, SHEET};
use crate::error::AppError;
use crate::export::round_trip;
use crate::store::plans::imports::{self, Pending};
use crate::store::plans::structure::{self, ApplyError, Checked};
use crate::store::plans::{self, Plan};
use crate::web::{Nav, filters};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/isi", get(upload_page).post(upload))
        .route("/rencana/{id}/isi/{imp}", get(preview).post(confirm))
}

const KIND: &str = "struktur";

/// The plan, if the user may edit it as a whole and it is still empty.
async fn empty_plan(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<Plan, AppError> {
    let plan = readable_plan(state, Some(user), id).await?;
    authorize(user, Action::EditPlan(plan_ref(&plan)))?;
    Ok(plan)
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/structure_import.html")]
struct Page {
    nav: Nav,
    plan: Plan,
    refused: Option<String>,
    pending: Option<Pending<Checked>>,
    alert: Option<String>,
}

impl Page {
    fn new(user: &CurrentUser, plan: Plan) -> Page {
        Page {
            nav: Nav::for_user(user),
            plan,
            refused: None,
            pending: None,
            alert: None,
        }
    }
}

async fn upload_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = empty_plan(&state, &user, id).await?;
    Ok(Page::new(&user, plan).into_response())
}

async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let plan = empty_plan(&state, &user, id).await?;
    let file = crate::web::uploaded_file(&mut multipart).await?;
    let refuse = |plan: Plan, why: String| {
        let mut page = Page::new(&user, plan);
        page.refused = Some(why);
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let Some((file_name, bytes)) = file else {
        return refuse(
            plan,
            crate::i18n::t("pilih-berkas-xlsx-untuk-diunggah").into(),
        );
    };
    let (items, errors) = match read(&state, &plan, &bytes).await? {
        Ok(r) => r,
        Err(why) => return refuse(plan, why),
    };
    let checked = structure::check(&state.db, &plan, items, errors).await?;
    let imp = imports::save(&state.db, &plan, user.id, KIND, &file_name, &checked).await?;
    Ok(Redirect::to(&format!("/rencana/{id}/isi/{imp}")).into_response())
}

/// A Struktur sheet, or for an RKPD or Renja its SIPD rows.
async fn read(
    state: &AppState,
    plan: &Plan,
    bytes: &[u8],
) -> Result<
    Result<
        (
            Vec<plan_import::NewItem>,
            Vec<crate::domain::target_pagu::RowError>,
        ),
        String,
    >,
    AppError,
> {
    let structure = round_trip::read_off_runtime(bytes, SHEET)
        .await
        .and_then(|cells| plan_import::read(plan.kind, &plan.years(), &plan.pagu_years(), &cells));
    let why = match structure {
        Ok(r) => return Ok(Ok(r)),
        Err(why) => why,
    };
    if !crate::export::sipd::applies(plan.kind) {
        return Ok(Err(why));
    }
    let sipd = round_trip::read_off_runtime(bytes, "SIPD")
        .await
        .and_then(|cells| plan_import::read_sipd(&cells, plan.first_year));
    let (rows, mut errors) = match sipd {
        Ok(r) => r,
        Err(why) => return Ok(Err(why)),
    };
    let (items, more) = structure::from_sipd(&state.db, plan, rows).await?;
    errors.extend(more);
    errors.sort_by_key(|e| e.row);
    Ok(Ok((items, errors)))
}

async fn pending_of(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    imp: Uuid,
) -> Result<Pending<Checked>, AppError> {
    imports::get(&state.db, &plan.region_kode, plan.id, KIND, imp)
        .await?
        .filter(|p: &Pending<Checked>| p.user_id == user.id)
        .ok_or(AppError::NotFound)
}

async fn preview(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, imp)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    let pending = pending_of(&state, &user, &plan, imp).await?;
    let mut page = Page::new(&user, plan);
    page.pending = Some(pending);
    Ok(page.into_response())
}

async fn confirm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, imp)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let plan = empty_plan(&state, &user, id).await?;
    let pending = pending_of(&state, &user, &plan, imp).await?;
    let checked = &pending.preview.0;
    if pending.applied_at.is_some() {
        return Ok(Redirect::to(&format!("/rencana/{id}")).into_response());
    }
    let refusal = if !checked.errors.is_empty() {
        Some(crate::i18n::t(
            "lembar-ini-masih-mengandung-kesalahan-perbaiki",
        ))
    } else if plan.item_count > 0 {
        Some(crate::i18n::t("rencana-ini-sudah-berisi-item-sehingga"))
    } else {
        None
    };
    if let Some(alert) = refusal {
        let mut page = Page::new(&user, plan);
        page.pending = Some(pending);
        page.alert = Some(alert.into());
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match structure::apply(&state.db, user.id, &plan, imp, checked).await {
        Ok(_) | Err(ApplyError::AlreadyApplied) => {
            Ok(Redirect::to(&format!("/rencana/{id}")).into_response())
        }
        Err(ApplyError::NotEmpty) => {
            let plan = plans::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
            let mut page = Page::new(&user, plan);
            page.pending = Some(pending);
            page.alert = Some(crate::i18n::t("rencana-ini-sudah-berisi-item-sehingga").into());
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(ApplyError::Db(e)) => Err(e.into()),
    }
}
