//! Citizens sign up (`/daftar`) with a confirmed email, and ask to join a
//! lembaga; its lead or a planner decides (`/lembaga/permintaan`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use super::{Nav, filters};
use crate::app::AppState;
use crate::auth::policy::{Action, authorize, can};
use crate::auth::{ClientAddr, CurrentUser, password};
use crate::domain::user::{FieldErrors, SignUp, SignUpForm};
use crate::error::AppError;
use crate::store::login_attempts;
use crate::store::signup::{self, Decided, JoinRequest, Registered};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/daftar", get(form).post(register))
        .route("/lembaga/permintaan", get(requests))
        .route("/lembaga/permintaan/{id}", post(decide))
        .route("/akun/lembaga", post(ask))
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/signup.html")]
struct SignUpPage {
    nav: Nav,
    /// Selaras can mail the confirmation link (SMTP configured).
    can_mail: bool,
    regions: Vec<(String, String)>,
    /// Per region: its lembaga.
    lembagas: Vec<(String, Vec<(Uuid, String)>)>,
    f: SignUpForm,
    errors: FieldErrors,
    /// The form went through: "check your email".
    sent: Option<String>,
}

async fn page(state: &AppState, f: SignUpForm) -> Result<SignUpPage, AppError> {
    let (regions, lembagas) = signup::choices(&state.db).await?;
    let mut grouped: Vec<(String, Vec<(Uuid, String)>)> = Vec::new();
    for l in lembagas {
        let Some((_, region_name)) = regions.iter().find(|(k, _)| *k == l.region_kode) else {
            continue;
        };
        match grouped.last_mut() {
            Some((r, list)) if r == region_name => list.push((l.id, l.name)),
            _ => grouped.push((region_name.clone(), vec![(l.id, l.name)])),
        }
    }
    Ok(SignUpPage {
        nav: Nav::anonymous(),
        can_mail: state.config.smtp_url.is_some(),
        regions,
        lembagas: grouped,
        f,
        errors: FieldErrors::default(),
        sent: None,
    })
}

async fn form(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Response, AppError> {
    if user.is_some() {
        return Ok(Redirect::to("/akun").into_response());
    }
    Ok(page(&state, SignUpForm::default()).await?.into_response())
}

/// Sign-ups a client may send an hour, and an address may receive.
const SIGNUPS_PER_CLIENT: i64 = 5;
const SIGNUPS_PER_EMAIL: i64 = 2;

/// A checked form makes an account waiting for its email; the page then
/// says "check your email" whether the address was new or not (an address
/// with an account already gets a mail saying so, not a second account).
/// Slowed for scripts: a few sign-ups per client and per address an hour.
async fn slowed_enough(state: &AppState, email: &str, client: &str) -> Result<bool, AppError> {
    let (allowed, _) = login_attempts::begin(
        &state.db,
        &format!("daftar:{}", email.to_lowercase()),
        &format!("daftar:{client}"),
        3600.0,
        SIGNUPS_PER_EMAIL,
        SIGNUPS_PER_CLIENT,
        |r| {
            let ok = r.account_failures < SIGNUPS_PER_EMAIL && r.addr_failures < SIGNUPS_PER_CLIENT;
            (ok, ok)
        },
    )
    .await?;
    Ok(allowed)
}

/// The mail a sign-up sends: (to whom, subject, text).
fn mail_of(outcome: Registered, s: &SignUp, public_url: &str) -> (String, &'static str, String) {
    let confirm = |username: &str, token: &str| {
        format!(
            "Terima kasih telah mendaftar di Selaras sebagai warga.\n\nNama pengguna Anda: {username}\n\nBuka tautan ini dalam 48 jam untuk mengonfirmasi email Anda (sekali pakai):\n{public_url}/tautan/{token}\n\nBila Anda tidak mendaftar, abaikan email ini; akun tanpa konfirmasi tidak dapat dipakai."
        )
    };
    match outcome {
        Registered::Created { token, .. } => (
            s.full_name.clone(),
            "Konfirmasi pendaftaran",
            confirm(&s.username, &token),
        ),
        // The address waits for its confirmation still: a new link, for
        // the account it already has.
        Registered::Again {
            username,
            full_name,
            token,
        } => (
            full_name,
            "Konfirmasi pendaftaran",
            confirm(&username, &token),
        ),
        Registered::EmailTaken {
            username,
            full_name,
        } => (
            full_name,
            "Anda sudah punya akun",
            format!(
                "Seseorang (semoga Anda) mencoba mendaftar di Selaras dengan alamat email ini, padahal alamat ini sudah dipakai akun dengan nama pengguna {username}.\n\nMasuk dengan akun itu, atau bila lupa kata sandinya buka {public_url}/lupa-kata-sandi."
            ),
        ),
    }
}

async fn register(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Form(f): Form<SignUpForm>,
) -> Result<Response, AppError> {
    crate::auth::policy::no_decision_needed("a visitor creates their own account");
    let mut page = page(&state, f).await?;
    let Ok(Some(mailer)) = crate::mail::Mailer::from_config(&state.config) else {
        // The page says why and whom to ask instead.
        return Ok(page.into_response());
    };
    let checked = check_form(&state, &page).await?;
    let s = match checked {
        Ok(s) => s,
        Err(errors) => {
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    // A taken username is the form's to fix, whatever the address (so the
    // answer tells nothing about addresses), and costs no attempt.
    if signup::username_taken(&state.db, &s.username).await? {
        page.errors.add(
            "username",
            crate::i18n::t("nama-pengguna-ini-sudah-dipakai-pilih"),
        );
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    if !slowed_enough(&state, &s.email, &client).await? {
        page.errors.add(
            "email",
            crate::i18n::t("terlalu-banyak-pendaftaran-dari-perangkat-atau"),
        );
        return Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response());
    }
    let hash = password::hash(&s.password).await?;
    let mail = match signup::register(&state.db, &s, &hash).await {
        Ok(outcome) => mail_of(outcome, &s, mailer.public_url()),
        Err(crate::store::SaveError::Fields(errors)) => {
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
        Err(e) => return Err(e.into()),
    };
    send_mail(mailer, s.email.clone(), mail);
    page.sent = Some(s.email);
    page.f = SignUpForm::default();
    Ok(page.into_response())
}

/// The form as typed, checked against the regions and lembaga one may
/// choose: a sign-up, or the errors beside their fields.
async fn check_form(
    state: &AppState,
    page: &SignUpPage,
) -> Result<Result<SignUp, FieldErrors>, AppError> {
    let regions: Vec<String> = page.regions.iter().map(|(k, _)| k.clone()).collect();
    let (_, lembagas) = signup::choices(&state.db).await?;
    let lembagas: Vec<(Uuid, String)> = lembagas
        .into_iter()
        .map(|l| (l.id, l.region_kode))
        .collect();
    Ok(page.f.check(&regions, &lembagas))
}

/// A sign-up's mail (to whom, subject, text), sent in the background.
fn send_mail(mailer: crate::mail::Mailer, email: String, mail: (String, &'static str, String)) {
    tokio::spawn(async move {
        let (name, subject, text) = mail;
        if let Err(e) = mailer.send_one(&name, &email, subject, &text).await {
            tracing::warn!(error = %e, "sending a sign-up mail failed");
        }
    });
}

#[derive(Template, WebTemplate)]
#[template(path = "account/requests.html")]
struct RequestsPage {
    nav: Nav,
    requests: Vec<JoinRequest>,
    notice: Option<&'static str>,
}

/// The open requests this person may decide (a planner: every lembaga of
/// the region; a lead: their own).
async fn decidable(state: &AppState, user: &CurrentUser) -> Result<Vec<JoinRequest>, AppError> {
    Ok(signup::open_in(&state.db, &user.region_kode)
        .await?
        .into_iter()
        .filter(|r| {
            can(
                user,
                Action::DecideJoin {
                    region: &r.region_kode,
                    org: r.organization_id,
                },
            )
            .is_ok()
        })
        .collect())
}

async fn requests(State(state): State<AppState>, user: CurrentUser) -> Result<Response, AppError> {
    Ok(RequestsPage {
        nav: Nav::for_user(&user),
        requests: decidable(&state, &user).await?,
        notice: None,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DecideForm {
    keputusan: String,
}

async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<DecideForm>,
) -> Result<Response, AppError> {
    let accept = match f.keputusan.as_str() {
        "terima" => true,
        "tolak" => false,
        _ => return Err(AppError::BadRequest("Pilih terima atau tolak.".into())),
    };
    let done = signup::decide(&state.db, user.id, id, accept, |r| {
        crate::auth::policy::authorize(
            &user,
            Action::DecideJoin {
                region: &r.region_kode,
                org: r.organization_id,
            },
        )
    })
    .await??;
    if done == Decided::Done {
        return Ok(Redirect::to("/lembaga/permintaan").into_response());
    }
    Ok((
        StatusCode::CONFLICT,
        RequestsPage {
            nav: Nav::for_user(&user),
            requests: decidable(&state, &user).await?,
            notice: Some(crate::i18n::t("permintaan-itu-sudah-diputuskan-orang-lain")),
        },
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AskForm {
    lembaga: String,
    catatan: String,
}

/// A signed-in person asks to join a lembaga of their region.
async fn ask(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<AskForm>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::AskToJoin {
            region: &user.region_kode,
        },
    )?;
    let (_, lembagas) = signup::choices(&state.db).await?;
    let org = f.lembaga.parse::<Uuid>().ok().filter(|id| {
        lembagas.iter().any(|l| {
            let region = l.region_kode.as_str();
            l.id == *id && can(&user, Action::AskToJoin { region }).is_ok()
        })
    });
    let note: String = f.catatan.trim().chars().take(500).collect();
    let Some(org) = org else {
        return Ok(Redirect::to("/akun?lembaga=pilih").into_response());
    };
    let asked = signup::ask(&state.db, &user.region_kode, user.id, org, &note).await?;
    Ok(Redirect::to(if asked {
        "/akun?lembaga=diminta"
    } else {
        "/akun?lembaga=sudah"
    })
    .into_response())
}
