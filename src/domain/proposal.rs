//! Proposals (usulan) and their way through the levels (SPEC 7):
//! `diajukan` → ranked at desa → `diteruskan_kecamatan` → ranked at
//! kecamatan → `diteruskan_kabkota` → `diverifikasi` by the responsible
//! agency → `diakomodir` / `ditolak` (with a reason) / `ditunda`.

use serde::{Deserialize, Serialize};

use super::user::FieldErrors;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, utoipa::ToSchema,
)]
#[sqlx(type_name = "proposal_source", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Musrenbang,
    Aspirasi,
    Pokir,
    Renja,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    sqlx::Type,
    utoipa::ToSchema,
)]
#[sqlx(type_name = "proposal_status", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Diajukan,
    DiteruskanKecamatan,
    DiteruskanKabkota,
    Diverifikasi,
    Diakomodir,
    Ditolak,
    Ditunda,
    /// Merged into another proposal (the lineage names which).
    Digabung,
    /// Split into several proposals (the lineage names them).
    Dipecah,
}

/// Who acts on a proposal in a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The desa/kelurahan where the proposal is located.
    Desa,
    /// The kecamatan around that desa/kelurahan.
    Kecamatan,
    /// The perangkat daerah responsible (from the kamus usulan).
    PerangkatDaerah,
    /// Bappeda, deciding at kab/kota level.
    Kabkota,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Forward to the next level (desa → kecamatan → kab/kota).
    Teruskan,
    /// The agency has checked feasibility and cost.
    Verifikasi,
    /// Accepted into a sub kegiatan of that year's RKPD.
    Akomodir,
    /// Refused, with a reason.
    Tolak,
    /// Deferred to a later year.
    Tunda,
}

crate::domain::names! {
    Source {
        Musrenbang => "musrenbang", "Musrenbang desa/kelurahan";
        Aspirasi => "aspirasi", "Aspirasi masyarakat";
        Pokir => "pokir", "Pokok-pokok pikiran DPRD";
        Renja => "renja", "Usulan perangkat daerah (Renja)";
    }
}

impl Source {
    /// Musrenbang and aspirasi start at the desa; pokir and renja enter at
    /// kab/kota level.
    pub fn first_status(self) -> Status {
        match self {
            Source::Musrenbang | Source::Aspirasi => Status::Diajukan,
            Source::Pokir | Source::Renja => Status::DiteruskanKabkota,
        }
    }
}

crate::domain::names! {
    Status {
        Diajukan => "diajukan", "Diajukan di desa/kelurahan";
        DiteruskanKecamatan => "diteruskan_kecamatan", "Diteruskan ke kecamatan";
        DiteruskanKabkota => "diteruskan_kabkota", "Diteruskan ke kabupaten/kota";
        Diverifikasi => "diverifikasi", "Diverifikasi perangkat daerah";
        Diakomodir => "diakomodir", "Diakomodir";
        Ditolak => "ditolak", "Ditolak";
        Ditunda => "ditunda", "Ditunda";
        Digabung => "digabung", "Digabung ke usulan lain";
        Dipecah => "dipecah", "Dipecah menjadi beberapa usulan";
    }
}

impl Status {
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Diakomodir
                | Status::Ditolak
                | Status::Ditunda
                | Status::Digabung
                | Status::Dipecah
        )
    }

    /// The proposer may still correct it: until it is verified.
    pub fn correctable(self) -> bool {
        matches!(
            self,
            Status::Diajukan | Status::DiteruskanKecamatan | Status::DiteruskanKabkota
        )
    }

    /// Its place and kind may still change: only before the desa forwards
    /// it (after that the kecamatan and the perangkat daerah it went to
    /// depend on them).
    pub fn relocatable(self) -> bool {
        self == Status::Diajukan
    }

    /// Who may still act: the level of `level()`, and Bappeda on an
    /// accepted proposal (to move it to another sub kegiatan).
    pub fn acting_level(self) -> Option<Level> {
        match self {
            Status::Diakomodir => Some(Level::Kabkota),
            s => s.level(),
        }
    }

    /// Who acts now; None once decided.
    pub fn level(self) -> Option<Level> {
        match self {
            Status::Diajukan => Some(Level::Desa),
            Status::DiteruskanKecamatan => Some(Level::Kecamatan),
            Status::DiteruskanKabkota => Some(Level::PerangkatDaerah),
            Status::Diverifikasi => Some(Level::Kabkota),
            _ => None,
        }
    }
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Desa => "desa/kelurahan",
            Level::Kecamatan => "kecamatan",
            Level::PerangkatDaerah => "perangkat daerah",
            Level::Kabkota => "Bappeda kabupaten/kota",
        }
    }
}

impl Step {
    pub fn parse(s: &str) -> Option<Step> {
        Some(match s {
            "teruskan" => Step::Teruskan,
            "verifikasi" => Step::Verifikasi,
            "akomodir" => Step::Akomodir,
            "tolak" => Step::Tolak,
            "tunda" => Step::Tunda,
            _ => return None,
        })
    }
}

/// Where a step takes a proposal, or why it cannot.
pub fn next(status: Status, step: Step) -> Result<Status, String> {
    use Status::*;
    match (status, step) {
        // Bappeda may move an accepted proposal to another sub kegiatan
        // (the RKPD was restructured, or it was placed wrongly: K10).
        (Diakomodir, Step::Akomodir) => Ok(Diakomodir),
        (s, _) if s.is_final() => Err(crate::i18n::tf!(
            "usulan-ini-sudah-statusnya-tidak-berubah",
            a1 = s.label().to_lowercase()
        )),
        (_, Step::Tolak) => Ok(Ditolak),
        (Diajukan, Step::Teruskan) => Ok(DiteruskanKecamatan),
        (DiteruskanKecamatan, Step::Teruskan) => Ok(DiteruskanKabkota),
        (DiteruskanKabkota, Step::Verifikasi) => Ok(Diverifikasi),
        (Diverifikasi, Step::Akomodir) => Ok(Diakomodir),
        (Diverifikasi, Step::Tunda) => Ok(Ditunda),
        (s, _) => Err(crate::i18n::tf!(
            "langkah-ini-tidak-berlaku-untuk-usulan",
            a1 = s.label().to_lowercase()
        )),
    }
}

/// A rejection needs a reason the proposer can read.
pub fn check_reason(step: Step, reason: &str) -> Result<(), String> {
    if step == Step::Tolak && reason.trim().chars().count() < 5 {
        Err(crate::i18n::t("alasan-penolakan-wajib-diisi-minimal-5").into())
    } else {
        Ok(())
    }
}

/// The year a proposal is for, as typed: 2020–2100.
pub fn parse_year(typed: &str) -> Result<i32, String> {
    typed
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2020..=2100).contains(y))
        .ok_or_else(|| crate::i18n::t("isi-tahun-rencana-mis-2027").into())
}

/// Latitude or longitude as typed (a comma or a point for decimals):
/// nothing, or a value within ±`limit` degrees.
fn parse_degrees(typed: &str, limit: i64) -> Result<Option<rust_decimal::Decimal>, ()> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let d = t
        .replace(',', ".")
        .parse::<rust_decimal::Decimal>()
        .map_err(|_| ())?;
    if d.abs() > rust_decimal::Decimal::from(limit) {
        Err(())
    } else {
        Ok(Some(d))
    }
}

pub fn parse_latitude(typed: &str) -> Result<Option<rust_decimal::Decimal>, String> {
    parse_degrees(typed, 90).map_err(|_| crate::i18n::t("lintang-tidak-valid-90-sampai-90").into())
}

pub fn parse_longitude(typed: &str) -> Result<Option<rust_decimal::Decimal>, String> {
    parse_degrees(typed, 180).map_err(|_| crate::i18n::t("bujur-tidak-valid-180-sampai-180").into())
}

/// How far a proposal may be deferred: to one of the five years after its
/// own.
pub const DEFER_YEARS: i32 = 5;

/// The year a proposal for `target_year` is deferred to, as typed.
pub fn parse_deferral(target_year: i32, typed: &str) -> Result<i32, String> {
    match typed.trim().parse::<i32>() {
        Ok(y) if y > target_year && y <= target_year + DEFER_YEARS => Ok(y),
        _ => Err(crate::i18n::tf!(
            "tahun-penundaan-harus-sesudah-paling-lambat",
            a1 = target_year,
            a2 = target_year + DEFER_YEARS
        )),
    }
}

/// A kamus usulan entry as typed on the admin page.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct KamusForm {
    pub nama: String,
    pub sub_kegiatan_kode: String,
    pub responsible_org_id: String,
    pub satuan: String,
}

/// A checked kamus usulan entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewKamus {
    pub nama: String,
    pub sub_kegiatan_kode: String,
    pub responsible_org_id: uuid::Uuid,
    pub satuan: String,
}

impl KamusForm {
    /// The entry, or the field errors. `agency` says whether an id is an
    /// active perangkat daerah of the region; `known` whether a code is in
    /// the region's nomenclature.
    pub fn check(
        &self,
        agency: impl Fn(uuid::Uuid) -> bool,
        known: impl Fn(&str) -> bool,
    ) -> Result<NewKamus, crate::domain::user::FieldErrors> {
        let mut e = crate::domain::user::FieldErrors::default();
        let nama = self.nama.trim();
        if !(2..=300).contains(&nama.chars().count()) {
            e.add(
                "nama",
                crate::i18n::t("tuliskan-nama-jenis-usulan-2300-karakter"),
            );
        }
        let kode = match super::kode::KodeNomenklatur::parse(&self.sub_kegiatan_kode) {
            Ok(k) if k.level() != super::plan::Level::SubKegiatan => {
                e.add(
                    "sub_kegiatan_kode",
                    crate::i18n::t("pilih-kode-sub-kegiatan-enam-bagian"),
                );
                None
            }
            Ok(k) if !known(k.as_str()) => {
                e.add(
                    "sub_kegiatan_kode",
                    crate::i18n::tf!("kode-tidak-ada-di-nomenklatur-daerah", a1 = k.as_str()),
                );
                None
            }
            Ok(k) => Some(k.as_str().to_string()),
            Err(m) => {
                e.add("sub_kegiatan_kode", m);
                None
            }
        };
        let org = uuid::Uuid::parse_str(self.responsible_org_id.trim())
            .ok()
            .filter(|id| agency(*id));
        if org.is_none() {
            e.add(
                "responsible_org_id",
                crate::i18n::t("pilih-perangkat-daerah-yang-menanganinya"),
            );
        }
        let satuan = self.satuan.trim();
        if !(1..=50).contains(&satuan.chars().count()) {
            e.add("satuan", crate::i18n::t("isi-satuan-volume-mis-meter-atau"));
        }
        match (kode, org) {
            (Some(k), Some(o)) if e.is_empty() => Ok(NewKamus {
                nama: nama.to_string(),
                sub_kegiatan_kode: k,
                responsible_org_id: o,
                satuan: satuan.to_string(),
            }),
            _ => Err(e),
        }
    }
}

/// `USL-2026-000123`
pub fn nomor(year: i32, seq: i32) -> String {
    format!("USL-{year}-{seq:06}")
}

/// The columns of a kamus usulan sheet.
pub const KAMUS_COLUMNS: [&str; 4] = [
    "Nama jenis usulan",
    "Kode sub kegiatan",
    "Perangkat daerah",
    "Satuan",
];

/// A kamus usulan sheet, row by row: each checked as the form checks one
/// entry (`agency` finds a perangkat daerah by name, `known` a code in the
/// nomenclature), names new to the region (`taken`) and not repeated.
pub fn kamus_sheet(
    cells: &[Vec<super::target_pagu::SheetCell>],
    agency: impl Fn(&str) -> Option<uuid::Uuid>,
    known: impl Fn(&str) -> bool,
    taken: impl Fn(&str) -> bool,
) -> Result<(Vec<NewKamus>, Vec<super::target_pagu::RowError>), String> {
    use super::target_pagu::{RowError, SheetCell};
    let text = |c: &SheetCell| match c {
        SheetCell::Empty => String::new(),
        SheetCell::Text(s) => s.trim().to_string(),
        SheetCell::Number(n) => n.to_string(),
    };
    let header = cells
        .iter()
        .take(20)
        .position(|r| {
            r.len() >= 4
                && r.iter()
                    .zip(KAMUS_COLUMNS)
                    .all(|(c, t)| text(c).eq_ignore_ascii_case(t))
        })
        .ok_or_else(|| {
            crate::i18n::tf!(
                "judul-kolom-tidak-ditemukan-baris-judul",
                a1 = KAMUS_COLUMNS.join(", ")
            )
        })?;
    let (mut entries, mut errors) = (Vec::new(), Vec::new());
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, r) in cells.iter().enumerate().skip(header + 1) {
        let n = i + 1;
        let get = |c: usize| r.get(c).map(&text).unwrap_or_default();
        if (0..4).all(|c| get(c).is_empty()) {
            continue;
        }
        let org = agency(&get(2));
        let form = KamusForm {
            nama: get(0),
            sub_kegiatan_kode: get(1),
            responsible_org_id: org.map(|a| a.to_string()).unwrap_or_default(),
            satuan: get(3),
        };
        let message = match form.check(|_| org.is_some(), &known) {
            Err(e) => e.messages().join(" "),
            Ok(k) if taken(&k.nama) => crate::i18n::tf!("sudah-ada-di-kamus", a1 = k.nama),
            Ok(k) => match seen.insert(k.nama.to_lowercase(), n) {
                Some(first) => crate::i18n::tf!("nama-ini-juga-ada-di-baris", first = first),
                None => {
                    entries.push(k);
                    continue;
                }
            },
        };
        errors.push(RowError { row: n, message });
    }
    Ok((entries, errors))
}

/// The proposal form as typed.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct DraftForm {
    /// "source" or, from the form's select, "source:organization".
    pub source: String,
    pub org_id: String,
    pub title: String,
    pub problem: String,
    pub solution: String,
    pub wilayah_kode: String,
    pub kamus_id: String,
    pub volume: String,
    pub satuan: String,
    pub estimated_cost: String,
    pub target_year: String,
    pub reses_ref: String,
    pub latitude: String,
    pub longitude: String,
    /// A click on the location map (`<input type="image" name="peta">`):
    /// the pixel, and the desa/kelurahan the map showed.
    #[serde(rename = "peta.x")]
    pub peta_x: String,
    #[serde(rename = "peta.y")]
    pub peta_y: String,
    pub peta_desa: String,
    /// "Show the map of the chosen desa" (before any click).
    pub peta_lihat: String,
}

/// What a correction changed, in words for the timeline:
/// "Dikoreksi oleh pengusul: judul, volume." None when nothing changed.
pub fn correction_note(changed: &[&str]) -> Option<String> {
    (!changed.is_empty()).then(|| format!("Dikoreksi oleh pengusul: {}.", changed.join(", ")))
}

/// A proposal ready to be sent: every field checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub source: Source,
    pub org: uuid::Uuid,
    pub title: String,
    pub problem: String,
    pub solution: String,
    pub wilayah_kode: String,
    pub latitude: Option<rust_decimal::Decimal>,
    pub longitude: Option<rust_decimal::Decimal>,
    pub kamus: uuid::Uuid,
    pub volume: rust_decimal::Decimal,
    pub satuan: String,
    pub estimated_cost: super::money::Rupiah,
    pub target_year: i32,
    pub reses_ref: Option<String>,
}

impl DraftForm {
    /// The select carries "source:organization"; split it into its fields.
    pub fn split_source(&mut self) {
        if let Some((s, o)) = self.source.clone().split_once(':') {
            self.source = s.to_string();
            self.org_id = o.to_string();
        }
    }

    /// Who the proposal is sent as: its source and organization.
    pub fn sender(&self) -> Option<(Source, uuid::Uuid)> {
        Some((
            Source::parse(&self.source)?,
            uuid::Uuid::parse_str(&self.org_id).ok()?,
        ))
    }

    /// Checks every field: a place in `region` (a desa or kelurahan), an
    /// entry of the region's kamus (id, satuan), positive volume, rupiah,
    /// the year and coordinates; pokir name their reses.
    pub fn check(
        &self,
        region: &str,
        kamus: &[(uuid::Uuid, String)],
    ) -> Result<Draft, FieldErrors> {
        use super::indicator::parse_nilai;
        use super::money::Rupiah;
        let mut e = FieldErrors::default();
        let text = |v: &str, min: usize, max: usize| {
            let t = v.trim();
            (min..=max)
                .contains(&t.chars().count())
                .then(|| t.to_string())
        };
        let sender = self.sender();
        if sender.is_none() {
            e.add("source", crate::i18n::t("pilih-jenis-usulan"));
        }
        let title = text(&self.title, 5, 200);
        if title.is_none() {
            e.add(
                "title",
                "Judul 5–200 karakter, mis. \"Rehabilitasi drainase RW 05\".",
            );
        }
        let problem = text(&self.problem, 5, 5000);
        if problem.is_none() {
            e.add(
                "problem",
                crate::i18n::t("ceritakan-masalahnya-55-000-karakter"),
            );
        }
        let solution = text(&self.solution, 5, 5000);
        if solution.is_none() {
            e.add(
                "solution",
                crate::i18n::t("tuliskan-usulan-penyelesaiannya-55-000-karakter"),
            );
        }
        let place_ok = self.wilayah_kode.starts_with(&format!("{region}."))
            && self.wilayah_kode.split('.').count() == 4;
        if !place_ok {
            e.add(
                "wilayah_kode",
                crate::i18n::t("pilih-desa-kelurahan-lokasi-usulan"),
            );
        }
        let entry = uuid::Uuid::parse_str(&self.kamus_id)
            .ok()
            .and_then(|id| kamus.iter().find(|(k, _)| *k == id));
        if entry.is_none() {
            e.add(
                "kamus_id",
                crate::i18n::t("pilih-jenis-kegiatan-dari-kamus-usulan"),
            );
        }
        let volume = parse_nilai(&self.volume)
            .ok()
            .filter(|v| v.is_sign_positive() && !v.is_zero());
        if volume.is_none() {
            e.add("volume", crate::i18n::t("isi-volume-angka-lebih-dari-0"));
        }
        let satuan = text(&self.satuan, 1, 50).or_else(|| entry.map(|(_, s)| s.clone()));
        if satuan.is_none() {
            e.add("satuan", crate::i18n::t("isi-satuan-volume-mis-meter"));
        }
        let cost = Rupiah::parse(&self.estimated_cost).ok();
        if cost.is_none() {
            e.add(
                "estimated_cost",
                crate::i18n::t("isi-perkiraan-biaya-dalam-rupiah-mis"),
            );
        }
        let year = parse_year(&self.target_year)
            .map_err(|m| e.add("target_year", m))
            .ok();
        let reses = text(&self.reses_ref, 1, 200);
        if sender.is_some_and(|(s, _)| s == Source::Pokir) && reses.is_none() {
            e.add("reses_ref", "Pokir mencantumkan rujukan resesnya, mis. \"Reses Masa Sidang I 2026, Dapil Magelang Tengah\".");
        }
        let latitude = parse_latitude(&self.latitude)
            .map_err(|m| e.add("latitude", m))
            .ok()
            .flatten();
        let longitude = parse_longitude(&self.longitude)
            .map_err(|m| e.add("longitude", m))
            .ok()
            .flatten();
        match (
            sender, title, problem, solution, entry, volume, satuan, cost, year,
        ) {
            (
                Some((source, org)),
                Some(title),
                Some(problem),
                Some(solution),
                Some((kamus, _)),
                Some(volume),
                Some(satuan),
                Some(estimated_cost),
                Some(target_year),
            ) if e.is_empty() => Ok(Draft {
                source,
                org,
                title,
                problem,
                solution,
                wilayah_kode: self.wilayah_kode.clone(),
                latitude,
                longitude,
                kamus: *kamus,
                volume,
                satuan,
                estimated_cost,
                target_year,
                reses_ref: reses,
            }),
            _ => Err(e),
        }
    }
}

/// The split form as typed: one title, volume and cost per part (rows
/// left wholly empty are ignored).
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct SplitForm {
    pub judul: Vec<String>,
    pub volume: Vec<String>,
    pub biaya: Vec<String>,
    /// `1`: confirmed after seeing the parts.
    pub yakin: String,
}

/// One part of a split, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub title: String,
    pub volume: rust_decimal::Decimal,
    pub estimated_cost: super::money::Rupiah,
}

/// One part's row of the split form, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SplitRow {
    pub judul: String,
    pub volume: String,
    pub biaya: String,
}

impl SplitRow {
    /// Nothing typed in it.
    fn is_blank(&self) -> bool {
        self.judul.trim().is_empty()
            && self.volume.trim().is_empty()
            && self.biaya.trim().is_empty()
    }
}

/// At most this many parts in one split.
pub const MAX_PARTS: usize = 5;

/// The error keys of each part's fields.
pub const FIELDS: [(&str, &str, &str); MAX_PARTS] = [
    ("judul_1", "volume_1", "biaya_1"),
    ("judul_2", "volume_2", "biaya_2"),
    ("judul_3", "volume_3", "biaya_3"),
    ("judul_4", "volume_4", "biaya_4"),
    ("judul_5", "volume_5", "biaya_5"),
];

impl SplitForm {
    /// Rows as typed, padded to `MAX_PARTS` for the form.
    pub fn rows(&self) -> Vec<SplitRow> {
        let at = |v: &[String], i: usize| v.get(i).cloned().unwrap_or_default();
        (0..MAX_PARTS)
            .map(|i| SplitRow {
                judul: at(&self.judul, i),
                volume: at(&self.volume, i),
                biaya: at(&self.biaya, i),
            })
            .collect()
    }

    /// Two to five parts, each a title of 5–200 characters, a positive
    /// volume and a cost; errors keyed `judul_N`, `volume_N`, `biaya_N`
    /// (N from 1), or `parts` for the count.
    pub fn check(&self) -> Result<Vec<Part>, FieldErrors> {
        use super::indicator::parse_nilai;
        use super::money::Rupiah;
        let mut e = FieldErrors::default();
        let mut parts = Vec::new();
        for (i, row) in self.rows().into_iter().enumerate() {
            if row.is_blank() {
                continue;
            }
            let SplitRow {
                judul: t,
                volume: v,
                biaya: b,
            } = row;
            let n = i + 1;
            let title = t.trim().to_string();
            let title_ok = (5..=200).contains(&title.chars().count());
            if !title_ok {
                e.add(FIELDS[n - 1].0, crate::i18n::t("judul-5200-karakter"));
            }
            let volume = parse_nilai(&v)
                .ok()
                .filter(|v| v.is_sign_positive() && !v.is_zero());
            if volume.is_none() {
                e.add(FIELDS[n - 1].1, crate::i18n::t("volume-lebih-dari-0"));
            }
            let cost = Rupiah::parse(&b).ok();
            if cost.is_none() {
                e.add(
                    FIELDS[n - 1].2,
                    crate::i18n::t("perkiraan-biaya-dalam-rupiah"),
                );
            }
            if let (true, Some(volume), Some(estimated_cost)) = (title_ok, volume, cost) {
                parts.push(Part {
                    title,
                    volume,
                    estimated_cost,
                });
            }
        }
        let filled = self.rows().iter().filter(|r| !r.is_blank()).count();
        if filled < 2 {
            e.add(
                "parts",
                crate::i18n::t("isi-sedikitnya-dua-bagian-memecah-berarti"),
            );
        }
        if e.is_empty() { Ok(parts) } else { Err(e) }
    }
}

/// Why proposals may not be merged into `target`, if they may not: the
/// same region and year, none decided, none the target itself, at most
/// twenty at once. (Who may is the policy's.)
pub fn merge_refusal(
    target: (&str, i32, Status, uuid::Uuid),
    sources: &[(&str, i32, Status, uuid::Uuid, &str)],
) -> Option<String> {
    let (region, year, status, id) = target;
    if status.is_final() {
        return Some(crate::i18n::tf!(
            "usulan-tujuan-sudah",
            a1 = status.label().to_lowercase()
        ));
    }
    if sources.is_empty() {
        return Some(crate::i18n::t("pilih-sedikitnya-satu-usulan-untuk-digabungkan").into());
    }
    if sources.len() > 20 {
        return Some(crate::i18n::t("paling-banyak-20-usulan-sekali-gabung").into());
    }
    for (r, y, s, sid, nomor) in sources {
        if *sid == id {
            return Some(crate::i18n::tf!(
                "adalah-usulan-tujuan-itu-sendiri",
                nomor = nomor
            ));
        }
        if *r != region || *y != year {
            return Some(crate::i18n::tf!(
                "dari-wilayah-atau-tahun-lain-yang",
                nomor = nomor
            ));
        }
        if s.is_final() {
            return Some(format!("{nomor} sudah {}.", s.label().to_lowercase()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_needs_two_good_parts() {
        let f = |j: &[&str], v: &[&str], b: &[&str]| SplitForm {
            judul: j.iter().map(|s| s.to_string()).collect(),
            volume: v.iter().map(|s| s.to_string()).collect(),
            biaya: b.iter().map(|s| s.to_string()).collect(),
            yakin: String::new(),
        };
        let ok = f(
            &["Drainase RT 01", "", "Drainase RT 02"],
            &["100", "", "150,5"],
            &["10.000.000", "", "15.000.000"],
        )
        .check()
        .unwrap();
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[1].volume.to_string(), "150.5");
        let one = f(&["Drainase RT 01"], &["1"], &["1"]).check().unwrap_err();
        assert!(one.get("parts").is_some());
        let bad = f(&["RT", "Drainase RT 02"], &["0", "2"], &["x", "3"])
            .check()
            .unwrap_err();
        assert!(
            bad.get("judul_1").is_some()
                && bad.get("volume_1").is_some()
                && bad.get("biaya_1").is_some()
        );
        assert!(bad.get("judul_2").is_none());
    }

    #[test]
    fn merges_stay_within_a_region_and_year_and_open_proposals() {
        let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let t = ("33.71", 2026, Status::DiteruskanKecamatan, a);
        let good = [("33.71", 2026, Status::DiteruskanKecamatan, b, "USL-2")];
        assert_eq!(merge_refusal(t, &good), None);
        assert!(merge_refusal(t, &[]).is_some());
        assert!(merge_refusal(t, &[("33.71", 2026, Status::Diajukan, a, "USL-1")]).is_some());
        assert!(merge_refusal(t, &[("33.08", 2026, Status::Diajukan, b, "USL-2")]).is_some());
        assert!(merge_refusal(t, &[("33.71", 2027, Status::Diajukan, b, "USL-2")]).is_some());
        assert!(merge_refusal(t, &[("33.71", 2026, Status::Ditolak, b, "USL-2")]).is_some());
        let done = ("33.71", 2026, Status::Digabung, a);
        assert!(merge_refusal(done, &good).is_some());
    }

    fn form() -> DraftForm {
        DraftForm {
            source: "musrenbang:00000000-0000-0000-0000-000000000007".into(),
            title: "Pavingisasi gang RT 02".into(),
            problem: "Gang becek saat hujan.".into(),
            solution: "Paving 150 m2.".into(),
            wilayah_kode: "33.71.03.1003".into(),
            kamus_id: "00000000-0000-0000-0000-000000000009".into(),
            volume: "150".into(),
            estimated_cost: "45.000.000".into(),
            target_year: "2027".into(),
            ..DraftForm::default()
        }
    }

    #[test]
    fn a_draft_takes_its_satuan_from_the_kamus_and_names_every_bad_field() {
        let kamus = vec![(uuid::Uuid::from_u128(9), "m2".to_string())];
        let mut f = form();
        f.split_source();
        let d = f.check("33.71", &kamus).unwrap();
        assert_eq!(
            (d.source, d.satuan.as_str(), d.target_year),
            (Source::Musrenbang, "m2", 2027)
        );
        let mut bad = form();
        bad.split_source();
        bad.wilayah_kode = "35.05.04.2014".into();
        bad.volume = "0".into();
        bad.source = "pokir".into();
        let e = bad.check("33.71", &kamus).unwrap_err();
        for field in ["wilayah_kode", "volume", "reses_ref"] {
            assert!(e.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn a_kamus_sheet_is_checked_row_by_row() {
        use crate::domain::target_pagu::SheetCell;
        let t = |s: &str| SheetCell::Text(s.into());
        let org = uuid::Uuid::from_u128(1);
        let row = |n: &str, k: &str, a: &str| vec![t(n), t(k), t(a), t("unit")];
        let cells = vec![
            KAMUS_COLUMNS.iter().map(|c| t(c)).collect(),
            row("Sumur resapan", "1.03.10.2.01.0034", "Dinas PUPR"),
            row("Sumur resapan", "1.03.10.2.01.0034", "Dinas PUPR"),
            row("Taman", "1.03.10.2.01.0034", "Dinas Entah"),
            row("Jalan", "1.03.10.2.01.0034", "Dinas PUPR"),
        ];
        let (ok, errors) = kamus_sheet(
            &cells,
            |a| (a == "Dinas PUPR").then_some(org),
            |_| true,
            |n| n == "Jalan",
        )
        .unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(errors.iter().map(|e| e.row).collect::<Vec<_>>(), [3, 4, 5]);
        assert!(kamus_sheet(&[vec![t("x")]], |_| None, |_| true, |_| false).is_err());
    }

    #[test]
    fn a_kamus_entry_parses_or_says_which_field_is_wrong() {
        let org = uuid::Uuid::now_v7();
        let form = KamusForm {
            nama: " Rehabilitasi jalan lingkungan ".into(),
            sub_kegiatan_kode: "1.03.10.2.01.0034".into(),
            responsible_org_id: org.to_string(),
            satuan: "meter".into(),
        };
        let ok = form.check(|id| id == org, |_| true).unwrap();
        assert_eq!(ok.nama, "Rehabilitasi jalan lingkungan");
        let bad = KamusForm {
            nama: "J".into(),
            sub_kegiatan_kode: "1.03.10".into(),
            responsible_org_id: "bukan".into(),
            satuan: "".into(),
        }
        .check(|_| true, |_| true)
        .unwrap_err();
        for f in ["nama", "sub_kegiatan_kode", "responsible_org_id", "satuan"] {
            assert!(bad.get(f).is_some(), "{f}");
        }
        let unknown = form.check(|_| true, |_| false).unwrap_err();
        assert!(
            unknown
                .get("sub_kegiatan_kode")
                .unwrap()
                .contains("tidak ada")
        );
    }

    #[test]
    fn years_coordinates_and_deferrals_parse_or_say_why() {
        assert_eq!(parse_year(" 2027 "), Ok(2027));
        assert!(parse_year("2019").is_err() && parse_year("dua ribu").is_err());
        assert_eq!(
            parse_latitude("-7,4797")
                .unwrap()
                .map(|d| d.to_string())
                .as_deref(),
            Some("-7.4797")
        );
        assert_eq!(parse_latitude("  "), Ok(None));
        assert!(parse_latitude("91").is_err());
        assert!(parse_longitude("180").is_ok() && parse_longitude("180.5").is_err());
        assert_eq!(parse_deferral(2026, "2027"), Ok(2027));
        assert_eq!(parse_deferral(2026, "2031"), Ok(2031));
        let e = parse_deferral(2026, "2032").unwrap_err();
        assert!(e.contains("sesudah 2026") && e.contains("2031"));
        assert!(parse_deferral(2026, "2026").is_err());
    }

    #[test]
    fn every_step_from_every_status() {
        use Status::*;
        let steps = [
            Step::Teruskan,
            Step::Verifikasi,
            Step::Akomodir,
            Step::Tolak,
            Step::Tunda,
        ];
        let allowed = [
            (Diajukan, Step::Teruskan, DiteruskanKecamatan),
            (DiteruskanKecamatan, Step::Teruskan, DiteruskanKabkota),
            (DiteruskanKabkota, Step::Verifikasi, Diverifikasi),
            (Diverifikasi, Step::Akomodir, Diakomodir),
            (Diverifikasi, Step::Tunda, Ditunda),
            (Diakomodir, Step::Akomodir, Diakomodir),
        ];
        for s in Status::ALL {
            for step in steps {
                let got = next(s, step);
                let want = allowed
                    .iter()
                    .find(|(a, b, _)| *a == s && *b == step)
                    .map(|x| x.2);
                match (s.is_final(), step, want) {
                    (true, _, Some(w)) => assert_eq!(got, Ok(w), "{s:?} {step:?}"),
                    (true, ..) => assert!(got.is_err(), "{s:?} {step:?}"),
                    (false, Step::Tolak, _) => assert_eq!(got, Ok(Ditolak)),
                    (false, _, Some(w)) => assert_eq!(got, Ok(w), "{s:?} {step:?}"),
                    (false, _, None) => assert!(got.is_err(), "{s:?} {step:?}"),
                }
            }
        }
    }

    #[test]
    fn sources_enter_at_their_level() {
        assert_eq!(Source::Musrenbang.first_status(), Status::Diajukan);
        assert_eq!(Source::Pokir.first_status(), Status::DiteruskanKabkota);
        assert_eq!(
            Status::DiteruskanKabkota.level(),
            Some(Level::PerangkatDaerah)
        );
        assert_eq!(Status::Ditolak.level(), None);
    }

    #[test]
    fn rejections_need_a_reason_and_numbers_have_six_digits() {
        assert!(check_reason(Step::Tolak, " ").is_err());
        assert!(check_reason(Step::Tolak, "Sudah dianggarkan APBN").is_ok());
        assert!(check_reason(Step::Teruskan, "").is_ok());
        assert_eq!(nomor(2026, 123), "USL-2026-000123");
    }
}
