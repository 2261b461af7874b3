//! Askama filters for the Indonesian forms of money, numbers and dates
//! (SPEC §11): `{{ x|rupiah }}`, `{{ x|nilai }}`, `{{ t|tanggal }}`,
//! `{{ t|waktu }}`, each as the request's language writes it, and the
//! catalog's texts: `{{ "simpan"|t }}`. A template's module brings them in with
//! `use crate::web::filters;`. Absent values (`None`) show as a dash.

use askama::Values;
use rust_decimal::Decimal;
use time::OffsetDateTime;

use crate::domain::indicator::format_nilai;
use crate::domain::money::Rupiah;
use crate::i18n;

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

impl MaybeNumber for Rupiah {
    fn number(&self) -> Option<Decimal> {
        Some(self.amount())
    }
}

impl MaybeNumber for Option<Rupiah> {
    fn number(&self) -> Option<Decimal> {
        self.map(Rupiah::amount)
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

/// The text of a catalog key in the request's language (`crate::i18n`):
/// `{{ "simpan"|t }}`. A value that is not a key (a text the code already
/// holds) shows as it is.
#[askama::filter_fn]
pub fn t<T: AsRef<str> + ?Sized>(
    key: &T,
    _: &dyn Values,
) -> askama::Result<std::borrow::Cow<'static, str>> {
    Ok(i18n::t_dyn(key.as_ref()))
}

/// The request's language code, for `<html lang>`: `{{ ()|lang }}`.
#[askama::filter_fn]
pub fn lang<T: ?Sized>(_: &T, _: &dyn Values) -> askama::Result<&'static str> {
    Ok(i18n::current().code())
}

/// `Rp1.234.567`
#[askama::filter_fn]
pub fn rupiah<T: MaybeNumber>(value: &T, _: &dyn Values) -> askama::Result<String> {
    Ok(value
        .number()
        .map_or(DASH.into(), |n| Rupiah::new(n).shown()))
}

/// `4,13`, `1.250`
#[askama::filter_fn]
pub fn nilai<T: MaybeNumber>(value: &T, _: &dyn Values) -> askama::Result<String> {
    Ok(value
        .number()
        .map_or(DASH.into(), |n| i18n::number(format_nilai(n))))
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
