//! Atom feeds (RFC 4287) of what the public may follow without an account
//! (issue 16, point 4): plans published or in public consultation, the
//! consultations open now, and decisions on proposals; all regions, or
//! one with `?wilayah=33.71`. Each list page advertises its feed with
//! `<link rel="alternate">`. The entries come from the same public rules
//! as the pages (`store::feeds`).

use crate::web::filters;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::app::AppState;
use crate::domain::plan::Stage;
use crate::error::AppError;
use crate::store::{feeds, regions};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana.atom", get(plans))
        .route("/konsultasi.atom", get(consultations))
        .route("/usulan/keputusan.atom", get(decisions))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Q {
    wilayah: String,
}

struct Entry {
    id: String,
    title: String,
    link: String,
    updated: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "feeds/feed.xml")]
struct Feed {
    title: String,
    /// The feed's own address and the page it mirrors, absolute.
    this: String,
    page: String,
    updated: String,
    entries: Vec<Entry>,
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// The region named by `?wilayah=`, if any: its code and name. An
/// unknown code is a 404, not an empty feed.
async fn region_of(state: &AppState, q: &Q) -> Result<Option<(String, String)>, AppError> {
    let kode = q.wilayah.trim();
    if kode.is_empty() {
        return Ok(None);
    }
    let r = regions::get(&state.db, kode)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Some((r.kode, r.nama)))
}

/// The feed document: `what` (of a region, if named) at `feed`, mirroring
/// the page at `page`; updated when its newest entry was.
fn answer(
    state: &AppState,
    what: &str,
    (feed, page): (&str, &str),
    region: &Option<(String, String)>,
    newest: Option<OffsetDateTime>,
    entries: Vec<Entry>,
) -> Result<Response, AppError> {
    let (this, page) = addresses(state, feed, page, region);
    let body = Feed {
        title: of_region(what, region),
        this,
        page,
        updated: rfc3339(newest.unwrap_or(OffsetDateTime::UNIX_EPOCH)),
        entries,
    }
    .render()
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body,
    )
        .into_response())
}

/// The feed's address with its region, and the page's.
fn addresses(
    state: &AppState,
    feed: &str,
    page: &str,
    region: &Option<(String, String)>,
) -> (String, String) {
    let base = state.config.public_url.trim_end_matches('/');
    match region {
        Some((kode, _)) => (
            format!("{base}{feed}?wilayah={kode}"),
            format!("{base}{page}"),
        ),
        None => (format!("{base}{feed}"), format!("{base}{page}")),
    }
}

fn of_region(what: &str, region: &Option<(String, String)>) -> String {
    match region {
        Some((_, nama)) => format!("{what} · {nama} · Selaras"),
        None => format!("{what} · Selaras"),
    }
}

async fn plans(State(state): State<AppState>, Query(q): Query<Q>) -> Result<Response, AppError> {
    let region = region_of(&state, &q).await?;
    let stages = [Stage::KonsultasiPublik, Stage::Ditetapkan];
    let rows = feeds::plans(&state.db, region.as_ref().map(|r| r.0.as_str()), &stages).await?;
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let entries = rows
        .iter()
        .map(|p| Entry {
            // A plan that reaches another stage is news again.
            id: format!("{base}/rencana/{}#tahap-{}", p.id, p.stage.as_str()),
            title: format!("{}: {}", p.stage.label(), p.title),
            link: format!("{base}/rencana/{}", p.id),
            updated: rfc3339(p.at),
            summary: format!(
                "{} {}–{}, {}. Tahap: {}.",
                p.kind.label(),
                p.first_year,
                p.last_year,
                p.region_nama,
                p.stage.label()
            ),
        })
        .collect();
    let newest = rows.first().map(|p| p.at);
    answer(
        &state,
        crate::i18n::t("dokumen-rencana-yang-dipublikasikan"),
        ("/rencana.atom", "/rencana"),
        &region,
        newest,
        entries,
    )
}

async fn consultations(
    State(state): State<AppState>,
    Query(q): Query<Q>,
) -> Result<Response, AppError> {
    let region = region_of(&state, &q).await?;
    let now = OffsetDateTime::now_utc();
    let rows: Vec<_> = feeds::plans(
        &state.db,
        region.as_ref().map(|r| r.0.as_str()),
        &[Stage::KonsultasiPublik],
    )
    .await?
    .into_iter()
    .filter(|p| p.closes_at.is_none_or(|c| c > now))
    .collect();
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let entries = rows
        .iter()
        .map(|p| Entry {
            id: format!("{base}/konsultasi/{}", p.id),
            title: crate::i18n::tf!("konsultasi-publik-3", a1 = p.title),
            link: format!("{base}/rencana/{}#komentar", p.id),
            updated: rfc3339(p.at),
            summary: match p.closes_at {
                Some(c) => crate::i18n::tf!(
                    "masukan-diterima-sampai",
                    a1 = p.region_nama,
                    a2 = crate::format::tanggal(c)
                ),
                None => crate::i18n::tf!("masukan-diterima-selama-tahap-ini", a1 = p.region_nama),
            },
        })
        .collect();
    let newest = rows.first().map(|p| p.at);
    answer(
        &state,
        crate::i18n::t("konsultasi-publik-yang-dibuka"),
        ("/konsultasi.atom", "/konsultasi"),
        &region,
        newest,
        entries,
    )
}

async fn decisions(
    State(state): State<AppState>,
    Query(q): Query<Q>,
) -> Result<Response, AppError> {
    let region = region_of(&state, &q).await?;
    let rows = feeds::decisions(&state.db, region.as_ref().map(|r| r.0.as_str())).await?;
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let entries = rows
        .iter()
        .map(|d| {
            let by = d
                .actor_org
                .as_deref()
                .map(|o| format!(" oleh {o}"))
                .unwrap_or_default();
            let note = if d.recommendation.is_empty() {
                String::new()
            } else {
                format!(" {}", d.recommendation)
            };
            Entry {
                id: format!("{base}/usulan/{}#peristiwa-{}", d.nomor, d.event),
                title: format!("{} {}: {}", d.nomor, d.status.label(), d.title),
                link: format!("{base}/usulan/{}", d.nomor),
                updated: rfc3339(d.at),
                summary: format!(
                    "{}, {}: {}{by}.{note}",
                    d.wilayah_nama,
                    d.region_nama,
                    d.status.label()
                ),
            }
        })
        .collect();
    let newest = rows.first().map(|d| d.at);
    answer(
        &state,
        crate::i18n::t("keputusan-atas-usulan"),
        ("/usulan/keputusan.atom", "/usulan"),
        &region,
        newest,
        entries,
    )
}
