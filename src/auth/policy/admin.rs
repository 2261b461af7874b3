//! Accounts, organizations and master data: a region's admin; joining a lembaga.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::ManageKamus { region } => {
            admin_of(user, region, crate::i18n::t("mengelola-kamus-usulan"))
        }
        Action::DecideJoin { region, org } => {
            let lead = user
                .memberships
                .iter()
                .any(|m| m.lead && m.organization_id == org);
            if user.region_kode == region && (user.has_role(Role::Planner) || lead) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("permintaan-bergabung-diputuskan-oleh-perencana-bappeda").into(),
                ))
            }
        }
        Action::ManageNomenclature { region } => {
            admin_of(user, region, crate::i18n::t("mengelola-nomenklatur"))
        }
        Action::ViewHome | Action::ChangeOwnPassword | Action::ManageOwnAccount => Ok(()),
        Action::AskToJoin { region } => {
            if user.region_kode == region {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("anda-hanya-dapat-bergabung-dengan-lembaga").into(),
                ))
            }
        }
        Action::ViewAdmin { region } => {
            admin_of(user, region, crate::i18n::t("membuka-halaman-admin"))
        }
        Action::ManageUsers { region } => {
            admin_of(user, region, crate::i18n::t("mengelola-pengguna"))
        }
        Action::ManageOrganizations { region } => {
            admin_of(user, region, crate::i18n::t("mengelola-organisasi"))
        }
        Action::ManageMemberships { region, target } => {
            admin_of(user, region, crate::i18n::t("mengelola-keanggotaan"))?;
            if target == Some(user.id) {
                return Err(Denied(
                    crate::i18n::t("anda-tidak-dapat-mengubah-peran-atau").into(),
                ));
            }
            Ok(())
        }
        Action::ResetSecondFactor {
            region,
            target,
            took_password,
        } => {
            admin_of(
                user,
                region,
                crate::i18n::t("mengatur-ulang-verifikasi-dua-langkah"),
            )?;
            if target == user.id {
                return Err(Denied(
                    crate::i18n::t("anda-tidak-dapat-mengatur-ulang-verifikasi").into(),
                ));
            }
            // Both the password and the second factor of one account, by
            // one admin, would let that admin sign in as its owner (an
            // approver, say, which SPEC keeps from admins): four eyes.
            if took_password {
                return Err(Denied(
                    crate::i18n::t("anda-baru-saja-menetapkan-kata-sandi").into(),
                ));
            }
            Ok(())
        }
        Action::SetUserPassword {
            region,
            target: _,
            took_factor,
        } => {
            admin_of(
                user,
                region,
                crate::i18n::t("menetapkan-kata-sandi-pengguna"),
            )?;
            if took_factor {
                return Err(Denied(
                    crate::i18n::t("anda-baru-saja-mengatur-ulang-verifikasi").into(),
                ));
            }
            Ok(())
        }
        Action::DeactivateUser { region, target } => {
            admin_of(user, region, crate::i18n::t("menonaktifkan-pengguna"))?;
            if target == user.id {
                return Err(Denied(
                    crate::i18n::t("anda-tidak-dapat-menonaktifkan-akun-anda").into(),
                ));
            }
            Ok(())
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied(crate::i18n::t("tindakan-ini-tidak-dikenal").into())),
    }
}
