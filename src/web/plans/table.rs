//! The cascade as a table (`/rencana/{id}/tabel`), in the shape of the
//! Permendagri annex tables: code, name, indicator, satuan, kondisi awal,
//! targets and pagu per year, perangkat daerah; filtered by perangkat
//! daerah and level, with sums per level. Whoever may edit rows types
//! targets and pagu of many rows into it at once: one form, read cell by
//! cell (`domain::target_pagu::read_form`), compared with the plan as it
//! is now, written in one transaction through the same writes as the
//! indicator and pagu forms, or sent back whole with the message beside
//! each refused cell.

use crate::web::filters;
use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use super::imports::{editable_plan, may};
use super::readable_plan;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::domain::indicator::{Polaritas, format_nilai};
use crate::domain::money::Rupiah;
use crate::domain::plan::Level;
use crate::domain::target_pagu::{self, Change, Key};
use crate::error::AppError;
use crate::store::plans::Plan;
use crate::store::plans::imports::{self, ApplyError, State as PlanState};
use crate::store::plans::indicators::Indicator;
use crate::store::plans::items::Item;
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new().route("/rencana/{id}/tabel", get(page).post(save))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct Filter {
    pd: String,
    level: String,
    tersimpan: Option<usize>,
}

/// A cell of the table: its field, what it shows, its error.
struct Cell {
    name: String,
    value: String,
    error: Option<String>,
}

struct IndicatorRow {
    id: Uuid,
    name: String,
    satuan: String,
    kondisi_awal: String,
    version: i32,
    /// Per target year: the target, and for a band its upper bound.
    targets: Vec<(Cell, Option<Cell>)>,
}

struct Row {
    id: Uuid,
    depth: usize,
    level: Level,
    kode: String,
    nama: String,
    pd: String,
    version: i32,
    editable: bool,
    /// Per pagu year; empty for levels without pagu.
    pagu: Vec<Cell>,
    indicators: Vec<IndicatorRow>,
    /// Someone else changed this row since the form was opened: what the
    /// person typed for it, to type again over the newest values.
    conflict: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/table.html")]
struct TablePage {
    nav: Nav,
    plan: Plan,
    years: Vec<i32>,
    pagu_years: Vec<i32>,
    rows: Vec<Row>,
    /// Per level with pagu: its label and the sum per pagu year.
    sums: Vec<(&'static str, Vec<String>)>,
    agencies: Vec<(Uuid, String)>,
    levels: Vec<Level>,
    pd: String,
    level: String,
    editable: bool,
    alasan: String,
    alasan_error: Option<String>,
    alert: Option<String>,
    notice: Option<String>,
}

impl TablePage {
    fn shown(&self) -> usize {
        self.rows.len()
    }
}

/// What the person typed, and what to say beside which cell.
#[derive(Default)]
struct Typed {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
    /// Rows to show as they are now, with what was typed for them.
    conflicts: HashMap<Uuid, String>,
}

fn depth_of(items: &[Item]) -> HashMap<Uuid, usize> {
    let parent: HashMap<Uuid, Option<Uuid>> = items.iter().map(|i| (i.id, i.parent_id)).collect();
    items
        .iter()
        .map(|i| {
            let (mut d, mut at) = (0, i.parent_id);
            while let Some(p) = at {
                d += 1;
                at = parent.get(&p).copied().flatten();
                if d > 32 {
                    break;
                }
            }
            (i.id, d)
        })
        .collect()
}

impl Typed {
    /// The version a row was first shown at travels with the form until
    /// it is saved, so a change by someone else meanwhile is always
    /// caught; a row shown again after a conflict carries its newest.
    fn version(&self, id: Uuid, now: i32) -> i32 {
        if self.conflicts.contains_key(&id) {
            return now;
        }
        self.values
            .get(&format!("v:{id}"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(now)
    }

    /// A cell as typed (or as it is now, for a row shown again after a
    /// conflict), with its message.
    fn cell(&self, name: String, now: String, row: Uuid) -> Cell {
        let value = if self.conflicts.contains_key(&row) {
            now
        } else {
            self.values.get(&name).cloned().unwrap_or(now)
        };
        Cell {
            error: self.errors.get(&name).cloned(),
            name,
            value,
        }
    }
}

/// What every row of the table reads from.
struct Sheet<'a> {
    s: &'a PlanState,
    years: Vec<i32>,
    pagu_years: Vec<i32>,
    depth: HashMap<Uuid, usize>,
    by_item: HashMap<Uuid, Vec<&'a Indicator>>,
    typed: &'a Typed,
}

impl Sheet<'_> {
    fn pagu_cells(&self, item: &Item) -> Vec<Cell> {
        let now = self.s.pagu.get(&item.id);
        self.pagu_years
            .iter()
            .map(|y| {
                let shown = now
                    .and_then(|p| p.get(y))
                    .map(|a| a.digits())
                    .unwrap_or_default();
                self.typed
                    .cell(format!("p:{}:{y}", item.id), shown, item.id)
            })
            .collect()
    }

    fn indicator_row(&self, n: &Indicator) -> IndicatorRow {
        let known = self.s.years.get(&n.id);
        let targets = self
            .years
            .iter()
            .map(|y| {
                let at = known.and_then(|ys| ys.iter().find(|k| k.year == *y));
                let t = at
                    .and_then(|k| k.target)
                    .map(format_nilai)
                    .unwrap_or_default();
                let m = at
                    .and_then(|k| k.target_max)
                    .map(format_nilai)
                    .unwrap_or_default();
                let band = n.polaritas == Polaritas::Rentang;
                (
                    self.typed.cell(format!("t:{}:{y}", n.id), t, n.id),
                    band.then(|| self.typed.cell(format!("tm:{}:{y}", n.id), m, n.id)),
                )
            })
            .collect();
        IndicatorRow {
            id: n.id,
            name: n.name.clone(),
            satuan: n.satuan.clone(),
            kondisi_awal: n.kondisi_awal.map(format_nilai).unwrap_or_default(),
            version: self.typed.version(n.id, n.version),
            targets,
        }
    }

    fn row(&self, item: &Item, editable: bool) -> Row {
        let indicators = self
            .by_item
            .get(&item.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let conflict = std::iter::once(item.id)
            .chain(indicators.iter().map(|n| n.id))
            .find_map(|id| self.typed.conflicts.get(&id).cloned());
        Row {
            id: item.id,
            depth: self.depth.get(&item.id).copied().unwrap_or(0),
            level: item.level,
            kode: item.kode.clone().unwrap_or_default(),
            nama: item.nama.clone(),
            pd: item.responsible_name.clone().unwrap_or_default(),
            version: self.typed.version(item.id, item.version),
            editable,
            pagu: if item.level.has_pagu() {
                self.pagu_cells(item)
            } else {
                Vec::new()
            },
            indicators: indicators.iter().map(|n| self.indicator_row(n)).collect(),
            conflict,
        }
    }

    /// The item's pagu per pagu year, for the sums.
    fn amounts(&self, item: &Item) -> Vec<Rupiah> {
        let now = self.s.pagu.get(&item.id);
        self.pagu_years
            .iter()
            .map(|y| now.and_then(|p| p.get(y)).copied().unwrap_or_default())
            .collect()
    }
}

/// A level's pagu totals per year as the page shows them.
fn shown_sum((level, totals): (Level, Vec<Rupiah>)) -> (&'static str, Vec<String>) {
    (
        crate::i18n::label(level.label()),
        totals.into_iter().map(|a| a.shown()).collect(),
    )
}

/// What the filter keeps and what it can filter by, in the order of the plan.
struct Listing {
    rows: Vec<Row>,
    /// Per level with pagu: the sum per pagu year of the rows kept.
    sums: Vec<(Level, Vec<Rupiah>)>,
    agencies: Vec<(Uuid, String)>,
    levels: Vec<Level>,
}

/// Whether the person may type into the item's row of the table.
fn may_edit(user: Option<&CurrentUser>, plan: &Plan, item: &Item) -> bool {
    let key = Key::Target {
        indicator: Uuid::nil(),
        year: 0,
    };
    user.is_some_and(|u| may(u, plan, item, key).is_ok())
}

impl<'a> Sheet<'a> {
    /// The sheet of a plan's state, with what the person typed.
    fn new(s: &'a PlanState, plan: &Plan, typed: &'a Typed) -> Self {
        let mut by_item: HashMap<Uuid, Vec<&Indicator>> = HashMap::new();
        for n in &s.indicators {
            by_item.entry(n.item_id).or_default().push(n);
        }
        Sheet {
            s,
            years: plan.years(),
            pagu_years: plan.pagu_years(),
            depth: depth_of(&s.items),
            by_item,
            typed,
        }
    }

    /// The rows the filter keeps with their sums, and every agency and level to filter by.
    fn listing(&self, user: Option<&CurrentUser>, plan: &Plan, f: &Filter) -> Listing {
        let pd = Uuid::parse_str(f.pd.trim()).ok();
        let level = Level::parse(f.level.trim());
        let mut out = Listing {
            rows: Vec::new(),
            sums: Vec::new(),
            agencies: Vec::new(),
            levels: Vec::new(),
        };
        for item in &self.s.items {
            if let (Some(id), Some(name)) = (item.responsible_org_id, &item.responsible_name)
                && !out.agencies.iter().any(|(a, _)| *a == id)
            {
                out.agencies.push((id, name.clone()));
            }
            if !out.levels.contains(&item.level) {
                out.levels.push(item.level);
            }
            if pd.is_some_and(|p| item.responsible_org_id != Some(p))
                || level.is_some_and(|l| item.level != l)
            {
                continue;
            }
            if item.level.has_pagu() {
                let amounts = self.amounts(item);
                match out.sums.iter_mut().find(|(l, _)| *l == item.level) {
                    Some((_, total)) => total.iter_mut().zip(&amounts).for_each(|(t, a)| *t += *a),
                    None => out.sums.push((item.level, amounts)),
                }
            }
            out.rows.push(self.row(item, may_edit(user, plan, item)));
        }
        out.agencies.sort_by(|a, b| a.1.cmp(&b.1));
        out
    }
}

fn build(
    user: Option<&CurrentUser>,
    plan: Plan,
    s: &PlanState,
    f: &Filter,
    typed: &Typed,
) -> TablePage {
    let sheet = Sheet::new(s, &plan, typed);
    let listed = sheet.listing(user, &plan, f);
    TablePage {
        nav: Nav::for_visitor(user),
        years: sheet.years.clone(),
        pagu_years: sheet.pagu_years.clone(),
        editable: listed.rows.iter().any(|r| r.editable),
        rows: listed.rows,
        sums: listed.sums.into_iter().map(shown_sum).collect(),
        agencies: listed.agencies,
        levels: listed.levels,
        pd: f.pd.trim().to_string(),
        level: f.level.trim().to_string(),
        alasan: String::new(),
        alasan_error: None,
        alert: None,
        notice: f
            .tersimpan
            .map(|n| crate::i18n::tf!("nilai-tersimpan", n = n)),
        plan,
    }
}

async fn page(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    Query(f): Query<Filter>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, user.as_ref(), id).await?;
    let s = imports::state(&state.db, &plan).await?;
    Ok(build(user.as_ref(), plan, &s, &f, &Typed::default()).into_response())
}

/// Saves every changed cell at once, or none: a cell that cannot be read
/// or may not be changed, or a row changed by someone else since the form
/// was opened, sends the whole table back with what was typed.
async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (f, alasan) = read_filter(&fields);
    let plan = match editable_plan(&state, &user, id).await {
        Ok(p) => p,
        Err(AppError::Forbidden(why)) => {
            return closed_while_typing(&state, &user, id, &f, &fields, why).await;
        }
        Err(e) => return Err(e),
    };
    let s = imports::state(&state.db, &plan).await?;
    let (preview, typed, band_errors) = check(&user, &plan, &s, &fields);
    let needs_reason = plan.is_perubahan() && !(5..=2000).contains(&alasan.chars().count());
    let refused = !preview.errors.is_empty() || !preview.conflicts.is_empty() || band_errors > 0;
    if refused || (needs_reason && !preview.changes.is_empty()) {
        let mut page = build(Some(&user), plan, &s, &f, &typed);
        page.alasan = alasan;
        if needs_reason {
            page.alasan_error =
                Some(crate::i18n::t("setiap-perubahan-dalam-rkpd-perubahan-memerlukan").into());
        }
        page.alert = Some(refusal(&preview, band_errors));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let n = preview.changes.len();
    if n > 0 && !write(&state, &user, &plan, &preview.changes, &alasan).await? {
        let mut page = build(Some(&user), plan, &s, &f, &typed);
        page.alasan = alasan;
        page.alert = Some(crate::i18n::t("rencana-ini-diubah-orang-lain-tepat").into());
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    Ok(Redirect::to(&saved_url(id, n, &f)).into_response())
}

/// The filter the form was opened with, and the reason as typed.
fn read_filter(fields: &[(String, String)]) -> (Filter, String) {
    let field = |n: &str| {
        fields
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let f = Filter {
        pd: field("_pd"),
        level: field("_level"),
        tersimpan: None,
    };
    (f, field("alasan").trim().to_string())
}

/// Writes the typed changes in one transaction; false when someone else wrote first.
async fn write(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    changes: &[Change],
    alasan: &str,
) -> Result<bool, AppError> {
    match imports::apply_typed(&state.db, user.id, plan, changes, alasan).await {
        Ok(_) => Ok(true),
        Err(ApplyError::Conflict | ApplyError::AlreadyApplied) => Ok(false),
        Err(ApplyError::Db(e)) => Err(e.into()),
    }
}

/// The table again after saving, with how many values were saved and the same filter.
fn saved_url(id: Uuid, n: usize, f: &Filter) -> String {
    let mut back = format!("/rencana/{id}/tabel?tersimpan={n}");
    for (k, v) in [("pd", &f.pd), ("level", &f.level)] {
        if !v.trim().is_empty() {
            back.push_str(&format!("&{k}={}", crate::format::url_encode(v.trim())));
        }
    }
    back
}

/// The typed table compared with the plan now: the preview, what to show
/// beside which cell (errors, the band rules, rows others changed), and
/// how many band problems there are.
fn check(
    user: &CurrentUser,
    plan: &Plan,
    s: &PlanState,
    fields: &[(String, String)],
) -> (target_pagu::Preview, Typed, usize) {
    let cells = target_pagu::read_form(fields);
    let items: HashMap<Uuid, &Item> = s.items.iter().map(|i| (i.id, i)).collect();
    let now = s.now(plan);
    let (rows, errors) = (cells.rows.clone(), cells.errors.clone());
    let preview = target_pagu::compare(rows, errors, &now, |item, key| match items.get(&item) {
        Some(i) => may(user, plan, i, key),
        None => Err("tidak ada di rencana ini.".into()),
    });
    let mut typed = Typed {
        values: fields.iter().cloned().collect(),
        ..Typed::default()
    };
    // The band rules of the indicator form hold here too.
    let polaritas: HashMap<Uuid, Polaritas> =
        s.indicators.iter().map(|n| (n.id, n.polaritas)).collect();
    let bands = target_pagu::band_problems(&preview.changes, &now, |i| polaritas.get(&i).copied());
    let band_errors = bands.len();
    let said = preview
        .errors
        .iter()
        .map(|e| (e.row, e.message.clone()))
        .chain(bands);
    for (row, message) in said {
        if let Some(name) = cells.field(row) {
            typed.errors.insert(name.to_string(), message);
        }
    }
    for c in &preview.conflicts {
        let said = typed.conflicts.entry(row_id(c)).or_default();
        if !said.is_empty() {
            said.push_str("; ");
        }
        said.push_str(&format!(
            "{} {}: {}",
            c.key.what(),
            c.key.year(),
            c.after.display()
        ));
    }
    (preview, typed, band_errors)
}

/// The stage moved or its schedule closed while the person typed: the
/// table comes back read-only, with what they typed in words.
async fn closed_while_typing(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
    f: &Filter,
    fields: &[(String, String)],
    why: String,
) -> Result<Response, AppError> {
    let plan = readable_plan(state, Some(user), id).await?;
    let s = imports::state(&state.db, &plan).await?;
    let cells = target_pagu::read_form(fields);
    let p = target_pagu::compare(cells.rows, cells.errors, &s.now(&plan), |_, _| Ok(()));
    let typed: Vec<String> = p
        .changes
        .iter()
        .chain(&p.conflicts)
        .map(|c| format!("{} {}: {}", c.label, c.key.year(), c.after.display()))
        .collect();
    let mut page = build(Some(user), plan, &s, f, &Typed::default());
    page.alert = Some(if typed.is_empty() {
        crate::i18n::tf!("tidak-tersimpan", why = why)
    } else {
        crate::i18n::tf!(
            "tidak-tersimpan-isian-anda",
            why = why,
            a1 = typed.join("; ")
        )
    });
    Ok((StatusCode::FORBIDDEN, page).into_response())
}

/// The indicator or item a change belongs to.
fn row_id(c: &Change) -> Uuid {
    match c.key {
        Key::Target { indicator, .. } | Key::Realisasi { indicator, .. } => indicator,
        Key::Pagu { item, .. } => item,
    }
}

/// The message over a refused table.
fn refusal(p: &target_pagu::Preview, band_errors: usize) -> String {
    let mut parts = Vec::new();
    if !p.errors.is_empty() || band_errors > 0 {
        parts.push(crate::i18n::tf!(
            "isian-tidak-dapat-diterima-ditandai",
            a1 = p.errors.len() + band_errors
        ));
    }
    if !p.conflicts.is_empty() {
        parts.push(crate::i18n::tf!(
            "baris-diubah-orang-lain-sejak-halaman",
            a1 = count_rows(&p.conflicts)
        ));
    }
    if parts.is_empty() {
        return crate::i18n::t("isi-alasan-perubahan-lalu-simpan-lagi").into();
    }
    crate::i18n::tf!("belum-ada-yang-disimpan-isian-anda", a1 = parts.join("; "))
}

fn count_rows(changes: &[Change]) -> usize {
    changes.iter().map(row_id).collect::<HashSet<_>>().len()
}
