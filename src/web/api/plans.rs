//! Enacted plans, their items (with indicators and pagu) and their Cek.

use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{Allowed, ApiError, ApiPath, ApiQuery, answer, code, id_cursor, limit, page, types};
use crate::app::AppState;
use crate::auth::policy;
use crate::domain::plan::PlanKind;
use crate::store::open_data::{self, PlanFilter};
use crate::store::plans::Plan;
use crate::web::reader::Reader;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// A region code: its own plans and those of every region inside it
    /// (`33` gives Jawa Tengah and its kabupaten/kota).
    region: Option<String>,
    /// rpjpd, rpjmd, renstra, rkpd, rkpd_perubahan, renja, rpjmdes or rkpdes.
    kind: Option<String>,
    /// Plans whose period covers this year.
    year: Option<String>,
    /// Rows per page, 1–500 (100 when absent).
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

/// Enacted plans, oldest first.
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans", params(ListParams),
    responses(
        (status = 200, description = "A page of enacted plans", body = types::PlanPage),
        (status = 400, description = "A filter that cannot be read", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn list(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    uri: Uri,
    ApiQuery(q): ApiQuery<ListParams>,
) -> Result<Response, ApiError> {
    let n = limit(q.limit.as_deref())?;
    let filter = PlanFilter {
        wilayah: code("region", q.region.as_deref())?,
        kind: match q.kind.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(k) => Some(
                PlanKind::parse(k)
                    .ok_or_else(|| ApiError::bad_request("kind tidak dikenal: rpjpd, rpjmd, renstra, rkpd, rkpd_perubahan, renja, rpjmdes atau rkpdes."))?,
            ),
        },
        year: year(q.year.as_deref())?,
    };
    let after = id_cursor(q.cursor.as_deref())?;
    let rows = open_data::plans(&state.db, &filter, after, n + 1).await?;
    // Paged as fetched, then each row asked of the policy: a row it
    // refused would shorten the page, never end the list early.
    let (data, next_cursor, next) = page(
        rows,
        n,
        |p| p.id.to_string(),
        |p| public(&p).then(|| to_plan(p)),
        &uri,
    );
    Ok(answer(
        &headers,
        &types::PlanPage {
            data: data.into_iter().flatten().collect(),
            next_cursor,
            next,
        },
    ))
}

pub(super) fn year(raw: Option<&str>) -> Result<Option<i32>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => match s.parse::<i32>() {
            Ok(y) if (2000..=2100).contains(&y) => Ok(Some(y)),
            _ => Err(ApiError::bad_request(
                "year harus tahun empat angka, misalnya 2026.",
            )),
        },
    }
}

/// What the page rule says of a plan for a visitor without an account,
/// narrowed to enacted: the API serves no draft, not even one in
/// consultation. The store reads enacted plans only; this is the policy's
/// word on each, the same as the plan page's.
fn public(p: &Plan) -> bool {
    p.stage == crate::domain::plan::Stage::Ditetapkan
        && policy::can_view_plan(
            None,
            policy::PlanRef {
                region: &p.region_kode,
                kind: p.kind,
                owner_org: p.owner_org_id,
                stage: p.stage,
                window: crate::domain::stage::Window::Open,
            },
        )
        .is_ok()
}

fn to_plan(p: Plan) -> types::Plan {
    let enacted_parent = p.parent_stage == Some(crate::domain::plan::Stage::Ditetapkan);
    types::Plan {
        html: format!("/rencana/{}", p.id),
        items: format!("/api/v1/plans/{}/items", p.id),
        checks: format!("/api/v1/plans/{}/checks", p.id),
        id: p.id,
        region: types::RegionRef {
            kode: p.region_kode,
            name: p.region_nama,
        },
        kind: p.kind,
        title: p.title,
        first_year: p.first_year,
        last_year: p.last_year,
        stage: p.stage,
        version: p.version,
        owner_agency: p.owner_name,
        parent_id: p.parent_id.filter(|_| enacted_parent),
        item_count: p.item_count,
    }
}

/// The enacted plan `id`, or 404 (a draft is not found).
async fn enacted(state: &AppState, id: &str) -> Result<Plan, ApiError> {
    let Ok(id) = id.parse::<Uuid>() else {
        return Err(ApiError::not_found("Rencana"));
    };
    open_data::plan(&state.db, id)
        .await?
        .filter(public)
        .ok_or_else(|| ApiError::not_found("Rencana"))
}

/// One enacted plan.
#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans",
    params(("id" = Uuid, Path, description = "The plan's id")),
    responses(
        (status = 200, description = "The plan", body = types::Plan),
        (status = 400, description = "An id that cannot be read", body = types::Error),
        (status = 404, description = "No enacted plan has this id", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn show(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let plan = enacted(&state, &id).await?;
    Ok(answer(&headers, &to_plan(plan)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Rows per page, 1–500 (100 when absent).
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

/// The items of an enacted plan (its cascade, every level), each with
/// its indicators (targets and realisasi per year) and pagu per year.
/// `parent_id` rebuilds the tree.
#[utoipa::path(get, path = "/api/v1/plans/{id}/items", tag = "plans",
    params(("id" = Uuid, Path, description = "The plan's id"), PageParams),
    responses(
        (status = 200, description = "A page of the plan's items", body = types::ItemPage),
        (status = 400, description = "An id, limit or cursor that cannot be read", body = types::Error),
        (status = 404, description = "No enacted plan has this id", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn items(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    uri: Uri,
    ApiPath(id): ApiPath<String>,
    ApiQuery(q): ApiQuery<PageParams>,
) -> Result<Response, ApiError> {
    let plan = enacted(&state, &id).await?;
    let n = limit(q.limit.as_deref())?;
    let after = id_cursor(q.cursor.as_deref())?;
    let mut got = open_data::items(&state.db, &plan.region_kode, plan.id, after, n + 1).await?;
    let items = std::mem::take(&mut got.items);
    let (data, next_cursor, next) = page(
        items,
        n,
        |i| i.id.to_string(),
        |i| to_item(i, &mut got),
        &uri,
    );
    Ok(answer(
        &headers,
        &types::ItemPage {
            data,
            next_cursor,
            next,
        },
    ))
}

fn to_item(i: crate::store::plans::items::Item, got: &mut open_data::ItemPage) -> types::Item {
    let pagu = got
        .pagu
        .remove(&i.id)
        .unwrap_or_default()
        .into_iter()
        .map(|(year, amount)| types::Pagu {
            year,
            amount: amount.amount(),
        })
        .collect();
    let indicators = got
        .indicators
        .remove(&i.id)
        .unwrap_or_default()
        .into_iter()
        .map(|n| {
            let years = got.years.remove(&n.id).unwrap_or_default();
            to_indicator(n, years)
        })
        .collect();
    types::Item {
        id: i.id,
        plan_id: i.plan_id,
        parent_id: i.parent_id,
        level: i.level,
        position: i.position,
        kode: i.kode,
        name: i.nama,
        description: i.description,
        responsible_agency: i.responsible_name,
        lokasi: i.lokasi,
        sumber_dana: i.sumber_dana,
        pagu,
        indicators,
    }
}

fn to_indicator(
    n: crate::store::plans::indicators::Indicator,
    years: Vec<crate::store::plans::indicators::Year>,
) -> types::Indicator {
    types::Indicator {
        years: years
            .into_iter()
            .map(|y| types::IndicatorYear {
                year: y.year,
                target: y.target,
                target_max: y.target_max,
                realisasi: y.realisasi,
            })
            .collect(),
        id: n.id,
        name: n.name,
        satuan: n.satuan,
        definition: n.definition,
        data_source: n.data_source,
        polaritas: n.polaritas,
        kondisi_awal: n.kondisi_awal,
        kondisi_awal_year: n.kondisi_awal_tahun,
        kondisi_akhir: n.kondisi_akhir,
        kondisi_akhir_max: n.kondisi_akhir_max,
    }
}

/// The Cek of an enacted plan: the findings of the 13 alignment rules,
/// as its Cek page shows them to the public.
#[utoipa::path(get, path = "/api/v1/plans/{id}/checks", tag = "plans",
    params(("id" = Uuid, Path, description = "The plan's id")),
    responses(
        (status = 200, description = "The plan's findings", body = types::Checks),
        (status = 400, description = "An id that cannot be read", body = types::Error),
        (status = 404, description = "No enacted plan has this id", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn checks(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let plan = enacted(&state, &id).await?;
    let findings =
        crate::web::checks::run_quoting(&state, &plan, crate::domain::checks::Quoting::Enacted)
            .await?;
    let findings = findings
        .iter()
        .map(|f| types::Finding {
            rule: f.rule.to_string(),
            severity: f.severity,
            message: f.message.clone(),
            items: f
                .items
                .iter()
                .map(|(id, label)| types::FindingItem {
                    id: *id,
                    label: label.clone(),
                })
                .collect(),
            detail: f
                .detail
                .iter()
                .map(|(label, value)| types::FindingDetail {
                    label: label.clone(),
                    value: value.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(answer(
        &headers,
        &types::Checks {
            plan_id: plan.id,
            plan_version: plan.version,
            findings,
        },
    ))
}
