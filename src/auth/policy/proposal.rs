//! Proposals (usulan): who sends, who acts at each level, who sees what.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::FollowProposal | Action::CommentOnProposal => Ok(()),
        Action::ReshapeProposal { p } => {
            use crate::domain::proposal::Level as L;
            let ok = match p.status.level() {
                Some(L::Kecamatan) => proposal_actor(user, &p).is_some(),
                Some(L::PerangkatDaerah | L::Kabkota) => {
                    user.region_kode == p.region && user.has_role(Role::Planner)
                }
                _ => false,
            };
            if ok {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("usulan-digabung-atau-dipecah-oleh-kecamatan").into(),
                ))
            }
        }
        Action::RecordMeeting { region, organizer } => {
            let member = user
                .memberships
                .iter()
                .any(|m| m.organization_id == organizer && m.role != Role::Community);
            if user.region_kode == region && (member || user.has_role(Role::Planner)) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("musyawarah-dicatat-oleh-penyelenggaranya-atau-perencana")
                        .into(),
                ))
            }
        }
        Action::SeeMeetingAttendees { region } => {
            let working = user.memberships.iter().any(|m| m.role != Role::Community);
            if user.region_kode == region && working {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("nama-peserta-dapat-dibaca-oleh-perangkat").into(),
                ))
            }
        }
        Action::SetMusrenbangCalendar { region } => {
            if user.region_kode == region && user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("jadwal-musrenbang-ditetapkan-oleh-perencana-bappeda").into(),
                ))
            }
        }
        Action::AttachToProposal { p, proposer } => {
            let own = user.id == proposer && user.region_kode == p.region && !p.status.is_final();
            if own || proposal_actor(user, &p).is_some() {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("foto-dan-dokumen-dilampirkan-oleh-pengusul").into(),
                ))
            }
        }
        Action::RemoveProposalFile { region, uploader } => {
            if uploader == user.id || (user.region_kode == region && user.has_role(Role::Planner)) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("lampiran-hanya-dapat-dihapus-oleh-yang").into(),
                ))
            }
        }
        Action::RemoveProposalComment { region, author } => {
            if author == user.id || (user.region_kode == region && user.has_role(Role::Planner)) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("komentar-hanya-dapat-dihapus-oleh-penulisnya").into(),
                ))
            }
        }
        Action::CorrectProposal {
            region,
            proposer,
            status,
            source,
            org,
        } => {
            if user.region_kode != region || user.id != proposer {
                Err(Denied(
                    crate::i18n::t("usulan-hanya-dapat-dikoreksi-oleh-pengusulnya").into(),
                ))
            } else if !status.correctable() {
                Err(Denied(crate::i18n::tf!(
                    "usulan-ini-sudah-koreksi-hanya-dapat",
                    a1 = status.label().to_lowercase()
                )))
            } else {
                // Still the organization's sender (an operator who left
                // the desa, a DPRD member past their term, may not).
                can(user, Action::SubmitProposal { source, org })
            }
        }
        Action::SubmitProposal { source, org } => {
            use crate::domain::proposal::Source as S;
            let role = match source {
                S::Musrenbang => Role::Village,
                S::Aspirasi => Role::Community,
                S::Pokir => Role::Reviewer,
                S::Renja => Role::Agency,
            };
            if orgs_as(user, role).any(|o| o == org) {
                Ok(())
            } else {
                Err(Denied(format!(
                    "{} diajukan oleh {} atas nama organisasinya. Peran Anda: {}.",
                    source.label(),
                    match source {
                        S::Musrenbang => "operator desa/kelurahan",
                        S::Aspirasi => "akun masyarakat atau lembaga",
                        S::Pokir => "anggota DPRD",
                        S::Renja => "perangkat daerah",
                    },
                    user.roles_label()
                )))
            }
        }
        Action::ActOnProposal { p, step } => {
            use crate::domain::proposal::{Level as L, Step as St};
            crate::domain::proposal::next(p.status, step).map_err(Denied)?;
            let level = p.status.acting_level();
            let fits = matches!(
                (level, step),
                (Some(L::Desa | L::Kecamatan), St::Teruskan | St::Tolak)
                    | (Some(L::PerangkatDaerah), St::Verifikasi | St::Tolak)
                    | (Some(L::Kabkota), St::Akomodir | St::Tolak | St::Tunda)
            );
            if fits && proposal_actor(user, &p).is_some() {
                Ok(())
            } else {
                Err(Denied(format!(
                    "Usulan ini sedang di tingkat {}; hanya {} yang dapat memprosesnya.",
                    level.map(|l| l.label()).unwrap_or("akhir"),
                    match level {
                        Some(L::Desa) => "operator desa/kelurahan lokasinya",
                        Some(L::Kecamatan) => "kecamatan lokasinya",
                        Some(L::PerangkatDaerah) => "perangkat daerah penanggung jawabnya",
                        Some(L::Kabkota) => "perencana Bappeda",
                        None => "tidak seorang pun",
                    }
                )))
            }
        }
        Action::SeeProposalHandlers { region, proposer } => {
            if (user.region_kode == region && !user.has_role(Role::Community))
                || user.id == proposer
            {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("nama-petugas-yang-memproses-usulan-hanya").into(),
                ))
            }
        }
        Action::SeeProposalDuplicates => {
            if user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("kemungkinan-usulan-ganda-diperiksa-oleh-perencana").into(),
                ))
            }
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied(crate::i18n::t("tindakan-ini-tidak-dikenal").into())),
    }
}
