//! Konsultasi publik: the list of plans open for public input, and the
//! berita acara (HTML to print, and .xlsx) once a consultation has closed.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use uuid::Uuid;

use super::Nav;
use super::plans::readable_plan;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::domain::comment::{Target, Visibility};
use crate::domain::plan::Stage;
use crate::domain::stage::Window;
use crate::error::AppError;
use crate::export::berita_acara::{self, Input};
use crate::store::plans::{self, Plan};
use crate::store::{comments, plans::stages};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/konsultasi", get(list))
        .route("/konsultasi/{id}", get(open))
        .route("/rencana/{id}/berita-acara", get(minutes))
        .route("/rencana/{id}/berita-acara.xlsx", get(minutes_xlsx))
}

/// "Masukan diterima sampai …" for a plan in consultation.
pub fn deadline(plan: &Plan) -> Option<String> {
    if plan.stage != Stage::KonsultasiPublik {
        return None;
    }
    Some(match plan.window() {
        Window::Open => match plan.schedule_closes {
            Some(t) => crate::i18n::tf!(
                "masukan-publik-diterima-sampai",
                a1 = crate::format::waktu(t)
            ),
            None => crate::i18n::t("masukan-publik-diterima-selama-tahap-konsultasi").into(),
        },
        Window::NotYet(t) => crate::i18n::tf!(
            "konsultasi-publik-dibuka-pada",
            a1 = crate::format::waktu(t)
        ),
        Window::Closed(t) => crate::i18n::tf!(
            "konsultasi-publik-telah-ditutup-pada",
            a1 = crate::format::waktu(t)
        ),
    })
}

struct Open {
    plan: Plan,
    deadline: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "consultation/list.html")]
struct ListPage {
    nav: Nav,
    open: Vec<Open>,
}

async fn list(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Response, AppError> {
    let open = plans::list_public(&state.db)
        .await?
        .into_iter()
        .filter(|p| p.stage == Stage::KonsultasiPublik)
        .map(|p| Open {
            deadline: deadline(&p).unwrap_or_default(),
            plan: p,
        })
        .collect();
    Ok(ListPage {
        nav: Nav::for_visitor(user.as_ref()),
        open,
    }
    .into_response())
}

/// The public page of a consultation is the plan page: the draft, the
/// deadline and the form for public input.
async fn open(Path(id): Path<Uuid>) -> Redirect {
    Redirect::to(&format!("/rencana/{id}#komentar"))
}

/// When the consultation closed: when the plan left the stage, or when
/// the stage's schedule closed. None while it is still open.
async fn closed_at(
    state: &AppState,
    plan: &Plan,
) -> Result<Option<time::OffsetDateTime>, AppError> {
    let left = stages::transitions(&state.db, &plan.region_kode, plan.id)
        .await?
        .into_iter()
        .filter(|t| t.from_stage == Stage::KonsultasiPublik && t.to_stage > Stage::KonsultasiPublik)
        .map(|t| t.at)
        .max();
    Ok(match (left, plan.stage, plan.window()) {
        (_, Stage::KonsultasiPublik, Window::Closed(t)) => Some(t),
        (_, Stage::KonsultasiPublik, _) => None,
        (left, ..) => left,
    })
}

/// The plan as it was published for konsultasi publik: the version frozen
/// when it last entered that stage. The berita acara quotes this, never
/// the current draft (which may be internal again).
async fn published(
    state: &AppState,
    plan: &Plan,
) -> Result<Option<crate::domain::snapshot::Snapshot>, AppError> {
    let last = stages::snapshots(&state.db, &plan.region_kode, plan.id)
        .await?
        .into_iter()
        .filter(|s| s.stage == Stage::KonsultasiPublik)
        .max_by_key(|s| s.taken_at);
    Ok(match last {
        Some(s) => stages::snapshot(&state.db, &plan.region_kode, s.id)
            .await?
            .map(|(_, d)| d),
        None => None,
    })
}

/// The public inputs of the consultation, quoting the published version;
/// and that version's title.
async fn inputs(state: &AppState, plan: &Plan) -> Result<(String, Vec<Input>), AppError> {
    let published = published(state, plan).await?;
    // Paragraph anchors are `bab-{position}`: the position is the current
    // section's, the text the published one.
    let positions: HashMap<Uuid, String> = plans::sections(&state.db, &plan.region_kode, plan.id)
        .await?
        .iter()
        .map(|s| (s.id, s.key()))
        .collect();
    let paragraphs: Vec<(String, String)> = published
        .iter()
        .flat_map(|p| p.sections.iter())
        .filter_map(|s| positions.get(&s.id).map(|k| (k, s)))
        .flat_map(|(k, s)| crate::domain::markdown::paragraphs(&s.body_md, k))
        .collect();
    let labels = labels(published.as_ref());
    let title = published
        .as_ref()
        .map(|p| p.title.clone())
        .unwrap_or_else(|| plan.title.clone());
    let all = comments::for_plan(&state.db, &plan.region_kode, plan.id).await?;
    let rows = all
        .into_iter()
        .filter(|c| c.visibility == Visibility::Publik && c.parent_id.is_none())
        .map(|mut c| {
            // What the comment was about, as published; an item added
            // since is named by nothing of the draft.
            c.target_label = c.target_id.and_then(|t| labels.get(&t).cloned());
            c
        })
        .enumerate()
        .map(|(i, c)| input(i + 1, c, &paragraphs))
        .collect();
    Ok((title, rows))
}

/// The published items and indicators by id, as a comment names them.
fn labels(published: Option<&crate::domain::snapshot::Snapshot>) -> HashMap<Uuid, String> {
    published
        .iter()
        .flat_map(|p| {
            p.items
                .iter()
                .map(|i| {
                    let label = match &i.kode {
                        Some(k) => format!("{k} {}", i.nama),
                        None => i.nama.clone(),
                    };
                    (i.id, label)
                })
                .chain(p.indicators.iter().map(|n| (n.id, n.name.clone())))
        })
        .collect()
}

/// One public input as the berita acara lists it, numbered from 1.
fn input(number: usize, c: comments::Comment, paragraphs: &[(String, String)]) -> Input {
    let about = match (c.target, &c.anchor, &c.target_label) {
        (Target::Paragraph, Some(a), _) => {
            let excerpt = paragraphs
                .iter()
                .find(|(k, _)| k == a)
                .map(|(_, t)| t.chars().take(60).collect::<String>());
            format!(
                "{}{}",
                crate::web::comments::paragraph_name(a),
                excerpt.map(|e| format!(": “{e}…”")).unwrap_or_default()
            )
        }
        (_, _, Some(l)) => l.clone(),
        _ => crate::i18n::t("rencana-secara-umum").into(),
    };
    Input {
        number,
        date: crate::format::tanggal(c.created_at),
        at: c.created_at,
        author: c.author_name.clone(),
        organization: c.author_org.clone().unwrap_or_default(),
        about,
        body: if c.removed_at.is_some() {
            crate::i18n::t("dihapus").into()
        } else {
            c.body.clone()
        },
        status: c
            .tl_status
            .map(|s| crate::i18n::label(s.label()).to_string())
            .unwrap_or_else(|| crate::i18n::t("belum-ditindaklanjuti").into()),
        answer: c.tl_answer.clone().unwrap_or_default(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "consultation/minutes.html")]
struct MinutesPage {
    nav: Nav,
    plan: Plan,
    /// The title as published for the consultation.
    title: String,
    closed: Option<String>,
    deadline: Option<String>,
    /// One page of the inputs (`MINUTES_PAGE` a page; the .xlsx has all).
    inputs: Vec<Input>,
    total: usize,
    page: usize,
    pages: usize,
    first: usize,
    last: usize,
}

/// The berita acara is a public record once a consultation has closed,
/// even while the plan itself is back in internal drafting.
async fn minutes_plan(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: Uuid,
) -> Result<(Plan, Option<time::OffsetDateTime>), AppError> {
    let plan = plans::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let closed = closed_at(state, &plan).await?;
    if closed.is_none() {
        readable_plan(state, user, id).await?;
    }
    Ok((plan, closed))
}

/// Inputs per page of the berita acara on screen.
const MINUTES_PAGE: usize = 200;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct MinutesQuery {
    halaman: Option<usize>,
}

async fn minutes(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    axum::extract::Query(q): axum::extract::Query<MinutesQuery>,
) -> Result<Response, AppError> {
    let (plan, closed) = minutes_plan(&state, user.as_ref(), id).await?;
    let closed = closed.map(crate::format::waktu);
    let (title, inputs) = if closed.is_some() {
        inputs(&state, &plan).await?
    } else {
        (plan.title.clone(), Vec::new())
    };
    let total = inputs.len();
    let pages = total.div_ceil(MINUTES_PAGE).max(1);
    let page = q.halaman.unwrap_or(1).clamp(1, pages);
    let inputs: Vec<Input> = inputs
        .into_iter()
        .skip((page - 1) * MINUTES_PAGE)
        .take(MINUTES_PAGE)
        .collect();
    let first = (page - 1) * MINUTES_PAGE + 1;
    let last = first + inputs.len().saturating_sub(1);
    Ok(MinutesPage {
        nav: Nav::for_visitor(user.as_ref()),
        deadline: deadline(&plan),
        plan,
        title,
        closed,
        inputs,
        total,
        page,
        pages,
        first,
        last,
    }
    .into_response())
}

async fn minutes_xlsx(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (plan, closed) = minutes_plan(&state, user.as_ref(), id).await?;
    let Some(closed) = closed else {
        return Err(AppError::BadRequest(
            "Berita acara tersedia setelah konsultasi publik ditutup.".into(),
        ));
    };
    let (title, rows) = inputs(&state, &plan).await?;
    let bytes = berita_acara::xlsx(
        &title,
        &plan.region_nama,
        &crate::format::waktu(closed),
        &rows,
    )
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!(
        "berita-acara-{}-{}.xlsx",
        plan.kind.as_str(),
        plan.period().replace('–', "-")
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
