//! Single-use links that let a person set their own password: an
//! invitation to a new account (valid 7 days) or a password reset (valid
//! for a short while). The link carries a 256-bit random token; the table
//! keeps only its SHA-256. A new link of the same purpose ends the older
//! ones; using one ends it.

use sqlx::{PgConnection, PgPool};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::audit;
use super::sessions::{hash_token, new_token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Undangan,
    Reset,
    /// A citizen's own sign-up: the link confirms the email address.
    Konfirmasi,
}

crate::domain::names! {
    Purpose {
        Undangan => "undangan";
        Reset => "reset";
        Konfirmasi => "konfirmasi";
    }
}

impl Purpose {
    /// How long a link stays good.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::Undangan => Duration::days(7),
            Purpose::Reset => Duration::hours(24),
            Purpose::Konfirmasi => Duration::hours(48),
        }
    }
}

/// Makes a link for `user` valid for its purpose's lifetime; returns its
/// token (shown once, never stored).
pub async fn issue(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    region: &str,
    user: Uuid,
    purpose: Purpose,
) -> Result<String, sqlx::Error> {
    issue_for(conn, actor, region, user, purpose, purpose.lifetime()).await
}

/// The same, valid for `lifetime` (a reset asked by the person: 30 minutes).
pub async fn issue_for(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    region: &str,
    user: Uuid,
    purpose: Purpose,
    lifetime: Duration,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    sqlx::query(
        "UPDATE account_links SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
    )
    .bind(user)
    .bind(purpose.as_str())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO account_links (id, user_id, purpose, token_hash, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Uuid::now_v7())
    .bind(user)
    .bind(purpose.as_str())
    .bind(hash_token(&token))
    .bind(OffsetDateTime::now_utc() + lifetime)
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: actor,
            action: match purpose {
                Purpose::Undangan => "invite",
                Purpose::Reset => "issue_reset_link",
                Purpose::Konfirmasi => "issue_confirmation_link",
            },
            entity: "user",
            entity_id: user.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    Ok(token)
}

/// A link that is still good.
#[derive(Debug, Clone)]
pub struct Link {
    pub id: Uuid,
    pub user_id: Uuid,
    pub purpose: Purpose,
    pub expires_at: OffsetDateTime,
}

/// A link's row, its purpose as stored.
#[derive(sqlx::FromRow)]
struct LinkRow {
    id: Uuid,
    user_id: Uuid,
    purpose: String,
    expires_at: OffsetDateTime,
}

pub async fn find(db: &PgPool, token: &str) -> Result<Option<Link>, sqlx::Error> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let row: Option<LinkRow> = sqlx::query_as(
        "SELECT l.id, l.user_id, l.purpose, l.expires_at FROM account_links l JOIN users u ON u.id = l.user_id
         WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > now() AND u.active",
    )
    .bind(hash_token(token))
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|r| {
        Purpose::parse(&r.purpose).map(|purpose| Link {
            id: r.id,
            user_id: r.user_id,
            purpose,
            expires_at: r.expires_at,
        })
    }))
}

/// Uses a link (once): false when it was used or ran out meanwhile.
pub async fn redeem(conn: &mut PgConnection, link: Uuid) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE account_links SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now()",
    )
    .bind(link)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An active account with an email address, as a reset link needs it.
#[derive(sqlx::FromRow)]
pub struct Named {
    pub id: Uuid,
    pub region_kode: String,
    pub full_name: String,
    pub email: String,
}

/// The active account a person names by username or email address.
pub async fn account_named(db: &PgPool, typed: &str) -> Result<Option<Named>, sqlx::Error> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() || typed.len() > 254 {
        return Ok(None);
    }
    sqlx::query_as(
        "SELECT id, region_kode, full_name, email FROM users
         WHERE active AND email IS NOT NULL AND (username = $1 OR lower(email) = $1)
         ORDER BY username = $1 DESC LIMIT 1",
    )
    .bind(typed)
    .fetch_optional(db)
    .await
}

/// Invitations sent and not used yet, for the admin's list.
pub async fn pending_invitations(
    db: &PgPool,
    region: &str,
) -> Result<Vec<(Uuid, OffsetDateTime)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT l.user_id, l.expires_at FROM account_links l JOIN users u ON u.id = l.user_id
         WHERE u.region_kode = $1 AND l.purpose = 'undangan' AND l.used_at IS NULL AND l.expires_at > now()",
    )
    .bind(region)
    .fetch_all(db)
    .await
}

/// Sets the password of the link's account and uses the link, in one
/// transaction (every session of the account ends); false when the link
/// was used or ran out meanwhile, and nothing changed.
pub async fn set_password(
    db: &PgPool,
    link: &Link,
    user: &super::users::User,
    hash: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    if !redeem(&mut tx, link.id).await? {
        return Ok(false);
    }
    super::users::set_password(&mut tx, Some(user.id), user, hash, None).await?;
    // A link that reached the person confirms their address too.
    sqlx::query("UPDATE users SET awaiting_confirmation = false WHERE id = $1")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// A reset link the person asked for themselves (30 minutes).
pub async fn issue_self_reset(
    db: &PgPool,
    region: &str,
    user: Uuid,
) -> Result<String, sqlx::Error> {
    let mut tx = db.begin().await?;
    let token = issue_for(
        &mut tx,
        None,
        region,
        user,
        Purpose::Reset,
        Duration::minutes(30),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// A reset link an admin issues for a person, under a lock of the account:
/// `allowed` is asked whether this admin reset the account's second factor
/// lately (the four eyes), and may refuse; nothing is written then.
pub async fn issue_by_admin<E>(
    db: &PgPool,
    admin: Uuid,
    region: &str,
    user: Uuid,
    allowed: impl FnOnce(bool) -> Result<(), E>,
) -> Result<Result<String, E>, sqlx::Error> {
    let mut tx = db.begin().await?;
    super::users::lock(&mut tx, user).await?;
    let took_factor =
        super::audit::did_recently(&mut *tx, admin, "reset_second_factor", user).await?;
    if let Err(e) = allowed(took_factor) {
        return Ok(Err(e));
    }
    let token = issue(&mut tx, Some(admin), region, user, Purpose::Reset).await?;
    tx.commit().await?;
    Ok(Ok(token))
}

/// The password hash of an account that is waiting for its invitation: it
/// matches no password (it is not a PHC string).
pub const INVITED: &str = "!invited";

/// A new account with its first membership, inside the caller's
/// transaction; without a password hash, an invitation, whose token is
/// returned.
#[allow(clippy::too_many_arguments)]
pub async fn create_member(
    conn: &mut PgConnection,
    actor: Uuid,
    region: &str,
    username: &str,
    full_name: &str,
    email: Option<&str>,
    password_hash: Option<&str>,
    organization: Uuid,
    role: crate::domain::role::Role,
) -> Result<(Uuid, Option<String>), super::SaveError> {
    let id = super::users::create(
        &mut *conn,
        Some(actor),
        super::users::CreateUser {
            region_kode: region,
            username,
            full_name,
            email,
            password_hash: password_hash.unwrap_or(INVITED),
        },
    )
    .await?;
    super::users::add_membership(&mut *conn, Some(actor), region, id, organization, role).await?;
    let token = match password_hash {
        None => Some(issue(conn, Some(actor), region, id, Purpose::Undangan).await?),
        Some(_) => None,
    };
    Ok((id, token))
}

/// `create_member` in a transaction of its own.
#[allow(clippy::too_many_arguments)]
pub async fn create_member_alone(
    db: &PgPool,
    actor: Uuid,
    region: &str,
    username: &str,
    full_name: &str,
    email: Option<&str>,
    password_hash: Option<&str>,
    organization: Uuid,
    role: crate::domain::role::Role,
) -> Result<(Uuid, Option<String>), super::SaveError> {
    let mut tx = db.begin().await?;
    let done = create_member(
        &mut tx,
        actor,
        region,
        username,
        full_name,
        email,
        password_hash,
        organization,
        role,
    )
    .await?;
    tx.commit().await?;
    Ok(done)
}
