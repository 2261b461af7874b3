//! Master data: the national region list and the nomenclature.

use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{Allowed, ApiError, ApiQuery, answer, code, limit, page, types};
use crate::store::open_data;
use crate::web::reader::Reader;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionParams {
    /// Only the regions directly inside this one (`33` gives Jawa
    /// Tengah's kabupaten and kota). All regions when absent.
    parent: Option<String>,
    /// Rows per page, 1–500 (100 when absent).
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

/// Regions (provinsi … desa/kelurahan) by their Kemendagri code.
#[utoipa::path(get, path = "/api/v1/regions", tag = "reference", params(RegionParams),
    responses(
        (status = 200, description = "A page of regions in code order", body = types::RegionPage),
        (status = 400, description = "A code, limit or cursor that cannot be read", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn regions(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    uri: Uri,
    ApiQuery(q): ApiQuery<RegionParams>,
) -> Result<Response, ApiError> {
    let n = limit(q.limit.as_deref())?;
    let parent = code("parent", q.parent.as_deref())?;
    let after = code("cursor", q.cursor.as_deref())?;
    let rows = open_data::regions(&state.db, parent.as_deref(), after.as_deref(), n + 1).await?;
    let (data, next_cursor, next) = page(
        rows,
        n,
        |r| r.kode.clone(),
        |r| types::Region {
            kode: r.kode,
            name: r.nama,
            level: r.level,
            parent_kode: r.parent_kode,
        },
        &uri,
    );
    Ok(answer(
        &headers,
        &types::RegionPage {
            data,
            next_cursor,
            next,
        },
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NomenklaturParams {
    /// A code and everything below it (`1.02.02` gives the program and its
    /// kegiatan and sub kegiatan).
    prefix: Option<String>,
    /// Rows per page, 1–500 (100 when absent).
    limit: Option<String>,
    /// The `next_cursor` of the page before.
    cursor: Option<String>,
}

/// The national nomenclature of urusan, bidang, program, kegiatan and
/// sub kegiatan, with each sub kegiatan's standard indicator and satuan.
#[utoipa::path(get, path = "/api/v1/nomenklatur", tag = "reference", params(NomenklaturParams),
    responses(
        (status = 200, description = "A page of the nomenclature in code order", body = types::NomenklaturPage),
        (status = 400, description = "A code, limit or cursor that cannot be read", body = types::Error),
        (status = 429, description = "Too many requests from this client", body = types::Error),
    ))]
pub async fn nomenklatur(
    _: Allowed,
    Reader(state): Reader,
    headers: HeaderMap,
    uri: Uri,
    ApiQuery(q): ApiQuery<NomenklaturParams>,
) -> Result<Response, ApiError> {
    let n = limit(q.limit.as_deref())?;
    let prefix = code("prefix", q.prefix.as_deref())?;
    let after = code("cursor", q.cursor.as_deref())?;
    let rows =
        open_data::nomenklatur(&state.db, prefix.as_deref(), after.as_deref(), n + 1).await?;
    let (data, next_cursor, next) = page(
        rows,
        n,
        |r| r.kode.clone(),
        |r| types::Nomenklatur {
            kode: r.kode,
            level: r.level,
            name: r.nama,
            indikator: r.indikator,
            satuan: r.satuan,
        },
        &uri,
    );
    Ok(answer(
        &headers,
        &types::NomenklaturPage {
            data,
            next_cursor,
            next,
        },
    ))
}
