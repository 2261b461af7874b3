//! Proposals: submitting (a village operator on a phone must manage it),
//! the lists each level works from, the public list and the public page of
//! one proposal with its whole way to the budget line that took it up.

use crate::web::filters;
use std::collections::HashMap;

use crate::domain::musrenbang::Tahap;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;
use uuid::Uuid;

use super::Nav;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{
    Action, ProposalCaps, ProposalRef, Proposer, authorize, can, proposal_actor,
};
use crate::domain::indicator::parse_nilai;
use crate::domain::money::Rupiah;
use crate::domain::proposal::{self, Source, Status, Step};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::SaveError;
use crate::store::proposals::{
    self, Acceptance, Corrected, Decision, Event, Filter, Kamus, NewProposal, Proposal,
};
use crate::store::regions::{self, Region};
use crate::web::reader::Reader;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/usulan", get(public_list))
        .route("/usulan/tugas", get(tasks))
        .route("/usulan/rekap.xlsx", get(recap))
        .route("/usulan/daftar.csv", get(list_csv))
        .route("/usulan/baru", get(new_form).post(submit))
        .route("/usulan/{nomor}", get(show))
        .route("/usulan/{nomor}/langkah", post(step))
        .route("/usulan/{nomor}/peringkat", post(rank))
        .route("/usulan/{nomor}/koreksi", get(correct_form).post(correct))
        .route("/usulan/{nomor}/ikuti", post(follow))
}

pub fn pref(p: &Proposal) -> ProposalRef<'_> {
    ProposalRef {
        region: &p.region_kode,
        status: p.status,
        wilayah: &p.wilayah_kode,
        responsible: p.responsible_org_id,
    }
}

/// A proposal list's filters as typed (also the map's, `/usulan/peta`).
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(crate) struct ListQuery {
    pub status: String,
    pub kecamatan: String,
    /// A desa/kelurahan (from the map): narrower than `kecamatan`.
    pub desa: String,
    pub sumber: String,
    pub tahun: String,
    pub wilayah: String,
    pub bidang: String,
    halaman: String,
    /// `1`: only the signed-in person's own proposals.
    pub saya: String,
}

impl ListQuery {
    fn page(&self) -> i64 {
        self.halaman
            .trim()
            .parse::<i64>()
            .unwrap_or(1)
            .clamp(1, 100_000)
    }

    /// This list's address at another page, its filters kept (only
    /// those set, so the links stay short).
    pub fn at_page(&self, base: &str, page: i64) -> String {
        let enc = crate::format::url_encode;
        let params = [
            ("status", &self.status),
            ("kecamatan", &self.kecamatan),
            ("desa", &self.desa),
            ("sumber", &self.sumber),
            ("tahun", &self.tahun),
            ("wilayah", &self.wilayah),
            ("bidang", &self.bidang),
            ("saya", &self.saya),
        ];
        let mut query: Vec<String> = params
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", enc(v)))
            .collect();
        if page > 1 {
            query.push(format!("halaman={page}"));
        }
        if query.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", query.join("&"))
        }
    }
}

impl ListQuery {
    /// The filter as this visitor asked for it: their own region when
    /// none is named, their own proposals with `saya=1` (the list, its
    /// recap and its CSV alike).
    pub fn filter_for(&self, user: Option<&CurrentUser>) -> Filter {
        let mut filter = self.filter();
        if filter.region.is_none() {
            filter.region = user.map(|u| u.region_kode.clone());
        }
        if self.saya == "1" {
            filter.proposer = user.map(|u| u.id);
        }
        filter
    }

    pub fn filter(&self) -> Filter {
        let place = if self.desa.is_empty() {
            &self.kecamatan
        } else {
            &self.desa
        };
        Filter {
            region: (!self.wilayah.is_empty()).then(|| self.wilayah.clone()),
            status: Status::parse(&self.status),
            kecamatan: (!place.is_empty()).then(|| place.clone()),
            source: Source::parse(&self.sumber),
            kamus: None,
            year: self.tahun.parse().ok(),
            bidang: (!self.bidang.is_empty()).then(|| self.bidang.clone()),
            proposer: None,
        }
    }
}

/// Links to the neighbouring pages of a list.
struct Pager {
    page: i64,
    previous: Option<String>,
    next: Option<String>,
}

impl Pager {
    fn of(q: &ListQuery, base: &str, more: bool) -> Pager {
        let page = q.page();
        Pager {
            page,
            previous: (page > 1).then(|| q.at_page(base, page - 1)),
            next: more.then(|| q.at_page(base, page + 1)),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/list.html")]
struct ListPage {
    nav: Nav,
    heading: String,
    rows: Vec<Proposal>,
    pager: Pager,
    q: ListQuery,
    statuses: [Status; 9],
    sources: [Source; 4],
    kecamatan: Vec<Region>,
    /// Bidang urusan of the region's kamus usulan: (code, name).
    bidang: Vec<(String, String)>,
    tasks: bool,
    /// Rank field per row (tasks view): Some(is_kecamatan_level).
    rankable: HashMap<Uuid, bool>,
    /// A refused rank.
    rank_refused: Option<RefusedRank>,
}

/// A rank refused on the work list: the proposal, what was typed, and why.
struct RefusedRank {
    id: Uuid,
    typed: String,
    why: String,
}

impl ListPage {
    /// The recap of this list, its filters kept.
    fn recap_link(&self) -> String {
        self.q.at_page("/usulan/rekap.xlsx", 1)
    }

    fn csv_link(&self) -> String {
        self.q.at_page("/usulan/daftar.csv", 1)
    }

    fn map_link(&self) -> String {
        self.q.at_page("/usulan/peta", 1)
    }

    fn rupiah(&self, d: &Rupiah) -> String {
        d.shown()
    }
    fn rank_error(&self, p: &Proposal) -> Option<&str> {
        self.rank_refused
            .as_ref()
            .filter(|r| r.id == p.id)
            .map(|r| r.why.as_str())
    }

    fn rank_of(&self, p: &Proposal) -> String {
        if let Some(r) = &self.rank_refused
            && r.id == p.id
        {
            return r.typed.clone();
        }
        match self.rankable.get(&p.id) {
            Some(true) => p.rank_kecamatan.map(|r| r.to_string()).unwrap_or_default(),
            _ => p.rank_desa.map(|r| r.to_string()).unwrap_or_default(),
        }
    }
}

/// The bidang urusan the region's kamus usulan covers, for the filter.
async fn bidang_of(
    state: &AppState,
    region: Option<&str>,
) -> Result<Vec<(String, String)>, AppError> {
    let Some(region) = region else {
        return Ok(Vec::new());
    };
    Ok(proposals::bidang_of_kamus(&state.db, region).await?)
}

async fn kecamatan_of(state: &AppState, region: Option<&str>) -> Result<Vec<Region>, AppError> {
    Ok(match region {
        Some(r) => regions::places_in(&state.db, r)
            .await?
            .into_iter()
            .filter(|p| p.level == crate::domain::region::RegionLevel::Kecamatan)
            .collect(),
        None => Vec::new(),
    })
}

async fn public_list(
    Reader(state): Reader,
    user: Option<CurrentUser>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let filter = q.filter_for(user.as_ref());
    let mine = filter.proposer.is_some();
    let (rows, more) = proposals::list(&state.db, &filter, q.page()).await?;
    let kecamatan = kecamatan_of(&state, filter.region.as_deref()).await?;
    let bidang = bidang_of(&state, filter.region.as_deref()).await?;
    Ok(ListPage {
        bidang,
        nav: Nav::for_visitor(user.as_ref()),
        heading: if mine {
            crate::i18n::t("usulan-saya").into()
        } else {
            crate::i18n::t("usulan-pembangunan").into()
        },
        rows,
        pager: Pager::of(&q, "/usulan", more),
        q,
        statuses: Status::ALL,
        sources: Source::ALL,
        kecamatan,
        tasks: false,
        rankable: HashMap::new(),
        rank_refused: None,
    }
    .into_response())
}

/// The rekapitulasi of the list as it is filtered: per kecamatan, per
/// perangkat daerah, per bidang. The RKPD line of an accepted proposal is
/// named only to those who may read that RKPD, as on its page.
async fn recap(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (region, rows) = recap_rows(&state, user.as_ref(), &q).await?;
    let heading = crate::export::workbook::Heading {
        title: crate::i18n::tf!("usulan-pembangunan-2", region = region),
        lines: vec![format!(
            "Diunduh {}{}",
            crate::format::waktu(time::OffsetDateTime::now_utc()),
            if q.tahun.is_empty() {
                String::new()
            } else {
                format!(" · tahun {}", q.tahun)
            }
        )],
    };
    let bytes = crate::export::recap::xlsx(&heading, &rows)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let year = year_part(&q);
    Ok(crate::web::download(
        &["rekap-usulan", &region, &year],
        "xlsx",
        crate::web::XLSX,
        bytes,
    ))
}

/// The list as open data: the same rows and filters as the rekapitulasi,
/// one proposal per line.
async fn list_csv(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let (region, rows) = recap_rows(&state, user.as_ref(), &q).await?;
    let bytes = crate::export::recap::csv(&rows).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(crate::web::download(
        &["usulan", &region, &year_part(&q)],
        "csv",
        crate::web::CSV,
        bytes,
    ))
}

fn year_part(q: &ListQuery) -> String {
    if q.tahun.is_empty() {
        "semua-tahun".to_string()
    } else {
        q.tahun.clone()
    }
}

/// The proposals of the list as it is filtered, as rows of a recap: the
/// RKPD line of an accepted proposal is named only to those who may read
/// that RKPD, as on its page. And the region's name.
async fn recap_rows(
    state: &AppState,
    user: Option<&CurrentUser>,
    q: &ListQuery,
) -> Result<(String, Vec<crate::export::recap::Row>), AppError> {
    let filter = q.filter_for(user);
    let mut list = proposals::all(&state.db, &filter).await?;
    let bidang: HashMap<String, String> = bidang_of(state, filter.region.as_deref())
        .await?
        .into_iter()
        .collect();
    let rows = list
        .iter_mut()
        .map(|p| {
            p.keep_line_if(|region, stage| readable_stage(user, region, stage));
            let b = p
                .sub_kegiatan_kode
                .as_deref()
                .map(|k| crate::domain::annex::urusan_bidang(k).1)
                .unwrap_or_default();
            crate::export::recap::Row {
                nomor: p.nomor.clone(),
                title: p.title.clone(),
                desa: p.wilayah_nama.clone(),
                kecamatan: p.kecamatan_nama.clone().unwrap_or_default(),
                agency: p.responsible_name.clone().unwrap_or_default(),
                bidang: bidang.get(&b).map(|n| format!("{b} {n}")).unwrap_or(b),
                source: crate::i18n::label(p.source.label()).to_string(),
                year: p.target_year,
                status: crate::i18n::label(p.status.label()).to_string(),
                cost: p.estimated_cost,
                line: p.accepted_item_label.clone(),
                pagu: p.accepted_item_label.as_ref().and(p.accepted_pagu),
            }
        })
        .collect();
    let region = list
        .first()
        .map(|p| p.region_nama.clone())
        .unwrap_or_default();
    Ok((region, rows))
}

/// The proposals waiting for the user's level, to rank and move on.
async fn tasks(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    Ok(task_page(&state, &user, q).await?.into_response())
}

async fn task_page(
    state: &AppState,
    user: &CurrentUser,
    q: ListQuery,
) -> Result<ListPage, AppError> {
    let mut filter = q.filter();
    filter.region = Some(user.region_kode.clone());
    // Whose turn it is decides what is listed, then the page is cut.
    let mine: Vec<Proposal> = proposals::open(&state.db, &filter)
        .await?
        .into_iter()
        .filter(|p| proposal_actor(user, &pref(p)).is_some())
        .collect();
    let per = proposals::PAGE as usize;
    let from = (q.page() as usize - 1) * per;
    let more = mine.len() > from + per;
    let rows: Vec<Proposal> = mine.into_iter().skip(from).take(per).collect();
    let rankable = rows
        .iter()
        .filter_map(|p| match p.status {
            Status::Diajukan => Some((p.id, false)),
            Status::DiteruskanKecamatan => Some((p.id, true)),
            _ => None,
        })
        .collect();
    Ok(ListPage {
        nav: Nav::for_user(user),
        heading: crate::i18n::t("usulan-yang-menunggu-anda").into(),
        kecamatan: kecamatan_of(state, Some(&user.region_kode)).await?,
        bidang: bidang_of(state, Some(&user.region_kode)).await?,
        rows,
        pager: Pager::of(&q, "/usulan/tugas", more),
        q,
        statuses: Status::ALL,
        sources: Source::ALL,
        tasks: true,
        rankable,
        rank_refused: None,
    })
}

use crate::domain::proposal::DraftForm as SubmitForm;

/// A source the user may submit, with the organization it submits for.
struct SourceChoice {
    source: Source,
    org: Uuid,
    org_name: String,
}

/// The sources the user may submit, with the organization for each.
fn sources_for(user: &CurrentUser) -> Vec<SourceChoice> {
    let mut out = Vec::new();
    for source in Source::ALL {
        for m in &user.memberships {
            if can(
                user,
                Action::SubmitProposal {
                    source,
                    org: m.organization_id,
                },
            )
            .is_ok()
            {
                out.push(SourceChoice {
                    source,
                    org: m.organization_id,
                    org_name: m.organization_name.clone(),
                });
                break;
            }
        }
    }
    out
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/new.html")]
struct NewPage {
    nav: Nav,
    form: SubmitForm,
    errors: FieldErrors,
    sources: Vec<SourceChoice>,
    places: Vec<Region>,
    kamus: Vec<Kamus>,
    /// Set when the proposer corrects a proposal sent earlier.
    correcting: Option<Correcting>,
    /// The chosen desa as a map to click for the location.
    picker: Option<crate::web::maps::Picker>,
    /// What a click on the map did.
    notice: Option<String>,
}

/// The proposal being corrected: its number, the version read, and
/// whether its place and kind may still change.
struct Correcting {
    nomor: String,
    version: i32,
    relocatable: bool,
    /// Verified (or changed) meanwhile: the form is kept, nothing saved.
    too_late: bool,
}

impl NewPage {
    fn source_key(&self, s: &Source, org: &Uuid) -> String {
        format!("{}:{org}", s.as_str())
    }
    fn chosen_source(&self) -> String {
        format!("{}:{}", self.form.source, self.form.org_id)
    }
    /// Correcting a proposal past its desa: place and kind stay.
    fn locked(&self) -> bool {
        self.correcting.as_ref().is_some_and(|c| !c.relocatable)
    }
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    form: SubmitForm,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    let sources = sources_for(user);
    if sources.is_empty() {
        return Err(AppError::Forbidden(
            crate::i18n::t("usulan-diajukan-oleh-operator-desa-kelurahan").into(),
        ));
    }
    let places = regions::places_in(&state.db, &user.region_kode)
        .await?
        .into_iter()
        .filter(|p| !matches!(p.level, crate::domain::region::RegionLevel::Kecamatan))
        .collect();
    let picker =
        crate::web::maps::Picker::of(state, &form.wilayah_kode, &form.latitude, &form.longitude)
            .await?;
    Ok(NewPage {
        nav: Nav::for_user(user),
        form,
        errors,
        sources,
        places,
        kamus: proposals::kamus(&state.db, &user.region_kode).await?,
        correcting: None,
        picker,
        notice: None,
    })
}

/// A sent form as a draft, or why it comes back: a click on the map
/// (the point placed, 200) or fields to fix (422), a point outside the
/// desa included.
enum Parsed {
    Draft(Box<crate::domain::proposal::Draft>),
    Again(StatusCode, FieldErrors, Option<String>),
}

async fn parse_form(
    state: &AppState,
    f: &mut SubmitForm,
    region: &str,
    kamus: &[(Uuid, String)],
) -> Result<Parsed, AppError> {
    match crate::web::maps::place_point(state, f).await? {
        Some(Ok(notice)) => {
            return Ok(Parsed::Again(
                StatusCode::OK,
                FieldErrors::default(),
                Some(notice),
            ));
        }
        Some(Err(e)) => return Ok(Parsed::Again(StatusCode::UNPROCESSABLE_ENTITY, e, None)),
        None => {}
    }
    let d = match f.check(region, kamus) {
        Ok(d) => d,
        Err(e) => return Ok(Parsed::Again(StatusCode::UNPROCESSABLE_ENTITY, e, None)),
    };
    if let Some(m) =
        crate::web::maps::point_outside(state, &d.wilayah_kode, d.latitude, d.longitude).await?
    {
        let e = FieldErrors::single("latitude", m);
        return Ok(Parsed::Again(StatusCode::UNPROCESSABLE_ENTITY, e, None));
    }
    Ok(Parsed::Draft(Box::new(d)))
}

/// Follows the proposal, or stops following it.
async fn follow(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
) -> Result<Response, AppError> {
    authorize(&user, Action::FollowProposal)?;
    let p = proposals::by_nomor(&state.db, &nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = crate::store::atomic(&state.db, async |tx| {
        crate::store::follows::toggle_proposal(tx, user.id, p.id, &p.region_kode).await
    })
    .await?;
    let flag = if now { "diikuti" } else { "berhenti" };
    Ok(Redirect::to(&format!("/usulan/{nomor}?ikuti={flag}#ikuti")).into_response())
}

/// The proposal `nomor`, if this person may correct it now.
async fn correctable(
    state: &AppState,
    user: &CurrentUser,
    nomor: &str,
) -> Result<Proposal, AppError> {
    let p = proposals::by_nomor(&state.db, nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        user,
        Action::CorrectProposal {
            region: &p.region_kode,
            proposer: p.proposer_id,
            status: p.status,
            source: p.source,
            org: p.proposer_org_id,
        },
    )?;
    Ok(p)
}

/// The submission form holding a proposal as it is stored.
fn form_of(p: &Proposal) -> SubmitForm {
    let plain = |d: Decimal| d.normalize().to_string().replace('.', ",");
    SubmitForm {
        source: p.source.as_str().to_string(),
        org_id: p.proposer_org_id.to_string(),
        title: p.title.clone(),
        problem: p.problem.clone(),
        solution: p.solution.clone(),
        wilayah_kode: p.wilayah_kode.clone(),
        kamus_id: p.kamus_id.map(|k| k.to_string()).unwrap_or_default(),
        volume: plain(p.volume),
        satuan: p.satuan.clone(),
        estimated_cost: p.estimated_cost.digits(),
        target_year: p.target_year.to_string(),
        reses_ref: p.reses_ref.clone().unwrap_or_default(),
        latitude: p.latitude.map(|d| d.to_string()).unwrap_or_default(),
        longitude: p.longitude.map(|d| d.to_string()).unwrap_or_default(),
        ..SubmitForm::default()
    }
}

async fn correct_page(
    state: &AppState,
    user: &CurrentUser,
    p: &Proposal,
    form: SubmitForm,
    errors: FieldErrors,
    version: i32,
) -> Result<NewPage, AppError> {
    let mut page = new_page(state, user, form, errors).await?;
    page.correcting = Some(Correcting {
        nomor: p.nomor.clone(),
        version,
        relocatable: p.status.relocatable(),
        too_late: false,
    });
    Ok(page)
}

async fn correct_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
) -> Result<Response, AppError> {
    let p = correctable(&state, &user, &nomor).await?;
    let page = correct_page(
        &state,
        &user,
        &p,
        form_of(&p),
        FieldErrors::default(),
        p.version,
    )
    .await?;
    Ok(page.into_response())
}

#[derive(Deserialize)]
struct Versioned {
    version: i32,
}

async fn correct(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    Query(v): Query<Versioned>,
    Form(mut f): Form<SubmitForm>,
) -> Result<Response, AppError> {
    let p = correctable(&state, &user, &nomor).await?;
    // Who sends it and for which year stay as they are.
    let stored = form_of(&p);
    (f.source, f.org_id, f.target_year) = (stored.source, stored.org_id, stored.target_year);
    if !p.status.relocatable() {
        (f.wilayah_kode, f.kamus_id) = (stored.wilayah_kode, stored.kamus_id);
    }
    f.split_source();
    let kamus: Vec<(Uuid, String)> = proposals::kamus(&state.db, &p.region_kode)
        .await?
        .into_iter()
        .map(|k| (k.id, k.satuan))
        .chain(p.kamus_id.map(|k| (k, p.satuan.clone())))
        .collect();
    let d = match parse_form(&state, &mut f, &p.region_kode, &kamus).await? {
        Parsed::Draft(d) => d,
        Parsed::Again(status, e, notice) => {
            let mut page = correct_page(&state, &user, &p, f, e, v.version).await?;
            page.notice = notice;
            return Ok((status, page).into_response());
        }
    };
    let done = crate::store::atomic(&state.db, async |tx| {
        proposals::correct(tx, &p, v.version, &d).await
    })
    .await?;
    match done {
        Corrected::Saved | Corrected::Unchanged => {
            Ok(Redirect::to(&format!("/usulan/{nomor}#riwayat")).into_response())
        }
        Corrected::TooLate => {
            // The typing kept, against the version read now: sending it
            // again (after a look) saves it over the newer one.
            let mut page =
                correct_page(&state, &user, &p, f, FieldErrors::default(), p.version).await?;
            if let Some(c) = page.correcting.as_mut() {
                c.too_late = true;
            }
            Ok((StatusCode::CONFLICT, page).into_response())
        }
    }
}

async fn new_form(State(state): State<AppState>, user: CurrentUser) -> Result<Response, AppError> {
    // A village operator proposes for their own desa/kelurahan.
    let own = user.village_wilayah();
    let year = time::OffsetDateTime::now_utc().year() + 1;
    let form = SubmitForm {
        wilayah_kode: own.unwrap_or_default(),
        target_year: year.to_string(),
        ..SubmitForm::default()
    };
    Ok(new_page(&state, &user, form, FieldErrors::default())
        .await?
        .into_response())
}

async fn submit(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(mut f): Form<SubmitForm>,
) -> Result<Response, AppError> {
    f.split_source();
    if let Some((source, org)) = f.sender() {
        authorize(&user, Action::SubmitProposal { source, org })?;
    }
    let kamus: Vec<(Uuid, String)> = proposals::kamus(&state.db, &user.region_kode)
        .await?
        .into_iter()
        .map(|k| (k.id, k.satuan))
        .collect();
    let d = match parse_form(&state, &mut f, &user.region_kode, &kamus).await? {
        Parsed::Draft(d) => d,
        Parsed::Again(status, e, notice) => {
            let mut p = new_page(&state, &user, f, e).await?;
            p.notice = notice;
            return Ok((status, p).into_response());
        }
    };
    // Sent within its level's Musrenbang window, or not at all.
    let tahap = Tahap::of_source(d.source);
    if let Some(m) =
        crate::web::musrenbang::refusal(&state, &user.region_kode, d.target_year, tahap).await?
    {
        let p = new_page(&state, &user, f, FieldErrors::single("target_year", m)).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response());
    }
    let (_, number) = crate::store::atomic(&state.db, async |tx| {
        proposals::create(tx, new_proposal(&user, &d)).await
    })
    .await?;
    Ok(Redirect::to(&format!("/usulan/{number}?baru=1")).into_response())
}

/// The proposal a parsed draft becomes, sent by `user`.
fn new_proposal<'a>(
    user: &'a CurrentUser,
    d: &'a crate::domain::proposal::Draft,
) -> NewProposal<'a> {
    NewProposal {
        region_kode: &user.region_kode,
        source: d.source,
        title: &d.title,
        problem: &d.problem,
        solution: &d.solution,
        wilayah_kode: &d.wilayah_kode,
        latitude: d.latitude,
        longitude: d.longitude,
        kamus_id: Some(d.kamus),
        volume: d.volume,
        satuan: &d.satuan,
        estimated_cost: d.estimated_cost,
        proposer_id: user.id,
        proposer_org_id: d.org,
        reses_ref: d.reses_ref.as_deref(),
        target_year: d.target_year,
    }
}

#[derive(Deserialize)]
struct ShowQuery {
    baru: Option<String>,
}

/// An RKPD sub kegiatan a planner may accept a proposal into.
pub struct Option_ {
    pub id: Uuid,
    pub label: String,
    pub suggested: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/show.html")]
pub(crate) struct ShowPage {
    nav: Nav,
    p: Proposal,
    events: Vec<Event>,
    /// Staff of the region see who acted; the public sees organizations.
    staff: bool,
    just_submitted: bool,
    duplicates: Vec<proposals::Duplicate>,
    steps: Vec<(&'static str, &'static str)>,
    accept_options: Vec<Option_>,
    alert: Option<String>,
    rankable: Option<bool>,
    /// A refused step as typed (None: the form as first shown), and the
    /// field its message belongs beside.
    typed: Option<StepForm>,
    step_error: Option<(&'static str, String)>,
    /// The proposer may still correct it.
    can_correct: bool,
    /// Whether the signed-in reader follows it (None: a visitor).
    following: Option<bool>,
    /// Its desa on a small map, with its point.
    map: Option<crate::web::maps::Drawing>,
    /// The discussion under it, and which comments this reader may remove.
    comments: Vec<crate::store::proposal_comments::Comment>,
    removable: Vec<Uuid>,
    /// Proposals merged into it or split from it, and the other way.
    lineage: Vec<crate::store::proposal_lineage::Linked>,
    /// This reader may merge others into it, or split it.
    can_reshape: bool,
    /// Photos and documents, who may attach more, which this reader may
    /// remove, and a refused upload's caption and reason.
    files: Vec<crate::store::proposal_files::Attachment>,
    can_attach: bool,
    removable_files: Vec<Uuid>,
    caption_typed: String,
    file_error: Option<String>,
    /// A refused comment as typed, and why.
    comment_typed: String,
    comment_error: Option<String>,
}

impl ShowPage {
    /// The page with a refused upload: its caption kept, the reason beside
    /// the file field.
    pub(crate) fn file_refused(mut self, caption: String, error: String) -> ShowPage {
        self.caption_typed = caption;
        self.file_error = Some(error);
        self
    }

    fn size(&self, f: &crate::store::proposal_files::Attachment) -> String {
        let kb = (f.size as f64 / 1024.0).ceil();
        if kb >= 1024.0 {
            format!("{:.1} MB", kb / 1024.0).replace('.', ",")
        } else {
            format!("{kb:.0} KB")
        }
    }

    /// The page with a refused comment kept in its box.
    pub(crate) fn comment_refused(mut self, typed: String, error: String) -> ShowPage {
        self.comment_typed = typed;
        self.comment_error = Some(error);
        self
    }

    fn step_checked(&self, k: &str, first: &bool) -> bool {
        match &self.typed {
            Some(f) => f.langkah == k,
            None => *first,
        }
    }
    fn typed_field(&self, field: &str) -> String {
        let Some(f) = &self.typed else {
            return match field {
                "volume" => self.nilai(&self.p.volume),
                _ => String::new(),
            };
        };
        match field {
            "rekomendasi" => f.rekomendasi.clone(),
            "alasan" => f.alasan.clone(),
            "tahun_tunda" => f.tahun_tunda.clone(),
            "volume" => f.volume.clone(),
            "pagu" => f.pagu.clone(),
            _ => String::new(),
        }
    }
    fn option_selected(&self, o: &Option_) -> bool {
        match &self.typed {
            Some(f) => f.item_id.trim() == o.id.to_string(),
            None => o.suggested,
        }
    }
    fn step_error_of(&self, field: &str) -> Option<&str> {
        self.step_error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
    fn rupiah(&self, d: &Rupiah) -> String {
        d.shown()
    }
    fn nilai(&self, d: &Decimal) -> String {
        crate::i18n::number(crate::domain::indicator::format_nilai(*d))
    }
    /// The linked proposals of one kind and direction.
    fn linked(&self, kind: &str, outgoing: bool) -> Vec<&crate::store::proposal_lineage::Linked> {
        self.lineage
            .iter()
            .filter(|l| l.kind == kind && l.outgoing == outgoing)
            .collect()
    }

    fn comment_when(&self, c: &crate::store::proposal_comments::Comment) -> String {
        crate::format::waktu(c.created_at)
    }
    fn when(&self, e: &Event) -> String {
        crate::format::waktu(e.at)
    }
    fn has_step(&self, s: &str) -> bool {
        self.steps.iter().any(|(k, _)| *k == s)
    }
}

/// May the visitor read a plan of `region` at `stage`? (The plan a proposal
/// was taken up in.)
pub fn readable_stage(
    user: Option<&CurrentUser>,
    region: &str,
    stage: crate::domain::plan::Stage,
) -> bool {
    crate::auth::policy::can_view_plan(
        user,
        crate::auth::policy::PlanRef {
            region,
            kind: crate::domain::plan::PlanKind::Rkpd,
            owner_org: None,
            stage,
            window: crate::domain::stage::Window::Open,
        },
    )
    .is_ok()
}

/// What surrounds a proposal on its page (its place on a map, the
/// discussion, lineage, files) and what this reader may do with them.
struct Around {
    map: Option<crate::web::maps::Drawing>,
    comments: Vec<crate::store::proposal_comments::Comment>,
    removable: Vec<Uuid>,
    lineage: Vec<crate::store::proposal_lineage::Linked>,
    can_reshape: bool,
    files: Vec<crate::store::proposal_files::Attachment>,
    can_attach: bool,
    removable_files: Vec<Uuid>,
}

async fn around(
    state: &AppState,
    user: Option<&CurrentUser>,
    caps: &ProposalCaps,
    p: &Proposal,
) -> Result<Around, AppError> {
    let may = |a: Action<'_>| user.is_some_and(|u| can(u, a).is_ok());
    let point = p
        .latitude
        .zip(p.longitude)
        .and_then(|(a, b)| Some((a.to_f64()?, b.to_f64()?)));
    let comments = crate::store::proposal_comments::of(&state.db, &p.region_kode, p.id).await?;
    let removable = comments
        .iter()
        .filter(|c| c.removed_at.is_none())
        .filter(|c| {
            may(Action::RemoveProposalComment {
                region: &p.region_kode,
                author: c.author_id,
            })
        })
        .map(|c| c.id)
        .collect();
    let files = crate::store::proposal_files::of(&state.db, &p.region_kode, p.id).await?;
    let removable_files = files
        .iter()
        .filter(|f| {
            may(Action::RemoveProposalFile {
                region: &p.region_kode,
                uploader: f.uploaded_by,
            })
        })
        .map(|f| f.id)
        .collect();
    Ok(Around {
        map: crate::web::maps::place(state, &p.wilayah_kode, point).await?,
        comments,
        removable,
        lineage: crate::store::proposal_lineage::of(&state.db, &p.region_kode, p.id).await?,
        can_reshape: caps.reshape,
        files,
        can_attach: caps.attach,
        removable_files,
    })
}

/// What this reader may do to the proposal now: the steps open to them,
/// the sub kegiatan an accepting step may choose, and whether (and at
/// which level) they rank it.
struct Acting {
    steps: Vec<(&'static str, &'static str)>,
    accept_options: Vec<Option_>,
    rankable: Option<bool>,
}

async fn acting(state: &AppState, caps: &ProposalCaps, p: &Proposal) -> Result<Acting, AppError> {
    let steps: Vec<_> = caps
        .steps
        .iter()
        .map(|&st| step_choice(st, p.status))
        .collect();
    let accept_options = if caps.steps.contains(&Step::Akomodir) {
        let rows =
            proposals::accepting_sub_kegiatan(&state.db, &p.region_kode, p.target_year, None)
                .await?;
        rows.into_iter()
            .map(|r| Option_ {
                suggested: Some(&r.kode) == p.sub_kegiatan_kode.as_ref(),
                id: r.id,
                label: format!("{} {}", r.kode, r.nama),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Acting {
        steps,
        accept_options,
        rankable: caps.rank,
    })
}

/// A step as its form offers it: the value posted and the button's label
/// (accepting again moves an accepted proposal to another sub kegiatan).
fn step_choice(step: Step, status: Status) -> (&'static str, &'static str) {
    let t = crate::i18n::t;
    match step {
        Step::Teruskan => ("teruskan", t("teruskan-ke-tingkat-berikutnya")),
        Step::Verifikasi => (
            "verifikasi",
            t("nyatakan-terverifikasi-layak-dan-biaya-wajar"),
        ),
        Step::Akomodir if status == Status::Diakomodir => {
            ("akomodir", t("pindahkan-ke-sub-kegiatan-rkpd-lain"))
        }
        Step::Akomodir => ("akomodir", t("akomodir-ke-sub-kegiatan-rkpd")),
        Step::Tunda => ("tunda", t("tunda-ke-tahun-berikutnya")),
        Step::Tolak => ("tolak", t("tolak-dengan-alasan")),
    }
}

/// The proposal's sender, as the policy weighs it.
fn proposer_of(p: &Proposal) -> Proposer {
    Proposer {
        id: p.proposer_id,
        org: p.proposer_org_id,
        source: p.source,
    }
}

pub(crate) async fn show_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    p: Proposal,
    just_submitted: bool,
    alert: Option<String>,
) -> Result<ShowPage, AppError> {
    let mut p = p;
    p.keep_line_if(|region, stage| readable_stage(user, region, stage));
    let events = proposals::events(&state.db, &p.region_kode, p.id).await?;
    let caps = ProposalCaps::of(user, pref(&p), proposer_of(&p));
    // `?baru=1` opens nothing to anyone but who just sent it.
    let just_submitted = just_submitted && user.is_some_and(|u| u.id == p.proposer_id);
    let duplicates = duplicates_for(state, &caps, &p, just_submitted).await?;
    let acting = acting(state, &caps, &p).await?;
    let following = following(state, user, &p).await?;
    let around = around(state, user, &caps, &p).await?;
    Ok(ShowPage {
        files: around.files,
        can_attach: around.can_attach,
        removable_files: around.removable_files,
        caption_typed: String::new(),
        file_error: None,
        lineage: around.lineage,
        can_reshape: around.can_reshape,
        comments: around.comments,
        removable: around.removable,
        comment_typed: String::new(),
        comment_error: None,
        nav: Nav::for_visitor(user),
        can_correct: caps.correct,
        following,
        map: around.map,
        p,
        events,
        staff: caps.see_handlers,
        just_submitted,
        duplicates,
        steps: acting.steps,
        accept_options: acting.accept_options,
        alert,
        rankable: acting.rankable,
        typed: None,
        step_error: None,
    })
}

/// Whether the signed-in reader follows the proposal (None for a visitor).
async fn following(
    state: &AppState,
    user: Option<&CurrentUser>,
    p: &Proposal,
) -> Result<Option<bool>, AppError> {
    Ok(match user {
        Some(u) => Some(
            crate::store::follows::follows_proposal(&state.db, &p.region_kode, u.id, p.id).await?,
        ),
        None => None,
    })
}

/// What the proposal may duplicate: shown to the person who just sent it,
/// and after that to the planners.
async fn duplicates_for(
    state: &AppState,
    caps: &ProposalCaps,
    p: &Proposal,
    just_submitted: bool,
) -> Result<Vec<proposals::Duplicate>, AppError> {
    Ok(if just_submitted || caps.see_duplicates {
        proposals::duplicates_of(&state.db, p).await?
    } else {
        Vec::new()
    })
}

async fn show(
    Reader(state): Reader,
    user: Option<CurrentUser>,
    Path(nomor): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let p = proposals::by_nomor(&state.db, &nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(show_page(&state, user.as_ref(), p, q.baru.is_some(), None)
        .await?
        .into_response())
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct StepForm {
    langkah: String,
    rekomendasi: String,
    alasan: String,
    tahun_tunda: String,
    item_id: String,
    volume: String,
    pagu: String,
    version: i32,
}

/// What a step decides, read from its form, or the field that is wrong
/// and why.
async fn decision_of(
    state: &AppState,
    p: &Proposal,
    st: Step,
    f: &StepForm,
) -> Result<Result<Decision, (&'static str, String)>, AppError> {
    if let Err(m) = proposal::check_reason(st, &f.alasan) {
        return Ok(Err(("alasan", m)));
    }
    let mut d = Decision::default();
    match st {
        Step::Tolak => d.reject_reason = Some(f.alasan.trim().to_string()),
        Step::Tunda => match proposal::parse_deferral(p.target_year, &f.tahun_tunda) {
            Ok(y) => d.deferred_to = Some(y),
            Err(m) => return Ok(Err(("tahun_tunda", m))),
        },
        Step::Akomodir => match accepted_of(state, p, f).await? {
            Ok(taken) => d.accepted = Some(taken),
            Err(e) => return Ok(Err(e)),
        },
        _ => {}
    }
    Ok(Ok(d))
}

/// What accepting takes up: the sub kegiatan of the proposal's year
/// chosen (one that accepts proposals), the volume and the pagu; or the
/// field that is wrong and why.
async fn accepted_of(
    state: &AppState,
    p: &Proposal,
    f: &StepForm,
) -> Result<Result<Acceptance, (&'static str, String)>, AppError> {
    let valid: Option<Uuid> = match Uuid::parse_str(f.item_id.trim()).ok() {
        Some(id) => {
            proposals::accepting_sub_kegiatan(&state.db, &p.region_kode, p.target_year, Some(id))
                .await?
                .first()
                .map(|r| r.id)
        }
        None => None,
    };
    let volume = parse_nilai(&f.volume).ok().filter(|v| *v > Decimal::ZERO);
    let pagu = Rupiah::parse(&f.pagu).ok();
    Ok(match (valid, volume, pagu) {
        (Some(item), Some(volume), Some(pagu)) => Ok(Acceptance { item, volume, pagu }),
        (None, ..) => Err((
            "item_id",
            crate::i18n::tf!(
                "untuk-mengakomodir-pilih-sub-kegiatan-rkpd",
                a1 = p.target_year
            ),
        )),
        (_, None, _) => Err((
            "volume",
            crate::i18n::t("isi-volume-yang-diambil-angka-lebih").into(),
        )),
        (.., None) => Err((
            "pagu",
            crate::i18n::t("isi-pagu-yang-diambil-mis-150").into(),
        )),
    })
}

/// What a step decides, or why it is refused: outside its level's
/// Musrenbang window, or a field of its form.
async fn checked_decision(
    state: &AppState,
    p: &Proposal,
    st: Step,
    f: &StepForm,
) -> Result<Result<Decision, (&'static str, String)>, AppError> {
    if let Some(tahap) = Tahap::of_step(p.status, st)
        && let Some(m) =
            crate::web::musrenbang::refusal(state, &p.region_kode, p.target_year, tahap).await?
    {
        return Ok(Err(("langkah", m)));
    }
    decision_of(state, p, st, f).await
}

/// A refused step: the proposal's page with the form as typed and the
/// message beside its field.
async fn refused_step(
    state: &AppState,
    user: &CurrentUser,
    p: Proposal,
    f: StepForm,
    (field, msg): (&'static str, String),
) -> Result<Response, AppError> {
    let mut page = show_page(state, Some(user), p, false, None).await?;
    page.typed = Some(f);
    page.step_error = Some((field, msg));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Someone else moved the proposal on first: its page as it is now, with
/// what happened.
async fn step_conflict(
    state: &AppState,
    user: &CurrentUser,
    region: &str,
    nomor: &str,
) -> Result<Response, AppError> {
    let fresh = proposals::by_nomor_in(&state.db, region, nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    let msg = crate::i18n::tf!(
        "usulan-ini-baru-saja-diproses-orang",
        a1 = crate::i18n::label(fresh.status.label())
    );
    Ok((
        StatusCode::CONFLICT,
        show_page(state, Some(user), fresh, false, Some(msg)).await?,
    )
        .into_response())
}

async fn step(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    Form(f): Form<StepForm>,
) -> Result<Response, AppError> {
    let p = proposals::by_nomor(&state.db, &nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(st) = Step::parse(&f.langkah) else {
        let refusal = ("langkah", crate::i18n::t("pilih-langkah").to_string());
        return refused_step(&state, &user, p, f, refusal).await;
    };
    authorize(
        &user,
        Action::ActOnProposal {
            p: pref(&p),
            step: st,
        },
    )?;
    let to = proposal::next(p.status, st).map_err(AppError::Forbidden)?;
    let d = match checked_decision(&state, &p, st, &f).await? {
        Ok(d) => d,
        // A refused step comes back as typed, the message beside its field.
        Err(refusal) => return refused_step(&state, &user, p, f, refusal).await,
    };
    let actor_org = proposal_actor(&user, &pref(&p));
    let recommendation = f.rekomendasi.trim().chars().take(2000).collect::<String>();
    match crate::store::atomic(&state.db, async |tx| {
        proposals::act(
            tx,
            user.id,
            actor_org,
            &p,
            f.version,
            to,
            &recommendation,
            &d,
        )
        .await
    })
    .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/usulan/{nomor}")).into_response()),
        Err(SaveError::Conflict) => step_conflict(&state, &user, &p.region_kode, &nomor).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RankForm {
    peringkat: String,
    kembali: String,
}

async fn rank(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    Form(f): Form<RankForm>,
) -> Result<Response, AppError> {
    let p = proposals::by_nomor(&state.db, &nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    // Ranking belongs to the level that may forward it.
    authorize(
        &user,
        Action::ActOnProposal {
            p: pref(&p),
            step: Step::Teruskan,
        },
    )?;
    let Some(r) = f
        .peringkat
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|r| (1..=999).contains(r))
    else {
        // The work list again, the typed rank in its row and why beside it.
        let mut page = task_page(&state, &user, ListQuery::default()).await?;
        page.rank_refused = Some(RefusedRank {
            id: p.id,
            typed: f.peringkat.clone(),
            why: crate::i18n::tf!("peringkat-berupa-angka-1999-1-paling", a1 = p.nomor),
        });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    crate::store::atomic(&state.db, async |tx| {
        proposals::set_rank(tx, &p, p.status == Status::DiteruskanKecamatan, r).await
    })
    .await?;
    let back = super::safe_next(Some(&f.kembali));
    Ok(Redirect::to(if back == "/" { "/usulan/tugas" } else { &back }).into_response())
}
