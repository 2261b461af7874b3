//! Maps without tiles (issue 20): SVG drawn on the server from the shipped
//! boundaries, inside normal pages, every area a link named by its title,
//! and the same figures in a table beside it. The outlines of a map are
//! projected and simplified once per version of the boundaries
//! (`state.maps`); the figures are read per request, through the same
//! rules as the lists they come from.

mod pages;
mod picker;

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use crate::app::AppState;
use crate::domain::map::{self, Geometry, tenth};
use crate::domain::region::RegionLevel;
use crate::error::AppError;
use crate::store::boundaries;

pub use picker::{Picker, place_point, point_outside};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/usulan/peta", get(pages::proposals))
        .route("/rencana/{id}/peta", get(pages::pagu))
        .route("/peta/provinsi/{kode}", get(pages::province))
        .route("/peta/desa/{kode}", get(picker::picture))
}

/// Widths in pixels: a page's map, and the small ones beside a record
/// (narrow enough for a 360 px phone without scaling, so a click on the
/// picker lands where it is drawn).
pub const WIDE: f64 = 640.0;
pub const SMALL: f64 = 300.0;

/// A map as the template draws it.
pub struct Drawing {
    pub width: String,
    pub height: String,
    /// What the map shows, for screen readers.
    pub label: String,
    pub areas: Vec<DrawnArea>,
    pub points: Vec<DrawnPoint>,
    pub legend: Vec<(String, String)>,
}

pub struct DrawnArea {
    pub kode: String,
    pub d: String,
    pub href: Option<String>,
    pub title: String,
    /// `s0`…`s5` (shade by figure), or a named class.
    pub class: String,
}

pub struct DrawnPoint {
    pub x: String,
    pub y: String,
    pub href: Option<String>,
    pub title: String,
}

impl Drawing {
    /// Every outline of `geo`, unshaded, titled by its name.
    pub fn of(geo: &Geometry, label: impl Into<String>) -> Drawing {
        Drawing {
            width: tenth(geo.frame.width),
            height: tenth(geo.frame.height),
            label: label.into(),
            areas: geo
                .outlines
                .iter()
                .map(|o| DrawnArea {
                    kode: o.kode.clone(),
                    d: o.d.clone(),
                    href: None,
                    title: o.nama.clone(),
                    class: "s0".into(),
                })
                .collect(),
            points: Vec::new(),
            legend: Vec::new(),
        }
    }

    /// Adds a dot at (lat, lng).
    pub fn point(
        &mut self,
        geo: &Geometry,
        lat: f64,
        lng: f64,
        title: String,
        href: Option<String>,
    ) {
        let (x, y) = geo.frame.to_xy(lat, lng);
        // A point off the picture (a record placed outside its region
        // before places were checked) would be an invisible link.
        if !(0.0..=geo.frame.width).contains(&x) || !(0.0..=geo.frame.height).contains(&y) {
            return;
        }
        self.points.push(DrawnPoint {
            x: tenth(x),
            y: tenth(y),
            href,
            title,
        });
    }

    /// A legend for shades by a count up to `max`: whole numbers, steps
    /// that hold none left out.
    pub fn count_legend(&mut self, max: i64) {
        self.legend = vec![("s0".to_string(), "tidak ada".to_string())];
        let mut from = 1;
        for step in map::steps(max as f64) {
            let s = step.shade;
            let to = step.to.floor() as i64;
            if to >= from {
                let text = if to == from {
                    from.to_string()
                } else {
                    format!("{from}–{to}")
                };
                self.legend.push((format!("s{s}"), text));
                from = to + 1;
            }
        }
    }

    /// A legend for shades by figure up to `max`, each step in `unit`s.
    pub fn shade_legend(&mut self, max: f64, fmt: impl Fn(f64) -> String) {
        let max = if max > 0.0 { max } else { 0.0 };
        self.legend = std::iter::once(("s0".to_string(), "tidak ada".to_string()))
            .chain(map::steps(max).into_iter().filter(|_| max > 0.0).map(|s| {
                let text = format!("{}–{}", fmt(s.from), fmt(s.to));
                (format!("s{}", s.shade), text)
            }))
            .collect();
    }
}

/// The outlines of the regions of `levels` under `prefix`, drawn `width`
/// pixels wide, from the cache when the boundaries have not changed.
pub async fn under(
    state: &AppState,
    prefix: &str,
    levels: &[RegionLevel],
    width: f64,
) -> Result<Arc<Geometry>, AppError> {
    let version = boundaries::version(&state.db, prefix).await?;
    let key = format!("under:{prefix}:{levels:?}:{width}:{version}");
    if let Some(hit) = state.maps.get(&key) {
        return Ok(hit);
    }
    let areas = boundaries::under(&state.db, prefix, levels).await?;
    Ok(keep(state, key, &areas, width))
}

/// The outlines of the regions `kodes` (those that have one), drawn
/// together `width` pixels wide.
pub async fn of(state: &AppState, kodes: &[String], width: f64) -> Result<Arc<Geometry>, AppError> {
    // Only codes in the national shape reach the cache's keys.
    let kodes: Vec<String> = kodes
        .iter()
        .filter(|k| RegionLevel::of(k, "").is_some())
        .take(64)
        .cloned()
        .collect();
    let version = boundaries::version_of(&state.db, &kodes).await?;
    let key = format!("of:{}:{width}:{version}", kodes.join(","));
    if let Some(hit) = state.maps.get(&key) {
        return Ok(hit);
    }
    let areas = boundaries::of(&state.db, &kodes).await?;
    Ok(keep(state, key, &areas, width))
}

fn keep(state: &AppState, key: String, areas: &[boundaries::Area], width: f64) -> Arc<Geometry> {
    let geo = Arc::new(Geometry::draw(
        areas
            .iter()
            .map(|a| (a.kode.as_str(), a.nama.as_str(), &a.shape)),
        width,
        width * 1.1,
    ));
    // Nothing found is not kept: it costs nothing to find again, and
    // keeping it would let made-up codes fill the cache.
    if !areas.is_empty() {
        state.maps.put(key, geo.clone());
    }
    geo
}

/// The finest outlines a kab/kota has: its desa/kelurahan when they are
/// shipped or imported, else its kecamatan.
pub async fn finest(
    state: &AppState,
    pemda: &str,
    width: f64,
) -> Result<(Arc<Geometry>, bool), AppError> {
    if boundaries::desa_complete(&state.db, pemda).await? {
        let levels = [RegionLevel::Desa, RegionLevel::Kelurahan];
        return Ok((under(state, pemda, &levels, width).await?, true));
    }
    Ok((
        under(state, pemda, &[RegionLevel::Kecamatan], width).await?,
        false,
    ))
}

/// A proposal's place: its desa/kelurahan (or, without an outline, its
/// kecamatan) with the point it carries, the area linking to the
/// proposals there.
pub async fn place(
    state: &AppState,
    wilayah: &str,
    point: Option<(f64, f64)>,
) -> Result<Option<Drawing>, AppError> {
    let mut geo = of(state, &[wilayah.to_string()], SMALL).await?;
    let mut desa = true;
    if geo.outlines.is_empty() {
        geo = of(state, &[kecamatan_of(wilayah).to_string()], SMALL).await?;
        desa = false;
    }
    let Some(outline) = geo.outlines.first() else {
        return Ok(None);
    };
    let mut m = Drawing::of(&geo, crate::i18n::tf!("peta-lokasi-2", a1 = outline.nama));
    let pemda = pemda_of(wilayah);
    for a in &mut m.areas {
        a.class = "s1".into();
        a.href = Some(if desa {
            format!("/usulan?wilayah={pemda}&desa={}", a.kode)
        } else {
            format!("/usulan?wilayah={pemda}&kecamatan={}", a.kode)
        });
        a.title = crate::i18n::tf!("usulan-lain-di", a1 = a.title);
    }
    if let Some((lat, lng)) = point {
        m.point(
            &geo,
            lat,
            lng,
            crate::i18n::t("titik-lokasi-usulan").into(),
            None,
        );
    }
    Ok(Some(m))
}

/// A sub kegiatan's lokasi on its kab/kota (desa where outlined, else
/// kecamatan): the places it names shaded, each linking to the plan's
/// map of where the money goes. None without lokasi or outlines.
pub async fn lokasi(
    state: &AppState,
    plan: uuid::Uuid,
    pemda: &str,
    lokasi: &[String],
) -> Result<Option<Drawing>, AppError> {
    if lokasi.is_empty() {
        return Ok(None);
    }
    // A province's plan places its sub kegiatan in kab/kota.
    let province = !pemda.contains('.');
    let (geo, desa) = if province {
        let levels = [RegionLevel::Kabupaten, RegionLevel::Kota];
        (under(state, pemda, &levels, SMALL).await?, false)
    } else {
        finest(state, pemda, SMALL).await?
    };
    if geo.outlines.is_empty() {
        return Ok(None);
    }
    let named = |kode: &str| {
        lokasi.iter().any(|l| {
            l == pemda
                || l == kode
                || l == kecamatan_of(kode)
                || kecamatan_of(l) == kode
                || (province && pemda_of(l) == kode)
        })
    };
    let mut m = Drawing::of(&geo, crate::i18n::t("peta-lokasi-sub-kegiatan"));
    for a in &mut m.areas {
        if named(&a.kode) {
            a.class = "hl".into();
            let level = if desa { "&tingkat=desa" } else { "" };
            a.href = Some(format!("/rencana/{plan}/peta?{level}#w-{}", a.kode));
            a.title = format!("{} (lokasi)", a.title);
        }
    }
    m.legend = vec![("hl".into(), "lokasi sub kegiatan".into())];
    Ok(Some(m))
}

/// The regions of a kerja sama drawn together, each linking to its plans.
pub async fn partners(
    state: &AppState,
    own: &str,
    partners: &[String],
) -> Result<Option<Drawing>, AppError> {
    let mut kodes = vec![own.to_string()];
    kodes.extend(partners.iter().cloned());
    let geo = of(state, &kodes, SMALL * 1.5).await?;
    if geo.outlines.is_empty() {
        return Ok(None);
    }
    let mut m = Drawing::of(&geo, crate::i18n::t("peta-daerah-yang-bekerja-sama"));
    for a in &mut m.areas {
        let role = if a.kode == own { "pencatat" } else { "mitra" };
        a.class = if a.kode == own { "s4" } else { "s2" }.into();
        a.href = Some(format!(
            "/rencana?cari={}",
            crate::format::url_encode(&a.title)
        ));
        a.title = format!("{} ({role})", a.title);
    }
    m.legend = vec![
        ("s4".into(), "pencatat".into()),
        ("s2".into(), "mitra".into()),
    ];
    Ok(Some(m))
}

/// The kecamatan code of a desa/kelurahan code (or the code itself).
pub fn kecamatan_of(kode: &str) -> &str {
    match kode.match_indices('.').nth(2) {
        Some((i, _)) => &kode[..i],
        None => kode,
    }
}

/// The kab/kota code of any code below it.
pub fn pemda_of(kode: &str) -> &str {
    match kode.match_indices('.').nth(1) {
        Some((i, _)) => &kode[..i],
        None => kode,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_legends_hold_whole_numbers() {
        let geo = Geometry::draw(std::iter::empty(), 100.0, 100.0);
        let mut d = Drawing::of(&geo, "x");
        d.count_legend(9);
        let texts: Vec<&str> = d.legend.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["tidak ada", "1", "2–3", "4–5", "6–7", "8–9"]);
        // Each count gets the shade its legend line names.
        assert_eq!(map::shade(3.0, 9.0), 2);
        assert_eq!(map::shade(8.0, 9.0), 5);
        d.count_legend(2);
        let texts: Vec<&str> = d.legend.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["tidak ada", "1", "2"]);
        assert_eq!(d.legend[1].0, "s3");
        assert_eq!(map::shade(1.0, 2.0), 3);
    }

    #[test]
    fn codes_up_the_tree() {
        assert_eq!(kecamatan_of("33.71.03.1003"), "33.71.03");
        assert_eq!(kecamatan_of("33.71.03"), "33.71.03");
        assert_eq!(pemda_of("33.71.03.1003"), "33.71");
        assert_eq!(pemda_of("33.71"), "33.71");
    }
}
