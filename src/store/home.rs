//! What a person's home page counts: a fixed handful of statements,
//! whatever the size of the region (the page then keeps what the policy
//! lets this person see).

use sqlx::PgPool;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::plan::{PlanKind, Stage};
use crate::domain::proposal::Status;
use crate::domain::role::Role;

/// A plan of the region (or one the person's organization owns) with what
/// waits on it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRow {
    pub id: Uuid,
    pub region_kode: String,
    pub kind: PlanKind,
    pub title: String,
    pub stage: Stage,
    pub owner_org_id: Option<Uuid>,
    /// The current stage's schedule, if it has one.
    pub opens_at: Option<OffsetDateTime>,
    pub closes_at: Option<OffsetDateTime>,
    /// Top-level comments not yet given a tindak lanjut.
    pub waiting_tl: i64,
    /// Changed since this person last marked it seen (or never seen).
    pub changed: bool,
}

impl PlanRow {
    pub fn window(&self) -> crate::domain::stage::Window {
        crate::domain::stage::window(self.opens_at.zip(self.closes_at), OffsetDateTime::now_utc())
    }
}

/// The region's plans, in one statement.
pub async fn plans(db: &PgPool, region: &str, user: Uuid) -> Result<Vec<PlanRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.region_kode, p.kind, p.title, p.stage, p.owner_org_id, s.opens_at, s.closes_at,
            (SELECT count(*) FROM comments c WHERE c.plan_id = p.id AND c.parent_id IS NULL
                AND c.removed_at IS NULL AND c.tl_status IS NULL) AS waiting_tl,
            (v.seen_at IS NULL OR GREATEST(p.updated_at,
                (SELECT max(i.updated_at) FROM plan_items i WHERE i.plan_id = p.id),
                (SELECT max(n.updated_at) FROM indicators n WHERE n.plan_id = p.id),
                (SELECT max(b.updated_at) FROM plan_sections b WHERE b.plan_id = p.id)) > v.seen_at) AS changed
         FROM plans p
         LEFT JOIN stage_schedules s ON s.plan_id = p.id AND s.stage = p.stage
         LEFT JOIN plan_views v ON v.plan_id = p.id AND v.user_id = $2
         WHERE p.region_kode = $1
         ORDER BY p.first_year DESC, p.kind, p.title",
    )
    .bind(region)
    .bind(user)
    .fetch_all(db)
    .await
}

/// What the person themselves sent and what became of it, in one
/// statement: their proposals per status (with the source), their
/// top-level comments and how many were answered.
#[derive(Debug, Clone, Default)]
pub struct Own {
    pub proposals: Vec<(Status, i64)>,
    pub comments: i64,
    pub answered: i64,
}

/// A count of `Own`: the proposals of a status, or (no status) the
/// comments with how many were answered.
#[derive(sqlx::FromRow)]
struct OwnRow {
    status: Option<Status>,
    n: i64,
    answered: i64,
}

pub async fn own(db: &PgPool, user: Uuid) -> Result<Own, sqlx::Error> {
    // across regions: a person's own proposals and comments, in any region
    let rows: Vec<OwnRow> = sqlx::query_as(
        "SELECT status, count(*) AS n, 0::bigint AS answered FROM proposals WHERE proposer_id = $1
         GROUP BY status
         UNION ALL
         SELECT NULL, count(*), count(*) FILTER (WHERE tl_status IS NOT NULL) FROM comments
         WHERE author_id = $1 AND parent_id IS NULL AND removed_at IS NULL",
    )
    .bind(user)
    .fetch_all(db)
    .await?;
    let mut own = Own::default();
    for r in rows {
        match r.status {
            Some(s) => own.proposals.push((s, r.n)),
            None => {
                own.comments = r.n;
                own.answered = r.answered;
            }
        }
    }
    own.proposals
        .sort_by_key(|(s, _)| Status::ALL.iter().position(|x| x == s));
    Ok(own)
}

/// For a region's admin: staff accounts that still lack their second
/// factor, and invitations not yet taken.
pub async fn admin_counts(db: &PgPool, region: &str) -> Result<(i64, i64), sqlx::Error> {
    let staff: Vec<String> = Role::ALL
        .into_iter()
        .filter(|r| r.needs_second_factor())
        .map(|r| r.as_str().to_string())
        .collect();
    sqlx::query_as(
        "SELECT
            (SELECT count(*) FROM users u WHERE u.region_kode = $1 AND u.active
               AND (u.totp_enabled_at IS NULL OR u.totp_secret IS NULL)
               AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role::text = ANY($2))),
            (SELECT count(*) FROM account_links l JOIN users u ON u.id = l.user_id
               WHERE u.region_kode = $1 AND l.purpose = 'undangan' AND l.used_at IS NULL AND l.expires_at > now())",
    )
    .bind(region)
    .bind(&staff)
    .fetch_one(db)
    .await
}
