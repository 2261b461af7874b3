//! Plans: the list, a new plan (including an RKPD derived from its RPJMD
//! and an RKPD Perubahan copied from its RKPD), and the plan page with its
//! sections and its cascade.

mod chart;
mod create;
mod document;
mod imports;
mod indicators;
pub mod item_alignment;
pub mod items;
mod reference;
mod removal;
mod sections;
mod stages;
mod structure;
mod table;
mod tree;

use crate::auth::policy::PlanCaps;
use crate::web::filters;
use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use uuid::Uuid;

use super::Nav;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, PlanRef, can, can_view_plan};
use crate::domain::plan::PlanKind;
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::plans::{self, Plan, Section};
use crate::web::reader::Reader;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana", get(list))
        .route("/rencana/daftar.csv", get(list_csv))
        .route("/rencana/{id}", get(show))
        .route("/rencana/{id}/perubahan", get(changes))
        .merge(create::routes())
        .merge(document::routes())
        .merge(imports::routes())
        .merge(structure::routes())
        .merge(table::routes())
        .merge(removal::routes())
        .merge(sections::routes())
        .merge(items::routes())
        .merge(indicators::routes())
        .merge(stages::routes())
        .merge(reference::routes())
}

pub fn plan_ref(p: &Plan) -> PlanRef<'_> {
    PlanRef {
        region: &p.region_kode,
        kind: p.kind,
        owner_org: p.owner_org_id,
        stage: p.stage,
        window: p.window(),
    }
}

/// Forgets the titles of the plans this one hangs from or refers to that
/// the visitor may not read (a public RKPDes naming a draft RKPD, a
/// kab/kota plan naming a province draft); the page names only the rest.
pub fn hide_unreadable_refs(user: Option<&CurrentUser>, plan: &mut Plan) {
    let readable = |region: &Option<String>, stage: Option<crate::domain::plan::Stage>| match (
        region, stage,
    ) {
        (Some(region), Some(stage)) => crate::auth::policy::can_view_plan(
            user,
            PlanRef {
                region,
                stage,
                ..plan_ref(plan)
            },
        )
        .is_ok(),
        _ => false,
    };
    let (parent, rkpd, province) = (
        readable(&plan.parent_region, plan.parent_stage),
        readable(&plan.rkpd_ref_region, plan.rkpd_ref_stage),
        readable(&plan.province_ref_region, plan.province_ref_stage),
    );
    if !parent {
        plan.parent_title = None;
    }
    if !rkpd {
        plan.rkpd_ref_title = None;
    }
    if !province {
        plan.province_ref_title = None;
    }
}

/// The plan behind `id`, if the visitor may read it.
pub async fn readable_plan(
    state: &AppState,
    user: Option<&CurrentUser>,
    id: Uuid,
) -> Result<Plan, AppError> {
    let plan = plans::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    may_read(user, &plan)?;
    Ok(plan)
}

/// Refuses a plan the person may not read: a visitor is asked to sign in.
fn may_read(user: Option<&CurrentUser>, plan: &Plan) -> Result<(), AppError> {
    can_view_plan(user, plan_ref(plan)).map_err(|d| match user {
        None => AppError::SignInRequired {
            next: format!("/rencana/{}", plan.id),
        },
        Some(_) => AppError::Forbidden(d.0),
    })
}

/// An item and its plan, loaded for a change: refuses who may not edit
/// that item (`Action::EditItem`). Every page that changes an item (its
/// fields, pagu, indicators, links, removal) loads it here.
pub async fn editable_item(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, crate::store::plans::items::Item), AppError> {
    let item = crate::store::plans::items::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(state, Some(user), item.plan_id).await?;
    crate::auth::policy::authorize(
        user,
        crate::auth::policy::Action::EditItem {
            plan: plan_ref(&plan),
            responsible: item.responsible_org_id,
            level: item.level,
        },
    )?;
    Ok((plan, item))
}

struct KindGroup {
    label: &'static str,
    long_name: &'static str,
    plans: Vec<Plan>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/list.html")]
struct ListPage {
    nav: Nav,
    heading: String,
    groups: Vec<KindGroup>,
    can_create: bool,
    /// The filters, and how many documents they keep of how many.
    cari: String,
    jenis: String,
    kinds: [PlanKind; 8],
    shown: usize,
    total: usize,
}

impl ListPage {
    /// The list as CSV, with the same filters.
    fn csv_link(&self) -> String {
        let enc = crate::format::url_encode;
        format!(
            "/rencana/daftar.csv?cari={}&jenis={}",
            enc(&self.cari),
            enc(&self.jenis)
        )
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    /// A word of the title, the region or the owner.
    cari: String,
    jenis: String,
}

/// The plans this visitor may read (a signed-in person: their region's;
/// anyone else: the published ones), narrowed by the list's filters; the
/// heading and the count before the filters.
async fn listed(
    state: &AppState,
    user: Option<&CurrentUser>,
    q: &ListQuery,
) -> Result<(String, usize, Vec<Plan>), AppError> {
    let (heading, all) = match user {
        Some(u) => (
            crate::i18n::tf!("dokumen-rencana-2", a1 = u.region_label()),
            plans::list(&state.db, &u.region_kode).await?,
        ),
        None => (
            crate::i18n::t("rencana-yang-dipublikasikan").to_string(),
            plans::list_public(&state.db).await?,
        ),
    };
    let visible: Vec<Plan> = all
        .into_iter()
        .filter(|p| can_view_plan(user, plan_ref(p)).is_ok())
        .collect();
    let total = visible.len();
    let cari = q.cari.trim().to_lowercase();
    let jenis = PlanKind::parse(q.jenis.trim());
    let visible = visible
        .into_iter()
        .filter(|p| {
            jenis.is_none_or(|k| p.kind == k)
                && (cari.is_empty()
                    || p.title.to_lowercase().contains(&cari)
                    || p.region_nama.to_lowercase().contains(&cari)
                    || p.owner_name
                        .as_ref()
                        .is_some_and(|o| o.to_lowercase().contains(&cari)))
        })
        .collect();
    Ok((heading, total, visible))
}

/// The list as open data, with the same filters: one plan per line.
async fn list_csv(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (_, _, plans) = listed(&state, user.as_ref(), &q).await?;
    let base = state.config.public_url.trim_end_matches('/');
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let header = [
        "id",
        "kode_wilayah",
        "wilayah",
        "jenis",
        "judul",
        "tahun_awal",
        "tahun_akhir",
        "tahap",
        "pemilik",
        "jumlah_item",
        "tautan",
    ];
    let rows = std::iter::once(header.map(String::from)).chain(plans.iter().map(|p| {
        [
            p.id.to_string(),
            p.region_kode.clone(),
            p.region_nama.clone(),
            crate::i18n::label(p.kind.label()).to_string(),
            crate::export::text_cell(&p.title).into_owned(),
            p.first_year.to_string(),
            p.last_year.to_string(),
            crate::i18n::label(p.stage.label()).to_string(),
            crate::export::text_cell(p.owner_name.as_deref().unwrap_or("")).into_owned(),
            p.item_count.to_string(),
            format!("{base}/rencana/{}", p.id),
        ]
    }));
    for r in rows {
        w.write_record(&r)
            .map_err(|e| AppError::Internal(e.to_string()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(crate::web::download(
        &["dokumen-rencana"],
        "csv",
        crate::web::CSV,
        bytes,
    ))
}

async fn list(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (heading, total, visible) = listed(&state, user.as_ref(), &q).await?;
    let shown = visible.len();
    let groups = PlanKind::ALL
        .into_iter()
        .map(|k| KindGroup {
            label: crate::i18n::label(k.label()),
            long_name: k.long_name(),
            plans: visible.iter().filter(|p| p.kind == k).cloned().collect(),
        })
        .filter(|g| !g.plans.is_empty())
        .collect();
    let can_create = user.as_ref().is_some_and(may_create);
    Ok(ListPage {
        nav: Nav::for_visitor(user.as_ref()),
        heading,
        groups,
        can_create,
        cari: q.cari.trim().to_lowercase(),
        jenis: PlanKind::parse(q.jenis.trim())
            .map(|k| k.as_str().to_string())
            .unwrap_or_default(),
        kinds: PlanKind::ALL,
        shown,
        total,
    }
    .into_response())
}

/// Whether the person may create a plan of some kind, alone or for one of their organizations.
fn may_create(u: &CurrentUser) -> bool {
    PlanKind::ALL.into_iter().any(|kind| {
        can(
            u,
            Action::CreatePlan {
                region: &u.region_kode,
                kind,
                owner_org: None,
            },
        )
        .is_ok()
            || u.memberships.iter().any(|m| {
                can(
                    u,
                    Action::CreatePlan {
                        region: &u.region_kode,
                        kind,
                        owner_org: Some(m.organization_id),
                    },
                )
                .is_ok()
            })
    })
}

struct RenderedSection {
    section: Section,
    html: String,
    anchor: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/show.html")]
pub(super) struct ShowPage {
    nav: Nav,
    plan: Plan,
    sections: Vec<RenderedSection>,
    tree: std::sync::Arc<crate::state::Markup>,
    pagu_years: Vec<i32>,
    caps: PlanCaps,
    root_level: Option<&'static str>,
    panel: stages::StagePanel,
    alert: Option<String>,
    thread: crate::web::comments::Thread,
    consultation: Option<String>,
    /// RKPDes: the village's proposals accepted for this year.
    village_accepted: Vec<crate::store::proposals::Proposal>,
    /// For DPRD reviewers: (last marked seen, changed since).
    seen: Option<(String, bool)>,
    /// The "add a top item" form as typed (nama, reason), and its errors.
    root_form: (String, String),
    root_errors: FieldErrors,
    /// Province plans this plan may refer to (for those who may edit it).
    province_choices: Vec<(Uuid, String)>,
    /// Offer the SIPD rows (RKPD, RKPD Perubahan, Renja).
    sipd_rows: bool,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct CommentPage {
    /// The page of the comment threads.
    komentar: Option<usize>,
}

async fn show(
    Reader(state): Reader,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    axum::extract::Query(q): axum::extract::Query<CommentPage>,
) -> Result<Response, AppError> {
    let head = plans::page_head(&state.db, id, user.as_ref().map(|u| u.id)).await?;
    let plan = plan_at(&state, id, head.data_version).await?;
    may_read(user.as_ref(), &plan)?;
    let at = At {
        version: head.data_version,
        comments: Some(head.comment_version),
        following: Some(head.following),
    };
    let mut page = show_page_at(&state, user.as_ref(), plan, at, None).await?;
    page.thread = page.thread.at_page(q.komentar);
    Ok(page.into_response())
}

/// The plan page with the "add a top item" form refilled and its errors.
pub(super) async fn show_page_with_root_form(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    nama: String,
    reason: String,
    errors: FieldErrors,
) -> Result<ShowPage, AppError> {
    let mut page = show_page(state, Some(user), plan, None).await?;
    page.root_form = (nama, reason);
    page.root_errors = errors;
    Ok(page)
}

/// The plan page, optionally with an alert on top (a refused stage move).
async fn show_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: Plan,
    alert: Option<String>,
) -> Result<ShowPage, AppError> {
    // Read after the plan: what is kept under it is never older than it.
    let at = At {
        version: crate::store::checks::data_version(&state.db).await?,
        comments: None,
        following: None,
    };
    show_page_at(state, user, plan, at, alert).await
}

/// What the page knows already when it is built: the data version and,
/// when read with the plan, the version of its comments and whether the
/// reader follows it.
struct At {
    version: i64,
    comments: Option<i64>,
    following: Option<bool>,
}

/// The plan page over the data `version`, read at or before the plan row:
/// the tree and the plan's facts are read after it (or kept under it), so
/// never older. A fixed number of statements, whatever the plan's size.
async fn show_page_at(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: Plan,
    at: At,
    alert: Option<String>,
) -> Result<ShowPage, AppError> {
    let (id, version) = (plan.id, at.version);
    let facts = facts_of(state, &plan.region_kode, id, version).await?;
    let pagu_years = plan.pagu_years();
    let caps = PlanCaps::of(user, plan_ref(&plan), &facts.duties, facts.requested_by);
    let tree = tree_of(state, &plan.region_kode, id, version, &pagu_years).await?;
    let province_choices = if caps.edit {
        reference::choices(state, &plan).await?
    } else {
        Vec::new()
    };
    let (sections, paragraphs) = chapters(state, &facts.sections);
    let thread = plan_thread(state, user, &plan, paragraphs, &at).await?;
    let mut plan = plan;
    hide_unreadable_refs(user, &mut plan);
    let consultation = crate::web::consultation::deadline(&plan);
    let sipd_rows = crate::export::sipd::applies(plan.kind);
    let village_accepted = village_accepted(state, user, &plan).await?;
    let seen = match user {
        Some(u) if caps.track_changes => stages::changed_since_seen(state, u, &plan).await?,
        _ => None,
    };
    Ok(ShowPage {
        nav: Nav::for_visitor(user),
        root_level: root_level(plan.kind),
        panel: stages::panel(user, &plan, caps, &facts),
        plan,
        sections,
        tree,
        pagu_years,
        caps,
        alert,
        thread,
        consultation,
        seen,
        province_choices,
        root_form: (String::new(), String::new()),
        root_errors: FieldErrors::default(),
        village_accepted,
        sipd_rows,
    })
}

/// The level of a plan's top items, named for the "add" form.
fn root_level(kind: crate::domain::plan::PlanKind) -> Option<&'static str> {
    kind.child_levels(None)
        .first()
        .map(|l| crate::i18n::label(l.label()))
}

/// The plan as of the data `version` (read after it, so never older),
/// read again only when the data has changed since it last was.
async fn plan_at(state: &AppState, id: Uuid, version: i64) -> Result<Plan, AppError> {
    if let Some(kept) = state.plan_rows.get(&id, version) {
        return Ok(Plan::clone(&kept));
    }
    let plan = plans::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    state
        .plan_rows
        .put(id, version, std::sync::Arc::new(plan.clone()));
    Ok(plan)
}

/// The plan's facts (`PageFacts`), read again only when the data has
/// changed since they last were.
async fn facts_of(
    state: &AppState,
    region: &str,
    id: Uuid,
    version: i64,
) -> Result<std::sync::Arc<plans::PageFacts>, AppError> {
    Ok(match state.plan_facts.get(&id, version) {
        Some(kept) => kept,
        None => {
            let facts = std::sync::Arc::new(plans::page_facts(&state.db, region, id).await?);
            state.plan_facts.put(id, version, facts.clone());
            facts
        }
    })
}

/// The plan's tree as markup, read and rendered again only when the data
/// has changed since it last was.
async fn tree_of(
    state: &AppState,
    region: &str,
    id: Uuid,
    version: i64,
    pagu_years: &[i32],
) -> Result<std::sync::Arc<crate::state::Markup>, AppError> {
    let key = (id, crate::i18n::current());
    Ok(match state.trees.get(&key, version) {
        Some(kept) => kept,
        None => {
            let items = plans::items::for_plan(&state.db, region, id).await?;
            let indicators = plans::indicators::for_plan(&state.db, region, id).await?;
            let pagu = plans::items::pagu_for_plan(&state.db, region, id).await?;
            let mut counts: HashMap<Uuid, usize> = HashMap::new();
            for i in &indicators {
                *counts.entry(i.item_id).or_default() += 1;
            }
            let rows = tree::build(items, &pagu, &counts, pagu_years);
            let rendered = std::sync::Arc::new(tree::render(&rows));
            state.trees.put(key, version, rendered.clone());
            rendered
        }
    })
}

/// The chapters as HTML, each rendered and sanitized once per version,
/// and their paragraphs (for comments on them).
fn chapters(
    state: &AppState,
    sections: &[plans::Section],
) -> (Vec<RenderedSection>, Vec<(String, String)>) {
    let chapters: Vec<_> = sections
        .iter()
        .map(|s| state.chapters.get(s.id, s.version, &s.body_md, &s.key()))
        .collect();
    let paragraphs = chapters
        .iter()
        .flat_map(|c| c.paragraphs.iter().cloned())
        .collect();
    let rendered = sections
        .iter()
        .cloned()
        .zip(chapters)
        .map(|(s, c)| RenderedSection {
            html: c.html.clone(),
            anchor: s.key(),
            section: s,
        })
        .collect();
    (rendered, paragraphs)
}

/// The plan's own thread, and what was said about items and indicators
/// removed since: it stays readable here.
async fn plan_thread(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    paragraphs: Vec<(String, String)>,
    at: &At,
) -> Result<crate::web::comments::Thread, AppError> {
    let id = plan.id;
    let plan_comments = comments_of(state, &plan.region_kode, id, at).await?;
    let thread = crate::web::comments::thread(
        user,
        plan,
        &plan_comments,
        crate::domain::comment::Target::Plan,
        None,
        paragraphs,
        format!("/rencana/{id}"),
    );
    match (user, at.following) {
        (Some(_), Some(f)) => {
            let mut thread = thread;
            thread.follow = Some((id, f));
            Ok(thread)
        }
        _ => crate::web::comments::with_follow(state, &plan.region_kode, user, thread, id).await,
    }
}

/// The comments the plan's page shows, for every reader alike (each sees
/// those the policy lets them): read again only when the data or the
/// plan's comments have changed since they last were.
async fn comments_of(
    state: &AppState,
    region: &str,
    id: Uuid,
    at: &At,
) -> Result<std::sync::Arc<Vec<crate::store::comments::Comment>>, AppError> {
    let read = || crate::store::comments::on_plan_page(&state.db, region, id);
    Ok(match at.comments.map(|c| (at.version, c)) {
        Some(version) => match state.plan_comments.get(&id, version) {
            Some(kept) => kept,
            None => {
                let comments = std::sync::Arc::new(read().await?);
                state.plan_comments.put(id, version, comments.clone());
                comments
            }
        },
        None => std::sync::Arc::new(read().await?),
    })
}

/// An RKPDes page lists the proposals of its desa accepted for its year
/// (each RKPD line named only to whoever may read it).
async fn village_accepted(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
) -> Result<Vec<crate::store::proposals::Proposal>, AppError> {
    Ok(match (plan.kind, plan.owner_org_id) {
        (crate::domain::plan::PlanKind::Rkpdes, Some(org)) => {
            match crate::store::orgs::get(&state.db, org)
                .await?
                .and_then(|o| o.wilayah_kode)
            {
                Some(w) => {
                    let mut list =
                        crate::store::proposals::accepted_in(&state.db, &w, plan.first_year)
                            .await?;
                    for p in &mut list {
                        p.keep_line_if(|region, stage| {
                            crate::web::proposals::readable_stage(user, region, stage)
                        });
                    }
                    list
                }
                None => Vec::new(),
            }
        }
        _ => Vec::new(),
    })
}

/// Ids of the plan's items and indicators that exist now.

#[derive(Template, WebTemplate)]
#[template(path = "plans/changes.html")]
struct ChangesPage {
    nav: Nav,
    plan: Plan,
    changes: Vec<plans::Change>,
    /// All the changes, before the filter.
    total: usize,
    /// A word of what changed, its reason or who changed it.
    cari: String,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ChangesQuery {
    cari: String,
}

impl ChangesPage {
    fn when(&self, c: &plans::Change) -> String {
        crate::format::waktu(c.at)
    }
    fn show_value(v: &Option<serde_json::Value>) -> String {
        match v {
            None | Some(serde_json::Value::Null) => "–".into(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        }
    }
}

/// The changes of an RKPD Perubahan against the RKPD it amends.
async fn changes(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    Query(q): Query<ChangesQuery>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    if !plan.is_perubahan() {
        return Err(AppError::NotFound);
    }
    let mut changes = plans::changes(&state.db, &plan.region_kode, id).await?;
    let total = changes.len();
    let cari = q.cari.trim().to_lowercase();
    if !cari.is_empty() {
        changes.retain(|c| {
            [Some(&c.label), Some(&c.reason), c.actor.as_ref()]
                .into_iter()
                .flatten()
                .any(|t| t.to_lowercase().contains(&cari))
        });
    }
    Ok(ChangesPage {
        nav: Nav::for_visitor(user.as_ref()),
        plan,
        changes,
        total,
        cari,
    }
    .into_response())
}
