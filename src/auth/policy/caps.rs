//! What a person may do on a plan's or a proposal's page, asked of the
//! policy once (issue 12, point 5): the page's links and forms read these
//! flags, and no page builder asks the policy button by button.

use super::{Action, PlanRef, ProposalRef, can, proposal_actor};
use crate::auth::CurrentUser;
use crate::domain::plan::Level;
use crate::domain::proposal::Step;
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

/// Who sent a proposal, as the policy weighs it beside `ProposalRef`.
#[derive(Debug, Clone, Copy)]
pub struct Proposer {
    pub id: Uuid,
    /// The organization it was sent through, and as what.
    pub org: Uuid,
    pub source: crate::domain::proposal::Source,
}

/// What a person may do on a proposal's page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ProposalCaps {
    /// The steps open to them now, in the order the page offers them.
    pub steps: Vec<Step>,
    /// Rank it among the others waiting at their level: `Some(true)` at
    /// the kecamatan, `Some(false)` in the desa; `None`: not theirs to rank.
    pub rank: Option<bool>,
    /// See who handled it (the region's staff, and its proposer).
    pub see_handlers: bool,
    /// Correct it (its proposer, until it is verified).
    pub correct: bool,
    /// Merge it into another or split it.
    pub reshape: bool,
    /// Attach photos and documents.
    pub attach: bool,
    /// See the proposals it may duplicate (Bappeda, who merges).
    pub see_duplicates: bool,
}

impl ProposalCaps {
    /// The order in which a proposal's page offers the steps.
    pub const STEPS: [Step; 5] = [
        Step::Teruskan,
        Step::Verifikasi,
        Step::Akomodir,
        Step::Tunda,
        Step::Tolak,
    ];

    /// Everything `user` may do on the proposal `p`, sent by `proposer`.
    pub fn of(user: Option<&CurrentUser>, p: ProposalRef<'_>, proposer: Proposer) -> Self {
        use crate::domain::proposal::Status;
        let Some(u) = user else {
            return Self::default();
        };
        let may = |a: Action<'_>| can(u, a).is_ok();
        Self {
            steps: Self::STEPS
                .into_iter()
                .filter(|&step| may(Action::ActOnProposal { p, step }))
                .collect(),
            rank: match p.status {
                Status::Diajukan | Status::DiteruskanKecamatan
                    if proposal_actor(u, &p).is_some() =>
                {
                    Some(p.status == Status::DiteruskanKecamatan)
                }
                _ => None,
            },
            see_handlers: may(Action::SeeProposalHandlers {
                region: p.region,
                proposer: proposer.id,
            }),
            correct: may(Action::CorrectProposal {
                region: p.region,
                proposer: proposer.id,
                status: p.status,
                source: proposer.source,
                org: proposer.org,
            }),
            reshape: may(Action::ReshapeProposal { p }),
            attach: may(Action::AttachToProposal {
                p,
                proposer: proposer.id,
            }),
            see_duplicates: may(Action::SeeProposalDuplicates),
        }
    }
}
