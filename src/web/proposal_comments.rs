//! Comments on a proposal (issue 17): written by anyone signed in, read by
//! everyone like the proposal itself; removed (with a confirmation and a
//! reason) by their author or a planner of the proposal's region.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::error::AppError;
use crate::store::proposal_comments::{self as store, Comment};
use crate::store::proposals::{self, Proposal};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/usulan/{nomor}/komentar", post(create))
        .route(
            "/usulan/{nomor}/komentar/{id}/hapus",
            get(confirm).post(remove),
        )
}

async fn proposal(state: &AppState, nomor: &str) -> Result<Proposal, AppError> {
    proposals::by_nomor(&state.db, nomor)
        .await?
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentForm {
    body: String,
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    Form(f): Form<CommentForm>,
) -> Result<Response, AppError> {
    authorize(&user, Action::CommentOnProposal)?;
    let p = proposal(&state, &nomor).await?;
    let body = match crate::domain::comment::check_body(&f.body) {
        Ok(b) => b,
        Err(why) => {
            let page = crate::web::proposals::show_page(&state, Some(&user), p, false, None)
                .await?
                .comment_refused(f.body, why);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let id = crate::store::atomic(&state.db, async |tx| {
        store::add(tx, &p, user.id, &body).await
    })
    .await?;
    Ok(Redirect::to(&format!("/usulan/{nomor}#k-{id}")).into_response())
}

/// The comment `id` of the proposal, if this person may remove it.
async fn removable(
    state: &AppState,
    user: &CurrentUser,
    nomor: &str,
    id: Uuid,
) -> Result<(Proposal, Comment), AppError> {
    let p = proposal(state, nomor).await?;
    let c = store::get(&state.db, &p.region_kode, p.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        user,
        Action::RemoveProposalComment {
            region: &p.region_kode,
            author: c.author_id,
        },
    )?;
    Ok((p, c))
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/comment_remove.html")]
struct ConfirmPage {
    nav: Nav,
    nomor: String,
    c: Comment,
    /// Removing someone else's comment: a reason is asked for.
    moderating: bool,
    /// A removal refused for want of its reason.
    error: Option<String>,
}

async fn confirm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((nomor, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let (_, c) = removable(&state, &user, &nomor, id).await?;
    if c.removed_at.is_some() {
        return Ok(Redirect::to(&format!("/usulan/{nomor}#k-{id}")).into_response());
    }
    Ok(ConfirmPage {
        nav: Nav::for_user(&user),
        moderating: c.author_id != user.id,
        error: None,
        nomor,
        c,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RemoveForm {
    reason: String,
}

async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((nomor, id)): Path<(String, Uuid)>,
    Form(f): Form<RemoveForm>,
) -> Result<Response, AppError> {
    let (p, c) = removable(&state, &user, &nomor, id).await?;
    let reason: String = f.reason.trim().chars().take(500).collect();
    // Someone else's words are removed with a reason everyone reads.
    if c.author_id != user.id && reason.is_empty() && c.removed_at.is_none() {
        let page = ConfirmPage {
            nav: Nav::for_user(&user),
            moderating: true,
            error: Some(crate::i18n::t("tuliskan-alasannya-pengusul-dan-publik-akan").into()),
            nomor,
            c,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    if c.removed_at.is_none() {
        crate::store::atomic(&state.db, async |tx| {
            store::remove(tx, &p, &c, user.id, &reason).await
        })
        .await?;
    }
    Ok(Redirect::to(&format!("/usulan/{nomor}#k-{id}")).into_response())
}
