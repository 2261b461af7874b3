//! Photos and documents on proposals, in the database (backed up with the
//! proposal). Public like the proposal; a removed file keeps its row, not
//! its bytes. Each write audited.

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use super::audit;
use super::proposals::Proposal;
use crate::domain::attachment::Prepared;

/// A file as listed (without its bytes).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attachment {
    pub id: Uuid,
    pub kind: String,
    pub mime: String,
    pub name: String,
    pub caption: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub size: i32,
    pub uploaded_by: Uuid,
    pub created_at: OffsetDateTime,
}

/// A proposal's files still there, oldest first; `region` is the
/// proposal's.
pub async fn of(db: &PgPool, region: &str, proposal: Uuid) -> Result<Vec<Attachment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, mime, name, caption, width, height, size, uploaded_by, created_at
         FROM proposal_files WHERE proposal_id = $1 AND region_kode = $2 AND removed_at IS NULL
         ORDER BY created_at, id",
    )
    .bind(proposal)
    .bind(region)
    .fetch_all(db)
    .await
}

/// A file of the proposal, of `region`.
pub async fn get(
    db: &PgPool,
    region: &str,
    proposal: Uuid,
    id: Uuid,
) -> Result<Option<Attachment>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, mime, name, caption, width, height, size, uploaded_by, created_at
         FROM proposal_files
         WHERE proposal_id = $1 AND id = $2 AND region_kode = $3 AND removed_at IS NULL",
    )
    .bind(proposal)
    .bind(id)
    .bind(region)
    .fetch_optional(db)
    .await
}

/// The stored bytes (the thumbnail with `thumb`), with their type.
pub async fn bytes(
    db: &PgPool,
    region: &str,
    proposal: Uuid,
    id: Uuid,
    thumb: bool,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, Option<Vec<u8>>)> = sqlx::query_as(
        "SELECT CASE WHEN $3 THEN 'image/jpeg' ELSE mime END, CASE WHEN $3 THEN thumb ELSE bytes END
         FROM proposal_files
         WHERE proposal_id = $1 AND id = $2 AND region_kode = $4 AND removed_at IS NULL",
    )
    .bind(proposal)
    .bind(id)
    .bind(thumb)
    .bind(region)
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|(mime, b)| b.map(|b| (mime, b))))
}

/// How many files a proposal holds now, its row locked until the
/// transaction ends (so concurrent uploads count one after the other).
pub async fn count_locked(
    conn: &mut PgConnection,
    region: &str,
    proposal: Uuid,
) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT 1 FROM proposals WHERE id = $1 AND region_kode = $2 FOR UPDATE")
        .bind(proposal)
        .bind(region)
        .execute(&mut *conn)
        .await?;
    sqlx::query_scalar(
        "SELECT count(*) FROM proposal_files
         WHERE proposal_id = $1 AND region_kode = $2 AND removed_at IS NULL",
    )
    .bind(proposal)
    .bind(region)
    .fetch_one(conn)
    .await
}

/// Stores a prepared file, audited, and tells the proposer and followers.
pub async fn add(
    conn: &mut PgConnection,
    p: &Proposal,
    by: Uuid,
    name: &str,
    caption: &str,
    f: &Prepared,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO proposal_files (id, proposal_id, region_kode, kind, mime, name, caption, bytes, thumb,
                                     width, height, size, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(id)
    .bind(p.id)
    .bind(&p.region_kode)
    .bind(f.kind)
    .bind(f.mime)
    .bind(name)
    .bind(caption)
    .bind(&f.bytes)
    .bind(&f.thumb)
    .bind(f.width.map(|w| w as i32))
    .bind(f.height.map(|h| h as i32))
    .bind(f.bytes.len() as i32)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    let after = serde_json::json!({"proposal": p.nomor, "name": name, "kind": f.kind, "size": f.bytes.len()});
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&p.region_kode),
            actor_id: Some(by),
            action: "create",
            entity: "proposal_file",
            entity_id: id.to_string(),
            before: None,
            after: Some(after),
        },
    )
    .await?;
    let to = super::follows::proposal_audience(conn, &p.region_kode, p.id, p.proposer_id).await?;
    let what = if f.kind == "foto" { "Foto" } else { "Dokumen" };
    super::notifications::send(
        conn,
        &to,
        Some(by),
        &p.region_kode,
        super::notifications::Reveals::Personal,
        &format!("{what} baru pada usulan {}", p.nomor),
        name,
        &format!("/usulan/{}#lampiran", p.nomor),
    )
    .await?;
    Ok(id)
}

/// Removes a file: its bytes go, its row stays (audited).
pub async fn remove(
    conn: &mut PgConnection,
    p: &Proposal,
    f: &Attachment,
    by: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE proposal_files SET removed_at = now(), removed_by = $2, bytes = NULL, thumb = NULL
         WHERE id = $1 AND region_kode = $3 AND removed_at IS NULL",
    )
    .bind(f.id)
    .bind(by)
    .bind(&p.region_kode)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&p.region_kode),
            actor_id: Some(by),
            action: "remove",
            entity: "proposal_file",
            entity_id: f.id.to_string(),
            before: Some(serde_json::json!({"name": f.name, "proposal": p.nomor})),
            after: None,
        },
    )
    .await
}
