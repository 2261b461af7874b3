//! Comments on proposals: public like the proposal's page. Writing one
//! tells the proposer and the followers; removing one keeps the row (who,
//! when, why) and the thread shows it as removed. Each write audited.

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use super::audit;
use super::proposals::Proposal;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Comment {
    pub id: Uuid,
    pub author_id: Uuid,
    pub author_name: String,
    pub body: String,
    pub created_at: OffsetDateTime,
    pub removed_at: Option<OffsetDateTime>,
    pub removed_reason: Option<String>,
}

/// A proposal's comments, oldest first; `region` is the proposal's.
pub async fn of(db: &PgPool, region: &str, proposal: Uuid) -> Result<Vec<Comment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.author_id, u.full_name AS author_name, c.body, c.created_at, c.removed_at,
                c.removed_reason
         FROM proposal_comments c JOIN users u ON u.id = c.author_id
         WHERE c.proposal_id = $1 AND c.region_kode = $2 ORDER BY c.created_at, c.id",
    )
    .bind(proposal)
    .bind(region)
    .fetch_all(db)
    .await
}

/// A comment of the proposal, of `region`.
pub async fn get(
    db: &PgPool,
    region: &str,
    proposal: Uuid,
    id: Uuid,
) -> Result<Option<Comment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.author_id, u.full_name AS author_name, c.body, c.created_at, c.removed_at,
                c.removed_reason
         FROM proposal_comments c JOIN users u ON u.id = c.author_id
         WHERE c.proposal_id = $1 AND c.id = $2 AND c.region_kode = $3",
    )
    .bind(proposal)
    .bind(id)
    .bind(region)
    .fetch_optional(db)
    .await
}

/// Writes a comment (its body already checked), audited; the proposer and
/// the followers hear of it, the author aside.
pub async fn add(
    conn: &mut PgConnection,
    p: &Proposal,
    author: Uuid,
    body: &str,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO proposal_comments (id, proposal_id, region_kode, author_id, body)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(p.id)
    .bind(&p.region_kode)
    .bind(author)
    .bind(body)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&p.region_kode),
            actor_id: Some(author),
            action: "create",
            entity: "proposal_comment",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({"proposal": p.nomor, "body": body})),
        },
    )
    .await?;
    let to_users =
        super::follows::proposal_audience(conn, &p.region_kode, p.id, p.proposer_id).await?;
    let excerpt: String = body.chars().take(200).collect();
    super::notifications::send(
        conn,
        &to_users,
        Some(author),
        &p.region_kode,
        super::notifications::Reveals::Personal,
        &format!("Komentar baru pada usulan {}", p.nomor),
        &excerpt,
        &format!("/usulan/{}#k-{id}", p.nomor),
    )
    .await?;
    Ok(id)
}

/// Removes a comment (the policy asked first): its text stays in the
/// audit log, the thread says it was removed and why.
pub async fn remove(
    conn: &mut PgConnection,
    p: &Proposal,
    c: &Comment,
    by: Uuid,
    reason: &str,
) -> Result<(), sqlx::Error> {
    let done = sqlx::query(
        "UPDATE proposal_comments SET removed_at = now(), removed_by = $2, removed_reason = NULLIF($3, '')
         WHERE id = $1 AND region_kode = $4 AND removed_at IS NULL",
    )
    .bind(c.id)
    .bind(by)
    .bind(reason)
    .bind(&p.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        // Removed by someone else a moment ago: nothing to record.
        return Ok(());
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&p.region_kode),
            actor_id: Some(by),
            action: "remove",
            entity: "proposal_comment",
            entity_id: c.id.to_string(),
            before: Some(serde_json::json!({"body": c.body})),
            after: Some(serde_json::json!({"reason": reason})),
        },
    )
    .await
}
