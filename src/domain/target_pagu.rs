//! The targets-and-pagu workbook that goes out to Excel and comes back: one
//! row per indicator-year and per item-year, each carrying a stable key
//! (`ind:{id}:{year}`, `pagu:{id}:{year}`) and the version of its indicator
//! or item at export. Coming back, every row is read into a value or an
//! error with its row number, then compared with the plan as it is now:
//! unchanged, a change (old → new), or a conflict when the indicator or
//! item changed in Selaras since the export and the file disagrees with it.
//! Nothing here touches the database.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::indicator::format_nilai;
use super::money::Rupiah;

/// The column titles, in order. The reader finds the header row by them.
pub const COLUMNS: [&str; 11] = [
    "Kunci baris",
    "Versi",
    "Kode",
    "Uraian",
    "Indikator",
    "Satuan",
    "Tahun",
    "Target",
    "Target maks (rentang)",
    "Pagu (Rp)",
    "Realisasi",
];

/// A cell as a spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    Empty,
    Text(String),
    Number(f64),
}

impl SheetCell {
    fn text(&self) -> String {
        match self {
            SheetCell::Empty => String::new(),
            SheetCell::Text(s) => s.trim().to_string(),
            SheetCell::Number(n) => n.to_string(),
        }
    }
}

/// What a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    Target {
        indicator: Uuid,
        year: i32,
    },
    Pagu {
        item: Uuid,
        year: i32,
    },
    /// Realisasi sits on the row of its indicator-year (`ind:` key).
    Realisasi {
        indicator: Uuid,
        year: i32,
    },
}

impl Key {
    pub fn encode(&self) -> String {
        match self {
            Key::Target { indicator, year } | Key::Realisasi { indicator, year } => {
                format!("ind:{indicator}:{year}")
            }
            Key::Pagu { item, year } => format!("pagu:{item}:{year}"),
        }
    }

    pub fn parse(s: &str) -> Option<Key> {
        let mut parts = s.trim().split(':');
        let (kind, id, year) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let id = Uuid::parse_str(id).ok()?;
        let year: i32 = year.parse().ok()?;
        match kind {
            "ind" => Some(Key::Target {
                indicator: id,
                year,
            }),
            "pagu" => Some(Key::Pagu { item: id, year }),
            _ => None,
        }
    }

    pub fn year(&self) -> i32 {
        match self {
            Key::Target { year, .. } | Key::Pagu { year, .. } | Key::Realisasi { year, .. } => {
                *year
            }
        }
    }

    /// What the row changes, for people: "target", "pagu", "realisasi".
    pub fn what(&self) -> &'static str {
        match self {
            Key::Target { .. } => "target",
            Key::Pagu { .. } => "pagu",
            Key::Realisasi { .. } => "realisasi",
        }
    }
}

/// A value of a row: a target (or band), or an amount. `None`: emptied.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Target(Option<(Decimal, Option<Decimal>)>),
    Pagu(Option<Rupiah>),
    Realisasi(Option<Decimal>),
}

impl Value {
    pub fn display(&self) -> String {
        match self {
            Value::Target(None) | Value::Pagu(None) | Value::Realisasi(None) => "(kosong)".into(),
            Value::Realisasi(Some(v)) => format_nilai(*v),
            Value::Target(Some((v, None))) => format_nilai(*v),
            Value::Target(Some((v, Some(m)))) => {
                format!("{}–{}", format_nilai(*v), format_nilai(*m))
            }
            Value::Pagu(Some(a)) => a.text(),
        }
    }
}

/// One row of the file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRow {
    pub row: usize,
    pub key: Key,
    pub version: i32,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowError {
    pub row: usize,
    pub message: String,
}

/// Reads the sheet: finds the header row, then reads every row below it.
/// Rows without a key are skipped (blank lines, notes a person added).
pub fn read(rows: &[Vec<SheetCell>]) -> Result<(Vec<FileRow>, Vec<RowError>), String> {
    let header = rows
        .iter()
        .take(20)
        .position(|r| {
            r.len() >= COLUMNS.len() && r.iter().zip(COLUMNS).all(|(c, title)| c.text() == title)
        })
        .ok_or_else(|| {
            crate::i18n::tf!(
                "lembar-ini-bukan-lembar-target-dan",
                a1 = COLUMNS.join(", ")
            )
        })?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, r) in rows.iter().enumerate().skip(header + 1) {
        let n = i + 1; // as Excel numbers rows
        let cell = |c: usize| r.get(c).cloned().unwrap_or(SheetCell::Empty);
        let raw_key = cell(0).text();
        if raw_key.is_empty() {
            continue;
        }
        let Some(key) = Key::parse(&raw_key) else {
            errors.push(RowError {
                row: n,
                message: crate::i18n::tf!("kunci-baris-tidak-dikenal-kolom-ini", raw_key = raw_key),
            });
            continue;
        };
        let version = match cell(1) {
            SheetCell::Number(v) if v.fract() == 0.0 && v >= 0.0 => v as i32,
            SheetCell::Text(t) if t.trim().parse::<i32>().is_ok() => t.trim().parse().unwrap_or(0),
            _ => {
                errors.push(RowError {
                    row: n,
                    message: crate::i18n::t("kolom-versi-kosong-atau-bukan-angka").into(),
                });
                continue;
            }
        };
        if let Key::Target { indicator, year } = key {
            match number(&cell(10)) {
                Ok(v) => out.push(FileRow {
                    row: n,
                    key: Key::Realisasi { indicator, year },
                    version,
                    value: Value::Realisasi(v),
                }),
                Err(e) => {
                    errors.push(RowError {
                        row: n,
                        message: format!("Realisasi: {e}"),
                    });
                    continue;
                }
            }
        }
        let value = match key {
            Key::Realisasi { .. } => continue,
            Key::Target { .. } => match (number(&cell(7)), number(&cell(8))) {
                (Ok(None), Ok(None)) => Value::Target(None),
                (Ok(Some(v)), Ok(max)) => {
                    if max.is_some_and(|m| m < v) {
                        errors.push(RowError {
                            row: n,
                            message: crate::i18n::t("target-maks-lebih-kecil-dari-target").into(),
                        });
                        continue;
                    }
                    Value::Target(Some((v, max)))
                }
                (Ok(None), Ok(Some(_))) => {
                    errors.push(RowError {
                        row: n,
                        message: crate::i18n::t("target-maks-terisi-tetapi-target-kosong").into(),
                    });
                    continue;
                }
                (Err(e), _) | (_, Err(e)) => {
                    errors.push(RowError { row: n, message: e });
                    continue;
                }
            },
            Key::Pagu { .. } => match money(&cell(9)) {
                Ok(v) => Value::Pagu(v),
                Err(e) => {
                    errors.push(RowError { row: n, message: e });
                    continue;
                }
            },
        };
        out.push(FileRow {
            row: n,
            key,
            version,
            value,
        });
    }
    Ok((out, errors))
}

/// The cells of the bulk-entry table (the cascade as a table), read:
/// `t:{indicator}:{year}` a target, `tm:{indicator}:{year}` its upper
/// bound (a band), `p:{item}:{year}` a pagu, and `v:{id}` the version the
/// indicator or item was shown at. Every value becomes a row whose `row`
/// is its place in `cells` (counted from 1), so an error or a conflict
/// finds its cell again.
#[derive(Debug, Default)]
pub struct FormCells {
    pub rows: Vec<FileRow>,
    pub errors: Vec<RowError>,
    /// The field name of each row (row `n` is `cells[n - 1]`).
    pub cells: Vec<String>,
}

impl FormCells {
    /// The field a row came from.
    pub fn field(&self, row: usize) -> Option<&str> {
        self.cells.get(row.wrapping_sub(1)).map(String::as_str)
    }
}

pub fn read_form(fields: &[(String, String)]) -> FormCells {
    let mut versions: HashMap<Uuid, i32> = HashMap::new();
    let mut upper: HashMap<(Uuid, i32), &str> = HashMap::new();
    for (name, value) in fields {
        if let Some(id) = name
            .strip_prefix("v:")
            .and_then(|i| Uuid::parse_str(i).ok())
            && let Ok(v) = value.trim().parse::<i32>()
        {
            versions.insert(id, v);
        }
        if let Some(rest) = name.strip_prefix("tm:")
            && let Some((id, year)) = id_year(rest)
        {
            upper.insert((id, year), value.as_str());
        }
    }
    let mut out = FormCells::default();
    for (name, value) in fields {
        let (key, id) = if let Some(rest) = name.strip_prefix("t:") {
            match id_year(rest) {
                Some((indicator, year)) => (Key::Target { indicator, year }, indicator),
                None => continue,
            }
        } else if let Some(rest) = name.strip_prefix("p:") {
            match id_year(rest) {
                Some((item, year)) => (Key::Pagu { item, year }, item),
                None => continue,
            }
        } else {
            continue;
        };
        out.cells.push(name.clone());
        let row = out.cells.len();
        let Some(&version) = versions.get(&id) else {
            out.errors.push(RowError {
                row,
                message: crate::i18n::t("versi-baris-ini-tidak-terbaca-muat").into(),
            });
            continue;
        };
        let cell = |v: &str| SheetCell::Text(v.to_string());
        let value = match key {
            Key::Target { indicator, year } => {
                let max = upper.get(&(indicator, year)).copied().unwrap_or("");
                match (number(&cell(value)), number(&cell(max))) {
                    (Ok(None), Ok(None)) => Value::Target(None),
                    (Ok(Some(v)), Ok(m)) if m.is_none_or(|m| m >= v) => Value::Target(Some((v, m))),
                    (Ok(Some(_)), Ok(_)) => {
                        out.errors.push(RowError {
                            row,
                            message: crate::i18n::t("batas-atas-lebih-kecil-dari-target").into(),
                        });
                        continue;
                    }
                    (Ok(None), Ok(Some(_))) => {
                        out.errors.push(RowError {
                            row,
                            message: crate::i18n::t("batas-atas-terisi-tetapi-target-kosong")
                                .into(),
                        });
                        continue;
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        out.errors.push(RowError { row, message: e });
                        continue;
                    }
                }
            }
            _ => match money(&cell(value)) {
                Ok(v) => Value::Pagu(v),
                Err(e) => {
                    out.errors.push(RowError { row, message: e });
                    continue;
                }
            },
        };
        out.rows.push(FileRow {
            row,
            key,
            version,
            value,
        });
    }
    out
}

/// The changes that would leave an indicator's targets in a shape its
/// polaritas refuses (a band without both bounds, min above max, a band
/// where none belongs): per indicator, the row of its first change and
/// the reasons. The indicator form refuses the same.
pub fn band_problems(
    changes: &[Change],
    now: &PlanNow,
    polaritas: impl Fn(Uuid) -> Option<super::indicator::Polaritas>,
) -> Vec<(usize, String)> {
    use super::indicator::{Target, blocking_target_problems};
    type Targets = BTreeMap<i32, (Decimal, Option<Decimal>)>;
    let mut after: BTreeMap<Uuid, (usize, Targets)> = BTreeMap::new();
    for c in changes {
        if let (Key::Target { indicator, year }, Value::Target(t)) = (c.key, c.after) {
            let entry = after.entry(indicator).or_insert_with(|| {
                let known = now.indicators.get(&indicator).map(|i| i.targets.clone());
                (c.row, known.unwrap_or_default())
            });
            match t {
                Some(v) => entry.1.insert(year, v),
                None => entry.1.remove(&year),
            };
        }
    }
    after
        .into_iter()
        .filter_map(|(indicator, (row, targets))| {
            let p = polaritas(indicator)?;
            let targets: Vec<(i32, Target)> = targets
                .into_iter()
                .map(|(y, (value, max))| (y, Target { value, max }))
                .collect();
            let blocking = blocking_target_problems(p, &targets);
            (!blocking.is_empty()).then(|| (row, blocking.join(" ")))
        })
        .collect()
}

fn id_year(s: &str) -> Option<(Uuid, i32)> {
    let (id, year) = s.rsplit_once(':')?;
    Some((Uuid::parse_str(id).ok()?, year.parse().ok()?))
}

/// A target: a number cell, or text as Indonesians type it (`4,13`).
pub(crate) fn number(c: &SheetCell) -> Result<Option<Decimal>, String> {
    match c {
        SheetCell::Empty => Ok(None),
        SheetCell::Number(f) => from_cell(*f).map(Some),
        SheetCell::Text(t) if t.trim().is_empty() => Ok(None),
        SheetCell::Text(t) => {
            // `4,13` and `1.250` the Indonesian way; a lone dot before
            // other than three digits (`4.13`, from SIPD rows or an
            // English spreadsheet) is a decimal point.
            let t = t.trim();
            let lone_decimal_dot = !t.contains(',')
                && t.matches('.').count() == 1
                && t.split('.').nth(1).is_some_and(|f| f.len() != 3);
            let s = if lone_decimal_dot {
                t.to_string()
            } else {
                t.replace('.', "").replace(',', ".")
            };
            s.parse::<Decimal>()
                .map(|d| Some(d.normalize()))
                .map_err(|_| crate::i18n::tf!("bukan-angka-contoh-4-13-atau", a1 = t.trim()))
        }
    }
}

/// An amount in rupiah: a number cell, or text (`Rp1.250.000`).
pub(crate) fn money(c: &SheetCell) -> Result<Option<Rupiah>, String> {
    let v = match c {
        SheetCell::Empty => return Ok(None),
        SheetCell::Number(f) => from_cell(*f)?.round_dp(2).normalize(),
        SheetCell::Text(t) if t.trim().is_empty() => return Ok(None),
        SheetCell::Text(t) => Rupiah::parse(t)?.amount(),
    };
    if v.is_sign_negative() && !v.is_zero() {
        return Err(crate::i18n::t("pagu-tidak-boleh-negatif").into());
    }
    if v > Decimal::from(999_999_999_999_999_i64) {
        return Err(crate::i18n::t("jumlah-terlalu-besar").into());
    }
    Ok(Some(Rupiah::new(v)))
}

/// A spreadsheet's number as the person typed it: the shortest decimal
/// that reads back as the same double (`0.12345`, not `0.1234500000001`).
fn from_cell(f: f64) -> Result<Decimal, String> {
    if !f.is_finite() {
        return Err(crate::i18n::tf!("angka-tidak-dapat-dibaca", f = f));
    }
    let text = format!("{f}");
    text.parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
        .map(|d| d.normalize())
        .map_err(|_| crate::i18n::tf!("angka-terlalu-besar-atau-tidak-dapat", f = f))
}

/// An indicator as it is now.
#[derive(Debug, Clone)]
pub struct IndicatorNow {
    pub item: Uuid,
    /// `"Angka kematian ibu" (1.02.02 Program …)`
    pub version: i32,
    pub label: String,
    pub targets: BTreeMap<i32, (Decimal, Option<Decimal>)>,
    pub realisasi: BTreeMap<i32, Decimal>,
}

/// An item as it is now.
#[derive(Debug, Clone)]
pub struct ItemNow {
    pub version: i32,
    /// The item's heading.
    pub label: String,
    pub has_pagu: bool,
    pub pagu: BTreeMap<i32, Rupiah>,
}

/// The plan as it is now, for the comparison.
#[derive(Debug, Clone, Default)]
pub struct PlanNow {
    pub target_years: Vec<i32>,
    pub pagu_years: Vec<i32>,
    pub indicators: HashMap<Uuid, IndicatorNow>,
    pub items: HashMap<Uuid, ItemNow>,
}

/// What a key of the file is in the plan now.
struct Current {
    value: Value,
    /// The version of its indicator or item.
    version: i32,
    /// What the key is called, for people.
    label: String,
    /// The item it belongs to.
    item: Uuid,
}

impl PlanNow {
    fn now(&self, key: Key) -> Option<Current> {
        match key {
            Key::Target { indicator, year } => self.indicators.get(&indicator).map(|i| Current {
                value: Value::Target(i.targets.get(&year).copied()),
                version: i.version,
                label: format!("target {}", i.label),
                item: i.item,
            }),
            Key::Realisasi { indicator, year } => {
                self.indicators.get(&indicator).map(|i| Current {
                    value: Value::Realisasi(i.realisasi.get(&year).copied()),
                    version: i.version,
                    label: format!("realisasi {}", i.label),
                    item: i.item,
                })
            }
            Key::Pagu { item, year } => {
                self.items
                    .get(&item)
                    .filter(|i| i.has_pagu)
                    .map(|i| Current {
                        value: Value::Pagu(i.pagu.get(&year).copied()),
                        version: i.version,
                        label: format!("pagu {}", i.label),
                        item,
                    })
            }
        }
    }
}

/// One difference between the file and the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub row: usize,
    pub key: Key,
    /// The version the file was exported at (checked again when applied).
    pub version: i32,
    pub item: Uuid,
    pub label: String,
    pub before: Value,
    pub after: Value,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub changes: Vec<Change>,
    /// Rows whose indicator or item changed in Selaras since the export,
    /// where the file says otherwise: not applied.
    pub conflicts: Vec<Change>,
    pub errors: Vec<RowError>,
    pub unchanged: usize,
}

/// Compares the rows of the file with the plan. `may` says whether the
/// person may change this value of the given item, or why not.
pub fn compare(
    rows: Vec<FileRow>,
    mut errors: Vec<RowError>,
    now: &PlanNow,
    may: impl Fn(Uuid, Key) -> Result<(), String>,
) -> Preview {
    let mut p = Preview::default();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    for r in rows {
        if let Some(first) = seen.insert(r.key, r.row) {
            errors.push(RowError {
                row: r.row,
                message: crate::i18n::tf!("baris-ini-mengulang-baris-kunci-yang", first = first),
            });
            continue;
        }
        let Some(current) = now.now(r.key) else {
            errors.push(RowError {
                row: r.row,
                message: crate::i18n::t("indikator-atau-item-baris-ini-tidak").into(),
            });
            continue;
        };
        let Current {
            value: before,
            version,
            label,
            item,
        } = current;
        let years = match r.key {
            Key::Target { .. } | Key::Realisasi { .. } => &now.target_years,
            Key::Pagu { .. } => &now.pagu_years,
        };
        if !years.contains(&r.key.year()) {
            errors.push(RowError {
                row: r.row,
                message: crate::i18n::tf!("tahun-di-luar-periode-rencana-ini", a1 = r.key.year()),
            });
            continue;
        }
        if before == r.value {
            p.unchanged += 1;
            continue;
        }
        if let Err(why) = may(item, r.key) {
            errors.push(RowError {
                row: r.row,
                message: format!("{label}: {why}"),
            });
            continue;
        }
        let change = Change {
            row: r.row,
            key: r.key,
            version: r.version,
            item,
            label,
            before,
            after: r.value,
        };
        if r.version != version {
            p.conflicts.push(change);
        } else {
            p.changes.push(change);
        }
    }
    errors.sort_by_key(|e| e.row);
    p.errors = errors;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> SheetCell {
        SheetCell::Text(s.into())
    }

    fn header() -> Vec<SheetCell> {
        COLUMNS.iter().map(|c| t(c)).collect()
    }

    fn ind() -> Uuid {
        Uuid::from_u128(7)
    }

    fn item() -> Uuid {
        Uuid::from_u128(3)
    }

    fn now() -> PlanNow {
        PlanNow {
            target_years: vec![2026, 2027],
            pagu_years: vec![2026, 2027],
            indicators: [(
                ind(),
                IndicatorNow {
                    item: item(),
                    version: 2,
                    label: "Indikator AKI".into(),
                    targets: [(2026, (Decimal::from(90), None))].into(),
                    realisasi: BTreeMap::new(),
                },
            )]
            .into(),
            items: [(
                item(),
                ItemNow {
                    version: 5,
                    label: "Program Kesehatan".into(),
                    has_pagu: true,
                    pagu: [(2026, Rupiah::new(Decimal::from(1000)))].into(),
                },
            )]
            .into(),
        }
    }

    fn row(key: Key, version: f64, target: SheetCell, pagu: SheetCell) -> Vec<SheetCell> {
        let mut r = vec![t(&key.encode()), SheetCell::Number(version)];
        r.extend([
            t("1.02.02"),
            t("Program"),
            t(""),
            t(""),
            SheetCell::Number(2026.0),
        ]);
        r.extend([target, SheetCell::Empty, pagu, SheetCell::Empty]);
        r
    }

    #[test]
    fn a_band_needs_both_bounds_after_the_change() {
        use crate::domain::indicator::Polaritas;
        let change = |after| Change {
            row: 4,
            key: Key::Target {
                indicator: ind(),
                year: 2027,
            },
            version: 2,
            item: item(),
            label: "x".into(),
            before: Value::Target(None),
            after,
        };
        let band = |_| Some(Polaritas::Rentang);
        let one = [change(Value::Target(Some((Decimal::from(5), None))))];
        let found = band_problems(&one, &now(), band);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 4);
        // The 2026 target of now() has no upper bound either: both are named.
        assert!(found[0].1.contains("2026") && found[0].1.contains("2027"));
        let naik = band_problems(&one, &now(), |_| Some(Polaritas::Naik));
        assert!(naik.is_empty());
    }

    #[test]
    fn the_bulk_table_reads_each_cell_and_names_the_bad_one() {
        let f = |n: &str, v: &str| (n.to_string(), v.to_string());
        let (i, it) = (ind(), item());
        let fields = vec![
            f(&format!("v:{i}"), "2"),
            f(&format!("v:{it}"), "5"),
            f(&format!("t:{i}:2026"), "85,5"),
            f(&format!("t:{i}:2027"), "banyak"),
            f(&format!("p:{it}:2026"), "Rp1.250"),
            f(&format!("p:{it}:2027"), ""),
        ];
        let cells = read_form(&fields);
        assert_eq!(cells.errors.len(), 1);
        assert_eq!(
            cells.field(cells.errors[0].row),
            Some(format!("t:{i}:2027").as_str())
        );
        let p = compare(cells.rows, cells.errors, &now(), |_, _| Ok(()));
        assert_eq!(p.changes.len(), 2, "{p:?}");
        assert_eq!(p.unchanged, 1, "an empty pagu stays empty");
        assert!(
            p.changes
                .iter()
                .any(|c| c.after == Value::Target(Some((Decimal::new(855, 1), None))))
        );
    }

    #[test]
    fn a_changed_target_and_pagu_are_changes_and_the_rest_is_unchanged() {
        let sheet = vec![
            vec![t("TARGET DAN PAGU")],
            header(),
            row(
                Key::Target {
                    indicator: ind(),
                    year: 2026,
                },
                2.0,
                SheetCell::Number(85.5),
                SheetCell::Empty,
            ),
            row(
                Key::Target {
                    indicator: ind(),
                    year: 2027,
                },
                2.0,
                SheetCell::Empty,
                SheetCell::Empty,
            ),
            row(
                Key::Pagu {
                    item: item(),
                    year: 2026,
                },
                5.0,
                SheetCell::Empty,
                t("Rp1.250"),
            ),
        ];
        let (rows, errors) = read(&sheet).unwrap();
        let p = compare(rows, errors, &now(), |_, _| Ok(()));
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.unchanged, 3, "a target and two realisasi");
        assert_eq!(p.changes.len(), 2);
        assert_eq!(p.changes[0].row, 3, "rows are numbered as Excel shows them");
        assert_eq!(p.changes[0].before.display(), "90");
        assert_eq!(p.changes[0].after.display(), "85,5");
        assert_eq!(
            p.changes[1].after,
            Value::Pagu(Some(Rupiah::new(Decimal::from(1250))))
        );
    }

    #[test]
    fn a_row_changed_in_selaras_since_the_export_is_a_conflict() {
        let sheet = vec![
            header(),
            row(
                Key::Target {
                    indicator: ind(),
                    year: 2026,
                },
                1.0,
                SheetCell::Number(80.0),
                SheetCell::Empty,
            ),
        ];
        let (rows, errors) = read(&sheet).unwrap();
        let p = compare(rows, errors, &now(), |_, _| Ok(()));
        assert!(p.changes.is_empty());
        assert_eq!(p.conflicts.len(), 1);
    }

    #[test]
    fn bad_rows_are_listed_with_their_number_and_reason() {
        let sheet = vec![
            header(),
            row(
                Key::Target {
                    indicator: ind(),
                    year: 2026,
                },
                2.0,
                t("banyak"),
                SheetCell::Empty,
            ),
            row(
                Key::Pagu {
                    item: item(),
                    year: 2031,
                },
                5.0,
                SheetCell::Empty,
                SheetCell::Number(5.0),
            ),
            row(
                Key::Pagu {
                    item: Uuid::from_u128(99),
                    year: 2026,
                },
                1.0,
                SheetCell::Empty,
                SheetCell::Number(5.0),
            ),
            row(
                Key::Pagu {
                    item: item(),
                    year: 2026,
                },
                5.0,
                SheetCell::Empty,
                SheetCell::Number(-5.0),
            ),
            vec![t("ubahan-saya"), SheetCell::Number(1.0)],
        ];
        let (rows, errors) = read(&sheet).unwrap();
        let p = compare(rows, errors, &now(), |_, _| Ok(()));
        let rows: Vec<usize> = p.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [2, 3, 4, 5, 6]);
        assert!(p.errors[0].message.contains("bukan angka"));
        assert!(p.errors[1].message.contains("2031"));
        assert!(p.changes.is_empty());
    }

    #[test]
    fn another_sheet_layout_is_refused_as_a_whole() {
        let sheet = vec![vec![t("Kode"), t("Nama")], vec![t("1.02"), t("Kesehatan")]];
        assert!(
            read(&sheet)
                .unwrap_err()
                .contains("bukan lembar target dan pagu")
        );
    }

    #[test]
    fn rows_the_person_may_not_edit_are_errors() {
        let sheet = vec![
            header(),
            row(
                Key::Pagu {
                    item: item(),
                    year: 2026,
                },
                5.0,
                SheetCell::Empty,
                SheetCell::Number(7.0),
            ),
        ];
        let (rows, errors) = read(&sheet).unwrap();
        let p = compare(rows, errors, &now(), |_, _| Err("tidak berhak".into()));
        assert!(p.changes.is_empty());
        assert!(p.errors[0].message.contains("tidak berhak"));
    }

    #[test]
    fn realisasi_rides_on_its_indicator_row() {
        let mut r = row(
            Key::Target {
                indicator: ind(),
                year: 2026,
            },
            2.0,
            SheetCell::Number(90.0),
            SheetCell::Empty,
        );
        r[10] = t("88,2");
        let (rows, errors) = read(&[header(), r]).unwrap();
        // On an enacted plan only realisasi may change.
        let p = compare(rows, errors, &now(), |_, key| match key {
            Key::Realisasi { .. } => Ok(()),
            _ => Err("ditetapkan".into()),
        });
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.unchanged, 1, "the target stayed");
        assert!(p.changes[0].label.starts_with("realisasi Indikator AKI"));
        assert_eq!(p.changes.len(), 1);
        assert_eq!(
            p.changes[0].key,
            Key::Realisasi {
                indicator: ind(),
                year: 2026
            }
        );
        assert_eq!(p.changes[0].after.display(), "88,2");
        assert!(p.changes[0].label.starts_with("realisasi"));
    }

    #[test]
    fn numbers_as_people_and_sipd_type_them() {
        let n = |s: &str| number(&t(s)).unwrap().unwrap();
        assert_eq!(n("4,13"), Decimal::new(413, 2));
        assert_eq!(n("1.250"), Decimal::from(1250));
        assert_eq!(n("1.250.000,5"), Decimal::new(12500005, 1));
        assert_eq!(n("4.13"), Decimal::new(413, 2));
        assert_eq!(n("85.5"), Decimal::new(855, 1));
        assert!(number(&t("4.1.3,2,1")).is_err());
    }

    #[test]
    fn number_cells_come_back_as_typed() {
        let n = |f: f64| number(&SheetCell::Number(f)).unwrap().unwrap();
        assert_eq!(n(0.12345), Decimal::new(12345, 5));
        assert_eq!(n(85.5), Decimal::new(855, 1));
        assert_eq!(
            money(&SheetCell::Number(1e19)).unwrap_err(),
            "Jumlah terlalu besar."
        );
        assert!(number(&SheetCell::Number(f64::NAN)).is_err());
    }

    #[test]
    fn keys_round_trip() {
        let k = Key::Pagu {
            item: item(),
            year: 2027,
        };
        assert_eq!(Key::parse(&k.encode()), Some(k));
        assert_eq!(Key::parse("pagu:x:2027"), None);
    }
}
