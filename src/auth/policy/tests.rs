//! Role × action × situation, for every rule of the policy.

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

/// Anyone signed in comments on a proposal; a comment is removed by its
/// author or by a planner of the proposal's region, nobody else.
#[test]
fn proposal_comments_table() {
    for role in Role::ALL {
        let u = user("33.71", &[role]);
        assert!(can(&u, Action::CommentOnProposal).is_ok());
        let own = Action::RemoveProposalComment {
            region: "33.71",
            author: u.id,
        };
        assert!(can(&u, own).is_ok(), "{role:?} removes their own");
        let others = Action::RemoveProposalComment {
            region: "33.71",
            author: Uuid::now_v7(),
        };
        assert_eq!(can(&u, others).is_ok(), role == Role::Planner, "{role:?}");
    }
    let planner_elsewhere = user("35.05", &[Role::Planner]);
    let others = Action::RemoveProposalComment {
        region: "33.71",
        author: Uuid::now_v7(),
    };
    assert!(can(&planner_elsewhere, others).is_err());
}

/// Merging and splitting: the kecamatan while it holds the proposal,
/// Bappeda's planners at kab/kota level, nobody once it is decided.
#[test]
fn reshaping_proposals_table() {
    use crate::domain::proposal::Status as S;
    let kec = Uuid::now_v7();
    let mut kecamatan = member("33.71", Role::Agency, kec);
    kecamatan.memberships[0].wilayah_kode = Some("33.71.03".into());
    let planner = user("33.71", &[Role::Planner]);
    let village = user("33.71", &[Role::Village]);
    let far_planner = user("35.05", &[Role::Planner]);
    for status in S::ALL {
        let p = ProposalRef {
            region: "33.71",
            status,
            wilayah: "33.71.03.1003",
            responsible: None,
        };
        let may = |u: &CurrentUser| can(u, Action::ReshapeProposal { p }).is_ok();
        assert_eq!(
            may(&kecamatan),
            status == S::DiteruskanKecamatan,
            "{status:?}"
        );
        assert_eq!(
            may(&planner),
            matches!(status, S::DiteruskanKabkota | S::Diverifikasi),
            "{status:?}"
        );
        assert!(!may(&village) && !may(&far_planner), "{status:?}");
    }
}

/// Attachments: the proposer until the proposal is decided, and the level
/// acting on it now; removed by who attached it or a planner.
#[test]
fn proposal_files_table() {
    use crate::domain::proposal::Status as S;
    let village = user("33.71", &[Role::Village]);
    let mut operator = village.clone();
    operator.memberships[0].wilayah_kode = Some("33.71.03.1003".into());
    let stranger = user("33.71", &[Role::Community]);
    for status in S::ALL {
        let p = ProposalRef {
            region: "33.71",
            status,
            wilayah: "33.71.03.1003",
            responsible: None,
        };
        let attach =
            |u: &CurrentUser, proposer| can(u, Action::AttachToProposal { p, proposer }).is_ok();
        assert_eq!(
            attach(&village, village.id),
            !status.is_final(),
            "{status:?}"
        );
        assert_eq!(
            attach(&operator, Uuid::now_v7()),
            status == S::Diajukan,
            "{status:?}"
        );
        assert!(!attach(&stranger, Uuid::now_v7()), "{status:?}");
    }
    let planner = user("33.71", &[Role::Planner]);
    let remove = |u: &CurrentUser, uploader| {
        can(
            u,
            Action::RemoveProposalFile {
                region: "33.71",
                uploader,
            },
        )
        .is_ok()
    };
    assert!(remove(&stranger, stranger.id) && remove(&planner, Uuid::now_v7()));
    assert!(!remove(&stranger, Uuid::now_v7()));
    assert!(!remove(&user("35.05", &[Role::Planner]), Uuid::now_v7()));
}

/// A page's capability set says what the policy says, action by action,
/// for every role and stage; a visitor and another region's people may
/// do nothing.
#[test]
fn plan_caps_agree_with_the_policy() {
    let org = Uuid::now_v7();
    let duties = [(Some(org), Level::SubKegiatan), (None, Level::Program)];
    for stage in [
        Stage::Rancangan,
        Stage::MenungguPenetapan,
        Stage::Ditetapkan,
    ] {
        let plan = PlanRef {
            region: "33.71",
            kind: PlanKind::Rkpd,
            owner_org: None,
            stage,
            window: Window::Open,
        };
        assert_eq!(PlanCaps::of(None, plan, &duties, None), PlanCaps::default());
        for role in Role::ALL {
            let u = user("33.71", &[role]);
            let caps = PlanCaps::of(Some(&u), plan, &duties, None);
            let may = |a| can(&u, a).is_ok();
            let moves = |mv| {
                may(Action::MoveStage {
                    plan,
                    mv,
                    requested_by: None,
                })
            };
            assert_eq!(caps.edit, may(Action::EditPlan(plan)), "{role:?} {stage:?}");
            assert_eq!(caps.remove, may(Action::RemovePlan(plan)));
            assert_eq!(caps.set_schedule, may(Action::SetSchedule(plan)));
            assert_eq!(
                caps.track_changes,
                may(Action::TrackChanges { region: "33.71" })
            );
            assert_eq!(caps.advance, moves(Move::Maju));
            assert_eq!(caps.enact, moves(Move::Penetapan));
            assert_eq!(caps.send_back, moves(Move::Kembali));
            let realisasi = duties.iter().any(|(responsible, level)| {
                may(Action::RecordRealisasi {
                    plan,
                    responsible: *responsible,
                    level: *level,
                })
            });
            assert_eq!(caps.record_realisasi, realisasi, "{role:?} {stage:?}");
            let elsewhere = user("35.05", &[role]);
            assert_eq!(
                PlanCaps::of(Some(&elsewhere), plan, &duties, None),
                PlanCaps::default(),
                "{role:?} of another region"
            );
        }
    }
    let draft = PlanRef {
        region: "33.71",
        kind: PlanKind::Rkpd,
        owner_org: None,
        stage: Stage::Rancangan,
        window: Window::Open,
    };
    let planner = PlanCaps::of(Some(&user("33.71", &[Role::Planner])), draft, &duties, None);
    assert!(planner.edit && planner.advance && !planner.enact);
    let dprd = PlanCaps::of(
        Some(&user("33.71", &[Role::Reviewer])),
        draft,
        &duties,
        None,
    );
    assert!(dprd.track_changes && !dprd.edit && !dprd.advance);
    let enacted = PlanRef {
        stage: Stage::Ditetapkan,
        ..draft
    };
    let planner = PlanCaps::of(
        Some(&user("33.71", &[Role::Planner])),
        enacted,
        &duties,
        None,
    );
    assert!(!planner.edit && !planner.advance);
}

/// A proposal page's capabilities ask the policy what its buttons used
/// to, for every status and for the people around a proposal; a visitor
/// and another region's planner get nothing.
#[test]
fn proposal_caps_agree_with_the_policy() {
    use crate::domain::proposal::{Source, Status, Step};
    let (kel, kec, dpupr) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let at = |role, org, wilayah: Option<&str>| {
        let mut u = member("33.71", role, org);
        u.memberships[0].wilayah_kode = wilayah.map(str::to_string);
        u
    };
    let kelurahan = at(Role::Village, kel, Some("33.71.03.1003"));
    let proposer = Proposer {
        id: kelurahan.id,
        org: kel,
        source: Source::Musrenbang,
    };
    let people = [
        kelurahan.clone(),
        at(Role::Agency, kec, Some("33.71.03")),
        at(Role::Agency, dpupr, None),
        at(Role::Planner, Uuid::nil(), None),
        at(Role::Reviewer, Uuid::nil(), None),
    ];
    let mut blitar = at(Role::Planner, Uuid::nil(), None);
    blitar.region_kode = "35.05".into();
    for status in Status::ALL {
        let p = ProposalRef {
            region: "33.71",
            status,
            wilayah: "33.71.03.1003",
            responsible: Some(dpupr),
        };
        assert_eq!(ProposalCaps::of(None, p, proposer), ProposalCaps::default());
        assert_eq!(
            ProposalCaps::of(Some(&blitar), p, proposer),
            ProposalCaps {
                see_duplicates: can(&blitar, Action::SeeProposalDuplicates).is_ok(),
                ..ProposalCaps::default()
            },
            "another region's planner, {status:?}"
        );
        for u in &people {
            let caps = ProposalCaps::of(Some(u), p, proposer);
            let may = |a| can(u, a).is_ok();
            for step in ProposalCaps::STEPS {
                assert_eq!(
                    caps.steps.contains(&step),
                    may(Action::ActOnProposal { p, step }),
                    "{:?} {status:?} {step:?}",
                    u.roles()
                );
            }
            assert_eq!(caps.reshape, may(Action::ReshapeProposal { p }));
            assert_eq!(
                caps.attach,
                may(Action::AttachToProposal {
                    p,
                    proposer: proposer.id
                })
            );
            assert_eq!(
                caps.correct,
                may(Action::CorrectProposal {
                    region: "33.71",
                    proposer: proposer.id,
                    status,
                    source: Source::Musrenbang,
                    org: kel,
                })
            );
            assert_eq!(
                caps.see_handlers,
                may(Action::SeeProposalHandlers {
                    region: "33.71",
                    proposer: proposer.id
                })
            );
        }
    }
    // Concretely: the kelurahan forwards and ranks what waits in the desa
    // and corrects its own; the kecamatan ranks at its level.
    let waiting = ProposalRef {
        region: "33.71",
        status: Status::Diajukan,
        wilayah: "33.71.03.1003",
        responsible: Some(dpupr),
    };
    let own = ProposalCaps::of(Some(&kelurahan), waiting, proposer);
    assert_eq!(own.rank, Some(false));
    assert!(own.steps.contains(&Step::Teruskan) && own.correct);
    let at_kecamatan = ProposalRef {
        status: Status::DiteruskanKecamatan,
        ..waiting
    };
    let kecamatan = ProposalCaps::of(Some(&people[1]), at_kecamatan, proposer);
    assert_eq!(kecamatan.rank, Some(true));
    assert_eq!(
        ProposalCaps::of(Some(&people[4]), at_kecamatan, proposer).rank,
        None,
        "DPRD does not rank"
    );
}
