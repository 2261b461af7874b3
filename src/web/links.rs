//! A link sent to a person to set their own password: an invitation to a
//! new account, or a reset (`/tautan/{token}`). The page names the
//! account; the form sets the password once and ends the link and every
//! session of the account. Staff then sign in and set up their second
//! factor, as at any first sign-in. And "lupa kata sandi" for those
//! without one: who can issue them a link.

use crate::web::filters;
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
use crate::auth::{ClientAddr, password};
use crate::domain::user::{FieldErrors, check_new_password};
use crate::error::AppError;
use crate::store::account_links::{self, Link, Purpose};
use crate::store::login_attempts;
use crate::store::users;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/tautan/{token}", get(page).post(set))
        .route("/lupa-kata-sandi", get(forgot).post(forgot_send))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/link.html")]
struct LinkPage {
    nav: Nav,
    token: String,
    /// None: the link is unknown, used or expired.
    account: Option<(String, String)>,
    invitation: bool,
    /// A sign-up's link: one button confirms the email.
    confirmation: bool,
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
        confirmation: link
            .as_ref()
            .is_some_and(|l| l.purpose == Purpose::Konfirmasi),
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
    crate::auth::policy::no_decision_needed("the mailed token is the authority");
    let (found, mut page) = link_page(&state, token).await?;
    let Some((link, user)) = found else {
        return Ok((StatusCode::NOT_FOUND, page).into_response());
    };
    // Confirming is a button (POST), not the opening of the link: mail
    // scanners open links, and must not confirm on the person's behalf.
    if link.purpose == Purpose::Konfirmasi {
        if !crate::store::signup::confirm(&state.db, &link).await? {
            page.account = None;
            return Ok((StatusCode::GONE, page).into_response());
        }
        return Ok(Redirect::to("/login?terkonfirmasi=1").into_response());
    }
    if let Err(m) = check_new_password(&f.new_password, &user.username, &user.full_name) {
        page.errors.add("new_password", m);
    } else if f.new_password != f.confirm {
        page.errors.add(
            "confirm",
            crate::i18n::t("ulangi-kata-sandi-baru-persis-sama"),
        );
    }
    if !page.errors.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let hash = password::hash(&f.new_password).await?;
    if !account_links::set_password(&state.db, &link, &user, &hash).await? {
        page.account = None;
        return Ok((StatusCode::GONE, page).into_response());
    }
    Ok(Redirect::to("/login?atur=1").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/forgot.html")]
struct ForgotPage {
    nav: Nav,
    /// Selaras can mail a link itself (SMTP configured).
    can_mail: bool,
    sent: bool,
}

/// With a mail server the person asks for a link by username or email;
/// without one, the region's admin issues it from the account's page.
async fn forgot(State(state): State<AppState>) -> Response {
    ForgotPage {
        nav: Nav::anonymous(),
        can_mail: state.config.smtp_url.is_some(),
        sent: false,
    }
    .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ForgotForm {
    akun: String,
}

/// How many reset links an account, and a client, may ask for an hour.
const LINKS_PER_ACCOUNT: i64 = 3;
const LINKS_PER_CLIENT: i64 = 10;

/// Sends a 30-minute link when the account exists and has an address. The
/// answer is the same whatever happened (and comes before the mail is
/// sent), so it tells nobody whether an account exists.
async fn forgot_send(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Form(f): Form<ForgotForm>,
) -> Result<Response, AppError> {
    crate::auth::policy::no_decision_needed("anyone may ask for a reset link");
    let page = ForgotPage {
        nav: Nav::anonymous(),
        can_mail: state.config.smtp_url.is_some(),
        sent: true,
    };
    let Ok(Some(mailer)) = crate::mail::Mailer::from_config(&state.config) else {
        return Ok(page.into_response());
    };
    // Counted per account (however it was named) and per client.
    let account = account_links::account_named(&state.db, &f.akun).await?;
    let key = match &account {
        Some(a) => format!("lupa:{}", a.id),
        None => format!("lupa:{}", f.akun.trim().to_lowercase()),
    };
    if !reset_allowed(&state, &key, &client).await? {
        return Ok(page.into_response());
    }
    if let Some(account) = account {
        send_reset(&state, mailer, account).await?;
    }
    Ok(page.into_response())
}

/// Whether one more reset link may be asked for under this key and from
/// this client within the hour; the asking is counted.
async fn reset_allowed(state: &AppState, key: &str, client: &str) -> Result<bool, AppError> {
    let (allowed, _) = login_attempts::begin(
        &state.db,
        key,
        client,
        3600.0,
        LINKS_PER_ACCOUNT,
        LINKS_PER_CLIENT,
        |r| {
            let ok = r.account_failures < LINKS_PER_ACCOUNT && r.addr_failures < LINKS_PER_CLIENT;
            (ok, ok)
        },
    )
    .await?;
    Ok(allowed)
}

/// A reset link issued to the account, and mailed to it in the background.
async fn send_reset(
    state: &AppState,
    mailer: crate::mail::Mailer,
    account: account_links::Named,
) -> Result<(), AppError> {
    let account_links::Named {
        id,
        region_kode,
        full_name: name,
        email,
    } = account;
    let token = account_links::issue_self_reset(&state.db, &region_kode, id).await?;
    tokio::spawn(async move {
        let text = format!(
            "Seseorang (semoga Anda) meminta atur ulang kata sandi akun Selaras Anda.\n\nBuka tautan ini dalam 30 menit untuk menentukan kata sandi baru (sekali pakai):\n{}/tautan/{token}\n\nBila Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.",
            mailer.public_url()
        );
        if let Err(e) = mailer
            .send_one(&name, &email, "Atur ulang kata sandi", &text)
            .await
        {
            tracing::warn!(error = %e, "sending a reset link failed");
        }
    });
    Ok(())
}

/// Mails an invitation when Selaras can send mail and the person has an
/// address; true when it went on its way. The link is never stored.
pub fn mail_invitation(state: &AppState, name: &str, email: Option<&str>, token: &str) -> bool {
    let (Ok(Some(mailer)), Some(email)) = (crate::mail::Mailer::from_config(&state.config), email)
    else {
        return false;
    };
    let (name, email) = (name.to_string(), email.to_string());
    let text = format!(
        "Akun Selaras untuk Anda sudah disiapkan.\n\nBuka tautan ini dalam 7 hari untuk menentukan kata sandi Anda sendiri (sekali pakai):\n{}/tautan/{token}\n\nBila Anda tidak mengharapkan undangan ini, abaikan email ini.",
        mailer.public_url()
    );
    tokio::spawn(async move {
        if let Err(e) = mailer
            .send_one(&name, &email, "Undangan Selaras", &text)
            .await
        {
            tracing::warn!(error = %e, "sending an invitation failed");
        }
    });
    true
}
