//! Citizens' own accounts (SPEC 1): a person signs up with a confirmed
//! email, as a member (role `community`) of the region's "Warga terdaftar",
//! and may ask to join a lembaga; a planner of the region or the lembaga's
//! lead decides (`policy::Action::DecideJoin`).

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use super::account_links::{self, Link, Purpose};
use super::notifications::{self, Reveals};
use super::{SaveError, audit, users};
use crate::domain::role::Role;
use crate::domain::user::SignUp;

/// The code of each region's organization of signed-up citizens.
pub const WARGA: &str = "warga";

/// What a sign-up did.
#[derive(Debug)]
pub enum Registered {
    /// A new account, waiting for the email to be confirmed by `token`.
    Created { user: Uuid, token: String },
    /// The address belongs to an account already: nothing was written. The
    /// person is told so by email (the page says the same either way).
    EmailTaken { username: String, full_name: String },
    /// The address belongs to an account still waiting for its
    /// confirmation: a new link for it (the older one ends), so an address
    /// is never stuck behind a lost mail.
    Again {
        username: String,
        full_name: String,
        token: String,
    },
}

/// Whether a username is taken (asked before anything is counted or
/// written, whatever the email, so the answer tells nothing of addresses).
pub async fn username_taken(db: &PgPool, username: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users WHERE username = $1)")
        .bind(username)
        .fetch_one(db)
        .await
}

/// A lembaga one may ask to join.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Lembaga {
    pub id: Uuid,
    pub region_kode: String,
    pub name: String,
}

/// The pemda one may sign up in (those with a Bappeda on Selaras), with
/// their names; and the lembaga one may ask to join, per pemda.
pub async fn choices(db: &PgPool) -> Result<(Vec<(String, String)>, Vec<Lembaga>), sqlx::Error> {
    // across regions: sign-up offers every region that has a Bappeda here.
    let regions: Vec<(String, String)> = sqlx::query_as(
        "SELECT r.kode, r.nama FROM regions r
         WHERE EXISTS (SELECT 1 FROM organizations o WHERE o.region_kode = r.kode AND o.kind = 'bappeda' AND o.active)
         ORDER BY r.nama",
    )
    .fetch_all(db)
    .await?;
    // across regions: sign-up offers every region's lembaga.
    let lembagas: Vec<Lembaga> = sqlx::query_as(
        "SELECT id, region_kode, name FROM organizations
         WHERE kind = 'lembaga' AND active AND code <> $1 ORDER BY region_kode, name",
    )
    .bind(WARGA)
    .fetch_all(db)
    .await?;
    Ok((regions, lembagas))
}

/// Creates the account (waiting for confirmation), its membership of the
/// region's citizens, the request to join a lembaga if one was chosen, and
/// a 48-hour confirmation link; in one transaction.
pub async fn register(
    db: &PgPool,
    s: &SignUp,
    password_hash: &str,
) -> Result<Registered, SaveError> {
    let mut tx = db.begin().await?;
    // One sign-up per address at a time: two at once cannot both pass the
    // check below.
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended(lower($1), 7))")
        .bind(&s.email)
        .execute(&mut *tx)
        .await?;
    /// The account already holding the address.
    #[derive(sqlx::FromRow)]
    struct Holder {
        id: Uuid,
        region_kode: String,
        username: String,
        full_name: String,
        awaiting_confirmation: bool,
    }
    let taken: Option<Holder> = sqlx::query_as(
        "SELECT id, region_kode, username, full_name, awaiting_confirmation FROM users
         WHERE lower(email) = lower($1) ORDER BY awaiting_confirmation LIMIT 1",
    )
    .bind(&s.email)
    .fetch_optional(&mut *tx)
    .await?;
    match taken {
        Some(Holder {
            id,
            region_kode: region,
            username,
            full_name,
            awaiting_confirmation: true,
        }) => {
            let token =
                account_links::issue(&mut tx, None, &region, id, Purpose::Konfirmasi).await?;
            tx.commit().await?;
            return Ok(Registered::Again {
                username,
                full_name,
                token,
            });
        }
        Some(Holder {
            username,
            full_name,
            awaiting_confirmation: false,
            ..
        }) => {
            return Ok(Registered::EmailTaken {
                username,
                full_name,
            });
        }
        None => {}
    }
    let warga = warga_org(&mut tx, &s.region).await?;
    let user = users::create(
        &mut tx,
        None,
        users::CreateUser {
            region_kode: &s.region,
            username: &s.username,
            full_name: &s.full_name,
            email: Some(&s.email),
            password_hash,
        },
    )
    .await?;
    sqlx::query("UPDATE users SET awaiting_confirmation = true WHERE id = $1")
        .bind(user)
        .execute(&mut *tx)
        .await?;
    users::add_membership(&mut tx, None, &s.region, user, warga, Role::Community).await?;
    if let Some(org) = s.lembaga {
        insert_request(&mut tx, &s.region, user, org, "").await?;
    }
    let token = account_links::issue(&mut tx, None, &s.region, user, Purpose::Konfirmasi).await?;
    tx.commit().await?;
    Ok(Registered::Created { user, token })
}

/// The region's "Warga terdaftar" organization, made on first use.
async fn warga_org(conn: &mut PgConnection, region: &str) -> Result<Uuid, sqlx::Error> {
    sqlx::query(
        "INSERT INTO organizations (id, region_kode, kind, code, name)
         VALUES ($1, $2, 'lembaga', $3, 'Warga terdaftar') ON CONFLICT (region_kode, code) DO NOTHING",
    )
    .bind(Uuid::now_v7())
    .bind(region)
    .bind(WARGA)
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar(
        "SELECT id FROM organizations WHERE region_kode = $1 AND code = $2 AND kind = 'lembaga'",
    )
    .bind(region)
    .bind(WARGA)
    .fetch_one(conn)
    .await
}

async fn insert_request(
    conn: &mut PgConnection,
    region: &str,
    user: Uuid,
    org: Uuid,
    note: &str,
) -> Result<bool, sqlx::Error> {
    let id = Uuid::now_v7();
    let done = sqlx::query(
        "INSERT INTO join_requests (id, region_kode, user_id, organization_id, note)
         SELECT $1, $2, $3, $4, $5
         WHERE NOT EXISTS (SELECT 1 FROM memberships
                           WHERE user_id = $3 AND organization_id = $4 AND region_kode = $2)
         ON CONFLICT (user_id, organization_id) WHERE status = 'menunggu' DO NOTHING",
    )
    .bind(id)
    .bind(region)
    .bind(user)
    .bind(org)
    .bind(note)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(user),
            action: "create",
            entity: "join_request",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"organization_id": org, "note": note})),
        },
    )
    .await?;
    Ok(true)
}

/// Confirms the email of a waiting account with its link (once): the
/// account may sign in from now on, and those who decide its request to
/// join a lembaga hear of it. False when the link was used meanwhile.
pub async fn confirm(db: &PgPool, link: &Link) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    if !account_links::redeem(&mut tx, link.id).await? {
        return Ok(false);
    }
    let region: Option<String> = sqlx::query_scalar(
        "UPDATE users SET awaiting_confirmation = false, version = version + 1
         WHERE id = $1 AND awaiting_confirmation RETURNING region_kode",
    )
    .bind(link.user_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(region) = region {
        audit::record(
            &mut tx,
            audit::Entry {
                region_kode: Some(&region),
                actor_id: Some(link.user_id),
                action: "confirm_email",
                entity: "user",
                entity_id: link.user_id.to_string(),
                before: None,
                after: None,
            },
        )
        .await?;
        let open: Vec<Uuid> = sqlx::query_scalar(
            // across regions: a person's own open requests, in any region
            "SELECT organization_id FROM join_requests WHERE user_id = $1 AND status = 'menunggu'",
        )
        .bind(link.user_id)
        .fetch_all(&mut *tx)
        .await?;
        for org in open {
            tell_deciders(&mut tx, &region, link.user_id, org).await?;
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// Tells a lembaga's leads and the region's planners that someone asks to
/// join it.
async fn tell_deciders(
    conn: &mut PgConnection,
    region: &str,
    user: Uuid,
    org: Uuid,
) -> Result<(), sqlx::Error> {
    let (who, lembaga): (String, String) = sqlx::query_as(
        "SELECT u.full_name, o.name FROM users u, organizations o WHERE u.id = $1 AND o.id = $2",
    )
    .bind(user)
    .bind(org)
    .fetch_one(&mut *conn)
    .await?;
    let deciders: Vec<Uuid> = sqlx::query_scalar(
        "SELECT DISTINCT u.id FROM users u JOIN memberships m ON m.user_id = u.id
         WHERE u.region_kode = $1 AND u.active AND (m.role = 'planner' OR (m.organization_id = $2 AND m.lead))",
    )
    .bind(region)
    .bind(org)
    .fetch_all(&mut *conn)
    .await?;
    notifications::send(
        conn,
        &deciders,
        Some(user),
        region,
        Reveals::Personal,
        &format!("Permintaan bergabung dengan {lembaga}"),
        &format!("{who} ingin bergabung dengan {lembaga}. Terima atau tolak permintaannya."),
        "/lembaga/permintaan",
    )
    .await
}

/// A signed-in person asks to join a lembaga of their region; false when
/// they are in it already or asked before.
pub async fn ask(
    db: &PgPool,
    region: &str,
    user: Uuid,
    org: Uuid,
    note: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let asked = insert_request(&mut tx, region, user, org, note).await?;
    if asked {
        tell_deciders(&mut tx, region, user, org).await?;
    }
    tx.commit().await?;
    Ok(asked)
}

/// A request to join, as the deciders see it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JoinRequest {
    pub id: Uuid,
    pub region_kode: String,
    pub user_id: Uuid,
    pub full_name: String,
    pub username: String,
    pub organization_id: Uuid,
    pub organization_name: String,
    pub note: String,
    pub status: String,
    pub created_at: OffsetDateTime,
}

const REQUEST: &str = "SELECT r.id, r.region_kode, r.user_id, u.full_name, u.username,
        r.organization_id, o.name AS organization_name, r.note, r.status, r.created_at
    FROM join_requests r JOIN users u ON u.id = r.user_id JOIN organizations o ON o.id = r.organization_id";

/// The open requests of confirmed, active accounts of a region (the
/// caller keeps those the person may decide).
pub async fn open_in(db: &PgPool, region: &str) -> Result<Vec<JoinRequest>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{REQUEST} WHERE r.region_kode = $1 AND r.status = 'menunggu'
           AND u.active AND NOT u.awaiting_confirmation
         ORDER BY o.name, r.created_at LIMIT 500"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

/// A person's own requests, newest first.
pub async fn of_user(db: &PgPool, user: Uuid) -> Result<Vec<JoinRequest>, sqlx::Error> {
    sqlx::query_as(&format!(
        // across regions: a person's own requests, in any region
        "{REQUEST} WHERE r.user_id = $1 ORDER BY r.created_at DESC LIMIT 50"
    ))
    .bind(user)
    .fetch_all(db)
    .await
}

/// How a decision went.
#[derive(Debug, PartialEq, Eq)]
pub enum Decided {
    Done,
    /// Decided by someone else meanwhile, or no such open request.
    Gone,
}

/// Accepts (the person becomes a member, role `community`) or refuses an
/// open request, under a lock of it; `allowed` is asked with the locked
/// request and may refuse, and then nothing is written. The person hears
/// the decision in their inbox.
pub async fn decide<E>(
    db: &PgPool,
    actor: Uuid,
    id: Uuid,
    accept: bool,
    allowed: impl FnOnce(&JoinRequest) -> Result<(), E>,
) -> Result<Result<Decided, E>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let request: Option<JoinRequest> = sqlx::query_as(&format!(
        // across regions: the request named in the URL, found by its
        // unique key; what follows carries its region
        "{REQUEST} WHERE r.id = $1 AND r.status = 'menunggu'
           AND u.active AND NOT u.awaiting_confirmation FOR UPDATE OF r"
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(r) = request else {
        return Ok(Ok(Decided::Gone));
    };
    if let Err(e) = allowed(&r) {
        return Ok(Err(e));
    }
    let status = if accept { "diterima" } else { "ditolak" };
    sqlx::query(
        "UPDATE join_requests SET status = $2, decided_by = $3, decided_at = now()
          WHERE id = $1 AND region_kode = $4",
    )
    .bind(id)
    .bind(status)
    .bind(actor)
    .bind(&r.region_kode)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: Some(&r.region_kode),
            actor_id: Some(actor),
            action: if accept { "accept" } else { "refuse" },
            entity: "join_request",
            entity_id: id.to_string(),
            before: Some(json!({"status": "menunggu"})),
            after: Some(json!({"status": status})),
        },
    )
    .await?;
    if accept {
        users::add_membership(
            &mut tx,
            Some(actor),
            &r.region_kode,
            r.user_id,
            r.organization_id,
            Role::Community,
        )
        .await?;
    }
    notifications::send(
        &mut tx,
        &[r.user_id],
        Some(actor),
        &r.region_kode,
        Reveals::Personal,
        &if accept {
            format!("Anda kini anggota {}", r.organization_name)
        } else {
            format!("Permintaan bergabung dengan {} ditolak", r.organization_name)
        },
        &if accept {
            format!(
                "Permintaan Anda bergabung dengan {} diterima. Anda dapat mengajukan aspirasi atas namanya.",
                r.organization_name
            )
        } else {
            format!(
                "Permintaan Anda bergabung dengan {} tidak diterima. Hubungi pengurusnya bila perlu.",
                r.organization_name
            )
        },
        "/akun",
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(Decided::Done))
}
