//! Plan kinds (SPEC 3), their stages, periods, owners, parents, and the
//! cascade levels each allows (SPEC 4).

use serde::{Deserialize, Serialize};

use super::user::FieldErrors;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, utoipa::ToSchema,
)]
#[sqlx(type_name = "plan_kind", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    Rpjpd,
    Rpjmd,
    Renstra,
    Rkpd,
    RkpdPerubahan,
    Renja,
    Rpjmdes,
    Rkpdes,
}

/// Who owns a plan of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Pemda,
    PerangkatDaerah,
    Desa,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    sqlx::Type,
    utoipa::ToSchema,
)]
#[sqlx(type_name = "plan_stage", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    RancanganTeknokratik,
    RancanganAwal,
    KonsultasiPublik,
    Rancangan,
    Musrenbang,
    RancanganAkhir,
    MenungguPenetapan,
    Ditetapkan,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, utoipa::ToSchema,
)]
#[sqlx(type_name = "item_level", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Visi,
    Misi,
    Tujuan,
    Sasaran,
    SasaranPokok,
    ArahKebijakan,
    Prioritas,
    Program,
    Kegiatan,
    SubKegiatan,
    Bidang,
    KegiatanDesa,
}

crate::domain::names! {
    PlanKind {
        Rpjpd => "rpjpd", "RPJPD";
        Rpjmd => "rpjmd", "RPJMD";
        Renstra => "renstra", "Renstra";
        Rkpd => "rkpd", "RKPD";
        RkpdPerubahan => "rkpd_perubahan", "RKPD Perubahan";
        Renja => "renja", "Renja";
        Rpjmdes => "rpjmdes", "RPJMDes";
        Rkpdes => "rkpdes", "RKPDes";
    }
}

impl PlanKind {
    pub fn long_name(self) -> &'static str {
        match self {
            PlanKind::Rpjpd => "Rencana Pembangunan Jangka Panjang Daerah",
            PlanKind::Rpjmd => "Rencana Pembangunan Jangka Menengah Daerah",
            PlanKind::Renstra => "Rencana Strategis Perangkat Daerah",
            PlanKind::Rkpd => "Rencana Kerja Pemerintah Daerah",
            PlanKind::RkpdPerubahan => "Perubahan Rencana Kerja Pemerintah Daerah",
            PlanKind::Renja => "Rencana Kerja Perangkat Daerah",
            PlanKind::Rpjmdes => "Rencana Pembangunan Jangka Menengah Desa",
            PlanKind::Rkpdes => "Rencana Kerja Pemerintah Desa",
        }
    }

    /// Allowed length of the period in years.
    pub fn period_years(self) -> std::ops::RangeInclusive<i32> {
        match self {
            // "2025–2045": twenty years, written with both ends, as the
            // RPJPN 2025–2045 (UU 59/2024) is.
            PlanKind::Rpjpd => 20..=21,
            // Five years; three to four for a transitional RPD (and the
            // Renstra that follows it) between two elected terms.
            PlanKind::Rpjmd | PlanKind::Renstra => 3..=5,
            PlanKind::Rpjmdes => 6..=8,
            PlanKind::Rkpd | PlanKind::RkpdPerubahan | PlanKind::Renja | PlanKind::Rkpdes => 1..=1,
        }
    }

    pub fn is_annual(self) -> bool {
        self.period_years() == (1..=1)
    }

    pub fn owner(self) -> Owner {
        match self {
            PlanKind::Renstra | PlanKind::Renja => Owner::PerangkatDaerah,
            PlanKind::Rpjmdes | PlanKind::Rkpdes => Owner::Desa,
            _ => Owner::Pemda,
        }
    }

    /// The kind of the required parent plan; none for an RPJPD.
    pub fn parent_kind(self) -> Option<PlanKind> {
        match self {
            PlanKind::Rpjpd => None,
            PlanKind::Rpjmd => Some(PlanKind::Rpjpd),
            PlanKind::Renstra | PlanKind::Rkpd | PlanKind::Rpjmdes => Some(PlanKind::Rpjmd),
            PlanKind::RkpdPerubahan => Some(PlanKind::Rkpd),
            PlanKind::Renja => Some(PlanKind::Renstra),
            PlanKind::Rkpdes => Some(PlanKind::Rpjmdes),
        }
    }

    /// A second reference: the RKPD of the year (Renja, RKPDes).
    pub fn needs_rkpd_ref(self) -> bool {
        matches!(self, PlanKind::Renja | PlanKind::Rkpdes)
    }

    /// Kinds that may reference the province plan of the same kind.
    pub fn has_province_ref(self) -> bool {
        matches!(self, PlanKind::Rpjpd | PlanKind::Rpjmd | PlanKind::Rkpd)
    }

    /// The stages of this kind, in order: one machine, with the stages the
    /// kind's regulation lacks left out.
    pub fn stages(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            PlanKind::Rpjpd | PlanKind::Rpjmd => &[
                RancanganTeknokratik,
                RancanganAwal,
                KonsultasiPublik,
                Rancangan,
                Musrenbang,
                RancanganAkhir,
                MenungguPenetapan,
                Ditetapkan,
            ],
            PlanKind::Renstra => &[
                RancanganTeknokratik,
                RancanganAwal,
                Rancangan,
                RancanganAkhir,
                MenungguPenetapan,
                Ditetapkan,
            ],
            PlanKind::Rkpd => &[
                RancanganAwal,
                KonsultasiPublik,
                Rancangan,
                Musrenbang,
                RancanganAkhir,
                MenungguPenetapan,
                Ditetapkan,
            ],
            PlanKind::RkpdPerubahan | PlanKind::Renja => &[
                RancanganAwal,
                Rancangan,
                RancanganAkhir,
                MenungguPenetapan,
                Ditetapkan,
            ],
            PlanKind::Rpjmdes | PlanKind::Rkpdes => &[
                RancanganAwal,
                Musrenbang,
                RancanganAkhir,
                MenungguPenetapan,
                Ditetapkan,
            ],
        }
    }

    pub fn first_stage(self) -> Stage {
        self.stages()[0]
    }

    /// The levels allowed directly under `parent` (None: the roots).
    pub fn child_levels(self, parent: Option<Level>) -> &'static [Level] {
        use Level::*;
        let chain: &[Level] = match self {
            PlanKind::Rpjpd => &[Visi, Misi, SasaranPokok, ArahKebijakan],
            PlanKind::Rpjmd => &[Visi, Misi, Tujuan, Sasaran, Program],
            PlanKind::Renstra => &[Tujuan, Sasaran, Program, Kegiatan, SubKegiatan],
            PlanKind::Rkpd | PlanKind::RkpdPerubahan | PlanKind::Renja => {
                &[Prioritas, Program, Kegiatan, SubKegiatan]
            }
            PlanKind::Rpjmdes | PlanKind::Rkpdes => &[Bidang, KegiatanDesa],
        };
        match parent {
            None => &chain[..1],
            Some(p) => match chain.iter().position(|l| *l == p) {
                Some(i) if i + 1 < chain.len() => &chain[i + 1..i + 2],
                _ => &[],
            },
        }
    }

    /// Does this kind have the level at all?
    pub fn has_level(self, level: Level) -> bool {
        let mut parent = None;
        loop {
            let next = self.child_levels(parent);
            match next.first() {
                Some(l) if *l == level => return true,
                Some(l) => parent = Some(*l),
                None => return false,
            }
        }
    }
}

impl std::fmt::Display for PlanKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

crate::domain::names! {
    Stage {
        RancanganTeknokratik => "rancangan_teknokratik", "Rancangan teknokratik";
        RancanganAwal => "rancangan_awal", "Rancangan awal";
        KonsultasiPublik => "konsultasi_publik", "Konsultasi publik";
        Rancangan => "rancangan", "Rancangan";
        Musrenbang => "musrenbang", "Musrenbang";
        RancanganAkhir => "rancangan_akhir", "Rancangan akhir";
        MenungguPenetapan => "menunggu_penetapan", "Menunggu penetapan";
        Ditetapkan => "ditetapkan", "Ditetapkan";
    }
}

impl Stage {
    /// Enacted plans are read only and public; drafts in consultation are
    /// public too.
    pub fn is_public(self) -> bool {
        matches!(self, Stage::Ditetapkan | Stage::KonsultasiPublik)
    }

    pub fn is_read_only(self) -> bool {
        self == Stage::Ditetapkan
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

crate::domain::names! {
    Level {
        Visi => "visi", "Visi";
        Misi => "misi", "Misi";
        Tujuan => "tujuan", "Tujuan";
        Sasaran => "sasaran", "Sasaran";
        SasaranPokok => "sasaran_pokok", "Sasaran pokok";
        ArahKebijakan => "arah_kebijakan", "Arah kebijakan";
        Prioritas => "prioritas", "Prioritas";
        Program => "program", "Program";
        Kegiatan => "kegiatan", "Kegiatan";
        SubKegiatan => "sub_kegiatan", "Sub kegiatan";
        Bidang => "bidang", "Bidang";
        KegiatanDesa => "kegiatan_desa", "Kegiatan desa";
    }
}

impl Level {
    /// Program, kegiatan and sub kegiatan: nomenclature code, responsible
    /// perangkat daerah, pagu.
    pub fn is_budgeted(self) -> bool {
        matches!(self, Level::Program | Level::Kegiatan | Level::SubKegiatan)
    }

    /// Levels that carry pagu (village kegiatan too).
    pub fn has_pagu(self) -> bool {
        self.is_budgeted() || self == Level::KegiatanDesa
    }

    /// Tujuan and below carry indicators (SPEC 5).
    pub fn has_indicators(self) -> bool {
        !matches!(
            self,
            Level::Visi | Level::Misi | Level::ArahKebijakan | Level::Bidang
        )
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Month names, January first.
pub const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The months a sub kegiatan runs, as chosen (`"1"`…`"12"`): both or
/// neither, the first not after the last.
pub fn parse_months(first: &str, last: &str) -> Result<Option<(i16, i16)>, String> {
    let month = |s: &str| {
        s.trim()
            .parse::<i16>()
            .ok()
            .filter(|m| (1..=12).contains(m))
    };
    match (first.trim(), last.trim()) {
        ("", "") => Ok(None),
        (a, b) => match (month(a), month(b)) {
            (Some(a), Some(b)) if a <= b => Ok(Some((a, b))),
            (Some(_), Some(_)) => {
                Err(crate::i18n::t("bulan-awal-pelaksanaan-tidak-boleh-setelah").into())
            }
            _ => Err(crate::i18n::t("pilih-bulan-awal-dan-bulan-akhir").into()),
        },
    }
}

/// "Januari–Desember"
pub fn months_label(first: i16, last: i16) -> String {
    let name = |m: i16| {
        crate::format::months()
            .get((m - 1) as usize)
            .copied()
            .unwrap_or("?")
    };
    if first == last {
        name(first).to_string()
    } else {
        format!("{}–{}", name(first), name(last))
    }
}

/// A plan's period lies within its parent's (`parent_period`, first and
/// last year). An RPJMDes follows the village head's term, not the RPJMD's,
/// so it is exempt.
pub fn check_within_parent(
    kind: PlanKind,
    (first, last): (i32, i32),
    (parent_first, parent_last): (i32, i32),
) -> Result<(), String> {
    if kind != PlanKind::Rpjmdes && (first < parent_first || last > parent_last) {
        let period = if parent_first == parent_last {
            parent_first.to_string()
        } else {
            format!("{parent_first}–{parent_last}")
        };
        return Err(crate::i18n::tf!(
            "periode-harus-berada-di-dalam-periode",
            period = period
        ));
    }
    Ok(())
}

/// Checks a period against the kind's rules; the message is for the form.
/// A period as typed: the plan years, and the base year when the region
/// names its medium-term plan with it ("RPJMD 2021–2026" is base year 2021
/// and plan years 2022–2026).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub base: Option<i32>,
    pub first: i32,
    pub last: i32,
}

pub fn parse_period(kind: PlanKind, first: i32, last: i32) -> Result<Period, String> {
    let medium = matches!(kind, PlanKind::Rpjmd | PlanKind::Renstra);
    if medium && last - first + 1 == 6 {
        check_period(kind, first + 1, last)?;
        return Ok(Period {
            base: Some(first),
            first: first + 1,
            last,
        });
    }
    check_period(kind, first, last)?;
    Ok(Period {
        base: None,
        first,
        last,
    })
}

pub fn check_period(kind: PlanKind, first: i32, last: i32) -> Result<(), String> {
    if !(2000..=2100).contains(&first) || !(2000..=2100).contains(&last) {
        return Err(crate::i18n::t("tahun-harus-di-antara-2000-dan").into());
    }
    if last < first {
        return Err(crate::i18n::t("tahun-akhir-tidak-boleh-sebelum-tahun").into());
    }
    let years = last - first + 1;
    let allowed = kind.period_years();
    if !allowed.contains(&years) {
        return Err(if allowed.start() == allowed.end() {
            format!(
                "{} berjangka {} tahun (sekarang {years}).",
                kind.label(),
                allowed.start()
            )
        } else {
            format!(
                "{} berjangka {}–{} tahun (sekarang {years}).",
                kind.label(),
                allowed.start(),
                allowed.end()
            )
        });
    }
    Ok(())
}

/// The new-plan form as typed.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewPlanForm {
    pub kind: String,
    pub title: String,
    pub first_year: String,
    pub last_year: String,
    pub owner_org_id: String,
    pub parent_id: String,
    pub rkpd_ref_id: String,
    pub province_ref_id: String,
    /// "on" to derive an RKPD from its RPJMD.
    pub copy: Option<String>,
}

/// A plan the new one names (its parent, the RKPD a Renja follows, the
/// province plan it refers to), as far as the form's rules need it.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: uuid::Uuid,
    pub kind: PlanKind,
    pub region: String,
    pub first_year: i32,
    pub last_year: i32,
    /// The person may read it (a province draft may be closed to them).
    pub readable: bool,
}

/// What the new-plan form is checked against.
pub struct NewPlanContext<'a> {
    /// The person's pemda, and its province.
    pub region: &'a str,
    pub province: Option<&'a str>,
    /// The pemda's organizations: (id, kind).
    pub owners: &'a [(uuid::Uuid, super::org::OrgKind)],
    pub parent: Option<Named>,
    pub rkpd_ref: Option<Named>,
    pub province_ref: Option<Named>,
}

/// A new plan, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedPlan {
    pub kind: PlanKind,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
    pub tahun_dasar: Option<i32>,
    pub owner: Option<uuid::Uuid>,
    pub parent: Option<uuid::Uuid>,
    pub rkpd_ref: Option<uuid::Uuid>,
    pub province_ref: Option<uuid::Uuid>,
    /// Derive the RKPD's first draft from its RPJMD.
    pub copy_from_parent: bool,
}

fn typed_id(s: &str) -> Option<uuid::Uuid> {
    uuid::Uuid::parse_str(s.trim()).ok()
}

impl NewPlanForm {
    pub fn kind(&self) -> Option<PlanKind> {
        PlanKind::parse(self.kind.trim())
    }

    pub fn owner_id(&self) -> Option<uuid::Uuid> {
        typed_id(&self.owner_org_id)
    }

    pub fn parent_id(&self) -> Option<uuid::Uuid> {
        typed_id(&self.parent_id)
    }

    pub fn rkpd_ref_id(&self) -> Option<uuid::Uuid> {
        typed_id(&self.rkpd_ref_id)
    }

    pub fn province_ref_id(&self) -> Option<uuid::Uuid> {
        typed_id(&self.province_ref_id)
    }

    /// The rules of a new plan: a title, a period as the kind names it
    /// (inside its parent's), the owner the kind needs, a parent of the
    /// right kind from this pemda, the RKPD of the same year a Renja
    /// follows, and the province plan of the same kind it may refer to.
    pub fn check(
        &self,
        kind: PlanKind,
        ctx: &NewPlanContext<'_>,
    ) -> Result<CheckedPlan, FieldErrors> {
        use super::org::OrgKind;
        let mut errors = FieldErrors::default();
        let title = self.title.trim();
        if !(5..=300).contains(&title.chars().count()) {
            errors.add("title", crate::i18n::t("judul-5300-karakter"));
        }
        let first: Option<i32> = self.first_year.trim().parse().ok();
        let last = if kind.is_annual() {
            first
        } else {
            self.last_year.trim().parse().ok()
        };
        // A base year in front of a medium-term period is kept as its
        // name's first year.
        let period = match (first, last) {
            (Some(a), Some(b)) => parse_period(kind, a, b)
                .map_err(|m| errors.add("last_year", m))
                .ok(),
            _ => {
                errors.add(
                    "first_year",
                    crate::i18n::t("isi-tahun-awal-dan-akhir-periode"),
                );
                None
            }
        };
        let owner = self
            .owner_id()
            .and_then(|id| ctx.owners.iter().find(|(o, _)| *o == id));
        let owner = match kind.owner() {
            Owner::Pemda => None,
            Owner::PerangkatDaerah => match owner {
                Some((id, OrgKind::PerangkatDaerah)) => Some(*id),
                _ => {
                    errors.add(
                        "owner_org_id",
                        crate::i18n::t("pilih-perangkat-daerah-pemilik-dokumen-ini"),
                    );
                    None
                }
            },
            Owner::Desa => match owner {
                Some((id, OrgKind::Desa)) => Some(*id),
                _ => {
                    errors.add(
                        "owner_org_id",
                        crate::i18n::t("pilih-desa-pemilik-dokumen-ini"),
                    );
                    None
                }
            },
        };
        let parent = match (kind.parent_kind(), &ctx.parent) {
            (None, _) => None,
            (Some(pk), Some(p)) if p.kind == pk && p.region == ctx.region => Some(p),
            (Some(pk), _) => {
                errors.add(
                    "parent_id",
                    crate::i18n::tf!(
                        "memerlukan-dokumen-induk-dari-wilayah-ini",
                        a1 = crate::i18n::label(kind.label()),
                        a2 = crate::i18n::label(pk.label())
                    ),
                );
                None
            }
        };
        if let (Some(p), Some(period)) = (parent, &period)
            && let Err(m) = check_within_parent(
                kind,
                (period.first, period.last),
                (p.first_year, p.last_year),
            )
        {
            errors.add("first_year", m);
        }
        let rkpd_ref = match &ctx.rkpd_ref {
            _ if !kind.needs_rkpd_ref() => None,
            Some(r)
                if r.kind == PlanKind::Rkpd
                    && r.region == ctx.region
                    && Some(r.first_year) == period.as_ref().map(|p| p.first) =>
            {
                Some(r.id)
            }
            _ => {
                errors.add(
                    "rkpd_ref_id",
                    crate::i18n::t("pilih-rkpd-kabupaten-kota-dari-tahun"),
                );
                None
            }
        };
        let province_ref = match &ctx.province_ref {
            _ if !kind.has_province_ref() || self.province_ref_id().is_none() => None,
            Some(r) if r.kind == kind && Some(r.region.as_str()) == ctx.province && r.readable => {
                Some(r.id)
            }
            _ => {
                errors.add(
                    "province_ref_id",
                    format!("Pilih {} provinsi Anda.", kind.label()),
                );
                None
            }
        };
        match period {
            Some(p) if errors.is_empty() => Ok(CheckedPlan {
                kind,
                title: title.to_string(),
                first_year: p.first,
                last_year: p.last,
                tahun_dasar: p.base,
                owner,
                parent: parent.map(|p| p.id),
                rkpd_ref,
                province_ref,
                copy_from_parent: kind == PlanKind::RkpdPerubahan
                    || (kind == PlanKind::Rkpd && parent.is_some() && self.copy.is_some()),
            }),
            _ => Err(errors),
        }
    }
}

/// A chapter (bab) of a plan as typed into its form.
#[derive(Debug, serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct SectionForm {
    pub title: String,
    pub body_md: String,
    pub version: i32,
    pub reason: String,
}

impl SectionForm {
    /// What is wrong with it: a title of 1–200 characters, a body of at
    /// most 200,000, and on an RKPD Perubahan (`perubahan`) a reason of at
    /// least five. Empty when it may be saved.
    pub fn check(&self, perubahan: bool) -> super::user::FieldErrors {
        let mut errors = super::user::FieldErrors::default();
        if !(1..=200).contains(&self.title.trim().chars().count()) {
            errors.add("title", crate::i18n::t("judul-bab-1200-karakter"));
        }
        if self.body_md.chars().count() > 200_000 {
            errors.add(
                "body_md",
                crate::i18n::t("isi-bab-maksimal-200-000-karakter"),
            );
        }
        if perubahan && self.reason.trim().chars().count() < 5 {
            errors.add(
                "reason",
                crate::i18n::t("rkpd-perubahan-tuliskan-alasan-perubahan-ini"),
            );
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(kind: PlanKind, region: &str, first: i32, last: i32) -> Named {
        Named {
            id: uuid::Uuid::from_u128(first as u128),
            kind,
            region: region.into(),
            first_year: first,
            last_year: last,
            readable: true,
        }
    }

    #[test]
    fn a_new_plan_needs_its_parent_owner_and_period_inside_the_parent() {
        use super::super::org::OrgKind;
        let dinkes = uuid::Uuid::from_u128(77);
        let owners = [(dinkes, OrgKind::PerangkatDaerah)];
        let form = |kind: &str, first: &str, last: &str| NewPlanForm {
            kind: kind.into(),
            title: "Renstra Dinas Kesehatan 2025–2029".into(),
            first_year: first.into(),
            last_year: last.into(),
            owner_org_id: dinkes.to_string(),
            ..NewPlanForm::default()
        };
        let ctx = |parent| NewPlanContext {
            region: "33.71",
            province: Some("33"),
            owners: &owners,
            parent,
            rkpd_ref: None,
            province_ref: None,
        };
        let rpjmd = Some(named(PlanKind::Rpjmd, "33.71", 2025, 2029));
        let ok = form("renstra", "2025", "2029")
            .check(PlanKind::Renstra, &ctx(rpjmd.clone()))
            .unwrap();
        assert_eq!(
            (ok.owner, ok.first_year, ok.last_year),
            (Some(dinkes), 2025, 2029)
        );
        let e = form("renstra", "2024", "2028")
            .check(PlanKind::Renstra, &ctx(rpjmd))
            .unwrap_err();
        assert!(e.get("first_year").is_some(), "outside its RPJMD");
        let other = Some(named(PlanKind::Rpjmd, "35.05", 2025, 2029));
        let e = form("renstra", "2025", "2029")
            .check(PlanKind::Renstra, &ctx(other))
            .unwrap_err();
        assert!(e.get("parent_id").is_some(), "another region's RPJMD");
        let mut no_owner = form("renstra", "2025", "2029");
        no_owner.owner_org_id.clear();
        let e = no_owner
            .check(
                PlanKind::Renstra,
                &ctx(Some(named(PlanKind::Rpjmd, "33.71", 2025, 2029))),
            )
            .unwrap_err();
        assert!(e.get("owner_org_id").is_some());
    }

    #[test]
    fn every_kind_round_trips_and_starts_in_its_first_stage() {
        for k in PlanKind::ALL {
            assert_eq!(PlanKind::parse(k.as_str()), Some(k));
            assert_eq!(k.first_stage(), k.stages()[0]);
            assert_eq!(*k.stages().last().unwrap(), Stage::Ditetapkan);
            // Stages only move forward.
            assert!(k.stages().windows(2).all(|w| w[0] < w[1]), "{k:?}");
        }
        assert_eq!(
            PlanKind::Rkpd.first_stage(),
            Stage::RancanganAwal,
            "RKPD has no teknokratik stage"
        );
        assert!(
            !PlanKind::Renja.stages().contains(&Stage::Musrenbang),
            "Renja has no Musrenbang"
        );
    }

    #[test]
    fn levels_follow_the_cascade_of_each_kind() {
        use Level::*;
        assert_eq!(PlanKind::Rpjmd.child_levels(None), &[Visi]);
        assert_eq!(PlanKind::Rpjmd.child_levels(Some(Sasaran)), &[Program]);
        assert_eq!(PlanKind::Rpjmd.child_levels(Some(Program)), &[] as &[Level]);
        assert_eq!(PlanKind::Rkpd.child_levels(None), &[Prioritas]);
        assert_eq!(PlanKind::Rkpd.child_levels(Some(Kegiatan)), &[SubKegiatan]);
        assert_eq!(PlanKind::Renstra.child_levels(None), &[Tujuan]);
        assert_eq!(PlanKind::Rpjpd.child_levels(Some(Misi)), &[SasaranPokok]);
        assert_eq!(PlanKind::Rkpdes.child_levels(Some(Bidang)), &[KegiatanDesa]);
        // A level from another kind's cascade has no children here.
        assert_eq!(PlanKind::Rkpd.child_levels(Some(Sasaran)), &[] as &[Level]);
        assert!(PlanKind::Rpjmd.has_level(Program));
        assert!(!PlanKind::Rpjmd.has_level(SubKegiatan));
    }

    #[test]
    fn a_period_lies_within_its_parents() {
        assert!(check_within_parent(PlanKind::Rpjmd, (2030, 2034), (2025, 2045)).is_ok());
        let e = check_within_parent(PlanKind::Rpjmd, (2043, 2047), (2025, 2045)).unwrap_err();
        assert!(e.contains("2025–2045"), "{e}");
        assert!(check_within_parent(PlanKind::Rkpd, (2024, 2024), (2025, 2029)).is_err());
        // A village's RPJMDes follows its head's term.
        assert!(check_within_parent(PlanKind::Rpjmdes, (2024, 2031), (2025, 2029)).is_ok());
    }

    #[test]
    fn periods_follow_the_regulation() {
        assert!(check_period(PlanKind::Rpjpd, 2025, 2044).is_ok());
        assert!(check_period(PlanKind::Rpjpd, 2025, 2045).is_ok());
        assert!(check_period(PlanKind::Rpjpd, 2025, 2046).is_err());
        assert!(check_period(PlanKind::Rpjmd, 2025, 2029).is_ok());
        assert!(
            check_period(PlanKind::Rpjmd, 2025, 2030)
                .unwrap_err()
                .contains("3–5 tahun")
        );
        // A transitional RPD of three years.
        assert!(check_period(PlanKind::Rpjmd, 2024, 2026).is_ok());
        // "2021–2026": base year and five plan years.
        assert_eq!(
            parse_period(PlanKind::Rpjmd, 2021, 2026),
            Ok(Period {
                base: Some(2021),
                first: 2022,
                last: 2026
            })
        );
        assert!(parse_period(PlanKind::Rpjmd, 2021, 2027).is_err());
        assert_eq!(parse_period(PlanKind::Rkpd, 2026, 2026).unwrap().base, None);
        assert!(check_period(PlanKind::Rkpd, 2026, 2026).is_ok());
        assert!(check_period(PlanKind::Rkpd, 2026, 2027).is_err());
        assert!(check_period(PlanKind::Rpjmdes, 2025, 2030).is_ok());
        assert!(check_period(PlanKind::Rpjmdes, 2025, 2032).is_ok());
        assert!(
            check_period(PlanKind::Rpjmdes, 2025, 2029)
                .unwrap_err()
                .contains("6–8")
        );
        assert!(check_period(PlanKind::Rkpd, 2026, 2025).is_err());
    }

    #[test]
    fn parents_and_owners() {
        assert_eq!(PlanKind::Rpjpd.parent_kind(), None);
        assert_eq!(PlanKind::Renja.parent_kind(), Some(PlanKind::Renstra));
        assert!(PlanKind::Renja.needs_rkpd_ref());
        assert_eq!(PlanKind::RkpdPerubahan.parent_kind(), Some(PlanKind::Rkpd));
        assert_eq!(PlanKind::Rkpdes.owner(), Owner::Desa);
        assert_eq!(PlanKind::Renstra.owner(), Owner::PerangkatDaerah);
    }

    #[test]
    fn a_chapter_needs_a_title_and_on_a_perubahan_a_reason() {
        let f = |title: &str, body: &str, reason: &str| SectionForm {
            title: title.into(),
            body_md: body.into(),
            version: 1,
            reason: reason.into(),
        };
        assert!(f("Bab I Pendahuluan", "Isi", "").check(false).is_empty());
        assert!(!f("  ", "Isi", "").check(false).is_empty(), "a blank title");
        assert!(!f(&"x".repeat(201), "", "").check(false).is_empty());
        assert!(!f("Bab I", &"x".repeat(200_001), "").check(false).is_empty());
        assert!(
            !f("Bab I", "Isi", "ok").check(true).is_empty(),
            "a short reason"
        );
        assert!(
            f("Bab I", "Isi", "Refocusing anggaran")
                .check(true)
                .is_empty()
        );
    }
}

/// What decides who may read a plan's text, carried with anything read from
/// another plan (a linked item, a kerja sama's carrier, a proposal's RKPD
/// line) so the reader can be asked about it (`policy::can_read`).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanScope {
    #[sqlx(rename = "plan_region")]
    pub region_kode: String,
    #[sqlx(rename = "plan_kind")]
    pub kind: PlanKind,
    #[sqlx(rename = "plan_owner")]
    pub owner_org_id: Option<uuid::Uuid>,
    #[sqlx(rename = "plan_stage")]
    pub stage: Stage,
}
