//! Comments: writing, moderating, editing and removing them.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::Comment { plan, visibility } => {
            can_view_plan(Some(user), plan)?;
            not_enacted(&plan).map_err(|_| {
                Denied("Rencana ini sudah ditetapkan; masukan tidak lagi diterima.".into())
            })?;
            match visibility {
                Visibility::Internal if staff_of(user, plan.region) => Ok(()),
                Visibility::Internal => Err(Denied(
                    "Catatan internal hanya untuk staf pemerintah daerah dan DPRD. Masyarakat memberi masukan saat konsultasi publik."
                        .into(),
                )),
                Visibility::Publik => {
                    if plan.stage != Stage::KonsultasiPublik {
                        return Err(Denied("Masukan publik hanya diterima selama tahap konsultasi publik.".into()));
                    }
                    in_window(&plan).map_err(|_| Denied("Masa konsultasi publik rencana ini sudah berakhir atau belum dimulai.".into()))?;
                    if user.has_role(Role::Community) || staff_of(user, plan.region) {
                        Ok(())
                    } else {
                        Err(Denied("Masukan publik diberikan oleh akun masyarakat atau lembaga.".into()))
                    }
                }
            }
        }
        Action::Moderate(plan) => {
            if user.region_kode == plan.region && user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied("Moderasi dan tindak lanjut komentar dilakukan oleh perencana Bappeda wilayah ini.".into()))
            }
        }
        Action::EditComment { author, editable } => {
            if author != user.id {
                return Err(Denied(
                    "Hanya penulis yang dapat mengubah komentarnya.".into(),
                ));
            }
            if !editable {
                return Err(Denied(
                    "Komentar hanya dapat diubah dalam 15 menit setelah dikirim. Tulis balasan bila ada yang perlu diluruskan."
                        .into(),
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
        _ => Err(Denied("Tindakan ini tidak dikenal.".into())),
    }
}
