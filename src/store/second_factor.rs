//! The second factor of staff accounts: whether one is required and set
//! up, checking a code once (no replays), recovery codes, enrolment and an
//! admin's reset. The codes themselves are `auth::totp`.

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::{audit, notifications, sessions};
use crate::domain::role::Role;

#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Status {
    /// The account holds a role that must sign in with a second factor.
    pub required: bool,
    pub enrolled: bool,
}

pub async fn status(db: &PgPool, user: Uuid) -> Result<Status, sqlx::Error> {
    let roles: Vec<String> = Role::ALL
        .into_iter()
        .filter(|r| r.needs_second_factor())
        .map(|r| r.as_str().to_string())
        .collect();
    sqlx::query_as(
        // across regions: a person's memberships, in every region they work in
        "SELECT EXISTS (SELECT 1 FROM memberships m JOIN organizations o ON o.id = m.organization_id
                        WHERE m.user_id = u.id AND o.active AND m.role::text = ANY($2)) AS required,
                u.totp_enabled_at IS NOT NULL AND u.totp_secret IS NOT NULL AS enrolled
         FROM users u WHERE u.id = $1",
    )
    .bind(user)
    .bind(&roles)
    .fetch_one(db)
    .await
}

pub async fn secret(db: &PgPool, user: Uuid) -> Result<Option<Vec<u8>>, sqlx::Error> {
    Ok(
        sqlx::query_scalar::<_, Option<Vec<u8>>>("SELECT totp_secret FROM users WHERE id = $1")
            .bind(user)
            .fetch_optional(db)
            .await?
            .flatten(),
    )
}

/// Takes the time step of a right code as used; false when it (or a later
/// one) was used before and `refuse_replay` holds. Atomic, so two parallel
/// sign-ins with one code cannot both pass.
pub async fn use_step(
    db: &PgPool,
    user: Uuid,
    step: i64,
    refuse_replay: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE users SET totp_last_step = GREATEST(COALESCE(totp_last_step, $2), $2)
         WHERE id = $1 AND (NOT $3 OR totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(user)
    .bind(step)
    .bind(refuse_replay)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Uses up a recovery code; false when it is not one of the user's unused.
pub async fn use_recovery(db: &PgPool, user: Uuid, hash: &[u8]) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
    )
    .bind(user)
    .bind(hash)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets up the second factor: the confirmed secret, its first used step
/// and fresh recovery codes (their hashes), audited. False when the
/// account has one already.
pub async fn enrol(
    conn: &mut PgConnection,
    user: Uuid,
    region: &str,
    secret: &[u8],
    step: i64,
    code_hashes: &[Vec<u8>],
) -> Result<bool, sqlx::Error> {
    // Only an account without a factor: a second enrolment page, opened
    // earlier, cannot replace one set up since.
    let done = sqlx::query(
        "UPDATE users SET totp_secret = $2, totp_enabled_at = now(), totp_last_step = $3
         WHERE id = $1 AND totp_enabled_at IS NULL",
    )
    .bind(user)
    .bind(secret)
    .bind(step)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, h FROM unnest($2::bytea[]) AS h",
    )
    .bind(user)
    .bind(code_hashes)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(user),
            action: "enrol_second_factor",
            entity: "user",
            entity_id: user.to_string(),
            before: None,
            after: Some(json!({"recovery_codes": code_hashes.len()})),
        },
    )
    .await?;
    Ok(true)
}

/// An admin's reset: the secret and recovery codes are gone, every session
/// ends, the next sign-in sets the factor up again. Audited and told to
/// the person.
pub async fn reset(
    conn: &mut PgConnection,
    actor: Uuid,
    user: Uuid,
    region: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = $1",
    )
    .bind(user)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user)
        .execute(&mut *conn)
        .await?;
    sessions::delete_for_user(conn, user, None).await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action: "reset_second_factor",
            entity: "user",
            entity_id: user.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    notifications::send(
        conn,
        &[user],
        Some(actor),
        region,
        notifications::Reveals::Personal,
        "Verifikasi dua langkah akun Anda diatur ulang oleh administrator",
        "Saat masuk berikutnya Anda akan diminta memasang aplikasi autentikator lagi. Bila Anda tidak memintanya, hubungi administrator wilayah Anda.",
        "/",
    )
    .await?;
    notifications::tell_other_admins(
        conn,
        region,
        actor,
        user,
        "Verifikasi dua langkah sebuah akun diatur ulang",
        "Seorang administrator mengatur ulang verifikasi dua langkah akun ini. Periksa riwayatnya bila tidak sesuai.",
        &format!("/admin/pengguna/{user}"),
    )
    .await
}

/// The demo: the demo's own accounts (`usernames`) that must use a second
/// factor and have none yet are enrolled with the published demo secret (no
/// recovery codes). No other account is touched.
pub async fn enrol_demo(
    db: &PgPool,
    usernames: &[&str],
    secret: &[u8],
) -> Result<u64, sqlx::Error> {
    let roles: Vec<String> = Role::ALL
        .into_iter()
        .filter(|r| r.needs_second_factor())
        .map(|r| r.as_str().to_string())
        .collect();
    // across regions: people by name (a reference table), with their
    // memberships in any region
    let done = sqlx::query(
        "UPDATE users u SET totp_secret = $1, totp_enabled_at = now()
         WHERE u.username = ANY($3) AND u.totp_secret IS NULL
           AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role::text = ANY($2))",
    )
    .bind(secret)
    .bind(&roles)
    .bind(usernames)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
