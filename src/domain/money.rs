//! Rupiah: exact decimals (NUMERIC in SQL, `Decimal` in Rust), shown the
//! Indonesian way, `Rp1.234.567`.

use rust_decimal::Decimal;

/// `1234567.5` → `Rp1.234.567,50`; whole rupiah show no decimals.
pub fn format_rupiah(amount: Decimal) -> String {
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
pub fn parse_rupiah(raw: &str) -> Result<Decimal, String> {
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
    fn no_float_rounding() {
        let a = parse_rupiah("0,10").unwrap() + parse_rupiah("0,20").unwrap();
        assert_eq!(a, Decimal::from_str("0.30").unwrap());
    }
}
