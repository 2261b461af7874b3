//! Comments on plans, paragraphs, items and indicators: threads, replies,
//! a short edit window, removal markers, moderation and tindak lanjut.
//! Pages embed a `Thread`; the forms post here and come back.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::plans::{plan_ref, readable_plan};
use super::{Nav, safe_next};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can, can_see_comments};
use crate::domain::comment::{self, Target, TindakLanjut, Visibility};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::comments::{self, Comment, NewComment};
use crate::store::plans::{self, Plan};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/komentar", post(create))
        .route("/komentar/{id}", get(open))
        .route("/komentar/{id}/ubah", post(edit))
        .route("/komentar/{id}/hapus", get(confirm_remove).post(remove))
        .route("/komentar/{id}/tindak-lanjut", post(follow_up))
}

pub struct Row {
    pub c: Comment,
    pub depth: usize,
    pub can_edit: bool,
    pub can_remove: bool,
    pub can_follow_up: bool,
    pub can_reply: bool,
    pub when: String,
    pub paragraph: Option<String>,
    /// On a plan's thread: a comment about an item or indicator removed
    /// since (kept and readable, per SPEC: history stays).
    pub removed_target: bool,
}

impl Row {
    pub fn has_status(&self, s: &TindakLanjut) -> bool {
        self.c.tl_status.as_ref() == Some(s)
    }
}

impl Thread {
    /// A paragraph's name as the reader's language writes it.
    pub fn paragraph_name(&self, anchor: &str) -> String {
        paragraph_name(anchor)
    }
}

/// A thread as a page shows it, with the form for a new comment.
pub struct Thread {
    pub rows: Vec<Row>,
    pub target: &'static str,
    pub target_id: Option<Uuid>,
    pub plan_id: Uuid,
    pub back: String,
    /// Paragraph anchors and their first words (plan pages only).
    pub paragraphs: Vec<(String, String)>,
    /// Whether the visitor may write, and as what.
    pub can_write: Option<Visibility>,
    pub sign_in_to_write: bool,
    pub statuses: [TindakLanjut; 3],
    /// The followable object (plan, item or indicator) and whether the
    /// visitor follows it; None for visitors without an account.
    pub follow: Option<(Uuid, bool)>,
    /// Which page of threads is shown (from 1); `THREADS` per page.
    pub page: usize,
    /// Where each top-level comment's thread starts in `rows`.
    starts: Vec<usize>,
}

/// Top-level comments (each with its replies) per page of a thread.
pub const THREADS: usize = 50;

impl Thread {
    /// The rows of the page shown.
    pub fn shown(&self) -> &[Row] {
        let first = (self.page.max(1) - 1) * THREADS;
        let Some(&from) = self.starts.get(first) else {
            return &[];
        };
        let to = self
            .starts
            .get(first + THREADS)
            .copied()
            .unwrap_or(self.rows.len());
        &self.rows[from..to]
    }

    pub fn pages(&self) -> usize {
        self.starts.len().div_ceil(THREADS).max(1)
    }

    /// Sets the page from a query value, within range.
    pub fn at_page(mut self, page: Option<usize>) -> Thread {
        self.page = page.unwrap_or(1).clamp(1, self.pages());
        self
    }

    /// The address of another page of this thread.
    pub fn page_link(&self, page: usize) -> String {
        format!("{}?komentar={page}#komentar", self.back)
    }

    pub fn is_public_form(&self) -> bool {
        self.can_write == Some(Visibility::Publik)
    }
}

fn target_str(t: Target) -> &'static str {
    match t {
        Target::Plan => "plan",
        Target::Paragraph => "paragraph",
        Target::Item => "item",
        Target::Indicator => "indicator",
        Target::Proposal => "proposal",
    }
}

/// Adds the follow button's state to a thread; `object` (the plan, an
/// item or an indicator) is of `region`, the plan's.
pub async fn with_follow(
    state: &AppState,
    region: &str,
    user: Option<&CurrentUser>,
    mut t: Thread,
    object: Uuid,
) -> Result<Thread, AppError> {
    if let Some(u) = user {
        t.follow = Some((
            object,
            crate::store::follows::is_following(&state.db, region, u.id, object).await?,
        ));
    }
    Ok(t)
}

/// What a visitor writes on this plan by default: internal for staff,
/// public for everyone else during konsultasi publik.
pub fn writes_as(user: Option<&CurrentUser>, plan: &Plan) -> Option<Visibility> {
    let u = user?;
    [Visibility::Internal, Visibility::Publik]
        .into_iter()
        .find(|v| {
            can(
                u,
                Action::Comment {
                    plan: plan_ref(plan),
                    visibility: *v,
                },
            )
            .is_ok()
        })
}

pub fn thread(
    user: Option<&CurrentUser>,
    plan: &Plan,
    comments: &[Comment],
    target: Target,
    target_id: Option<Uuid>,
    paragraphs: Vec<(String, String)>,
    back: String,
) -> Thread {
    let r = plan_ref(plan);
    let reading = Reading {
        user,
        plan: r,
        moderator: user.is_some_and(|u| can(u, Action::Moderate(r)).is_ok()),
        now: OffsetDateTime::now_utc(),
        target,
        paragraphs: &paragraphs,
    };
    let visible: Vec<&Comment> = comments
        .iter()
        .filter(|c| can_see_comments(user, r, c.visibility))
        .collect();
    let (rows, starts) = reading.rows(&visible);
    Thread {
        rows,
        target: target_str(target),
        target_id,
        plan_id: plan.id,
        back,
        can_write: writes_as(user, plan),
        sign_in_to_write: user.is_none()
            && plan.stage == crate::domain::plan::Stage::KonsultasiPublik,
        paragraphs,
        statuses: TindakLanjut::ALL,
        follow: None,
        page: 1,
        starts,
    }
}

/// One reader of one plan's comments: what they may do with each.
struct Reading<'a> {
    user: Option<&'a CurrentUser>,
    plan: crate::auth::policy::PlanRef<'a>,
    moderator: bool,
    now: OffsetDateTime,
    /// What the thread hangs from (a plan's thread also shows comments
    /// left on its items and indicators).
    target: Target,
    paragraphs: &'a [(String, String)],
}

impl Reading<'_> {
    fn allowed(&self, action: Action<'_>) -> bool {
        self.user.is_some_and(|u| can(u, action).is_ok())
    }

    /// The threads' rows: top-level comments in order, each followed by
    /// its replies; and where each thread starts.
    fn rows(&self, visible: &[&Comment]) -> (Vec<Row>, Vec<usize>) {
        // Replies grouped once, so a long thread costs linear time.
        let mut replies: std::collections::HashMap<Uuid, Vec<&Comment>> =
            std::collections::HashMap::new();
        for &c in visible.iter().filter(|c| c.parent_id.is_some()) {
            replies
                .entry(c.parent_id.unwrap_or_default())
                .or_default()
                .push(c);
        }
        let mut rows = Vec::new();
        let mut starts = Vec::new();
        for top in visible.iter().filter(|c| c.parent_id.is_none()) {
            starts.push(rows.len());
            rows.push(self.row(top, 0));
            for reply in replies.get(&top.id).into_iter().flatten() {
                rows.push(self.row(reply, 1));
            }
        }
        (rows, starts)
    }

    fn row(&self, c: &Comment, depth: usize) -> Row {
        let live = c.removed_at.is_none();
        Row {
            depth,
            can_edit: self.allowed(Action::EditComment {
                author: c.author_id,
                editable: comment::editable(c.created_at, self.now, !live),
            }),
            can_remove: live
                && self.allowed(Action::RemoveComment {
                    plan: self.plan,
                    author: c.author_id,
                }),
            can_follow_up: self.moderator && depth == 0 && live,
            can_reply: live
                && self.allowed(Action::Comment {
                    plan: self.plan,
                    visibility: c.visibility,
                }),
            when: crate::format::waktu(c.created_at),
            paragraph: c
                .anchor
                .as_deref()
                .map(|a| paragraph_label(self.paragraphs, a)),
            removed_target: self.target == Target::Plan
                && matches!(c.target, Target::Item | Target::Indicator),
            c: c.clone(),
        }
    }
}

/// "Bab 2, paragraf 3: “Kota Magelang menghadapi…”" for an anchor.
/// `bab-2-p3` → "Bab 2, paragraf 3" ("Chapter 2, paragraph 3").
pub fn paragraph_name(anchor: &str) -> String {
    anchor
        .replace("bab-", &format!("{} ", crate::i18n::t("bab-nomor")))
        .replace("-p", &format!(", {} ", crate::i18n::t("paragraf-nomor")))
}

fn paragraph_label(paragraphs: &[(String, String)], anchor: &str) -> String {
    let excerpt = paragraphs
        .iter()
        .find(|(k, _)| k == anchor)
        .map(|(_, t)| t.chars().take(60).collect::<String>());
    format!(
        "{}{}",
        paragraph_name(anchor),
        excerpt.map(|e| format!(": “{e}…”")).unwrap_or_default()
    )
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct NewForm {
    target: String,
    target_id: String,
    anchor: String,
    parent_id: String,
    body: String,
    kembali: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "comments/retry.html")]
struct RetryPage {
    nav: Nav,
    plan: Plan,
    form: NewForm,
    error: String,
    /// Where "Kirim lagi" posts: a new comment, or the edit of one.
    action: String,
}

impl RetryPage {
    /// The comment form again, filled in, with why it was refused (422).
    fn refused(
        user: &CurrentUser,
        plan: Plan,
        form: NewForm,
        error: String,
        action: String,
    ) -> Response {
        let page = RetryPage {
            nav: Nav::for_user(user),
            plan,
            form,
            error,
            action,
        };
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    }
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(plan_id): Path<Uuid>,
    Form(f): Form<NewForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), plan_id).await?;
    let parent = parent_of(&state, &plan, &f).await?;
    // A reply lives where its parent lives, with its visibility.
    let place = match &parent {
        Some(p) => comment::Place {
            target: p.target,
            target_id: p.target_id,
            anchor: p.anchor.clone(),
        },
        None => place_in(&state, &plan, &f).await?,
    };
    let visibility = may_comment(&user, &plan, parent.as_ref())?;
    let body = match comment::check_body(&f.body) {
        Ok(b) => b,
        Err(error) => {
            let action = format!("/rencana/{}/komentar", plan.id);
            return Ok(RetryPage::refused(&user, plan, f, error, action));
        }
    };
    let new = NewComment {
        target: place.target,
        target_id: place.target_id,
        anchor: place.anchor.as_deref(),
        parent: parent.as_ref(),
        visibility,
        body: &body,
    };
    let id = crate::store::atomic(&state.db, async |tx| {
        comments::create(tx, user.id, &plan, new).await
    })
    .await?;
    let top = parent.as_ref().map_or(id, |p| p.id);
    let n = page_of(
        &state,
        Some(&user),
        &plan,
        top,
        place.target,
        place.target_id,
    )
    .await?;
    Ok(Redirect::to(&back_to(&f.kembali, n, id)).into_response())
}

/// Back where the comment was written, on the page of its thread.
fn back_to(kembali: &str, page: usize, id: Uuid) -> String {
    let back = safe_next(Some(kembali));
    let sep = if back.contains('?') { '&' } else { '?' };
    format!("{back}{sep}komentar={page}#komentar-{id}")
}

/// The comment a reply answers, if the form names one: a comment of this
/// plan, or not found.
async fn parent_of(
    state: &AppState,
    plan: &Plan,
    f: &NewForm,
) -> Result<Option<Comment>, AppError> {
    Ok(match Uuid::parse_str(f.parent_id.trim()).ok() {
        Some(pid) => Some(
            comments::get_in(&state.db, &plan.region_kode, pid)
                .await?
                .filter(|p| p.plan_id == plan.id)
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    })
}

/// The visibility a new comment takes (a reply, its parent's; otherwise
/// the one this person writes in), once the policy allows it.
fn may_comment(
    user: &CurrentUser,
    plan: &Plan,
    parent: Option<&Comment>,
) -> Result<Visibility, AppError> {
    let visibility = match parent {
        Some(p) => p.visibility,
        None => writes_as(Some(user), plan).ok_or_else(|| {
            AppError::Forbidden(
                can(
                    user,
                    Action::Comment {
                        plan: plan_ref(plan),
                        visibility: Visibility::Publik,
                    },
                )
                .err()
                .map(|d| d.0)
                .unwrap_or_default(),
            )
        })?,
    };
    authorize(
        user,
        Action::Comment {
            plan: plan_ref(plan),
            visibility,
        },
    )?;
    Ok(visibility)
}

/// Where a new top-level comment goes: the place its form names, which
/// must be in this plan.
async fn place_in(state: &AppState, plan: &Plan, f: &NewForm) -> Result<comment::Place, AppError> {
    let unclear = || AppError::BadRequest("Komentar tidak jelas ditujukan ke mana.".into());
    let place = comment::Place::parse(&f.target, &f.target_id, &f.anchor).ok_or_else(unclear)?;
    let belongs = match (place.target, place.target_id) {
        (Target::Item, Some(id)) => plans::items::get_in(&state.db, &plan.region_kode, id)
            .await?
            .is_some_and(|i| i.plan_id == plan.id),
        (Target::Indicator, Some(id)) => {
            plans::indicators::get_in(&state.db, &plan.region_kode, id)
                .await?
                .is_some_and(|i| i.plan_id == plan.id)
        }
        _ => true,
    };
    if belongs { Ok(place) } else { Err(unclear()) }
}

/// The page of its thread on which the top-level comment `top` appears
/// to this visitor.
async fn page_of(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    top: Uuid,
    target: Target,
    target_id: Option<Uuid>,
) -> Result<usize, AppError> {
    let all = match (target, target_id) {
        (Target::Item | Target::Indicator, Some(t)) => {
            comments::for_target(&state.db, &plan.region_kode, t).await?
        }
        _ => comments::for_plan(&state.db, &plan.region_kode, plan.id)
            .await?
            .into_iter()
            .filter(|c| matches!(c.target, Target::Plan | Target::Paragraph))
            .collect(),
    };
    let r = plan_ref(plan);
    let index = all
        .iter()
        .filter(|c| c.parent_id.is_none() && can_see_comments(user, r, c.visibility))
        .position(|c| c.id == top)
        .unwrap_or(0);
    Ok(index / THREADS + 1)
}

/// Where a comment lives, for links from the inbox.
async fn open(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let c = comments::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(&state, user.as_ref(), c.plan_id).await?;
    if !can_see_comments(user.as_ref(), plan_ref(&plan), c.visibility) {
        return Err(AppError::Forbidden(
            crate::i18n::t("komentar-ini-hanya-untuk-staf-pemerintah").into(),
        ));
    }
    let page = match c.target {
        Target::Item => format!("/item/{}", c.target_id.unwrap_or_default()),
        Target::Indicator => format!("/indikator/{}", c.target_id.unwrap_or_default()),
        _ => format!("/rencana/{}", plan.id),
    };
    let n = page_of(
        &state,
        user.as_ref(),
        &plan,
        c.parent_id.unwrap_or(c.id),
        c.target,
        c.target_id,
    )
    .await?;
    Ok(Redirect::to(&format!("{page}?komentar={n}#komentar-{id}")).into_response())
}

async fn own_comment(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, Comment), AppError> {
    let c = comments::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(state, Some(user), c.plan_id).await?;
    if !can_see_comments(Some(user), plan_ref(&plan), c.visibility) {
        return Err(AppError::NotFound);
    }
    Ok((plan, c))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EditForm {
    body: String,
    kembali: String,
}

async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<EditForm>,
) -> Result<Response, AppError> {
    let (plan, c) = own_comment(&state, &user, id).await?;
    authorize(
        &user,
        Action::EditComment {
            author: c.author_id,
            editable: comment::editable(
                c.created_at,
                OffsetDateTime::now_utc(),
                c.removed_at.is_some(),
            ),
        },
    )?;
    let body = match comment::check_body(&f.body) {
        Ok(b) => b,
        Err(error) => {
            let form = NewForm {
                parent_id: String::new(),
                body: f.body,
                kembali: f.kembali,
                ..NewForm::default()
            };
            let action = format!("/komentar/{id}/ubah");
            return Ok(RetryPage::refused(&user, plan, form, error, action));
        }
    };
    crate::store::atomic(&state.db, async |tx| {
        comments::edit(tx, user.id, &c, &body).await
    })
    .await?;
    Ok(Redirect::to(&format!("/komentar/{id}")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "comments/remove.html")]
struct ConfirmRemove {
    nav: Nav,
    c: Comment,
}

async fn may_remove(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, Comment), AppError> {
    let (plan, c) = own_comment(state, user, id).await?;
    authorize(
        user,
        Action::RemoveComment {
            plan: plan_ref(&plan),
            author: c.author_id,
        },
    )?;
    Ok((plan, c))
}

async fn confirm_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (_, c) = may_remove(&state, &user, id).await?;
    Ok(ConfirmRemove {
        nav: Nav::for_user(&user),
        c,
    }
    .into_response())
}

async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (_, c) = may_remove(&state, &user, id).await?;
    crate::store::atomic(&state.db, async |tx| {
        comments::remove(tx, user.id, &c).await
    })
    .await?;
    Ok(Redirect::to(&format!("/komentar/{id}")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FollowUpForm {
    status: String,
    jawaban: String,
}

/// A refused tindak lanjut, as typed, with the messages beside the fields.
#[derive(Template, WebTemplate)]
#[template(path = "comments/follow_up.html")]
struct FollowUpPage {
    nav: Nav,
    comment: Comment,
    form: FollowUpForm,
    errors: FieldErrors,
    statuses: [TindakLanjut; 3],
}

async fn follow_up(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<FollowUpForm>,
) -> Result<Response, AppError> {
    let (plan, c) = own_comment(&state, &user, id).await?;
    authorize(&user, Action::Moderate(plan_ref(&plan)))?;
    if c.removed_at.is_some() {
        return Err(AppError::Forbidden(
            crate::i18n::t("komentar-ini-sudah-dihapus-sehingga-tidak").into(),
        ));
    }
    let status = TindakLanjut::parse(f.status.trim());
    let answer = comment::check_body(&f.jawaban);
    let (Some(status), Ok(answer)) = (status, &answer) else {
        let mut errors = FieldErrors::default();
        if status.is_none() {
            errors.add("status", crate::i18n::t("pilih-status-tindak-lanjut"));
        }
        if answer.is_err() {
            errors.add(
                "jawaban",
                crate::i18n::t("tuliskan-jawaban-tindak-lanjut-maksimal-5"),
            );
        }
        let page = FollowUpPage {
            nav: Nav::for_user(&user),
            comment: c,
            form: f,
            errors,
            statuses: TindakLanjut::ALL,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    crate::store::atomic(&state.db, async |tx| {
        comments::follow_up(tx, user.id, &plan, &c, status, answer).await
    })
    .await?;
    Ok(Redirect::to(&format!("/komentar/{id}")).into_response())
}
