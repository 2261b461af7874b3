//! Alignment links on the item page (add, remove with confirmation) and
//! the list of a plan's items not yet aligned upward.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::Nav;
use super::plans::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::alignment::{Upward, upward};
use crate::error::AppError;
use crate::store::alignment::{self, Candidate, Unaligned};
use crate::store::plans::Plan;
use crate::store::plans::items::{self, Item, Linked};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/item/{id}/keselarasan", post(add))
        .route("/keselarasan/{id}/hapus", get(confirm_remove).post(remove))
        .route("/rencana/{id}/belum-selaras", get(unaligned))
}

/// The "Keselarasan" part of the item page.
#[derive(Default)]
pub struct Section {
    pub upward: Option<Upward>,
    /// Explicit links: (link id, item).
    pub up: Vec<(Uuid, Linked)>,
    pub down: Vec<(Uuid, Linked)>,
    /// Where it may be linked, by plan: (plan title, items).
    pub groups: Vec<(String, Vec<(Uuid, String)>)>,
    /// No plan to align to exists yet.
    pub no_target: bool,
    pub is_aligned: bool,
    pub error: Option<String>,
    pub picked: String,
    /// Kerja sama this item carries: (id, title).
    pub kerja_sama: Vec<(Uuid, String)>,
    /// What the picker was narrowed by, and whether there are more items
    /// than it shows.
    pub search: String,
    pub more: bool,
}

/// How many items the picker lists before asking to narrow it down.
const SHOWN: usize = 400;

impl Section {
    pub fn describe(&self) -> String {
        self.upward.map(|u| u.describe()).unwrap_or_default()
    }
}

/// Builds the section; `source_up` are the items the item was copied from
/// or supports (they count as aligned too).
pub async fn section(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    item: &Item,
    source_up: &[Linked],
    can_edit: bool,
    search: &str,
) -> Result<Section, AppError> {
    let (mut up, mut down) = alignment::of_item(&state.db, item.id).await?;
    // Linked items of plans the visitor may not read are not listed (that
    // the item is aligned upward is said, not to what).
    let readable = |l: &Linked| crate::auth::policy::can_read(user, &l.plan);
    down.retain(|(_, l)| readable(l));
    let Some(u) = upward(plan.kind, item.level) else {
        up.retain(|(_, l)| readable(l));
        return Ok(Section {
            up,
            down,
            kerja_sama: crate::store::kerja_sama::carried_by(&state.db, item.id).await?,
            ..Section::default()
        });
    };
    let kerja_sama = crate::store::kerja_sama::carried_by(&state.db, item.id).await?;
    let mut s = Section {
        up,
        down,
        kerja_sama,
        ..Section::default()
    };
    s.upward = Some(u);
    let targets = alignment::target_plans(&state.db, plan, &u).await?;
    s.no_target = targets.is_empty();
    let reaches =
        |l: &Linked| targets.iter().any(|t| t.0 == l.plan_id) && u.levels.contains(&l.level);
    s.is_aligned = s.up.iter().any(|(_, l)| reaches(l)) || source_up.iter().any(reaches);
    s.up.retain(|(_, l)| readable(l));
    if can_edit && !targets.is_empty() {
        let ids: Vec<Uuid> = targets.iter().map(|t| t.0).collect();
        let linked: Vec<Uuid> = s.up.iter().map(|(_, l)| l.id).collect();
        let mut candidates: Vec<Candidate> = alignment::candidates(
            &state.db,
            &ids,
            &u,
            search,
            item.kode.as_deref(),
            SHOWN as i64 + 1,
        )
        .await?
        .into_iter()
        .filter(|c| !linked.contains(&c.id))
        .collect();
        s.search = search.trim().to_string();
        s.more = candidates.len() > SHOWN;
        candidates.truncate(SHOWN);
        // Items of the same code first (a Renja kegiatan and its RKPD
        // kegiatan), chosen already when there is just one.
        if let Some(k) = item.kode.as_deref() {
            let same: Vec<(Uuid, String)> = candidates
                .iter()
                .filter(|c| c.kode.as_deref() == Some(k))
                .map(|c| (c.id, format!("{} · {}", c.label(), c.plan_title)))
                .collect();
            if let [(only, _)] = same.as_slice() {
                s.picked = only.to_string();
            }
            if !same.is_empty() {
                s.groups.push((format!("Kode sama ({k})"), same));
            }
        }
        for c in candidates
            .into_iter()
            .filter(|c| c.kode.is_none() || c.kode != item.kode)
        {
            match s.groups.last_mut() {
                Some((title, list)) if *title == c.plan_title => list.push((c.id, c.label())),
                _ => s
                    .groups
                    .push((c.plan_title.clone(), vec![(c.id, c.label())])),
            }
        }
    }
    Ok(s)
}

/// The item and plan behind a link change, for someone who may edit the
/// item the link starts from.
async fn editable(
    state: &AppState,
    user: &CurrentUser,
    item: Uuid,
) -> Result<(Plan, Item), AppError> {
    let item = items::get(&state.db, item)
        .await?
        .ok_or(AppError::NotFound)?;
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

#[derive(Deserialize, Default)]
#[serde(default)]
struct AddForm {
    to_item_id: String,
}

async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<AddForm>,
) -> Result<Response, AppError> {
    let (plan, item) = editable(&state, &user, id).await?;
    let Some(u) = upward(plan.kind, item.level) else {
        return Err(AppError::BadRequest(format!(
            "{} dalam {} tidak diselaraskan ke dokumen lain.",
            item.level.label(),
            plan.kind.label()
        )));
    };
    let targets: Vec<Uuid> = alignment::target_plans(&state.db, &plan, &u)
        .await?
        .into_iter()
        .map(|t| t.0)
        .collect();
    let chosen: Option<Candidate> = match Uuid::parse_str(f.to_item_id.trim()) {
        Ok(to) => alignment::candidate(&state.db, &targets, &u, to).await?,
        Err(_) => None,
    };
    let problem = match &chosen {
        None => Some(format!("Pilih {} yang diacu.", u.describe())),
        Some(c) => {
            let added = crate::store::atomic(&state.db, async |tx| {
                alignment::add(tx, user.id, &item, c).await
            })
            .await?;
            (!added).then(|| "Item ini sudah terkait dengan item tersebut.".to_string())
        }
    };
    match problem {
        None => Ok(Redirect::to(&format!("/item/{id}#keselarasan")).into_response()),
        Some(message) => {
            let page = super::plans::items::page_with_alignment_error(
                &state,
                &user,
                plan,
                item,
                message,
                f.to_item_id,
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "alignment/remove.html")]
struct ConfirmRemove {
    nav: Nav,
    link: Uuid,
    from: Item,
    to: Item,
}

async fn confirm_remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let link = alignment::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, from) = editable(&state, &user, link.from_item_id).await?;
    let to = items::get(&state.db, link.to_item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ConfirmRemove {
        nav: Nav::for_visitor(Some(&user)),
        link: id,
        from,
        to,
    }
    .into_response())
}

async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let Some(link) = alignment::get(&state.db, id).await? else {
        return Err(AppError::NotFound);
    };
    let (_, from) = editable(&state, &user, link.from_item_id).await?;
    crate::store::atomic(&state.db, async |tx| {
        alignment::remove(tx, user.id, &link).await
    })
    .await?;
    Ok(Redirect::to(&format!("/item/{}#keselarasan", from.id)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "alignment/unaligned.html")]
struct UnalignedPage {
    nav: Nav,
    plan: Plan,
    rows: Vec<Unaligned>,
}

async fn unaligned(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let rows = alignment::unaligned(&state.db, &plan).await?;
    Ok(UnalignedPage {
        nav: Nav::for_visitor(user.as_ref()),
        plan,
        rows,
    }
    .into_response())
}
