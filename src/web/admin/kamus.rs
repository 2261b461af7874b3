//! The kamus usulan of a region: the kinds of proposal it takes, each with
//! the sub kegiatan that carries it and the agency that handles it. The
//! proposal form offers only these, so a region receives proposals once it
//! has its own.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::org::OrgKind;
use crate::domain::proposal::KamusForm;
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::orgs::Organization;
use crate::store::{self, SaveError};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/kamus-usulan", get(show).post(add))
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/kamus.html")]
struct Page {
    nav: Nav,
    entries: Vec<store::proposals::Kamus>,
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
    Ok(Page {
        nav: Nav::for_user(user),
        entries: store::proposals::kamus(&state.db, &user.region_kode).await?,
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
}

async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
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
    Ok(p.into_response())
}

async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
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
    let mut tx = state.db.begin().await?;
    match store::proposals::create_kamus(&mut tx, user.id, &user.region_kode, &entry).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(Redirect::to("/admin/kamus-usulan?ok=1").into_response())
        }
        Err(SaveError::Fields(errors)) => {
            drop(tx);
            refused(errors, f).await
        }
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on insert".into())),
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}
