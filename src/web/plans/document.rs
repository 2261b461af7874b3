//! A plan as the documents the law and SIPD ask for: the whole plan to
//! print (`/rencana/{id}/cetak`; the browser makes the PDF), its annex
//! tables as a workbook (`/rencana/{id}/unduh.xlsx`) and, for RKPD and
//! Renja, the sub kegiatan as SIPD rows (`/rencana/{id}/sipd.xlsx`,
//! `.csv`). Whoever may read the plan may take it away in every form.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use uuid::Uuid;

use super::readable_plan;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::domain::annex;
use crate::domain::markdown;
use crate::domain::plan::Stage;
use crate::error::AppError;
use crate::export::sipd;
use crate::export::tables::{self, Meta, Table};
use crate::export::workbook::{self, Heading};
use crate::store::plans::{self, Plan};
use crate::web::{XLSX, download};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/cetak", get(print))
        .route("/rencana/{id}/unduh.xlsx", get(workbook))
        .route("/rencana/{id}/sipd.xlsx", get(sipd_xlsx))
        .route("/rencana/{id}/sipd.csv", get(sipd_csv))
        .route("/rencana/{id}/item.csv", get(items_csv))
}

/// The plan, its chapters and its annex tables, read together.
struct Loaded {
    plan: Plan,
    sections: Vec<crate::domain::snapshot::SnapSection>,
    annex: annex::Annex,
    names: annex::Names,
    tables: Vec<Table>,
}

async fn load(state: &AppState, user: Option<&CurrentUser>, id: Uuid) -> Result<Loaded, AppError> {
    let mut plan = readable_plan(state, user, id).await?;
    super::hide_unreadable_refs(user, &mut plan);
    let doc = plans::document::load(&state.db, &plan).await?;
    let annex = annex::build(plan.kind, &doc.snapshot, &doc.names);
    let meta = Meta {
        kind: plan.kind,
        years: plan.years(),
        region: plan.region_nama.clone(),
    };
    let tables = tables::tables(&meta, &annex);
    Ok(Loaded {
        plan,
        sections: doc.snapshot.sections,
        annex,
        names: doc.names,
        tables,
    })
}

/// Drafts say so on every page and in every file name.
fn is_draft(plan: &Plan) -> bool {
    plan.stage != Stage::Ditetapkan
}

struct Chapter {
    anchor: String,
    title: String,
    html: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/print.html")]
struct PrintPage {
    plan: Plan,
    draft: bool,
    /// When the plan entered its stage, if it moved at all.
    stage_since: Option<String>,
    printed: String,
    chapters: Vec<Chapter>,
    tables: Vec<Table>,
}

async fn print(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let loaded = load(&state, user.as_ref(), id).await?;
    let stage_since = plans::stages::transitions(&state.db, &loaded.plan.region_kode, id)
        .await?
        .into_iter()
        .find(|t| t.to_stage == loaded.plan.stage)
        .map(|t| crate::format::tanggal(t.at));
    let chapters = loaded
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| Chapter {
            anchor: format!("bab-{}", i + 1),
            title: s.title.clone(),
            html: markdown::render(&s.body_md, &format!("bab-{}", i + 1)),
        })
        .collect();
    Ok(PrintPage {
        draft: is_draft(&loaded.plan),
        stage_since,
        printed: crate::format::tanggal(time::OffsetDateTime::now_utc()),
        chapters,
        tables: loaded.tables,
        plan: loaded.plan,
    }
    .into_response())
}

/// The parts of a file name: kind, region, period, stage.
fn file_parts(plan: &Plan) -> [String; 4] {
    [
        plan.kind.label().to_string(),
        plan.region_nama.clone(),
        plan.period(),
        plan.stage.label().to_string(),
    ]
}

fn heading(plan: &Plan) -> Heading {
    let mut lines = vec![format!(
        "{} · {} {}",
        plan.region_nama,
        plan.kind.long_name(),
        plan.period()
    )];
    lines.push(if is_draft(plan) {
        format!("RANCANGAN · tahap {}", plan.stage.label().to_lowercase())
    } else {
        crate::i18n::t("ditetapkan").to_string()
    });
    Heading {
        title: plan.title.clone(),
        lines,
    }
}

async fn workbook(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let loaded = load(&state, user.as_ref(), id).await?;
    let live = plans::imports::state(&state.db, &loaded.plan).await?;
    let (years, pagu_years) = (loaded.plan.years(), loaded.plan.pagu_years());
    let bytes = workbook::xlsx(&heading(&loaded.plan), &loaded.tables, |wb| {
        crate::export::structure::add_sheet(wb, &years, &pagu_years, &live)
    })
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let parts = file_parts(&loaded.plan);
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Ok(download(&parts, "xlsx", XLSX, bytes))
}

/// SIPD rows exist for the annual plans with sub kegiatan.
async fn sipd_rows(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: Uuid,
) -> Result<(Plan, Vec<sipd::Row>), AppError> {
    let loaded = load(state, user, id).await?;
    if !sipd::applies(loaded.plan.kind) {
        return Err(AppError::NotFound);
    }
    let year = loaded.plan.first_year;
    let rows = sipd::rows(&loaded.annex, year, &loaded.names);
    Ok((loaded.plan, rows))
}

fn sipd_parts(plan: &Plan) -> Vec<String> {
    let mut parts = vec!["sipd".to_string()];
    parts.extend(file_parts(plan));
    parts
}

async fn sipd_xlsx(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (plan, rows) = sipd_rows(&state, user.as_ref(), id).await?;
    let bytes = sipd::xlsx(&heading(&plan), plan.first_year, &rows)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let parts = sipd_parts(&plan);
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Ok(download(&parts, "xlsx", XLSX, bytes))
}

/// The cascade as open data: one line per item and indicator, from the
/// same tables as the print view (a draft only to those who may read it).
async fn items_csv(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let l = load(&state, user.as_ref(), id).await?;
    let bytes = crate::export::items_csv::csv(&l.annex, &l.plan.years())
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let period = l.plan.period();
    let mut parts = vec![
        l.plan.kind.label(),
        l.plan.region_nama.as_str(),
        period.as_str(),
    ];
    if is_draft(&l.plan) {
        parts.push("rancangan");
    }
    Ok(download(&parts, "csv", crate::web::CSV, bytes))
}

async fn sipd_csv(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (plan, rows) = sipd_rows(&state, user.as_ref(), id).await?;
    let bytes = sipd::csv(plan.first_year, &rows).map_err(|e| AppError::Internal(e.to_string()))?;
    let parts = sipd_parts(&plan);
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    Ok(download(&parts, "csv", "text/csv; charset=utf-8", bytes))
}
