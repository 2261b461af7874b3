//! The home page: for visitors, what Selaras is; for a signed-in user,
//! their region, organizations and roles, and what they can do next.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::Nav;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, can};

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
    roles: Vec<RoleCard>,
    next_steps: Vec<NextStep>,
}

async fn home(user: Option<CurrentUser>) -> Response {
    let Some(user) = user else {
        return Landing {
            nav: Nav::anonymous(),
        }
        .into_response();
    };
    let roles = user
        .roles()
        .into_iter()
        .map(|role| RoleCard {
            label: role.label(),
            summary: role.summary(),
            organizations: user
                .memberships
                .iter()
                .filter(|m| m.role == role)
                .map(|m| m.organization_name.clone())
                .collect(),
        })
        .collect();

    // Offer only what the policy allows and what exists.
    let mut next_steps = vec![NextStep {
        href: "/rencana",
        label: "Dokumen rencana",
        hint: "RPJPD, RPJMD, Renstra, RKPD, Renja, RPJMDes dan RKPDes wilayah Anda, dengan pohon kinerja, indikator dan pagu.",
    }];
    if can(
        &user,
        Action::ManageUsers {
            region: &user.region_kode,
        },
    )
    .is_ok()
    {
        next_steps.push(NextStep {
            href: "/admin/pengguna",
            label: "Kelola pengguna",
            hint: "Tambahkan akun, atur keanggotaan dan peran, atau nonaktifkan akun.",
        });
    }
    if can(
        &user,
        Action::ManageOrganizations {
            region: &user.region_kode,
        },
    )
    .is_ok()
    {
        next_steps.push(NextStep {
            href: "/admin/organisasi",
            label: "Kelola organisasi",
            hint: "Bappeda, perangkat daerah, desa/kelurahan, lembaga dan DPRD di wilayah Anda.",
        });
    }
    // A planner decides every lembaga's requests to join; a lead, their own.
    let decides_joins = std::iter::once(uuid::Uuid::nil())
        .chain(user.memberships.iter().map(|m| m.organization_id))
        .any(|org| {
            can(
                &user,
                Action::DecideJoin {
                    region: &user.region_kode,
                    org,
                },
            )
            .is_ok()
        });
    if decides_joins {
        next_steps.push(NextStep {
            href: "/lembaga/permintaan",
            label: "Permintaan bergabung dengan lembaga",
            hint: "Warga yang ingin menjadi anggota lembaga menunggu keputusan Anda.",
        });
    }
    next_steps.push(NextStep {
        href: "/akun",
        label: "Profil saya",
        hint: "Nama, email, telepon, dan cara Anda menerima pemberitahuan.",
    });
    if can(&user, Action::ChangeOwnPassword).is_ok() {
        next_steps.push(NextStep {
            href: "/akun/kata-sandi",
            label: "Ubah kata sandi",
            hint: "Sesi Anda di perangkat lain akan diakhiri.",
        });
    }
    Home {
        nav: Nav::for_user(&user),
        user,
        roles,
        next_steps,
    }
    .into_response()
}
