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
use crate::store::audit;
use crate::store::plans::Plan;

pub fn routes() -> Router<AppState> {
    Router::new().route("/rencana/{id}/acuan-provinsi", post(set))
}

/// The province plans a kab/kota plan may refer to: same kind, a period
/// that covers its first year.
pub async fn choices(state: &AppState, plan: &Plan) -> Result<Vec<(Uuid, String)>, AppError> {
    let Some((province, _)) = plan
        .region_kode
        .split_once('.')
        .filter(|_| plan.kind.has_province_ref())
    else {
        return Ok(Vec::new());
    };
    Ok(sqlx::query_as(
        "SELECT id, title FROM plans WHERE region_kode = $1 AND kind = $2 AND first_year <= $3 AND last_year >= $3
         ORDER BY first_year DESC, title",
    )
    .bind(province)
    .bind(plan.kind)
    .bind(plan.first_year)
    .fetch_all(&state.db)
    .await?)
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
                let message = format!(
                    "Acuan provinsi tidak diubah: pilih {} provinsi yang mencakup tahun {}.",
                    plan.kind.label(),
                    plan.first_year
                );
                let page = super::show_page(&state, Some(&user), plan, Some(message)).await?;
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
            }
        },
    };
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE plans SET province_ref_id = $2 WHERE id = $1")
        .bind(plan.id)
        .bind(chosen)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(user.id),
            action: "update",
            entity: "plan",
            entity_id: plan.id.to_string(),
            before: Some(serde_json::json!({"province_ref_id": plan.province_ref_id})),
            after: Some(serde_json::json!({"province_ref_id": chosen})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/rencana/{id}")).into_response())
}
