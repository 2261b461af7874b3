//! The "Keselarasan" part of the item page: where an item is aligned to,
//! what aligns to it, and the picker to link it. Built here, next to the
//! item page that shows it; `web::alignment` holds the link handlers,
//! which render the item page again when a link is refused.

use uuid::Uuid;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::domain::alignment::{Upward, target_region, upward};
use crate::error::AppError;
use crate::store::alignment::{self, Candidate};
use crate::store::plans::Plan;
use crate::store::plans::items::{Item, Linked};

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
    let (mut up, mut down) = alignment::of_item(&state.db, &item.region_kode, item.id).await?;
    // Linked items of plans the visitor may not read are not listed (that
    // the item is aligned upward is said, not to what).
    let readable = |l: &Linked| crate::auth::policy::can_read(user, &l.plan);
    down.retain(|(_, l)| readable(l));
    let kerja_sama = crate::store::kerja_sama::carried_by(&state.db, item.id).await?;
    let Some(u) = upward(plan.kind, item.level) else {
        up.retain(|(_, l)| readable(l));
        return Ok(Section {
            up,
            down,
            kerja_sama,
            ..Section::default()
        });
    };
    let mut s = Section {
        up,
        down,
        kerja_sama,
        upward: Some(u),
        ..Section::default()
    };
    let targets = alignment::target_plans(&state.db, plan, &u).await?;
    s.no_target = targets.is_empty();
    let reaches =
        |l: &Linked| targets.iter().any(|t| t.0 == l.plan_id) && u.levels.contains(&l.level);
    s.is_aligned = s.up.iter().any(|(_, l)| reaches(l)) || source_up.iter().any(reaches);
    s.up.retain(|(_, l)| readable(l));
    if can_edit && !targets.is_empty() {
        let ids: Vec<Uuid> = targets.iter().map(|t| t.0).collect();
        with_candidates(state, &mut s, &ids, &u, item, search).await?;
    }
    Ok(s)
}

/// The items of the target plans this item may be linked to (those it is
/// not linked to yet, matching `search`), offered on the section.
async fn with_candidates(
    state: &AppState,
    s: &mut Section,
    targets: &[Uuid],
    u: &Upward,
    item: &Item,
    search: &str,
) -> Result<(), AppError> {
    // The target plans are of one region: the item's, or its province's.
    let Some(region) = target_region(u.scope, &item.region_kode) else {
        return Ok(());
    };
    let linked: Vec<Uuid> = s.up.iter().map(|(_, l)| l.id).collect();
    let mut candidates: Vec<Candidate> = alignment::candidates(
        &state.db,
        region,
        targets,
        u,
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
    offer(s, candidates, item.kode.as_deref());
    Ok(())
}

/// The candidates as the choice shows them: items of the same code first
/// (a Renja kegiatan and its RKPD kegiatan), chosen already when there is
/// just one; then the rest, grouped by plan.
fn offer(s: &mut Section, candidates: Vec<Candidate>, kode: Option<&str>) {
    if let Some(k) = kode {
        let same: Vec<(Uuid, String)> = candidates
            .iter()
            .filter(|c| c.kode.as_deref() == Some(k))
            .map(|c| (c.id, format!("{} · {}", c.label(), c.plan_title)))
            .collect();
        if let [(only, _)] = same.as_slice() {
            s.picked = only.to_string();
        }
        if !same.is_empty() {
            s.groups.push((crate::i18n::tf!("kode-sama", k = k), same));
        }
    }
    for c in candidates
        .into_iter()
        .filter(|c| c.kode.is_none() || c.kode.as_deref() != kode)
    {
        match s.groups.last_mut() {
            Some((title, list)) if *title == c.plan_title => list.push((c.id, c.label())),
            _ => s
                .groups
                .push((c.plan_title.clone(), vec![(c.id, c.label())])),
        }
    }
}
