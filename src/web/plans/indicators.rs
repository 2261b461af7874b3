//! Indicators: the indicator page (table and chart), adding one to an
//! item, editing it with its yearly targets and realisasi.

use crate::web::filters;
use std::collections::{BTreeMap, HashMap};

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::chart::{self, Point};
use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can};
use crate::domain::indicator::{Polaritas, Target, format_nilai, parse_nilai, target_problems};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::SaveError;
use crate::store::plans::Plan;
use crate::store::plans::indicators::{self, Indicator, IndicatorFields, Year};
use crate::store::plans::items::{self, Item};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/item/{id}/indikator/baru", get(new_form).post(create))
        .route("/indikator/{id}", get(show).post(update))
        .route("/indikator/{id}/samakan", post(match_reference))
        .route("/indikator/{id}/realisasi", post(record_realisasi))
}

type Values = HashMap<String, String>;

fn values_of(ind: &Indicator, years: &[Year]) -> Values {
    let mut v = Values::new();
    let n = |d: Option<Decimal>| d.map(format_nilai).unwrap_or_default();
    v.insert("name".into(), ind.name.clone());
    v.insert("satuan".into(), ind.satuan.clone());
    v.insert("definition".into(), ind.definition.clone());
    v.insert("data_source".into(), ind.data_source.clone());
    v.insert("polaritas".into(), ind.polaritas.as_str().into());
    v.insert("kondisi_awal".into(), n(ind.kondisi_awal));
    v.insert(
        "kondisi_awal_tahun".into(),
        ind.kondisi_awal_tahun
            .map(|y| y.to_string())
            .unwrap_or_default(),
    );
    v.insert("kondisi_akhir".into(), n(ind.kondisi_akhir));
    v.insert("kondisi_akhir_max".into(), n(ind.kondisi_akhir_max));
    v.insert("version".into(), ind.version.to_string());
    for y in years {
        v.insert(format!("target_{}", y.year), n(y.target));
        v.insert(format!("target_max_{}", y.year), n(y.target_max));
        v.insert(format!("realisasi_{}", y.year), n(y.realisasi));
    }
    v
}

/// The indicator form's values checked by the domain's rules for this
/// plan's years.
fn parse(plan: &Plan, v: &Values) -> Result<IndicatorFields, FieldErrors> {
    crate::domain::indicator::parse_form(v, &plan.years(), plan.is_perubahan())
}

struct YearRow {
    year: i32,
    target: String,
    realisasi: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/indicator.html")]
struct ShowPage {
    nav: Nav,
    plan: Plan,
    item: Item,
    indicator: Indicator,
    rows: Vec<YearRow>,
    chart: String,
    warnings: Vec<String>,
    can_edit: bool,
    /// Realisasi alone, on an enacted plan.
    can_record: bool,
    form: Values,
    errors: FieldErrors,
    conflict: bool,
    years: Vec<i32>,
    polaritas: [Polaritas; 3],
    thread: crate::web::comments::Thread,
    /// The targets of the indicator this one follows (an RKPD indicator's
    /// RPJMD indicator), by year, shown next to the inputs (K06).
    reference: HashMap<i32, String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/indicator_new.html")]
struct NewPage {
    nav: Nav,
    plan: Plan,
    item: Item,
    form: Values,
    errors: FieldErrors,
    years: Vec<i32>,
    polaritas: [Polaritas; 3],
    reference: HashMap<i32, String>,
}

impl ShowPage {
    fn reference_of(&self, y: &i32) -> String {
        self.reference.get(y).cloned().unwrap_or_else(|| "–".into())
    }
    fn v(&self, k: &str) -> String {
        self.form.get(k).cloned().unwrap_or_default()
    }
    fn vy(&self, prefix: &str, y: &i32) -> String {
        self.form
            .get(&format!("{prefix}_{y}"))
            .cloned()
            .unwrap_or_default()
    }
}

impl NewPage {
    fn reference_of(&self, y: &i32) -> String {
        self.reference.get(y).cloned().unwrap_or_else(|| "–".into())
    }
    fn v(&self, k: &str) -> String {
        self.form.get(k).cloned().unwrap_or_default()
    }
    fn vy(&self, prefix: &str, y: &i32) -> String {
        self.form
            .get(&format!("{prefix}_{y}"))
            .cloned()
            .unwrap_or_default()
    }
}

/// The indicator's page again with the form as typed and its errors (422).
async fn refused(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    indicator: Indicator,
    typed: Values,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = show_page(
        state,
        Some(user),
        plan,
        item,
        indicator,
        Some(typed),
        errors,
        false,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[allow(clippy::too_many_arguments)]
async fn show_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: Plan,
    item: Item,
    indicator: Indicator,
    form: Option<Values>,
    errors: FieldErrors,
    conflict: bool,
) -> Result<ShowPage, AppError> {
    let years_of = indicators::years_for(
        &state.db,
        std::slice::from_ref(&indicator.region_kode),
        &[indicator.id],
    )
    .await?;
    let ys = years_of.get(&indicator.id).cloned().unwrap_or_default();
    let (rows, chart) = by_year(&plan, &indicator, &ys);
    let targets: Vec<(i32, Target)> = ys
        .iter()
        .filter_map(|y| y.target().map(|t| (y.year, t)))
        .collect();
    let warnings = target_problems(indicator.polaritas, &targets);
    let (can_edit, can_record) = editing(user, &plan, &item);
    let thread = comments_on(state, user, &plan, indicator.id).await?;
    let reference = reference_targets(state, user, &indicator).await?;
    Ok(ShowPage {
        reference,
        thread,
        nav: Nav::for_visitor(user),
        form: form.unwrap_or_else(|| values_of(&indicator, &ys)),
        years: plan.years(),
        plan,
        item,
        indicator,
        rows,
        chart,
        warnings,
        can_edit,
        can_record,
        errors,
        conflict,
        polaritas: Polaritas::ALL,
    })
}

/// The comments on an indicator, as `user` may read them, with whether
/// they follow it.
async fn comments_on(
    state: &AppState,
    user: Option<&CurrentUser>,
    plan: &Plan,
    indicator: Uuid,
) -> Result<crate::web::comments::Thread, AppError> {
    let thread = crate::web::comments::thread(
        user,
        plan,
        &crate::store::comments::for_target(&state.db, &plan.region_kode, indicator).await?,
        crate::domain::comment::Target::Indicator,
        Some(indicator),
        Vec::new(),
        format!("/indikator/{indicator}"),
    );
    crate::web::comments::with_follow(state, &plan.region_kode, user, thread, indicator).await
}

/// The indicator's years as table rows (target or band, realisasi) and
/// as its chart.
fn by_year(plan: &Plan, indicator: &Indicator, ys: &[Year]) -> (Vec<YearRow>, String) {
    let by_year: HashMap<i32, Year> = ys.iter().map(|y| (y.year, *y)).collect();
    let dash = || "–".to_string();
    let rows = plan
        .years()
        .into_iter()
        .map(|y| {
            let v = by_year.get(&y);
            YearRow {
                year: y,
                target: v
                    .and_then(|v| v.target())
                    .map(|t| t.display())
                    .unwrap_or_else(dash),
                realisasi: v
                    .and_then(|v| v.realisasi)
                    .map(format_nilai)
                    .unwrap_or_else(dash),
            }
        })
        .collect();
    let points: Vec<Point> = plan
        .years()
        .into_iter()
        .map(|y| Point {
            year: y,
            target: by_year.get(&y).and_then(|v| v.target()),
            realisasi: by_year.get(&y).and_then(|v| v.realisasi),
        })
        .collect();
    let awal = indicator
        .kondisi_awal
        .zip(indicator.kondisi_awal_tahun)
        .map(|(v, y)| (y, v));
    let chart = chart::svg(&indicator.name, indicator.polaritas, awal, &points);
    (rows, chart)
}

/// Whether the reader may edit the indicator, or else record its
/// realisasi (an enacted plan's agency).
fn editing(user: Option<&CurrentUser>, plan: &Plan, item: &Item) -> (bool, bool) {
    let may = |action: fn(
        crate::auth::policy::PlanRef<'_>,
        Option<Uuid>,
        crate::domain::plan::Level,
    ) -> Action<'_>| {
        user.is_some_and(|u| {
            can(
                u,
                action(plan_ref(plan), item.responsible_org_id, item.level),
            )
            .is_ok()
        })
    };
    let can_edit = may(|plan, responsible, level| Action::EditItem {
        plan,
        responsible,
        level,
    });
    let can_record = !can_edit
        && may(|plan, responsible, level| Action::RecordRealisasi {
            plan,
            responsible,
            level,
        });
    (can_edit, can_record)
}

/// The targets of the indicator it follows, by year, if the reader may
/// read the plan that holds it.
async fn reference_targets(
    state: &AppState,
    user: Option<&CurrentUser>,
    indicator: &Indicator,
) -> Result<HashMap<i32, String>, AppError> {
    let Some(src) = indicator.source_indicator_id else {
        return Ok(HashMap::new());
    };
    // The region of the indicator it follows, if the reader may read it.
    let readable = match indicators::get(&state.db, src).await? {
        Some(si) => match crate::store::plans::get(&state.db, si.plan_id).await? {
            Some(sp) if crate::auth::policy::can_view_plan(user, super::plan_ref(&sp)).is_ok() => {
                Some(si.region_kode)
            }
            _ => None,
        },
        None => None,
    };
    let Some(region) = readable else {
        return Ok(HashMap::new());
    };
    Ok(indicators::years_for(&state.db, &[region], &[src])
        .await?
        .remove(&src)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|y| y.target().map(|t| (y.year, t.display())))
        .collect())
}

/// Realisasi of an enacted plan's indicator: only realisasi changes.
async fn record_realisasi(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(v): Form<Values>,
) -> Result<Response, AppError> {
    let (indicator, plan, item) = for_realisasi(&state, &user, id).await?;
    let version: i32 = v.get("version").and_then(|s| s.parse().ok()).unwrap_or(0);
    let outcome = match read_realisasi(&plan, &v) {
        Ok(realisasi) => {
            indicators::record_realisasi(&state.db, user.id, &plan, &indicator, version, &realisasi)
                .await
        }
        Err(errors) => Err(SaveError::Fields(errors)),
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/indikator/{id}")).into_response()),
        Err(SaveError::Fields(errors)) => {
            let mut mine = v;
            mine.insert("version".into(), indicator.version.to_string());
            refused(&state, &user, plan, item, indicator, mine, errors).await
        }
        Err(SaveError::Conflict) => conflict_page(&state, &user, plan, item, id, Some(v)).await,
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// An indicator whose realisasi the person may record, with its plan and item.
async fn for_realisasi(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Indicator, Plan, Item), AppError> {
    let indicator = indicators::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(state, Some(user), indicator.plan_id).await?;
    let item = items::get_in(&state.db, &indicator.region_kode, indicator.item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        user,
        Action::RecordRealisasi {
            plan: plan_ref(&plan),
            responsible: item.responsible_org_id,
            level: item.level,
        },
    )?;
    Ok((indicator, plan, item))
}

/// The realisasi typed per year of the plan (none for an empty field), or what could not be read.
fn read_realisasi(plan: &Plan, v: &Values) -> Result<BTreeMap<i32, Option<Decimal>>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut realisasi = BTreeMap::new();
    for y in plan.years() {
        let key = format!("realisasi_{y}");
        match v.get(&key).map(|s| s.trim()).unwrap_or("") {
            "" => {
                realisasi.insert(y, None);
            }
            raw => match parse_nilai(raw) {
                Ok(d) => {
                    realisasi.insert(y, Some(d));
                }
                Err(m) => errors.add(key, m),
            },
        }
    }
    if errors.is_empty() {
        Ok(realisasi)
    } else {
        Err(errors)
    }
}

/// The indicator page after someone else saved first, with what was typed over the newest version.
async fn conflict_page(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    id: Uuid,
    typed: Option<Values>,
) -> Result<Response, AppError> {
    let fresh = indicators::get_in(&state.db, &plan.region_kode, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = typed.map(|mut mine| {
        mine.insert("version".into(), fresh.version.to_string());
        mine
    });
    let page = show_page(
        state,
        Some(user),
        plan,
        item,
        fresh,
        form,
        FieldErrors::default(),
        true,
    )
    .await?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

async fn show(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    axum::extract::Query(q): axum::extract::Query<super::CommentPage>,
) -> Result<Response, AppError> {
    let indicator = indicators::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(&state, user.as_ref(), indicator.plan_id).await?;
    let item = items::get_in(&state.db, &indicator.region_kode, indicator.item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut page = show_page(
        &state,
        user.as_ref(),
        plan,
        item,
        indicator,
        None,
        FieldErrors::default(),
        false,
    )
    .await?;
    page.thread = page.thread.at_page(q.komentar);
    Ok(page.into_response())
}

/// An item that carries indicators, loaded for a change.
async fn item_with_indicators(
    state: &AppState,
    user: &CurrentUser,
    item_id: Uuid,
) -> Result<(Plan, Item), AppError> {
    let (plan, item) = super::editable_item(state, user, item_id).await?;
    if !item.level.has_indicators() {
        return Err(AppError::BadRequest(crate::i18n::tf!(
            "tidak-memiliki-indikator",
            a1 = crate::i18n::label(item.level.label())
        )));
    }
    Ok((plan, item))
}

async fn new_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (plan, item) = item_with_indicators(&state, &user, id).await?;
    let mut form = Values::new();
    form.insert("polaritas".into(), "naik".into());
    Ok(NewPage {
        nav: Nav::for_user(&user),
        years: plan.years(),
        plan,
        item,
        form,
        errors: FieldErrors::default(),
        polaritas: Polaritas::ALL,
        reference: HashMap::new(),
    }
    .into_response())
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(v): Form<Values>,
) -> Result<Response, AppError> {
    let (plan, item) = item_with_indicators(&state, &user, id).await?;
    let fields = match parse(&plan, &v) {
        Ok(f) => f,
        Err(errors) => {
            let page = NewPage {
                nav: Nav::for_user(&user),
                years: plan.years(),
                plan,
                item,
                form: v,
                errors,
                polaritas: Polaritas::ALL,
                reference: HashMap::new(),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let reason = v.get("reason").map(|s| s.trim()).unwrap_or("");
    let new_id = crate::store::atomic(&state.db, async |tx| {
        indicators::create(tx, Some(user.id), &plan, &item, &fields, None, reason).await
    })
    .await?;
    Ok(Redirect::to(&format!("/indikator/{new_id}")).into_response())
}

async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(v): Form<Values>,
) -> Result<Response, AppError> {
    let indicator = indicators::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (plan, item) = item_with_indicators(&state, &user, indicator.item_id).await?;
    let fields = match parse(&plan, &v) {
        Ok(f) => f,
        Err(errors) => return refused(&state, &user, plan, item, indicator, v, errors).await,
    };
    let version: i32 = v.get("version").and_then(|s| s.parse().ok()).unwrap_or(0);
    let years = indicators::years_for(
        &state.db,
        std::slice::from_ref(&indicator.region_kode),
        &[id],
    )
    .await?
    .remove(&id)
    .unwrap_or_default();
    let reason = v.get("reason").map(|s| s.trim()).unwrap_or("");
    match crate::store::atomic(&state.db, async |tx| {
        indicators::update(
            tx, user.id, &plan, &indicator, &years, version, &fields, reason,
        )
        .await
    })
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/indikator/{id}")).into_response()),
        Err(SaveError::Conflict) => conflict_page(&state, &user, plan, item, id, Some(v)).await,
        Err(e) => Err(e.into()),
    }
}

/// Takes the targets of the indicator this one follows (an RKPD
/// indicator's RPJMD indicator) for every year of the plan: the fix of a
/// K06 finding in one step. Realisasi and the other fields stay; an RKPD
/// Perubahan changes through the form, where a reason is asked.
async fn match_reference(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(v): Form<Values>,
) -> Result<Response, AppError> {
    let indicator = indicators::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (plan, item) = item_with_indicators(&state, &user, indicator.item_id).await?;
    let Some(src) = indicator
        .source_indicator_id
        .filter(|_| !plan.is_perubahan())
    else {
        return Err(AppError::BadRequest(
            "Indikator ini tidak mengacu indikator dokumen lain (atau rencana ini RKPD Perubahan: ubah targetnya lewat formulir beserta alasannya).".into(),
        ));
    };
    // The one it follows is a copy's source: of its region (or, to be
    // safe, its province).
    let around = crate::store::plans::regions_around(&indicator.region_kode);
    let mut years = indicators::years_for(&state.db, &around, &[id, src]).await?;
    let mine = years.remove(&id).unwrap_or_default();
    let theirs = years.remove(&src).unwrap_or_default();
    let fields = matched(&plan, &indicator, &mine, &theirs);
    let version: i32 = v.get("version").and_then(|s| s.parse().ok()).unwrap_or(0);
    // Not offered in an RKPD Perubahan, where a reason is asked: no log.
    match crate::store::atomic(&state.db, async |tx| {
        indicators::update(tx, user.id, &plan, &indicator, &mine, version, &fields, "").await
    })
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/indikator/{id}")).into_response()),
        Err(SaveError::Conflict) => conflict_page(&state, &user, plan, item, id, None).await,
        Err(e) => Err(e.into()),
    }
}

/// The indicator's fields with the targets of the one it follows in every year of the plan.
fn matched(plan: &Plan, indicator: &Indicator, mine: &[Year], theirs: &[Year]) -> IndicatorFields {
    let mut fields = IndicatorFields::of(indicator, mine);
    for y in plan.years() {
        let reference = theirs.iter().find(|t| t.year == y);
        let entry = fields.years.entry(y).or_insert((None, None, None));
        entry.0 = reference.and_then(|t| t.target);
        entry.1 = reference.and_then(|t| t.target_max);
    }
    fields
        .years
        .retain(|_, (t, m, r)| t.is_some() || m.is_some() || r.is_some());
    fields
}
