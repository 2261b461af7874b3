//! What the public Atom feeds carry (SPEC §10): only what a visitor may
//! read on the pages themselves (published plans and those in public
//! consultation, and the public timeline of proposals), newest first.

use sqlx::PgPool;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::plan::{PlanKind, Stage};
use crate::domain::proposal::Status;

/// Entries per feed.
pub const ENTRIES: i64 = 50;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanEntry {
    pub id: Uuid,
    pub title: String,
    pub kind: PlanKind,
    pub stage: Stage,
    pub region_nama: String,
    pub first_year: i32,
    pub last_year: i32,
    /// When it entered its current stage (or was last changed).
    pub at: OffsetDateTime,
    pub closes_at: Option<OffsetDateTime>,
}

/// Plans a visitor may read in `stages`, of a region or of all.
pub async fn plans(
    db: &PgPool,
    region: Option<&str>,
    stages: &[Stage],
) -> Result<Vec<PlanEntry>, sqlx::Error> {
    sqlx::query_as(
        // across regions: the national feed when no region is asked: one
        // page (LIMIT)
        "SELECT p.id, p.title, p.kind, p.stage, r.nama AS region_nama, p.first_year, p.last_year,
                COALESCE((SELECT max(t.at) FROM plan_transitions t
                          WHERE t.plan_id = p.id AND t.to_stage = p.stage), p.updated_at) AS at,
                (SELECT s.closes_at FROM stage_schedules s
                  WHERE s.plan_id = p.id AND s.stage = p.stage) AS closes_at
         FROM plans p JOIN regions r ON r.kode = p.region_kode
         WHERE p.stage = ANY($1) AND ($2::text IS NULL OR p.region_kode = $2)
         ORDER BY at DESC, p.id LIMIT $3",
    )
    .bind(stages)
    .bind(region)
    .bind(ENTRIES)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DecisionEntry {
    pub event: i64,
    pub nomor: String,
    pub title: String,
    pub status: Status,
    /// As the public timeline shows it: the organization, never the person.
    pub actor_org: Option<String>,
    pub recommendation: String,
    pub wilayah_nama: String,
    pub region_nama: String,
    pub at: OffsetDateTime,
}

/// Decisions on proposals (accepted, refused, deferred), of a region or all.
pub async fn decisions(
    db: &PgPool,
    region: Option<&str>,
) -> Result<Vec<DecisionEntry>, sqlx::Error> {
    // across regions: the national decisions feed when no region is asked, one page (LIMIT).
    sqlx::query_as(
        "SELECT e.id AS event, p.nomor, p.title, e.to_status AS status, o.name AS actor_org,
                e.recommendation, w.nama AS wilayah_nama, r.nama AS region_nama, e.at
         FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id
         JOIN regions w ON w.kode = p.wilayah_kode JOIN regions r ON r.kode = p.region_kode
         LEFT JOIN organizations o ON o.id = e.actor_org_id
         WHERE e.to_status IN ('diakomodir', 'ditolak', 'ditunda', 'digabung', 'dipecah')
           AND ($1::text IS NULL OR p.region_kode = $1)
         ORDER BY e.id DESC LIMIT $2",
    )
    .bind(region)
    .bind(ENTRIES)
    .fetch_all(db)
    .await
}
