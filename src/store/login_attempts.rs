//! Sign-in attempts, counted for throttling (see `auth::throttle`).

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;

pub async fn record(
    db: &PgPool,
    username_key: &str,
    client_addr: &str,
    succeeded: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO login_attempts (username_key, client_addr, succeeded) VALUES ($1, $2, $3)",
    )
    .bind(username_key)
    .bind(client_addr)
    .bind(succeeded)
    .execute(db)
    .await?;
    Ok(())
}

/// Recent failures for the typed username (since its last success) and
/// for the client address, with the time of the `nth` most recent failure
/// of each (the one whose expiry lifts a lock of `nth` failures).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recent {
    pub account_failures: i64,
    pub account_nth_at: Option<OffsetDateTime>,
    pub addr_failures: i64,
    pub addr_nth_at: Option<OffsetDateTime>,
}

pub async fn recent(
    db: &mut PgConnection,
    username_key: &str,
    client_addr: &str,
    window_secs: f64,
    account_nth: i64,
    addr_nth: i64,
) -> Result<Recent, sqlx::Error> {
    sqlx::query_as(
        "WITH acct AS (
             SELECT at FROM login_attempts
             WHERE username_key = $1 AND NOT succeeded
               AND at > now() - make_interval(secs => $3)
               AND at > COALESCE((SELECT max(at) FROM login_attempts
                                  WHERE username_key = $1 AND succeeded), '-infinity')
         ), addr AS (
             SELECT at FROM login_attempts
             WHERE client_addr = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3)
         )
         SELECT (SELECT count(*) FROM acct) AS account_failures,
                (SELECT at FROM acct ORDER BY at DESC OFFSET $4 - 1 LIMIT 1) AS account_nth_at,
                (SELECT count(*) FROM addr) AS addr_failures,
                (SELECT at FROM addr ORDER BY at DESC OFFSET $5 - 1 LIMIT 1) AS addr_nth_at",
    )
    .bind(username_key)
    .bind(client_addr)
    .bind(window_secs)
    .bind(account_nth)
    .bind(addr_nth)
    .fetch_one(db)
    .await
}

/// Check and record in one step. Under a lock of the account key and then
/// of the client address (always in that order, so two attempts never
/// wait on each other crosswise), counts the recent failures, asks
/// `decide`, and unless it refuses records this attempt as failed until
/// `succeeded` says otherwise. Parallel guesses thus queue on the lock and
/// each counts the ones before it: no burst gets past the limit.
pub async fn begin<V>(
    db: &PgPool,
    username_key: &str,
    client_addr: &str,
    window_secs: f64,
    account_nth: i64,
    addr_nth: i64,
    decide: impl FnOnce(&Recent) -> (V, bool),
) -> Result<(V, Option<i64>), sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "SELECT pg_advisory_xact_lock(hashtextextended('selaras-sign-in-account:' || $1, 0))",
    )
    .bind(username_key)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "SELECT pg_advisory_xact_lock(hashtextextended('selaras-sign-in-client:' || $1, 0))",
    )
    .bind(client_addr)
    .execute(&mut *tx)
    .await?;
    let r = recent(
        &mut tx,
        username_key,
        client_addr,
        window_secs,
        account_nth,
        addr_nth,
    )
    .await?;
    let (verdict, proceed) = decide(&r);
    let attempt = if proceed {
        Some(
            sqlx::query_scalar(
                "INSERT INTO login_attempts (username_key, client_addr, succeeded) VALUES ($1, $2, false) RETURNING id",
            )
            .bind(username_key)
            .bind(client_addr)
            .fetch_one(&mut *tx)
            .await?,
        )
    } else {
        None
    };
    tx.commit().await?;
    Ok((verdict, attempt))
}

/// The attempt `begin` recorded turned out right.
pub async fn succeeded(db: &PgPool, attempt: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE login_attempts SET succeeded = true WHERE id = $1")
        .bind(attempt)
        .execute(db)
        .await?;
    Ok(())
}

/// The attempt `begin` recorded was never judged (the server was too busy
/// to check it): it counts for nothing.
pub async fn forget(db: &PgPool, attempt: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_attempts WHERE id = $1")
        .bind(attempt)
        .execute(db)
        .await?;
    Ok(())
}
