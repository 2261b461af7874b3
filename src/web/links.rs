//! A link sent to a person to set their own password: an invitation to a
//! new account, or a reset (`/tautan/{token}`). The page names the
//! account; the form sets the password once and ends the link and every
//! session of the account. Staff then sign in and set up their second
//! factor, as at any first sign-in. And "lupa kata sandi" for those
//! without one: who can issue them a link.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::Nav;
use crate::app::AppState;
use crate::auth::password;
use crate::domain::user::{FieldErrors, check_new_password};
use crate::error::AppError;
use crate::store::account_links::{self, Link, Purpose};
use crate::store::users;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tautan/{token}", get(page).post(set))
        .route("/lupa-kata-sandi", get(forgot))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/link.html")]
struct LinkPage {
    nav: Nav,
    token: String,
    /// None: the link is unknown, used or expired.
    account: Option<(String, String)>,
    invitation: bool,
    expires: String,
    errors: FieldErrors,
}

async fn link_page(
    state: &AppState,
    token: String,
) -> Result<(Option<(Link, users::User)>, LinkPage), AppError> {
    let link = account_links::find(&state.db, &token).await?;
    let user = match &link {
        Some(l) => users::get(&state.db, l.user_id).await?,
        None => None,
    };
    let page = LinkPage {
        nav: Nav::anonymous(),
        account: user
            .as_ref()
            .map(|u| (u.username.clone(), u.full_name.clone())),
        invitation: link
            .as_ref()
            .is_some_and(|l| l.purpose == Purpose::Undangan),
        expires: link
            .as_ref()
            .map(|l| crate::format::waktu(l.expires_at))
            .unwrap_or_default(),
        token,
        errors: FieldErrors::default(),
    };
    Ok((link.zip(user), page))
}

async fn page(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (found, page) = link_page(&state, token).await?;
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    Ok((status, page).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SetForm {
    new_password: String,
    confirm: String,
}

async fn set(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(f): Form<SetForm>,
) -> Result<Response, AppError> {
    let (found, mut page) = link_page(&state, token).await?;
    let Some((link, user)) = found else {
        return Ok((StatusCode::NOT_FOUND, page).into_response());
    };
    if let Err(m) = check_new_password(&f.new_password, &user.username, &user.full_name) {
        page.errors.add("new_password", m);
    } else if f.new_password != f.confirm {
        page.errors
            .add("confirm", "Ulangi kata sandi baru persis sama.");
    }
    if !page.errors.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let hash = password::hash(&f.new_password).await?;
    let mut tx = state.db.begin().await?;
    if !account_links::redeem(&mut tx, link.id).await? {
        page.account = None;
        return Ok((StatusCode::GONE, page).into_response());
    }
    users::set_password(&mut tx, Some(user.id), &user, &hash, None).await?;
    tx.commit().await?;
    Ok(Redirect::to("/login?atur=1").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/forgot.html")]
struct ForgotPage {
    nav: Nav,
}

/// Without a mail server Selaras cannot send a reset link itself: the
/// region's admin issues one from the account's page.
async fn forgot() -> Response {
    ForgotPage {
        nav: Nav::anonymous(),
    }
    .into_response()
}
