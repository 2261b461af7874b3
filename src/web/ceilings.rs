//! Pagu indikatif per perangkat daerah of a plan: the ceiling each agency's
//! sub kegiatan must stay within (K08), next to what they add up to now.

use crate::web::filters;
use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::Nav;
use super::plans::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can};
use crate::domain::money::Rupiah;
use crate::error::AppError;
use crate::store::ceilings;
use crate::store::plans::Plan;

pub fn routes() -> Router<AppState> {
    Router::new().route("/rencana/{id}/pagu-pd", get(show).post(save))
}

struct Cell {
    year: i32,
    field: String,
    /// What the input shows: the saved amount, or what was typed.
    raw: String,
    /// The saved amount the form was opened with (plain digits, or empty).
    read: String,
    /// Saved by someone else since the form was opened: the amount now.
    conflict: Option<String>,
    ceiling: Option<Rupiah>,
    total: Rupiah,
    error: Option<String>,
}

impl Cell {
    fn over(&self) -> bool {
        self.ceiling.is_some_and(|c| self.total > c)
    }
    fn ceiling_shown(&self) -> String {
        self.ceiling
            .map(|c| c.shown())
            .unwrap_or_else(|| "–".into())
    }
    fn total_shown(&self) -> String {
        self.total.shown()
    }
}

struct Row {
    name: String,
    cells: Vec<Cell>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/ceilings.html")]
struct Page {
    nav: Nav,
    plan: Plan,
    years: Vec<i32>,
    rows: Vec<Row>,
    can_edit: bool,
    has_errors: bool,
    has_conflict: bool,
}

/// The page; with `typed`, the form as sent (refused or in conflict): the
/// inputs keep what was typed, and a cell someone else saved meanwhile
/// shows the amount now beside it (and carries it as read, so saving again
/// takes it into account).
async fn page(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: Plan,
    typed: Option<&HashMap<String, String>>,
) -> Result<Page, AppError> {
    let agencies = super::plans::items::agencies(state, &plan.region_kode).await?;
    let ceilings = ceilings::for_plan(&state.db, &plan.region_kode, plan.id).await?;
    let totals = ceilings::sub_kegiatan_totals(&state.db, &plan.region_kode, plan.id).await?;
    let years = plan.pagu_years();
    let rows = agencies
        .into_iter()
        .map(|a| Row {
            cells: years
                .iter()
                .map(|y| cell(a.id, *y, &ceilings, &totals, typed))
                .collect(),
            name: a.name,
        })
        .collect::<Vec<_>>();
    let has_errors = rows
        .iter()
        .any(|r| r.cells.iter().any(|c| c.error.is_some()));
    let has_conflict = rows
        .iter()
        .any(|r| r.cells.iter().any(|c| c.conflict.is_some()));
    let can_edit = user.is_some_and(|u| can(u, Action::EditPlan(plan_ref(&plan))).is_ok());
    Ok(Page {
        nav: Nav::for_visitor(user),
        plan,
        years,
        rows,
        can_edit,
        has_errors,
        has_conflict,
    })
}

/// One agency's cell for one year: the ceiling saved (or as typed, with
/// its error), the sum of its sub kegiatan, and a conflict if any.
fn cell(
    org: Uuid,
    y: i32,
    ceilings: &ceilings::ByAgencyYear,
    totals: &ceilings::ByAgencyYear,
    typed: Option<&HashMap<String, String>>,
) -> Cell {
    let field = format!("c_{org}_{y}");
    let ceiling = ceilings.get(&(org, y)).copied();
    let raw = match typed {
        Some(t) => t.get(&field).cloned().unwrap_or_default(),
        None => ceiling.map(|c| c.digits()).unwrap_or_default(),
    };
    let error = typed.and_then(|_| {
        (!raw.trim().is_empty())
            .then(|| Rupiah::parse(&raw).err())
            .flatten()
    });
    let read_now = ceiling.map(|c| c.amount().to_string()).unwrap_or_default();
    let conflict = typed
        .and_then(|t| t.get(&format!("dibaca_{field}")))
        .filter(|r| r.trim() != read_now)
        .map(|_| ceiling.map(Rupiah::text).unwrap_or_else(|| "kosong".into()));
    Cell {
        year: y,
        read: read_now,
        conflict,
        field,
        raw,
        ceiling,
        total: totals.get(&(org, y)).copied().unwrap_or_default(),
        error,
    }
}

async fn show(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    Ok(page(&state, user.as_ref(), plan, None)
        .await?
        .into_response())
}

async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    axum::Form(f): axum::Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    authorize(&user, Action::EditPlan(plan_ref(&plan)))?;
    let agencies = super::plans::items::agencies(&state, &plan.region_kode).await?;
    let orgs: Vec<Uuid> = agencies.iter().map(|a| a.id).collect();
    let Some((values, read)) = parse_form(&f, &plan, &orgs) else {
        let p = page(&state, Some(&user), plan, Some(&f)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    };
    // A stale form writes nothing (the store checks before it writes).
    match crate::store::atomic(&state.db, async |tx| {
        ceilings::replace(tx, user.id, &plan, &orgs, &read, &values).await
    })
    .await?
    {
        Ok(()) => Ok(Redirect::to(&format!("/rencana/{id}/pagu-pd")).into_response()),
        Err(_now) => {
            let p = page(&state, Some(&user), plan, Some(&f)).await?;
            Ok((StatusCode::CONFLICT, p).into_response())
        }
    }
}

/// The ceilings typed on the form (blank ones left out) and the amounts
/// each cell showed when the form was opened; None when one does not parse.
fn parse_form(
    f: &HashMap<String, String>,
    plan: &Plan,
    orgs: &[Uuid],
) -> Option<(Vec<ceilings::Ceiling>, ceilings::ByAgencyYear)> {
    let mut values = Vec::new();
    let mut read = ceilings::ByAgencyYear::new();
    let mut bad = false;
    for &o in orgs {
        for y in plan.pagu_years() {
            let field = format!("c_{o}_{y}");
            if let Some(r) = f
                .get(&format!("dibaca_{field}"))
                .and_then(|r| r.trim().parse::<Decimal>().ok())
            {
                read.insert((o, y), Rupiah::new(r));
            }
            let raw = f.get(&field).map(|s| s.trim()).unwrap_or("");
            if raw.is_empty() {
                continue;
            }
            match Rupiah::parse(raw) {
                Ok(amount) => values.push(ceilings::Ceiling {
                    org_id: o,
                    year: y,
                    amount,
                }),
                Err(_) => bad = true,
            }
        }
    }
    (!bad).then_some((values, read))
}
