//! A plan's cascade read from the "Struktur" sheet of its workbook: how a
//! region brings in the RPJMD, Renstra or RKPD it already has. One row per
//! item (No, Induk: the No of its parent, Tingkat, Kode, Nama, perangkat
//! daerah, lokasi, sumber dana, prioritas, pagu per year), followed by a
//! row per indicator (Tingkat "Indikator": name, satuan, polaritas,
//! kondisi awal and akhir, target per year). Every row is checked here
//! (levels in the kind's order, code shapes, numbers, years); what needs
//! the database (codes in the nomenclature, agency names, places) is
//! checked by the store. Nothing here touches the database.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::indicator::Polaritas;
use super::kode::KodeNomenklatur;
use super::plan::{Level, PlanKind};
use super::target_pagu::{RowError, SheetCell};

pub const SHEET: &str = "Struktur";

/// The fixed columns; year columns ("Target 2025", "Pagu 2025") follow.
pub const COLUMNS: [&str; 15] = [
    "No",
    "Induk",
    "Tingkat",
    "Kode",
    "Nama",
    "Perangkat daerah",
    "Lokasi (kode wilayah)",
    "Sumber dana",
    "Prioritas",
    "Indikator",
    "Satuan",
    "Polaritas",
    "Kondisi awal",
    "Tahun kondisi awal",
    "Kondisi akhir",
];

pub const INDICATOR: &str = "Indikator";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewIndicator {
    pub row: usize,
    pub name: String,
    pub satuan: String,
    pub polaritas: Polaritas,
    pub kondisi_awal: Option<Decimal>,
    pub kondisi_awal_tahun: Option<i32>,
    pub kondisi_akhir: Option<Decimal>,
    pub targets: BTreeMap<i32, (Decimal, Option<Decimal>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewItem {
    pub row: usize,
    pub no: u32,
    pub parent: Option<u32>,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
    pub agency: Option<String>,
    pub lokasi: Vec<String>,
    pub sumber_dana: Option<String>,
    pub tags: Vec<String>,
    pub pagu: BTreeMap<i32, Decimal>,
    pub indicators: Vec<NewIndicator>,
}

/// Tags as the workbook writes them (the item form's list).
pub const TAGS: [&str; 5] = ["nasional", "provinsi", "daerah", "spm", "kemiskinan"];

fn level_of(label: &str) -> Option<Level> {
    let l = label.trim().to_lowercase();
    Level::ALL
        .into_iter()
        .find(|v| v.label().to_lowercase() == l || v.as_str() == l)
}

/// Reads the sheet for a plan of `kind` whose targets run over `years`
/// and whose pagu over `pagu_years`.
pub fn read(
    kind: PlanKind,
    years: &[i32],
    pagu_years: &[i32],
    rows: &[Vec<SheetCell>],
) -> Result<(Vec<NewItem>, Vec<RowError>), String> {
    let text = |c: &SheetCell| match c {
        SheetCell::Empty => String::new(),
        SheetCell::Text(s) => s.trim().to_string(),
        SheetCell::Number(n) => n.to_string(),
    };
    let header = rows
        .iter()
        .take(20)
        .position(|r| r.len() >= COLUMNS.len() && r.iter().zip(COLUMNS).all(|(c, t)| text(c) == t))
        .ok_or_else(|| {
            format!(
                "Lembar \"{SHEET}\" tidak ditemukan atau judul kolomnya ({}) berubah. Unduh lembar kerja rencana dari Selaras (berisi lembar {SHEET}) sebagai contoh isiannya.",
                COLUMNS[..5].join(", ")
            )
        })?;
    // Year columns by their titles.
    let mut target_col: HashMap<i32, usize> = HashMap::new();
    let mut pagu_col: HashMap<i32, usize> = HashMap::new();
    for (i, c) in rows[header].iter().enumerate().skip(COLUMNS.len()) {
        let t = text(c);
        let year = |prefix: &str| {
            t.strip_prefix(prefix)
                .and_then(|y| y.trim().parse::<i32>().ok())
        };
        if let Some(y) = year("Target ") {
            if !years.contains(&y) {
                return Err(format!(
                    "Kolom \"{t}\" di luar periode rencana ini ({}–{}).",
                    years[0],
                    years[years.len() - 1]
                ));
            }
            target_col.insert(y, i);
        } else if let Some(y) = year("Pagu ") {
            if !pagu_years.contains(&y) {
                return Err(format!("Kolom \"{t}\" di luar tahun pagu rencana ini."));
            }
            pagu_col.insert(y, i);
        }
    }
    let mut items: Vec<NewItem> = Vec::new();
    let mut errors = Vec::new();
    let mut levels: HashMap<u32, Level> = HashMap::new();
    for (i, r) in rows.iter().enumerate().skip(header + 1) {
        let n = i + 1;
        let cell = |c: usize| r.get(c).cloned().unwrap_or(SheetCell::Empty);
        let get = |c: usize| text(&cell(c));
        if r.iter().all(|c| text(c).is_empty()) {
            continue;
        }
        let mut fail = |m: String| errors.push(RowError { row: n, message: m });
        let tingkat = get(2);
        if tingkat == INDICATOR {
            let Some(item) = items.last_mut() else {
                fail("Baris indikator sebelum item mana pun.".into());
                continue;
            };
            if !item.level.has_indicators() {
                fail(format!("{} tidak memiliki indikator.", item.level.label()));
                continue;
            }
            let name = get(9);
            let satuan = get(10);
            if name.is_empty() || name.chars().count() > 500 {
                fail("Nama indikator kosong atau lebih dari 500 karakter.".into());
                continue;
            }
            if satuan.is_empty() || satuan.chars().count() > 100 {
                fail("Satuan indikator kosong atau lebih dari 100 karakter.".into());
                continue;
            }
            let polaritas = match get(11).to_lowercase().as_str() {
                "" | "naik" => Polaritas::Naik,
                "turun" => Polaritas::Turun,
                "rentang" => Polaritas::Rentang,
                other => {
                    fail(format!(
                        "Polaritas \"{other}\" tidak dikenal (naik, turun atau rentang)."
                    ));
                    continue;
                }
            };
            let mut bad = None;
            let mut num = |c: usize| match super::target_pagu::number(&cell(c)) {
                Ok(v) => v,
                Err(e) => {
                    bad.get_or_insert(e);
                    None
                }
            };
            let kondisi_awal = num(12);
            let kondisi_akhir = num(14);
            let kondisi_awal_tahun = match cell(13) {
                SheetCell::Empty => None,
                c => match text(&c).parse::<f64>() {
                    Ok(y) if y.fract() == 0.0 && (1990.0..=2100.0).contains(&y) => Some(y as i32),
                    _ => {
                        bad.get_or_insert("Tahun kondisi awal tidak valid.".into());
                        None
                    }
                },
            };
            let mut targets = BTreeMap::new();
            for (y, c) in &target_col {
                match band(&cell(*c)) {
                    Ok(Some(t)) => {
                        targets.insert(*y, t);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        bad.get_or_insert(format!("Target {y}: {e}"));
                    }
                }
            }
            if let Some(e) = bad {
                fail(e);
                continue;
            }
            item.indicators.push(NewIndicator {
                row: n,
                name,
                satuan,
                polaritas,
                kondisi_awal,
                kondisi_awal_tahun,
                kondisi_akhir,
                targets,
            });
            continue;
        }
        // An item row.
        let Some(level) = level_of(&tingkat) else {
            fail(format!("Tingkat \"{tingkat}\" tidak dikenal."));
            continue;
        };
        let no = match text(&cell(0)).parse::<f64>() {
            Ok(v) if v.fract() == 0.0 && v >= 1.0 => v as u32,
            _ => {
                fail("Kolom No harus berisi nomor urut (1, 2, 3, …).".into());
                continue;
            }
        };
        if levels.contains_key(&no) {
            fail(format!("No {no} dipakai lebih dari sekali."));
            continue;
        }
        let parent = match get(1) {
            s if s.is_empty() => None,
            s => match s
                .parse::<f64>()
                .ok()
                .filter(|v| v.fract() == 0.0)
                .map(|v| v as u32)
            {
                Some(p) if levels.contains_key(&p) => Some(p),
                _ => {
                    fail(format!("Induk \"{s}\" bukan No item di atas baris ini."));
                    continue;
                }
            },
        };
        let allowed = kind.child_levels(parent.and_then(|p| levels.get(&p).copied()));
        if !allowed.contains(&level) {
            let under = match parent.and_then(|p| levels.get(&p)) {
                Some(l) => format!("di bawah {}", l.label()),
                None => "sebagai tingkat teratas".into(),
            };
            let expected = allowed
                .iter()
                .map(|l| l.label())
                .collect::<Vec<_>>()
                .join(", ");
            fail(format!(
                "{} tidak dapat berada {under} dalam {} (yang diharapkan: {}).",
                level.label(),
                kind.label(),
                if expected.is_empty() {
                    "tidak ada".into()
                } else {
                    expected
                }
            ));
            continue;
        }
        let kode = match get(3) {
            k if k.is_empty() && level.is_budgeted() => {
                fail(format!("{} memerlukan kode nomenklatur.", level.label()));
                continue;
            }
            k if k.is_empty() => None,
            k if level.is_budgeted() => match KodeNomenklatur::parse(&k) {
                Ok(parsed) if parsed.level() == level => Some(k),
                Ok(_) => {
                    fail(format!(
                        "Kode {k} bukan kode {}.",
                        level.label().to_lowercase()
                    ));
                    continue;
                }
                Err(e) => {
                    fail(e);
                    continue;
                }
            },
            k => Some(k),
        };
        if let (Some(k), Some(p)) = (&kode, parent.and_then(|p| items.iter().find(|i| i.no == p))) {
            if let Some(pk) = p.kode.as_ref().filter(|_| p.level.is_budgeted())
                && !k.starts_with(&format!("{pk}."))
            {
                fail(format!(
                    "Kode {k} tidak berada di bawah kode induknya {pk}."
                ));
                continue;
            }
        }
        let nama = get(4);
        if nama.is_empty() || nama.chars().count() > 2000 {
            fail("Nama kosong atau lebih dari 2.000 karakter.".into());
            continue;
        }
        let tags: Vec<String> = get(8)
            .split([',', ';'])
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if let Some(t) = tags.iter().find(|t| !TAGS.contains(&t.as_str())) {
            fail(format!(
                "Prioritas \"{t}\" tidak dikenal ({}).",
                TAGS.join(", ")
            ));
            continue;
        }
        let mut pagu = BTreeMap::new();
        let mut bad = None;
        for (y, c) in &pagu_col {
            match super::target_pagu::money(&cell(*c)) {
                Ok(Some(a)) if level.has_pagu() => {
                    pagu.insert(*y, a);
                }
                Ok(Some(_)) => {
                    bad.get_or_insert(format!("{} tidak memiliki pagu.", level.label()));
                }
                Ok(None) => {}
                Err(e) => {
                    bad.get_or_insert(format!("Pagu {y}: {e}"));
                }
            }
        }
        if let Some(e) = bad {
            fail(e);
            continue;
        }
        levels.insert(no, level);
        items.push(NewItem {
            row: n,
            no,
            parent,
            level,
            kode,
            nama,
            agency: Some(get(5)).filter(|s| !s.is_empty()),
            lokasi: get(6)
                .split([',', ';'])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            sumber_dana: Some(get(7)).filter(|s| !s.is_empty()),
            tags,
            pagu,
            indicators: Vec::new(),
        });
    }
    if items.is_empty() && errors.is_empty() {
        return Err(format!("Lembar \"{SHEET}\" tidak berisi item apa pun."));
    }
    Ok((items, errors))
}

/// A target cell: a number, or a band typed as `5–7` / `5-7`.
fn band(c: &SheetCell) -> Result<Option<(Decimal, Option<Decimal>)>, String> {
    if let SheetCell::Text(t) = c
        && let Some((a, b)) = t
            .trim()
            .split_once(['–', '-'])
            .filter(|(a, _)| !a.trim().is_empty())
    {
        let a = super::target_pagu::number(&SheetCell::Text(a.into()))?;
        let b = super::target_pagu::number(&SheetCell::Text(b.into()))?;
        return match (a, b) {
            (Some(a), Some(b)) if b >= a => Ok(Some((a, Some(b)))),
            _ => Err(format!("\"{}\" bukan rentang (contoh: 5–7).", t.trim())),
        };
    }
    Ok(super::target_pagu::number(c)?.map(|v| (v, None)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> SheetCell {
        SheetCell::Text(s.into())
    }

    /// The fixed columns, then Target 2026, Pagu 2026, Pagu 2027.
    fn header() -> Vec<SheetCell> {
        let mut h: Vec<SheetCell> = COLUMNS.iter().map(|c| t(c)).collect();
        h.extend([t("Target 2026"), t("Pagu 2026"), t("Pagu 2027")]);
        h
    }

    fn item(
        no: &str,
        parent: &str,
        level: &str,
        kode: &str,
        nama: &str,
        pagu: &str,
    ) -> Vec<SheetCell> {
        let mut r = vec![
            t(no),
            t(parent),
            t(level),
            t(kode),
            t(nama),
            t("Dinas Kesehatan"),
            t(""),
            t("APBD"),
            t(""),
        ];
        r.extend((0..6).map(|_| SheetCell::Empty));
        r.extend([SheetCell::Empty, t(pagu), SheetCell::Empty]);
        r
    }

    fn indicator(name: &str, target: &str) -> Vec<SheetCell> {
        let mut r: Vec<SheetCell> = (0..9).map(|_| SheetCell::Empty).collect();
        r[2] = t(INDICATOR);
        r.extend([
            t(name),
            t("%"),
            t("naik"),
            t("80"),
            t("2025"),
            SheetCell::Empty,
        ]);
        r.extend([t(target), SheetCell::Empty, SheetCell::Empty]);
        r
    }

    #[test]
    fn a_cascade_is_read_with_its_indicators_and_pagu() {
        let rows = vec![
            header(),
            item("1", "", "Prioritas", "", "Kesehatan", ""),
            item(
                "2",
                "1",
                "Program",
                "1.02.02",
                "Program Upaya Kesehatan",
                "1.000.000",
            ),
            indicator("Angka kematian ibu", "85,5"),
            indicator("Rentang", "5–7"),
            item(
                "3",
                "2",
                "Kegiatan",
                "1.02.02.2.01",
                "Penyediaan Fasilitas",
                "900000",
            ),
        ];
        let (items, errors) = read(PlanKind::Rkpd, &[2026], &[2026, 2027], &rows).unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].parent, Some(1));
        assert_eq!(items[1].pagu.get(&2026), Some(&Decimal::from(1_000_000)));
        assert_eq!(
            items[1].indicators[0].targets.get(&2026),
            Some(&(Decimal::new(855, 1), None))
        );
        assert_eq!(
            items[1].indicators[1].targets.get(&2026),
            Some(&(Decimal::from(5), Some(Decimal::from(7))))
        );
        assert_eq!(items[2].level, Level::Kegiatan);
    }

    #[test]
    fn a_year_outside_the_period_is_refused_as_a_whole() {
        let rows = vec![header()];
        let e = read(PlanKind::Rkpd, &[2027], &[2027, 2028], &rows).unwrap_err();
        assert!(e.contains("Target 2026"), "{e}");
    }

    #[test]
    fn level_jumps_bad_codes_and_numbers_are_reported_per_row() {
        let rows = vec![
            header(),
            item("1", "", "Prioritas", "", "Kesehatan", ""),
            item("3", "1", "Sub kegiatan", "1.02.02.2.01.0001", "Lompat", ""),
            item("4", "1", "Program", "1.2.2", "Kode salah", ""),
            item("2", "1", "Program", "1.02.02", "Program", "banyak"),
            item("5", "9", "Program", "1.02.03", "Induk tak ada", ""),
        ];
        let (items, errors) = read(PlanKind::Rkpd, &[2026], &[2026, 2027], &rows).unwrap();
        assert_eq!(items.len(), 1);
        let rows: Vec<usize> = errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [3, 4, 5, 6]);
        assert!(
            errors[0]
                .message
                .contains("tidak dapat berada di bawah Prioritas"),
            "{}",
            errors[0].message
        );
        assert!(errors[2].message.contains("banyak"));
    }

    #[test]
    fn another_layout_is_refused_as_a_whole() {
        let rows = vec![vec![t("Kode"), t("Uraian")]];
        assert!(
            read(PlanKind::Rpjmd, &[2025], &[2025], &rows)
                .unwrap_err()
                .contains("Struktur")
        );
    }
}
