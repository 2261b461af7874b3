//! Kode wilayah and the region tree: provinsi → kabupaten/kota → kecamatan
//! → desa/kelurahan.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type, utoipa::ToSchema,
)]
#[sqlx(type_name = "region_level", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    Provinsi,
    Kabupaten,
    Kota,
    Kecamatan,
    Desa,
    Kelurahan,
}

crate::domain::names! {
    RegionLevel {
        Provinsi => "provinsi";
        Kabupaten => "kabupaten";
        Kota => "kota";
        Kecamatan => "kecamatan";
        Desa => "desa";
        Kelurahan => "kelurahan";
    }
}

impl RegionLevel {
    /// A pemda is a tenant: it owns plans, organizations and users.
    pub fn is_pemda(self) -> bool {
        matches!(
            self,
            RegionLevel::Provinsi | RegionLevel::Kabupaten | RegionLevel::Kota
        )
    }

    /// The level of a code from the national list. The list writes
    /// kabupaten/kota names with their kind ("Kota Magelang"), and a
    /// kelurahan's last segment starts with 1 (a desa's with 2 or 3).
    pub fn of(kode: &str, nama: &str) -> Option<RegionLevel> {
        let parts: Vec<&str> = kode.split('.').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let shape_ok = match parts.len() {
            1 => digits(parts[0], 2),
            2 => digits(parts[0], 2) && digits(parts[1], 2),
            3 => digits(parts[0], 2) && digits(parts[1], 2) && digits(parts[2], 2),
            4 => {
                digits(parts[0], 2)
                    && digits(parts[1], 2)
                    && digits(parts[2], 2)
                    && digits(parts[3], 4)
            }
            _ => false,
        };
        if !shape_ok {
            return None;
        }
        Some(match parts.len() {
            1 => RegionLevel::Provinsi,
            2 if nama.starts_with("Kota ") => RegionLevel::Kota,
            2 => RegionLevel::Kabupaten,
            3 => RegionLevel::Kecamatan,
            _ if parts[3].starts_with('1') => RegionLevel::Kelurahan,
            _ => RegionLevel::Desa,
        })
    }
}

/// Whether a kode wilayah names a kecamatan (`33.71.03`).
pub fn is_kecamatan_kode(kode: &str) -> bool {
    kode.split('.').count() == 3
}

/// The parent of a kode wilayah (`33.71.03` → `33.71`), none for a provinsi.
pub fn parent_kode(kode: &str) -> Option<&str> {
    kode.rfind('.').map(|i| &kode[..i])
}

/// A region and the province it lies in (the province alone for a
/// province): the regions a plan's links to other plans reach (its own
/// plans, and for a kab/kota its province's).
pub fn regions_around(region: &str) -> Vec<String> {
    let mut out = vec![region.to_string()];
    if let Some((province, _)) = region.split_once('.') {
        out.push(province.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_read_with_its_province() {
        assert_eq!(regions_around("33.71"), ["33.71", "33"]);
        assert_eq!(regions_around("33"), ["33"]);
    }

    #[test]
    fn levels_follow_the_code_shape() {
        assert_eq!(
            RegionLevel::of("33", "Jawa Tengah"),
            Some(RegionLevel::Provinsi)
        );
        assert_eq!(
            RegionLevel::of("33.71", "Kota Magelang"),
            Some(RegionLevel::Kota)
        );
        assert_eq!(
            RegionLevel::of("35.05", "Kabupaten Blitar"),
            Some(RegionLevel::Kabupaten)
        );
        assert_eq!(
            RegionLevel::of("33.71.03", "Magelang Tengah"),
            Some(RegionLevel::Kecamatan)
        );
        assert_eq!(
            RegionLevel::of("33.71.03.1003", "Rejowinangun Utara"),
            Some(RegionLevel::Kelurahan)
        );
        assert_eq!(
            RegionLevel::of("35.05.04.2014", "Plosorejo"),
            Some(RegionLevel::Desa)
        );
        assert_eq!(RegionLevel::of("3.71", "x"), None);
        assert_eq!(RegionLevel::of("33.71.03.103", "x"), None);
    }

    #[test]
    fn parents_drop_the_last_segment() {
        assert_eq!(parent_kode("33.71.03.1003"), Some("33.71.03"));
        assert_eq!(parent_kode("33"), None);
    }
}
