//! The demo data set of SPEC 13: Kota Magelang (Jawa Tengah) and Kabupaten
//! Blitar with Desa Plosorejo (Jawa Timur), their organizations and one
//! user per role. Loading twice gives the same result.

mod collaboration;
mod findings;
mod meetings;
mod plans;
mod proposals;
pub mod province;

use sqlx::PgPool;

use crate::domain::org::{NewOrganization, OrgKind};
use crate::domain::region::RegionLevel;
use crate::domain::role::Role;
use crate::store::{audit, orgs, regions, users};

pub const DEFAULT_PASSWORD: &str = "selaras-demo-2026";

pub const MAGELANG: &str = "33.71";
pub const JATENG: &str = "33";
pub const BLITAR: &str = "35.05";
pub const JATIM: &str = "35";
pub const PLOSOREJO: &str = "35.05.04.2014";
pub const KADEMANGAN: &str = "35.05.04";

/// (region, code, kind, name, place)
const ORGANIZATIONS: &[(&str, &str, OrgKind, &str, Option<&str>)] = &[
    (
        MAGELANG,
        "bapperida",
        OrgKind::Bappeda,
        "Bapperida Kota Magelang",
        None,
    ),
    (
        MAGELANG,
        "dinkes",
        OrgKind::PerangkatDaerah,
        "Dinas Kesehatan Kota Magelang",
        None,
    ),
    (
        MAGELANG,
        "disdikbud",
        OrgKind::PerangkatDaerah,
        "Dinas Pendidikan dan Kebudayaan Kota Magelang",
        None,
    ),
    (
        MAGELANG,
        "dpupr",
        OrgKind::PerangkatDaerah,
        "Dinas Pekerjaan Umum dan Penataan Ruang Kota Magelang",
        None,
    ),
    (
        MAGELANG,
        "dpmp4kb",
        OrgKind::PerangkatDaerah,
        "Dinas Pemberdayaan Masyarakat, Perempuan, Perlindungan Anak dan Keluarga Berencana (DPMP4KB) Kota Magelang",
        None,
    ),
    (MAGELANG, "dprd", OrgKind::Dprd, "DPRD Kota Magelang", None),
    (
        MAGELANG,
        "pkk",
        OrgKind::Lembaga,
        "TP PKK Kota Magelang",
        None,
    ),
    (MAGELANG, "lpm", OrgKind::Lembaga, "LPM Kota Magelang", None),
    (
        MAGELANG,
        "karang-taruna",
        OrgKind::Lembaga,
        "Karang Taruna Kota Magelang",
        None,
    ),
    (
        MAGELANG,
        "posyandu",
        OrgKind::Lembaga,
        "Forum Posyandu Kota Magelang",
        None,
    ),
    (
        MAGELANG,
        "forum-kemitraan",
        OrgKind::Lembaga,
        "Forum Kemitraan Kelembagaan Kemasyarakatan Kota Magelang",
        None,
    ),
    (
        JATENG,
        "bappeda",
        OrgKind::Bappeda,
        "Bappeda Provinsi Jawa Tengah",
        None,
    ),
    (
        BLITAR,
        "bappedalitbang",
        OrgKind::Bappeda,
        "Bappedalitbang Kabupaten Blitar",
        None,
    ),
    (
        BLITAR,
        "dinkes",
        OrgKind::PerangkatDaerah,
        "Dinas Kesehatan Kabupaten Blitar",
        None,
    ),
    (
        BLITAR,
        "kec-kademangan",
        OrgKind::PerangkatDaerah,
        "Kecamatan Kademangan",
        Some(KADEMANGAN),
    ),
    (
        BLITAR,
        "desa-plosorejo",
        OrgKind::Desa,
        "Desa Plosorejo",
        Some(PLOSOREJO),
    ),
    (
        JATIM,
        "bappeda",
        OrgKind::Bappeda,
        "Bappeda Provinsi Jawa Timur",
        None,
    ),
];

/// (username, full name, role, region, organization code)
pub const USERS: &[(&str, &str, Role, &str, &str)] = &[
    (
        "admin.magelang",
        "Admin Sistem Bapperida",
        Role::Admin,
        MAGELANG,
        "bapperida",
    ),
    (
        "perencana.magelang",
        "Rina Kusumawardani",
        Role::Planner,
        MAGELANG,
        "bapperida",
    ),
    (
        "kepala.bapperida",
        "Kepala Bapperida Kota Magelang",
        Role::Approver,
        MAGELANG,
        "bapperida",
    ),
    (
        "dinkes.magelang",
        "Dwi Hartanto",
        Role::Agency,
        MAGELANG,
        "dinkes",
    ),
    (
        "kelurahan.rejowinangun",
        "Operator Kelurahan Rejowinangun Utara",
        Role::Village,
        MAGELANG,
        "kel-rejowinangun-utara",
    ),
    (
        "pkk.magelang",
        "Sri Wahyuni",
        Role::Community,
        MAGELANG,
        "pkk",
    ),
    (
        "lpm.magelang",
        "Joko Prasetyo",
        Role::Community,
        MAGELANG,
        "lpm",
    ),
    (
        "dpupr.magelang",
        "Operator Dinas PUPR Kota Magelang",
        Role::Agency,
        MAGELANG,
        "dpupr",
    ),
    (
        "kecamatan.magelangtengah",
        "Operator Kecamatan Magelang Tengah",
        Role::Agency,
        MAGELANG,
        "kec-magelang-tengah",
    ),
    (
        "dprd.magelang",
        "Bambang Setiawan",
        Role::Reviewer,
        MAGELANG,
        "dprd",
    ),
    (
        "perencana.blitar",
        "Ahmad Fauzi",
        Role::Planner,
        BLITAR,
        "bappedalitbang",
    ),
    // Kabupaten Blitar's admin, to try a region moving in: its 200-odd
    // desa and their operators come in by the bulk import.
    (
        "admin.blitar",
        "Admin Selaras Kabupaten Blitar",
        Role::Admin,
        BLITAR,
        "bappedalitbang",
    ),
    (
        "desa.plosorejo",
        "Operator Desa Plosorejo",
        Role::Village,
        BLITAR,
        "desa-plosorejo",
    ),
    // The province side of seed 002: its Bappeda drafts and enacts the
    // province RKPD that every kab/kota RKPD refers to (K11).
    (
        "perencana.jateng",
        "Dewi Lestari",
        Role::Planner,
        JATENG,
        "bappeda",
    ),
    // The province's admin: brings in the nomenclature of kegiatan under
    // province authority (code digit 1), which the national list lacks.
    (
        "admin.jateng",
        "Admin Selaras Provinsi Jawa Tengah",
        Role::Admin,
        JATENG,
        "bappeda",
    ),
    (
        "kepala.bappeda.jateng",
        "Kepala Bappeda Provinsi Jawa Tengah",
        Role::Approver,
        JATENG,
        "bappeda",
    ),
];

pub struct DemoUser {
    pub username: &'static str,
    pub role: Role,
    pub organization: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("demo data: {0}")]
    Data(String),
}

/// "Rejowinangun Utara" → "rejowinangun-utara"
fn slug(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

async fn ensure_org(db: &PgPool, region: &str, org: NewOrganization) -> Result<(), DemoError> {
    if orgs::find_by_code(db, region, &org.code).await?.is_some() {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    match orgs::create(&mut tx, None, region, &org).await {
        Ok(_) => Ok(tx.commit().await?),
        Err(orgs::SaveError::Db(e)) => Err(e.into()),
        Err(_) => Err(DemoError::Data(format!(
            "organization {} of {region} clashes",
            org.code
        ))),
    }
}

pub async fn load(db: &PgPool, password: &str) -> Result<Vec<DemoUser>, DemoError> {
    for (region, code, kind, name, place) in ORGANIZATIONS {
        let org = NewOrganization {
            kind: *kind,
            code: code.to_string(),
            name: name.to_string(),
            wilayah_kode: place.map(str::to_string),
        };
        ensure_org(db, region, org).await?;
    }
    // Every kecamatan (a perangkat daerah) and kelurahan of Kota Magelang,
    // from the national region list.
    for place in regions::places_in(db, MAGELANG).await? {
        let (kind, code, name) = match place.level {
            RegionLevel::Kecamatan => (
                OrgKind::PerangkatDaerah,
                format!("kec-{}", slug(&place.nama)),
                format!("Kecamatan {}", place.nama),
            ),
            RegionLevel::Kelurahan => (
                OrgKind::Kelurahan,
                format!("kel-{}", slug(&place.nama)),
                format!("Kelurahan {}", place.nama),
            ),
            _ => continue,
        };
        let org = NewOrganization {
            kind,
            code,
            name,
            wilayah_kode: Some(place.kode.clone()),
        };
        ensure_org(db, MAGELANG, org).await?;
    }

    // One hash for all demo users: they share a published password anyway,
    // and hashing nine times would only slow the demo (and the tests) down.
    let hash = crate::auth::password::hash_blocking(password).map_err(DemoError::Data)?;
    let mut out = Vec::new();
    let mut tx = db.begin().await?;
    for (username, full_name, role, region, org_code) in USERS {
        let org = orgs::find_by_code(db, region, org_code)
            .await?
            .ok_or_else(|| {
                DemoError::Data(format!("organization {org_code} missing in {region}"))
            })?;
        let id = match users::find_by_username(db, username).await? {
            Some(existing) => {
                users::set_password(&mut tx, None, &existing, &hash, None).await?;
                if !existing.active {
                    users::set_active(&mut tx, None, &existing, true).await?;
                }
                existing.id
            }
            None => users::create(
                &mut tx,
                None,
                users::CreateUser {
                    region_kode: region,
                    username,
                    full_name,
                    email: None,
                    password_hash: &hash,
                },
            )
            .await
            .map_err(|_| DemoError::Data(format!("cannot create {username}")))?,
        };
        users::add_membership(&mut tx, None, region, id, org.id, *role).await?;
        // The demo's lembaga members lead their lembaga: they accept the
        // citizens who ask to join it.
        if *role == Role::Community {
            users::set_lead(&mut tx, region, id, org.id).await?;
        }
        out.push(DemoUser {
            username,
            role: *role,
            organization: org.name,
        });
    }
    tx.commit().await?;
    // Staff sign in with a second factor; in the demo they share one
    // published secret (printed with the users).
    let secret = crate::auth::totp::from_base32(crate::auth::totp::DEMO_SECRET)
        .ok_or_else(|| DemoError::Data("the demo TOTP secret is not base32".into()))?;
    let usernames: Vec<&str> = USERS.iter().map(|u| u.0).collect();
    crate::store::second_factor::enrol_demo(db, &usernames, &secret).await?;
    plans::load(db).await?;
    collaboration::load(db).await?;
    proposals::load(db).await?;
    findings::load(db).await?;
    let mut tx = db.begin().await?;
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: None,
            actor_id: None,
            action: "load",
            entity: "demo",
            entity_id: "spec-13".into(),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(out)
}

pub fn print_users(users: &[DemoUser], password: &str) {
    println!("Demo users (password: {password}):");
    println!("  {:<24} {:<10} organization", "username", "role");
    for u in users {
        println!(
            "  {:<24} {:<10} {}",
            u.username,
            u.role.as_str(),
            u.organization
        );
    }
    let staff: Vec<&str> = users
        .iter()
        .filter(|u| u.role.needs_second_factor())
        .map(|u| u.username)
        .collect();
    println!(
        "Staff ({}) sign in with a second step, a one-time code from the shared demo secret:",
        staff.join(", ")
    );
    println!(
        "  TOTP {secret}   (an authenticator app, or: oathtool --totp -b {secret})",
        secret = crate::auth::totp::DEMO_SECRET
    );
}
