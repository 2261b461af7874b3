//! An item of a plan's cascade as typed into its form, and the rules on
//! it. Presence of the code in the nomenclature is looked up before (the
//! one thing that needs the database) and handed in.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use uuid::Uuid;

use super::kode::{KodeNomenklatur, check_for_item};
use super::money::Rupiah;
use super::plan::{Level, parse_months};
use super::plan_import::TAGS;
use super::user::FieldErrors;

/// The fields of an item, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemFields {
    pub kode: Option<String>,
    pub nama: String,
    pub description: String,
    pub responsible_org_id: Option<Uuid>,
    pub lokasi: Vec<String>,
    pub sumber_dana: Option<String>,
    /// Months of execution: (first, last), 1–12.
    pub bulan: Option<(i16, i16)>,
    pub tags: Vec<String>,
    pub supports_item_id: Option<Uuid>,
}

/// The item form as typed.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct ItemForm {
    pub parent_id: String,
    pub kode: String,
    pub nama: String,
    pub description: String,
    pub responsible_org_id: String,
    pub lokasi: Vec<String>,
    pub sumber_dana: String,
    pub bulan_mulai: String,
    pub bulan_selesai: String,
    pub tags: Vec<String>,
    pub supports_item_id: String,
    pub version: i32,
    pub reason: String,
}

/// What an item is checked against.
pub struct ItemContext<'a> {
    /// The plan's pemda.
    pub region: &'a str,
    pub level: Level,
    /// The parent's code, when the parent is budgeted (program, kegiatan).
    pub parent_kode: Option<&'a str>,
    /// An RKPD Perubahan asks the reason of every change.
    pub perubahan: bool,
    /// The perangkat daerah one may make responsible.
    pub agencies: &'a [Uuid],
    /// The kab/kota programs a desa activity may support.
    pub supports: &'a [Uuid],
    /// The nomenclature's name for the typed code, when it has one.
    pub nomenklatur: Option<&'a str>,
}

impl ItemForm {
    /// The typed code, if it has the shape of one (to look it up).
    pub fn typed_kode(&self) -> Option<KodeNomenklatur> {
        KodeNomenklatur::parse(self.kode.trim()).ok()
    }

    pub fn check(&self, ctx: &ItemContext<'_>) -> Result<ItemFields, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut out = ItemFields {
            nama: self.nama.trim().to_string(),
            description: self.description.trim().to_string(),
            ..ItemFields::default()
        };
        if ctx.level.is_budgeted() {
            match check_for_item(&self.kode, ctx.level, ctx.parent_kode) {
                Err(m) => errors.add("kode", m),
                Ok(kode) => match ctx.nomenklatur {
                    None => errors.add(
                        "kode",
                        crate::i18n::tf!("kode-tidak-ada-dalam-nomenklatur-wilayah-2", kode = kode),
                    ),
                    Some(nama) => {
                        if out.nama.is_empty() {
                            out.nama = nama.to_string();
                        }
                        out.kode = Some(kode.to_string());
                    }
                },
            }
            match Uuid::parse_str(self.responsible_org_id.trim())
                .ok()
                .filter(|id| ctx.agencies.contains(id))
            {
                Some(id) => out.responsible_org_id = Some(id),
                None => errors.add(
                    "responsible_org_id",
                    crate::i18n::t("pilih-perangkat-daerah-penanggung-jawab"),
                ),
            }
        }
        if !(1..=1000).contains(&out.nama.chars().count()) {
            errors.add("nama", crate::i18n::t("isi-uraian-nama-item-maksimal-1"));
        }
        if out.description.chars().count() > 20000 {
            errors.add(
                "description",
                crate::i18n::t("keterangan-terlalu-panjang-maksimal-20-000"),
            );
        }
        if ctx.level == Level::SubKegiatan {
            self.sub_kegiatan(ctx, &mut out, &mut errors);
        }
        if ctx.level == Level::KegiatanDesa && !self.supports_item_id.trim().is_empty() {
            match Uuid::parse_str(self.supports_item_id.trim())
                .ok()
                .filter(|id| ctx.supports.contains(id))
            {
                Some(id) => out.supports_item_id = Some(id),
                None => errors.add(
                    "supports_item_id",
                    crate::i18n::t("pilih-program-kabupaten-kota-dari-rkpd"),
                ),
            }
        }
        if ctx.perubahan && self.reason.trim().chars().count() < 5 {
            errors.add(
                "reason",
                crate::i18n::t("rkpd-perubahan-tuliskan-alasan-perubahan-ini"),
            );
        }
        errors.into_result().map(|()| out)
    }

    /// Where, with what money, when and under which national tags a sub
    /// kegiatan runs.
    fn sub_kegiatan(&self, ctx: &ItemContext<'_>, out: &mut ItemFields, errors: &mut FieldErrors) {
        let prefix = format!("{}.", ctx.region);
        out.lokasi = self
            .lokasi
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if out.lokasi.iter().any(|l| !l.starts_with(&prefix)) {
            errors.add(
                "lokasi",
                crate::i18n::t("lokasi-harus-kecamatan-atau-desa-kelurahan"),
            );
        }
        let sd = self.sumber_dana.trim();
        if sd.chars().count() > 100 {
            errors.add(
                "sumber_dana",
                crate::i18n::t("sumber-dana-maksimal-100-karakter"),
            );
        }
        out.sumber_dana = (!sd.is_empty()).then(|| sd.to_string());
        match parse_months(&self.bulan_mulai, &self.bulan_selesai) {
            Ok(b) => out.bulan = b,
            Err(m) => errors.add("bulan_selesai", m),
        }
        out.tags = self
            .tags
            .iter()
            .filter(|t| TAGS.contains(&t.as_str()))
            .cloned()
            .collect();
    }
}

/// An item's pagu form, read: an amount per year typed (blank years left
/// out) and, for an RKPD Perubahan, the reason for the change.
#[derive(Debug, Clone, PartialEq)]
pub struct PaguChange {
    pub amounts: BTreeMap<i32, Rupiah>,
    pub reason: String,
}

impl PaguChange {
    /// Reads fields `pagu_{year}` for each of `years` and `reason`; an
    /// RKPD Perubahan (`perubahan`) changes pagu only with a reason of at
    /// least five characters. On refusal, what is wrong, per year.
    pub fn parse(
        years: impl IntoIterator<Item = i32>,
        perubahan: bool,
        f: &HashMap<String, String>,
    ) -> Result<PaguChange, String> {
        let mut amounts = BTreeMap::new();
        let mut problems = Vec::new();
        for y in years {
            let raw = f.get(&format!("pagu_{y}")).map(|s| s.trim()).unwrap_or("");
            if raw.is_empty() {
                continue;
            }
            match Rupiah::parse(raw) {
                Ok(v) => {
                    amounts.insert(y, v);
                }
                Err(m) => problems.push(format!("{y}: {m}")),
            }
        }
        let reason = f.get("reason").map(|s| s.trim()).unwrap_or("");
        if perubahan && reason.chars().count() < 5 {
            problems.push(crate::i18n::t("rkpd-perubahan-tuliskan-alasan-perubahan-pagu").into());
        }
        if problems.is_empty() {
            Ok(PaguChange {
                amounts,
                reason: reason.to_string(),
            })
        } else {
            Err(problems.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_needs_a_known_code_under_its_parent_and_an_agency() {
        let dinkes = Uuid::from_u128(5);
        let agencies = [dinkes];
        let ctx = |nomenklatur| ItemContext {
            region: "33.71",
            level: Level::Kegiatan,
            parent_kode: Some("1.02.02"),
            perubahan: false,
            agencies: &agencies,
            supports: &[],
            nomenklatur,
        };
        let form = ItemForm {
            kode: "1.02.02.2.01".into(),
            responsible_org_id: dinkes.to_string(),
            ..ItemForm::default()
        };
        let ok = form.check(&ctx(Some("Penyediaan Fasilitas"))).unwrap();
        assert_eq!(
            ok.nama, "Penyediaan Fasilitas",
            "the nomenclature's name when none typed"
        );
        let e = form.check(&ctx(None)).unwrap_err();
        assert!(
            e.get("kode")
                .unwrap()
                .contains("tidak ada dalam nomenklatur")
        );
        let other = ItemForm {
            kode: "1.03.02.2.01".into(),
            responsible_org_id: Uuid::from_u128(9).to_string(),
            ..ItemForm::default()
        };
        let e = other.check(&ctx(Some("x"))).unwrap_err();
        assert!(e.get("kode").is_some() && e.get("responsible_org_id").is_some());
    }

    #[test]
    fn a_pagu_form_keeps_typed_years_and_asks_a_perubahan_for_its_reason() {
        let form = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let f = form(&[
            ("pagu_2026", "Rp1.250.000"),
            ("pagu_2027", " "),
            ("reason", ""),
        ]);
        let got = PaguChange::parse([2026, 2027], false, &f).unwrap();
        assert_eq!(got.amounts.len(), 1, "a blank year is left out");
        assert_eq!(got.amounts[&2026].text(), "Rp1.250.000");
        let refused = PaguChange::parse([2026, 2027], true, &f).unwrap_err();
        assert!(refused.contains("lasan"), "{refused}");
        let f = form(&[("pagu_2026", "12.34"), ("reason", "Refocusing anggaran")]);
        let refused = PaguChange::parse([2026], true, &f).unwrap_err();
        assert!(
            refused.starts_with("2026: "),
            "the year is named: {refused}"
        );
        let f = form(&[("pagu_2026", "0"), ("reason", "Refocusing anggaran")]);
        let got = PaguChange::parse([2026], true, &f).unwrap();
        assert_eq!(got.reason, "Refocusing anggaran");
        assert!(got.amounts[&2026].is_zero());
    }
}
