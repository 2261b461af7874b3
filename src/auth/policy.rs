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

/// Why an action is refused, in words for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Denied(pub String);

fn admin_of(user: &CurrentUser, region: &str, what: &str) -> Result<(), Denied> {
    if !user.has_role(Role::Admin) {
        return Err(Denied(format!(
            "{what} hanya dapat dilakukan oleh pengguna dengan peran Administrator. Akun Anda ({}) memiliki peran: {}.",
            user.username,
            user.roles_label()
        )));
    }
    if user.region_kode != region {
        return Err(Denied(format!(
            "Data ini milik wilayah lain. Sebagai Administrator Anda hanya dapat mengelola {}.",
            user.region_nama
        )));
    }
    Ok(())
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
            "Rencana ini sudah ditetapkan, sehingga hanya dapat dibaca. Perubahan dilakukan melalui dokumen perubahan."
                .into(),
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
            "Rencana ini sedang menunggu penetapan, sehingga isinya dibekukan agar yang disetujui sama dengan yang dibaca pemberi persetujuan. Untuk mengubahnya, kembalikan dulu ke tahap sebelumnya."
                .into(),
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
    can_view_plan(
        user,
        PlanRef {
            region: &scope.region_kode,
            kind: scope.kind,
            owner_org: scope.owner_org_id,
            stage: scope.stage,
            window: Window::Open,
        },
    )
    .is_ok()
}

/// May the visitor (signed in or not) read the plan?
pub fn can_view_plan(user: Option<&CurrentUser>, plan: PlanRef<'_>) -> Result<(), Denied> {
    if plan.stage.is_public() {
        return Ok(());
    }
    match user {
        Some(u) if staff_of(u, plan.region) => Ok(()),
        Some(u) if u.region_kode != plan.region => Err(Denied(
            "Rancangan ini milik wilayah lain dan belum dipublikasikan.".into(),
        )),
        Some(_) => Err(Denied(
            "Rancangan ini masih dibahas di internal pemerintah daerah dan DPRD. Masyarakat dapat membacanya saat konsultasi publik dibuka atau setelah ditetapkan."
                .into(),
        )),
        None => Err(Denied(
            "Rancangan ini belum dipublikasikan. Silakan masuk bila Anda staf pemerintah daerah atau anggota DPRD.".into(),
        )),
    }
}

/// Editing happens only inside the current stage's schedule.
fn in_window(plan: &PlanRef<'_>) -> Result<(), Denied> {
    match plan.window {
        Window::Open => Ok(()),
        Window::NotYet(t) => Err(Denied(format!(
            "Penyuntingan tahap {} terkunci sampai {}, saat jadwalnya dibuka.",
            plan.stage.label(),
            crate::format::waktu(t)
        ))),
        Window::Closed(t) => Err(Denied(format!(
            "Penyuntingan tahap {} ditutup sejak {}. Perencana dapat memperpanjang jadwal atau melanjutkan ke tahap berikutnya.",
            plan.stage.label(),
            crate::format::waktu(t)
        ))),
    }
}

fn may_edit_plan(user: &CurrentUser, plan: &PlanRef<'_>) -> Result<(), Denied> {
    if user.region_kode != plan.region {
        return Err(Denied("Rencana ini milik wilayah lain.".into()));
    }
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
        Owner::Desa => Err(Denied(format!(
            "{} disusun oleh pemerintah desanya sendiri; hanya operator desa tersebut yang dapat mengubahnya.",
            plan.kind.label()
        ))),
        _ => Err(Denied(format!(
            "Mengubah {} hanya dapat dilakukan oleh perencana Bappeda{}. Peran Anda: {}.",
            plan.kind.label(),
            if plan.kind.owner() == Owner::PerangkatDaerah {
                " atau perangkat daerah pemiliknya"
            } else {
                ""
            },
            user.roles_label()
        ))),
    }
}

pub fn can(user: &CurrentUser, action: Action<'_>) -> Result<(), Denied> {
    match action {
        Action::MoveStage {
            plan,
            mv,
            requested_by,
        } => {
            if user.region_kode != plan.region {
                return Err(Denied("Rencana ini milik wilayah lain.".into()));
            }
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
                        Err(Denied(format!(
                            "Melanjutkan tahapan hanya dapat dilakukan oleh perencana Bappeda{}. Peran Anda: {}.",
                            if plan.kind.owner() == Owner::Desa {
                                " atau operator desa pemilik dokumen"
                            } else {
                                ""
                            },
                            user.roles_label()
                        )))
                    }
                }
                Move::Penetapan | Move::Kembali => {
                    if !user.has_role(Role::Approver) {
                        return Err(Denied(format!(
                            "Menyetujui penetapan atau mengembalikan rencana hanya dapat dilakukan oleh pemberi persetujuan (kepala Bappeda atau yang diberi kuasa). Peran Anda: {}.",
                            user.roles_label()
                        )));
                    }
                    if mv == Move::Penetapan {
                        stage::check_four_eyes(user.id, requested_by).map_err(Denied)?;
                    }
                    Ok(())
                }
            }
        }
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
        Action::Moderate(plan) => {
            if user.region_kode == plan.region && user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied("Moderasi dan tindak lanjut komentar dilakukan oleh perencana Bappeda wilayah ini.".into()))
            }
        }
        Action::SetSchedule(plan) => {
            if user.region_kode != plan.region {
                return Err(Denied("Rencana ini milik wilayah lain.".into()));
            }
            not_enacted(&plan)?;
            if user.has_role(Role::Planner) || user.has_role(Role::Admin) {
                Ok(())
            } else {
                Err(Denied(
                    "Jadwal tahapan diatur oleh perencana Bappeda atau admin.".into(),
                ))
            }
        }
        Action::ManageKamus { region } => admin_of(user, region, "Mengelola kamus usulan"),
        Action::DecideJoin { region, org } => {
            let lead = user
                .memberships
                .iter()
                .any(|m| m.lead && m.organization_id == org);
            if user.region_kode == region && (user.has_role(Role::Planner) || lead) {
                Ok(())
            } else {
                Err(Denied(
                    "Permintaan bergabung diputuskan oleh perencana Bappeda wilayah ini atau pengurus lembaga itu sendiri."
                        .into(),
                ))
            }
        }
        Action::ManageNomenclature { region } => admin_of(user, region, "Mengelola nomenklatur"),
        Action::ViewPlan(plan) => can_view_plan(Some(user), plan),
        Action::TrackChanges { region } => {
            if user.region_kode == region && user.has_role(Role::Reviewer) {
                Ok(())
            } else {
                Err(Denied("Daftar perubahan sejak terakhir dibaca disediakan untuk anggota DPRD wilayah ini.".into()))
            }
        }
        Action::SeeProposalHandlers { region, proposer } => {
            if (user.region_kode == region && !user.has_role(Role::Community)) || user.id == proposer {
                Ok(())
            } else {
                Err(Denied("Nama petugas yang memproses usulan hanya terlihat oleh staf wilayah ini dan pengusulnya.".into()))
            }
        }
        Action::SeeProposalDuplicates => {
            if user.has_role(Role::Planner) {
                Ok(())
            } else {
                Err(Denied("Kemungkinan usulan ganda diperiksa oleh perencana Bappeda.".into()))
            }
        }
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
        Action::CreatePlan {
            region,
            kind,
            owner_org,
        } => {
            if user.region_kode != region {
                return Err(Denied(
                    "Anda hanya dapat membuat rencana untuk wilayah Anda sendiri.".into(),
                ));
            }
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
                    Owner::Pemda => format!(
                        "Membuat {} hanya dapat dilakukan oleh perencana Bappeda.",
                        kind.label()
                    ),
                    Owner::PerangkatDaerah => format!(
                        "{} dibuat oleh perencana Bappeda atau oleh perangkat daerah untuk organisasinya sendiri.",
                        kind.label()
                    ),
                    Owner::Desa => format!(
                        "{} dibuat oleh operator desa untuk desanya sendiri.",
                        kind.label()
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
                Err(Denied(format!(
                    "Rencana hanya dapat dihapus selama masih pada tahap {}; setelah itu isinya dihapus per bagian.",
                    plan.kind.first_stage().label().to_lowercase()
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
            if user.region_kode != plan.region {
                return Err(Denied("Rencana ini milik wilayah lain.".into()));
            }
            let planner = user.has_role(Role::Planner) && plan.kind.owner() != Owner::Desa;
            let theirs = responsible.is_some_and(|r| orgs_as(user, Role::Agency).any(|id| id == r));
            let village = plan.kind.owner() == Owner::Desa
                && plan
                    .owner_org
                    .is_some_and(|o| orgs_as(user, Role::Village).any(|id| id == o));
            if planner || theirs || village {
                Ok(())
            } else {
                Err(Denied("Realisasi rencana yang sudah ditetapkan dicatat oleh perencana Bappeda atau perangkat daerah penanggung jawab itemnya.".into()))
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
            if user.region_kode != plan.region {
                return Err(Denied("Rencana ini milik wilayah lain.".into()));
            }
            content_open(&plan)?;
            in_window(&plan)?;
            let theirs = responsible.is_some_and(|r| orgs_as(user, Role::Agency).any(|id| id == r));
            if theirs && level.is_budgeted() {
                return Ok(());
            }
            Err(Denied(if user.has_role(Role::Agency) {
                "Item ini bukan tanggung jawab perangkat daerah Anda. Anda hanya dapat mengubah program, kegiatan dan sub kegiatan (beserta indikator, target dan pagunya) yang menjadi tanggung jawab organisasi Anda."
                    .to_string()
            } else {
                format!(
                    "Mengubah item rencana ini hanya dapat dilakukan oleh perencana Bappeda atau perangkat daerah penanggung jawabnya. Peran Anda: {}.",
                    user.roles_label()
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
                Err(Denied("Rencana ini tidak menunggu penetapan Anda.".into()))
            }
        }
        Action::EditComment { author, editable } => {
            if author != user.id {
                return Err(Denied("Hanya penulis yang dapat mengubah komentarnya.".into()));
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
        Action::ViewHome | Action::ChangeOwnPassword => Ok(()),
        Action::ViewAdmin { region } => admin_of(user, region, "Membuka halaman admin"),
        Action::ManageUsers { region } => admin_of(user, region, "Mengelola pengguna"),
        Action::ManageOrganizations { region } => admin_of(user, region, "Mengelola organisasi"),
        Action::ManageMemberships { region, target } => {
            admin_of(user, region, "Mengelola keanggotaan")?;
            if target == Some(user.id) {
                return Err(Denied(
                    "Anda tidak dapat mengubah peran atau keanggotaan akun Anda sendiri. Minta administrator lain melakukannya."
                        .into(),
                ));
            }
            Ok(())
        }
        Action::ResetSecondFactor {
            region,
            target,
            took_password,
        } => {
            admin_of(user, region, "Mengatur ulang verifikasi dua langkah")?;
            if target == user.id {
                return Err(Denied(
                    "Anda tidak dapat mengatur ulang verifikasi dua langkah akun Anda sendiri. Minta administrator lain melakukannya."
                        .into(),
                ));
            }
            // Both the password and the second factor of one account, by
            // one admin, would let that admin sign in as its owner (an
            // approver, say, which SPEC keeps from admins): four eyes.
            if took_password {
                return Err(Denied(
                    "Anda baru saja menetapkan kata sandi akun ini. Agar tidak ada satu administrator yang dapat mengambil alih sebuah akun, verifikasi dua langkahnya diatur ulang oleh administrator lain."
                        .into(),
                ));
            }
            Ok(())
        }
        Action::SetUserPassword {
            region,
            target: _,
            took_factor,
        } => {
            admin_of(user, region, "Menetapkan kata sandi pengguna")?;
            if took_factor {
                return Err(Denied(
                    "Anda baru saja mengatur ulang verifikasi dua langkah akun ini. Agar tidak ada satu administrator yang dapat mengambil alih sebuah akun, kata sandinya ditetapkan oleh administrator lain."
                        .into(),
                ));
            }
            Ok(())
        }
        Action::DeactivateUser { region, target } => {
            admin_of(user, region, "Menonaktifkan pengguna")?;
            if target == user.id {
                return Err(Denied(
                    "Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator lain bila akun ini memang harus dinonaktifkan."
                        .into(),
                ));
            }
            Ok(())
        }
    }
}

/// `can`, as the error handlers return.
pub fn authorize(user: &CurrentUser, action: Action<'_>) -> Result<(), AppError> {
    can(user, action).map_err(|Denied(why)| AppError::Forbidden(why))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::OrgKind;
    use crate::store::sessions::SessionMembership;

    fn user(region: &str, roles: &[Role]) -> CurrentUser {
        CurrentUser {
            id: Uuid::now_v7(),
            username: "uji".into(),
            full_name: "Pengguna Uji".into(),
            region_kode: region.into(),
            region_nama: "Kota Magelang".into(),
            province_nama: None,
            memberships: roles
                .iter()
                .map(|r| SessionMembership {
                    organization_id: Uuid::nil(),
                    organization_name: "Bapperida".into(),
                    organization_kind: OrgKind::Bappeda,
                    wilayah_kode: None,
                    role: *r,
                    lead: false,
                })
                .collect(),
            session_hash: vec![],
            unread: 0,
        }
    }

    /// Role × action × situation. Only an admin of the same pemda manages
    /// it; every other role, and an admin of another pemda, is refused.
    #[test]
    fn the_admin_table() {
        let other = Uuid::now_v7();
        for role in Role::ALL {
            let u = user("33.71", &[role]);
            let is_admin = role == Role::Admin;
            let actions = [
                Action::ViewAdmin { region: "33.71" },
                Action::ManageUsers { region: "33.71" },
                Action::ManageOrganizations { region: "33.71" },
                Action::ManageMemberships {
                    region: "33.71",
                    target: Some(other),
                },
                Action::DeactivateUser {
                    region: "33.71",
                    target: other,
                },
            ];
            for a in actions {
                assert_eq!(can(&u, a).is_ok(), is_admin, "{role:?} {a:?}");
                let elsewhere = match a {
                    Action::ViewAdmin { .. } => Action::ViewAdmin { region: "35.05" },
                    Action::ManageUsers { .. } => Action::ManageUsers { region: "35.05" },
                    Action::ManageOrganizations { .. } => {
                        Action::ManageOrganizations { region: "35.05" }
                    }
                    Action::ManageMemberships { .. } => Action::ManageMemberships {
                        region: "35.05",
                        target: Some(other),
                    },
                    _ => Action::DeactivateUser {
                        region: "35.05",
                        target: other,
                    },
                };
                assert!(
                    can(&u, elsewhere).is_err(),
                    "{role:?} in another region: {elsewhere:?}"
                );
            }
            assert!(can(&u, Action::ViewHome).is_ok());
            assert!(can(&u, Action::ChangeOwnPassword).is_ok());
            // Nobody, an admin included, changes their own roles.
            assert!(
                can(
                    &u,
                    Action::ManageMemberships {
                        region: "33.71",
                        target: Some(u.id),
                    }
                )
                .is_err()
            );
        }
    }

    /// Own comments: the author edits while editable and removes any
    /// time; others remove only as moderators (planners of the region).
    #[test]
    fn the_comment_table() {
        let plan = PlanRef {
            region: "33.71",
            kind: PlanKind::Rkpd,
            owner_org: None,
            stage: Stage::KonsultasiPublik,
            window: Window::Open,
        };
        for role in Role::ALL {
            let u = user("33.71", &[role]);
            let other = Uuid::now_v7();
            assert!(
                can(
                    &u,
                    Action::EditComment {
                        author: u.id,
                        editable: true
                    }
                )
                .is_ok()
            );
            assert!(
                can(
                    &u,
                    Action::EditComment {
                        author: u.id,
                        editable: false
                    }
                )
                .is_err()
            );
            assert!(
                can(
                    &u,
                    Action::EditComment {
                        author: other,
                        editable: true
                    }
                )
                .is_err()
            );
            assert!(can(&u, Action::RemoveComment { plan, author: u.id }).is_ok());
            assert_eq!(
                can(
                    &u,
                    Action::RemoveComment {
                        plan,
                        author: other
                    }
                )
                .is_ok(),
                can(&u, Action::Moderate(plan)).is_ok(),
                "{role:?}"
            );
        }
        let planner = user("33.71", &[Role::Planner]);
        assert!(
            can(
                &planner,
                Action::RemoveComment {
                    plan,
                    author: Uuid::now_v7()
                }
            )
            .is_ok()
        );
        let pkk = user("33.71", &[Role::Community]);
        assert!(
            can(
                &pkk,
                Action::RemoveComment {
                    plan,
                    author: Uuid::now_v7()
                }
            )
            .is_err()
        );
    }

    /// What some roles see more of: DPRD their changes list, staff the
    /// names behind a proposal's steps, Bappeda the possible duplicates.
    #[test]
    fn the_reading_extras_table() {
        for role in Role::ALL {
            let u = user("33.71", &[role]);
            assert_eq!(
                can(&u, Action::TrackChanges { region: "33.71" }).is_ok(),
                role == Role::Reviewer,
                "{role:?}"
            );
            assert!(can(&u, Action::TrackChanges { region: "35.05" }).is_err());
            let other = Uuid::now_v7();
            assert_eq!(
                can(
                    &u,
                    Action::SeeProposalHandlers {
                        region: "33.71",
                        proposer: other
                    }
                )
                .is_ok(),
                role != Role::Community,
                "{role:?}"
            );
            assert!(
                can(
                    &u,
                    Action::SeeProposalHandlers {
                        region: "35.05",
                        proposer: u.id
                    }
                )
                .is_ok(),
                "the proposer"
            );
            assert!(
                can(
                    &u,
                    Action::SeeProposalHandlers {
                        region: "35.05",
                        proposer: other
                    }
                )
                .is_err()
            );
            assert_eq!(
                can(&u, Action::SeeProposalDuplicates).is_ok(),
                role == Role::Planner,
                "{role:?}"
            );
        }
    }

    /// Kerja sama: the recording region edits the record; each region
    /// links only its own items.
    #[test]
    fn the_kerja_sama_record_and_item_table() {
        let regions = vec!["33.71".to_string(), "33.08".to_string()];
        for role in Role::ALL {
            for region in ["33.71", "33.08", "35.05"] {
                let u = user(region, &[role]);
                let planner = role == Role::Planner;
                assert_eq!(
                    can(&u, Action::EditKerjaSama { owner: "33.71" }).is_ok(),
                    planner && region == "33.71",
                    "{role:?} {region}"
                );
                for item_region in ["33.71", "33.08"] {
                    assert_eq!(
                        can(
                            &u,
                            Action::LinkKerjaSamaItem {
                                regions: &regions,
                                item_region
                            }
                        )
                        .is_ok(),
                        planner && region == item_region,
                        "{role:?} {region} item of {item_region}"
                    );
                }
            }
        }
    }

    /// Kerja sama: planners of the owner or a partner region only.
    #[test]
    fn the_kerja_sama_table() {
        let regions = vec!["33.71".to_string(), "33.08".to_string()];
        for role in Role::ALL {
            for (region, partner) in [("33.71", true), ("33.08", true), ("35.05", false)] {
                let u = user(region, &[role]);
                let ok = can(&u, Action::ManageKerjaSama { regions: &regions }).is_ok();
                assert_eq!(ok, role == Role::Planner && partner, "{role:?} in {region}");
            }
        }
    }

    #[test]
    fn a_user_without_roles_may_only_see_home() {
        let u = user("33.71", &[]);
        assert!(can(&u, Action::ViewHome).is_ok());
        let Denied(why) = can(&u, Action::ViewAdmin { region: "33.71" }).unwrap_err();
        assert!(why.contains("Administrator"), "{why}");
        assert!(why.contains("belum ada peran"), "{why}");
    }

    #[test]
    fn an_admin_cannot_deactivate_themselves() {
        let u = user("33.71", &[Role::Admin]);
        let Denied(why) = can(
            &u,
            Action::DeactivateUser {
                region: "33.71",
                target: u.id,
            },
        )
        .unwrap_err();
        assert!(why.contains("akun Anda sendiri"));
    }

    fn member(region: &str, role: Role, org: Uuid) -> CurrentUser {
        let mut u = user(region, &[role]);
        u.memberships[0].organization_id = org;
        u
    }

    /// Once a plan is enacted its targets stay, but realisasi arrives: the
    /// planners and the responsible agency record it, nobody else.
    #[test]
    fn realisasi_of_an_enacted_plan() {
        let dinkes = Uuid::now_v7();
        let disdik = Uuid::now_v7();
        let enacted = PlanRef {
            region: "33.71",
            kind: PlanKind::Rpjmd,
            owner_org: None,
            stage: Stage::Ditetapkan,
            window: Window::Open,
        };
        let record = |plan| Action::RecordRealisasi {
            plan,
            responsible: Some(dinkes),
            level: Level::Program,
        };
        let edit = Action::EditItem {
            plan: enacted,
            responsible: Some(dinkes),
            level: Level::Program,
        };
        let planner = member("33.71", Role::Planner, Uuid::nil());
        assert!(can(&planner, record(enacted)).is_ok());
        assert!(can(&planner, edit).is_err(), "targets stay as enacted");
        assert!(can(&member("33.71", Role::Agency, dinkes), record(enacted)).is_ok());
        assert!(can(&member("33.71", Role::Agency, disdik), record(enacted)).is_err());
        assert!(
            can(
                &member("33.71", Role::Reviewer, Uuid::nil()),
                record(enacted)
            )
            .is_err()
        );
        assert!(
            can(
                &member("35.05", Role::Planner, Uuid::nil()),
                record(enacted)
            )
            .is_err()
        );
        // Waiting for penetapan, everything is frozen, realisasi too.
        let frozen = PlanRef {
            stage: Stage::MenungguPenetapan,
            ..enacted
        };
        assert!(can(&planner, record(frozen)).is_err());
    }

    /// Role × plan action × situation, for a draft RPJMD of Kota Magelang,
    /// a program of Dinkes in it, and the Dinkes Renja.
    #[test]
    fn the_plan_table() {
        let dinkes = Uuid::now_v7();
        let disdik = Uuid::now_v7();
        let desa = Uuid::now_v7();
        let rpjmd = PlanRef {
            region: "33.71",
            kind: PlanKind::Rpjmd,
            owner_org: None,
            stage: Stage::RancanganAwal,
            window: Window::Open,
        };
        let renja = PlanRef {
            region: "33.71",
            kind: PlanKind::Renja,
            owner_org: Some(dinkes),
            stage: Stage::Rancangan,
            window: Window::Open,
        };
        let rkpdes = PlanRef {
            region: "33.71",
            kind: PlanKind::Rkpdes,
            owner_org: Some(desa),
            stage: Stage::RancanganAwal,
            window: Window::Open,
        };
        let program = |plan| Action::EditItem {
            plan,
            responsible: Some(dinkes),
            level: Level::Program,
        };
        let sasaran = Action::EditItem {
            plan: rpjmd,
            responsible: None,
            level: Level::Sasaran,
        };
        // (who, view draft, edit plan, edit Dinkes program, edit sasaran, edit own Renja, edit RKPDes)
        let table: [(CurrentUser, [bool; 6]); 8] = [
            (
                member("33.71", Role::Planner, Uuid::nil()),
                [true, true, true, true, true, false],
            ),
            (
                member("33.71", Role::Agency, dinkes),
                [true, false, true, false, true, false],
            ),
            (
                member("33.71", Role::Agency, disdik),
                [true, false, false, false, false, false],
            ),
            (
                member("33.71", Role::Approver, Uuid::nil()),
                [true, false, false, false, false, false],
            ),
            (
                member("33.71", Role::Reviewer, Uuid::nil()),
                [true, false, false, false, false, false],
            ),
            (
                member("33.71", Role::Village, desa),
                [true, false, false, false, false, true],
            ),
            (
                member("33.71", Role::Community, Uuid::nil()),
                [false, false, false, false, false, false],
            ),
            (
                member("35.05", Role::Planner, Uuid::nil()),
                [false, false, false, false, false, false],
            ),
        ];
        for (u, want) in table {
            let got = [
                can(&u, Action::ViewPlan(rpjmd)).is_ok(),
                can(&u, Action::EditPlan(rpjmd)).is_ok(),
                can(&u, program(rpjmd)).is_ok(),
                can(&u, sasaran).is_ok(),
                can(&u, Action::EditPlan(renja)).is_ok(),
                can(&u, Action::EditPlan(rkpdes)).is_ok(),
            ];
            assert_eq!(got, want, "{:?} of {}", u.roles(), u.region_kode);
        }
    }

    #[test]
    fn enacted_plans_are_read_only_and_public() {
        let enacted = PlanRef {
            region: "33.71",
            kind: PlanKind::Rpjmd,
            owner_org: None,
            stage: Stage::Ditetapkan,
            window: Window::Open,
        };
        let planner = user("33.71", &[Role::Planner]);
        let Denied(why) = can(&planner, Action::EditPlan(enacted)).unwrap_err();
        assert!(why.contains("sudah ditetapkan"));
        assert!(can_view_plan(None, enacted).is_ok());
        let consult = PlanRef {
            stage: Stage::KonsultasiPublik,
            ..enacted
        };
        assert!(can_view_plan(None, consult).is_ok());
        let draft = PlanRef {
            stage: Stage::Rancangan,
            ..enacted
        };
        assert!(can_view_plan(None, draft).is_err());
    }

    #[test]
    fn who_creates_which_plan() {
        let dinkes = Uuid::now_v7();
        let planner = user("33.71", &[Role::Planner]);
        let agency = member("33.71", Role::Agency, dinkes);
        let create = |kind, owner_org| Action::CreatePlan {
            region: "33.71",
            kind,
            owner_org,
        };
        assert!(can(&planner, create(PlanKind::Rpjmd, None)).is_ok());
        assert!(
            can(&planner, create(PlanKind::Rpjmdes, None)).is_err(),
            "village plans are the village's"
        );
        assert!(can(&agency, create(PlanKind::Renja, Some(dinkes))).is_ok());
        assert!(can(&agency, create(PlanKind::Renja, Some(Uuid::now_v7()))).is_err());
        assert!(can(&agency, create(PlanKind::Rkpd, None)).is_err());
        assert!(
            can(
                &planner,
                Action::CreatePlan {
                    region: "35.05",
                    kind: PlanKind::Rpjmd,
                    owner_org: None
                }
            )
            .is_err()
        );
    }

    /// Who may take which step with a proposal located in Rejowinangun
    /// Utara, for each status: the kelurahan, then its kecamatan, then the
    /// responsible agency, then Bappeda.
    #[test]
    fn the_proposal_table() {
        use crate::domain::proposal::{Status, Step};
        let (kel, kec, dpupr, other) = (
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
        );
        let at = |role, org, wilayah: Option<&str>| {
            let mut u = member("33.71", role, org);
            u.memberships[0].wilayah_kode = wilayah.map(str::to_string);
            u
        };
        let kelurahan = at(Role::Village, kel, Some("33.71.03.1003"));
        let kecamatan = at(Role::Agency, kec, Some("33.71.03"));
        let agency = at(Role::Agency, dpupr, None);
        let other_agency = at(Role::Agency, other, None);
        let planner = at(Role::Planner, Uuid::nil(), None);
        let blitar = {
            let mut u = at(Role::Planner, Uuid::nil(), None);
            u.region_kode = "35.05".into();
            u
        };
        let p = |status| ProposalRef {
            region: "33.71",
            status,
            wilayah: "33.71.03.1003",
            responsible: Some(dpupr),
        };
        let table = [
            (
                Status::Diajukan,
                Step::Teruskan,
                [true, false, false, false, false, false],
            ),
            (
                Status::Diajukan,
                Step::Tolak,
                [true, false, false, false, false, false],
            ),
            (
                Status::DiteruskanKecamatan,
                Step::Teruskan,
                [false, true, false, false, false, false],
            ),
            (
                Status::DiteruskanKabkota,
                Step::Verifikasi,
                [false, false, true, false, false, false],
            ),
            (
                Status::DiteruskanKabkota,
                Step::Akomodir,
                [false, false, false, false, false, false],
            ),
            (
                Status::Diverifikasi,
                Step::Akomodir,
                [false, false, false, false, true, false],
            ),
            (
                Status::Diverifikasi,
                Step::Tunda,
                [false, false, false, false, true, false],
            ),
            (
                Status::Diverifikasi,
                Step::Tolak,
                [false, false, false, false, true, false],
            ),
            (
                Status::Diakomodir,
                Step::Tolak,
                [false, false, false, false, false, false],
            ),
        ];
        for (status, step, want) in table {
            let got = [
                &kelurahan,
                &kecamatan,
                &agency,
                &other_agency,
                &planner,
                &blitar,
            ]
            .map(|u| can(u, Action::ActOnProposal { p: p(status), step }).is_ok());
            assert_eq!(got, want, "{status:?} {step:?}");
        }
    }
}
