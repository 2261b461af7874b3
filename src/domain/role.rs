//! The roles of SPEC 1. A membership is (organization, role).

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, sqlx::Type,
)]
#[sqlx(type_name = "role", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Planner,
    Approver,
    Agency,
    Village,
    Community,
    Reviewer,
}

crate::domain::names! {
    Role {
        Admin => "admin", "Administrator";
        Planner => "planner", "Perencana";
        Approver => "approver", "Pemberi persetujuan";
        Agency => "agency", "Perangkat daerah";
        Village => "village", "Operator desa/kelurahan";
        Community => "community", "Masyarakat / lembaga";
        Reviewer => "reviewer", "DPRD (peninjau)";
    }
}

impl Role {
    /// Roles that enact plans, plan, or manage accounts sign in with a
    /// second factor (ASVS 5.0 level 2).
    pub fn needs_second_factor(self) -> bool {
        matches!(self, Role::Admin | Role::Approver | Role::Planner)
    }

    /// One sentence on what the role is for, shown on the home page.
    pub fn summary(self) -> &'static str {
        match self {
            Role::Admin => {
                "Mengelola pengguna, organisasi, keanggotaan, nomenklatur dan jadwal tahapan di wilayah Anda."
            }
            Role::Planner => {
                "Menyusun dokumen rencana daerah, menugaskan program ke perangkat daerah, membuka dan menutup tahapan, menjalankan cek keselarasan dan menjawab masukan."
            }
            Role::Approver => {
                "Menyetujui atau mengembalikan perpindahan tahapan dan menetapkan rencana (tidak untuk rencana yang Anda ajukan sendiri)."
            }
            Role::Agency => {
                "Mengisi program, kegiatan, sub kegiatan, indikator, target dan pagu yang menjadi tanggung jawab perangkat daerah Anda, serta menyusun Renstra dan Renja."
            }
            Role::Village => {
                "Mengajukan dan memeringkat usulan desa/kelurahan serta menyusun RPJMDes dan RKPDes."
            }
            Role::Community => {
                "Mengajukan usulan dan aspirasi, memberi masukan pada rancangan yang sedang dikonsultasikan, dan mengikuti usulan Anda."
            }
            Role::Reviewer => {
                "Membaca setiap rancangan di semua tahapan, memberi catatan dan menyampaikan pokok-pokok pikiran DPRD."
            }
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

impl std::str::FromStr for Role {
    type Err = ();

    /// A role's code as a form or a filter sends it (`planner`).
    fn from_str(s: &str) -> Result<Role, ()> {
        Role::parse(s.trim()).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn every_role_round_trips_through_its_name() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("superuser"), None);
        assert_eq!(Role::parse("Admin"), None);
    }
}
