//! A kab/kota plan's reference to the province plan of the same kind
//! (SPEC 8, K11), chosen at creation and changeable afterwards.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::error::AppError;
use crate::store::plans::{self, Plan};

pub fn routes() -> Router<AppState> {
    Router::new().route("/rencana/{id}/acuan-provinsi", post(set))
}

/// The province plans a kab/kota plan may refer to: same kind, a period
/// that covers its first year.
pub async fn choices(state: &AppState, plan: &Plan) -> Result<Vec<(Uuid, String)>, AppError> {
    if !plan.kind.has_province_ref() {
        return Ok(Vec::new());
    }
    Ok(plans::province_plans(&state.db, plan).await?)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RefForm {
    province_ref_id: String,
}

async fn set(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<RefForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    authorize(&user, Action::EditPlan(plan_ref(&plan)))?;
    let choices = choices(&state, &plan).await?;
    let chosen = match f.province_ref_id.trim() {
        "" => None,
        raw => match Uuid::parse_str(raw)
            .ok()
            .filter(|c| choices.iter().any(|(id, _)| id == c))
        {
            Some(c) => Some(c),
            None => {
                let message = crate::i18n::tf!(
                    "acuan-provinsi-tidak-diubah-pilih-provinsi",
                    a1 = crate::i18n::label(plan.kind.label()),
                    a2 = plan.first_year
                );
                let page = super::show_page(&state, Some(&user), plan, Some(message)).await?;
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
            }
        },
    };
    crate::store::atomic(&state.db, async |tx| {
        plans::set_province_ref(tx, user.id, &plan, chosen).await
    })
    .await?;
    Ok(Redirect::to(&format!("/rencana/{id}")).into_response())
}
