//! Proposals as the public reads them, with their timelines.

use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    Allowed, ApiError, ApiPath, ApiQuery, answer, code, id_cursor, limit, moment, page, types,
};
use crate::domain::plan::Stage;
use crate::domain::proposal::{Source, Status};
use crate::store::proposals::{self, Filter, Proposal};
use crate::web::reader::Reader;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// A kabupaten/kota code (the pemda addressed), or a kecamatan, desa or
    /// kelurahan code (the place).
    region: Option<String>,
    /// diajukan, diteruskan_kecamatan, diteruskan_kabkota, diverifikasi,
    /// diakomodir, ditolak, ditunda, digabung or dipecah.
    status: Option<String>,
    /// musrenbang, aspirasi, pokir or renja.
    source: Option<String>,
    /// The year it asks a budget for.
    year: Option<String>,
    /// Rows per page, 1–500 (100 when absent).
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

impl ListParams {
    fn filter(&self) -> Result<Filter, ApiError> {
        let mut f = Filter::default();
        if let Some(kode) = code("region", self.region.as_deref())? {
            let parts: Vec<&str> = kode.split('.').collect();
            match parts.len() {
                2 => f.region = Some(kode),
                3 | 4 => {
                    f.region = Some(parts[..2].join("."));
                    f.kecamatan = Some(kode);
                }
                _ => {
                    return Err(ApiError::bad_request(
                        "region harus kode kabupaten/kota (33.71) atau tempat di dalamnya (33.71.01).",
                    ));
                }
            }
        }
        if let Some(s) = self
            .status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            f.status = Some(
                Status::parse(s).ok_or_else(|| ApiError::bad_request("status tidak dikenal."))?,
            );
        }
        if let Some(s) = self
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            f.source = Some(Source::parse(s).ok_or_else(|| {
                ApiError::bad_request(
                    "source tidak dikenal: musrenbang, aspirasi, pokir atau renja.",
                )
            })?);
        }
        f.year = super::plans::year(self.year.as_deref())?;
        Ok(f)
    }
}

/// Proposals, in the order they were sent.
#[utoipa::path(get, path = "/api/v1/proposals", tag = "proposals", params(ListParams),
    responses(
        (status = 200, description = "A page of proposals", body = types::ProposalPage),
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
    let filter = q.filter()?;
    let after = id_cursor(q.cursor.as_deref())?;
    let rows = proposals::after(&state.db, &filter, after, n + 1).await?;
    let (data, next_cursor, next) = page(rows, n, |p| p.id.to_string(), to_proposal, &uri);
    Ok(answer(
        &headers,
        &types::ProposalPage {
            data,
            next_cursor,
            next,
        },
    ))
}

/// The plan line that took a proposal up is named only when that plan is
/// enacted (the API's rule for plans), and the policy lets the public
/// read it.
fn to_proposal(mut p: Proposal) -> types::Proposal {
    p.keep_line_if(|region, stage| {
        stage == Stage::Ditetapkan && crate::web::proposals::readable_stage(None, region, stage)
    });
    let accepted = match (
        p.accepted_plan_id,
        p.accepted_item_id,
        p.accepted_item_label,
    ) {
        (Some(plan_id), Some(item_id), Some(item_label)) => Some(types::Accepted {
            plan_id,
            item_id,
            item_label,
            volume: p.accepted_volume,
            pagu: p.accepted_pagu.map(|a| a.amount()),
        }),
        _ => None,
    };
    types::Proposal {
        html: format!("/usulan/{}", p.nomor),
        nomor: p.nomor,
        source: p.source,
        status: p.status,
        title: p.title,
        problem: p.problem,
        solution: p.solution,
        target_year: p.target_year,
        region: types::RegionRef {
            kode: p.region_kode,
            name: p.region_nama,
        },
        wilayah: types::RegionRef {
            kode: p.wilayah_kode,
            name: p.wilayah_nama,
        },
        latitude: p.latitude,
        longitude: p.longitude,
        sub_kegiatan_kode: p.sub_kegiatan_kode,
        volume: p.volume,
        satuan: p.satuan,
        estimated_cost: p.estimated_cost.amount(),
        proposer_org: p.proposer_org_name,
        reject_reason: p.reject_reason,
        deferred_to: p.deferred_to,
        accepted,
    }
}

/// A proposal by its number, with its public timeline: each step, when,
/// and the organization that took it (never the person).
#[utoipa::path(get, path = "/api/v1/proposals/{nomor}", tag = "proposals",
    params(("nomor" = String, Path, description = "The proposal's tracking number, e.g. USL-2026-000001")),
    responses(
        (status = 200, description = "The proposal and its timeline", body = types::ProposalDetail),
        (status = 400, description = "A number that cannot be read", body = types::Error),
        (status = 404, description = "No proposal has this number", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn show(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    ApiPath(nomor): ApiPath<String>,
) -> Result<Response, ApiError> {
    if nomor.len() > 40 {
        return Err(ApiError::not_found("Usulan"));
    }
    let p = proposals::by_nomor(&state.db, &nomor)
        .await?
        .ok_or_else(|| ApiError::not_found("Usulan"))?;
    let timeline = proposals::events(&state.db, &p.region_kode, p.id)
        .await?
        .into_iter()
        .map(|e| types::Step {
            at: moment(e.at),
            from_status: e.from_status,
            to_status: e.to_status,
            note: e.recommendation,
            by_org: e.actor_org,
            meeting_id: e.meeting_id,
        })
        .collect();
    Ok(answer(
        &headers,
        &types::ProposalDetail {
            proposal: to_proposal(p),
            timeline,
        },
    ))
}
