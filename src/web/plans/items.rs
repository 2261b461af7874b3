//! Items of the cascade: the item page (indicators, pagu, links up and
//! down), adding a child, editing fields and pagu. Saves carry the version
//! the user saw; a stale save comes back with both versions.

use crate::web::filters;
use std::collections::{BTreeMap, HashMap};

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use rust_decimal::Decimal;
use serde::Deserialize;
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can};
use crate::domain::item::ItemContext;
use crate::domain::money::{format_rupiah, parse_rupiah};
use crate::domain::org::OrgKind;
use crate::domain::plan::Level;
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::orgs::{self, Organization};
use crate::store::plans::Plan;
use crate::store::plans::indicators::{self, Indicator, Year};
use crate::store::plans::items::{self, Item, ItemFields, Linked};
use crate::store::regions::{self, Region};
use crate::store::{SaveError, nomenklatur};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/item", post(create))
        .route("/item/{id}", get(show).post(update))
        .route("/item/{id}/pagu", post(set_pagu))
}

pub const TAGS: [(&str, &str); 5] = [
    ("nasional", "Prioritas nasional"),
    ("provinsi", "Prioritas provinsi"),
    ("daerah", "Prioritas daerah"),
    ("spm", "Standar pelayanan minimal"),
    ("kemiskinan", "Penanggulangan kemiskinan"),
];

pub use crate::domain::item::ItemForm;

/// The form filled in with the item as it is.
fn form_of(item: &Item) -> ItemForm {
    ItemForm {
        parent_id: item.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        kode: item.kode.clone().unwrap_or_default(),
        nama: item.nama.clone(),
        description: item.description.clone(),
        responsible_org_id: item
            .responsible_org_id
            .map(|o| o.to_string())
            .unwrap_or_default(),
        lokasi: item.lokasi.clone(),
        sumber_dana: item.sumber_dana.clone().unwrap_or_default(),
        bulan_mulai: item.bulan_mulai.map(|m| m.to_string()).unwrap_or_default(),
        bulan_selesai: item
            .bulan_selesai
            .map(|m| m.to_string())
            .unwrap_or_default(),
        tags: item.tags.clone(),
        supports_item_id: item
            .supports_item_id
            .map(|s| s.to_string())
            .unwrap_or_default(),
        version: item.version,
        reason: String::new(),
    }
}

/// Checks typed item fields for an item of `level` under `parent`: the
/// nomenclature's name for the typed code is looked up first; the rules
/// are the domain's (`ItemForm::check`).
async fn check_fields(
    state: &AppState,
    plan: &Plan,
    level: Level,
    parent: Option<&Item>,
    f: &ItemForm,
    agencies: &[Organization],
    supports: &[(Uuid, String)],
) -> Result<Result<ItemFields, FieldErrors>, AppError> {
    let nomenklatur = match f.typed_kode() {
        Some(k) if level.is_budgeted() => {
            let mut conn = state.db.acquire().await?;
            nomenklatur::lookup(&mut conn, &plan.region_kode, &k)
                .await?
                .map(|e| e.nama)
        }
        _ => None,
    };
    let agencies: Vec<Uuid> = agencies.iter().map(|a| a.id).collect();
    let supports: Vec<Uuid> = supports.iter().map(|(id, _)| *id).collect();
    Ok(f.check(&ItemContext {
        region: &plan.region_kode,
        level,
        parent_kode: parent
            .filter(|p| p.level.is_budgeted())
            .and_then(|p| p.kode.as_deref()),
        perubahan: plan.is_perubahan(),
        agencies: &agencies,
        supports: &supports,
        nomenklatur: nomenklatur.as_deref(),
    }))
}

struct IndicatorRow {
    indicator: Indicator,
    cells: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/item.html")]
pub struct ItemPage {
    nav: Nav,
    plan: Plan,
    item: Item,
    ancestors: Vec<Item>,
    children: Vec<Item>,
    indicators: Vec<IndicatorRow>,
    years: Vec<i32>,
    pagu: Vec<(i32, String, String)>,
    up: Vec<Linked>,
    down: Vec<Linked>,
    can_edit: bool,
    child_level: Option<Level>,
    form: ItemForm,
    errors: FieldErrors,
    conflict: Option<Item>,
    agencies: Vec<Organization>,
    places: Vec<Region>,
    tags: [(&'static str, &'static str); 5],
    months: [&'static str; 12],
    pagu_error: Option<String>,
    thread: crate::web::comments::Thread,
    supports: Vec<(Uuid, String)>,
    align: super::item_alignment::Section,
    /// Where the item may be moved: the plan's items of the level above.
    parents: Vec<(Uuid, String)>,
    /// The "add a child" form as typed, and what was wrong with it.
    child_form: ItemForm,
    child_errors: FieldErrors,
    /// Its lokasi on a small map of the kab/kota.
    map: Option<crate::web::maps::Drawing>,
}

impl ItemPage {
    fn has_tag(&self, t: &str) -> bool {
        self.form.tags.iter().any(|x| x == t)
    }
    fn has_lokasi(&self, k: &str) -> bool {
        self.form.lokasi.iter().any(|x| x == k)
    }
    /// The agency preselected for a new child: what was typed, else the
    /// item's own.
    fn child_org(&self, id: &Uuid) -> bool {
        if self.child_errors.is_empty() {
            self.item.responsible_org_id.as_ref() == Some(id)
        } else {
            self.child_form.responsible_org_id == id.to_string()
        }
    }
    fn nilai(&self, v: &Option<Decimal>) -> String {
        v.map(crate::domain::indicator::format_nilai)
            .unwrap_or_else(|| "–".into())
    }
    fn place_name(&self, k: &str) -> String {
        self.places
            .iter()
            .find(|p| p.kode == k)
            .map(|p| p.nama.clone())
            .unwrap_or_else(|| k.to_string())
    }
}

/// The kab/kota programs an RKPDes kegiatan may support: those of the
/// RKPD the village plan refers to.
async fn support_options(state: &AppState, plan: &Plan) -> Result<Vec<(Uuid, String)>, AppError> {
    let Some(rkpd) = plan
        .rkpd_ref_id
        .filter(|_| plan.kind == crate::domain::plan::PlanKind::Rkpdes)
    else {
        return Ok(Vec::new());
    };
    Ok(
        items::headings_at(&state.db, rkpd, &["program"], None, None)
            .await?
            .into_iter()
            .map(|(id, _, kode, nama)| (id, format!("{} {nama}", kode.unwrap_or_default())))
            .collect(),
    )
}

pub async fn agencies(state: &AppState, region: &str) -> Result<Vec<Organization>, AppError> {
    Ok(orgs::active(&state.db, region, &[OrgKind::PerangkatDaerah]).await?)
}

fn may_edit(user: Option<&CurrentUser>, plan: &Plan, item: &Item) -> bool {
    user.is_some_and(|u| {
        can(
            u,
            Action::EditItem {
                plan: plan_ref(plan),
                responsible: item.responsible_org_id,
                level: item.level,
            },
        )
        .is_ok()
    })
}

// Issue 12 names this nine-argument builder: it is to become an
// item-page builder when items.rs is split.
#[allow(clippy::too_many_arguments)]
/// What an item page shows besides the stored item: a refused or
/// conflicting form with its errors, the stored version it conflicts
/// with, the pagu form's problem.
#[derive(Default)]
struct Shown {
    form: Option<ItemForm>,
    errors: FieldErrors,
    conflict: Option<Item>,
    pagu_error: Option<String>,
}

impl Shown {
    /// The edit form, refused with these errors.
    fn refused(form: ItemForm, errors: FieldErrors) -> Shown {
        Shown {
            form: Some(form),
            errors,
            ..Shown::default()
        }
    }
}

async fn item_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: Plan,
    item: Item,
    shown: Shown,
) -> Result<ItemPage, AppError> {
    let Shown {
        form,
        errors,
        conflict,
        pagu_error,
    } = shown;
    let ancestors = items::ancestors(&state.db, item.id).await?;
    let children = items::children(&state.db, item.id).await?;
    let years = plan.years();
    let indicators = indicator_rows(state, &item, &years).await?;
    let pagu = pagu_cells(state, &plan, &item).await?;
    let (mut up, mut down) = items::links(&state.db, &item).await?;
    let can_edit = may_edit(user, &plan, &item);
    let align =
        super::item_alignment::section(state, user, &plan, &item, &up, can_edit, "").await?;
    // Only items of plans the visitor may read are listed.
    up.retain(|l| crate::auth::policy::can_read(user, &l.plan));
    down.retain(|l| crate::auth::policy::can_read(user, &l.plan));
    let parents = if can_edit && item.parent_id.is_some() {
        parent_options(state, &plan, &item).await?
    } else {
        Vec::new()
    };
    let plan_for_supports = plan.clone();
    let thread = crate::web::comments::thread(
        user,
        &plan,
        crate::store::comments::for_target(&state.db, item.id).await?,
        crate::domain::comment::Target::Item,
        Some(item.id),
        Vec::new(),
        format!("/item/{}", item.id),
    );
    let thread = crate::web::comments::with_follow(state, user, thread, item.id).await?;
    let map = crate::web::maps::lokasi(state, plan.id, &plan.region_kode, &item.lokasi).await?;
    Ok(ItemPage {
        map,
        nav: Nav::for_visitor(user),
        child_level: plan.kind.child_levels(Some(item.level)).first().copied(),
        agencies: agencies(state, &plan.region_kode).await?,
        places: regions::places_in(&state.db, &plan.region_kode).await?,
        form: form.unwrap_or_else(|| form_of(&item)),
        plan,
        item,
        ancestors,
        children,
        indicators,
        years,
        pagu,
        up,
        down,
        can_edit,
        errors,
        conflict,
        tags: TAGS,
        months: crate::format::months(),
        pagu_error,
        thread,
        supports: support_options(state, &plan_for_supports).await?,
        align,
        parents,
        child_form: ItemForm::default(),
        child_errors: FieldErrors::default(),
    })
}

/// An item's indicators, each with its targets in the plan's years.
async fn indicator_rows(
    state: &AppState,
    item: &Item,
    years: &[i32],
) -> Result<Vec<IndicatorRow>, AppError> {
    let inds = indicators::for_item(&state.db, item.id).await?;
    let ids: Vec<Uuid> = inds.iter().map(|i| i.id).collect();
    let mut years_of: BTreeMap<Uuid, Vec<Year>> = indicators::years_for(&state.db, &ids).await?;
    Ok(inds
        .into_iter()
        .map(|ind| {
            let ys = years_of.remove(&ind.id).unwrap_or_default();
            let by_year: HashMap<i32, Year> = ys.iter().map(|y| (y.year, *y)).collect();
            let cells = years
                .iter()
                .map(|y| {
                    by_year
                        .get(y)
                        .and_then(|v| v.target())
                        .map(|t| t.display())
                        .unwrap_or_else(|| "–".into())
                })
                .collect();
            IndicatorRow {
                indicator: ind,
                cells,
            }
        })
        .collect())
}

/// An item's pagu per year of the plan: (year, as shown, as typed).
async fn pagu_cells(
    state: &AppState,
    plan: &Plan,
    item: &Item,
) -> Result<Vec<(i32, String, String)>, AppError> {
    let amounts = items::pagu_for_item(&state.db, item.id).await?;
    Ok(plan
        .pagu_years()
        .into_iter()
        .map(|y| {
            let v = amounts.get(&y);
            (
                y,
                v.map(|d| crate::i18n::number(format_rupiah(*d)))
                    .unwrap_or_else(|| "–".into()),
                v.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect())
}

/// The items an item may hang under: those of the level right above it
/// in this kind of plan, plus its current parent (even when that one is of
/// the wrong level, so the form shows where it is now).
async fn parent_options(
    state: &AppState,
    plan: &Plan,
    item: &Item,
) -> Result<Vec<(Uuid, String)>, AppError> {
    let above: Vec<&str> = Level::ALL
        .iter()
        .filter(|l| plan.kind.child_levels(Some(**l)).contains(&item.level))
        .map(|l| l.as_str())
        .collect();
    let rows =
        items::headings_at(&state.db, plan.id, &above, item.parent_id, Some(item.id)).await?;
    Ok(rows
        .into_iter()
        .map(|(id, level, kode, nama)| {
            let wrong = if above.contains(&level.as_str()) {
                ""
            } else {
                " (tingkat tidak sah)"
            };
            let label = match kode {
                Some(k) => format!("{} {k} {nama}{wrong}", level.label()),
                None => format!("{} {nama}{wrong}", level.label()),
            };
            (id, label)
        })
        .collect())
}

/// The item page again, with a message next to the alignment picker.
pub async fn page_with_alignment_error(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    message: String,
    picked: String,
) -> Result<ItemPage, AppError> {
    let mut page = item_page(state, Some(user), plan, item, Shown::default()).await?;
    page.align.error = Some(message);
    page.align.picked = picked;
    Ok(page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    /// Narrows the alignment picker (code start or a word of the name).
    cari: String,
    /// The page of the comment threads.
    komentar: Option<usize>,
}

async fn show(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    axum::extract::Query(q): axum::extract::Query<ShowQuery>,
) -> Result<Response, AppError> {
    let item = items::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let plan = readable_plan(&state, user.as_ref(), item.plan_id).await?;
    let mut page = item_page(&state, user.as_ref(), plan, item, Shown::default()).await?;
    if !q.cari.trim().is_empty() {
        let (up, _) = items::links(&state.db, &page.item).await?;
        page.align = super::item_alignment::section(
            &state,
            user.as_ref(),
            &page.plan,
            &page.item,
            &up,
            page.can_edit,
            &q.cari,
        )
        .await?;
    }
    page.thread = page.thread.at_page(q.komentar);
    Ok(page.into_response())
}

/// Loads the item and its plan for a change; refuses who may not edit.
async fn editable(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, Item), AppError> {
    let item = items::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let plan = readable_plan(state, Some(user), item.plan_id).await?;
    authorize(
        user,
        Action::EditItem {
            plan: plan_ref(&plan),
            responsible: item.responsible_org_id,
            level: item.level,
        },
    )?;
    Ok((plan, item))
}

async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ItemForm>,
) -> Result<Response, AppError> {
    let (plan, item) = editable(&state, &user, id).await?;
    let parent = match new_parent(&state, &user, &plan, &item, &f).await? {
        Ok(parent) => parent,
        Err(errors) => return refused(&state, &user, plan, item, f, errors).await,
    };
    let agencies = agencies(&state, &plan.region_kode).await?;
    let supports = support_options(&state, &plan).await?;
    let checked = check_fields(
        &state,
        &plan,
        item.level,
        parent.as_ref(),
        &f,
        &agencies,
        &supports,
    )
    .await?;
    let fields = match checked {
        Ok(fields) => fields,
        Err(errors) => return refused(&state, &user, plan, item, f, errors).await,
    };
    // An agency may not hand its item to another agency.
    if fields.responsible_org_id != item.responsible_org_id {
        authorize(
            &user,
            Action::EditItem {
                plan: plan_ref(&plan),
                responsible: fields.responsible_org_id,
                level: item.level,
            },
        )?;
    }
    let saved = crate::store::atomic(&state.db, async |tx| {
        let parent = parent.as_ref().map(|p| p.id);
        let reason = f.reason.trim();
        items::update(
            tx, user.id, &plan, &item, f.version, &fields, parent, reason,
        )
        .await
    })
    .await;
    match saved {
        Ok(()) => Ok(Redirect::to(&format!("/item/{id}")).into_response()),
        Err(SaveError::Conflict) => {
            let fresh = items::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
            let shown = Shown {
                form: Some(ItemForm {
                    version: fresh.version,
                    ..f
                }),
                conflict: Some(fresh.clone()),
                ..Shown::default()
            };
            let page = item_page(&state, Some(&user), plan, fresh, shown).await?;
            Ok((StatusCode::CONFLICT, page).into_response())
        }
        Err(SaveError::Fields(errors)) => refused(&state, &user, plan, item, f, errors).await,
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// The item page again with the edit form as typed and its errors (422).
async fn refused(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    f: ItemForm,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = item_page(state, Some(user), plan, item, Shown::refused(f, errors)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The parent an edited item goes under: unchanged unless the form names
/// another, which must be an item of this plan at the level right above,
/// not the item's own descendant, and (for an agency) one it is
/// responsible for.
async fn new_parent(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    item: &Item,
    f: &ItemForm,
) -> Result<Result<Option<Item>, FieldErrors>, AppError> {
    let wanted = match f.parent_id.trim() {
        "" => item.parent_id,
        p => Uuid::parse_str(p).ok().or(Some(Uuid::nil())),
    };
    let parent = match wanted {
        Some(p) => items::get(&state.db, p).await?,
        None => None,
    };
    if wanted == item.parent_id {
        return Ok(Ok(parent));
    }
    let fits = item.parent_id.is_some()
        && parent.as_ref().is_some_and(|p| {
            p.plan_id == plan.id
                && p.id != item.id
                && plan.kind.child_levels(Some(p.level)).contains(&item.level)
        });
    // Never under its own descendant.
    let fits = fits
        && !items::ancestors(&state.db, parent.as_ref().map(|p| p.id).unwrap_or_default())
            .await?
            .iter()
            .any(|a| a.id == item.id);
    if !fits {
        let mut errors = FieldErrors::default();
        errors.add(
            "parent_id",
            crate::i18n::tf!(
                "pilih-induk-yang-sah-hanya-dapat",
                a1 = crate::i18n::label(item.level.label())
            ),
        );
        return Ok(Err(errors));
    }
    // Moving under another item is adding to it: an agency only moves
    // its items under items it is responsible for (planners anywhere).
    if let Some(p) = &parent {
        authorize(
            user,
            Action::EditItem {
                plan: plan_ref(plan),
                responsible: p.responsible_org_id,
                level: p.level,
            },
        )?;
    }
    Ok(Ok(parent))
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(plan_id): Path<Uuid>,
    Form(f): Form<ItemForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), plan_id).await?;
    let (parent, level) = child_place(&state, &user, &plan, &f).await?;
    let agencies = agencies(&state, &plan.region_kode).await?;
    let supports = support_options(&state, &plan).await?;
    let checked = check_fields(
        &state,
        &plan,
        level,
        parent.as_ref(),
        &f,
        &agencies,
        &supports,
    )
    .await?;
    let fields = match checked {
        Ok(fields) => fields,
        Err(errors) => return refused_child(&state, &user, plan, parent, f, errors).await,
    };
    // An agency adds kegiatan only under its own items, and keeps them its own.
    if parent.is_some() && level.is_budgeted() {
        authorize(
            &user,
            Action::EditItem {
                plan: plan_ref(&plan),
                responsible: fields.responsible_org_id,
                level,
            },
        )?;
    }
    let created = crate::store::atomic(&state.db, async |tx| {
        let under = parent.as_ref().map(|p| p.id);
        let reason = f.reason.trim();
        items::create(
            tx,
            Some(user.id),
            &plan,
            under,
            level,
            &fields,
            None,
            reason,
        )
        .await
    })
    .await;
    match created {
        Ok(new_id) => Ok(Redirect::to(&format!("/item/{new_id}")).into_response()),
        Err(SaveError::Fields(errors)) => {
            refused_child(&state, &user, plan, parent, f, errors).await
        }
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on insert".into())),
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// Where a new item goes: under the parent the form names (an item of this
/// plan), at the level below it; the policy asked for that place.
async fn child_place(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    f: &ItemForm,
) -> Result<(Option<Item>, Level), AppError> {
    let parent = match Uuid::parse_str(f.parent_id.trim()).ok() {
        Some(pid) => Some(
            items::get(&state.db, pid)
                .await?
                .filter(|p| p.plan_id == plan.id)
                .ok_or(AppError::BadRequest(
                    "Induk item tidak ada dalam rencana ini.".into(),
                ))?,
        ),
        None => None,
    };
    let level = plan
        .kind
        .child_levels(parent.as_ref().map(|p| p.level))
        .first()
        .copied()
        .ok_or(AppError::BadRequest(
            "Di bawah item ini tidak ada tingkat berikutnya.".into(),
        ))?;
    match &parent {
        Some(p) => authorize(
            user,
            Action::EditItem {
                plan: plan_ref(plan),
                responsible: p.responsible_org_id,
                level: p.level,
            },
        )?,
        None => authorize(user, Action::EditPlan(plan_ref(plan)))?,
    }
    Ok((parent, level))
}

/// A refused new item comes back where it was typed: the parent's page
/// with the child form filled in, or the plan page's root form (422).
async fn refused_child(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    parent: Option<Item>,
    f: ItemForm,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = match parent {
        Some(p) => {
            let mut page = item_page(state, Some(user), plan, p, Shown::default()).await?;
            page.child_form = f;
            page.child_errors = errors;
            page.into_response()
        }
        None => super::show_page_with_root_form(state, user, plan, f.nama, f.reason, errors)
            .await?
            .into_response(),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn set_pagu(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    axum::Form(f): axum::Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (plan, item) = editable(&state, &user, id).await?;
    if !item.level.has_pagu() {
        return Err(AppError::BadRequest(
            "Tingkat ini tidak memiliki pagu.".into(),
        ));
    }
    let (amounts, reason) = match pagu_form(&plan, &f) {
        Ok(parsed) => parsed,
        Err(problems) => {
            let shown = (StatusCode::UNPROCESSABLE_ENTITY, problems);
            return pagu_refused(&state, &user, plan, item, shown, &f).await;
        }
    };
    let version: i32 = f.get("version").and_then(|v| v.parse().ok()).unwrap_or(0);
    let before = items::pagu_for_item(&state.db, item.id).await?;
    let saved = crate::store::atomic(&state.db, async |tx| {
        items::set_pagu(
            tx,
            Some(user.id),
            &plan,
            &item,
            version,
            &before,
            &amounts,
            &reason,
        )
        .await
    })
    .await;
    match saved {
        Ok(()) => Ok(Redirect::to(&format!("/item/{id}#pagu")).into_response()),
        Err(SaveError::Conflict) => {
            let fresh = items::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
            let msg = crate::i18n::t("item-ini-baru-saja-diubah-orang").to_string();
            pagu_refused(&state, &user, plan, fresh, (StatusCode::CONFLICT, msg), &f).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The pagu form read: an amount per year typed (blank years left out)
/// and, for an RKPD Perubahan, the reason; or what is wrong.
fn pagu_form(
    plan: &Plan,
    f: &HashMap<String, String>,
) -> Result<(BTreeMap<i32, Decimal>, String), String> {
    let mut amounts = BTreeMap::new();
    let mut problems = Vec::new();
    for y in plan.pagu_years() {
        let raw = f.get(&format!("pagu_{y}")).map(|s| s.trim()).unwrap_or("");
        if raw.is_empty() {
            continue;
        }
        match parse_rupiah(raw) {
            Ok(v) => {
                amounts.insert(y, v);
            }
            Err(m) => problems.push(format!("{y}: {m}")),
        }
    }
    let reason = f.get("reason").map(|s| s.trim()).unwrap_or("");
    if plan.is_perubahan() && reason.chars().count() < 5 {
        problems.push(crate::i18n::t("rkpd-perubahan-tuliskan-alasan-perubahan-pagu").into());
    }
    if problems.is_empty() {
        Ok((amounts, reason.to_string()))
    } else {
        Err(problems.join(" "))
    }
}

/// A refused or conflicting pagu save: the item page with what was typed
/// in the inputs, what is stored beside them, and why.
async fn pagu_refused(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    (status, why): (StatusCode, String),
    f: &HashMap<String, String>,
) -> Result<Response, AppError> {
    let shown = Shown {
        pagu_error: Some(why),
        ..Shown::default()
    };
    let mut page = item_page(state, Some(user), plan, item, shown).await?;
    for (y, _, raw) in page.pagu.iter_mut() {
        *raw = f.get(&format!("pagu_{y}")).cloned().unwrap_or_default();
    }
    Ok((status, page).into_response())
}
