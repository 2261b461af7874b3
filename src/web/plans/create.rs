//! Starting a plan document. An RKPD may be derived from its RPJMD (the
//! programs with their indicators, that year's targets and pagu); an RKPD
//! Perubahan is always a copy of the RKPD it amends.

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
use crate::auth::policy::{Action, authorize, can};
use crate::domain::org::OrgKind;
use crate::domain::plan::{Owner, PlanKind, parse_period};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::orgs::{self, Organization};
use crate::store::plans::{self, Plan, copy};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new().route("/rencana/baru", get(new_form).post(create))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PlanForm {
    kind: String,
    title: String,
    first_year: String,
    last_year: String,
    owner_org_id: String,
    parent_id: String,
    rkpd_ref_id: String,
    province_ref_id: String,
    /// "on" to derive an RKPD from its RPJMD.
    copy: Option<String>,
}

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
    let kinds = PlanKind::ALL
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
        .collect();
    Ok(NewPage {
        nav: Nav::for_user(user),
        form,
        errors,
        kinds,
        owners,
        candidates,
    })
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
            "Peran Anda tidak dapat membuat dokumen rencana. Perencana Bappeda membuat dokumen daerah; perangkat daerah membuat Renstra dan Renja-nya; operator desa membuat RPJMDes dan RKPDes desanya."
                .into(),
        ));
    }
    Ok(p.into_response())
}

fn parse_id(s: &str) -> Option<Uuid> {
    Uuid::parse_str(s.trim()).ok()
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<PlanForm>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    let kind = PlanKind::parse(f.kind.trim());
    let Some(kind) = kind else {
        errors.add("kind", "Pilih jenis dokumen.");
        let p = page(&state, &user, f, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    };
    let owner_org = parse_id(&f.owner_org_id);
    authorize(
        &user,
        Action::CreatePlan {
            region: &user.region_kode,
            kind,
            owner_org,
        },
    )?;

    let title = f.title.trim();
    if !(5..=300).contains(&title.chars().count()) {
        errors.add("title", "Judul 5–300 karakter.");
    }
    let typed_first: Option<i32> = f.first_year.trim().parse().ok();
    let typed_last: Option<i32> = if kind.is_annual() {
        typed_first
    } else {
        f.last_year.trim().parse().ok()
    };
    // The plan years (a base year in front of a medium-term period is
    // kept as its name's first year).
    let mut base = None;
    let (mut first, mut last) = (typed_first, typed_last);
    match (typed_first, typed_last) {
        (Some(a), Some(b)) => match parse_period(kind, a, b) {
            Ok(p) => {
                base = p.base;
                first = Some(p.first);
                last = Some(p.last);
            }
            Err(m) => errors.add("last_year", m),
        },
        _ => errors.add(
            "first_year",
            "Isi tahun awal (dan akhir) periode, mis. 2025.",
        ),
    }
    // The owner: a perangkat daerah or a desa of this pemda.
    let owners = orgs::list(&state.db, &user.region_kode).await?;
    let owner = owner_org.and_then(|id| owners.iter().find(|o| o.id == id));
    match kind.owner() {
        Owner::Pemda => {}
        Owner::PerangkatDaerah if !owner.is_some_and(|o| o.kind == OrgKind::PerangkatDaerah) => {
            errors.add(
                "owner_org_id",
                "Pilih perangkat daerah pemilik dokumen ini.",
            )
        }
        Owner::Desa if !owner.is_some_and(|o| o.kind == OrgKind::Desa) => {
            errors.add("owner_org_id", "Pilih desa pemilik dokumen ini.")
        }
        _ => {}
    }
    // The required parent, of the right kind, in this pemda.
    let regions = regions_for(&user);
    let parent = match parse_id(&f.parent_id) {
        Some(id) => plans::get(&state.db, id).await?,
        None => None,
    };
    let parent = match (kind.parent_kind(), parent) {
        (None, _) => None,
        (Some(pk), Some(p)) if p.kind == pk && p.region_kode == user.region_kode => Some(p),
        (Some(pk), _) => {
            errors.add(
                "parent_id",
                format!(
                    "{} memerlukan dokumen induk {} dari wilayah ini.",
                    kind.label(),
                    pk.label()
                ),
            );
            None
        }
    };
    if let (Some(p), Some(a), Some(b)) = (&parent, first, last)
        && let Err(m) =
            crate::domain::plan::check_within_parent(kind, (a, b), (p.first_year, p.last_year))
    {
        errors.add("first_year", m);
    }
    let rkpd_ref = match parse_id(&f.rkpd_ref_id) {
        Some(id) => plans::get(&state.db, id).await?,
        None => None,
    };
    let rkpd_ref = if kind.needs_rkpd_ref() {
        match rkpd_ref {
            Some(r)
                if r.kind == PlanKind::Rkpd
                    && r.region_kode == user.region_kode
                    && Some(r.first_year) == first =>
            {
                Some(r)
            }
            _ => {
                errors.add(
                    "rkpd_ref_id",
                    "Pilih RKPD kabupaten/kota dari tahun yang sama.",
                );
                None
            }
        }
    } else {
        None
    };
    let province_ref = match parse_id(&f.province_ref_id) {
        Some(id) if kind.has_province_ref() => {
            let r = plans::get(&state.db, id).await?;
            match r {
                Some(r)
                    if r.kind == kind
                        && regions.contains(&r.region_kode)
                        && r.region_kode != user.region_kode
                        && crate::auth::policy::can_view_plan(Some(&user), super::plan_ref(&r))
                            .is_ok() =>
                {
                    Some(r)
                }
                _ => {
                    errors.add(
                        "province_ref_id",
                        format!("Pilih {} provinsi Anda.", kind.label()),
                    );
                    None
                }
            }
        }
        _ => None,
    };
    let (Some(first), Some(last)) = (first, last) else {
        let p = page(&state, &user, f, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    };
    if !errors.is_empty() {
        let p = page(&state, &user, f, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    }

    let start = match (kind, &parent) {
        (PlanKind::Rkpd, Some(rpjmd)) if f.copy.is_some() => copy::Start::FromRpjmd(rpjmd, first),
        (PlanKind::RkpdPerubahan, Some(rkpd)) => copy::Start::FromRkpd(rkpd),
        _ => copy::Start::Empty,
    };
    let id = copy::create_plan(
        &state.db,
        Some(user.id),
        plans::NewPlan {
            region_kode: &user.region_kode,
            kind,
            title,
            first_year: first,
            last_year: last,
            owner_org_id: owner.map(|o| o.id).filter(|_| kind.owner() != Owner::Pemda),
            parent_id: parent.as_ref().map(|p| p.id),
            rkpd_ref_id: rkpd_ref.as_ref().map(|p| p.id),
            province_ref_id: province_ref.as_ref().map(|p| p.id),
            stage: kind.first_stage(),
            tahun_dasar: base,
        },
        start,
    )
    .await?;
    Ok(Redirect::to(&format!("/rencana/{id}")).into_response())
}
