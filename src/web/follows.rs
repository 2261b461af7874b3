//! Following a plan, item or indicator: its comments and stage changes
//! reach the follower's inbox.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use super::plans::{plan_ref, readable_plan};
use super::safe_next;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::error::AppError;
use crate::store::follows;
use crate::store::plans::{indicators, items};

pub fn routes() -> Router<AppState> {
    Router::new().route("/ikuti/{id}", post(toggle))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Back {
    kembali: String,
}

/// The plan an object (a plan, item or indicator) belongs to.
async fn plan_of(state: &AppState, id: Uuid) -> Result<Uuid, AppError> {
    if crate::store::plans::get(&state.db, id).await?.is_some() {
        return Ok(id);
    }
    if let Some(i) = items::get(&state.db, id).await? {
        return Ok(i.plan_id);
    }
    if let Some(n) = indicators::get(&state.db, id).await? {
        return Ok(n.plan_id);
    }
    Err(AppError::NotFound)
}

async fn toggle(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(b): Form<Back>,
) -> Result<Response, AppError> {
    let plan_id = plan_of(&state, id).await?;
    // Anyone who may read it may follow it.
    let plan = readable_plan(&state, Some(&user), plan_id).await?;
    authorize(&user, Action::TrackPlan(plan_ref(&plan)))?;
    crate::store::atomic(&state.db, async |tx| {
        follows::toggle(tx, user.id, id, plan.id, &plan.region_kode).await
    })
    .await?;
    Ok(Redirect::to(&safe_next(Some(&b.kembali))).into_response())
}
