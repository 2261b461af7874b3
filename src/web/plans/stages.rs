//! Stages of a plan: moving forward with a note, enactment by an approver
//! (four eyes), returning one stage back, stage schedules, and the versions
//! frozen at each transition with a redline comparison of any two.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::plan::Stage;
use crate::domain::snapshot::{Comparison, compare};
use crate::domain::stage::{self, Move};
use crate::error::AppError;
use crate::format::WIB;
use crate::store::SaveError;
use crate::store::plans::Plan;
use crate::store::plans::stages::{self, SnapshotRow};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/tahap", post(move_stage))
        .route("/rencana/{id}/jadwal", post(set_schedule))
        .route("/rencana/{id}/versi", get(versions))
        .route("/rencana/{id}/banding", get(comparison))
        .route("/rencana/{id}/sejak-terakhir", get(since_last))
        .route("/rencana/{id}/sudah-dibaca", post(mark_seen))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MoveForm {
    gerak: String,
    catatan: String,
    /// The plan version the approver read (the penetapan form only).
    versi: Option<i32>,
}

async fn move_stage(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<MoveForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    let mv = move_of(&f.gerak)?;
    let requested_by = stages::requested_by(&state.db, &plan.region_kode, plan.id).await?;
    authorize(
        &user,
        Action::MoveStage {
            plan: plan_ref(&plan),
            mv,
            requested_by,
        },
    )?;
    let note = f.catatan.trim();
    if note.is_empty() || note.chars().count() > 4000 {
        let error = crate::i18n::t("tuliskan-catatan-untuk-perpindahan-tahap-ini");
        let mut page = move_again(&state, &user, plan, &f, None).await?;
        page.panel.form_error = Some(error.into());
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let to = stage::target(plan.kind, plan.stage, mv).map_err(AppError::Forbidden)?;
    let moved = if version_read(mv, &f, &plan) == plan.version {
        crate::store::atomic(&state.db, async |tx| {
            stages::move_stage(tx, user.id, &plan, mv, to, note).await
        })
        .await
    } else {
        Err(SaveError::Conflict)
    };
    match moved {
        Ok(()) => Ok(Redirect::to(&format!("/rencana/{id}#tahapan")).into_response()),
        Err(SaveError::Conflict) => {
            let fresh = readable_plan(&state, Some(&user), id).await?;
            let msg = changed_since(mv, &fresh);
            // The note typed is kept, should the move still be wanted.
            let page = move_again(&state, &user, fresh, &f, Some(msg)).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The plan's version the move was asked on. What the approver enacts is
/// what the approver read: the version on the form must still be the
/// plan's (a return and a new request since would have changed it).
fn version_read(mv: Move, f: &MoveForm, plan: &Plan) -> i32 {
    if mv == Move::Penetapan {
        f.versi.unwrap_or(-1)
    } else {
        plan.version
    }
}

fn move_of(gerak: &str) -> Result<Move, AppError> {
    match gerak {
        "maju" => Ok(Move::Maju),
        "penetapan" => Ok(Move::Penetapan),
        "kembali" => Ok(Move::Kembali),
        _ => Err(AppError::BadRequest(
            "Pilih gerakan tahapan dari halaman rencana.".into(),
        )),
    }
}

/// Why a move was refused as stale: an enactment names the version read.
fn changed_since(mv: Move, fresh: &Plan) -> String {
    let stage = crate::i18n::label(fresh.stage.label());
    if mv == Move::Penetapan {
        crate::i18n::tf!(
            "rencana-ini-berubah-sejak-halaman-anda",
            a1 = stage,
            a2 = fresh.version
        )
    } else {
        crate::i18n::tf!("tahapan-rencana-ini-baru-saja-diubah", a1 = stage)
    }
}

/// The plan page with the move form as it was sent.
async fn move_again(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    f: &MoveForm,
    alert: Option<String>,
) -> Result<super::ShowPage, AppError> {
    let mut page = super::show_page(state, Some(user), plan, alert).await?;
    page.panel.form_move = f.gerak.clone();
    page.panel.form_note = f.catatan.clone();
    Ok(page)
}

/// A stage's schedule as typed: the stage, its first and last day.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ScheduleForm {
    pub stage: String,
    pub dibuka: String,
    pub ditutup: String,
}

async fn set_schedule(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    authorize(&user, Action::SetSchedule(plan_ref(&plan)))?;
    let window = crate::domain::stage::Schedule::parse(plan.kind, &f.stage, &f.dibuka, &f.ditutup);
    let crate::domain::stage::Schedule {
        stage,
        opens: a,
        closes: b,
    } = match window {
        Ok(window) => window,
        Err(errors) => {
            let mut page = super::show_page(&state, Some(&user), plan, None).await?;
            page.panel.schedule_form = f;
            page.panel.schedule_errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    // Whole days in WIB: open from 00.00 of the first day to the end of the last.
    let at = |d: Date| PrimitiveDateTime::new(d, Time::MIDNIGHT).assume_offset(WIB);
    crate::store::atomic(&state.db, async |tx| {
        stages::set_schedule(
            tx,
            user.id,
            &plan,
            stage,
            at(a),
            at(b) + time::Duration::days(1),
        )
        .await
    })
    .await?;
    Ok(Redirect::to(&format!("/rencana/{id}#tahapan")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/versions.html")]
struct VersionsPage {
    nav: Nav,
    plan: Plan,
    snapshots: Vec<SnapshotRow>,
}

impl VersionsPage {
    fn when(&self, t: &OffsetDateTime) -> String {
        crate::format::waktu(*t)
    }
}

async fn versions(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let mut snapshots = stages::snapshots(&state.db, &plan.region_kode, id).await?;
    snapshots.retain(|s| snapshot_readable(user.as_ref(), &plan, s));
    Ok(VersionsPage {
        nav: Nav::for_visitor(user.as_ref()),
        snapshots,
        plan,
    }
    .into_response())
}

#[derive(Deserialize)]
struct Between {
    dari: Option<String>,
    ke: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/compare.html")]
struct ComparePage {
    nav: Nav,
    plan: Plan,
    from_label: String,
    to_label: String,
    c: Comparison,
    /// On the "since you last looked" page: offer to mark it seen.
    mark_seen: bool,
}

impl ComparePage {
    fn tables(&self) -> Vec<(&'static str, &Vec<crate::domain::snapshot::ValueChange>)> {
        vec![
            (crate::i18n::t("item-berubah"), &self.c.items_changed),
            (crate::i18n::t("target-berubah"), &self.c.targets_changed),
            (crate::i18n::t("pagu-berubah"), &self.c.pagu_changed),
        ]
    }
}

/// May the visitor read a frozen version? It is the plan as it was when it
/// entered the snapshot's stage: a version frozen while the plan was an
/// internal draft stays internal once the plan is public.
fn snapshot_readable(user: Option<&CurrentUser>, plan: &Plan, s: &stages::SnapshotRow) -> bool {
    crate::auth::policy::can_view_plan(
        user,
        crate::auth::policy::PlanRef {
            stage: s.stage,
            ..plan_ref(plan)
        },
    )
    .is_ok()
}

/// A snapshot by id, or the plan as it is today (`kini`), if the visitor
/// may read it.
async fn version(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    key: &str,
) -> Result<(String, crate::domain::snapshot::Snapshot), AppError> {
    if key == "kini" {
        let mut conn = state.db.acquire().await?;
        return Ok((
            crate::i18n::t("hari-ini").into(),
            stages::current(&mut conn, plan).await?,
        ));
    }
    let id = Uuid::parse_str(key).map_err(|_| AppError::NotFound)?;
    let (row, data) = stages::snapshot(&state.db, &plan.region_kode, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if row.plan_id != plan.id || !snapshot_readable(user, plan, &row) {
        return Err(AppError::NotFound);
    }
    Ok((
        format!("{} ({})", row.label, crate::format::waktu(row.taken_at)),
        data,
    ))
}

async fn comparison(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    Query(q): Query<Between>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let (from_label, a) = version(
        &state,
        user.as_ref(),
        &plan,
        q.dari.as_deref().unwrap_or("kini"),
    )
    .await?;
    let (to_label, b) = version(
        &state,
        user.as_ref(),
        &plan,
        q.ke.as_deref().unwrap_or("kini"),
    )
    .await?;
    Ok(ComparePage {
        nav: Nav::for_visitor(user.as_ref()),
        plan,
        from_label,
        to_label,
        c: compare(&a, &b),
        mark_seen: false,
    }
    .into_response())
}

/// What changed since the reader last marked the plan as seen.
async fn since_last(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    let Some((seen, before)) = stages::last_seen(&state.db, &plan.region_kode, user.id, id).await?
    else {
        return Ok(Redirect::to(&format!("/rencana/{id}")).into_response());
    };
    let mut conn = state.db.acquire().await?;
    let now = stages::current(&mut conn, &plan).await?;
    Ok(ComparePage {
        nav: Nav::for_user(&user),
        from_label: crate::i18n::tf!(
            "terakhir-anda-tandai-dibaca",
            a1 = crate::format::waktu(seen)
        ),
        to_label: crate::i18n::t("hari-ini").into(),
        c: compare(&before, &now),
        plan,
        mark_seen: true,
    }
    .into_response())
}

async fn mark_seen(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    authorize(&user, Action::TrackPlan(plan_ref(&plan)))?;
    crate::store::atomic(&state.db, async |tx| {
        stages::mark_seen(tx, user.id, &plan).await
    })
    .await?;
    Ok(Redirect::to(&format!("/rencana/{id}")).into_response())
}

/// For readers who follow a plan's drafts (DPRD): has it changed since
/// they last marked it seen? None when they never did.
pub async fn changed_since_seen(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
) -> Result<Option<(String, bool)>, AppError> {
    let Some((seen, before)) =
        stages::last_seen(&state.db, &plan.region_kode, user.id, plan.id).await?
    else {
        return Ok(None);
    };
    let mut conn = state.db.acquire().await?;
    let now = stages::current(&mut conn, plan).await?;
    Ok(Some((
        crate::format::waktu(seen),
        !compare(&before, &now).is_empty(),
    )))
}

/// What the plan page's stage panel shows and offers.
pub struct StagePanel {
    pub stages: Vec<(Stage, bool)>,
    pub next: Option<Stage>,
    pub previous: Option<Stage>,
    pub caps: crate::auth::policy::PlanCaps,
    pub enact_blocked: Option<String>,
    pub lock: Option<String>,
    pub schedules: Vec<ScheduleRow>,
    pub transitions: Vec<stages::Transition>,
    /// A refused stage move comes back as typed: which move ("maju",
    /// "penetapan", "kembali"), its note and why it was refused.
    pub form_move: String,
    pub form_note: String,
    pub form_error: Option<String>,
    /// A refused schedule, as typed, and its errors.
    pub schedule_form: ScheduleForm,
    pub schedule_errors: crate::domain::user::FieldErrors,
}

impl StagePanel {
    /// The note typed for `mv`, when that form came back refused.
    pub fn note_for(&self, mv: &str) -> &str {
        if self.form_move == mv {
            &self.form_note
        } else {
            ""
        }
    }
    pub fn error_for(&self, mv: &str) -> Option<&str> {
        (self.form_move == mv)
            .then_some(self.form_error.as_deref())
            .flatten()
    }
}

impl StagePanel {
    pub fn when(&self, t: &OffsetDateTime) -> String {
        crate::format::waktu(*t)
    }
}

pub fn panel(
    user: Option<&CurrentUser>,
    plan: &Plan,
    caps: crate::auth::policy::PlanCaps,
    facts: &crate::store::plans::PageFacts,
) -> StagePanel {
    let requested_by = facts.requested_by;
    let r = plan_ref(plan);
    let enact_blocked = match user {
        Some(u) if crate::auth::policy::can(u, Action::AwaitsMyPenetapan(r)).is_ok() => {
            crate::auth::policy::can(
                u,
                Action::MoveStage {
                    plan: r,
                    mv: Move::Penetapan,
                    requested_by,
                },
            )
            .err()
            .map(|d| d.0)
        }
        _ => None,
    };
    StagePanel {
        stages: plan
            .kind
            .stages()
            .iter()
            .map(|s| (*s, *s == plan.stage))
            .collect(),
        next: stage::target(plan.kind, plan.stage, Move::Maju).ok(),
        previous: stage::target(plan.kind, plan.stage, Move::Kembali).ok(),
        caps,
        enact_blocked,
        lock: lock_of(plan),
        schedules: schedule_rows(&facts.schedules),
        form_move: String::new(),
        form_note: String::new(),
        form_error: None,
        schedule_form: Default::default(),
        schedule_errors: Default::default(),
        transitions: transitions(user, plan, &facts.transitions),
    }
}

/// Why the plan cannot be edited now, if it cannot (its schedule).
fn lock_of(plan: &Plan) -> Option<String> {
    match plan.window() {
        stage::Window::Open => None,
        stage::Window::NotYet(t) => Some(crate::i18n::tf!(
            "penyuntingan-terkunci-sampai",
            a1 = crate::format::waktu(t)
        )),
        stage::Window::Closed(t) => Some(crate::i18n::tf!(
            "penyuntingan-ditutup-sejak",
            a1 = crate::format::waktu(t)
        )),
    }
}

/// A stage's schedule on the stage panel.
pub struct ScheduleRow {
    pub stage: String,
    pub first_day: String,
    pub last_day: String,
}

/// The stages' schedules.
fn schedule_rows(schedules: &[stages::Schedule]) -> Vec<ScheduleRow> {
    schedules
        .iter()
        .map(|s| ScheduleRow {
            stage: crate::i18n::label(s.stage.label()).to_string(),
            first_day: crate::format::tanggal(s.opens_at),
            last_day: crate::format::tanggal(s.closes_at - time::Duration::seconds(1)),
        })
        .collect()
}

/// The plan's moves between stages, an internal stage note kept for those
/// who may read internal text, as in their inbox.
fn transitions(
    user: Option<&CurrentUser>,
    plan: &Plan,
    all: &[stages::Transition],
) -> Vec<stages::Transition> {
    let r = plan_ref(plan);
    all.iter()
        .cloned()
        .map(|mut t| {
            let vis = crate::store::notifications::stage_note_visibility(t.to_stage);
            if !crate::auth::policy::can_see_comments(user, r, vis) {
                t.note = String::new();
            }
            t
        })
        .collect()
}
