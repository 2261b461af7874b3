//! Kerja sama daerah (SPEC 9): cooperation between a region and other
//! regions (KSDD) or third parties (KSDPK, KSDPL), from identification to
//! completion, and the checks on what is typed for one.

use serde::{Deserialize, Serialize};

use super::user::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[sqlx(type_name = "kerja_sama_type", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Type {
    Ksdd,
    Ksdpk,
    Ksdpl,
}

crate::domain::names! {
    Type {
        Ksdd => "ksdd", "Kerja sama daerah dengan daerah lain";
        Ksdpk => "ksdpk", "Kerja sama daerah dengan pihak ketiga";
        Ksdpl => "ksdpl", "Kerja sama daerah dengan pemerintah daerah/lembaga di luar negeri";
    }
}

impl Type {
    pub fn code(self) -> &'static str {
        match self {
            Type::Ksdd => "KSDD",
            Type::Ksdpk => "KSDPK",
            Type::Ksdpl => "KSDPL",
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, sqlx::Type,
)]
#[sqlx(type_name = "kerja_sama_status", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Identifikasi,
    Pemetaan,
    Direncanakan,
    Disepakati,
    Berjalan,
    Selesai,
}

crate::domain::names! {
    Status {
        Identifikasi => "identifikasi", "Identifikasi";
        Pemetaan => "pemetaan", "Pemetaan";
        Direncanakan => "direncanakan", "Direncanakan";
        Disepakati => "disepakati", "Disepakati";
        Berjalan => "berjalan", "Berjalan";
        Selesai => "selesai", "Selesai";
    }
}

impl Status {
    fn index(self) -> usize {
        Status::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Status> {
        Status::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Status> {
        self.index().checked_sub(1).map(|i| Status::ALL[i])
    }

    /// A status moves one step forward, or one back to correct a mistake.
    pub fn may_move_to(self, to: Status) -> bool {
        self.next() == Some(to) || self.previous() == Some(to)
    }
}

/// A new kerja sama as typed, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct New {
    pub kind: Type,
    pub title: String,
    pub urusan: String,
    pub object: String,
    pub status: Status,
    pub first_year: i32,
    pub last_year: i32,
    /// Partner regions (provinces or kab/kota), each once.
    pub partner_regions: Vec<String>,
    pub third_parties: Vec<String>,
}

/// The form fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Form {
    pub kind: String,
    pub title: String,
    pub urusan: String,
    pub object: String,
    pub status: String,
    pub first_year: String,
    pub last_year: String,
    /// One value per chosen region (a multiple select).
    pub partner_region: Vec<String>,
    pub third_parties: String,
    /// The record's version the form was opened on (editing only).
    pub version: String,
}

impl Form {
    /// Checks the fields; `own_region` may not be its own partner and
    /// `is_region` says whether a kode names a province or kab/kota.
    pub fn check(
        &self,
        own_region: &str,
        is_region: impl Fn(&str) -> bool,
    ) -> Result<New, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind = Type::parse(self.kind.trim());
        if kind.is_none() {
            e.add("kind", crate::i18n::t("pilih-jenis-kerja-sama"));
        }
        let title = self.title.trim().to_string();
        if !(5..=300).contains(&title.chars().count()) {
            e.add(
                "title",
                crate::i18n::t("tuliskan-judul-kerja-sama-5300-karakter"),
            );
        }
        let urusan = self.urusan.trim().to_string();
        if urusan.is_empty() || urusan.chars().count() > 200 {
            e.add(
                "urusan",
                crate::i18n::t("tuliskan-urusan-pemerintahan-yang-dikerjasamakan-maksimal"),
            );
        }
        let object = self.object.trim().to_string();
        if object.is_empty() || object.chars().count() > 2000 {
            e.add(
                "object",
                crate::i18n::t("tuliskan-objek-kerja-sama-maksimal-2"),
            );
        }
        let status = Status::parse(self.status.trim()).unwrap_or(Status::Identifikasi);
        let year = |raw: &str| {
            raw.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
        };
        let first_year = year(&self.first_year);
        let last_year = year(&self.last_year);
        if first_year.is_none() {
            e.add(
                "first_year",
                crate::i18n::t("tahun-mulai-berupa-tahun-empat-angka"),
            );
        }
        match (first_year, last_year) {
            (_, None) => e.add(
                "last_year",
                crate::i18n::t("tahun-selesai-berupa-tahun-empat-angka"),
            ),
            (Some(a), Some(b)) if b < a => e.add(
                "last_year",
                crate::i18n::t("tahun-selesai-tidak-boleh-sebelum-tahun"),
            ),
            (Some(a), Some(b)) if b - a > 30 => e.add(
                "last_year",
                crate::i18n::t("jangka-kerja-sama-paling-lama-30"),
            ),
            _ => {}
        }
        let mut partner_regions: Vec<String> = Vec::new();
        for p in self
            .partner_region
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
        {
            if p == own_region {
                e.add(
                    "partner_region",
                    crate::i18n::t("daerah-mitra-tidak-boleh-daerah-sendiri"),
                );
            } else if !is_region(p) {
                e.add(
                    "partner_region",
                    crate::i18n::t("pilih-provinsi-atau-kabupaten-kota-mitra"),
                );
            } else if !partner_regions.iter().any(|x| x == p) {
                partner_regions.push(p.to_string());
            }
        }
        if partner_regions.len() > 50 {
            e.add(
                "partner_region",
                crate::i18n::t("paling-banyak-50-daerah-mitra"),
            );
        }
        let third_parties: Vec<String> = self
            .third_parties
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if third_parties.iter().any(|t| t.chars().count() > 300) {
            e.add(
                "third_parties",
                crate::i18n::t("nama-pihak-ketiga-maksimal-300-karakter"),
            );
        }
        if partner_regions.is_empty() && third_parties.is_empty() {
            e.add(
                "partner_region",
                crate::i18n::t("sebutkan-sedikitnya-satu-mitra-daerah-lain"),
            );
        }
        if kind == Some(Type::Ksdd) && partner_regions.is_empty() && !third_parties.is_empty() {
            e.add(
                "partner_region",
                crate::i18n::t("kerja-sama-dengan-daerah-lain-ksdd-2"),
            );
        }
        match (kind, first_year, last_year, e.is_empty()) {
            (Some(kind), Some(first_year), Some(last_year), true) => Ok(New {
                kind,
                title,
                urusan,
                object,
                status,
                first_year,
                last_year,
                partner_regions,
                third_parties,
            }),
            _ => Err(e),
        }
    }
}

/// A step (tahapan) of a kerja sama as typed: its target date and what it is.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MilestoneForm {
    pub due: String,
    pub description: String,
}

impl MilestoneForm {
    /// The date (`2026-06-30`) and the step's text (2–500 characters), or
    /// what is wrong.
    pub fn parse(&self) -> Result<(time::Date, String), FieldErrors> {
        let mut errors = FieldErrors::default();
        let due = crate::format::parse_date(&self.due);
        if due.is_none() {
            errors.add("due", crate::i18n::t("isi-tanggal-target-mis-2026-06"));
        }
        let what = self.description.trim();
        if !(2..=500).contains(&what.chars().count()) {
            errors.add(
                "description",
                crate::i18n::t("tuliskan-tahapannya-2500-karakter"),
            );
        }
        match due {
            Some(due) if errors.is_empty() => Ok((due, what.to_string())),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form {
            kind: "ksdd".into(),
            title: "Pengelolaan drainase perbatasan".into(),
            urusan: "Pekerjaan umum".into(),
            object: "Saluran drainase perbatasan".into(),
            status: "identifikasi".into(),
            first_year: "2026".into(),
            last_year: "2027".into(),
            partner_region: vec!["33.08".into()],
            third_parties: String::new(),
            version: String::new(),
        }
    }

    #[test]
    fn a_complete_form_is_accepted() {
        let n = form().check("33.71", |k| k == "33.08").unwrap();
        assert_eq!(
            (n.kind, n.first_year, n.last_year),
            (Type::Ksdd, 2026, 2027)
        );
        assert_eq!(n.partner_regions, ["33.08"]);
    }

    #[test]
    fn mistakes_are_named_by_field() {
        let f = Form {
            last_year: "2025".into(),
            partner_region: vec!["33.71".into()],
            title: "x".into(),
            ..form()
        };
        let e = f.check("33.71", |_| true).unwrap_err();
        assert!(e.get("last_year").unwrap().contains("sebelum"));
        assert!(e.get("partner_region").unwrap().contains("daerah sendiri"));
        assert!(e.get("title").is_some());
        let none = Form {
            partner_region: vec![String::new()],
            ..form()
        };
        assert!(
            none.check("33.71", |_| true)
                .unwrap_err()
                .get("partner_region")
                .unwrap()
                .contains("sedikitnya satu mitra")
        );
        let unknown = Form {
            partner_region: vec!["99.99".into()],
            ..form()
        };
        assert!(unknown.check("33.71", |_| false).is_err());
    }

    #[test]
    fn several_partner_regions_are_kept_once_each() {
        let f = Form {
            partner_region: vec!["33.08".into(), "33.23".into(), "33.08".into(), "".into()],
            ..form()
        };
        let n = f.check("33.71", |k| k == "33.08" || k == "33.23").unwrap();
        assert_eq!(n.partner_regions, ["33.08", "33.23"]);
    }

    #[test]
    fn status_moves_one_step_either_way() {
        assert!(Status::Identifikasi.may_move_to(Status::Pemetaan));
        assert!(Status::Direncanakan.may_move_to(Status::Pemetaan));
        assert!(!Status::Identifikasi.may_move_to(Status::Berjalan));
        assert_eq!(Status::Selesai.next(), None);
        assert_eq!(Status::Identifikasi.previous(), None);
    }

    #[test]
    fn a_milestone_needs_a_date_and_a_few_words() {
        let f = |due: &str, what: &str| MilestoneForm {
            due: due.into(),
            description: what.into(),
        };
        let (due, what) = f("2026-06-30", "  Serah terima jalan  ").parse().unwrap();
        assert_eq!(due.to_string(), "2026-06-30");
        assert_eq!(what, "Serah terima jalan");
        let e = f("30/06/2026", "x").parse().unwrap_err();
        assert!(e.get("due").is_some() && e.get("description").is_some());
    }
}
