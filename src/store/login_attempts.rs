//! Sign-in attempts, counted for throttling (see `auth::throttle`).

use sqlx::PgPool;
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
    db: &PgPool,
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
