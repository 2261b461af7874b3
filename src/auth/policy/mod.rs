//! The one place that decides who may do what (SPEC 1). Deny by default:
//! an action is allowed only by a rule below. Handlers call `authorize`
//! and never compare roles themselves. A refusal says, in Indonesian, what
//! the user lacks; it becomes a 403 page.

use uuid::Uuid;

use super::CurrentUser;
use crate::domain::comment::Visibility;
use crate::domain::plan::{Level, Owner, PlanKind, Stage};
use crate::domain::role::Role;
use crate::domain::stage::{self, Move, Window};
use crate::error::AppError;

/// What the policy needs to know about a proposal.
#[derive(Debug, Clone, Copy)]
pub struct ProposalRef<'a> {
    pub region: &'a str,
    pub status: crate::domain::proposal::Status,
    /// The desa/kelurahan it is located in.
    pub wilayah: &'a str,
    /// The perangkat daerah responsible for its kind (kamus usulan).
    pub responsible: Option<Uuid>,
}

/// The organization through which the user acts on a proposal at its
/// current level, if any: the desa/kelurahan of its place, the kecamatan
/// around it, the responsible agency, or Bappeda (any planner membership).
pub fn proposal_actor(user: &CurrentUser, p: &ProposalRef<'_>) -> Option<Uuid> {
    use crate::domain::proposal::Level as L;
    asked::mark();
    if user.region_kode != p.region {
        return None;
    }
    let kecamatan = crate::domain::region::parent_kode(p.wilayah);
    user.memberships
        .iter()
        .find(|m| match p.status.acting_level() {
            Some(L::Desa) => {
                m.role == Role::Village && m.wilayah_kode.as_deref() == Some(p.wilayah)
            }
            Some(L::Kecamatan) => m.role == Role::Agency && m.wilayah_kode.as_deref() == kecamatan,
            Some(L::PerangkatDaerah) => {
                m.role == Role::Agency && Some(m.organization_id) == p.responsible
            }
            Some(L::Kabkota) => m.role == Role::Planner,
            None => false,
        })
        .map(|m| m.organization_id)
}

/// What the policy needs to know about a plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanRef<'a> {
    pub region: &'a str,
    pub kind: PlanKind,
    pub owner_org: Option<Uuid>,
    pub stage: Stage,
    /// The current stage's editing window (its schedule, now).
    pub window: Window,
}

/// Everything a signed-in user can ask to do, with what it is done to.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// The personal home page.
    ViewHome,
    /// Changing one's own password.
    ChangeOwnPassword,
    /// One's own profile and inbox: any signed-in person.
    ManageOwnAccount,
    /// Asking to join a lembaga of a region (one's own region only).
    AskToJoin { region: &'a str },
    /// The admin area of a pemda: lists of users and organizations.
    ViewAdmin { region: &'a str },
    /// Creating and editing accounts of a pemda, setting their passwords.
    ManageUsers { region: &'a str },
    /// Deactivating an account (never one's own: someone must stay admin).
    DeactivateUser { region: &'a str, target: Uuid },
    /// Resetting an account's second factor (never one's own: that would
    /// let a stolen admin password undo the factor that guards it).
    /// `took_password`: the same admin set this account's password within
    /// the last day.
    ResetSecondFactor {
        region: &'a str,
        target: Uuid,
        took_password: bool,
    },
    /// Setting another account's password. `took_factor`: the same admin
    /// reset this account's second factor within the last day.
    SetUserPassword {
        region: &'a str,
        target: Uuid,
        took_factor: bool,
    },
    /// Creating and editing organizations of a pemda.
    ManageOrganizations { region: &'a str },
    /// Giving and taking (organization, role) memberships in a pemda, of
    /// an existing account (`target`) or of one being created (None).
    /// Nobody changes their own: roles are granted by someone else.
    ManageMemberships {
        region: &'a str,
        target: Option<Uuid>,
    },
    /// Importing additions to a region's nomenclature master.
    ManageNomenclature { region: &'a str },
    /// Adding to a region's kamus usulan (the kinds of proposal it takes,
    /// each with its sub kegiatan and agency).
    ManageKamus { region: &'a str },
    /// Accepting or refusing a person's request to join a lembaga: a
    /// planner of the region, or the lembaga's own lead.
    DecideJoin { region: &'a str, org: Uuid },
    /// Reading a plan (drafts are internal to the region's staff and DPRD).
    ViewPlan(PlanRef<'a>),
    /// Keeping one's own reading of a plan (following it or an item of
    /// it, marking it seen): whoever may read it.
    TrackPlan(PlanRef<'a>),
    /// Starting a new plan document of a kind, owned by an organization
    /// (Renstra/Renja: a perangkat daerah; RPJMDes/RKPDes: a desa).
    CreatePlan {
        region: &'a str,
        kind: PlanKind,
        owner_org: Option<Uuid>,
    },
    /// The plan's own text: title, narrative sections, top-level items.
    EditPlan(PlanRef<'a>),
    /// Removing a whole plan: a draft still at its first stage.
    RemovePlan(PlanRef<'a>),
    /// An item with its indicators, targets and pagu.
    EditItem {
        plan: PlanRef<'a>,
        responsible: Option<Uuid>,
        level: Level,
    },
    /// Recording realisasi of an item's indicators: whoever may edit the
    /// item while the plan is drafted, and once it is enacted (when the
    /// figures arrive) the region's planners and the agency responsible.
    RecordRealisasi {
        plan: PlanRef<'a>,
        responsible: Option<Uuid>,
        level: Level,
    },
    /// Moving a plan between stages; `requested_by` is who moved it into
    /// `menunggu_penetapan` (for the four-eyes rule).
    MoveStage {
        plan: PlanRef<'a>,
        mv: Move,
        requested_by: Option<Uuid>,
    },
    /// Setting the editing window of a plan's stages.
    SetSchedule(PlanRef<'a>),
    /// Writing a comment (or reply) of this visibility on a plan.
    Comment {
        plan: PlanRef<'a>,
        visibility: Visibility,
    },
    /// Removing others' comments, and answering them with a tindak lanjut.
    Moderate(PlanRef<'a>),
    /// Being told why one cannot enact a plan waiting for penetapan (the
    /// four-eyes rule, say): the approvers of its region, whom it awaits.
    AwaitsMyPenetapan(PlanRef<'a>),
    /// Changing one's own comment: only its author, only while
    /// `comment::editable` (shortly after writing, not once removed).
    EditComment { author: Uuid, editable: bool },
    /// Removing a comment: its author, or a moderator of the plan.
    RemoveComment { plan: PlanRef<'a>, author: Uuid },
    /// Submitting a proposal of a source on behalf of an organization.
    SubmitProposal {
        source: crate::domain::proposal::Source,
        org: Uuid,
    },
    /// Following a proposal: anyone signed in (its page is public).
    FollowProposal,
    /// Commenting on a proposal: anyone signed in (its page is public).
    CommentOnProposal,
    /// Recording a meeting organized by `organizer` (its members, or a
    /// planner of the region): attendance, minutes, decisions.
    RecordMeeting { region: &'a str, organizer: Uuid },
    /// Reading the names on a meeting's attendance: the region's people
    /// with a working role (the public sees organizations and a count).
    SeeMeetingAttendees { region: &'a str },
    /// Setting the Musrenbang calendar of a region: its planners.
    SetMusrenbangCalendar { region: &'a str },
    /// Attaching a photo or document: its proposer until it is decided,
    /// and whoever acts on it now.
    AttachToProposal { p: ProposalRef<'a>, proposer: Uuid },
    /// Removing an attachment: who attached it, or a planner of the region.
    RemoveProposalFile { region: &'a str, uploader: Uuid },
    /// Merging a proposal into another, or splitting it: the kecamatan
    /// while it holds it, Bappeda's planners at kab/kota level.
    ReshapeProposal { p: ProposalRef<'a> },
    /// Removing a comment on a proposal of `region`: its author, or a
    /// planner of the region.
    RemoveProposalComment { region: &'a str, author: Uuid },
    /// Correcting one's own proposal (until it is verified).
    CorrectProposal {
        region: &'a str,
        proposer: Uuid,
        status: crate::domain::proposal::Status,
        /// Who it was sent as: the proposer must still be so.
        source: crate::domain::proposal::Source,
        org: Uuid,
    },
    /// Taking a step with a proposal at its current level.
    ActOnProposal {
        p: ProposalRef<'a>,
        step: crate::domain::proposal::Step,
    },
    /// Recording a kerja sama of the user's region, or managing one whose
    /// owner or partner regions (`regions`) include the user's.
    ManageKerjaSama { regions: &'a [String] },
    /// Keeping track of what changed in a region's plans since last seen
    /// (the DPRD members' reading list).
    TrackChanges { region: &'a str },
    /// Seeing who (by name) handled a proposal: the region's staff other
    /// than community members, and the proposer.
    SeeProposalHandlers { region: &'a str, proposer: Uuid },
    /// Seeing the possible duplicates of a proposal (Bappeda, who merges).
    SeeProposalDuplicates,
    /// Changing the record of a kerja sama itself (its fields and
    /// partners): the planners of the region that recorded it.
    EditKerjaSama { owner: &'a str },
    /// Linking or unlinking a plan item of `item_region` to a kerja sama of
    /// `regions`: a planner of a region involved, for its own items.
    LinkKerjaSamaItem {
        regions: &'a [String],
        item_region: &'a str,
    },
}

/// What an action is done to: each kind of resource has its module of
/// rules (`plan`, `comment`, `proposal`, `kerja_sama`, `admin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Plan,
    Comment,
    Proposal,
    KerjaSama,
    Account,
}

impl Action<'_> {
    /// Whether the action only reads (a page, a list, names on it).
    pub fn is_reading(&self) -> bool {
        matches!(
            self,
            Action::ViewHome
                | Action::ViewAdmin { .. }
                | Action::ViewPlan(_)
                | Action::SeeMeetingAttendees { .. }
                | Action::SeeProposalHandlers { .. }
                | Action::SeeProposalDuplicates
        )
    }

    pub fn resource(&self) -> Resource {
        match self {
            Action::MoveStage { .. }
            | Action::SetSchedule { .. }
            | Action::ViewPlan { .. }
            | Action::TrackPlan { .. }
            | Action::TrackChanges { .. }
            | Action::CreatePlan { .. }
            | Action::EditPlan { .. }
            | Action::RemovePlan { .. }
            | Action::RecordRealisasi { .. }
            | Action::EditItem { .. }
            | Action::AwaitsMyPenetapan { .. } => Resource::Plan,
            Action::Comment { .. }
            | Action::Moderate { .. }
            | Action::EditComment { .. }
            | Action::RemoveComment { .. } => Resource::Comment,
            Action::SubmitProposal { .. }
            | Action::CorrectProposal { .. }
            | Action::FollowProposal
            | Action::CommentOnProposal
            | Action::RemoveProposalComment { .. }
            | Action::ReshapeProposal { .. }
            | Action::AttachToProposal { .. }
            | Action::SetMusrenbangCalendar { .. }
            | Action::RecordMeeting { .. }
            | Action::SeeMeetingAttendees { .. }
            | Action::RemoveProposalFile { .. }
            | Action::ActOnProposal { .. }
            | Action::SeeProposalHandlers { .. }
            | Action::SeeProposalDuplicates { .. } => Resource::Proposal,
            Action::EditKerjaSama { .. }
            | Action::LinkKerjaSamaItem { .. }
            | Action::ManageKerjaSama { .. } => Resource::KerjaSama,
            Action::ViewHome { .. }
            | Action::ChangeOwnPassword { .. }
            | Action::ManageOwnAccount
            | Action::AskToJoin { .. }
            | Action::ViewAdmin { .. }
            | Action::ManageUsers { .. }
            | Action::ManageOrganizations { .. }
            | Action::ManageMemberships { .. }
            | Action::ResetSecondFactor { .. }
            | Action::SetUserPassword { .. }
            | Action::DeactivateUser { .. }
            | Action::ManageKamus { .. }
            | Action::ManageNomenclature { .. }
            | Action::DecideJoin { .. } => Resource::Account,
        }
    }
}

mod admin;
mod asked;
mod caps;
mod comment;
mod kerja_sama;
mod plan;
mod proposal;

pub use asked::{no_decision_needed, require_asked};
pub use caps::{PlanCaps, ProposalCaps, Proposer};

/// The roles this person may give in memberships (the choices of the
/// admin's forms): an admin of a region may give every role there.
pub fn assignable_roles(user: &CurrentUser) -> Vec<Role> {
    if user.has_role(Role::Admin) {
        Role::ALL.to_vec()
    } else {
        Vec::new()
    }
}

/// A request without a session meets "sign in first": that is a decision.
pub fn signed_out<E>(e: E) -> E {
    asked::mark();
    e
}

/// A part of a person's home page: the work of one role they hold, with
/// the organizations it is held for.
#[derive(Debug, Clone, PartialEq)]
pub enum Queue {
    Planner,
    Approver,
    /// A perangkat daerah's work, for the agencies held (not kecamatan).
    Agency(Vec<Uuid>),
    /// A kecamatan's work: ranking and forwarding its desa's proposals.
    Kecamatan(Vec<Uuid>),
    Village(Vec<Uuid>),
    Community,
    Reviewer,
    Admin,
}

/// The work queues of a person, one per role, in the roles' order.
pub fn queues(user: &CurrentUser) -> Vec<Queue> {
    // A kecamatan is a perangkat daerah whose area is a kecamatan.
    let at_kecamatan = |m: &&crate::store::sessions::SessionMembership| {
        m.wilayah_kode
            .as_deref()
            .is_some_and(crate::domain::region::is_kecamatan_kode)
    };
    let mut out = Vec::new();
    for r in user.roles() {
        match r {
            Role::Planner => out.push(Queue::Planner),
            Role::Approver => out.push(Queue::Approver),
            Role::Agency => {
                let (kec, pd): (Vec<_>, Vec<_>) = user
                    .memberships
                    .iter()
                    .filter(|m| m.role == Role::Agency)
                    .partition(at_kecamatan);
                if !pd.is_empty() {
                    out.push(Queue::Agency(
                        pd.iter().map(|m| m.organization_id).collect(),
                    ));
                }
                if !kec.is_empty() {
                    out.push(Queue::Kecamatan(
                        kec.iter().map(|m| m.organization_id).collect(),
                    ));
                }
            }
            Role::Village => out.push(Queue::Village(orgs_as(user, Role::Village).collect())),
            Role::Community => out.push(Queue::Community),
            Role::Reviewer => out.push(Queue::Reviewer),
            Role::Admin => out.push(Queue::Admin),
        }
    }
    out
}

/// Whether proposals can wait for this person at some level (desa,
/// kecamatan, perangkat daerah, kab/kota).
pub fn acts_on_proposals(user: &CurrentUser) -> bool {
    [Role::Planner, Role::Agency, Role::Village]
        .into_iter()
        .any(|r| user.has_role(r))
}

/// The person's memberships as a member of the public (lembaga, and the
/// region's "Warga terdaftar"); none means they cannot ask to join one.
pub fn public_memberships(user: &CurrentUser) -> Vec<&crate::store::sessions::SessionMembership> {
    user.memberships
        .iter()
        .filter(|m| m.role == Role::Community)
        .collect()
}

/// Why an action is refused, in words for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Denied(pub String);

fn admin_of(user: &CurrentUser, region: &str, what: &str) -> Result<(), Denied> {
    if !user.has_role(Role::Admin) {
        return Err(Denied(crate::i18n::tf!(
            "hanya-dapat-dilakukan-oleh-pengguna-dengan",
            what = what,
            a1 = user.username,
            a2 = user.roles_label()
        )));
    }
    same_region(
        user,
        region,
        &crate::i18n::tf!("data-ini-milik-wilayah-lain-sebagai", a1 = user.region_nama),
    )
}

/// The one region guard: the user belongs to the pemda `region`, or is
/// refused with `why`.
fn same_region(user: &CurrentUser, region: &str, why: &str) -> Result<(), Denied> {
    if user.region_kode == region {
        Ok(())
    } else {
        Err(Denied(why.into()))
    }
}

/// A plan of another region is refused in the same words everywhere.
fn plan_of_region(user: &CurrentUser, plan: &PlanRef<'_>) -> Result<(), Denied> {
    same_region(
        user,
        plan.region,
        crate::i18n::t("rencana-ini-milik-wilayah-lain"),
    )
}

/// The organizations in which the user holds `role`.
fn orgs_as(user: &CurrentUser, role: Role) -> impl Iterator<Item = Uuid> + '_ {
    user.memberships
        .iter()
        .filter(move |m| m.role == role)
        .map(|m| m.organization_id)
}

fn staff_of(user: &CurrentUser, region: &str) -> bool {
    user.region_kode == region
        && [
            Role::Admin,
            Role::Planner,
            Role::Approver,
            Role::Agency,
            Role::Reviewer,
            Role::Village,
        ]
        .into_iter()
        .any(|r| user.has_role(r))
}

fn not_enacted(plan: &PlanRef<'_>) -> Result<(), Denied> {
    if plan.stage.is_read_only() {
        return Err(Denied(
            crate::i18n::t("rencana-ini-sudah-ditetapkan-sehingga-hanya").into(),
        ));
    }
    Ok(())
}

/// Content may change: not enacted, and not waiting for penetapan (what
/// the approver enacts is what the approver read, so while the plan waits
/// its content is frozen for everyone).
fn content_open(plan: &PlanRef<'_>) -> Result<(), Denied> {
    not_enacted(plan)?;
    if plan.stage == Stage::MenungguPenetapan {
        return Err(Denied(
            crate::i18n::t("rencana-ini-sedang-menunggu-penetapan-sehingga").into(),
        ));
    }
    Ok(())
}

/// May the visitor read comments of this visibility on the plan? Public
/// comments go with the plan; internal ones stay with staff and DPRD.
pub fn can_see_comments(
    user: Option<&CurrentUser>,
    plan: PlanRef<'_>,
    visibility: Visibility,
) -> bool {
    can_view_plan(user, plan).is_ok()
        && match visibility {
            Visibility::Publik => true,
            Visibility::Internal => user.is_some_and(|u| staff_of(u, plan.region)),
        }
}

/// May the visitor read text of the plan `scope` describes? Every list of
/// linked things asks this of each plan it shows.
pub fn can_read(user: Option<&CurrentUser>, scope: &crate::domain::plan::PlanScope) -> bool {
    can_view_plan(user, scope_ref(scope)).is_ok()
}

/// A plan described by a scope, as the policy reads it (reading knows no
/// editing window).
fn scope_ref(scope: &crate::domain::plan::PlanScope) -> PlanRef<'_> {
    PlanRef {
        region: &scope.region_kode,
        kind: scope.kind,
        owner_org: scope.owner_org_id,
        stage: scope.stage,
        window: Window::Open,
    }
}

/// May the visitor read a comment of this visibility on the plan `scope`
/// describes? (Search results, like the page.)
pub fn can_read_comment(
    user: Option<&CurrentUser>,
    scope: &crate::domain::plan::PlanScope,
    visibility: Visibility,
) -> bool {
    can_see_comments(user, scope_ref(scope), visibility)
}

/// May the visitor (signed in or not) read the plan? (A reading: it does
/// not count as the decision a write must ask for.)
pub fn can_view_plan(user: Option<&CurrentUser>, plan: PlanRef<'_>) -> Result<(), Denied> {
    if plan.stage.is_public() {
        return Ok(());
    }
    match user {
        Some(u) if staff_of(u, plan.region) => Ok(()),
        Some(u) if u.region_kode != plan.region => Err(Denied(
            crate::i18n::t("rancangan-ini-milik-wilayah-lain-dan").into(),
        )),
        Some(_) => Err(Denied(
            crate::i18n::t("rancangan-ini-masih-dibahas-di-internal").into(),
        )),
        None => Err(Denied(
            crate::i18n::t("rancangan-ini-belum-dipublikasikan-silakan-masuk").into(),
        )),
    }
}

/// Editing happens only inside the current stage's schedule.
fn in_window(plan: &PlanRef<'_>) -> Result<(), Denied> {
    match plan.window {
        Window::Open => Ok(()),
        Window::NotYet(t) => Err(Denied(crate::i18n::tf!(
            "penyuntingan-tahap-terkunci-sampai-saat-jadwalnya",
            a1 = crate::i18n::label(plan.stage.label()),
            a2 = crate::format::waktu(t)
        ))),
        Window::Closed(t) => Err(Denied(crate::i18n::tf!(
            "penyuntingan-tahap-ditutup-sejak-perencana-dapat",
            a1 = crate::i18n::label(plan.stage.label()),
            a2 = crate::format::waktu(t)
        ))),
    }
}

fn may_edit_plan(user: &CurrentUser, plan: &PlanRef<'_>) -> Result<(), Denied> {
    plan_of_region(user, plan)?;
    content_open(plan)?;
    in_window(plan)?;
    if user.has_role(Role::Planner) && plan.kind.owner() != Owner::Desa {
        return Ok(());
    }
    let own = |role| {
        plan.owner_org
            .is_some_and(|o| orgs_as(user, role).any(|id| id == o))
    };
    match plan.kind.owner() {
        Owner::PerangkatDaerah if own(Role::Agency) => Ok(()),
        Owner::Desa if own(Role::Village) => Ok(()),
        Owner::Desa => Err(Denied(crate::i18n::tf!(
            "disusun-oleh-pemerintah-desanya-sendiri-hanya",
            a1 = crate::i18n::label(plan.kind.label())
        ))),
        _ => Err(Denied(crate::i18n::tf!(
            "mengubah-hanya-dapat-dilakukan-oleh-perencana",
            a1 = crate::i18n::label(plan.kind.label()),
            a2 = if plan.kind.owner() == Owner::PerangkatDaerah {
                format!(" {}", crate::i18n::t("atau-perangkat-daerah-pemiliknya"))
            } else {
                String::new()
            },
            a3 = user.roles_label()
        ))),
    }
}

pub fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    // Only a decision on a write answers "did this write ask?": a write
    // handler that checked readability alone still fails its tests.
    if !action.is_reading() {
        asked::mark();
    }
    match action.resource() {
        Resource::Plan => plan::can(user, action),
        Resource::Comment => comment::can(user, action),
        Resource::Proposal => proposal::can(user, action),
        Resource::KerjaSama => kerja_sama::can(user, action),
        Resource::Account => admin::can(user, action),
    }
}

/// `can`, as the error handlers return.
pub fn authorize(user: &CurrentUser, action: Action<'_>) -> Result<(), AppError> {
    can(user, action).map_err(|Denied(why)| AppError::Forbidden(why))
}

#[cfg(test)]
mod tests;
