//! Cek Keselarasan of a plan: every finding grouped by rule, filterable by
//! agency, with links to where each is fixed; also as .xlsx and JSON.

use crate::web::filters;
use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use serde::Deserialize;
use uuid::Uuid;

use super::Nav;
use super::plans::readable_plan;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::domain::checks::Quoting;
use crate::domain::checks::{self, Finding, RULES, Severity};
use crate::error::AppError;
use crate::store::plans::Plan;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/cek", get(page))
        .route("/rencana/{id}/cek.xlsx", get(xlsx))
        .route("/rencana/{id}/cek.json", get(json))
}

/// Runs every rule over a plan, quoting what `quoting` allows.
pub async fn run(
    state: &AppState,
    plan: &Plan,
    quoting: Quoting,
) -> Result<Vec<Finding>, AppError> {
    let start = std::time::Instant::now();
    let input = crate::store::checks::load_quoting(&state.db, plan, quoting).await?;
    let findings = checks::run(&input);
    crate::telemetry::cek_ran(start.elapsed());
    Ok(findings)
}

/// `run`, kept per version of the data (`data_version`, bumped at the
/// commit of any change a check reads) and computed again only after a
/// change. The findings depend on the plan alone, not on who reads them
/// (whoever reaches here may read the plan), so one copy serves everyone;
/// the home page shows a planner the counts of what is kept.
pub(crate) async fn run_for(
    state: &AppState,
    _user: Option<&CurrentUser>,
    plan: &Plan,
) -> Result<std::sync::Arc<Vec<Finding>>, AppError> {
    run_quoting(state, plan, Quoting::for_stage(plan.stage)).await
}

/// `run_for`, quoting only what `quoting` allows (the open-data API:
/// enacted plans only), kept apart per `quoting`.
pub(crate) async fn run_quoting(
    state: &AppState,
    plan: &Plan,
    quoting: Quoting,
) -> Result<std::sync::Arc<Vec<Finding>>, AppError> {
    // The version is read before the data, so what is kept under it is
    // never older than it.
    let version = crate::store::checks::data_version(&state.db).await?;
    if let Some(hit) = state.check_cache.get(plan.id, quoting, version) {
        return Ok(hit);
    }
    let findings = std::sync::Arc::new(run(state, plan, quoting).await?);
    state
        .check_cache
        .put(plan.id, quoting, version, findings.clone());
    Ok(findings)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Q {
    pd: String,
}

struct Group {
    id: &'static str,
    title: &'static str,
    findings: Vec<Finding>,
}

#[derive(Template, WebTemplate)]
#[template(path = "checks/page.html")]
struct Page {
    nav: Nav,
    plan: Plan,
    groups: Vec<Group>,
    errors: usize,
    warnings: usize,
    agencies: Vec<(Uuid, String)>,
    pd: String,
    agency_names: HashMap<Uuid, String>,
}

impl Page {
    fn agency_of(&self, f: &Finding) -> String {
        f.agency
            .and_then(|a| self.agency_names.get(&a).cloned())
            .unwrap_or_default()
    }
}

async fn page(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    Query(q): Query<Q>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let pd = Uuid::parse_str(&q.pd).ok();
    let findings: Vec<Finding> = run_for(&state, user.as_ref(), &plan)
        .await?
        .iter()
        .filter(|f| pd.is_none() || f.agency == pd)
        .cloned()
        .collect();
    let agencies = crate::store::checks::agencies(&state.db, &plan.region_kode, id).await?;
    let groups = RULES
        .iter()
        .map(|r| Group {
            id: r.id,
            title: r.title,
            findings: findings
                .iter()
                .filter(|f| f.rule == r.id)
                .cloned()
                .collect(),
        })
        .collect();
    Ok(Page {
        nav: Nav::for_visitor(user.as_ref()),
        errors: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
        agency_names: agencies.iter().cloned().collect(),
        agencies,
        pd: q.pd,
        plan,
        groups,
    }
    .into_response())
}

async fn xlsx(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let findings = run_for(&state, user.as_ref(), &plan).await?;
    let names: HashMap<Uuid, String> =
        crate::store::checks::agencies(&state.db, &plan.region_kode, id)
            .await?
            .into_iter()
            .collect();
    let bytes = crate::export::checks::xlsx(&plan.title, &findings, |f| {
        f.agency
            .and_then(|a| names.get(&a).cloned())
            .unwrap_or_default()
    })
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"cek-keselarasan-{}-{}.xlsx\"",
                    plan.kind.as_str(),
                    plan.first_year
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn json(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let findings = run_for(&state, user.as_ref(), &plan).await?;
    Ok(
        Json(serde_json::json!({ "plan": plan.id, "title": plan.title, "findings": *findings }))
            .into_response(),
    )
}
