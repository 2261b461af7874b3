//! Admin: organizations of the pemda (Bappeda, perangkat daerah, desa,
//! kelurahan, lembaga, DPRD).

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use super::notice;
use crate::app::AppState;
use crate::auth::policy::{Action, authorize};
use crate::auth::{AdminUser, CurrentUser};
use crate::domain::org::{NewOrganization, OrgKind};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::orgs::{self, Organization, SaveError};
use crate::store::regions::{self, Region};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/organisasi", get(list))
        .route("/admin/organisasi/baru", get(new_form).post(create))
        .route(
            "/admin/organisasi/dari-wilayah",
            get(places_page).post(create_for_places),
        )
        .route("/admin/organisasi/{id}", get(edit_form).post(update))
}

#[derive(Deserialize)]
struct Ok_ {
    ok: Option<String>,
    /// The list's filters: a word of the name or code, and a kind.
    cari: Option<String>,
    jenis: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/orgs.html")]
struct ListPage {
    nav: Nav,
    region: String,
    organizations: Vec<Organization>,
    /// All organizations of the region, before the filter.
    total: usize,
    cari: String,
    jenis: String,
    kinds: [OrgKind; 6],
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
    let all = orgs::list(&state.db, &user.region_kode).await?;
    let total = all.len();
    let cari = q.cari.unwrap_or_default().trim().to_lowercase();
    let jenis = OrgKind::parse(q.jenis.as_deref().unwrap_or("").trim());
    let organizations = all
        .into_iter()
        .filter(|o| {
            (cari.is_empty() || o.name.to_lowercase().contains(&cari) || o.code.contains(&cari))
                && jenis.is_none_or(|k| o.kind == k)
        })
        .collect();
    Ok(ListPage {
        nav: Nav::for_user(&user),
        region: user.region_label(),
        organizations,
        total,
        cari,
        jenis: jenis.map(|k| k.as_str().to_string()).unwrap_or_default(),
        kinds: OrgKind::ALL,
        notice: notice(q.ok.as_deref()),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/orgs_from_places.html")]
struct PlacesPage {
    nav: Nav,
    region: String,
    missing: Vec<NewOrganization>,
}

/// What creating the organizations of every kecamatan and desa/kelurahan
/// would add, to confirm.
async fn places_page(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageOrganizations {
            region: &user.region_kode,
        },
    )?;
    Ok(PlacesPage {
        nav: Nav::for_user(&user),
        region: user.region_label(),
        missing: orgs::missing_for_places(&state.db, &user.region_kode).await?,
    }
    .into_response())
}

async fn create_for_places(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageOrganizations {
            region: &user.region_kode,
        },
    )?;
    match orgs::create_for_places(&state.db, Some(user.id), &user.region_kode).await {
        Ok(_) => Ok(Redirect::to("/admin/organisasi?ok=wilayah").into_response()),
        Err(SaveError::Db(e)) => Err(e.into()),
        Err(_) => Err(AppError::BadRequest(
            "Sebagian organisasi bentrok dengan yang dibuat bersamaan; muat ulang halaman lalu coba lagi.".into(),
        )),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct OrgForm {
    kind: String,
    code: String,
    name: String,
    wilayah_kode: String,
    active: Option<String>,
    version: i32,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/org_form.html")]
struct FormPage {
    nav: Nav,
    /// None when creating.
    id: Option<Uuid>,
    form: OrgForm,
    errors: FieldErrors,
    conflict: Option<String>,
    kinds: [OrgKind; 6],
    places: Vec<Region>,
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: Option<Uuid>,
    form: OrgForm,
    errors: FieldErrors,
    conflict: Option<String>,
) -> Result<FormPage, AppError> {
    Ok(FormPage {
        nav: Nav::for_user(user),
        id,
        form,
        errors,
        conflict,
        kinds: OrgKind::ALL,
        places: regions::places_in(&state.db, &user.region_kode).await?,
    })
}

async fn new_form(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageOrganizations {
            region: &user.region_kode,
        },
    )?;
    let form = OrgForm {
        active: Some("on".into()),
        ..OrgForm::default()
    };
    Ok(
        page(&state, &user, None, form, FieldErrors::default(), None)
            .await?
            .into_response(),
    )
}

async fn create(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Form(f): Form<OrgForm>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageOrganizations {
            region: &user.region_kode,
        },
    )?;
    let parsed = NewOrganization::parse(&f.kind, &f.code, &f.name, &f.wilayah_kode);
    let result = match parsed {
        Err(errors) => Err(SaveError::Fields(errors)),
        Ok(org) => {
            crate::store::atomic(&state.db, async |tx| {
                orgs::create(tx, Some(user.id), &user.region_kode, &org).await
            })
            .await
        }
    };
    match result {
        Ok(_) => Ok(Redirect::to("/admin/organisasi?ok=dibuat").into_response()),
        Err(SaveError::Fields(errors)) => {
            let p = page(&state, &user, None, f, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
        }
        Err(SaveError::Db(e)) => Err(e.into()),
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on insert".into())),
    }
}

/// The organization behind `id`, if the signed-in admin may manage it.
async fn managed_org(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<Organization, AppError> {
    let org = orgs::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authorize(
        user,
        Action::ManageOrganizations {
            region: &org.region_kode,
        },
    )?;
    Ok(org)
}

fn form_of(org: &Organization) -> OrgForm {
    OrgForm {
        kind: org.kind.as_str().into(),
        code: org.code.clone(),
        name: org.name.clone(),
        wilayah_kode: org.wilayah_kode.clone().unwrap_or_default(),
        active: org.active.then(|| "on".into()),
        version: org.version,
    }
}

async fn edit_form(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let org = managed_org(&state, &user, id).await?;
    Ok(page(
        &state,
        &user,
        Some(id),
        form_of(&org),
        FieldErrors::default(),
        None,
    )
    .await?
    .into_response())
}

async fn update(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<Uuid>,
    Form(f): Form<OrgForm>,
) -> Result<Response, AppError> {
    let current = managed_org(&state, &user, id).await?;
    let result = match NewOrganization::parse(&f.kind, &f.code, &f.name, &f.wilayah_kode) {
        Err(errors) => Err(SaveError::Fields(errors)),
        Ok(org) => {
            let (version, active) = (f.version, f.active.is_some());
            crate::store::atomic(&state.db, async |tx| {
                orgs::update(tx, user.id, &current, version, &org, active).await
            })
            .await
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to("/admin/organisasi?ok=disimpan").into_response()),
        Err(SaveError::Fields(errors)) => {
            let p = page(&state, &user, Some(id), f, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
        }
        Err(SaveError::Conflict) => {
            let theirs = format!(
                "{} ({}, kode {}, {})",
                current.name,
                current.kind.label(),
                current.code,
                if current.active { "aktif" } else { "nonaktif" }
            );
            let mine = OrgForm {
                version: current.version,
                ..f
            };
            let p = page(
                &state,
                &user,
                Some(id),
                mine,
                FieldErrors::default(),
                Some(theirs),
            )
            .await?;
            Ok((StatusCode::CONFLICT, p).into_response())
        }
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}
