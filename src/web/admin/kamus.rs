//! The kamus usulan of a region: the kinds of proposal it takes, each with
//! the sub kegiatan that carries it and the agency that handles it. The
//! proposal form offers only these, so a region receives proposals once it
//! has its own.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};

use crate::app::AppState;
use crate::auth::policy::{Action, authorize};
use crate::auth::{AdminUser, CurrentUser};
use crate::domain::org::OrgKind;
use crate::domain::proposal::KamusForm;
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::orgs::Organization;
use crate::store::{self, SaveError};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/kamus-usulan", get(show).post(add))
        .route("/admin/kamus-usulan/{id}", get(edit_page).post(update))
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/kamus.html")]
struct Page {
    nav: Nav,
    entries: Vec<store::proposals::Kamus>,
    /// All entries of the region, before the filter.
    total: usize,
    /// The list's filters: a word of the name or code, a perangkat daerah.
    cari: String,
    pd: String,
    agencies: Vec<Organization>,
    form: KamusForm,
    errors: FieldErrors,
    added: bool,
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    form: KamusForm,
    errors: FieldErrors,
) -> Result<Page, AppError> {
    let entries = store::proposals::kamus_all(&state.db, &user.region_kode).await?;
    Ok(Page {
        nav: Nav::for_user(user),
        total: entries.len(),
        entries,
        cari: String::new(),
        pd: String::new(),
        agencies: store::orgs::active(&state.db, &user.region_kode, &[OrgKind::PerangkatDaerah])
            .await?,
        form,
        errors,
        added: false,
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct Q {
    ok: Option<String>,
    cari: String,
    pd: String,
}

async fn show(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    axum::extract::Query(q): axum::extract::Query<Q>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageKamus {
            region: &user.region_kode,
        },
    )?;
    let mut p = page(&state, &user, KamusForm::default(), FieldErrors::default()).await?;
    p.added = q.ok.is_some();
    p.cari = q.cari.trim().to_lowercase();
    let pd = q.pd.trim().parse::<uuid::Uuid>().ok();
    p.pd = pd.map(|u| u.to_string()).unwrap_or_default();
    let cari = p.cari.clone();
    p.entries.retain(|k| {
        pd.is_none_or(|o| k.responsible_org_id == o)
            && (cari.is_empty()
                || k.nama.to_lowercase().contains(&cari)
                || k.sub_kegiatan_kode.starts_with(&cari))
    });
    Ok(p.into_response())
}

async fn add(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Form(f): Form<KamusForm>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageKamus {
            region: &user.region_kode,
        },
    )?;
    let agencies =
        store::orgs::active(&state.db, &user.region_kode, &[OrgKind::PerangkatDaerah]).await?;
    let typed = f.sub_kegiatan_kode.trim().to_string();
    let known = store::nomenklatur::existing(&state.db, &user.region_kode, &[typed]).await?;
    let checked = f.check(
        |id| agencies.iter().any(|a| a.id == id),
        |k| known.iter().any(|x| x == k),
    );
    let refused = |errors: FieldErrors, f: KamusForm| async {
        let p = page(&state, &user, f, errors).await?;
        Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
    };
    let entry = match checked {
        Ok(k) => k,
        Err(errors) => return refused(errors, f).await,
    };
    match store::proposals::create_kamus_all(&state.db, user.id, &user.region_kode, &[entry]).await
    {
        Ok(()) => Ok(Redirect::to("/admin/kamus-usulan?ok=1").into_response()),
        Err(SaveError::Fields(errors)) => refused(errors, f).await,
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on insert".into())),
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/kamus_edit.html")]
struct EditPage {
    nav: Nav,
    entry: store::proposals::Kamus,
    agencies: Vec<Organization>,
    form: KamusForm,
    active: bool,
    errors: FieldErrors,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct EditForm {
    nama: String,
    sub_kegiatan_kode: String,
    responsible_org_id: String,
    satuan: String,
    /// The "offered on the proposal form" box.
    aktif: Option<String>,
}

async fn entry_of(
    state: &AppState,
    user: &CurrentUser,
    id: uuid::Uuid,
) -> Result<store::proposals::Kamus, AppError> {
    authorize(
        user,
        Action::ManageKamus {
            region: &user.region_kode,
        },
    )?;
    store::proposals::kamus_entry(&state.db, &user.region_kode, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_page(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<uuid::Uuid>,
) -> Result<Response, AppError> {
    let entry = entry_of(&state, &user, id).await?;
    Ok(EditPage {
        nav: Nav::for_user(&user),
        form: KamusForm {
            nama: entry.nama.clone(),
            sub_kegiatan_kode: entry.sub_kegiatan_kode.clone(),
            responsible_org_id: entry.responsible_org_id.to_string(),
            satuan: entry.satuan.clone(),
        },
        active: entry.active,
        agencies: store::orgs::active(&state.db, &user.region_kode, &[OrgKind::PerangkatDaerah])
            .await?,
        entry,
        errors: FieldErrors::default(),
    }
    .into_response())
}

/// Saves an entry as typed, or retires it from the proposal form (the
/// proposals that used it keep it).
async fn update(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Path(id): Path<uuid::Uuid>,
    Form(f): Form<EditForm>,
) -> Result<Response, AppError> {
    let entry = entry_of(&state, &user, id).await?;
    let agencies =
        store::orgs::active(&state.db, &user.region_kode, &[OrgKind::PerangkatDaerah]).await?;
    let form = KamusForm {
        nama: f.nama,
        sub_kegiatan_kode: f.sub_kegiatan_kode,
        responsible_org_id: f.responsible_org_id,
        satuan: f.satuan,
    };
    let active = f.aktif.is_some();
    let typed = form.sub_kegiatan_kode.trim().to_string();
    let known = store::nomenklatur::existing(&state.db, &user.region_kode, &[typed]).await?;
    let checked = form.check(
        |o| agencies.iter().any(|a| a.id == o),
        |k| known.iter().any(|x| x == k),
    );
    let saved = match checked {
        Ok(k) => {
            store::proposals::update_kamus(
                &state.db,
                user.id,
                &user.region_kode,
                &entry,
                &k,
                active,
            )
            .await
        }
        Err(e) => Err(SaveError::Fields(e)),
    };
    match saved {
        Ok(()) => Ok(Redirect::to("/admin/kamus-usulan?ok=1").into_response()),
        Err(SaveError::Fields(errors)) => {
            Ok(refused_edit(&user, entry, agencies, form, active, errors))
        }
        Err(SaveError::Db(e)) => Err(e.into()),
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on update".into())),
    }
}

/// The refused edit form, filled in as typed, with its errors.
fn refused_edit(
    user: &CurrentUser,
    entry: store::proposals::Kamus,
    agencies: Vec<Organization>,
    form: KamusForm,
    active: bool,
    errors: FieldErrors,
) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        EditPage {
            nav: Nav::for_user(user),
            entry,
            agencies,
            form,
            active,
            errors,
        },
    )
        .into_response()
}
