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
    /// Months of execution (SIPD rows carry them).
    #[serde(default)]
    pub bulan: Option<(i16, i16)>,
    pub tags: Vec<String>,
    pub pagu: BTreeMap<i32, crate::domain::money::Rupiah>,
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
            crate::i18n::tf!(
                "lembar-tidak-ditemukan-atau-judul-kolomnya",
                SHEET = SHEET,
                a1 = COLUMNS[..5].join(", ")
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
                return Err(crate::i18n::tf!(
                    "kolom-di-luar-periode-rencana-ini",
                    t = t,
                    a1 = years[0],
                    a2 = years[years.len() - 1]
                ));
            }
            target_col.insert(y, i);
        } else if let Some(y) = year("Pagu ") {
            if !pagu_years.contains(&y) {
                return Err(crate::i18n::tf!("kolom-di-luar-tahun-pagu-rencana", t = t));
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
                fail(crate::i18n::t("baris-indikator-sebelum-item-mana-pun").into());
                continue;
            };
            if !item.level.has_indicators() {
                fail(crate::i18n::tf!(
                    "tidak-memiliki-indikator",
                    a1 = crate::i18n::label(item.level.label())
                ));
                continue;
            }
            let name = get(9);
            let satuan = get(10);
            if name.is_empty() || name.chars().count() > 500 {
                fail(crate::i18n::t("nama-indikator-kosong-atau-lebih-dari").into());
                continue;
            }
            if satuan.is_empty() || satuan.chars().count() > 100 {
                fail(crate::i18n::t("satuan-indikator-kosong-atau-lebih-dari").into());
                continue;
            }
            let polaritas = match get(11).to_lowercase().as_str() {
                "" | "naik" => Polaritas::Naik,
                "turun" => Polaritas::Turun,
                "rentang" => Polaritas::Rentang,
                other => {
                    fail(crate::i18n::tf!(
                        "polaritas-tidak-dikenal-naik-turun-atau",
                        other = other
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
            fail(crate::i18n::tf!("tingkat-tidak-dikenal", tingkat = tingkat));
            continue;
        };
        let no = match text(&cell(0)).parse::<f64>() {
            Ok(v) if v.fract() == 0.0 && v >= 1.0 => v as u32,
            _ => {
                fail(crate::i18n::t("kolom-no-harus-berisi-nomor-urut").into());
                continue;
            }
        };
        if levels.contains_key(&no) {
            fail(crate::i18n::tf!("no-dipakai-lebih-dari-sekali", no = no));
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
                    fail(crate::i18n::tf!("induk-bukan-no-item-di-atas", s = s));
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
            fail(crate::i18n::tf!(
                "tidak-dapat-berada-dalam-yang-diharapkan",
                a1 = crate::i18n::label(level.label()),
                under = under,
                a2 = crate::i18n::label(kind.label()),
                a3 = if expected.is_empty() {
                    "tidak ada".into()
                } else {
                    expected
                }
            ));
            continue;
        }
        let kode = match get(3) {
            k if k.is_empty() && level.is_budgeted() => {
                fail(crate::i18n::tf!(
                    "memerlukan-kode-nomenklatur",
                    a1 = crate::i18n::label(level.label())
                ));
                continue;
            }
            k if k.is_empty() => None,
            k if level.is_budgeted() => match KodeNomenklatur::parse(&k) {
                Ok(parsed) if parsed.level() == level => Some(k),
                Ok(_) => {
                    fail(crate::i18n::tf!(
                        "kode-bukan-kode",
                        k = k,
                        a1 = level.label().to_lowercase()
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
        if let (Some(k), Some(p)) = (&kode, parent.and_then(|p| items.iter().find(|i| i.no == p)))
            && let Some(pk) = p.kode.as_ref().filter(|_| p.level.is_budgeted())
            && !k.starts_with(&format!("{pk}."))
        {
            fail(crate::i18n::tf!(
                "kode-tidak-berada-di-bawah-kode",
                k = k,
                pk = pk
            ));
            continue;
        }
        let nama = get(4);
        if nama.is_empty() || nama.chars().count() > 2000 {
            fail(crate::i18n::t("nama-kosong-atau-lebih-dari-2").into());
            continue;
        }
        let tags: Vec<String> = get(8)
            .split([',', ';'])
            .map(|t| t.trim().to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if let Some(t) = tags.iter().find(|t| !TAGS.contains(&t.as_str())) {
            fail(crate::i18n::tf!(
                "prioritas-tidak-dikenal",
                t = t,
                a1 = TAGS.join(", ")
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
                    bad.get_or_insert(crate::i18n::tf!(
                        "tidak-memiliki-pagu",
                        a1 = crate::i18n::label(level.label())
                    ));
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
            bulan: None,
            tags,
            pagu,
            indicators: Vec::new(),
        });
    }
    if items.is_empty() && errors.is_empty() {
        return Err(crate::i18n::tf!(
            "lembar-tidak-berisi-item-apa-pun",
            SHEET = SHEET
        ));
    }
    Ok((items, errors))
}

/// One sub kegiatan of SIPD rows (the layout of `export::sipd`).
#[derive(Debug, Clone, PartialEq)]
pub struct SipdRow {
    pub row: usize,
    pub kode: String,
    pub nama: String,
    pub agency: Option<String>,
    pub sumber_dana: Option<String>,
    /// Places as SIPD names them: kab/kota › kecamatan › desa.
    pub places: Vec<Vec<String>>,
    pub bulan: Option<(i16, i16)>,
    pub pagu: BTreeMap<i32, crate::domain::money::Rupiah>,
    pub indicators: Vec<SipdIndicator>,
    pub tags: Vec<String>,
    pub prioritas: String,
}

/// An indicator of a SIPD row: its tolok ukur, target of year N, satuan.
#[derive(Debug, Clone, PartialEq)]
pub struct SipdIndicator {
    pub name: String,
    pub target: Option<Decimal>,
    pub satuan: String,
}

/// Reads SIPD rows for an annual plan of year `year`: the header row is
/// found by its column titles, whatever their order.
pub fn read_sipd(
    rows: &[Vec<SheetCell>],
    year: i32,
) -> Result<(Vec<SipdRow>, Vec<RowError>), String> {
    let text = |c: &SheetCell| match c {
        SheetCell::Empty => String::new(),
        SheetCell::Text(s) => s.trim().to_string(),
        SheetCell::Number(n) => n.to_string(),
    };
    let header = rows
        .iter()
        .take(20)
        .position(|r| {
            r.iter().any(|c| text(c) == "Kode sub kegiatan")
                && r.iter().any(|c| text(c) == "Nama sub kegiatan")
        })
        .ok_or_else(|| {
            crate::i18n::tf!(
                "lembar-maupun-baris-sipd-kolom-kode",
                SHEET = SHEET,
                year = year
            )
        })?;
    let col = |title: &str| rows[header].iter().position(|c| text(c) == title);
    let kode_col = col("Kode sub kegiatan").unwrap_or(0);
    let nama_col = col("Nama sub kegiatan").unwrap_or(0);
    let pagu_col = col(&format!("Pagu {year}"))
        .ok_or_else(|| crate::i18n::tf!("kolom-pagu-tidak-ada-baris-sipd", year = year))?;
    let next_col = col(&format!("Pagu {}", year + 1));
    let target_col = col(&format!("Target {year}"));
    let (agency_col, sd_col, place_col) = (
        col("Perangkat daerah"),
        col("Sumber dana"),
        col("Lokasi (kab/kota › kecamatan › desa/kelurahan)"),
    );
    let (first_col, last_col) = (col("Bulan awal"), col("Bulan akhir"));
    let (tolok_col, satuan_col) = (col("Tolok ukur (indikator keluaran)"), col("Satuan"));
    let (nas_col, prov_col, prio_col) = (
        col("Prioritas nasional"),
        col("Prioritas provinsi"),
        col("Prioritas daerah"),
    );
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, r) in rows.iter().enumerate().skip(header + 1) {
        let n = i + 1;
        let get = |c: Option<usize>| c.and_then(|c| r.get(c)).map(&text).unwrap_or_default();
        let cell = |c: Option<usize>| {
            c.and_then(|c| r.get(c))
                .cloned()
                .unwrap_or(SheetCell::Empty)
        };
        let kode = get(Some(kode_col));
        if kode.is_empty() {
            continue;
        }
        let mut fail = |m: String| errors.push(RowError { row: n, message: m });
        match KodeNomenklatur::parse(&kode) {
            Ok(k) if k.level() == Level::SubKegiatan => {}
            Ok(_) => {
                fail(crate::i18n::tf!(
                    "kode-bukan-kode-sub-kegiatan",
                    kode = kode
                ));
                continue;
            }
            Err(e) => {
                fail(e);
                continue;
            }
        }
        let nama = get(Some(nama_col));
        if nama.is_empty() {
            fail(crate::i18n::t("nama-sub-kegiatan-kosong").into());
            continue;
        }
        let mut pagu = BTreeMap::new();
        let mut bad = None;
        for (y, c) in [(year, Some(pagu_col)), (year + 1, next_col)] {
            match sipd_number(&cell(c)).and_then(|v| match v {
                Some(a) if a.is_sign_negative() => {
                    Err(crate::i18n::t("pagu-tidak-boleh-negatif").into())
                }
                Some(a) if a > Decimal::from(999_999_999_999_999_i64) => {
                    Err(crate::i18n::t("jumlah-terlalu-besar").into())
                }
                other => Ok(other.map(|a| a.round_dp(2))),
            }) {
                Ok(Some(a)) => {
                    pagu.insert(y, crate::domain::money::Rupiah::new(a));
                }
                Ok(None) => {}
                Err(e) => {
                    bad.get_or_insert(format!("Pagu {y}: {e}"));
                }
            }
        }
        let bulan = match super::plan::parse_months(&get(first_col), &get(last_col)) {
            Ok(b) => b,
            Err(e) => {
                bad.get_or_insert(e);
                None
            }
        };
        let split = |s: String| {
            s.split(';')
                .map(|x| x.trim().to_string())
                .collect::<Vec<_>>()
        };
        let (tolok, targets, satuan) = (
            split(get(tolok_col)),
            split(get(target_col)),
            split(get(satuan_col)),
        );
        let mut indicators = Vec::new();
        for (k, name) in tolok.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            let target = match targets
                .get(k)
                .map(|t| sipd_number(&SheetCell::Text(t.clone())))
            {
                Some(Ok(v)) => v,
                Some(Err(e)) => {
                    bad.get_or_insert(format!("Target: {e}"));
                    None
                }
                None => None,
            };
            let satuan = satuan
                .get(k)
                .cloned()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "-".into());
            indicators.push(SipdIndicator {
                name: name.clone(),
                target,
                satuan,
            });
        }
        if let Some(e) = bad {
            fail(e);
            continue;
        }
        let yes = |c: Option<usize>| !get(c).is_empty() && get(c).to_lowercase() != "tidak";
        let mut tags = Vec::new();
        if yes(nas_col) {
            tags.push("nasional".to_string());
        }
        if yes(prov_col) {
            tags.push("provinsi".to_string());
        }
        out.push(SipdRow {
            row: n,
            kode,
            nama,
            agency: Some(get(agency_col)).filter(|s| !s.is_empty()),
            sumber_dana: Some(get(sd_col)).filter(|s| !s.is_empty()),
            places: get(place_col)
                .split(';')
                .map(|p| {
                    p.split('›')
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.is_empty())
                .collect(),
            bulan,
            pagu,
            indicators,
            tags,
            prioritas: get(prio_col),
        });
    }
    if out.is_empty() && errors.is_empty() {
        return Err(crate::i18n::t("berkas-ini-tidak-berisi-baris-sub").into());
    }
    Ok((out, errors))
}

/// A number as SIPD writes it: digits with a dot before decimals and no
/// grouping (`1250000`, `4.13`, `1.125`); a number cell as it is.
fn sipd_number(c: &SheetCell) -> Result<Option<Decimal>, String> {
    match c {
        SheetCell::Text(t) if !t.trim().is_empty() => {
            let t = t.trim();
            if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') && t.matches('.').count() <= 1 {
                t.parse::<Decimal>()
                    .map(|d| Some(d.normalize()))
                    .map_err(|_| crate::i18n::tf!("bukan-angka", t = t))
            } else {
                super::target_pagu::number(c)
            }
        }
        other => super::target_pagu::number(other),
    }
}

/// The cascade of an RKPD or Renja from its SIPD rows: prioritas daerah
/// (in order of appearance; rows without one under "Tanpa prioritas
/// daerah"), then the programs and kegiatan the codes name (titles from
/// `names`, pagu summed from their sub kegiatan), then the sub kegiatan.
/// `place` turns a SIPD place path into a kode wilayah.
pub fn sipd_tree(
    year: i32,
    rows: Vec<SipdRow>,
    names: &HashMap<String, String>,
    place: impl Fn(&[String]) -> Option<String>,
) -> (Vec<NewItem>, Vec<RowError>) {
    let mut errors = Vec::new();
    let mut items: Vec<NewItem> = Vec::new();
    // A program or kegiatan appears once (codes are unique in a plan),
    // under the prioritas of its first sub kegiatan.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut prioritas: HashMap<String, u32> = HashMap::new();
    let prefix = |k: &str, n: usize| k.split('.').take(n).collect::<Vec<_>>().join(".");
    let blank = |row, no, parent, level, kode: Option<String>, nama: String| NewItem {
        row,
        no,
        parent,
        level,
        kode,
        nama,
        agency: None,
        lokasi: Vec::new(),
        sumber_dana: None,
        bulan: None,
        tags: Vec::new(),
        pagu: BTreeMap::new(),
        indicators: Vec::new(),
    };
    for r in rows {
        let (program, kegiatan) = (prefix(&r.kode, 3), prefix(&r.kode, 5));
        let missing: Vec<&String> = [&program, &kegiatan]
            .into_iter()
            .filter(|k| !names.contains_key(*k))
            .collect();
        if let Some(k) = missing.first() {
            errors.push(RowError {
                row: r.row,
                message: crate::i18n::tf!("kode-tidak-ada-dalam-nomenklatur-wilayah-3", k = k),
            });
            continue;
        }
        let mut lokasi = Vec::new();
        if let Some(p) = r.places.iter().find(|p| match place(p) {
            Some(k) => {
                lokasi.push(k);
                false
            }
            None => true,
        }) {
            errors.push(RowError {
                row: r.row,
                message: crate::i18n::tf!(
                    "lokasi-tidak-dikenal-di-wilayah-ini",
                    a1 = p.join(" › ")
                ),
            });
            continue;
        }
        let prio_name = if r.prioritas.is_empty() {
            "Tanpa prioritas daerah".to_string()
        } else {
            r.prioritas.clone()
        };
        let next = |items: &Vec<NewItem>| items.len() as u32 + 1;
        let p_no = match prioritas.get(&prio_name) {
            Some(n) => *n,
            None => {
                let no = next(&items);
                items.push(blank(
                    r.row,
                    no,
                    None,
                    Level::Prioritas,
                    None,
                    prio_name.clone(),
                ));
                prioritas.insert(prio_name.clone(), no);
                no
            }
        };
        let mut parent = p_no;
        for (level, kode) in [(Level::Program, &program), (Level::Kegiatan, &kegiatan)] {
            let at = match index.get(kode) {
                Some(at) => *at,
                None => {
                    let no = next(&items);
                    let mut item = blank(
                        r.row,
                        no,
                        Some(parent),
                        level,
                        Some(kode.clone()),
                        names[kode].clone(),
                    );
                    item.agency = r.agency.clone();
                    items.push(item);
                    index.insert(kode.clone(), items.len() - 1);
                    items.len() - 1
                }
            };
            for (y, a) in &r.pagu {
                *items[at].pagu.entry(*y).or_default() += *a;
            }
            parent = items[at].no;
        }
        let no = next(&items);
        let mut sub = blank(
            r.row,
            no,
            Some(parent),
            Level::SubKegiatan,
            Some(r.kode.clone()),
            r.nama.clone(),
        );
        sub.agency = r.agency.clone();
        sub.sumber_dana = r.sumber_dana.clone();
        sub.lokasi = lokasi;
        sub.bulan = r.bulan;
        sub.tags = r.tags.clone();
        sub.pagu = r.pagu.clone();
        sub.indicators = r
            .indicators
            .iter()
            .map(|n| NewIndicator {
                row: r.row,
                name: n.name.clone(),
                satuan: n.satuan.clone(),
                polaritas: Polaritas::Naik,
                kondisi_awal: None,
                kondisi_awal_tahun: None,
                kondisi_akhir: None,
                targets: n.target.map(|t| (year, (t, None))).into_iter().collect(),
            })
            .collect();
        items.push(sub);
    }
    // Children follow their parents in the list, in the file's order.
    (items, errors)
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
            _ => Err(crate::i18n::tf!("bukan-rentang-contoh-57", a1 = t.trim())),
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
        assert_eq!(
            items[1].pagu.get(&2026).map(|a| a.amount()),
            Some(Decimal::from(1_000_000))
        );
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
    fn sipd_numbers_have_a_decimal_dot() {
        assert_eq!(
            sipd_number(&t("1.125")).unwrap(),
            Some(Decimal::new(1125, 3))
        );
        assert_eq!(
            sipd_number(&t("1250000")).unwrap(),
            Some(Decimal::from(1_250_000))
        );
        assert_eq!(sipd_number(&t("4,13")).unwrap(), Some(Decimal::new(413, 2)));
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
