//! Kerja sama: who edits an agreement and links items to it.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::EditKerjaSama { owner } => {
            can(user, Action::ManageKerjaSama { regions: &[owner.to_string()] }).map_err(|_| {
                Denied(
                    "Data kerja sama diubah oleh perencana daerah yang mencatatnya; daerah mitra dapat memindahkan status, menambah tahapan dan mengaitkan itemnya sendiri."
                        .into(),
                )
            })
        }
        Action::LinkKerjaSamaItem { regions, item_region } => {
            can(user, Action::ManageKerjaSama { regions })?;
            if item_region != user.region_kode {
                return Err(Denied("Item ini milik rencana wilayah lain; hanya wilayah itu yang dapat mengaitkan atau melepasnya.".into()));
            }
            Ok(())
        }
        Action::ManageKerjaSama { regions } => {
            if !regions.contains(&user.region_kode) {
                return Err(Denied(
                    "Kerja sama ini bukan milik wilayah Anda dan wilayah Anda bukan mitranya."
                        .into(),
                ));
            }
            if user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied(format!(
                    "Kerja sama daerah dicatat dan dikelola oleh perencana Bappeda. Peran Anda: {}.",
                    user.roles_label()
                )))
            }
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied("Tindakan ini tidak dikenal.".into())),
    }
}
