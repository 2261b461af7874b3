//! Rupiah: exact decimals (NUMERIC in SQL, `Decimal` in Rust), shown the
//! Indonesian way, `Rp1.234.567`. An amount of money is a [`Rupiah`], so a
//! pagu cannot be added to a volume or shown without its currency.

use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An amount of rupiah, exact to the sen; stored as NUMERIC, written in
/// JSON as a decimal string (`"1250000.00"`), as `Decimal` is.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    sqlx::Type,
)]
#[serde(transparent)]
#[sqlx(transparent)]
pub struct Rupiah(Decimal);

impl Rupiah {
    pub const ZERO: Rupiah = Rupiah(Decimal::ZERO);

    pub fn new(amount: Decimal) -> Rupiah {
        Rupiah(amount)
    }

    /// The amount as a decimal number of rupiah.
    pub fn amount(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// What a planner types for an amount (see [`parse_rupiah`]).
    pub fn parse(raw: &str) -> Result<Rupiah, String> {
        parse_rupiah(raw).map(Rupiah)
    }

    /// The Indonesian way, `Rp1.234.567,50`, as exports and stored texts
    /// (change logs, notifications, Cek details) carry it. (No `Display`:
    /// an amount is written on purpose, in one of these three forms.)
    pub fn text(self) -> String {
        format_rupiah(self.0)
    }

    /// Without the currency, as a form field shows it back: `1.234.567`.
    pub fn digits(self) -> String {
        self.text().replacen("Rp", "", 1)
    }

    /// In the reader's language: `Rp1.234.567` in Indonesian,
    /// `Rp1,234,567` in English.
    pub fn shown(self) -> String {
        crate::i18n::number(self.text())
    }
}

impl From<Decimal> for Rupiah {
    fn from(amount: Decimal) -> Rupiah {
        Rupiah(amount)
    }
}

impl From<Rupiah> for Decimal {
    fn from(r: Rupiah) -> Decimal {
        r.0
    }
}

impl Add for Rupiah {
    type Output = Rupiah;
    fn add(self, other: Rupiah) -> Rupiah {
        Rupiah(self.0 + other.0)
    }
}

impl AddAssign for Rupiah {
    fn add_assign(&mut self, other: Rupiah) {
        self.0 += other.0;
    }
}

impl Sub for Rupiah {
    type Output = Rupiah;
    fn sub(self, other: Rupiah) -> Rupiah {
        Rupiah(self.0 - other.0)
    }
}

impl Sum for Rupiah {
    fn sum<I: Iterator<Item = Rupiah>>(iter: I) -> Rupiah {
        Rupiah(iter.map(|r| r.0).sum())
    }
}

impl<'a> Sum<&'a Rupiah> for Rupiah {
    fn sum<I: Iterator<Item = &'a Rupiah>>(iter: I) -> Rupiah {
        iter.copied().sum()
    }
}

/// `1234567.5` → `Rp1.234.567,50`; whole rupiah show no decimals.
fn format_rupiah(amount: Decimal) -> String {
    let negative = amount.is_sign_negative() && !amount.is_zero();
    let abs = amount.abs().round_dp(2);
    let whole = abs.trunc();
    let frac = (abs - whole) * Decimal::from(100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    if frac.is_zero() {
        format!("{sign}Rp{grouped}")
    } else {
        format!("{sign}Rp{grouped},{:02}", frac.trunc())
    }
}

/// Reads what a planner types for an amount: `Rp1.234.567`, `1.234.567`,
/// `1234567` or `1.234.567,50`. Dots group thousands, a comma starts the
/// sen. Negative amounts are refused.
fn parse_rupiah(raw: &str) -> Result<Decimal, String> {
    let s: String = raw
        .trim()
        .trim_start_matches("Rp")
        .trim_start_matches("rp")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let bad = || crate::i18n::tf!("bukan-jumlah-rupiah-contoh-1-250", a1 = raw.trim());
    if s.is_empty() {
        return Err(bad());
    }
    let (whole, frac) = match s.split_once(',') {
        Some((w, f)) => (w, Some(f)),
        None => (s.as_str(), None),
    };
    // Dots must group thousands correctly: 1.234.567, not 12.34.
    let groups: Vec<&str> = whole.split('.').collect();
    let grouped_ok = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    let all_digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    let frac_ok =
        frac.is_none_or(|f| !f.is_empty() && f.len() <= 2 && f.bytes().all(|b| b.is_ascii_digit()));
    if !(grouped_ok && all_digits && frac_ok) || groups.concat().is_empty() {
        return Err(bad());
    }
    let text = match frac {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    let value: Decimal = text.parse().map_err(|_| bad())?;
    if value > Decimal::from(999_999_999_999_999_i64) {
        return Err(crate::i18n::t("jumlah-terlalu-besar").into());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn rupiah_reads_the_indonesian_way() {
        assert_eq!(format_rupiah(Decimal::from(1_234_567)), "Rp1.234.567");
        assert_eq!(format_rupiah(Decimal::from(0)), "Rp0");
        assert_eq!(format_rupiah(Decimal::from(999)), "Rp999");
        assert_eq!(format_rupiah(Decimal::from(1000)), "Rp1.000");
        assert_eq!(
            format_rupiah(Decimal::from_str("1234567.5").unwrap()),
            "Rp1.234.567,50"
        );
        assert_eq!(
            format_rupiah(Decimal::from_str("1250000000.00").unwrap()),
            "Rp1.250.000.000"
        );
    }

    #[test]
    fn typed_amounts_parse_exactly() {
        for (typed, want) in [
            ("Rp1.234.567", "1234567"),
            ("1.234.567", "1234567"),
            ("1234567", "1234567"),
            (" 1.250.000.000 ", "1250000000"),
            ("1.234,50", "1234.50"),
            ("0", "0"),
        ] {
            assert_eq!(
                parse_rupiah(typed).unwrap(),
                Decimal::from_str(want).unwrap(),
                "{typed}"
            );
        }
        for bad in [
            "",
            "abc",
            "12.34",
            "1.2345",
            "-5",
            "1,234.56",
            "1.234,567",
            "Rp",
        ] {
            assert!(parse_rupiah(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn an_amount_reads_back_as_typed_and_adds_exactly() {
        let a = Rupiah::parse("Rp1.234.567,50").unwrap();
        assert_eq!(a.text(), "Rp1.234.567,50");
        assert_eq!(a.digits(), "1.234.567,50");
        assert_eq!(Rupiah::parse(&a.digits()).unwrap(), a);
        let total: Rupiah = [a, Rupiah::parse("0,50").unwrap()].iter().sum();
        assert_eq!(total.text(), "Rp1.234.568");
        assert_eq!((total - a).text(), "Rp0,50");
        assert_eq!(Rupiah::new(Decimal::from(-1500)).text(), "-Rp1.500");
    }

    #[test]
    fn no_float_rounding() {
        let a = parse_rupiah("0,10").unwrap() + parse_rupiah("0,20").unwrap();
        assert_eq!(a, Decimal::from_str("0.30").unwrap());
    }
}
