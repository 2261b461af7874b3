//! Askama filters for the Indonesian forms of money, numbers and dates
//! (SPEC §11): `{{ x|rupiah }}`, `{{ x|nilai }}`, `{{ t|tanggal }}`,
//! `{{ t|waktu }}`. A template's module brings them in with
//! `use crate::web::filters;`. Absent values (`None`) show as a dash.

use askama::Values;
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::domain::indicator::format_nilai;
use crate::domain::money::format_rupiah;

/// A value that may hold a number: `Decimal` or `Option<Decimal>`.
pub trait MaybeNumber {
    fn number(&self) -> Option<Decimal>;
}

impl MaybeNumber for Decimal {
    fn number(&self) -> Option<Decimal> {
        Some(*self)
    }
}

impl MaybeNumber for Option<Decimal> {
    fn number(&self) -> Option<Decimal> {
        *self
    }
}

impl<T: MaybeNumber + ?Sized> MaybeNumber for &T {
    fn number(&self) -> Option<Decimal> {
        (**self).number()
    }
}

/// A value that may hold a moment.
pub trait MaybeMoment {
    fn moment(&self) -> Option<OffsetDateTime>;
}

impl MaybeMoment for OffsetDateTime {
    fn moment(&self) -> Option<OffsetDateTime> {
        Some(*self)
    }
}

impl MaybeMoment for Option<OffsetDateTime> {
    fn moment(&self) -> Option<OffsetDateTime> {
        *self
    }
}

impl<T: MaybeMoment + ?Sized> MaybeMoment for &T {
    fn moment(&self) -> Option<OffsetDateTime> {
        (**self).moment()
    }
}

const DASH: &str = "–";

/// `Rp1.234.567`
#[askama::filter_fn]
pub fn rupiah<T: MaybeNumber>(value: &T, _: &dyn Values) -> askama::Result<String> {
    Ok(value.number().map_or(DASH.into(), format_rupiah))
}

/// `4,13`, `1.250`
#[askama::filter_fn]
pub fn nilai<T: MaybeNumber>(value: &T, _: &dyn Values) -> askama::Result<String> {
    Ok(value.number().map_or(DASH.into(), format_nilai))
}

/// `20 Juni 2024`
#[askama::filter_fn]
pub fn tanggal<T: MaybeMoment>(value: &T, _: &dyn Values) -> askama::Result<String> {
    Ok(value.moment().map_or(DASH.into(), crate::format::tanggal))
}

/// `20 Juni 2024 pukul 14.05 WIB`
#[askama::filter_fn]
pub fn waktu<T: MaybeMoment>(value: &T, _: &dyn Values) -> askama::Result<String> {
    Ok(value.moment().map_or(DASH.into(), crate::format::waktu))
}
