//! A user's own account: name, contact details and how to be told
//! (`/akun`), and changing the password.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::{Nav, filters};
use crate::app::AppState;
use crate::auth::guard::{self, Outcome};
use crate::auth::policy::{Action, authorize};
use crate::auth::{ClientAddr, CurrentUser, password};
use crate::domain::user::{FieldErrors, check_new_password};
use crate::error::AppError;
use crate::store::users;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/akun", get(profile_page).post(save_profile))
        .route("/akun/kata-sandi", get(form).post(change))
}

#[derive(Template, WebTemplate)]
#[template(path = "account/profile.html")]
struct ProfilePage {
    nav: Nav,
    username: String,
    version: i32,
    full_name: String,
    email: String,
    phone: String,
    notify: String,
    choices: [crate::domain::user::Notify; 3],
    errors: FieldErrors,
    saved: bool,
    conflict: bool,
    /// For members of the public: their lembaga and requests to join one.
    lembaga: Option<LembagaPart>,
}

struct LembagaPart {
    member_of: Vec<String>,
    /// Lembaga of the region one may ask to join.
    offered: Vec<(uuid::Uuid, String)>,
    requests: Vec<crate::store::signup::JoinRequest>,
    notice: Option<&'static str>,
}

/// The lembaga part of a community member's profile.
async fn lembaga_part(
    state: &AppState,
    user: &CurrentUser,
    asked: Option<&str>,
) -> Result<Option<LembagaPart>, AppError> {
    let public = crate::auth::policy::public_memberships(user);
    if public.is_empty() {
        return Ok(None);
    }
    let requests = crate::store::signup::of_user(&state.db, user.id).await?;
    let (_, lembagas) = crate::store::signup::choices(&state.db).await?;
    let offered = lembagas
        .into_iter()
        .filter(|l| {
            l.region_kode == user.region_kode
                && !user.memberships.iter().any(|m| m.organization_id == l.id)
                && !requests
                    .iter()
                    .any(|r| r.organization_id == l.id && r.status == "menunggu")
        })
        .map(|l| (l.id, l.name))
        .collect();
    Ok(Some(LembagaPart {
        member_of: public.iter().map(|m| m.organization_name.clone()).collect(),
        offered,
        requests,
        notice: match asked {
            Some("diminta") => Some(crate::i18n::t(
                "permintaan-terkirim-pengurus-lembaga-atau-perencana",
            )),
            Some("sudah") => Some(crate::i18n::t("anda-sudah-anggota-lembaga-itu-atau")),
            Some("pilih") => Some(crate::i18n::t("pilih-lembaga-dari-daftar")),
            _ => None,
        },
    }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProfileForm {
    version: i32,
    full_name: String,
    email: String,
    phone: String,
    notify: String,
}

impl ProfilePage {
    fn of(user: &CurrentUser, u: &users::User, f: ProfileForm) -> ProfilePage {
        ProfilePage {
            nav: Nav::for_user(user),
            username: u.username.clone(),
            version: f.version,
            full_name: f.full_name,
            email: f.email,
            phone: f.phone,
            notify: f.notify,
            choices: crate::domain::user::Notify::ALL,
            errors: FieldErrors::default(),
            saved: false,
            conflict: false,
            lembaga: None,
        }
    }
}

fn form_of(u: &users::User) -> ProfileForm {
    ProfileForm {
        version: u.version,
        full_name: u.full_name.clone(),
        email: u.email.clone().unwrap_or_default(),
        phone: u.phone.clone().unwrap_or_default(),
        notify: u.notify.clone(),
    }
}

async fn profile_page(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<Saved>,
) -> Result<Response, AppError> {
    let u = users::get(&state.db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut page = ProfilePage::of(&user, &u, form_of(&u));
    page.saved = q.tersimpan.is_some();
    page.lembaga = lembaga_part(&state, &user, q.lembaga.as_deref()).await?;
    Ok(page.into_response())
}

async fn save_profile(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<ProfileForm>,
) -> Result<Response, AppError> {
    authorize(&user, Action::ManageOwnAccount)?;
    let u = users::get(&state.db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    match crate::domain::user::Profile::parse(&f.full_name, &f.email, &f.phone, &f.notify) {
        Err(errors) => {
            let mut page = ProfilePage::of(&user, &u, f);
            page.errors = errors;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Ok(p) => {
            if users::update_own_profile(&state.db, &u, f.version, &p).await? {
                return Ok(Redirect::to("/akun?tersimpan=1").into_response());
            }
            let mut page = ProfilePage::of(&user, &u, f);
            page.version = u.version;
            page.conflict = true;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "account/password.html")]
struct PasswordPage {
    nav: Nav,
    errors: FieldErrors,
    saved: bool,
}

#[derive(Deserialize)]
struct Saved {
    tersimpan: Option<String>,
    /// Back from asking to join a lembaga.
    lembaga: Option<String>,
}

async fn form(user: CurrentUser, Query(q): Query<Saved>) -> Result<Response, AppError> {
    authorize(&user, Action::ChangeOwnPassword)?;
    Ok(PasswordPage {
        nav: Nav::for_user(&user),
        errors: FieldErrors::default(),
        saved: q.tersimpan.is_some(),
    }
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ChangeForm {
    current: String,
    new_password: String,
    confirm: String,
}

async fn change(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    user: CurrentUser,
    Form(f): Form<ChangeForm>,
) -> Result<Response, AppError> {
    authorize(&user, Action::ChangeOwnPassword)?;
    let account = users::get(&state.db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let hash = users::credentials(&state.db, &account.username)
        .await?
        .ok_or(AppError::NotFound)?
        .password_hash;
    let mut errors = FieldErrors::default();
    check_current(&state, &client, &account, hash, &f.current, &mut errors).await?;
    check_new(&f, &account, &mut errors);
    if !errors.is_empty() {
        return Ok(refused_change(&user, errors));
    }
    let new_hash = password::hash(&f.new_password).await?;
    crate::store::atomic(&state.db, async |tx| {
        users::set_password(
            tx,
            Some(user.id),
            &account,
            &new_hash,
            Some(&user.session_hash),
        )
        .await
    })
    .await?;
    Ok(Redirect::to("/akun/kata-sandi?tersimpan=1").into_response())
}

/// The current password as typed, checked against `hash`; a wrong one (or
/// one tried too often) leaves its error beside the field.
async fn check_current(
    state: &AppState,
    client: &str,
    account: &users::User,
    hash: String,
    typed: &str,
    errors: &mut FieldErrors,
) -> Result<(), AppError> {
    // Checked under the same throttle as signing in: a stolen session
    // cannot guess the password here either.
    let (slots, wait) = (&*state.password_slots, state.config.password_wait);
    let key = account.username.to_lowercase();
    match guard::check_secret(state, &key, client, || async move {
        password::verify_bounded(slots, wait, typed, &hash).await
    })
    .await?
    {
        Outcome::Checked(true) => {}
        Outcome::Checked(false) => {
            errors.add("current", crate::i18n::t("kata-sandi-saat-ini-salah"))
        }
        Outcome::Refused { until } => errors.add("current", guard::refused_message(until)),
    }
    Ok(())
}

/// The new password's errors, if it is weak or not repeated exactly.
fn check_new(f: &ChangeForm, account: &users::User, errors: &mut FieldErrors) {
    if let Err(m) = check_new_password(&f.new_password, &account.username, &account.full_name) {
        errors.add("new_password", m);
    } else if f.new_password != f.confirm {
        errors.add(
            "confirm",
            crate::i18n::t("ulangi-kata-sandi-baru-persis-sama"),
        );
    }
}

/// The refused password form, with its errors.
fn refused_change(user: &CurrentUser, errors: FieldErrors) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        PasswordPage {
            nav: Nav::for_user(user),
            errors,
            saved: false,
        },
    )
        .into_response()
}
