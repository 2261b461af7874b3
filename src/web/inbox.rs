//! The notification inbox: comments on what you own, replies to you, tindak
//! lanjut on your comments, stage transitions, approvals waiting for you.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::{Nav, safe_next};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::error::AppError;
use crate::store::notifications::{self, Notification};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kotak-masuk", get(inbox))
        .route("/kotak-masuk/baca-semua", post(read_all))
        .route("/kotak-masuk/{id}", post(open))
}

#[derive(Template, WebTemplate)]
#[template(path = "inbox.html")]
struct InboxPage {
    nav: Nav,
    items: Vec<Notification>,
    /// The cursor of the next (older) page.
    older: Option<i64>,
    /// Whether this is a later page (a link back to the newest).
    paged: bool,
}

#[derive(serde::Deserialize)]
struct PageQuery {
    sebelum: Option<i64>,
}

impl InboxPage {
    fn when(&self, n: &Notification) -> String {
        crate::format::waktu(n.created_at)
    }
}

async fn inbox(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let (items, older) = notifications::inbox(&state.db, &user, q.sebelum).await?;
    Ok(InboxPage {
        nav: Nav::for_user(&user),
        items,
        older,
        paged: q.sebelum.is_some(),
    }
    .into_response())
}

/// Marks a notification read and follows its link.
async fn open(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    authorize(&user, Action::ManageOwnAccount)?;
    let link = notifications::mark_read(&state.db, user.id, Some(id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&safe_next(Some(&link))).into_response())
}

async fn read_all(State(state): State<AppState>, user: CurrentUser) -> Result<Response, AppError> {
    authorize(&user, Action::ManageOwnAccount)?;
    notifications::mark_read(&state.db, user.id, None).await?;
    Ok(Redirect::to("/kotak-masuk").into_response())
}
