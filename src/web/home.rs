//! The home page: for visitors, what Selaras is; for a signed-in user,
//! their region, organizations and roles, and what they can do next.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::Nav;
use super::proposals::pref;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{self, Action, PlanRef, Queue, can, proposal_actor};
use std::collections::HashMap;

use crate::domain::checks::Severity;
use crate::domain::plan::{PlanKind, Stage};
use crate::domain::proposal::Level;
use crate::domain::stage::{self, Move};
use crate::error::AppError;
use crate::store::home::{self, PlanRow};
use crate::store::proposals;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template, WebTemplate)]
#[template(path = "landing.html")]
struct Landing {
    nav: Nav,
}

/// A link the user can follow now, with why they would.
struct NextStep {
    href: &'static str,
    label: &'static str,
    hint: &'static str,
}

struct RoleCard {
    label: &'static str,
    summary: &'static str,
    organizations: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct Home {
    nav: Nav,
    user: CurrentUser,
    queue: Vec<Section>,
    roles: Vec<RoleCard>,
    next_steps: Vec<NextStep>,
}

/// One part of the work queue: a role's things to do, each a link
/// straight to it.
struct Section {
    title: &'static str,
    entries: Vec<Entry>,
    /// What to do when there is nothing.
    empty: &'static str,
}

struct Entry {
    href: String,
    label: String,
    count: Option<i64>,
    hint: String,
}

impl Entry {
    fn new(href: impl Into<String>, label: impl Into<String>, hint: impl Into<String>) -> Entry {
        Entry {
            href: href.into(),
            label: label.into(),
            count: None,
            hint: hint.into(),
        }
    }

    fn counted(mut self, n: i64) -> Entry {
        self.count = Some(n);
        self
    }
}

async fn home(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
) -> Result<Response, AppError> {
    let Some(user) = user else {
        return Ok(Landing {
            nav: Nav::anonymous(),
        }
        .into_response());
    };
    let queue = queue(&state, &user).await?;
    let roles = user
        .roles()
        .into_iter()
        .map(|role| RoleCard {
            label: crate::i18n::label(role.label()),
            summary: role.summary(),
            organizations: user
                .memberships
                .iter()
                .filter(|m| m.role == role)
                .map(|m| m.organization_name.clone())
                .collect(),
        })
        .collect();

    let next_steps = next_steps(&user);
    Ok(Home {
        nav: Nav::for_user(&user),
        user,
        queue,
        roles,
        next_steps,
    }
    .into_response())
}

/// The links under "Yang dapat Anda lakukan sekarang": only what the
/// policy allows and what exists.
fn next_steps(user: &CurrentUser) -> Vec<NextStep> {
    // Offer only what the policy allows and what exists.
    let mut next_steps = vec![NextStep {
        href: "/rencana",
        label: crate::i18n::t("dokumen-rencana"),
        hint: crate::i18n::t("rpjpd-rpjmd-renstra-rkpd-renja-rpjmdes"),
    }];
    next_steps.extend(admin_steps(user));
    if decides_joins(user) {
        next_steps.push(NextStep {
            href: "/lembaga/permintaan",
            label: crate::i18n::t("permintaan-bergabung-dengan-lembaga"),
            hint: crate::i18n::t("warga-yang-ingin-menjadi-anggota-lembaga"),
        });
    }
    next_steps.push(NextStep {
        href: "/akun",
        label: crate::i18n::t("profil-saya"),
        hint: crate::i18n::t("nama-email-telepon-dan-cara-anda"),
    });
    if can(user, Action::ChangeOwnPassword).is_ok() {
        next_steps.push(NextStep {
            href: "/akun/kata-sandi",
            label: crate::i18n::t("ubah-kata-sandi"),
            hint: crate::i18n::t("sesi-anda-di-perangkat-lain-akan"),
        });
    }
    next_steps
}

/// The links to the region's users and organizations, for those who manage them.
fn admin_steps(user: &CurrentUser) -> Vec<NextStep> {
    let mut steps = Vec::new();
    if can(
        user,
        Action::ManageUsers {
            region: &user.region_kode,
        },
    )
    .is_ok()
    {
        steps.push(NextStep {
            href: "/admin/pengguna",
            label: crate::i18n::t("kelola-pengguna"),
            hint: crate::i18n::t("tambahkan-akun-atur-keanggotaan-dan-peran"),
        });
    }
    if can(
        user,
        Action::ManageOrganizations {
            region: &user.region_kode,
        },
    )
    .is_ok()
    {
        steps.push(NextStep {
            href: "/admin/organisasi",
            label: crate::i18n::t("kelola-organisasi"),
            hint: crate::i18n::t("bappeda-perangkat-daerah-desa-kelurahan-lembaga"),
        });
    }
    steps
}

/// Whether the person decides any lembaga's requests to join.
fn decides_joins(user: &CurrentUser) -> bool {
    // A planner decides every lembaga's requests to join; a lead, their own.
    std::iter::once(uuid::Uuid::nil())
        .chain(user.memberships.iter().map(|m| m.organization_id))
        .any(|org| {
            can(
                user,
                Action::DecideJoin {
                    region: &user.region_kode,
                    org,
                },
            )
            .is_ok()
        })
}

/// The work queue of each of the person's roles, from a fixed handful of
/// statements; every plan and proposal in it is one the policy lets this
/// person see or act on.
async fn queue(state: &AppState, user: &CurrentUser) -> Result<Vec<Section>, AppError> {
    let plans: Vec<PlanRow> = home::plans(&state.db, &user.region_kode, user.id)
        .await?
        .into_iter()
        .filter(|p| can(user, Action::ViewPlan(plan_ref(p))).is_ok())
        .collect();
    let filter = proposals::Filter {
        region: Some(user.region_kode.clone()),
        ..Default::default()
    };
    // Only those who act on proposals count the ones waiting for them,
    // by the level that acts on them.
    let waiting_levels: Vec<Level> = if policy::acts_on_proposals(user) {
        proposals::open(&state.db, &filter)
            .await?
            .iter()
            .filter(|p| proposal_actor(user, &pref(p)).is_some())
            .filter_map(|p| p.status.acting_level())
            .collect()
    } else {
        Vec::new()
    };
    let waiting =
        |levels: &[Level]| waiting_levels.iter().filter(|l| levels.contains(l)).count() as i64;
    let own = home::own(&state.db, user.id).await?;
    let mut out = Vec::new();
    for queue in policy::queues(user) {
        let section = match queue {
            Queue::Planner => {
                let cek = kept_findings(state, &plans).await?;
                planner(&plans, waiting(&[Level::Kabkota]), &cek)
            }
            Queue::Approver => approver(&plans),
            Queue::Agency(mine) => agency(&mine, &plans, waiting(&[Level::PerangkatDaerah])),
            Queue::Kecamatan(mine) => {
                let areas = kecamatan_areas(user, &mine);
                kecamatan(&mine, &areas, &plans, waiting(&[Level::Kecamatan]))
            }
            Queue::Village(mine) => village(&mine, &plans, &own, waiting(&[Level::Desa])),
            Queue::Community => community(&plans, &own),
            Queue::Reviewer => reviewer(&plans, &own),
            Queue::Admin => {
                let (no_factor, invited) = home::admin_counts(&state.db, &user.region_kode).await?;
                admin(no_factor, invited)
            }
        };
        out.push(section);
    }
    Ok(out)
}

/// Errors and warnings of each plan's Cek as kept since the last change
/// (the Cek page keeps them); none are computed here.
async fn kept_findings(
    state: &AppState,
    plans: &[PlanRow],
) -> Result<HashMap<uuid::Uuid, (usize, usize)>, AppError> {
    let version = crate::store::checks::data_version(&state.db).await?;
    Ok(plans
        .iter()
        .filter_map(|p| {
            let quoting = crate::domain::checks::Quoting::for_stage(p.stage);
            // Counts are the same in either language: whichever was kept.
            crate::i18n::Lang::ALL
                .iter()
                .find_map(|lang| {
                    crate::i18n::sync_scope(*lang, || state.check_cache.get(p.id, quoting, version))
                })
                .map(|f| {
                    let errors = f.iter().filter(|x| x.severity == Severity::Error).count();
                    (p.id, (errors, f.len() - errors))
                })
        })
        .collect())
}

/// The kecamatan a kecamatan's people work for: (organization, area).
fn kecamatan_areas<'a>(user: &'a CurrentUser, mine: &[uuid::Uuid]) -> Vec<(&'a str, &'a str)> {
    user.memberships
        .iter()
        .filter(|m| mine.contains(&m.organization_id))
        .filter_map(|m| Some((m.organization_name.as_str(), m.wilayah_kode.as_deref()?)))
        .collect()
}

fn plan_ref(p: &PlanRow) -> PlanRef<'_> {
    PlanRef {
        region: &p.region_kode,
        kind: p.kind,
        owner_org: p.owner_org_id,
        stage: p.stage,
        window: p.window(),
    }
}

/// "Tahap berikut: Rancangan · jadwal tahap ini berakhir 12 Desember 2026".
fn next_step(p: &PlanRow) -> String {
    let next = match p.stage {
        Stage::MenungguPenetapan => "menunggu penetapan oleh pemberi persetujuan".to_string(),
        Stage::Ditetapkan => "sudah ditetapkan".to_string(),
        s => match stage::target(p.kind, s, Move::Maju) {
            Ok(n) => crate::i18n::tf!("tahap-berikut", a1 = crate::i18n::label(n.label())),
            // The stage before Ditetapkan: what follows is the enactment.
            Err(_) => "berikutnya: penetapan".to_string(),
        },
    };
    match p.closes_at {
        Some(c) if p.stage != Stage::Ditetapkan => crate::i18n::tf!(
            "jadwal-tahap-ini-berakhir",
            a1 = crate::i18n::label(p.stage.label()),
            next = next,
            a2 = crate::format::tanggal(c)
        ),
        _ => format!("{}; {next}", p.stage.label()),
    }
}

fn planner(plans: &[PlanRow], waiting: i64, cek: &HashMap<uuid::Uuid, (usize, usize)>) -> Section {
    let mut entries = vec![
        Entry::new(
            "/usulan/tugas",
            crate::i18n::t("usulan-yang-menunggu-keputusan-anda"),
            crate::i18n::t("akomodir-ke-sub-kegiatan-tolak-dengan"),
        )
        .counted(waiting),
        Entry::new(
            "/usulan/jadwal",
            crate::i18n::t("jadwal-musrenbang-2"),
            crate::i18n::t("tetapkan-kapan-setiap-tingkat-mengirim-dan"),
        ),
        Entry::new(
            "/musyawarah",
            crate::i18n::t("musyawarah-dan-berita-acara"),
            crate::i18n::t("musrenbang-forum-perangkat-daerah-dan-forum"),
        ),
    ];
    // The region's own documents; each desa's RPJMDes/RKPDes is the desa's.
    for p in plans.iter().filter(|p| {
        p.stage != Stage::Ditetapkan && !matches!(p.kind, PlanKind::Rpjmdes | PlanKind::Rkpdes)
    }) {
        entries.push(Entry::new(
            format!("/rencana/{}", p.id),
            p.title.clone(),
            next_step(p),
        ));
        if p.waiting_tl > 0 {
            entries.push(
                Entry::new(
                    format!("/rencana/{}#komentar", p.id),
                    crate::i18n::tf!(
                        "masukan-menunggu-tindak-lanjut",
                        a1 = crate::i18n::label(p.kind.label())
                    ),
                    crate::i18n::t("jawab-terima-atau-tolak-setiap-masukan"),
                )
                .counted(p.waiting_tl),
            );
        }
        entries.push(check_entry(p, cek));
    }
    Section {
        title: crate::i18n::t("perencana-rencana-yang-sedang-disusun"),
        entries,
        empty: "",
    }
}

/// A plan's Cek link, counting the errors its last kept Cek found.
fn check_entry(p: &PlanRow, cek: &HashMap<uuid::Uuid, (usize, usize)>) -> Entry {
    let check = Entry::new(
        format!("/rencana/{}/cek", p.id),
        format!("Cek Keselarasan · {}", p.kind.label()),
        match cek.get(&p.id) {
            Some((e, w)) => {
                crate::i18n::tf!("kesalahan-dan-peringatan-pada-cek-terakhir", e = e, w = w)
            }
            None => crate::i18n::t("diubah-sejak-cek-terakhir-jalankan-untuk").to_string(),
        },
    );
    match cek.get(&p.id) {
        Some((e, _)) => check.counted(*e as i64),
        None => check,
    }
}

fn approver(plans: &[PlanRow]) -> Section {
    Section {
        title: crate::i18n::t("menunggu-penetapan-anda"),
        entries: plans
            .iter()
            .filter(|p| p.stage == Stage::MenungguPenetapan)
            .map(|p| {
                Entry::new(
                    format!("/rencana/{}#tahapan", p.id),
                    p.title.clone(),
                    crate::i18n::t("tetapkan-atau-kembalikan-dengan-catatan-penetapan"),
                )
            })
            .collect(),
        empty: crate::i18n::t("tidak-ada-rencana-yang-menunggu-penetapan"),
    }
}

fn agency(mine: &[uuid::Uuid], plans: &[PlanRow], waiting: i64) -> Section {
    let mut entries = vec![
        Entry::new(
            "/usulan/tugas",
            crate::i18n::t("usulan-yang-menunggu-anda"),
            crate::i18n::t("verifikasi-usulan-yang-dialamatkan-ke-perangkat"),
        )
        .counted(waiting),
    ];
    entries.extend(owned(plans, mine));
    // Findings about the agency's own items, in the plans being drafted.
    for p in plans.iter().filter(|p| {
        p.stage != Stage::Ditetapkan && matches!(p.kind, PlanKind::Rkpd | PlanKind::RkpdPerubahan)
    }) {
        for org in mine {
            entries.push(Entry::new(
                format!("/rencana/{}/cek?pd={org}", p.id),
                crate::i18n::tf!("temuan-cek-untuk-perangkat-daerah-anda", a1 = p.title),
                crate::i18n::t("kode-indikator-target-dan-pagu-item"),
            ));
        }
    }
    Section {
        title: crate::i18n::t("perangkat-daerah"),
        entries,
        empty: "",
    }
}

/// `areas`: the name and kode wilayah of each kecamatan the person works for.
fn kecamatan(
    mine: &[uuid::Uuid],
    areas: &[(&str, &str)],
    plans: &[PlanRow],
    waiting: i64,
) -> Section {
    let mut entries = vec![
        Entry::new(
            "/usulan/tugas",
            crate::i18n::t("usulan-desa-kelurahan-untuk-diperingkat-dan"),
            crate::i18n::t("hasil-musrenbang-kecamatan-urutkan-usulan-dari"),
        )
        .counted(waiting),
    ];
    for (name, kode) in areas {
        entries.push(Entry::new(
            format!("/usulan?kecamatan={kode}"),
            crate::i18n::tf!("semua-usulan-di", name = name),
            crate::i18n::t("usulan-dari-desa-kelurahan-di-wilayah"),
        ));
    }
    entries.push(Entry::new(
        "/musyawarah",
        crate::i18n::t("musrenbang-kecamatan-musyawarah-dan-berita-acara"),
        crate::i18n::t("catat-musrenbang-daftar-hadir-keputusan-atas"),
    ));
    entries.push(Entry::new(
        "/usulan/jadwal",
        crate::i18n::t("jadwal-musrenbang-2"),
        crate::i18n::t("kapan-kecamatan-dapat-meneruskan-usulan-tahun"),
    ));
    entries.extend(owned(plans, mine));
    Section {
        title: crate::i18n::t("kecamatan"),
        entries,
        empty: "",
    }
}

/// The plans an organization of the person owns (a Renja, an RKPDes).
fn owned<'a>(plans: &'a [PlanRow], mine: &'a [uuid::Uuid]) -> impl Iterator<Item = Entry> + 'a {
    plans
        .iter()
        .filter(|p| p.owner_org_id.is_some_and(|o| mine.contains(&o)))
        .map(|p| Entry::new(format!("/rencana/{}", p.id), p.title.clone(), next_step(p)))
}

fn status_counts(own: &home::Own, href: &str) -> Vec<Entry> {
    own.proposals
        .iter()
        .map(|(s, n)| {
            Entry::new(
                format!("{href}?saya=1&status={}", s.as_str()),
                format!("Usulan Anda: {}", s.label()),
                "",
            )
            .counted(*n)
        })
        .collect()
}

fn village(mine: &[uuid::Uuid], plans: &[PlanRow], own: &home::Own, waiting: i64) -> Section {
    let mut entries = vec![
        Entry::new(
            "/usulan/baru",
            crate::i18n::t("ajukan-usulan"),
            crate::i18n::t("usulan-musrenbang-desa-kelurahan-anda-masalah"),
        ),
        Entry::new(
            "/usulan/tugas",
            crate::i18n::t("usulan-yang-perlu-diperingkat"),
            crate::i18n::t("urutkan-usulan-desa-kelurahan-anda-lalu"),
        )
        .counted(waiting),
    ];
    entries.extend(status_counts(own, "/usulan"));
    entries.extend(owned(plans, mine));
    Section {
        title: "Desa/kelurahan",
        entries,
        empty: "",
    }
}

fn consultations(plans: &[PlanRow]) -> impl Iterator<Item = Entry> + '_ {
    plans
        .iter()
        .filter(|p| {
            p.stage == Stage::KonsultasiPublik && p.window() == crate::domain::stage::Window::Open
        })
        .map(|p| {
            Entry::new(
                format!("/rencana/{}#komentar", p.id),
                crate::i18n::tf!("konsultasi-publik-3", a1 = p.title),
                match p.closes_at {
                    Some(c) => crate::i18n::tf!(
                        "masukan-diterima-sampai-2",
                        a1 = crate::format::tanggal(c)
                    ),
                    None => crate::i18n::t("masukan-anda-diterima-selama-tahap-ini").to_string(),
                },
            )
        })
}

fn community(plans: &[PlanRow], own: &home::Own) -> Section {
    let mut entries: Vec<Entry> = consultations(plans).collect();
    if own.comments > 0 {
        entries.push(
            Entry::new(
                "/kotak-masuk",
                crate::i18n::t("masukan-anda-yang-sudah-ditindaklanjuti"),
                crate::i18n::tf!("dari-masukan-yang-anda-kirim-jawabannya", a1 = own.comments),
            )
            .counted(own.answered),
        );
    }
    entries.extend(status_counts(own, "/usulan"));
    entries.push(Entry::new(
        "/usulan/baru",
        crate::i18n::t("kirim-aspirasi"),
        crate::i18n::t("usulan-anda-atau-lembaga-anda-untuk"),
    ));
    Section {
        title: crate::i18n::t("masyarakat-dan-lembaga"),
        entries,
        empty: "",
    }
}

fn reviewer(plans: &[PlanRow], own: &home::Own) -> Section {
    let mut entries: Vec<Entry> = plans
        .iter()
        .filter(|p| p.changed)
        .map(|p| {
            Entry::new(
                format!("/rencana/{}", p.id),
                crate::i18n::tf!("berubah-sejak-terakhir-anda-tandai", a1 = p.title),
                next_step(p),
            )
        })
        .collect();
    entries.extend(consultations(plans));
    entries.extend(status_counts(own, "/usulan"));
    entries.push(Entry::new(
        "/usulan/baru",
        crate::i18n::t("ajukan-pokok-pokok-pikiran-pokir"),
        crate::i18n::t("hasil-reses-dengan-rujukan-resesnya"),
    ));
    Section {
        title: "DPRD",
        entries,
        empty: "",
    }
}

fn admin(no_factor: i64, invited: i64) -> Section {
    Section {
        title: crate::i18n::t("administrator"),
        entries: vec![
            Entry::new(
                "/admin/pengguna",
                crate::i18n::t("staf-tanpa-verifikasi-dua-langkah"),
                crate::i18n::t("mereka-memasangnya-saat-masuk-berikutnya-atur"),
            )
            .counted(no_factor),
            Entry::new(
                "/admin/pengguna",
                crate::i18n::t("undangan-yang-belum-dipakai"),
                crate::i18n::t("berlaku-7-hari-buat-tautan-baru"),
            )
            .counted(invited),
            Entry::new(
                "/admin/pengguna/impor",
                crate::i18n::t("impor-organisasi-dan-pengguna"),
                crate::i18n::t("desa-perangkat-daerah-dan-lembaga-beserta"),
            ),
        ],
        empty: "",
    }
}
