//! What a person may do on a plan's page, asked of the policy once
//! (issue 12, point 5): the page's links and forms read these flags, and
//! no page builder asks the policy button by button.

use super::{Action, PlanRef, can};
use crate::auth::CurrentUser;
use crate::domain::plan::Level;
use crate::domain::stage::Move;
use uuid::Uuid;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PlanCaps {
    /// Change the chapters and the tree, add items.
    pub edit: bool,
    /// Remove the whole plan (a draft nobody relies on).
    pub remove: bool,
    /// Record realisasi of at least one item, and so import a workbook.
    pub record_realisasi: bool,
    /// See what changed since they last looked (DPRD members).
    pub track_changes: bool,
    /// Set the editing window of a stage.
    pub set_schedule: bool,
    /// Move the plan on, enact it, send it back.
    pub advance: bool,
    pub enact: bool,
    pub send_back: bool,
}

impl PlanCaps {
    /// Everything `user` may do on `plan`. `duties` are the responsible
    /// organization and level of the plan's items (who may record
    /// realisasi depends on them); `requested_by` is who asked for the
    /// pending enactment, whom four eyes keep from approving it.
    pub fn of(
        user: Option<&CurrentUser>,
        plan: PlanRef<'_>,
        duties: &[(Option<Uuid>, Level)],
        requested_by: Option<Uuid>,
    ) -> Self {
        let Some(u) = user else {
            return Self::default();
        };
        let may = |a: Action<'_>| can(u, a).is_ok();
        let moves = |mv| {
            may(Action::MoveStage {
                plan,
                mv,
                requested_by,
            })
        };
        Self {
            edit: may(Action::EditPlan(plan)),
            remove: may(Action::RemovePlan(plan)),
            record_realisasi: duties.iter().any(|(responsible, level)| {
                may(Action::RecordRealisasi {
                    plan,
                    responsible: *responsible,
                    level: *level,
                })
            }),
            track_changes: may(Action::TrackChanges {
                region: plan.region,
            }),
            set_schedule: may(Action::SetSchedule(plan)),
            advance: moves(Move::Maju),
            enact: moves(Move::Penetapan),
            send_back: moves(Move::Kembali),
        }
    }
}
