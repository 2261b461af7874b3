//! Server-side sessions. The cookie carries a 256-bit random token; the
//! table stores only its SHA-256, keyed for lookup.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::org::OrgKind;
use crate::domain::role::Role;

pub fn hash_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A fresh token from the operating system's CSPRNG, hex encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random number generator works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session for a user who just proved who they are; returns the
/// token for the cookie. A new token at every sign-in is the rotation that
/// defeats session fixation.
/// A session for a user who has just passed the second factor.
pub async fn create(db: &PgPool, user_id: Uuid, region_kode: &str) -> Result<String, sqlx::Error> {
    insert(db, user_id, region_kode, SecondStep::Done, true).await
}

/// Where a session stands with the second factor. Only a `Done` session
/// is a signed-in user; the others open the second step and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondStep {
    Done,
    /// A code is asked for.
    Needed,
    /// The authenticator is to be set up first.
    Enrol,
}

crate::domain::names! {
    SecondStep {
        Done => "done";
        Needed => "needed";
        Enrol => "enrol";
    }
}

/// A session at `step` after the password alone (`Done` for a user who
/// needs no second factor); returns the token for the cookie.
pub async fn create_at_step(
    db: &PgPool,
    user_id: Uuid,
    region_kode: &str,
    step: SecondStep,
) -> Result<String, sqlx::Error> {
    insert(db, user_id, region_kode, step, false).await
}

async fn insert(
    db: &PgPool,
    user_id: Uuid,
    region_kode: &str,
    step: SecondStep,
    factor_passed: bool,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, region_kode, second_factor, factor_passed)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(hash_token(&token))
    .bind(user_id)
    .bind(region_kode)
    .bind(step.as_str())
    .bind(factor_passed)
    .execute(db)
    .await?;
    Ok(token)
}

/// A session waiting for its second step (at most ten minutes old).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Pending {
    pub user_id: Uuid,
    pub username: String,
    pub region_kode: String,
    pub second_factor: String,
    pub totp_candidate: Option<Vec<u8>>,
}

impl Pending {
    pub fn step(&self) -> SecondStep {
        if self.second_factor == "enrol" {
            SecondStep::Enrol
        } else {
            SecondStep::Needed
        }
    }
}

pub async fn pending(db: &PgPool, token_hash: &[u8]) -> Result<Option<Pending>, sqlx::Error> {
    sqlx::query_as(
        // across regions: a session is found by its token, before anyone is known
        "SELECT s.user_id, u.username, u.region_kode, s.second_factor, s.totp_candidate
         FROM sessions s JOIN users u ON u.id = s.user_id AND u.active
         WHERE s.token_hash = $1 AND s.second_factor <> 'done'
           AND s.created_at > now() - interval '10 minutes'",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await
}

/// Keeps the secret being set up with the session that sets it up.
pub async fn set_candidate(
    db: &PgPool,
    token_hash: &[u8],
    secret: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        // across regions: a session is found by its token, before anyone is known
        "UPDATE sessions SET totp_candidate = $2 WHERE token_hash = $1 AND second_factor = 'enrol'",
    )
    .bind(token_hash)
    .bind(secret)
    .execute(db)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, Deserialize)]
pub struct SessionMembership {
    pub organization_id: Uuid,
    pub organization_name: String,
    pub organization_kind: OrgKind,
    pub wilayah_kode: Option<String>,
    pub role: Role,
    /// Lead (pengurus) of the organization: accepts its new members.
    #[serde(default)]
    pub lead: bool,
}

/// A user's memberships in active organizations as JSON (`u` is the user).
const MEMBERSHIPS: &str = "COALESCE((SELECT json_agg(json_build_object(
        'organization_id', o.id, 'organization_name', o.name,
        'organization_kind', o.kind, 'wilayah_kode', o.wilayah_kode, 'role', m.role, 'lead', m.lead)
        ORDER BY o.name, m.role)
    FROM memberships m JOIN organizations o ON o.id = m.organization_id
    WHERE m.user_id = u.id AND o.active), '[]')";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: Uuid,
    pub username: String,
    pub full_name: String,
    pub region_kode: String,
    pub region_nama: String,
    pub province_nama: Option<String>,
    pub memberships: Json<Vec<SessionMembership>>,
    pub unread: i64,
    /// The session passed the second factor.
    pub factor_passed: bool,
}

/// The signed-in user behind a token, if the session is alive: not idle
/// longer than `idle_secs`, not older than `absolute_secs`, user active.
/// Marks the session as seen (at most once a minute, to spare writes).
pub async fn load(
    db: &PgPool,
    token_hash: &[u8],
    idle_secs: f64,
    absolute_secs: f64,
) -> Result<Option<SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        // across regions: a session is found by its token, before anyone is known
        "WITH s AS (
             SELECT token_hash, user_id, factor_passed FROM sessions
             WHERE token_hash = $1 AND second_factor = 'done'
               AND last_seen_at > now() - make_interval(secs => $2)
               AND created_at > now() - make_interval(secs => $3)
         ), touched AS (
             UPDATE sessions SET last_seen_at = now()
             WHERE token_hash IN (SELECT token_hash FROM s) AND last_seen_at < now() - interval '1 minute'
         )
         SELECT u.id AS user_id, u.username, u.full_name, u.region_kode, r.nama AS region_nama,
                p.nama AS province_nama,
                {MEMBERSHIPS} AS memberships,
                (SELECT count(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread,
                s.factor_passed
         FROM s JOIN users u ON u.id = s.user_id AND u.active
         JOIN regions r ON r.kode = u.region_kode
         LEFT JOIN regions p ON p.kode = r.parent_kode"
    ))
    .bind(token_hash)
    .bind(idle_secs)
    .bind(absolute_secs)
    .fetch_optional(db)
    .await
}

/// The people behind `ids` as the policy sees them (region, roles), for
/// deciding what a channel may carry to each of them. Inactive accounts are
/// left out: they receive nothing.
pub async fn viewers(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> Result<Vec<crate::auth::CurrentUser>, sqlx::Error> {
    let rows: Vec<SessionRow> = sqlx::query_as(&format!(
        // across regions: people (a reference table) with their memberships
        // in every region they work in
        "SELECT u.id AS user_id, u.username, u.full_name, u.region_kode, r.nama AS region_nama,
                p.nama AS province_nama, {MEMBERSHIPS} AS memberships, 0::bigint AS unread,
                false AS factor_passed
         FROM users u JOIN regions r ON r.kode = u.region_kode
         LEFT JOIN regions p ON p.kode = r.parent_kode
         WHERE u.id = ANY($1) AND u.active"
    ))
    .bind(ids)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::auth::CurrentUser::from_row(r, Vec::new()))
        .collect())
}

pub async fn delete(db: &PgPool, token_hash: &[u8]) -> Result<(), sqlx::Error> {
    // across regions: a session is found by its token, before anyone is known
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends every session of a user, except the one whose hash is `keep`.
pub async fn delete_for_user(
    conn: &mut PgConnection,
    user_id: Uuid,
    keep: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        // across regions: every session of one person
        "DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR token_hash <> $2)",
    )
    .bind(user_id)
    .bind(keep)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes sessions past their absolute lifetime and old sign-in attempts.
pub async fn sweep(db: &PgPool, absolute_secs: f64, idle_secs: f64) -> Result<u64, sqlx::Error> {
    // across regions: the sweep removes every region's expired sessions.
    let done = sqlx::query(
        "DELETE FROM sessions WHERE created_at < now() - make_interval(secs => $1)
            OR last_seen_at < now() - make_interval(secs => $2)",
    )
    .bind(absolute_secs)
    .bind(idle_secs)
    .execute(db)
    .await?;
    sqlx::query("DELETE FROM login_attempts WHERE at < now() - interval '2 days'")
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
