//! Indicators: polaritas, values written the Indonesian way (`4,13`), and
//! the rules targets follow (SPEC 5, check K05).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::user::FieldErrors;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, utoipa::ToSchema,
)]
#[sqlx(type_name = "polaritas", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Polaritas {
    /// Higher is better.
    Naik,
    /// Lower is better (stunting, maternal mortality).
    Turun,
    /// A band: the target is a min–max range (poverty 0,6–1,8 %).
    Rentang,
}

crate::domain::names! {
    Polaritas {
        Naik => "naik", "Naik (makin tinggi makin baik)";
        Turun => "turun", "Turun (makin rendah makin baik)";
        Rentang => "rentang", "Rentang (target berupa kisaran min–maks)";
    }
}

/// `4,13` → 4.13. A comma is the decimal sign; dots group thousands
/// (`1.234,5`). A lone dot with one or two digits after it (`4.13`) is
/// read as a decimal point, as spreadsheets often write it.
pub fn parse_nilai(raw: &str) -> Result<Decimal, String> {
    let s = raw.trim().replace(' ', "");
    let bad = || crate::i18n::tf!("bukan-angka-contoh-4-13", a1 = raw.trim());
    if s.is_empty() {
        return Err(bad());
    }
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.as_str()),
    };
    let normal = if body.contains(',') {
        let (w, f) = body.split_once(',').ok_or_else(bad)?;
        let groups: Vec<&str> = w.split('.').collect();
        let grouped =
            groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
        if !grouped || f.contains(',') || f.contains('.') {
            return Err(bad());
        }
        format!("{}.{f}", groups.concat())
    } else {
        let dots = body.matches('.').count();
        let after_last = body.rsplit('.').next().unwrap_or("");
        if dots == 1 && after_last.len() != 3 {
            body.to_string()
        } else {
            let groups: Vec<&str> = body.split('.').collect();
            let grouped = groups.len() == 1
                || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
            if !grouped {
                return Err(bad());
            }
            groups.concat()
        }
    };
    if normal.is_empty()
        || !normal.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || normal.starts_with('.')
    {
        return Err(bad());
    }
    let v: Decimal = normal.parse().map_err(|_| bad())?;
    Ok(if neg { -v } else { v })
}

/// 4.13 → `4,13`; 1234.5 → `1.234,5`; whole numbers without decimals.
pub fn format_nilai(v: Decimal) -> String {
    let v = v.normalize();
    let negative = v.is_sign_negative() && !v.is_zero();
    let text = v.abs().to_string();
    let (whole, frac) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// One year's target: a value, or for `rentang` a band `value..=max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub value: Decimal,
    pub max: Option<Decimal>,
}

impl Target {
    pub fn display(&self) -> String {
        match self.max {
            Some(max) => format!("{}–{}", format_nilai(self.value), format_nilai(max)),
            None => format_nilai(self.value),
        }
    }
}

/// What is wrong with a series of targets, in words, year by year: a band
/// whose min exceeds its max, or a year that moves against the polaritas.
/// The problems of `target_problems` that refuse a save: a band's shape
/// (min above max, a band where none belongs, a band without its bounds).
/// The others (a target moving the wrong way) are saved and flagged.
pub fn blocking_target_problems(polaritas: Polaritas, targets: &[(i32, Target)]) -> Vec<String> {
    target_problems(polaritas, targets)
        .into_iter()
        .filter(|m| {
            m.contains("batas bawah") || m.contains("kisaran") || m.contains("minimum dan maksimum")
        })
        .collect()
}

pub fn target_problems(polaritas: Polaritas, targets: &[(i32, Target)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (year, t) in targets {
        match (polaritas, t.max) {
            (Polaritas::Rentang, None) => problems.push(crate::i18n::tf!(
                "target-rentang-perlu-nilai-minimum-dan",
                year = year
            )),
            (Polaritas::Rentang, Some(max)) if t.value > max => problems.push(crate::i18n::tf!(
                "batas-bawah-lebih-besar-dari-batas",
                year = year,
                a1 = format_nilai(t.value),
                a2 = format_nilai(max)
            )),
            (Polaritas::Naik | Polaritas::Turun, Some(_)) => problems.push(crate::i18n::tf!(
                "hanya-indikator-rentang-yang-memakai-kisaran",
                year = year
            )),
            _ => {}
        }
    }
    for pair in targets.windows(2) {
        let ((y0, a), (y1, b)) = (&pair[0], &pair[1]);
        match polaritas {
            Polaritas::Naik if b.value < a.value => problems.push(crate::i18n::tf!(
                "target-turun-dari-padahal-polaritasnya-naik",
                y1 = y1,
                a1 = format_nilai(b.value),
                y0 = y0,
                a2 = format_nilai(a.value)
            )),
            Polaritas::Turun if b.value > a.value => problems.push(crate::i18n::tf!(
                "target-naik-dari-padahal-polaritasnya-turun",
                y1 = y1,
                a1 = format_nilai(b.value),
                y0 = y0,
                a2 = format_nilai(a.value)
            )),
            _ => {}
        }
    }
    problems
}

/// An indicator as typed, checked.
#[derive(Debug, Clone)]
pub struct IndicatorFields {
    pub name: String,
    pub satuan: String,
    pub definition: String,
    pub data_source: String,
    pub polaritas: Polaritas,
    pub kondisi_awal: Option<Decimal>,
    pub kondisi_awal_tahun: Option<i32>,
    pub kondisi_akhir: Option<Decimal>,
    pub kondisi_akhir_max: Option<Decimal>,
    pub years: Years,
}

/// A year's (target, target_max, realisasi) of an indicator.
pub type YearValues = (Option<Decimal>, Option<Decimal>, Option<Decimal>);
/// year → its values.
pub type Years = std::collections::BTreeMap<i32, YearValues>;

/// The indicator form, checked: name, satuan, polaritas, kondisi awal
/// and akhir, and per plan year target (or band) and realisasi. The band
/// rules block; direction problems (a `turun` target that rises) do not:
/// check K05 and the page point them out.
pub fn parse_form(
    v: &std::collections::HashMap<String, String>,
    plan_years: &[i32],
    perubahan: bool,
) -> Result<IndicatorFields, FieldErrors> {
    let mut e = FieldErrors::default();
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or("");
    let name = get("name").to_string();
    if !(1..=500).contains(&name.chars().count()) {
        e.add("name", crate::i18n::t("nama-indikator-1500-karakter"));
    }
    let satuan = get("satuan").to_string();
    if !(1..=100).contains(&satuan.chars().count()) {
        e.add("satuan", crate::i18n::t("isi-satuan-mis-orang-km-per"));
    }
    let definition = get("definition").to_string();
    if definition.chars().count() > 5000 {
        e.add(
            "definition",
            crate::i18n::t("definisi-maksimal-5-000-karakter"),
        );
    }
    let data_source = get("data_source").to_string();
    if data_source.chars().count() > 500 {
        e.add(
            "data_source",
            crate::i18n::t("sumber-data-maksimal-500-karakter"),
        );
    }
    let polaritas = Polaritas::parse(get("polaritas"));
    if polaritas.is_none() {
        e.add("polaritas", crate::i18n::t("pilih-polaritas"));
    }
    let num = |key: &'static str, e: &mut FieldErrors| -> Option<Decimal> {
        let raw = get(key);
        if raw.is_empty() {
            return None;
        }
        parse_nilai(raw).map_err(|m| e.add(key, m)).ok()
    };
    let kondisi_awal = num("kondisi_awal", &mut e);
    let kondisi_akhir = num("kondisi_akhir", &mut e);
    let kondisi_akhir_max = num("kondisi_akhir_max", &mut e);
    let kondisi_awal_tahun = match get("kondisi_awal_tahun") {
        "" => None,
        y => match y.parse::<i32>() {
            Ok(y) if (1990..=2100).contains(&y) => Some(y),
            _ => {
                e.add(
                    "kondisi_awal_tahun",
                    crate::i18n::t("tahun-kondisi-awal-tidak-valid"),
                );
                None
            }
        },
    };
    let mut years = std::collections::BTreeMap::new();
    let mut bad_years = Vec::new();
    for &y in plan_years {
        let mut cell = |k: String| -> Option<Decimal> {
            let raw = v.get(&k).map(|s| s.trim()).unwrap_or("");
            if raw.is_empty() {
                return None;
            }
            match parse_nilai(raw) {
                Ok(d) => Some(d),
                Err(m) => {
                    bad_years.push(format!("{y}: {m}"));
                    None
                }
            }
        };
        let t = cell(format!("target_{y}"));
        let m = cell(format!("target_max_{y}"));
        let r = cell(format!("realisasi_{y}"));
        if t.is_some() || m.is_some() || r.is_some() {
            years.insert(y, (t, m, r));
        }
    }
    if !bad_years.is_empty() {
        e.add("years", bad_years.join(" "));
    }
    if let Some(p) = polaritas {
        let targets: Vec<(i32, Target)> = years
            .iter()
            .filter_map(|(y, (t, m, _))| t.map(|value| (*y, Target { value, max: *m })))
            .collect();
        // Only band shape errors block: min above max, or a band where none belongs.
        let blocking = blocking_target_problems(p, &targets);
        if !blocking.is_empty() {
            e.add("years", blocking.join(" "));
        }
        if p == Polaritas::Rentang
            && let (Some(a), Some(b)) = (kondisi_akhir, kondisi_akhir_max)
            && a > b
        {
            e.add(
                "kondisi_akhir",
                crate::i18n::t("batas-bawah-kondisi-akhir-lebih-besar"),
            );
        }
    }
    if perubahan && get("reason").chars().count() < 5 {
        e.add(
            "reason",
            crate::i18n::t("rkpd-perubahan-tuliskan-alasan-perubahan-ini"),
        );
    }
    match polaritas {
        Some(polaritas) if e.is_empty() => Ok(IndicatorFields {
            name,
            satuan,
            definition,
            data_source,
            polaritas,
            kondisi_awal,
            kondisi_awal_tahun,
            kondisi_akhir,
            kondisi_akhir_max: if polaritas == Polaritas::Rentang {
                kondisi_akhir_max
            } else {
                None
            },
            years,
        }),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_indicator_form_reads_years_and_refuses_a_band_without_its_top() {
        let v = |pairs: &[(&str, &str)]| -> std::collections::HashMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let ok = parse_form(
            &v(&[
                ("name", "Prevalensi stunting"),
                ("satuan", "%"),
                ("polaritas", "turun"),
                ("target_2026", "12,5"),
            ]),
            &[2026, 2027],
            false,
        )
        .unwrap();
        assert_eq!(ok.years.len(), 1);
        let e = parse_form(
            &v(&[
                ("name", "Kemiskinan"),
                ("satuan", "%"),
                ("polaritas", "rentang"),
                ("target_2026", "0,6"),
            ]),
            &[2026],
            true,
        )
        .unwrap_err();
        assert!(e.get("years").is_some() && e.get("reason").is_some());
    }
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn t(v: &str) -> Target {
        Target {
            value: d(v),
            max: None,
        }
    }

    #[test]
    fn values_read_and_print_the_indonesian_way() {
        assert_eq!(parse_nilai("4,13").unwrap(), d("4.13"));
        assert_eq!(parse_nilai("4.13").unwrap(), d("4.13"));
        assert_eq!(parse_nilai("10,64").unwrap(), d("10.64"));
        assert_eq!(parse_nilai("1.234,5").unwrap(), d("1234.5"));
        assert_eq!(parse_nilai("1.234").unwrap(), d("1234"));
        assert_eq!(parse_nilai("-0,5").unwrap(), d("-0.5"));
        for bad in ["", "abc", "4,1,3", "1.23.4", ",5"] {
            assert!(parse_nilai(bad).is_err(), "{bad:?}");
        }
        assert_eq!(format_nilai(d("4.13")), "4,13");
        assert_eq!(format_nilai(d("10.640")), "10,64");
        assert_eq!(format_nilai(d("1234.5")), "1.234,5");
        assert_eq!(format_nilai(d("183")), "183");
    }

    #[test]
    fn turun_targets_must_not_rise() {
        let ok = [
            (2025, t("14,2".replace(',', ".").as_str())),
            (2026, t("10")),
            (2029, t("4.13")),
        ];
        assert!(target_problems(Polaritas::Turun, &ok).is_empty());
        let bad = [(2025, t("10")), (2026, t("11"))];
        let p = target_problems(Polaritas::Turun, &bad);
        assert_eq!(p.len(), 1);
        assert!(
            p[0].contains("2026") && p[0].contains("polaritasnya turun"),
            "{p:?}"
        );
    }

    #[test]
    fn naik_targets_must_not_fall() {
        assert!(
            target_problems(Polaritas::Naik, &[(2025, t("10.45")), (2029, t("10.64"))]).is_empty()
        );
        assert_eq!(
            target_problems(Polaritas::Naik, &[(2025, t("10.64")), (2026, t("10.5"))]).len(),
            1
        );
    }

    #[test]
    fn bands_need_min_at_most_max() {
        let band = |a: &str, b: &str| Target {
            value: d(a),
            max: Some(d(b)),
        };
        assert!(target_problems(Polaritas::Rentang, &[(2026, band("0.6", "1.8"))]).is_empty());
        let p = target_problems(Polaritas::Rentang, &[(2026, band("1.8", "0.6"))]);
        assert!(
            p[0].contains("batas bawah 1,8 lebih besar dari batas atas 0,6"),
            "{p:?}"
        );
        assert_eq!(
            target_problems(Polaritas::Rentang, &[(2026, t("1"))]).len(),
            1
        );
        assert_eq!(
            target_problems(Polaritas::Naik, &[(2026, band("1", "2"))]).len(),
            1
        );
        assert_eq!(band("0.6", "1.8").display(), "0,6–1,8");
    }
}
