//! The audit log: append-only (the table refuses UPDATE and DELETE).

use serde_json::Value;
use sqlx::PgConnection;
use uuid::Uuid;

pub struct Entry<'a> {
    pub region_kode: Option<&'a str>,
    pub actor_id: Option<Uuid>,
    /// What happened, as a verb: `create`, `update`, `deactivate`, ...
    pub action: &'a str,
    /// The kind of record: `user`, `organization`, `membership`, ...
    pub entity: &'a str,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub async fn record(conn: &mut PgConnection, e: Entry<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (region_kode, actor_id, action, entity, entity_id, before, after)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(e.region_kode)
    .bind(e.actor_id)
    .bind(e.action)
    .bind(e.entity)
    .bind(e.entity_id)
    .bind(e.before)
    .bind(e.after)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub at: time::OffsetDateTime,
    pub actor_username: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl AuditRow {
    /// The action in words for the history lists.
    pub fn action_label(&self) -> &str {
        match self.action.as_str() {
            "create" => "dibuat",
            "update" => "diubah",
            "delete" => "dihapus",
            "set_password" => "kata sandi ditetapkan",
            "activate" => "diaktifkan",
            "deactivate" => "dinonaktifkan",
            other => other,
        }
    }
}

/// The latest entries about one record, newest first.
pub async fn for_entity(
    db: &sqlx::PgPool,
    entity: &str,
    entity_id: &str,
    limit: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    sqlx::query_as(
        // across regions: what was done to a person: their own acts (no
        // region) and each region's
        "SELECT a.at, u.username AS actor_username, a.action, a.entity, a.entity_id, a.before, a.after
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         WHERE a.entity = $1 AND a.entity_id = $2
         ORDER BY a.id DESC LIMIT $3",
    )
    .bind(entity)
    .bind(entity_id)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Whether `actor` did `action` to the user `target` within the last day.
pub async fn did_recently(
    db: impl sqlx::PgExecutor<'_>,
    actor: uuid::Uuid,
    action: &str,
    target: uuid::Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        // across regions: one admin's acts on one person, in any region
        "SELECT EXISTS (SELECT 1 FROM audit_log
                        WHERE actor_id = $1 AND action = $2 AND entity = 'user' AND entity_id = $3
                          AND at > now() - interval '1 day')",
    )
    .bind(actor)
    .bind(action)
    .bind(target.to_string())
    .fetch_one(db)
    .await
}
