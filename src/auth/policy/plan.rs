//! Plans: reading, creating, editing, moving through the stages.

use super::*;

pub(super) fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::MoveStage {
            plan,
            mv,
            requested_by,
        } => {
            plan_of_region(user, &plan)?;
            stage::target(plan.kind, plan.stage, mv).map_err(Denied)?;
            match mv {
                Move::Maju => {
                    let own_desa = plan.kind.owner() == Owner::Desa
                        && plan
                            .owner_org
                            .is_some_and(|o| orgs_as(user, Role::Village).any(|id| id == o));
                    if (user.has_role(Role::Planner) && plan.kind.owner() != Owner::Desa)
                        || own_desa
                    {
                        Ok(())
                    } else {
                        Err(Denied(crate::i18n::tf!(
                            "melanjutkan-tahapan-hanya-dapat-dilakukan-oleh",
                            a1 = if plan.kind.owner() == Owner::Desa {
                                format!(" {}", crate::i18n::t("atau-operator-desa-pemilik-dokumen"))
                            } else {
                                String::new()
                            },
                            a2 = user.roles_label()
                        )))
                    }
                }
                Move::Penetapan | Move::Kembali => {
                    if !user.has_role(Role::Approver) {
                        return Err(Denied(crate::i18n::tf!(
                            "menyetujui-penetapan-atau-mengembalikan-rencana-hanya",
                            a1 = user.roles_label()
                        )));
                    }
                    if mv == Move::Penetapan {
                        stage::check_four_eyes(user.id, requested_by).map_err(Denied)?;
                    }
                    Ok(())
                }
            }
        }
        Action::SetSchedule(plan) => {
            plan_of_region(user, &plan)?;
            not_enacted(&plan)?;
            if user.has_role(Role::Planner) || user.has_role(Role::Admin) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("jadwal-tahapan-diatur-oleh-perencana-bappeda").into(),
                ))
            }
        }
        Action::ViewPlan(plan) | Action::TrackPlan(plan) => can_view_plan(Some(user), plan),
        Action::TrackChanges { region } => {
            if user.region_kode == region && user.has_role(Role::Reviewer) {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("daftar-perubahan-sejak-terakhir-dibaca-disediakan").into(),
                ))
            }
        }
        Action::CreatePlan {
            region,
            kind,
            owner_org,
        } => {
            same_region(
                user,
                region,
                crate::i18n::t("anda-hanya-dapat-membuat-rencana-untuk"),
            )?;
            let own = |role| owner_org.is_some_and(|o| orgs_as(user, role).any(|id| id == o));
            let ok = match kind.owner() {
                Owner::Pemda => user.has_role(Role::Planner),
                Owner::PerangkatDaerah => user.has_role(Role::Planner) || own(Role::Agency),
                Owner::Desa => own(Role::Village),
            };
            if ok {
                Ok(())
            } else {
                Err(Denied(match kind.owner() {
                    Owner::Pemda => crate::i18n::tf!(
                        "membuat-hanya-dapat-dilakukan-oleh-perencana",
                        a1 = crate::i18n::label(kind.label())
                    ),
                    Owner::PerangkatDaerah => crate::i18n::tf!(
                        "dibuat-oleh-perencana-bappeda-atau-oleh",
                        a1 = crate::i18n::label(kind.label())
                    ),
                    Owner::Desa => crate::i18n::tf!(
                        "dibuat-oleh-operator-desa-untuk-desanya",
                        a1 = crate::i18n::label(kind.label())
                    ),
                }))
            }
        }
        Action::EditPlan(plan) => may_edit_plan(user, &plan),
        Action::RemovePlan(plan) => {
            may_edit_plan(user, &plan)?;
            if plan.stage == plan.kind.first_stage() {
                Ok(())
            } else {
                Err(Denied(crate::i18n::tf!(
                    "rencana-hanya-dapat-dihapus-selama-masih",
                    a1 = plan.kind.first_stage().label().to_lowercase()
                )))
            }
        }
        Action::RecordRealisasi {
            plan,
            responsible,
            level,
        } => {
            let edit = can(
                user,
                Action::EditItem {
                    plan,
                    responsible,
                    level,
                },
            );
            if edit.is_ok() || plan.stage != Stage::Ditetapkan {
                return edit;
            }
            plan_of_region(user, &plan)?;
            let planner = user.has_role(Role::Planner) && plan.kind.owner() != Owner::Desa;
            let theirs = responsible.is_some_and(|r| orgs_as(user, Role::Agency).any(|id| id == r));
            let village = plan.kind.owner() == Owner::Desa
                && plan
                    .owner_org
                    .is_some_and(|o| orgs_as(user, Role::Village).any(|id| id == o));
            if planner || theirs || village {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("realisasi-rencana-yang-sudah-ditetapkan-dicatat").into(),
                ))
            }
        }
        Action::EditItem {
            plan,
            responsible,
            level,
        } => {
            if may_edit_plan(user, &plan).is_ok() {
                return Ok(());
            }
            plan_of_region(user, &plan)?;
            content_open(&plan)?;
            in_window(&plan)?;
            let theirs = responsible.is_some_and(|r| orgs_as(user, Role::Agency).any(|id| id == r));
            if theirs && level.is_budgeted() {
                return Ok(());
            }
            Err(Denied(if user.has_role(Role::Agency) {
                crate::i18n::t("item-ini-bukan-tanggung-jawab-perangkat").to_string()
            } else {
                crate::i18n::tf!(
                    "mengubah-item-rencana-ini-hanya-dapat",
                    a1 = user.roles_label()
                )
            }))
        }
        Action::AwaitsMyPenetapan(plan) => {
            if user.has_role(Role::Approver)
                && user.region_kode == plan.region
                && plan.stage == Stage::MenungguPenetapan
            {
                Ok(())
            } else {
                Err(Denied(
                    crate::i18n::t("rencana-ini-tidak-menunggu-penetapan-anda").into(),
                ))
            }
        }
        // Dispatched here by `Action::resource`; anything else is denied.
        _ => Err(Denied(crate::i18n::t("tindakan-ini-tidak-dikenal").into())),
    }
}
