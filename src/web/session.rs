//! Signing in and out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::{Nav, safe_next};
use crate::app::AppState;
use crate::auth::throttle::{self, Verdict};
use crate::auth::{self, ClientAddr, CurrentUser, password};
use crate::error::AppError;
use crate::store::{login_attempts, sessions, users};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/login.html")]
struct LoginPage {
    nav: Nav,
    username: String,
    next: String,
    error: Option<String>,
    notice: Option<&'static str>,
}

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    keluar: Option<String>,
}

async fn login_form(user: Option<CurrentUser>, Query(q): Query<LoginQuery>) -> Response {
    let next = safe_next(q.next.as_deref());
    if user.is_some() {
        return Redirect::to(&next).into_response();
    }
    LoginPage {
        nav: Nav::anonymous(),
        username: String::new(),
        next,
        error: None,
        notice: q.keluar.map(|_| "Anda telah keluar. Sampai jumpa lagi."),
    }
    .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    username: String,
    password: String,
    next: String,
}

async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    let next = safe_next(Some(&form.next));
    let typed: String = form.username.trim().chars().take(64).collect();
    let key = typed.to_lowercase();
    let page = |status: StatusCode, error: String| {
        (
            status,
            LoginPage {
                nav: Nav::anonymous(),
                username: typed.clone(),
                next: next.clone(),
                error: Some(error),
                notice: None,
            },
        )
            .into_response()
    };

    let cfg = &state.config.throttle;
    let recent = login_attempts::recent(
        &state.db,
        &key,
        &client,
        cfg.window.as_secs_f64(),
        cfg.account_lock_after,
        cfg.addr_lock_after,
    )
    .await?;
    match throttle::decide(cfg, &recent) {
        Verdict::Refuse { until } => {
            tracing::warn!(client = %client, "sign-in refused: too many failures");
            let at = crate::format::waktu(until);
            return Ok(page(
                StatusCode::TOO_MANY_REQUESTS,
                format!(
                    "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, percobaan masuk ditolak sementara. Coba lagi setelah {at}."
                ),
            ));
        }
        Verdict::Proceed { delay } => {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
        }
    }

    // Verify against a dummy hash when there is no such account, so the
    // answer takes as long and reads the same either way.
    let creds = users::credentials(&state.db, &key).await?;
    let hash = creds
        .as_ref()
        .map_or(state.dummy_hash.as_str(), |c| c.2.as_str());
    let matches = password::verify(&form.password, hash).await?;
    let user = creds.filter(|c| c.3 && matches);
    login_attempts::record(&state.db, &key, &client, user.is_some()).await?;
    let Some((user_id, region, _, _)) = user else {
        return Ok(page(
            StatusCode::UNAUTHORIZED,
            "Nama pengguna atau kata sandi salah, atau akun tidak aktif.".into(),
        ));
    };

    // A new session id at every sign-in; the one the browser had, if any,
    // is destroyed.
    if let Some(old) = auth::session_token(&headers) {
        sessions::delete(&state.db, &sessions::hash_token(&old)).await?;
    }
    let token = sessions::create(&state.db, user_id, &region).await?;
    tracing::info!(user = %user_id, "signed in");
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie(Some(&token), state.config.secure_cookies),
        )],
        Redirect::to(&next),
    )
        .into_response())
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    if let Some(token) = auth::session_token(&headers) {
        sessions::delete(&state.db, &sessions::hash_token(&token)).await?;
    }
    Ok((
        [(
            header::SET_COOKIE,
            auth::session_cookie(None, state.config.secure_cookies),
        )],
        Redirect::to("/login?keluar=1"),
    )
        .into_response())
}
