//! Organization kinds (SPEC 2) and the rules on an organization's fields.

use serde::{Deserialize, Serialize};

use super::user::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[sqlx(type_name = "org_kind", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Bappeda,
    PerangkatDaerah,
    Desa,
    Kelurahan,
    Lembaga,
    Dprd,
}

crate::domain::names! {
    OrgKind {
        Bappeda => "bappeda", "Bappeda";
        PerangkatDaerah => "perangkat_daerah", "Perangkat daerah";
        Desa => "desa", "Desa";
        Kelurahan => "kelurahan", "Kelurahan";
        Lembaga => "lembaga", "Lembaga kemasyarakatan";
        Dprd => "dprd", "DPRD";
    }
}

impl OrgKind {
    /// Desa and kelurahan are places: they must say which one.
    pub fn needs_wilayah(self) -> bool {
        matches!(self, OrgKind::Desa | OrgKind::Kelurahan)
    }
}

impl std::fmt::Display for OrgKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// An organization as typed into the admin form, checked.
#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
    pub wilayah_kode: Option<String>,
}

impl NewOrganization {
    pub fn parse(
        kind: &str,
        code: &str,
        name: &str,
        wilayah_kode: &str,
    ) -> Result<NewOrganization, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = OrgKind::parse(kind.trim());
        if kind.is_none() {
            errors.add("kind", crate::i18n::t("pilih-jenis-organisasi"));
        }
        let code = code.trim().to_lowercase();
        if !valid_code(&code) {
            errors.add(
                "code",
                crate::i18n::t("kode-singkat-163-karakter-huruf-kecil"),
            );
        }
        let name = name.trim().to_string();
        let len = name.chars().count();
        if !(2..=200).contains(&len) {
            errors.add("name", crate::i18n::t("nama-organisasi-2200-karakter"));
        }
        let wilayah = wilayah_kode.trim();
        let wilayah_kode = (!wilayah.is_empty()).then(|| wilayah.to_string());
        if let Some(k) = kind
            && k.needs_wilayah()
            && wilayah_kode.is_none()
        {
            errors.add(
                "wilayah_kode",
                crate::i18n::t("desa-kelurahan-harus-memilih-wilayahnya"),
            );
        }
        match (kind, errors.is_empty()) {
            (Some(kind), true) => Ok(NewOrganization {
                kind,
                code,
                name,
                wilayah_kode,
            }),
            _ => Err(errors),
        }
    }
}

fn valid_code(code: &str) -> bool {
    let mut chars = code.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && code.len() <= 63
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_organization_parses() {
        let o =
            NewOrganization::parse("perangkat_daerah", " Dinkes ", "Dinas Kesehatan", "").unwrap();
        assert_eq!(o.code, "dinkes");
        assert_eq!(o.kind, OrgKind::PerangkatDaerah);
        assert_eq!(o.wilayah_kode, None);
    }

    #[test]
    fn bad_fields_are_named() {
        let e = NewOrganization::parse("kerajaan", "-x", "A", "").unwrap_err();
        assert!(e.get("kind").is_some());
        assert!(e.get("code").is_some());
        assert!(e.get("name").is_some());
    }

    #[test]
    fn a_desa_needs_its_place() {
        let e = NewOrganization::parse("desa", "plosorejo", "Desa Plosorejo", "").unwrap_err();
        assert!(e.get("wilayah_kode").is_some());
        assert!(
            NewOrganization::parse("desa", "plosorejo", "Desa Plosorejo", "35.05.04.2014").is_ok()
        );
    }
}
