//! Accounts, organizations and master data: a region's admin; joining a lembaga.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::ManageKamus { region } => admin_of(user, region, "Mengelola kamus usulan"),
        Action::DecideJoin { region, org } => {
            let lead = user
                .memberships
                .iter()
                .any(|m| m.lead && m.organization_id == org);
            if user.region_kode == region && (user.has_role(Role::Planner) || lead) {
                Ok(())
            } else {
                Err(Denied(
                    "Permintaan bergabung diputuskan oleh perencana Bappeda wilayah ini atau pengurus lembaga itu sendiri."
                        .into(),
                ))
            }
        }
        Action::ManageNomenclature { region } => admin_of(user, region, "Mengelola nomenklatur"),
        Action::ViewHome | Action::ChangeOwnPassword | Action::ManageOwnAccount => Ok(()),
        Action::AskToJoin { region } => {
            if user.region_kode == region {
                Ok(())
            } else {
                Err(Denied(
                    "Anda hanya dapat bergabung dengan lembaga di wilayah akun Anda.".into(),
                ))
            }
        }
        Action::ViewAdmin { region } => admin_of(user, region, "Membuka halaman admin"),
        Action::ManageUsers { region } => admin_of(user, region, "Mengelola pengguna"),
        Action::ManageOrganizations { region } => admin_of(user, region, "Mengelola organisasi"),
        Action::ManageMemberships { region, target } => {
            admin_of(user, region, "Mengelola keanggotaan")?;
            if target == Some(user.id) {
                return Err(Denied(
                    "Anda tidak dapat mengubah peran atau keanggotaan akun Anda sendiri. Minta administrator lain melakukannya."
                        .into(),
                ));
            }
            Ok(())
        }
        Action::ResetSecondFactor {
            region,
            target,
            took_password,
        } => {
            admin_of(user, region, "Mengatur ulang verifikasi dua langkah")?;
            if target == user.id {
                return Err(Denied(
                    "Anda tidak dapat mengatur ulang verifikasi dua langkah akun Anda sendiri. Minta administrator lain melakukannya."
                        .into(),
                ));
            }
            // Both the password and the second factor of one account, by
            // one admin, would let that admin sign in as its owner (an
            // approver, say, which SPEC keeps from admins): four eyes.
            if took_password {
                return Err(Denied(
                    "Anda baru saja menetapkan kata sandi akun ini. Agar tidak ada satu administrator yang dapat mengambil alih sebuah akun, verifikasi dua langkahnya diatur ulang oleh administrator lain."
                        .into(),
                ));
            }
            Ok(())
        }
        Action::SetUserPassword {
            region,
            target: _,
            took_factor,
        } => {
            admin_of(user, region, "Menetapkan kata sandi pengguna")?;
            if took_factor {
                return Err(Denied(
                    "Anda baru saja mengatur ulang verifikasi dua langkah akun ini. Agar tidak ada satu administrator yang dapat mengambil alih sebuah akun, kata sandinya ditetapkan oleh administrator lain."
                        .into(),
                ));
            }
            Ok(())
        }
        Action::DeactivateUser { region, target } => {
            admin_of(user, region, "Menonaktifkan pengguna")?;
            if target == user.id {
                return Err(Denied(
                    "Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator lain bila akun ini memang harus dinonaktifkan."
                        .into(),
                ));
            }
            Ok(())
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied("Tindakan ini tidak dikenal.".into())),
    }
}
