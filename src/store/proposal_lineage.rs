//! Merging and splitting proposals (issue 17), and their lineage both
//! ways: a merged proposal ends "digabung" with a link to the one it went
//! into; a split one ends "dipecah" with links to its parts, which carry
//! on from where it stood. Each step is in the public timelines, audited,
//! and told to the proposers and followers.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::audit;
use super::proposals::{NewProposal, Proposal, create, event, event_at};
use crate::domain::proposal::{Part, Status};

/// A proposal on the other end of a link.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Linked {
    pub kind: String,
    /// This proposal is the link's `from` (merged into, split from).
    pub outgoing: bool,
    pub nomor: String,
    pub title: String,
    pub status: Status,
}

/// Every link of a proposal, by number; `region` is the proposal's (a
/// merge or split stays in one region).
pub async fn of(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Linked>, sqlx::Error> {
    sqlx::query_as(
        "SELECT l.kind, l.from_id = $1 AS outgoing, p.nomor, p.title, p.status
         FROM proposal_links l
         JOIN proposals p ON p.id = CASE WHEN l.from_id = $1 THEN l.to_id ELSE l.from_id END
         WHERE (l.from_id = $1 OR l.to_id = $1) AND l.region_kode = $2 AND p.region_kode = $2
         ORDER BY p.nomor",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

/// Why a merge or split wrote nothing.
#[derive(Debug)]
pub enum ReshapeError {
    /// A proposal changed since it was read: nothing written.
    Stale(String),
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ReshapeError {
    fn from(e: sqlx::Error) -> Self {
        ReshapeError::Db(e)
    }
}

/// Ends `p` in `to` if it is still as read (version and status).
async fn end(conn: &mut PgConnection, p: &Proposal, to: Status) -> Result<(), ReshapeError> {
    let done = sqlx::query(
        "UPDATE proposals SET status = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND region_kode = $4",
    )
    .bind(p.id)
    .bind(p.version)
    .bind(to)
    .bind(&p.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(ReshapeError::Stale(p.nomor.clone()));
    }
    Ok(())
}

async fn link(
    conn: &mut PgConnection,
    from: Uuid,
    to: Uuid,
    kind: &str,
    region: &str,
    actor: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO proposal_links (from_id, to_id, kind, region_kode, actor_id) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(from)
    .bind(to)
    .bind(kind)
    .bind(region)
    .bind(actor)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Tells a proposal's proposer and followers (the actor aside).
async fn tell(
    conn: &mut PgConnection,
    p: &Proposal,
    actor: Uuid,
    title: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    let to = super::follows::proposal_audience(conn, &p.region_kode, p.id, p.proposer_id).await?;
    super::notifications::send(
        conn,
        &to,
        Some(actor),
        &p.region_kode,
        super::notifications::Reveals::Personal,
        title,
        body,
        &format!("/usulan/{}#riwayat", p.nomor),
    )
    .await
}

fn audited<'a>(
    p: &'a Proposal,
    actor: Uuid,
    action: &'a str,
    after: serde_json::Value,
) -> audit::Entry<'a> {
    audit::Entry {
        region_kode: Some(&p.region_kode),
        actor_id: Some(actor),
        action,
        entity: "proposal",
        entity_id: p.id.to_string(),
        before: Some(serde_json::json!({"status": p.status})),
        after: Some(after),
    }
}

/// Merges `sources` into `target` (the caller checked who and which),
/// at `meeting` when it was decided at one.
pub async fn merge(
    conn: &mut PgConnection,
    target: &Proposal,
    sources: &[Proposal],
    actor: Uuid,
    org: Option<Uuid>,
    meeting: Option<Uuid>,
) -> Result<(), ReshapeError> {
    // The target too must still be as read (not decided, merged or split
    // meanwhile): its version moves with the merge.
    let kept = sqlx::query(
        "UPDATE proposals SET version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND status = $3 AND region_kode = $4",
    )
    .bind(target.id)
    .bind(target.version)
    .bind(target.status)
    .bind(&target.region_kode)
    .execute(&mut *conn)
    .await?;
    if kept.rows_affected() == 0 {
        return Err(ReshapeError::Stale(target.nomor.clone()));
    }
    let names: Vec<&str> = sources.iter().map(|s| s.nomor.as_str()).collect();
    for s in sources {
        end(conn, s, Status::Digabung).await?;
        let note = format!("Digabung ke {} ({}).", target.nomor, target.title);
        event_at(
            conn,
            s.id,
            &s.region_kode,
            Some(s.status),
            Status::Digabung,
            &note,
            Some(actor),
            org,
            meeting,
        )
        .await?;
        link(conn, s.id, target.id, "gabung", &s.region_kode, actor).await?;
        let after = serde_json::json!({"status": Status::Digabung, "into": target.nomor});
        audit::record(conn, audited(s, actor, "merge", after)).await?;
        tell(
            conn,
            s,
            actor,
            &format!("Usulan {} digabung ke {}", s.nomor, target.nomor),
            &note,
        )
        .await?;
    }
    let note = format!("Menggabungkan usulan {}.", names.join(", "));
    event_at(
        conn,
        target.id,
        &target.region_kode,
        Some(target.status),
        target.status,
        &note,
        Some(actor),
        org,
        meeting,
    )
    .await?;
    audit::record(
        conn,
        audited(target, actor, "merge", serde_json::json!({"merged": names})),
    )
    .await?;
    tell(
        conn,
        target,
        actor,
        &format!("Usulan lain digabung ke {}", target.nomor),
        &note,
    )
    .await?;
    Ok(())
}

/// Splits `p` into `parts`, each a new proposal (its own number) that
/// carries on from where `p` stood; returns their numbers.
pub async fn split(
    conn: &mut PgConnection,
    p: &Proposal,
    parts: &[Part],
    actor: Uuid,
    org: Option<Uuid>,
) -> Result<Vec<String>, ReshapeError> {
    end(conn, p, Status::Dipecah).await?;
    let mut numbers = Vec::with_capacity(parts.len());
    for part in parts {
        let (id, nomor) = create(conn, new_part(p, part)).await?;
        sqlx::query(
            "UPDATE proposals SET status = $2, rank_desa = $3, rank_kecamatan = $4
             WHERE id = $1 AND region_kode = $5",
        )
        .bind(id)
        .bind(p.status)
        .bind(p.rank_desa)
        .bind(p.rank_kecamatan)
        .bind(&p.region_kode)
        .execute(&mut *conn)
        .await?;
        let from = p.source.first_status();
        let note = format!("Dipecah dari {} ({}).", p.nomor, p.title);
        event(
            conn,
            id,
            &p.region_kode,
            Some(from),
            p.status,
            &note,
            Some(actor),
            org,
        )
        .await?;
        link(conn, p.id, id, "pecah", &p.region_kode, actor).await?;
        numbers.push(nomor);
    }
    let note = format!("Dipecah menjadi {}.", numbers.join(", "));
    event(
        conn,
        p.id,
        &p.region_kode,
        Some(p.status),
        Status::Dipecah,
        &note,
        Some(actor),
        org,
    )
    .await?;
    let after = serde_json::json!({"status": Status::Dipecah, "parts": numbers});
    audit::record(conn, audited(p, actor, "split", after)).await?;
    tell(
        conn,
        p,
        actor,
        &format!("Usulan {} dipecah", p.nomor),
        &note,
    )
    .await?;
    Ok(numbers)
}

/// A part as a new proposal: the original's sender, place, kind and year.
fn new_part<'a>(p: &'a Proposal, part: &'a Part) -> NewProposal<'a> {
    NewProposal {
        region_kode: &p.region_kode,
        source: p.source,
        title: &part.title,
        problem: &p.problem,
        solution: &p.solution,
        wilayah_kode: &p.wilayah_kode,
        latitude: p.latitude,
        longitude: p.longitude,
        kamus_id: p.kamus_id,
        volume: part.volume,
        satuan: &p.satuan,
        estimated_cost: part.estimated_cost,
        proposer_id: p.proposer_id,
        proposer_org_id: p.proposer_org_id,
        reses_ref: p.reses_ref.as_deref(),
        target_year: p.target_year,
    }
}
