//! Items of the cascade: the item page (indicators, pagu, links up and
//! down) here; adding a child and editing fields in `edit`, pagu in
//! `pagu`. Saves carry the version the user saw; a stale save comes back
//! with both versions.

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

mod edit;
mod pagu;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/item", post(edit::create))
        .route("/item/{id}", get(show).post(edit::update))
        .route("/item/{id}/pagu", post(pagu::set_pagu))
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

struct IndicatorRow {
    indicator: Indicator,
    cells: Vec<String>,
}

/// The pagu of a year on the item page.
struct PaguCell {
    year: i32,
    /// The stored amount, as shown.
    shown: String,
    /// What the input holds: the stored amount, or what was typed.
    raw: String,
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
    pagu: Vec<PaguCell>,
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
    /// A priority tag's name (`spm` → "Standar pelayanan minimal").
    fn tag_label<'a>(&self, code: &'a str) -> &'a str {
        TAGS.iter()
            .find(|(k, _)| *k == code)
            .map_or(code, |(_, label)| label)
    }
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
    let (Some(rkpd), Some(region)) = (
        plan.rkpd_ref_id
            .filter(|_| plan.kind == crate::domain::plan::PlanKind::Rkpdes),
        plan.rkpd_ref_region.as_deref(),
    ) else {
        return Ok(Vec::new());
    };
    Ok(
        items::headings_at(&state.db, region, rkpd, &["program"], None, None)
            .await?
            .into_iter()
            .map(|h| (h.id, format!("{} {}", h.kode.unwrap_or_default(), h.nama)))
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
    let ancestors = items::ancestors(&state.db, &item.region_kode, item.id).await?;
    let children = items::children(&state.db, &item.region_kode, item.id).await?;
    let years = plan.years();
    let indicators = indicator_rows(state, &item, &years).await?;
    let pagu = pagu_cells(state, &plan, &item).await?;
    let can_edit = may_edit(user, &plan, &item);
    let (up, down, align, parents) = links_of(state, user, &plan, &item, can_edit).await?;
    let thread = item_thread(state, user, &plan, item.id).await?;
    let map = crate::web::maps::lokasi(state, plan.id, &plan.region_kode, &item.lokasi).await?;
    let agencies = agencies(state, &plan.region_kode).await?;
    let places = regions::places_in(&state.db, &plan.region_kode).await?;
    let supports = support_options(state, &plan).await?;
    Ok(ItemPage {
        map,
        nav: Nav::for_visitor(user),
        child_level: plan.kind.child_levels(Some(item.level)).first().copied(),
        agencies,
        places,
        form: shown.form.unwrap_or_else(|| form_of(&item)),
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
        errors: shown.errors,
        conflict: shown.conflict,
        tags: TAGS,
        months: crate::format::months(),
        pagu_error: shown.pagu_error,
        thread,
        supports,
        align,
        parents,
        child_form: ItemForm::default(),
        child_errors: FieldErrors::default(),
    })
}

/// An item's links up and down, its alignment section, and the parents it may move under.
type Links = (
    Vec<Linked>,
    Vec<Linked>,
    super::item_alignment::Section,
    Vec<(Uuid, String)>,
);

/// The item's links the visitor may read, its alignment, and for an editor where it may move.
async fn links_of(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    item: &Item,
    can_edit: bool,
) -> Result<Links, AppError> {
    let (mut up, mut down) = items::links(&state.db, item).await?;
    let align = super::item_alignment::section(state, user, plan, item, &up, can_edit, "").await?;
    // Only items of plans the visitor may read are listed.
    up.retain(|l| crate::auth::policy::can_read(user, &l.plan));
    down.retain(|l| crate::auth::policy::can_read(user, &l.plan));
    let parents = if can_edit && item.parent_id.is_some() {
        parent_options(state, plan, item).await?
    } else {
        Vec::new()
    };
    Ok((up, down, align, parents))
}

/// The item's comment thread, with whether the visitor follows the item.
async fn item_thread(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    id: Uuid,
) -> Result<crate::web::comments::Thread, AppError> {
    let thread = crate::web::comments::thread(
        user,
        plan,
        &crate::store::comments::for_target(&state.db, &plan.region_kode, id).await?,
        crate::domain::comment::Target::Item,
        Some(id),
        Vec::new(),
        format!("/item/{id}"),
    );
    crate::web::comments::with_follow(state, &plan.region_kode, user, thread, id).await
}

/// An item's indicators, each with its targets in the plan's years.
async fn indicator_rows(
    state: &AppState,
    item: &Item,
    years: &[i32],
) -> Result<Vec<IndicatorRow>, AppError> {
    let inds = indicators::for_item(&state.db, &item.region_kode, item.id).await?;
    let ids: Vec<Uuid> = inds.iter().map(|i| i.id).collect();
    let region = std::slice::from_ref(&item.region_kode);
    let mut years_of: BTreeMap<Uuid, Vec<Year>> =
        indicators::years_for(&state.db, region, &ids).await?;
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

/// An item's pagu per year of the plan.
async fn pagu_cells(state: &AppState, plan: &Plan, item: &Item) -> Result<Vec<PaguCell>, AppError> {
    let amounts = items::pagu_for_item(&state.db, &item.region_kode, item.id).await?;
    Ok(plan
        .pagu_years()
        .into_iter()
        .map(|year| {
            let v = amounts.get(&year);
            PaguCell {
                year,
                shown: v.map(|d| d.shown()).unwrap_or_else(|| "–".into()),
                raw: v.map(|d| d.digits()).unwrap_or_default(),
            }
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
    let rows = items::headings_at(
        &state.db,
        &plan.region_kode,
        plan.id,
        &above,
        item.parent_id,
        Some(item.id),
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|h| {
            let wrong = if above.contains(&h.level.as_str()) {
                ""
            } else {
                " (tingkat tidak sah)"
            };
            let label = match h.kode {
                Some(k) => format!("{} {k} {}{wrong}", h.level.label(), h.nama),
                None => format!("{} {}{wrong}", h.level.label(), h.nama),
            };
            (h.id, label)
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
