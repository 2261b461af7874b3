//! Starting a plan document. An RKPD may be derived from its RPJMD (the
//! programs with their indicators, that year's targets and pagu); an RKPD
//! Perubahan is always a copy of the RKPD it amends.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::can_view_plan;
use crate::auth::policy::{Action, authorize, can};
use crate::domain::org::OrgKind;
use crate::domain::plan::{Named, NewPlanContext, PlanKind};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::orgs::{self, Organization};
use crate::store::plans::{self, Plan, copy};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new().route("/rencana/baru", get(new_form).post(create))
}

pub use crate::domain::plan::NewPlanForm as PlanForm;

#[derive(Template, WebTemplate)]
#[template(path = "plans/new.html")]
struct NewPage {
    nav: Nav,
    form: PlanForm,
    errors: FieldErrors,
    kinds: Vec<PlanKind>,
    owners: Vec<Organization>,
    candidates: Vec<Plan>,
}

impl NewPage {
    fn selected(&self, field: &str, id: &Uuid) -> bool {
        let v = match field {
            "owner" => &self.form.owner_org_id,
            "parent" => &self.form.parent_id,
            "rkpd" => &self.form.rkpd_ref_id,
            _ => &self.form.province_ref_id,
        };
        *v == id.to_string()
    }
}

/// The pemda and its province: where parents and references may come from.
fn regions_for(user: &CurrentUser) -> Vec<String> {
    let mut r = vec![user.region_kode.clone()];
    if let Some((prov, _)) = user.region_kode.split_once('.') {
        r.push(prov.to_string());
    }
    r
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    form: PlanForm,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    let owners: Vec<Organization> = orgs::active(
        &state.db,
        &user.region_kode,
        &[OrgKind::PerangkatDaerah, OrgKind::Desa],
    )
    .await?;
    // Every plan of the pemda and its province, to choose parents from.
    // Only those the user may read: never the province's drafts.
    let mut candidates = plans::candidates(&state.db, &regions_for(user)).await?;
    candidates
        .retain(|p| crate::auth::policy::can_view_plan(Some(user), super::plan_ref(p)).is_ok());
    let kinds = creatable_kinds(user, &owners);
    Ok(NewPage {
        nav: Nav::for_user(user),
        form,
        errors,
        kinds,
        owners,
        candidates,
    })
}

/// The kinds of plan the person may create, alone or for one of these owners.
fn creatable_kinds(user: &CurrentUser, owners: &[Organization]) -> Vec<PlanKind> {
    PlanKind::ALL
        .into_iter()
        .filter(|k| {
            can(
                user,
                Action::CreatePlan {
                    region: &user.region_kode,
                    kind: *k,
                    owner_org: None,
                },
            )
            .is_ok()
                || owners.iter().any(|o| {
                    can(
                        user,
                        Action::CreatePlan {
                            region: &user.region_kode,
                            kind: *k,
                            owner_org: Some(o.id),
                        },
                    )
                    .is_ok()
                })
        })
        .collect()
}

#[derive(Deserialize)]
struct Preset {
    jenis: Option<String>,
    induk: Option<String>,
}

async fn new_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<Preset>,
) -> Result<Response, AppError> {
    let form = PlanForm {
        kind: q.jenis.unwrap_or_default(),
        parent_id: q.induk.unwrap_or_default(),
        copy: Some("on".into()),
        ..PlanForm::default()
    };
    let p = page(&state, &user, form, FieldErrors::default()).await?;
    if p.kinds.is_empty() {
        return Err(AppError::Forbidden(
            crate::i18n::t("peran-anda-tidak-dapat-membuat-dokumen").into(),
        ));
    }
    Ok(p.into_response())
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<PlanForm>,
) -> Result<Response, AppError> {
    let Some(kind) = f.kind() else {
        let errors = FieldErrors::single("kind", crate::i18n::t("pilih-jenis-dokumen"));
        return refused(&state, &user, f, errors).await;
    };
    authorize(
        &user,
        Action::CreatePlan {
            region: &user.region_kode,
            kind,
            owner_org: f.owner_id(),
        },
    )?;
    let named = NamedPlans::read(&state, &f).await?;
    let owners: Vec<(Uuid, OrgKind)> = orgs::list(&state.db, &user.region_kode)
        .await?
        .into_iter()
        .map(|o| (o.id, o.kind))
        .collect();
    let ctx = NewPlanContext {
        region: &user.region_kode,
        province: user.region_kode.split_once('.').map(|(p, _)| p),
        owners: &owners,
        parent: facts(&user, &named.parent),
        rkpd_ref: facts(&user, &named.rkpd_ref),
        province_ref: facts(&user, &named.province_ref),
    };
    let p = match f.check(kind, &ctx) {
        Ok(p) => p,
        Err(errors) => return refused(&state, &user, f, errors).await,
    };
    let start = match (p.copy_from_parent, kind, &named.parent) {
        (true, PlanKind::Rkpd, Some(rpjmd)) => copy::Start::FromRpjmd(rpjmd, p.first_year),
        (true, PlanKind::RkpdPerubahan, Some(rkpd)) => copy::Start::FromRkpd(rkpd),
        _ => copy::Start::Empty,
    };
    let id = copy::create_plan(&state.db, Some(user.id), new_plan(&user, kind, &p), start).await?;
    Ok(Redirect::to(&format!("/rencana/{id}")).into_response())
}

/// The form again, filled in, with its errors beside the fields (422).
async fn refused(
    state: &AppState,
    user: &CurrentUser,
    f: PlanForm,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = page(state, user, f, errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The plans the form names, as they are.
struct NamedPlans {
    parent: Option<Plan>,
    rkpd_ref: Option<Plan>,
    province_ref: Option<Plan>,
}

impl NamedPlans {
    async fn read(state: &AppState, f: &PlanForm) -> Result<Self, AppError> {
        let one = async |id: Option<Uuid>| -> Result<Option<Plan>, AppError> {
            Ok(match id {
                Some(id) => plans::get(&state.db, id).await?,
                None => None,
            })
        };
        Ok(Self {
            parent: one(f.parent_id()).await?,
            rkpd_ref: one(f.rkpd_ref_id()).await?,
            province_ref: one(f.province_ref_id()).await?,
        })
    }
}

/// What the form's rules need to know of a plan it names, and whether the
/// person may read it (one they may not is named as missing).
fn facts(user: &CurrentUser, p: &Option<Plan>) -> Option<Named> {
    p.as_ref().map(|p| Named {
        id: p.id,
        kind: p.kind,
        region: p.region_kode.clone(),
        first_year: p.first_year,
        last_year: p.last_year,
        readable: can_view_plan(Some(user), super::plan_ref(p)).is_ok(),
    })
}

fn new_plan<'a>(
    user: &'a CurrentUser,
    kind: PlanKind,
    p: &'a crate::domain::plan::CheckedPlan,
) -> plans::NewPlan<'a> {
    plans::NewPlan {
        region_kode: &user.region_kode,
        kind,
        title: &p.title,
        first_year: p.first_year,
        last_year: p.last_year,
        owner_org_id: p.owner,
        parent_id: p.parent,
        rkpd_ref_id: p.rkpd_ref,
        province_ref_id: p.province_ref,
        stage: kind.first_stage(),
        tahun_dasar: p.tahun_dasar,
    }
}
