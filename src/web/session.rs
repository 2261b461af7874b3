//! Signing in and out.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use super::{Nav, safe_next};
use crate::app::AppState;
use crate::auth::guard::{self, Outcome};
use crate::auth::{self, ClientAddr, CurrentUser, password, totp};
use crate::error::AppError;
use crate::format::url_encode;
use crate::store::sessions::{self, SecondStep};
use crate::store::{second_factor, users};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/login/kode", get(code_form).post(code))
        // The enrolment page shows the new TOTP secret: never compressed
        // (no length to measure) nor kept by any cache.
        .route(
            "/login/daftar-kode",
            get(enrol_form).post(enrol).layer(
                tower_http::set_header::SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    axum::http::HeaderValue::from_static("no-store, no-transform"),
                ),
            ),
        )
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
    /// Back from setting a password through a link.
    atur: Option<String>,
    /// Back from confirming a sign-up's email.
    terkonfirmasi: Option<String>,
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
        notice: if q.terkonfirmasi.is_some() {
            Some(crate::i18n::t(
                "email-anda-terkonfirmasi-silakan-masuk-dengan",
            ))
        } else if q.atur.is_some() {
            Some(crate::i18n::t("kata-sandi-anda-tersimpan-silakan-masuk"))
        } else if q.keluar.is_some() {
            Some(crate::i18n::t("anda-telah-keluar-sampai-jumpa-lagi"))
        } else {
            None
        },
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
    crate::auth::policy::no_decision_needed("signing in: nobody is known yet");
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

    // Verify against a dummy hash when there is no such account, so the
    // answer takes as long and reads the same either way.
    let creds = users::credentials(&state.db, &key).await?;
    let hash = creds
        .as_ref()
        .map_or(state.dummy_hash.as_str(), |c| c.password_hash.as_str());
    let active = creds.as_ref().is_some_and(|c| c.active);
    let (slots, wait, typed_password) = (
        &*state.password_slots,
        state.config.password_wait,
        form.password.as_str(),
    );
    let outcome = guard::check_secret(&state, &key, &client, || async move {
        let matches = password::verify_bounded(slots, wait, typed_password, hash).await?;
        Ok(matches && active)
    })
    .await?;
    match signed_in(outcome, creds) {
        Ok((user_id, region)) => start_session(&state, &headers, user_id, &region, next).await,
        Err((status, why)) => Ok(page(status, why)),
    }
}

/// Who signed in, from the checked password and the account; or the
/// refusal to show.
fn signed_in(
    outcome: Outcome,
    creds: Option<users::Credentials>,
) -> Result<(Uuid, String), (StatusCode, String)> {
    match (outcome, creds) {
        (Outcome::Refused { until }, _) => {
            Err((StatusCode::TOO_MANY_REQUESTS, guard::refused_message(until)))
        }
        (Outcome::Checked(true), Some(c)) if c.awaiting_confirmation => Err((
            StatusCode::FORBIDDEN,
            crate::i18n::t("email-akun-ini-belum-dikonfirmasi-buka").into(),
        )),
        (Outcome::Checked(true), Some(c)) => Ok((c.id, c.region_kode)),
        _ => Err((
            StatusCode::UNAUTHORIZED,
            crate::i18n::t("nama-pengguna-atau-kata-sandi-salah").into(),
        )),
    }
}

/// A new session id at every sign-in; the one the browser had, if any,
/// is destroyed. Staff who must use a second factor get a session that
/// opens only the second step.
async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    user_id: Uuid,
    region: &str,
    next: String,
) -> Result<Response, AppError> {
    if let Some(old) = auth::session_token(headers, state.config.secure_cookies) {
        sessions::delete(&state.db, &sessions::hash_token(&old)).await?;
    }
    let factor = second_factor::status(&state.db, user_id).await?;
    let (step, target) = match (factor.required, factor.enrolled) {
        (false, _) => (SecondStep::Done, next),
        (true, true) => (
            SecondStep::Needed,
            format!("/login/kode?next={}", url_encode(&next)),
        ),
        (true, false) => (
            SecondStep::Enrol,
            format!("/login/daftar-kode?next={}", url_encode(&next)),
        ),
    };
    let token = sessions::create_at_step(&state.db, user_id, region, step).await?;
    tracing::info!(user = %user_id, second_step = ?step, "password accepted");
    let mut res = with_session(state, &token, Redirect::to(&target));
    // The language the person chose before follows them to this browser
    // (a second Set-Cookie beside the session's, never in its place).
    if let Some(lang) = users::language(&state.db, user_id).await? {
        let cookie = crate::i18n::cookie(lang, state.config.secure_cookies);
        if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(res)
}

/// On to a step of signing in, the return target carried along.
fn go(step: &str, next: &str) -> Response {
    Redirect::to(&format!("{step}?next={}", url_encode(next))).into_response()
}

fn with_session(state: &AppState, token: &str, then: impl IntoResponse) -> Response {
    (
        [(
            header::SET_COOKIE,
            auth::session_cookie(Some(token), state.config.secure_cookies),
        )],
        then,
    )
        .into_response()
}

/// The session of this request if it waits for its second step.
async fn pending(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(Vec<u8>, sessions::Pending)>, AppError> {
    let Some(token) = auth::session_token(headers, state.config.secure_cookies) else {
        return Ok(None);
    };
    let hash = sessions::hash_token(&token);
    Ok(sessions::pending(&state.db, &hash)
        .await?
        .map(|p| (hash, p)))
}

/// The second step is done: the waiting session gives way to a new one
/// (a new token again) that opens everything the user may.
async fn complete(state: &AppState, old: &[u8], p: &sessions::Pending) -> Result<String, AppError> {
    sessions::delete(&state.db, old).await?;
    let token = sessions::create(&state.db, p.user_id, &p.region_kode).await?;
    tracing::info!(user = %p.user_id, "signed in");
    Ok(token)
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/code.html")]
struct CodePage {
    nav: Nav,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn code_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(q.next.as_deref());
    match pending(&state, &headers).await? {
        Some((_, p)) if p.step() == SecondStep::Needed => Ok(CodePage {
            nav: Nav::anonymous(),
            next,
            error: None,
        }
        .into_response()),
        Some(_) => Ok(go("/login/daftar-kode", &next)),
        None => Ok(go("/login", &next)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    kode: String,
    next: String,
}

/// The one key the throttle counts second-step failures under, apart from
/// the password's, so a right password does not clear wrong codes.
fn code_key(username: &str) -> String {
    // A control character no typed username can hold (the edge refuses
    // them), so the password form cannot reach this key.
    format!("{}\u{1}kode", username.to_lowercase())
}

async fn code(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> Result<Response, AppError> {
    crate::auth::policy::no_decision_needed("the second step of signing in");
    let next = safe_next(Some(&f.next));
    let Some((hash, p)) = pending(&state, &headers).await? else {
        return Ok(go("/login", &next));
    };
    if p.step() != SecondStep::Needed {
        return Ok(go("/login/daftar-kode", &next));
    }
    let error = match check_code(&state, &client, &p, &f.kode).await? {
        Outcome::Checked(true) => {
            let token = complete(&state, &hash, &p).await?;
            return Ok(with_session(&state, &token, Redirect::to(&next)));
        }
        Outcome::Checked(false) => (
            StatusCode::UNAUTHORIZED,
            crate::i18n::t("kode-salah-atau-sudah-dipakai-masukkan").to_string(),
        ),
        Outcome::Refused { until } => {
            (StatusCode::TOO_MANY_REQUESTS, guard::refused_message(until))
        }
    };
    Ok((
        error.0,
        CodePage {
            nav: Nav::anonymous(),
            next,
            error: Some(error.1),
        },
    )
        .into_response())
}

/// Whether the code typed (from the app or a recovery code) is right for
/// the waiting session, checked under the throttle.
async fn check_code(
    state: &AppState,
    client: &str,
    p: &sessions::Pending,
    typed: &str,
) -> Result<Outcome, AppError> {
    let refuse_replay = state.config.totp_refuse_replay;
    let (db, user) = (&state.db, p.user_id);
    guard::check_secret(state, &code_key(&p.username), client, || async move {
        if totp::looks_like_recovery(typed) {
            return Ok(second_factor::use_recovery(db, user, &totp::hash_recovery(typed)).await?);
        }
        let Some(secret) = second_factor::secret(db, user).await? else {
            return Ok(false);
        };
        match totp::check(&secret, typed) {
            Some(step) => Ok(second_factor::use_step(db, user, step, refuse_replay).await?),
            None => Ok(false),
        }
    })
    .await
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/enrol.html")]
struct EnrolPage {
    nav: Nav,
    next: String,
    /// The QR code, an SVG we drew ourselves.
    qr: String,
    /// The key as text, in groups of four.
    key: String,
    error: Option<String>,
}

fn enrol_page(
    p: &sessions::Pending,
    secret: &[u8],
    next: String,
    error: Option<String>,
) -> EnrolPage {
    let svg = totp::qr_svg(&totp::otpauth_url(&p.username, secret));
    // Inline in HTML: without the XML declaration.
    let qr = match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg,
    };
    let key = totp::to_base32(secret)
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    EnrolPage {
        nav: Nav::anonymous(),
        next,
        qr,
        key,
        error,
    }
}

async fn enrol_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(q.next.as_deref());
    let Some((hash, p)) = pending(&state, &headers).await? else {
        return Ok(go("/login", &next));
    };
    if p.step() != SecondStep::Enrol {
        return Ok(go("/login/kode", &next));
    }
    let secret = match &p.totp_candidate {
        Some(s) => s.clone(),
        None => {
            let s = totp::new_secret();
            sessions::set_candidate(&state.db, &hash, &s).await?;
            s
        }
    };
    Ok(enrol_page(&p, &secret, next, None).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "auth/recovery.html")]
struct RecoveryPage {
    nav: Nav,
    next: String,
    codes: Vec<String>,
}

async fn enrol(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    Form(f): Form<CodeForm>,
) -> Result<Response, AppError> {
    crate::auth::policy::no_decision_needed("setting up one's own second factor while signing in");
    let next = safe_next(Some(&f.next));
    let Some((hash, p)) = pending(&state, &headers).await? else {
        return Ok(go("/login", &next));
    };
    let Some(secret) = p
        .totp_candidate
        .clone()
        .filter(|_| p.step() == SecondStep::Enrol)
    else {
        return Ok(go("/login/daftar-kode", &next));
    };
    let matched = totp::check(&secret, &f.kode);
    let outcome = guard::check_secret(&state, &code_key(&p.username), &client, || async move {
        Ok(matched.is_some())
    })
    .await?;
    match (outcome, matched) {
        (Outcome::Checked(true), Some(step)) => {
            finish_enrolment(&state, &hash, &p, &secret, step, next).await
        }
        (Outcome::Refused { until }, _) => Ok((
            StatusCode::TOO_MANY_REQUESTS,
            enrol_page(&p, &secret, next, Some(guard::refused_message(until))),
        )
            .into_response()),
        _ => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            enrol_page(
                &p,
                &secret,
                next,
                Some(crate::i18n::t("kode-belum-cocok-pastikan-jam-ponsel").into()),
            ),
        )
            .into_response()),
    }
}

/// The second factor stored with its recovery codes, and the page that
/// shows those codes once, in a session that now opens everything.
async fn finish_enrolment(
    state: &AppState,
    hash: &[u8],
    p: &sessions::Pending,
    secret: &[u8],
    step: i64,
    next: String,
) -> Result<Response, AppError> {
    let codes = totp::recovery_codes();
    let hashes: Vec<Vec<u8>> = codes.iter().map(|c| totp::hash_recovery(c)).collect();
    let enrolled = crate::store::atomic(&state.db, async |tx| {
        second_factor::enrol(tx, p.user_id, &p.region_kode, secret, step, &hashes).await
    })
    .await?;
    if !enrolled {
        // Set up meanwhile from another page: sign in with it.
        sessions::delete(&state.db, hash).await?;
        return Ok(go("/login", &next));
    }
    let token = complete(state, hash, p).await?;
    Ok(with_session(
        state,
        &token,
        RecoveryPage {
            nav: Nav::anonymous(),
            next,
            codes,
        },
    ))
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    crate::auth::policy::no_decision_needed("ending one's own session");
    if let Some(token) = auth::session_token(&headers, state.config.secure_cookies) {
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
