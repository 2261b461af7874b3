//! Alignment links on the item page (add, remove with confirmation) and
//! the list of a plan's items not yet aligned upward.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::Nav;
use super::plans::readable_plan;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::domain::alignment::{Upward, target_region, upward};
use crate::error::AppError;
use crate::store::alignment::{self, Candidate, Unaligned};
use crate::store::plans::Plan;
use crate::store::plans::items::{self, Item};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/item/{id}/keselarasan", post(add))
        .route("/keselarasan/{id}/hapus", get(confirm_remove).post(remove))
        .route("/rencana/{id}/belum-selaras", get(unaligned))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AddForm {
    to_item_id: String,
}

/// The item typed (its id) among those the item may follow upward, or
/// None when it is not one of them.
async fn chosen(
    state: &AppState,
    plan: &Plan,
    u: &Upward,
    typed: &str,
) -> Result<Option<Candidate>, AppError> {
    let targets: Vec<Uuid> = alignment::target_plans(&state.db, plan, u)
        .await?
        .into_iter()
        .map(|t| t.0)
        .collect();
    // The target plans are of one region: the plan's, or its province's.
    let region = target_region(u.scope, &plan.region_kode);
    Ok(match (Uuid::parse_str(typed.trim()), region) {
        (Ok(to), Some(region)) => alignment::candidate(&state.db, region, &targets, u, to).await?,
        _ => None,
    })
}

async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<AddForm>,
) -> Result<Response, AppError> {
    let (plan, item) = crate::web::plans::editable_item(&state, &user, id).await?;
    let Some(u) = upward(plan.kind, item.level) else {
        return Err(AppError::BadRequest(crate::i18n::tf!(
            "dalam-tidak-diselaraskan-ke-dokumen-lain",
            a1 = crate::i18n::label(item.level.label()),
            a2 = crate::i18n::label(plan.kind.label())
        )));
    };
    let chosen = chosen(&state, &plan, &u, &f.to_item_id).await?;
    let problem = match &chosen {
        None => Some(crate::i18n::tf!("pilih-yang-diacu", a1 = u.describe())),
        Some(c) => {
            let added = crate::store::atomic(&state.db, async |tx| {
                alignment::add(tx, user.id, &item, c).await
            })
            .await?;
            (!added).then(|| crate::i18n::t("item-ini-sudah-terkait-dengan-item").to_string())
        }
    };
    match problem {
        None => Ok(Redirect::to(&format!("/item/{id}#keselarasan")).into_response()),
        Some(message) => {
            let page = super::plans::items::page_with_alignment_error(
                &state,
                &user,
                plan,
                item,
                message,
                f.to_item_id,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "alignment/remove.html")]
struct ConfirmRemove {
    nav: Nav,
    link: Uuid,
    from: Item,
    to: Item,
}

async fn confirm_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let link = alignment::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, from) = crate::web::plans::editable_item(&state, &user, link.from_item_id).await?;
    let to = items::get(&state.db, link.to_item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ConfirmRemove {
        nav: Nav::for_visitor(Some(&user)),
        link: id,
        from,
        to,
    }
    .into_response())
}

async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let Some(link) = alignment::get(&state.db, id).await? else {
        return Err(AppError::NotFound);
    };
    let (_, from) = crate::web::plans::editable_item(&state, &user, link.from_item_id).await?;
    crate::store::atomic(&state.db, async |tx| {
        alignment::remove(tx, user.id, &link).await
    })
    .await?;
    Ok(Redirect::to(&format!("/item/{}#keselarasan", from.id)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "alignment/unaligned.html")]
struct UnalignedPage {
    nav: Nav,
    plan: Plan,
    rows: Vec<Unaligned>,
}

async fn unaligned(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let rows = alignment::unaligned(&state.db, &plan).await?;
    Ok(UnalignedPage {
        nav: Nav::for_visitor(user.as_ref()),
        plan,
        rows,
    }
    .into_response())
}
