//! Merging duplicate proposals into one and splitting one into several
//! (issue 17), by the kecamatan while it holds them or by Bappeda's
//! planners at kab/kota level. A merge asks for confirmation; a split's
//! form says what it does and comes back filled in when refused.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can, proposal_actor};
use crate::domain::proposal::{SplitForm, SplitRow, merge_refusal};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::proposal_lineage::{self as lineage, ReshapeError};
use crate::store::proposals::{self, Filter, Proposal};
use crate::web::Nav;
use crate::web::proposals::pref;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/usulan/{nomor}/gabung", get(merge_form).post(merge))
        .route("/usulan/{nomor}/pecah", get(split_form).post(split))
}

/// The proposal `nomor`, if this person may merge into it or split it.
async fn reshapeable(
    state: &AppState,
    user: &CurrentUser,
    nomor: &str,
) -> Result<Proposal, AppError> {
    let p = proposals::by_nomor(&state.db, nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(user, Action::ReshapeProposal { p: pref(&p) })?;
    Ok(p)
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/merge.html")]
struct MergePage {
    nav: Nav,
    p: Proposal,
    /// Open proposals of the same kecamatan and year this person may
    /// merge.
    candidates: Vec<Candidate>,
    /// Chosen, waiting for the confirmation.
    chosen: Vec<Proposal>,
    error: Option<String>,
    /// Meetings this person records (latest first): the merge may be
    /// decided at one; and the one chosen.
    meetings: Vec<(Uuid, String)>,
    meeting: Option<Uuid>,
}

/// A proposal that may be merged into the one at hand.
struct Candidate {
    nomor: String,
    title: String,
    place: String,
    /// Same kamus item and place: likely a duplicate.
    same: bool,
}

async fn merge_page(
    state: &AppState,
    user: &CurrentUser,
    p: Proposal,
) -> Result<MergePage, AppError> {
    let kecamatan = crate::domain::region::parent_kode(&p.wilayah_kode).map(str::to_string);
    let filter = Filter {
        region: Some(p.region_kode.clone()),
        kecamatan,
        year: Some(p.target_year),
        ..Filter::default()
    };
    let candidates = proposals::open(&state.db, &filter)
        .await?
        .into_iter()
        .filter(|c| c.id != p.id && can(user, Action::ReshapeProposal { p: pref(c) }).is_ok())
        .map(|c| Candidate {
            same: c.kamus_id == p.kamus_id && c.wilayah_kode == p.wilayah_kode,
            nomor: c.nomor,
            title: c.title,
            place: c.wilayah_nama,
        })
        .collect();
    let meetings = crate::store::meetings::list(&state.db, &user.region_kode)
        .await?
        .into_iter()
        .filter(|m| {
            let a = Action::RecordMeeting {
                region: &m.region_kode,
                organizer: m.organizer_org_id,
            };
            can(user, a).is_ok()
        })
        .take(20)
        .map(|m| (m.id, m.title))
        .collect();
    Ok(MergePage {
        nav: Nav::for_user(user),
        p,
        candidates,
        chosen: Vec::new(),
        error: None,
        meetings,
        meeting: None,
    })
}

async fn merge_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
) -> Result<Response, AppError> {
    let p = reshapeable(&state, &user, &nomor).await?;
    Ok(merge_page(&state, &user, p).await?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MergeForm {
    /// The proposals to merge into this one.
    nomor: Vec<String>,
    /// `1`: confirmed.
    yakin: String,
    /// The meeting it is decided at, if any (one this person records).
    musyawarah: String,
}

async fn merge(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    Form(f): Form<MergeForm>,
) -> Result<Response, AppError> {
    let target = reshapeable(&state, &user, &nomor).await?;
    let mut chosen: Vec<String> = f.nomor.iter().map(|n| n.trim().to_string()).collect();
    chosen.sort();
    chosen.dedup();
    let sources = merge_sources(&state, &user, &chosen).await?;
    let refusal = merge_refused(&state, &target, &sources).await?;
    if refusal.is_some() || f.yakin != "1" {
        return merge_again(&state, &user, target, sources, refusal, &f.musyawarah).await;
    }
    let meetings = merge_page(&state, &user, target.clone()).await?.meetings;
    let meeting = chosen_meeting(&meetings, &f.musyawarah);
    let org = proposal_actor(&user, &pref(&target));
    let done = crate::store::atomic(&state.db, async |tx| {
        lineage::merge(tx, &target, &sources, user.id, org, meeting).await
    })
    .await;
    finish(done.map(|_| ()), &nomor)
}

/// The proposals chosen to merge (the first 21), each one this person may reshape.
async fn merge_sources(
    state: &AppState,
    user: &CurrentUser,
    chosen: &[String],
) -> Result<Vec<Proposal>, AppError> {
    let mut sources = Vec::new();
    for n in chosen.iter().take(21) {
        let s = proposals::by_nomor(&state.db, n)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(user, Action::ReshapeProposal { p: pref(&s) })?;
        sources.push(s);
    }
    Ok(sources)
}

/// Why `sources` may not be merged into `target` now, if they may not.
async fn merge_refused(
    state: &AppState,
    target: &Proposal,
    sources: &[Proposal],
) -> Result<Option<String>, AppError> {
    let facts: Vec<_> = sources
        .iter()
        .map(|s| {
            (
                s.region_kode.as_str(),
                s.target_year,
                s.status,
                s.id,
                s.nomor.as_str(),
            )
        })
        .collect();
    Ok(merge_refusal(
        (
            &target.region_kode,
            target.target_year,
            target.status,
            target.id,
        ),
        &facts,
    )
    .or(window(state, target).await?))
}

/// The merge page again: refused (422) saying why, or the chosen ones to confirm.
async fn merge_again(
    state: &AppState,
    user: &CurrentUser,
    target: Proposal,
    sources: Vec<Proposal>,
    refusal: Option<String>,
    musyawarah: &str,
) -> Result<Response, AppError> {
    let status = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut page = merge_page(state, user, target).await?;
    page.error = refusal;
    page.meeting = chosen_meeting(&page.meetings, musyawarah);
    if page.error.is_none() {
        page.chosen = sources;
    }
    Ok((status, page).into_response())
}

/// Why the level holding `p` may not merge or split now: its Musrenbang
/// window is closed.
async fn window(state: &AppState, p: &Proposal) -> Result<Option<String>, AppError> {
    match crate::domain::musrenbang::Tahap::of_step(
        p.status,
        crate::domain::proposal::Step::Teruskan,
    ) {
        Some(t) => crate::web::musrenbang::refusal(state, &p.region_kode, p.target_year, t).await,
        None => Ok(None),
    }
}

/// The meeting chosen on the form, if it is one this person records.
fn chosen_meeting(meetings: &[(Uuid, String)], typed: &str) -> Option<Uuid> {
    let id = Uuid::parse_str(typed).ok()?;
    meetings.iter().any(|(m, _)| *m == id).then_some(id)
}

/// The answer to a merge or split: to the proposal's timeline, or, when a
/// proposal changed meanwhile, a page saying so (409).
fn finish(done: Result<(), ReshapeError>, nomor: &str) -> Result<Response, AppError> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/usulan/{nomor}#riwayat")).into_response()),
        Err(ReshapeError::Db(e)) => Err(e.into()),
        Err(ReshapeError::Stale(n)) => Err(AppError::Conflict(crate::i18n::tf!(
            "usulan-baru-saja-berubah-sehingga-tidak",
            n = n
        ))),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/split.html")]
struct SplitPage {
    nav: Nav,
    p: Proposal,
    form: SplitForm,
    errors: FieldErrors,
    /// The parts checked, waiting for the confirmation.
    confirm: Vec<crate::domain::proposal::Part>,
}

impl SplitPage {
    /// The form's rows, numbered from 1.
    fn rows(&self) -> Vec<(usize, SplitRow)> {
        self.form
            .rows()
            .into_iter()
            .enumerate()
            .map(|(i, row)| (i + 1, row))
            .collect()
    }
    fn error(&self, field: &str, n: &usize) -> Option<&str> {
        self.errors.get(&format!("{field}_{n}"))
    }
}

async fn split_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
) -> Result<Response, AppError> {
    let p = reshapeable(&state, &user, &nomor).await?;
    Ok(SplitPage {
        nav: Nav::for_user(&user),
        p,
        form: SplitForm::default(),
        errors: FieldErrors::default(),
        confirm: Vec::new(),
    }
    .into_response())
}

async fn split(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    Form(f): Form<SplitForm>,
) -> Result<Response, AppError> {
    let p = reshapeable(&state, &user, &nomor).await?;
    let checked = match window(&state, &p).await? {
        Some(why) => Err(FieldErrors::single("parts", why)),
        None => f.check(),
    };
    let parts = match checked {
        Ok(parts) if f.yakin == "1" => parts,
        // Good parts: shown once more, to confirm.
        Ok(parts) => {
            let page = SplitPage {
                nav: Nav::for_user(&user),
                p,
                form: f,
                errors: FieldErrors::default(),
                confirm: parts,
            };
            return Ok(page.into_response());
        }
        Err(errors) => {
            let page = SplitPage {
                nav: Nav::for_user(&user),
                p,
                form: f,
                errors,
                confirm: Vec::new(),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let org = proposal_actor(&user, &pref(&p));
    let done = crate::store::atomic(&state.db, async |tx| {
        lineage::split(tx, &p, &parts, user.id, org).await
    })
    .await;
    finish(done.map(|_| ()), &nomor)
}
