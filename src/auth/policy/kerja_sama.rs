//! Kerja sama: who edits an agreement and links items to it.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::EditKerjaSama { owner } => can(
            user,
            Action::ManageKerjaSama {
                regions: &[owner.to_string()],
            },
        )
        .map_err(|_| Denied(crate::i18n::t("data-kerja-sama-diubah-oleh-perencana").into())),
        Action::LinkKerjaSamaItem {
            regions,
            item_region,
        } => {
            can(user, Action::ManageKerjaSama { regions })?;
            if item_region != user.region_kode {
                return Err(Denied(
                    crate::i18n::t("item-ini-milik-rencana-wilayah-lain").into(),
                ));
            }
            Ok(())
        }
        Action::ManageKerjaSama { regions } => {
            if !regions.contains(&user.region_kode) {
                return Err(Denied(
                    crate::i18n::t("kerja-sama-ini-bukan-milik-wilayah").into(),
                ));
            }
            if user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied(crate::i18n::tf!(
                    "kerja-sama-daerah-dicatat-dan-dikelola",
                    a1 = user.roles_label()
                )))
            }
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied(crate::i18n::t("tindakan-ini-tidak-dikenal").into())),
    }
}
