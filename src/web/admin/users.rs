//! Admin: accounts of the pemda, their memberships, passwords, status.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use super::notice;
use crate::app::AppState;
use crate::auth::policy::assignable_roles;
use crate::auth::policy::{Action, authorize};
use crate::auth::{AdminUser, CurrentUser, password};
use crate::domain::role::Role;
use crate::domain::user::{
    FieldErrors, Membership, NewMember, NewUser, check_new_password, parse_email, parse_full_name,
};
use crate::error::AppError;
use crate::store::account_links::{self, Purpose};
use crate::store::audit::{self, AuditRow};
use crate::store::orgs::{Organization, SaveError};
use crate::store::users::{self, User};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/pengguna", get(list))
        .route("/admin/pengguna/baru", get(new_form).post(create))
        .route("/admin/pengguna/{id}", get(detail).post(update))
        .route("/admin/pengguna/{id}/kata-sandi", post(set_password))
        .route("/admin/pengguna/{id}/tautan-reset", post(reset_link))
        .route(
            "/admin/pengguna/{id}/faktor-kedua",
            post(reset_second_factor),
        )
        .route("/admin/pengguna/{id}/keanggotaan", post(add_membership))
        .route(
            "/admin/pengguna/{id}/keanggotaan/{mid}/hapus",
            post(remove_membership),
        )
        .route(
            "/admin/pengguna/{id}/nonaktifkan",
            get(confirm_deactivate).post(deactivate),
        )
        .route("/admin/pengguna/{id}/aktifkan", post(activate))
        .route(
            "/admin/pengguna/{id}/keanggotaan/{mid}/pengurus",
            post(set_lead),
        )
}

#[derive(Deserialize)]
struct Ok_ {
    ok: Option<String>,
    /// The list's filters: a word of the username, name or organization,
    /// and a role.
    cari: Option<String>,
    peran: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/users.html")]
struct ListPage {
    nav: Nav,
    region: String,
    users: Vec<User>,
    /// All accounts of the region, before the filter.
    total: usize,
    cari: String,
    peran: String,
    roles: Vec<Role>,
    notice: Option<&'static str>,
}

async fn list(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Query(q): Query<Ok_>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ViewAdmin {
            region: &user.region_kode,
        },
    )?;
    let all = users::list(&state.db, &user.region_kode).await?;
    let total = all.len();
    let cari = q.cari.unwrap_or_default().trim().to_lowercase();
    let peran: Option<Role> = q.peran.as_deref().unwrap_or("").parse().ok();
    let users = all
        .into_iter()
        .filter(|u| {
            (cari.is_empty()
                || u.username.contains(&cari)
                || u.full_name.to_lowercase().contains(&cari)
                || u.memberships
                    .0
                    .iter()
                    .any(|m| m.organization_name.to_lowercase().contains(&cari)))
                && peran.is_none_or(|r| u.memberships.0.iter().any(|m| m.role == r))
        })
        .collect();
    Ok(ListPage {
        nav: Nav::for_user(&user),
        region: user.region_label(),
        users,
        total,
        cari,
        peran: peran.map(|r| r.as_str().to_string()).unwrap_or_default(),
        roles: assignable_roles(&user),
        notice: notice(q.ok.as_deref()),
    }
    .into_response())
}

/// Values of the new-user form, kept to fill it in again after an error.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct NewUserForm {
    username: String,
    full_name: String,
    email: String,
    password: String,
    organization_id: String,
    role: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/user_new.html")]
struct NewPage {
    nav: Nav,
    form: NewUserForm,
    errors: FieldErrors,
    organizations: Vec<Organization>,
    roles: Vec<Role>,
}

async fn new_form(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageUsers {
            region: &user.region_kode,
        },
    )?;
    let organizations = active_orgs(&state, &user.region_kode).await?;
    Ok(NewPage {
        nav: Nav::for_user(&user),
        form: NewUserForm::default(),
        errors: FieldErrors::default(),
        organizations,
        roles: assignable_roles(&user),
    }
    .into_response())
}

async fn active_orgs(state: &AppState, region: &str) -> Result<Vec<Organization>, AppError> {
    Ok(crate::store::orgs::active(&state.db, region, &[]).await?)
}

async fn create(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Form(f): Form<NewUserForm>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageUsers {
            region: &user.region_kode,
        },
    )?;
    authorize(
        &user,
        Action::ManageMemberships {
            region: &user.region_kode,
            target: None,
        },
    )?;
    let organizations = active_orgs(&state, &user.region_kode).await?;
    let parsed = NewMember::parse(
        NewUser::parse(&f.username, &f.full_name, &f.email, &f.password),
        &f.organization_id,
        &f.role,
        |id| organizations.iter().any(|o| o.id == id),
    );
    let new = match parsed {
        Ok(new) => new,
        Err(errors) => return Ok(refused_new(&user, &f, errors, organizations)),
    };
    // Without a password: an unusable hash, and an invitation link.
    let hash = match &new.user.password {
        Some(p) => Some(password::hash(p).await?),
        None => None,
    };
    match create_member(&state, &user, &new, hash.as_deref()).await {
        Ok((id, None)) => {
            Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=dibuat")).into_response())
        }
        Ok((id, Some(token))) => invited(&state, &user, id, &token).await,
        Err(SaveError::Fields(errors)) => Ok(refused_new(&user, &f, errors, organizations)),
        Err(SaveError::Db(e)) => Err(e.into()),
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on insert".into())),
    }
}

/// The refused new-user form, filled in as typed but for the password,
/// with its errors.
fn refused_new(
    user: &CurrentUser,
    f: &NewUserForm,
    errors: FieldErrors,
    organizations: Vec<Organization>,
) -> Response {
    let mut form = f.clone();
    form.password.clear();
    let page = NewPage {
        nav: Nav::for_user(user),
        form,
        errors,
        organizations,
        roles: assignable_roles(user),
    };
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// The new account and its membership, stored; with the invitation token
/// when it has no password yet.
async fn create_member(
    state: &AppState,
    user: &CurrentUser,
    new: &NewMember,
    hash: Option<&str>,
) -> Result<(Uuid, Option<String>), SaveError> {
    account_links::create_member_alone(
        &state.db,
        user.id,
        &user.region_kode,
        &new.user.username,
        &new.user.full_name,
        new.user.email.as_deref(),
        hash,
        new.organization,
        new.role,
    )
    .await
}

/// A new account's page with its invitation link, shown once, in this
/// answer only (never in an address or a log); mailed when Selaras can.
async fn invited(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    token: &str,
) -> Result<Response, AppError> {
    let target = managed_user(state, user, id).await?;
    let mailed = crate::web::links::mail_invitation(
        state,
        &target.full_name,
        target.email.as_deref(),
        token,
    );
    let mut page = detail_page(
        state,
        user,
        target,
        None,
        FieldErrors::default(),
        None,
        Some(if mailed {
            crate::i18n::t("akun-dibuat-undangan-juga-dikirim-ke")
        } else {
            crate::i18n::t("akun-dibuat")
        }),
    )
    .await?;
    page.link = Some(link_of(state, token, Purpose::Undangan));
    Ok(page.into_response())
}

/// The account behind `id`, if the signed-in admin may manage it.
async fn managed_user(state: &AppState, admin: &CurrentUser, id: Uuid) -> Result<User, AppError> {
    let target = users::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authorize(
        admin,
        Action::ManageUsers {
            region: &target.region_kode,
        },
    )?;
    Ok(target)
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ProfileForm {
    full_name: String,
    email: String,
    version: i32,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/user_detail.html")]
struct DetailPage {
    nav: Nav,
    target: User,
    profile: ProfileForm,
    errors: FieldErrors,
    /// Set when a save was refused because someone else saved first.
    conflict: Option<(String, String)>,
    notice: Option<&'static str>,
    organizations: Vec<Organization>,
    roles: Vec<Role>,
    history: Vec<AuditRow>,
    is_self: bool,
    /// The add-membership form as sent, when refused: (organization, role).
    membership_form: (String, String),
    /// A link just issued, shown this once: (what it is, address).
    link: Option<(&'static str, String)>,
}

impl DetailPage {
    fn history_time(&self, row: &AuditRow) -> String {
        crate::format::waktu(row.at)
    }
    fn when(&self, at: &time::OffsetDateTime) -> String {
        crate::format::waktu(*at)
    }
}

async fn detail_page(
    state: &AppState,
    admin: &CurrentUser,
    target: User,
    profile: Option<ProfileForm>,
    errors: FieldErrors,
    conflict: Option<(String, String)>,
    notice: Option<&'static str>,
) -> Result<DetailPage, AppError> {
    let organizations = active_orgs(state, &target.region_kode).await?;
    let history = audit::for_entity(&state.db, "user", &target.id.to_string(), 20).await?;
    let profile = profile.unwrap_or_else(|| ProfileForm {
        full_name: target.full_name.clone(),
        email: target.email.clone().unwrap_or_default(),
        version: target.version,
    });
    Ok(DetailPage {
        nav: Nav::for_user(admin),
        is_self: target.id == admin.id,
        target,
        profile,
        errors,
        conflict,
        notice,
        organizations,
        roles: assignable_roles(admin),
        history,
        membership_form: Default::default(),
        link: None,
    })
}

async fn detail(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
    Query(q): Query<Ok_>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    let page = detail_page(
        &state,
        &user,
        target,
        None,
        FieldErrors::default(),
        None,
        notice(q.ok.as_deref()),
    )
    .await?;
    Ok(page.into_response())
}

async fn update(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ProfileForm>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    let (full_name, email) = match parse_profile(&f) {
        Ok(parsed) => parsed,
        Err(errors) => return refused_profile(&state, &user, target, f, errors).await,
    };
    let saved = crate::store::atomic(&state.db, async |tx| {
        users::update_profile(
            tx,
            user.id,
            &target,
            f.version,
            &full_name,
            email.as_deref(),
        )
        .await
    })
    .await;
    match saved {
        Ok(()) => Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=disimpan")).into_response()),
        Err(SaveError::Conflict) => conflicted_profile(&state, &user, target, f).await,
        Err(SaveError::Fields(errors)) => refused_profile(&state, &user, target, f, errors).await,
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// The profile form's name and email, or the errors beside their fields.
fn parse_profile(f: &ProfileForm) -> Result<(String, Option<String>), FieldErrors> {
    let mut errors = FieldErrors::default();
    let full_name = parse_full_name(&f.full_name)
        .map_err(|m| errors.add("full_name", m))
        .ok();
    let email = parse_email(&f.email)
        .map_err(|m| errors.add("email", m))
        .ok();
    match (full_name, email) {
        (Some(full_name), Some(email)) => Ok((full_name, email)),
        _ => Err(errors),
    }
}

/// The refused profile form, filled in as typed, with its errors.
async fn refused_profile(
    state: &AppState,
    user: &CurrentUser,
    target: User,
    f: ProfileForm,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = detail_page(state, user, target, Some(f), errors, None, None).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The profile form after someone else saved first.
async fn conflicted_profile(
    state: &AppState,
    user: &CurrentUser,
    target: User,
    f: ProfileForm,
) -> Result<Response, AppError> {
    // Someone saved first: show their values next to the user's,
    // keep what the user typed, and let them save on top of the new
    // version once they have looked.
    let theirs = (
        target.full_name.clone(),
        target.email.clone().unwrap_or_default(),
    );
    let mine = ProfileForm {
        version: target.version,
        ..f
    };
    let page = detail_page(
        state,
        user,
        target,
        Some(mine),
        FieldErrors::default(),
        Some(theirs),
        None,
    )
    .await?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordForm {
    password: String,
}

async fn set_password(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
    Form(f): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    if let Err(m) = check_new_password(&f.password, &target.username, &target.full_name) {
        let page = detail_page(
            &state,
            &user,
            target,
            None,
            FieldErrors::single("password", m),
            None,
            None,
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let hash = password::hash(&f.password).await?;
    // Four eyes, checked under a lock of the account: a second-factor
    // reset sent at the same moment waits, then sees this.
    users::four_eyes(
        &state.db,
        user.id,
        target.id,
        "reset_second_factor",
        |took_factor| {
            authorize(
                &user,
                Action::SetUserPassword {
                    region: &target.region_kode,
                    target: target.id,
                    took_factor,
                },
            )
            .map(|()| true)
        },
        async |tx| users::set_password(tx, Some(user.id), &target, &hash, None).await,
    )
    .await??;
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=kata-sandi")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResetForm {
    yakin: String,
}

/// The address of a link, for the admin to pass on.
fn link_of(state: &AppState, token: &str, purpose: Purpose) -> (&'static str, String) {
    let what = match purpose {
        Purpose::Undangan => crate::i18n::t("tautan-undangan-berlaku-7-hari-sekali"),
        Purpose::Reset => crate::i18n::t("tautan-atur-ulang-kata-sandi-berlaku"),
        Purpose::Konfirmasi => crate::i18n::t("tautan-konfirmasi-email-berlaku-48-jam"),
    };
    (
        what,
        format!(
            "{}/tautan/{token}",
            state.config.public_url.trim_end_matches('/')
        ),
    )
}

/// A reset link for a person who forgot their password: they set a new
/// one themselves. Held to the same four eyes as setting a password.
async fn reset_link(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    let token = account_links::issue_by_admin(
        &state.db,
        user.id,
        &target.region_kode,
        target.id,
        |took_factor| {
            authorize(
                &user,
                Action::SetUserPassword {
                    region: &target.region_kode,
                    target: target.id,
                    took_factor,
                },
            )
        },
    )
    .await??;
    let mut page = detail_page(
        &state,
        &user,
        target,
        None,
        FieldErrors::default(),
        None,
        None,
    )
    .await?;
    page.link = Some(link_of(&state, &token, Purpose::Reset));
    Ok(page.into_response())
}

/// Clears a user's second factor (a lost phone): the next sign-in sets it
/// up again. Asks for a tick of confirmation; audited and told.
async fn reset_second_factor(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ResetForm>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    // Four eyes, checked under a lock of the account: a password set at
    // the same moment waits, then sees this.
    let done = users::four_eyes(
        &state.db,
        user.id,
        target.id,
        "set_password",
        |took_password| {
            authorize(
                &user,
                Action::ResetSecondFactor {
                    region: &target.region_kode,
                    target: target.id,
                    took_password,
                },
            )
            .map(|()| f.yakin == "ya")
        },
        async |tx| {
            crate::store::second_factor::reset(tx, user.id, target.id, &target.region_kode).await
        },
    )
    .await??;
    if !done {
        let page = detail_page(
            &state,
            &user,
            target,
            None,
            FieldErrors::single(
                "yakin",
                crate::i18n::t("centang-kotak-ini-untuk-memastikan-verifikasi"),
            ),
            None,
            None,
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=faktor-kedua")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MembershipForm {
    organization_id: String,
    role: String,
}

async fn add_membership(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
    Form(f): Form<MembershipForm>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    authorize(
        &user,
        Action::ManageMemberships {
            region: &target.region_kode,
            target: Some(target.id),
        },
    )?;
    let organizations = active_orgs(&state, &target.region_kode).await?;
    let parsed = Membership::parse(&f.organization_id, &f.role, |oid| {
        organizations.iter().any(|o| o.id == oid)
    });
    let m = match parsed {
        Ok(m) => m,
        Err(errors) => {
            let mut page = detail_page(&state, &user, target, None, errors, None, None).await?;
            page.membership_form = (f.organization_id.clone(), f.role.clone());
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    crate::store::atomic(&state.db, async |tx| {
        users::add_membership(
            tx,
            Some(user.id),
            &target.region_kode,
            target.id,
            m.organization,
            m.role,
        )
        .await
    })
    .await?;
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=keanggotaan")).into_response())
}

/// An account of the admin's region and one of its memberships (that
/// `fits`), once the policy allows changing its memberships.
async fn managed_membership(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    mid: Uuid,
    fits: impl Fn(&users::MembershipRow) -> bool,
) -> Result<(User, users::MembershipRow), AppError> {
    let target = managed_user(state, user, id).await?;
    authorize(
        user,
        Action::ManageMemberships {
            region: &target.region_kode,
            target: Some(target.id),
        },
    )?;
    let m = target
        .memberships
        .0
        .iter()
        .find(|m| m.id == mid && fits(m))
        .ok_or(AppError::NotFound)?
        .clone();
    Ok((target, m))
}

async fn remove_membership(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path((id, mid)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let (target, m) = managed_membership(&state, &user, id, mid, |_| true).await?;
    crate::store::atomic(&state.db, async |tx| {
        users::remove_membership(tx, user.id, &target, &m).await
    })
    .await?;
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=keanggotaan-dihapus")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/user_deactivate.html")]
struct ConfirmDeactivate {
    nav: Nav,
    target: User,
}

async fn confirm_deactivate(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    authorize(
        &user,
        Action::DeactivateUser {
            region: &target.region_kode,
            target: target.id,
        },
    )?;
    Ok(ConfirmDeactivate {
        nav: Nav::for_user(&user),
        target,
    }
    .into_response())
}

async fn deactivate(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    authorize(
        &user,
        Action::DeactivateUser {
            region: &target.region_kode,
            target: target.id,
        },
    )?;
    crate::store::atomic(&state.db, async |tx| {
        users::set_active(tx, Some(user.id), &target, false).await
    })
    .await?;
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=nonaktif")).into_response())
}

async fn activate(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let target = managed_user(&state, &user, id).await?;
    crate::store::atomic(&state.db, async |tx| {
        users::set_active(tx, Some(user.id), &target, true).await
    })
    .await?;
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=aktif")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LeadForm {
    /// "ya" to make the member the lead, anything else to stop.
    pengurus: String,
}

/// Makes a lembaga member its lead (pengurus), or no longer.
async fn set_lead(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path((id, mid)): Path<(Uuid, Uuid)>,
    Form(f): Form<LeadForm>,
) -> Result<Response, AppError> {
    let (target, m) = managed_membership(&state, &user, id, mid, |m| m.may_lead()).await?;
    let lead = f.pengurus == "ya";
    crate::store::atomic(&state.db, async |tx| {
        users::set_lead_by_admin(tx, user.id, &target, &m, lead).await
    })
    .await?;
    Ok(Redirect::to(&format!("/admin/pengguna/{id}?ok=keanggotaan")).into_response())
}
