//! Following a plan, an item or an indicator.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Whether `user` follows `object`, of `region`.
pub async fn is_following(
    db: &PgPool,
    region: &str,
    user: Uuid,
    object: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM follows
                         WHERE user_id = $1 AND object_id = $2 AND region_kode = $3)",
    )
    .bind(user)
    .bind(object)
    .bind(region)
    .fetch_one(db)
    .await
}

/// Follows or stops following; returns whether the user now follows.
pub async fn toggle(
    conn: &mut PgConnection,
    user: Uuid,
    object: Uuid,
    plan: Uuid,
    region: &str,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query(
        "DELETE FROM follows WHERE user_id = $1 AND object_id = $2 AND region_kode = $3",
    )
    .bind(user)
    .bind(object)
    .bind(region)
    .execute(&mut *conn)
    .await?;
    if removed.rows_affected() > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO follows (user_id, object_id, plan_id, region_kode) VALUES ($1, $2, $3, $4)",
    )
    .bind(user)
    .bind(object)
    .bind(plan)
    .bind(region)
    .execute(conn)
    .await?;
    Ok(true)
}

/// Followers of any of `objects`, all of `region`.
pub async fn followers(
    conn: &mut PgConnection,
    region: &str,
    objects: &[Uuid],
) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT user_id FROM follows WHERE object_id = ANY($1) AND region_kode = $2",
    )
    .bind(objects)
    .bind(region)
    .fetch_all(conn)
    .await
}

/// Whether `user` follows the proposal, of `region`.
pub async fn follows_proposal(
    db: &PgPool,
    region: &str,
    user: Uuid,
    proposal: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM proposal_follows
                         WHERE user_id = $1 AND proposal_id = $2 AND region_kode = $3)",
    )
    .bind(user)
    .bind(proposal)
    .bind(region)
    .fetch_one(db)
    .await
}

/// Follows a proposal or stops following it; returns whether the user
/// now follows.
pub async fn toggle_proposal(
    conn: &mut PgConnection,
    user: Uuid,
    proposal: Uuid,
    region: &str,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query(
        "DELETE FROM proposal_follows WHERE user_id = $1 AND proposal_id = $2 AND region_kode = $3",
    )
    .bind(user)
    .bind(proposal)
    .bind(region)
    .execute(&mut *conn)
    .await?;
    if removed.rows_affected() > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO proposal_follows (user_id, proposal_id, region_kode) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
    )
    .bind(user)
    .bind(proposal)
    .bind(region)
    .execute(conn)
    .await?;
    Ok(true)
}

/// The proposal's proposer and followers: who hears of its steps.
pub async fn proposal_audience(
    conn: &mut PgConnection,
    region: &str,
    proposal: Uuid,
    proposer: Uuid,
) -> Result<Vec<Uuid>, sqlx::Error> {
    let mut users: Vec<Uuid> = sqlx::query_scalar(
        "SELECT user_id FROM proposal_follows WHERE proposal_id = $1 AND region_kode = $2",
    )
    .bind(proposal)
    .bind(region)
    .fetch_all(conn)
    .await?;
    users.push(proposer);
    Ok(users)
}
