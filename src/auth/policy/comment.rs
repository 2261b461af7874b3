//! Comments: writing, moderating, editing and removing them.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::Comment { plan, visibility } => {
            can_view_plan(Some(user), plan)?;
            not_enacted(&plan).map_err(|_| {
                Denied(crate::i18n::t("rencana-ini-sudah-ditetapkan-masukan-tidak").into())
            })?;
            match visibility {
                Visibility::Internal if staff_of(user, plan.region) => Ok(()),
                Visibility::Internal => Err(Denied(
                    crate::i18n::t("catatan-internal-hanya-untuk-staf-pemerintah").into(),
                )),
                Visibility::Publik => {
                    if plan.stage != Stage::KonsultasiPublik {
                        return Err(Denied(
                            crate::i18n::t("masukan-publik-hanya-diterima-selama-tahap").into(),
                        ));
                    }
                    in_window(&plan).map_err(|_| {
                        Denied(crate::i18n::t("masa-konsultasi-publik-rencana-ini-sudah").into())
                    })?;
                    if user.has_role(Role::Community) || staff_of(user, plan.region) {
                        Ok(())
                    } else {
                        Err(Denied(
                            crate::i18n::t("masukan-publik-diberikan-oleh-akun-masyarakat").into(),
                        ))
                    }
                }
            }
        }
        Action::Moderate(plan) => {
            if user.region_kode == plan.region && user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("moderasi-dan-tindak-lanjut-komentar-dilakukan").into(),
                ))
            }
        }
        Action::EditComment { author, editable } => {
            if author != user.id {
                return Err(Denied(
                    crate::i18n::t("hanya-penulis-yang-dapat-mengubah-komentarnya").into(),
                ));
            }
            if !editable {
                return Err(Denied(
                    crate::i18n::t("komentar-hanya-dapat-diubah-dalam-15").into(),
                ));
            }
            Ok(())
        }
        Action::RemoveComment { plan, author } => {
            if author == user.id {
                Ok(())
            } else {
                can(user, Action::Moderate(plan))
            }
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied(crate::i18n::t("tindakan-ini-tidak-dikenal").into())),
    }
}
