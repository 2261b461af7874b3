//! Choosing a proposal's location without script: the form shows the desa
//! as the picture of an `<input type="image">`, whose click sends the
//! pixel (`peta.x`, `peta.y`); the server turns it into latitude and
//! longitude with the same frame it drew, and the form comes back with the
//! point drawn, to confirm or click again. Typed coordinates stay possible;
//! either way a point outside the chosen desa is refused.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rust_decimal::prelude::ToPrimitive;
use serde::Deserialize;

use super::{Drawing, SMALL, of};
use crate::app::AppState;
use crate::domain::map::{Geometry, Shape};
use crate::domain::proposal::{DraftForm, parse_latitude, parse_longitude};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::boundaries;

/// The picture the form shows: its address and size.
pub struct Picker {
    pub kode: String,
    pub nama: String,
    pub src: String,
    pub width: String,
    pub height: String,
}

/// A desa/kelurahan code in its national shape (`33.71.03.1003`): what
/// the picker draws, and all it lets into its cache keys.
fn is_desa_kode(kode: &str) -> bool {
    use crate::domain::region::RegionLevel;
    matches!(
        RegionLevel::of(kode, ""),
        Some(RegionLevel::Desa | RegionLevel::Kelurahan)
    )
}

/// Latitude and longitude as typed, if both are numbers on the earth.
fn typed_point(lat: &str, lng: &str) -> Option<(f64, f64)> {
    let lat = parse_latitude(lat).ok()??.to_f64()?;
    let lng = parse_longitude(lng).ok()??.to_f64()?;
    Some((lat, lng))
}

impl Picker {
    /// The picker for the desa `kode`, with the typed point drawn; None
    /// when the desa has no outline.
    pub async fn of(
        state: &AppState,
        kode: &str,
        lat: &str,
        lng: &str,
    ) -> Result<Option<Picker>, AppError> {
        if !is_desa_kode(kode) {
            return Ok(None);
        }
        let geo = of(state, &[kode.to_string()], SMALL).await?;
        let Some(outline) = geo.outlines.first() else {
            return Ok(None);
        };
        let mut src = format!("/peta/desa/{kode}");
        if let Some((lat, lng)) = typed_point(lat, lng) {
            src.push_str(&format!("?lat={lat}&lng={lng}"));
        }
        Ok(Some(Picker {
            kode: kode.to_string(),
            nama: outline.nama.clone(),
            src,
            width: crate::domain::map::tenth(geo.frame.width),
            height: crate::domain::map::tenth(geo.frame.height),
        }))
    }
}

/// A desa's name and outline, and the frame the picker draws it in.
struct Desa {
    nama: String,
    shape: Shape,
    geo: Geometry,
}

/// A desa's outline and the frame the picker draws it in.
async fn desa(state: &AppState, kode: &str) -> Result<Option<Desa>, AppError> {
    if !is_desa_kode(kode) {
        return Ok(None);
    }
    let Some(area) = boundaries::of(&state.db, &[kode.to_string()]).await?.pop() else {
        return Ok(None);
    };
    let geo = Geometry::draw(
        [(area.kode.as_str(), area.nama.as_str(), &area.shape)],
        SMALL,
        SMALL * 1.1,
    );
    Ok(Some(Desa {
        nama: area.nama,
        shape: area.shape,
        geo,
    }))
}

/// A click on the picker: None when the form was sent by its button.
/// Otherwise the point is written into the form's coordinates and the
/// answer is a line to show above the form, or the field error of a point
/// outside the desa.
pub async fn place_point(
    state: &AppState,
    f: &mut DraftForm,
) -> Result<Option<Result<String, FieldErrors>>, AppError> {
    if f.peta_x.is_empty() && f.peta_y.is_empty() {
        return Ok((!f.peta_lihat.is_empty()).then(|| {
            Ok(if f.wilayah_kode.is_empty() {
                crate::i18n::t("pilih-desa-kelurahan-lokasi-usulan-dulu").into()
            } else {
                crate::i18n::t("klik-peta-di-titik-lokasi-usulan").into()
            })
        }));
    }
    if f.peta_desa != f.wilayah_kode {
        return Ok(Some(Ok(crate::i18n::t(
            "peta-kini-menampilkan-desa-kelurahan-yang",
        )
        .into())));
    }
    let Some(Desa { nama, shape, geo }) = desa(state, &f.wilayah_kode).await? else {
        return Ok(Some(Err(FieldErrors::single(
            "latitude",
            crate::i18n::t("desa-kelurahan-ini-belum-memiliki-peta"),
        ))));
    };
    let (x, y) = match clicked(&f.peta_x, &f.peta_y, &geo) {
        Ok(xy) => xy,
        Err(why) => return Ok(Some(Ok(why.into()))),
    };
    let (lat, lng) = geo.frame.to_latlng(x, y);
    (f.latitude, f.longitude) = (format!("{lat:.6}"), format!("{lng:.6}"));
    if !shape.contains(lat, lng) {
        return Ok(Some(Err(FieldErrors::single("latitude", outside(&nama)))));
    }
    Ok(Some(Ok(format!(
        "Titik ditandai di {nama} ({lat:.6}, {lng:.6}). Periksa di peta, klik lagi untuk memindahkannya, lalu kirim."
    ))))
}

/// The pixel clicked, or why it is no point: a map "clicked" from the
/// keyboard sends (0, 0), which is no place the person chose; a pixel off
/// the picture (or not a number) was not sent by a browser.
fn clicked(x: &str, y: &str, geo: &Geometry) -> Result<(f64, f64), &'static str> {
    let (Ok(x), Ok(y)) = (x.trim().parse::<f64>(), y.trim().parse::<f64>()) else {
        return Err(crate::i18n::t("klik-di-dalam-peta-untuk-menandai"));
    };
    if x <= 0.0 && y <= 0.0 {
        return Err(crate::i18n::t("peta-menandai-titik-dengan-klik-atau"));
    }
    let inside = (0.0..=geo.frame.width).contains(&x) && (0.0..=geo.frame.height).contains(&y);
    if !inside {
        return Err(crate::i18n::t("klik-di-dalam-peta-untuk-menandai"));
    }
    Ok((x, y))
}

fn outside(nama: &str) -> String {
    crate::i18n::tf!("titik-ini-berada-di-luar-batas", nama = nama)
}

/// The message for a point outside the desa it is said to be in, when
/// the desa has an outline.
pub async fn point_outside(
    state: &AppState,
    wilayah: &str,
    lat: Option<rust_decimal::Decimal>,
    lng: Option<rust_decimal::Decimal>,
) -> Result<Option<String>, AppError> {
    let (Some(lat), Some(lng)) = (lat.and_then(|d| d.to_f64()), lng.and_then(|d| d.to_f64()))
    else {
        return Ok(None);
    };
    let Some(Desa { nama, shape, .. }) = desa(state, wilayah).await? else {
        return Ok(None);
    };
    Ok((!shape.contains(lat, lng)).then(|| outside(&nama)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PointQuery {
    lat: String,
    lng: String,
}

#[derive(Template)]
#[template(path = "maps/picture.svg")]
struct Picture {
    m: Drawing,
}

/// The picker's picture: a desa's outline (and the point, if given) as an
/// SVG image. Outlines are public data.
pub async fn picture(
    State(state): State<AppState>,
    Path(kode): Path<String>,
    Query(q): Query<PointQuery>,
) -> Result<Response, AppError> {
    if !is_desa_kode(&kode) {
        return Err(AppError::NotFound);
    }
    let geo = of(&state, std::slice::from_ref(&kode), SMALL).await?;
    let Some(outline) = geo.outlines.first() else {
        return Err(AppError::NotFound);
    };
    let mut m = Drawing::of(&geo, format!("Peta {}", outline.nama));
    if let Some((lat, lng)) = typed_point(&q.lat, &q.lng) {
        m.point(
            &geo,
            lat,
            lng,
            crate::i18n::t("titik-lokasi-usulan").into(),
            None,
        );
    }
    let body = Picture { m }
        .render()
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        body,
    )
        .into_response())
}
