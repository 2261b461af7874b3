//! Kerja sama daerah: the registry of a region (and of those it partners
//! with), a record's page with partners, milestones and the plan items and
//! pagu that carry it, and the forms that keep it up to date.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::Nav;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can};
use crate::domain::kerja_sama::{self as ks, Status, Type};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::kerja_sama::{self as store, Carrier, KerjaSama, Milestone};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kerja-sama", get(list).post(create))
        .route("/kerja-sama/baru", get(new_form))
        .route("/kerja-sama/{id}", get(show))
        .route("/kerja-sama/{id}/ubah", get(edit_form).post(update))
        .route("/kerja-sama/{id}/status", post(set_status))
        .route("/kerja-sama/{id}/tahapan", post(add_milestone))
        .route("/kerja-sama/{id}/tahapan/{mid}", post(toggle_milestone))
        .route("/kerja-sama/{id}/item", post(link_item))
        .route(
            "/kerja-sama/{id}/item/{item}/lepas",
            get(confirm_unlink).post(unlink),
        )
}

#[derive(Template, WebTemplate)]
#[template(path = "kerja_sama/list.html")]
struct ListPage {
    nav: Nav,
    heading: String,
    rows: Vec<KerjaSama>,
    /// All the records, before the filter.
    total: usize,
    cari: String,
    jenis: String,
    status: String,
    types: [Type; 3],
    statuses: [Status; 6],
    can_create: bool,
}

/// The list's filters: a word of the title, object, urusan or a partner;
/// a kind; a status.
#[derive(Deserialize, Default)]
struct ListQuery {
    cari: Option<String>,
    jenis: Option<String>,
    status: Option<String>,
}

fn may_create(user: &CurrentUser) -> bool {
    can(
        user,
        Action::ManageKerjaSama {
            regions: std::slice::from_ref(&user.region_kode),
        },
    )
    .is_ok()
}

async fn list(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (heading, all) = match &user {
        Some(u) => (
            crate::i18n::tf!("kerja-sama-daerah-3", a1 = u.region_label()),
            store::list(&state.db, Some(&u.region_kode)).await?,
        ),
        None => (
            crate::i18n::t("kerja-sama-daerah").to_string(),
            store::list(&state.db, None).await?,
        ),
    };
    let total = all.len();
    let cari = q.cari.unwrap_or_default().trim().to_lowercase();
    let jenis = Type::parse(q.jenis.as_deref().unwrap_or("").trim());
    let status = Status::parse(q.status.as_deref().unwrap_or("").trim());
    let rows = all
        .into_iter()
        .filter(|k| {
            jenis.is_none_or(|t| k.kind == t)
                && status.is_none_or(|s| k.status == s)
                && (cari.is_empty()
                    || [&k.title, &k.object, &k.urusan]
                        .into_iter()
                        .chain(&k.partners)
                        .any(|t| t.to_lowercase().contains(&cari)))
        })
        .collect();
    Ok(ListPage {
        nav: Nav::for_visitor(user.as_ref()),
        heading,
        rows,
        total,
        cari,
        jenis: jenis.map(|t| t.as_str().to_string()).unwrap_or_default(),
        status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        types: Type::ALL,
        statuses: Status::ALL,
        can_create: user.as_ref().is_some_and(may_create),
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "kerja_sama/new.html")]
struct NewPage {
    nav: Nav,
    form: ks::Form,
    errors: FieldErrors,
    regions: Vec<(String, String)>,
    types: [Type; 3],
    statuses: [Status; 6],
    /// The record being edited (None: a new one).
    editing: Option<Uuid>,
    alert: Option<String>,
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    form: ks::Form,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    Ok(NewPage {
        nav: Nav::for_visitor(Some(user)),
        form,
        errors,
        regions: store::partner_choices(&state.db, &user.region_kode).await?,
        types: Type::ALL,
        statuses: Status::ALL,
        editing: None,
        alert: None,
    })
}

fn form_of(k: &KerjaSama) -> ks::Form {
    ks::Form {
        kind: k.kind.as_str().into(),
        title: k.title.clone(),
        urusan: k.urusan.clone(),
        object: k.object.clone(),
        status: k.status.as_str().into(),
        first_year: k.first_year.to_string(),
        last_year: k.last_year.to_string(),
        partner_region: k.partner_regions.clone(),
        third_parties: k.third_parties.join("\n"),
        version: k.version.to_string(),
    }
}

/// Only the region that recorded it edits the record itself; partners
/// move its status, add milestones and link their own items.
async fn owned(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<KerjaSama, AppError> {
    let k = load(state, id).await?;
    authorize(
        user,
        Action::EditKerjaSama {
            owner: &k.region_kode,
        },
    )?;
    Ok(k)
}

async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let k = owned(&state, &user, id).await?;
    let mut page = new_page(&state, &user, form_of(&k), FieldErrors::default()).await?;
    page.editing = Some(id);
    Ok(page.into_response())
}

async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ks::Form>,
) -> Result<Response, AppError> {
    let k = owned(&state, &user, id).await?;
    let regions = store::partner_choices(&state.db, &user.region_kode).await?;
    let version: i32 = f.version.trim().parse().unwrap_or(0);
    let (errors, alert) = match f.check(&user.region_kode, |c| regions.iter().any(|(r, _)| r == c))
    {
        Ok(n) => {
            if crate::store::atomic(&state.db, async |tx| {
                store::update(tx, user.id, &k, version, &n).await
            })
            .await?
            {
                return Ok(Redirect::to(&format!("/kerja-sama/{id}")).into_response());
            }
            (
                FieldErrors::default(),
                Some(crate::i18n::t("kerja-sama-ini-baru-saja-diubah").to_string()),
            )
        }
        Err(errors) => (errors, None),
    };
    let mut page = new_page(&state, &user, f, errors).await?;
    page.editing = Some(id);
    page.alert = alert;
    let status = if page.alert.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, page).into_response())
}

async fn new_form(State(state): State<AppState>, user: CurrentUser) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageKerjaSama {
            regions: std::slice::from_ref(&user.region_kode),
        },
    )?;
    let form = ks::Form {
        kind: "ksdd".into(),
        status: "identifikasi".into(),
        ..ks::Form::default()
    };
    Ok(new_page(&state, &user, form, FieldErrors::default())
        .await?
        .into_response())
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<ks::Form>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::ManageKerjaSama {
            regions: std::slice::from_ref(&user.region_kode),
        },
    )?;
    let regions = store::partner_choices(&state.db, &user.region_kode).await?;
    match f.check(&user.region_kode, |k| regions.iter().any(|(r, _)| r == k)) {
        Ok(n) => {
            let id = crate::store::atomic(&state.db, async |tx| {
                store::create(tx, user.id, &user.region_kode, &user.region_nama, &n).await
            })
            .await?;
            Ok(Redirect::to(&format!("/kerja-sama/{id}")).into_response())
        }
        Err(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            new_page(&state, &user, f, errors).await?,
        )
            .into_response()),
    }
}

use crate::domain::kerja_sama::MilestoneForm;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct LinkForm {
    plan_id: String,
    kode: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "kerja_sama/show.html")]
struct ShowPage {
    nav: Nav,
    k: KerjaSama,
    milestones: Vec<Milestone>,
    carriers: Vec<Carrier>,
    years: Vec<i32>,
    can_manage: bool,
    /// The user's region's plans an item may be linked from.
    plans: Vec<(Uuid, String)>,
    errors: FieldErrors,
    ms: MilestoneForm,
    link: LinkForm,
    /// Years of the kerja sama without any pagu in the carriers.
    unfunded: Vec<i32>,
    /// May the user change the record itself, and unlink which items.
    can_edit_record: bool,
    unlinkable: Vec<Uuid>,
    alert: Option<String>,
    /// The regions that cooperate, drawn together.
    map: Option<crate::web::maps::Drawing>,
}

impl ShowPage {
    fn statuses(&self) -> &'static [Status] {
        &Status::ALL
    }
    fn pagu(&self, c: &Carrier, y: &i32) -> String {
        c.pagu
            .get(y)
            .map(|a| a.shown())
            .unwrap_or_else(|| "–".into())
    }
    fn may_unlink(&self, c: &Carrier) -> bool {
        self.unlinkable.contains(&c.item_id)
    }
}

async fn load(state: &AppState, id: Uuid) -> Result<KerjaSama, AppError> {
    store::get(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn show_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    k: KerjaSama,
    errors: FieldErrors,
    ms: MilestoneForm,
    link: LinkForm,
) -> Result<ShowPage, AppError> {
    let regions = k.regions();
    let can_manage =
        user.is_some_and(|u| can(u, Action::ManageKerjaSama { regions: &regions }).is_ok());
    let plans = match user.filter(|_| can_manage) {
        Some(u) => {
            store::linkable_plans(&state.db, &u.region_kode, k.first_year, k.last_year).await?
        }
        None => Vec::new(),
    };
    // Items (and their pagu) of plans the visitor may not read, drafts
    // above all, are neither listed nor counted.
    let mut carriers = store::carriers(&state.db, &k.region_kode, k.id).await?;
    carriers.retain(|c| crate::auth::policy::can_read(user, &c.plan));
    let carriers_unlinkable = unlinkable(user, &regions, &carriers);
    let years: Vec<i32> = (k.first_year..=k.last_year).collect();
    let unfunded = unfunded_years(&years, &carriers);
    Ok(ShowPage {
        nav: Nav::for_visitor(user),
        milestones: store::milestones(&state.db, &k.region_kode, k.id).await?,
        carriers,
        years,
        can_manage,
        plans,
        errors,
        ms,
        link,
        unfunded,
        can_edit_record: user.is_some_and(|u| {
            can(
                u,
                Action::EditKerjaSama {
                    owner: &k.region_kode,
                },
            )
            .is_ok()
        }),
        unlinkable: carriers_unlinkable,
        alert: None,
        map: crate::web::maps::partners(state, &k.region_kode, &k.partner_regions).await?,
        k,
    })
}

/// The linked items this reader may unlink.
fn unlinkable(
    user: Option<&CurrentUser>,
    regions: &[String],
    carriers: &[store::Carrier],
) -> Vec<Uuid> {
    carriers
        .iter()
        .filter(|c| {
            user.is_some_and(|u| {
                let action = Action::LinkKerjaSamaItem {
                    regions,
                    item_region: &c.region_kode,
                };
                can(u, action).is_ok()
            })
        })
        .map(|c| c.item_id)
        .collect()
}

/// The years of the kerja sama no linked item carries pagu for.
fn unfunded_years(years: &[i32], carriers: &[store::Carrier]) -> Vec<i32> {
    years
        .iter()
        .copied()
        .filter(|y| {
            !carriers
                .iter()
                .any(|c| c.pagu.get(y).is_some_and(|a| !a.is_zero()))
        })
        .collect()
}

async fn show(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let k = load(&state, id).await?;
    Ok(show_page(
        &state,
        user.as_ref(),
        k,
        FieldErrors::default(),
        MilestoneForm::default(),
        LinkForm::default(),
    )
    .await?
    .into_response())
}

/// The kerja sama, for someone who may manage it.
async fn managed(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<KerjaSama, AppError> {
    let k = load(state, id).await?;
    authorize(
        user,
        Action::ManageKerjaSama {
            regions: &k.regions(),
        },
    )?;
    Ok(k)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    to: String,
    /// The status the page showed.
    from: String,
}

/// The kerja sama page again, saying the status moved under the user.
async fn stale(state: &AppState, user: &CurrentUser, k: KerjaSama) -> Result<Response, AppError> {
    let mut page = show_page(
        state,
        Some(user),
        k,
        FieldErrors::default(),
        MilestoneForm::default(),
        LinkForm::default(),
    )
    .await?;
    page.alert = Some(crate::i18n::tf!(
        "status-kerja-sama-ini-baru-saja",
        a1 = crate::i18n::label(page.k.status.label())
    ));
    Ok((StatusCode::CONFLICT, page).into_response())
}

async fn set_status(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<StatusForm>,
) -> Result<Response, AppError> {
    let k = managed(&state, &user, id).await?;
    // The page the step was taken on showed another status: someone moved
    // it meanwhile.
    if !f.from.is_empty() && f.from != k.status.as_str() {
        return stale(&state, &user, k).await;
    }
    let Some(to) = Status::parse(&f.to).filter(|to| k.status.may_move_to(*to)) else {
        return Err(AppError::BadRequest(crate::i18n::tf!(
            "status-kerja-sama-hanya-berpindah-satu",
            a1 = crate::i18n::label(k.status.label())
        )));
    };
    let moved = crate::store::atomic(&state.db, async |tx| {
        store::set_status(tx, user.id, &user.region_nama, &k, to).await
    })
    .await?;
    if !moved {
        return stale(&state, &user, load(&state, id).await?).await;
    }
    Ok(Redirect::to(&format!("/kerja-sama/{id}")).into_response())
}

async fn add_milestone(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<MilestoneForm>,
) -> Result<Response, AppError> {
    let k = managed(&state, &user, id).await?;
    match f.parse() {
        Ok((due, what)) => {
            crate::store::atomic(&state.db, async |tx| {
                store::add_milestone(tx, user.id, &k, due, &what).await
            })
            .await?;
            Ok(Redirect::to(&format!("/kerja-sama/{id}#tahapan")).into_response())
        }
        Err(errors) => {
            let page = show_page(&state, Some(&user), k, errors, f, LinkForm::default()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DoneForm {
    done: String,
}

async fn toggle_milestone(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, mid)): Path<(Uuid, Uuid)>,
    Form(f): Form<DoneForm>,
) -> Result<Response, AppError> {
    let k = managed(&state, &user, id).await?;
    let found = crate::store::atomic(&state.db, async |tx| {
        store::set_milestone_done(tx, user.id, &k, mid, f.done == "1").await
    })
    .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/kerja-sama/{id}#tahapan")).into_response())
}

async fn link_item(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<LinkForm>,
) -> Result<Response, AppError> {
    let k = managed(&state, &user, id).await?;
    let mut errors = FieldErrors::default();
    let kode = f.kode.trim();
    let (plan_found, item) = match Uuid::parse_str(f.plan_id.trim()) {
        Ok(p) => store::linkable_item(&state.db, p, &user.region_kode, kode).await?,
        Err(_) => (false, None),
    };
    if !plan_found {
        errors.add(
            "plan_id",
            crate::i18n::t("pilih-dokumen-rencana-wilayah-anda"),
        );
    }
    if plan_found && item.is_none() {
        errors.add(
            "kode",
            if kode.is_empty() {
                crate::i18n::t("isi-kode-program-kegiatan-atau-sub").to_string()
            } else {
                crate::i18n::tf!("kode-tidak-ada-dalam-dokumen-yang", kode = kode)
            },
        );
    }
    if let (Some(item), true) = (item, errors.is_empty()) {
        let added = crate::store::atomic(&state.db, async |tx| {
            store::link_item(tx, user.id, &k, item).await
        })
        .await?;
        if added {
            return Ok(Redirect::to(&format!("/kerja-sama/{id}#item")).into_response());
        }
        errors.add(
            "kode",
            crate::i18n::t("item-ini-sudah-terkait-dengan-kerja"),
        );
    }
    let page = show_page(&state, Some(&user), k, errors, MilestoneForm::default(), f).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "kerja_sama/unlink.html")]
struct UnlinkPage {
    nav: Nav,
    k: KerjaSama,
    item: crate::store::plans::items::Item,
}

/// The linked item, which must be of the user's own region.
async fn own_item(
    state: &AppState,
    user: &CurrentUser,
    k: &KerjaSama,
    item: Uuid,
) -> Result<crate::store::plans::items::Item, AppError> {
    let item = crate::store::plans::items::get(&state.db, item)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        user,
        Action::LinkKerjaSamaItem {
            regions: &k.regions(),
            item_region: &item.region_kode,
        },
    )?;
    Ok(item)
}

async fn confirm_unlink(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, item)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let k = managed(&state, &user, id).await?;
    let item = own_item(&state, &user, &k, item).await?;
    Ok(UnlinkPage {
        nav: Nav::for_visitor(Some(&user)),
        k,
        item,
    }
    .into_response())
}

async fn unlink(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, item)): Path<(Uuid, Uuid)>,
) -> Result<Response, AppError> {
    let k = managed(&state, &user, id).await?;
    let item = own_item(&state, &user, &k, item).await?;
    crate::store::atomic(&state.db, async |tx| {
        store::unlink_item(tx, user.id, &k, item.id).await
    })
    .await?;
    Ok(Redirect::to(&format!("/kerja-sama/{id}#item")).into_response())
}
