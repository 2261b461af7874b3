//! The map pages: proposals of a kab/kota, where a plan's money goes, and
//! a province's kab/kota by their RKPD. Each is a figure per area, shaded
//! on the map and listed in the table below it.

use crate::web::filters;
use std::collections::{BTreeMap, HashMap};

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;
use uuid::Uuid;

use super::{Drawing, WIDE, finest, kecamatan_of, pemda_of, under};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::can_view_plan;
use crate::domain::map::shade;
use crate::domain::money::Rupiah;
use crate::domain::proposal::{Source, Status};
use crate::domain::region::RegionLevel;
use crate::error::AppError;
use crate::store::{plans, proposals, regions};
use crate::web::Nav;
use crate::web::proposals::ListQuery;

/// The most proposals drawn as dots on one map (a kab/kota's year under
/// a filter rarely holds more; past it the page says so and the list has
/// them all), which keeps the map within its size on the wire.
const MAX_DOTS: i64 = 500;

/// A row of a map's table: the area, its figure, and what makes it up.
pub struct Row {
    pub kode: String,
    pub nama: String,
    /// The kecamatan, for a desa/kelurahan.
    pub within: String,
    pub figure: String,
    pub href: Option<String>,
    /// Records in the area (sub kegiatan of the pagu map): (link, label).
    pub parts: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "maps/proposals.html")]
struct ProposalsPage {
    nav: Nav,
    region: Option<(String, String)>,
    /// Without a region: the kab/kota that have proposals.
    choices: Vec<(String, String)>,
    map: Option<Drawing>,
    rows: Vec<Row>,
    total: i64,
    located: usize,
    /// More proposals carry coordinates than are drawn.
    more_dots: bool,
    desa_level: bool,
    q: ListQuery,
    statuses: [Status; 9],
    sources: [Source; 4],
}

impl ProposalsPage {
    fn list_link(&self) -> String {
        self.q.at_page("/usulan", 1)
    }
}

/// Proposals of a kab/kota per desa/kelurahan (or kecamatan, where the
/// desa have no outline yet) under the list's filters, and a dot for
/// each proposal with coordinates. Proposals are public data.
pub async fn proposals(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(mut q): Query<ListQuery>,
) -> Result<Response, AppError> {
    // The map is of a region's proposals, not of one person's.
    q.saya.clear();
    if q.wilayah.is_empty() {
        q.wilayah = user
            .as_ref()
            .map(|u| u.region_kode.clone())
            .unwrap_or_default();
    }
    let mut page = proposals_page(user.as_ref(), &q);
    let region = match regions::get(&state.db, pemda_of(&q.wilayah)).await? {
        Some(r) if r.level.is_pemda() && r.level != RegionLevel::Provinsi => r,
        _ => {
            page.choices = proposals::regions_with_proposals(&state.db).await?;
            return Ok(page.into_response());
        }
    };
    q.wilayah = region.kode.clone();
    let (geo, desa_level) = finest(&state, &region.kode, WIDE).await?;
    let counts = proposals::count_by_place(&state.db, &q.filter()).await?;
    let per_area = count_per_area(&counts, desa_level);
    let names = place_names(&state, &region.kode).await?;
    let mut map = count_drawing(&geo, &region.nama, &q, &per_area, desa_level);
    let located = proposals::located(&state.db, &q.filter(), MAX_DOTS + 1).await?;
    dots(&mut map, &geo, &located);
    page.rows = count_rows(&map, &names, &per_area, desa_level);
    page.total = counts.iter().map(|(_, n)| n).sum();
    page.located = located.len();
    page.more_dots = located.len() as i64 > MAX_DOTS;
    page.desa_level = desa_level;
    page.region = Some((region.kode, region.nama));
    page.map = Some(map);
    page.q = q;
    Ok(page.into_response())
}

/// The proposal map's page before its region is known: no map, no rows.
fn proposals_page(user: Option<&CurrentUser>, q: &ListQuery) -> ProposalsPage {
    ProposalsPage {
        nav: Nav::for_visitor(user),
        region: None,
        choices: Vec::new(),
        map: None,
        rows: Vec::new(),
        total: 0,
        located: 0,
        more_dots: false,
        desa_level: false,
        q: q.clone(),
        statuses: Status::ALL,
        sources: Source::ALL,
    }
}

/// Proposals per area of the map (desa/kelurahan, or kecamatan), by code.
fn count_per_area(counts: &[(String, i64)], desa_level: bool) -> HashMap<&str, i64> {
    let mut per_area: HashMap<&str, i64> = HashMap::new();
    for (kode, n) in counts {
        let area = if desa_level {
            kode.as_str()
        } else {
            kecamatan_of(kode)
        };
        *per_area.entry(area).or_default() += n;
    }
    per_area
}

/// The proposal map: each area shaded by its count, linking to its list.
fn count_drawing(
    geo: &crate::domain::map::Geometry,
    region: &str,
    q: &ListQuery,
    per_area: &HashMap<&str, i64>,
    desa_level: bool,
) -> Drawing {
    let max = per_area.values().copied().max().unwrap_or(0) as f64;
    let mut map = Drawing::of(
        geo,
        crate::i18n::tf!("peta-jumlah-usulan-per-wilayah-di", a1 = region),
    );
    for a in &mut map.areas {
        let n = per_area.get(a.kode.as_str()).copied().unwrap_or(0);
        a.class = format!("s{}", shade(n as f64, max));
        a.title = format!("{}: {n} usulan", a.title);
        a.href = Some(place_link(q, &a.kode, desa_level));
    }
    map.count_legend(max as i64);
    map
}

/// A dot for each located proposal (the first `MAX_DOTS`), linking to it.
fn dots(map: &mut Drawing, geo: &crate::domain::map::Geometry, located: &[proposals::Located]) {
    for p in located.iter().take(MAX_DOTS as usize) {
        let (Some(lat), Some(lng)) = (p.latitude.to_f64(), p.longitude.to_f64()) else {
            continue;
        };
        let title: String = p.title.chars().take(60).collect();
        let href = Some(format!("/usulan/{}", p.nomor));
        map.point(geo, lat, lng, format!("{} {title}", p.nomor), href);
    }
}

/// The table of the proposal map: an area a row, with its count.
fn count_rows(
    map: &Drawing,
    names: &HashMap<String, String>,
    per_area: &HashMap<&str, i64>,
    desa_level: bool,
) -> Vec<Row> {
    map.areas
        .iter()
        .map(|a| Row {
            kode: a.kode.clone(),
            nama: names.get(&a.kode).cloned().unwrap_or_default(),
            within: names
                .get(kecamatan_of(&a.kode))
                .cloned()
                .filter(|_| desa_level)
                .unwrap_or_default(),
            figure: per_area
                .get(a.kode.as_str())
                .copied()
                .unwrap_or(0)
                .to_string(),
            href: a.href.clone(),
            parts: Vec::new(),
        })
        .collect()
}

/// Names of every kecamatan and desa/kelurahan of a kab/kota, by code.
async fn place_names(state: &AppState, pemda: &str) -> Result<HashMap<String, String>, AppError> {
    Ok(regions::places_in(&state.db, pemda)
        .await?
        .into_iter()
        .map(|r| (r.kode, r.nama))
        .collect())
}

/// The list of the proposals in an area, the map's filters kept.
fn place_link(q: &ListQuery, kode: &str, desa: bool) -> String {
    let mut q = q.clone();
    if desa {
        q.desa = kode.to_string();
    } else {
        (q.kecamatan, q.desa) = (kode.to_string(), String::new());
    }
    q.at_page("/usulan", 1)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PaguQuery {
    tahun: String,
    /// `desa`: by desa/kelurahan; otherwise by kecamatan.
    tingkat: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "maps/pagu.html")]
struct PaguPage {
    nav: Nav,
    plan: plans::Plan,
    year: i32,
    years: Vec<i32>,
    desa_level: bool,
    desa_available: bool,
    /// What an area is: kabupaten/kota, kecamatan or desa/kelurahan.
    unit: &'static str,
    map: Drawing,
    rows: Vec<Row>,
    total: String,
    /// Pagu whose lokasi is not an area of this map (none, the whole
    /// kab/kota, or a kecamatan on the desa map), and its sub kegiatan.
    elsewhere: String,
    elsewhere_parts: Vec<(String, String)>,
}

/// Where a plan's money goes: the pagu of its sub kegiatan of a year by
/// kecamatan or desa/kelurahan of their lokasi. A sub kegiatan in several
/// places is divided among them equally (the page says so). Readable by
/// whoever may read the plan, as its page.
pub async fn pagu(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
    Query(q): Query<PaguQuery>,
) -> Result<Response, AppError> {
    let plan = crate::web::plans::readable_plan(&state, user.as_ref(), id).await?;
    let years: Vec<i32> = (plan.first_year..=plan.last_year).collect();
    let year = q
        .tahun
        .parse()
        .ok()
        .filter(|y| years.contains(y))
        .unwrap_or(plan.first_year);
    let pemda = plan.region_kode.clone();
    let (geo, scale) = pagu_scale(&state, &pemda, q.tingkat == "desa").await?;
    let (province, desa_level) = (scale == Scale::Kabkota, scale == Scale::Desa);
    let area_of = |l: &str| -> String {
        match scale {
            Scale::Kabkota => pemda_of(l).to_string(),
            Scale::Desa => l.to_string(),
            Scale::Kecamatan => kecamatan_of(l).to_string(),
        }
    };
    let items = plans::located_pagu(&state.db, &pemda, id, year).await?;
    let split = divide(&items, &pemda, area_of, |k| {
        geo.outlines.iter().any(|o| o.kode == k)
    });
    let names = pagu_names(&state, &pemda, &geo).await?;
    let map = pagu_drawing(&geo, &split, &plan.title, year);
    let rows = pagu_rows(&split, &names, desa_level);
    Ok(PaguPage {
        nav: Nav::for_visitor(user.as_ref()),
        year,
        years,
        desa_level,
        desa_available: !province && boundaries_complete(&state, &pemda).await?,
        unit: scale.unit(),
        map,
        rows,
        total: split.total.shown(),
        elsewhere: split.elsewhere.shown(),
        elsewhere_parts: split.elsewhere_parts,
        plan,
    }
    .into_response())
}

/// Names of a kab/kota's places and of every area on its pagu map, by code.
async fn pagu_names(
    state: &AppState,
    pemda: &str,
    geo: &crate::domain::map::Geometry,
) -> Result<HashMap<String, String>, AppError> {
    let mut names = place_names(state, pemda).await?;
    names.extend(
        geo.outlines
            .iter()
            .map(|o| (o.kode.clone(), o.nama.clone())),
    );
    Ok(names)
}

/// The areas a plan's pagu is drawn by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scale {
    Kabkota,
    Kecamatan,
    Desa,
}

impl Scale {
    fn unit(self) -> &'static str {
        match self {
            Scale::Kabkota => "kabupaten/kota",
            Scale::Kecamatan => "kecamatan",
            Scale::Desa => "desa/kelurahan",
        }
    }
}

async fn boundaries_complete(state: &AppState, pemda: &str) -> Result<bool, AppError> {
    Ok(crate::store::boundaries::desa_complete(&state.db, pemda).await?)
}

/// A province's plan by kab/kota; a kab/kota's by kecamatan, or by desa
/// when asked and every desa is outlined.
async fn pagu_scale(
    state: &AppState,
    pemda: &str,
    desa: bool,
) -> Result<(std::sync::Arc<crate::domain::map::Geometry>, Scale), AppError> {
    if !pemda.contains('.') {
        let levels = [RegionLevel::Kabupaten, RegionLevel::Kota];
        return Ok((under(state, pemda, &levels, WIDE).await?, Scale::Kabkota));
    }
    let (finest_geo, has_desa) = finest(state, pemda, WIDE).await?;
    if desa && has_desa {
        return Ok((finest_geo, Scale::Desa));
    }
    Ok((
        under(state, pemda, &[RegionLevel::Kecamatan], WIDE).await?,
        Scale::Kecamatan,
    ))
}

/// The map of a split: each area shaded by its pagu, linking to its row.
fn pagu_drawing(
    geo: &crate::domain::map::Geometry,
    split: &Split,
    title: &str,
    year: i32,
) -> Drawing {
    let max = split
        .per_area
        .values()
        .map(|(d, _)| d.amount().to_f64().unwrap_or(0.0))
        .fold(0.0, f64::max);
    let mut map = Drawing::of(
        geo,
        crate::i18n::tf!("peta-pagu-tahun-per-wilayah", title = title, year = year),
    );
    for a in &mut map.areas {
        let sum = split
            .per_area
            .get(&a.kode)
            .map(|(d, _)| *d)
            .unwrap_or_default();
        a.class = format!("s{}", shade(sum.amount().to_f64().unwrap_or(0.0), max));
        a.title = format!("{}: {}", a.title, sum.shown());
        a.href = Some(format!("#w-{}", a.kode));
    }
    map.shade_legend(max, short_rupiah);
    map
}

/// The table of a split, an area a row.
fn pagu_rows(split: &Split, names: &HashMap<String, String>, desa_level: bool) -> Vec<Row> {
    split
        .per_area
        .iter()
        .map(|(kode, (sum, parts))| Row {
            kode: kode.clone(),
            nama: names.get(kode).cloned().unwrap_or_default(),
            within: names
                .get(kecamatan_of(kode))
                .cloned()
                .filter(|_| desa_level)
                .unwrap_or_default(),
            figure: sum.shown(),
            href: None,
            parts: parts.clone(),
        })
        .collect()
}

/// Pagu per area (code order): the sum and its sub kegiatan.
struct Split {
    per_area: BTreeMap<String, (Rupiah, Vec<(String, String)>)>,
    total: Rupiah,
    elsewhere: Rupiah,
    elsewhere_parts: Vec<(String, String)>,
}

/// Divides each sub kegiatan's pagu equally among its lokasi inside the
/// region, adding each share to the area it falls in (`area_of` a lokasi;
/// `drawn` says whether an area is on the map).
fn divide(
    items: &[plans::LocatedPagu],
    pemda: &str,
    area_of: impl Fn(&str) -> String,
    drawn: impl Fn(&str) -> bool,
) -> Split {
    let mut s = Split {
        per_area: BTreeMap::new(),
        total: Rupiah::ZERO,
        elsewhere: Rupiah::ZERO,
        elsewhere_parts: Vec::new(),
    };
    for i in items {
        s.total += i.pagu;
        let label = format!(
            "{} {} ({})",
            i.kode.as_deref().unwrap_or(""),
            i.nama,
            i.pagu.shown()
        );
        let link = (format!("/item/{}", i.id), label.trim().to_string());
        let prefix = format!("{pemda}.");
        let areas: Vec<String> = i
            .lokasi
            .iter()
            .filter(|l| l.starts_with(&prefix))
            .map(|l| area_of(l))
            .filter(|a| drawn(a))
            .collect();
        if areas.is_empty() {
            s.elsewhere += i.pagu;
            s.elsewhere_parts.push(link);
            continue;
        }
        let share = Rupiah::new(i.pagu.amount() / Decimal::from(areas.len()));
        for a in areas {
            let e = s.per_area.entry(a).or_default();
            e.0 += share;
            if !e.1.contains(&link) {
                e.1.push(link.clone());
            }
        }
    }
    s
}

/// "Rp 1,2 M" style for a legend.
fn short_rupiah(v: f64) -> String {
    let (n, unit) = if v >= 1e9 {
        (v / 1e9, " M")
    } else if v >= 1e6 {
        (v / 1e6, " jt")
    } else {
        (v, "")
    };
    format!(
        "Rp {}{unit}",
        format!("{n:.1}").replace('.', ",").trim_end_matches(",0")
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ProvinceQuery {
    tahun: String,
    /// `k11`: shade by the findings against the province's RKPD.
    tampil: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "maps/province.html")]
struct ProvincePage {
    nav: Nav,
    kode: String,
    nama: String,
    year: i32,
    by_findings: bool,
    map: Drawing,
    rows: Vec<ProvinceRow>,
}

pub struct ProvinceRow {
    pub kode: String,
    pub nama: String,
    /// The RKPD's stage, or why it is not shown.
    pub stage: String,
    pub plan: Option<(Uuid, String)>,
    /// K11 findings, when the RKPD may be read.
    pub k11: Option<usize>,
    /// The shade of its stage: none, st-draft, st-open, st-done.
    pub class: &'static str,
}

/// A province's kab/kota shaded by the stage of their RKPD of a year, or
/// by the findings of K11 (priorities against the province's RKPD). A
/// draft the reader may not open shows only that it is not public.
pub async fn province(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(kode): Path<String>,
    Query(q): Query<ProvinceQuery>,
) -> Result<Response, AppError> {
    let region = regions::get(&state.db, &kode)
        .await?
        .ok_or(AppError::NotFound)?;
    if region.level != RegionLevel::Provinsi {
        return Err(AppError::NotFound);
    }
    let year = q
        .tahun
        .parse()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or(time::OffsetDateTime::now_utc().year());
    let geo = under(
        &state,
        &kode,
        &[RegionLevel::Kabupaten, RegionLevel::Kota],
        WIDE,
    )
    .await?;
    let by_findings = q.tampil == "k11";
    let rows = province_rows(&state, user.as_ref(), &geo, year, by_findings).await?;
    let label = format!("Peta RKPD {year} kabupaten/kota di {}", region.nama);
    let map = province_drawing(&geo, label, &rows, by_findings);
    Ok(ProvincePage {
        nav: Nav::for_visitor(user.as_ref()),
        kode: region.kode,
        nama: region.nama,
        year,
        by_findings,
        map,
        rows,
    }
    .into_response())
}

/// The province map: each kab/kota shaded by its RKPD's stage or K11 findings.
fn province_drawing(
    geo: &crate::domain::map::Geometry,
    label: String,
    rows: &[ProvinceRow],
    by_findings: bool,
) -> Drawing {
    let max = rows.iter().filter_map(|r| r.k11).max().unwrap_or(0) as f64;
    let mut map = Drawing::of(geo, label);
    for (a, r) in map.areas.iter_mut().zip(rows) {
        a.class = if by_findings {
            r.k11
                .map(|n| format!("s{}", shade(n as f64, max)))
                .unwrap_or_else(|| "none".into())
        } else {
            r.class.to_string()
        };
        let k11 = r
            .k11
            .map(|n| format!(", {n} temuan K11"))
            .unwrap_or_default();
        a.title = format!("{}: {}{k11}", r.nama, r.stage);
        a.href = Some(match &r.plan {
            Some((id, _)) => format!("/rencana/{id}"),
            None => format!("/rencana?cari={}", crate::format::url_encode(&r.nama)),
        });
    }
    province_legend(&mut map, max, by_findings);
    map
}

/// The province map's legend: findings up to `max`, or the RKPD's stages.
fn province_legend(map: &mut Drawing, max: f64, by_findings: bool) {
    if by_findings {
        map.count_legend(max as i64);
        map.legend[0].1 = "tidak ada temuan".into();
        map.legend.push((
            "none".into(),
            crate::i18n::t("rkpd-tidak-dapat-dibaca-atau-belum").into(),
        ));
    } else {
        map.legend = vec![
            ("none".into(), "belum ada RKPD".into()),
            (
                "st-draft".into(),
                "rancangan yang belum dibuka untuk umum".into(),
            ),
            ("st-open".into(), "rancangan yang dapat dibaca".into()),
            ("st-done".into(), "ditetapkan".into()),
        ];
    }
}

/// One row per kab/kota of the map, in its order: its RKPD of the year as
/// far as the reader may read it.
async fn province_rows(
    state: &AppState,
    user: Option<&CurrentUser>,
    geo: &crate::domain::map::Geometry,
    year: i32,
    with_findings: bool,
) -> Result<Vec<ProvinceRow>, AppError> {
    let province = geo.outlines.first().map(|o| {
        pemda_of(&o.kode)
            .split('.')
            .next()
            .unwrap_or("")
            .to_string()
    });
    let plans = match province {
        Some(p) => plans::rkpd_in_province(&state.db, &p, year).await?,
        None => Vec::new(),
    };
    let mut rows = Vec::with_capacity(geo.outlines.len());
    for o in &geo.outlines {
        rows.push(province_row(state, user, o, &plans, with_findings).await?);
    }
    Ok(rows)
}

/// One kab/kota's row of the province map: its RKPD as far as the reader may read it.
async fn province_row(
    state: &AppState,
    user: Option<&CurrentUser>,
    o: &crate::domain::map::Outline,
    rkpds: &[plans::Plan],
    with_findings: bool,
) -> Result<ProvinceRow, AppError> {
    let mut row = ProvinceRow {
        kode: o.kode.clone(),
        nama: o.nama.clone(),
        stage: crate::i18n::t("belum-ada-rkpd").into(),
        plan: None,
        k11: None,
        class: "none",
    };
    let readable = rkpds
        .iter()
        .filter(|p| p.region_kode == o.kode)
        .find(|p| can_view_plan(user, crate::web::plans::plan_ref(p)).is_ok());
    if let Some(p) = readable {
        // Cek runs only when the findings are asked for.
        if with_findings {
            let findings = crate::web::checks::run_for(state, user, p).await?;
            row.k11 = Some(findings.iter().filter(|f| f.rule == "K11").count());
        }
        row.stage = crate::i18n::label(p.stage.label()).to_string();
        row.plan = Some((p.id, p.title.clone()));
        row.class = if p.stage == crate::domain::plan::Stage::Ditetapkan {
            "st-done"
        } else {
            "st-open"
        };
    } else if rkpds.iter().any(|p| p.region_kode == o.kode) {
        row.stage = crate::i18n::t("rancangan-belum-dibuka-untuk-umum").into();
        row.class = "st-draft";
    }
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kode: &str, lokasi: &[&str], pagu: i64) -> plans::LocatedPagu {
        plans::LocatedPagu {
            id: Uuid::nil(),
            kode: Some(kode.into()),
            nama: "x".into(),
            lokasi: lokasi.iter().map(|s| s.to_string()).collect(),
            pagu: Rupiah::new(Decimal::from(pagu)),
        }
    }

    #[test]
    fn pagu_is_shared_among_places_and_the_rest_is_named() {
        let items = [
            item("1", &["33.71.01.1001", "33.71.02.1001"], 100),
            item("2", &["33.71.01.1002"], 50),
            item("3", &[], 7),
            item("4", &["33.71"], 3),
            item("5", &["33.08.01.2001"], 9),
        ];
        let s = divide(&items, "33.71", |l| kecamatan_of(l).to_string(), |_| true);
        assert_eq!(s.per_area["33.71.01"].0, Rupiah::new(Decimal::from(100)));
        assert_eq!(s.per_area["33.71.02"].0, Rupiah::new(Decimal::from(50)));
        assert_eq!(s.per_area["33.71.01"].1.len(), 2);
        assert_eq!(s.elsewhere, Rupiah::new(Decimal::from(19)));
        assert_eq!(s.total, Rupiah::new(Decimal::from(169)));
        // On the desa map a kecamatan-wide lokasi is not an area.
        let items = [item("6", &["33.71.01"], 10)];
        let s = divide(&items, "33.71", str::to_string, |k| {
            k.split('.').count() == 4
        });
        assert_eq!(s.elsewhere, Rupiah::new(Decimal::from(10)));
    }

    #[test]
    fn legends_read_short() {
        assert_eq!(short_rupiah(1_500_000_000.0), "Rp 1,5 M");
        assert_eq!(short_rupiah(2_000_000.0), "Rp 2 jt");
        assert_eq!(short_rupiah(0.0), "Rp 0");
    }
}
