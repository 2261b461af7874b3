//! Plan documents and their narrative sections. The cascade (items,
//! indicators, pagu) is in `items` and `indicators`; copying plans (RKPD
//! from RPJMD, RKPD Perubahan from RKPD) in `copy`.

pub mod copy;
pub mod document;
pub mod imports;
pub mod indicators;
pub mod items;
pub mod removal;
pub mod stages;
pub mod structure;

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::{SaveError, audit};
use crate::domain::plan::{PlanKind, Stage};

/// The columns of a `PlanScope` for the plan aliased `p`.
pub const PLAN_SCOPE: &str = "p.region_kode AS plan_region, p.kind AS plan_kind, p.owner_org_id AS plan_owner, p.stage AS plan_stage";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Plan {
    pub id: Uuid,
    pub region_kode: String,
    pub region_nama: String,
    pub kind: PlanKind,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
    pub owner_org_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub parent_id: Option<Uuid>,
    pub parent_title: Option<String>,
    pub rkpd_ref_id: Option<Uuid>,
    pub rkpd_ref_title: Option<String>,
    pub province_ref_id: Option<Uuid>,
    pub province_ref_title: Option<String>,
    /// Region and stage of the parent and the references, so a page can
    /// name only those the visitor may read.
    pub parent_region: Option<String>,
    pub parent_stage: Option<Stage>,
    pub rkpd_ref_region: Option<String>,
    pub rkpd_ref_stage: Option<Stage>,
    pub province_ref_region: Option<String>,
    pub province_ref_stage: Option<Stage>,
    pub stage: Stage,
    pub version: i32,
    /// The base year a medium-term plan is named with, if any.
    pub tahun_dasar: Option<i32>,
    pub item_count: i64,
    /// The current stage's schedule, if one is set.
    pub schedule_opens: Option<time::OffsetDateTime>,
    pub schedule_closes: Option<time::OffsetDateTime>,
}

impl Plan {
    pub fn period(&self) -> String {
        if let Some(base) = self.tahun_dasar {
            return format!("{base}–{}", self.last_year);
        }
        if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}–{}", self.first_year, self.last_year)
        }
    }

    pub fn years(&self) -> Vec<i32> {
        (self.first_year..=self.last_year).collect()
    }

    /// Years that carry pagu: the period, plus the prakiraan maju (N+1)
    /// for annual plans.
    pub fn pagu_years(&self) -> Vec<i32> {
        if self.kind.is_annual() {
            vec![self.first_year, self.first_year + 1]
        } else {
            self.years()
        }
    }

    pub fn window(&self) -> crate::domain::stage::Window {
        crate::domain::stage::window(
            self.schedule_opens.zip(self.schedule_closes),
            time::OffsetDateTime::now_utc(),
        )
    }

    pub fn is_perubahan(&self) -> bool {
        self.kind == PlanKind::RkpdPerubahan
    }
}

const SELECT: &str = "SELECT p.id, p.region_kode, r.nama AS region_nama, p.kind, p.title, p.first_year, p.last_year,
        p.owner_org_id, o.name AS owner_name, p.parent_id, pp.title AS parent_title,
        p.rkpd_ref_id, rk.title AS rkpd_ref_title, p.province_ref_id, pr.title AS province_ref_title,
        pp.region_kode AS parent_region, pp.stage AS parent_stage,
        rk.region_kode AS rkpd_ref_region, rk.stage AS rkpd_ref_stage,
        pr.region_kode AS province_ref_region, pr.stage AS province_ref_stage,
        p.stage, p.version, p.tahun_dasar,
        (SELECT count(*) FROM plan_items i WHERE i.plan_id = p.id) AS item_count,
        sch.opens_at AS schedule_opens, sch.closes_at AS schedule_closes
    FROM plans p
    LEFT JOIN stage_schedules sch ON sch.plan_id = p.id AND sch.stage = p.stage
    JOIN regions r ON r.kode = p.region_kode
    LEFT JOIN organizations o ON o.id = p.owner_org_id
    LEFT JOIN plans pp ON pp.id = p.parent_id
    LEFT JOIN plans rk ON rk.id = p.rkpd_ref_id
    LEFT JOIN plans pr ON pr.id = p.province_ref_id";

/// The plan named in a URL, whatever its region.
pub async fn get(db: impl sqlx::PgExecutor<'_>, id: Uuid) -> Result<Option<Plan>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub use crate::domain::region::regions_around;

/// The province's plans of the same kind as a kab/kota plan whose period
/// covers its first year, the one it names as reference first (empty for a
/// province's own plan). Only what a kab/kota may read of its province:
/// plans in a public stage (`Stage::is_public`), never a province draft.
pub async fn province_plans(db: &PgPool, plan: &Plan) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    let Some((province, _)) = plan.region_kode.split_once('.') else {
        return Ok(Vec::new());
    };
    sqlx::query_as(
        "SELECT id, title FROM plans WHERE region_kode = $1 AND kind = $2 AND first_year <= $3 AND last_year >= $3
           AND stage IN ('ditetapkan', 'konsultasi_publik')
         ORDER BY id IS NOT DISTINCT FROM $4 DESC, first_year DESC, title",
    )
    .bind(province)
    .bind(plan.kind)
    .bind(plan.first_year)
    .bind(plan.province_ref_id)
    .fetch_all(db)
    .await
}

/// Sets (or clears) the province plan a plan refers to, audited.
pub async fn set_province_ref(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    reference: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plans SET province_ref_id = $2 WHERE id = $1 AND region_kode = $3")
        .bind(plan.id)
        .bind(reference)
        .bind(&plan.region_kode)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "plan",
            entity_id: plan.id.to_string(),
            before: Some(json!({"province_ref_id": plan.province_ref_id})),
            after: Some(json!({"province_ref_id": reference})),
        },
    )
    .await
}

/// The plans of a pemda, in cascade order (long-term first), newest first
/// within a kind.
pub async fn list(db: &PgPool, region: &str) -> Result<Vec<Plan>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.region_kode = $1 ORDER BY p.kind, p.first_year DESC, o.name NULLS FIRST, p.title"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

/// The RKPD of every kab/kota of a province for a year (for the
/// province's map), by region.
pub async fn rkpd_in_province(
    db: &PgPool,
    province: &str,
    year: i32,
) -> Result<Vec<Plan>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.kind = 'rkpd' AND p.region_kode LIKE $1 || '.%' AND p.first_year = $2
         ORDER BY p.region_kode, p.title"
    ))
    .bind(province)
    .bind(year)
    .fetch_all(db)
    .await
}

/// A sub kegiatan with its lokasi and pagu of a year (for the map of
/// where the money goes).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LocatedPagu {
    pub id: Uuid,
    pub kode: Option<String>,
    pub nama: String,
    pub lokasi: Vec<String>,
    pub pagu: crate::domain::money::Rupiah,
}

/// Every sub kegiatan of a plan with pagu in `year`, in code order.
pub async fn located_pagu(
    db: &PgPool,
    region: &str,
    plan: Uuid,
    year: i32,
) -> Result<Vec<LocatedPagu>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.id, i.kode, i.nama, i.lokasi, g.amount AS pagu
         FROM plan_items i JOIN item_pagu g
           ON g.item_id = i.id AND g.plan_id = $1 AND g.year = $2 AND g.region_kode = $3
         WHERE i.plan_id = $1 AND i.region_kode = $3 AND i.level = 'sub_kegiatan' AND g.amount > 0
         ORDER BY i.kode NULLS LAST, i.nama",
    )
    .bind(plan)
    .bind(year)
    .bind(region)
    .fetch_all(db)
    .await
}

/// Published plans (ditetapkan) and drafts in public consultation, of any
/// region: what a visitor without an account may read.
pub async fn list_public(db: &PgPool) -> Result<Vec<Plan>, sqlx::Error> {
    // across regions: the national list of public plans, not paged (a
    // national deployment needs paging here; README, "Scaling").
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.stage IN ('ditetapkan', 'konsultasi_publik') ORDER BY r.nama, p.kind, p.first_year DESC"
    ))
    .fetch_all(db)
    .await
}

/// Enacted plans (never a draft, not even one in consultation) matching
/// `f`, after `after` by id: a page of the open-data API.
pub async fn enacted_after(
    db: &PgPool,
    f: &crate::store::open_data::PlanFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Plan>, sqlx::Error> {
    // across regions: the open-data API's enacted plans of every region when no region is asked, one page (LIMIT).
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.stage = 'ditetapkan'
           AND ($1::text IS NULL OR p.region_kode = $1 OR p.region_kode LIKE $1 || '.%')
           AND ($2::plan_kind IS NULL OR p.kind = $2)
           AND ($3::int IS NULL OR $3 BETWEEN p.first_year AND p.last_year)
           AND ($4::uuid IS NULL OR p.id > $4)
         ORDER BY p.id LIMIT $5"
    ))
    .bind(&f.wilayah)
    .bind(f.kind)
    .bind(f.year)
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Plans a new plan of a region may hang from or refer to (one query for
/// every kind): the region's own and, for province references, its
/// province's; by kind, newest first.
pub async fn candidates(db: &PgPool, regions: &[String]) -> Result<Vec<Plan>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.region_kode = ANY($1) ORDER BY p.kind, p.first_year DESC, p.title"
    ))
    .bind(regions)
    .fetch_all(db)
    .await
}

pub struct NewPlan<'a> {
    pub region_kode: &'a str,
    pub kind: PlanKind,
    pub title: &'a str,
    pub first_year: i32,
    pub last_year: i32,
    pub owner_org_id: Option<Uuid>,
    pub parent_id: Option<Uuid>,
    pub rkpd_ref_id: Option<Uuid>,
    pub province_ref_id: Option<Uuid>,
    pub stage: Stage,
    pub tahun_dasar: Option<i32>,
}

pub async fn create(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    p: NewPlan<'_>,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, owner_org_id, parent_id,
                            rkpd_ref_id, province_ref_id, stage, created_by, tahun_dasar)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(id)
    .bind(p.region_kode)
    .bind(p.kind)
    .bind(p.title)
    .bind(p.first_year)
    .bind(p.last_year)
    .bind(p.owner_org_id)
    .bind(p.parent_id)
    .bind(p.rkpd_ref_id)
    .bind(p.province_ref_id)
    .bind(p.stage)
    .bind(actor)
    .bind(p.tahun_dasar)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(p.region_kode),
            actor_id: actor,
            action: "create",
            entity: "plan",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"kind": p.kind, "title": p.title, "first_year": p.first_year,
                "last_year": p.last_year, "parent_id": p.parent_id, "stage": p.stage}),
            ),
        },
    )
    .await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Section {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub position: i32,
    pub title: String,
    pub body_md: String,
    pub version: i32,
}

impl Section {
    /// The anchor prefix of this section's paragraphs: `bab-{position}`.
    pub fn key(&self) -> String {
        format!("bab-{}", self.position)
    }
}

pub async fn sections(
    db: impl sqlx::PgExecutor<'_>,
    region: &str,
    plan: Uuid,
) -> Result<Vec<Section>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, plan_id, position, title, body_md, version FROM plan_sections
         WHERE plan_id = $1 AND region_kode = $2 ORDER BY position",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// What a plan's page shows that depends only on the plan's data, not on
/// who reads it: kept per data version (`AppState::plan_facts`), so a page
/// read again before anything changes costs none of these statements.
#[derive(Debug, Clone)]
pub struct PageFacts {
    pub sections: Vec<Section>,
    /// Who asked for the pending enactment (four eyes keep them from
    /// approving it).
    pub requested_by: Option<Uuid>,
    /// The responsible organization and level of the plan's items (who
    /// may record realisasi).
    pub duties: Vec<(Option<Uuid>, crate::domain::plan::Level)>,
    pub schedules: Vec<stages::Schedule>,
    pub transitions: Vec<stages::Transition>,
}

/// Reads a plan's `PageFacts`. Every table read here, and a person's name
/// on a stage move, bumps the data version when it changes (migrations
/// 0007 and 0025), so the facts stay true for the version read before
/// them.
pub async fn page_facts(db: &PgPool, region: &str, plan: Uuid) -> Result<PageFacts, sqlx::Error> {
    Ok(PageFacts {
        sections: sections(db, region, plan).await?,
        requested_by: stages::requested_by(db, region, plan).await?,
        duties: items::duties(db, region, plan).await?,
        schedules: stages::schedules(db, region, plan).await?,
        transitions: stages::transitions(db, region, plan).await?,
    })
}

/// What a plan's page reads first, in one statement (the same snapshot):
/// the data version and the version of the plan's comments (what the page
/// reads after them, or keeps under them, is then never older), and
/// whether the reader follows the plan. The plan itself is kept per data
/// version, which every change to it, its schedule, owner, items and
/// neighbours moves on. The plan's comment version and follow are read
/// in the plan's region (the plan's own row, read in the same statement).
#[derive(sqlx::FromRow)]
pub struct PageHead {
    pub data_version: i64,
    /// The version of the plan's comments (0 before the first).
    pub comment_version: i64,
    pub following: bool,
}

pub async fn page_head(
    db: &PgPool,
    id: Uuid,
    reader: Option<Uuid>,
) -> Result<PageHead, sqlx::Error> {
    sqlx::query_as(
        // across regions: the row named in the URL, found by its unique key; what follows carries its region
        "WITH p AS (SELECT id, region_kode FROM plans WHERE id = $1)
         SELECT (SELECT v FROM data_version WHERE id = 1) AS data_version,
                COALESCE((SELECT c.v FROM plan_comment_versions c
                          JOIN p ON c.plan_id = p.id AND c.region_kode = p.region_kode), 0) AS comment_version,
                EXISTS (SELECT 1 FROM follows f JOIN p ON f.object_id = p.id AND f.region_kode = p.region_kode
                        WHERE f.user_id = $2) AS following",
    )
    .bind(id)
    .bind(reader)
    .fetch_one(db)
    .await
}

/// The section named in a URL, whatever its region (`section_in` when
/// the region is known).
pub async fn section(db: &PgPool, id: Uuid) -> Result<Option<Section>, sqlx::Error> {
    sqlx::query_as(
        // across regions: the row named in the URL, found by its unique key; what follows carries its region
        "SELECT id, plan_id, position, title, body_md, version FROM plan_sections WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// A section of `region` (none if it is of another).
pub async fn section_in(
    db: &PgPool,
    region: &str,
    id: Uuid,
) -> Result<Option<Section>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, plan_id, position, title, body_md, version FROM plan_sections
         WHERE id = $1 AND region_kode = $2",
    )
    .bind(id)
    .bind(region)
    .fetch_optional(db)
    .await
}

pub async fn add_section(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    plan: &Plan,
    title: &str,
    body_md: &str,
    reason: &str,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plan_sections (id, region_kode, plan_id, position, title, body_md)
         VALUES ($1, $2, $3,
                 (SELECT COALESCE(max(position), 0) + 1 FROM plan_sections WHERE plan_id = $3 AND region_kode = $2),
                 $4, $5)",
    )
    .bind(id)
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(title)
    .bind(body_md)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: actor,
            action: "create",
            entity: "plan_section",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"plan_id": plan.id, "title": title, "body_md": body_md})),
        },
    )
    .await?;
    log_if_perubahan(
        conn,
        actor,
        plan,
        "plan_section",
        id,
        &format!("Bab baru: {title}"),
        serde_json::Value::Null,
        json!(body_md),
        reason,
    )
    .await?;
    Ok(id)
}

/// Saves a section edited on top of `version`; refuses a stale save.
#[allow(clippy::too_many_arguments)]
pub async fn update_section(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    current: &Section,
    version: i32,
    title: &str,
    body_md: &str,
    reason: &str,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE plan_sections SET title = $3, body_md = $4, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND region_kode = $5",
    )
    .bind(current.id)
    .bind(version)
    .bind(title)
    .bind(body_md)
    .bind(&plan.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "plan_section",
            entity_id: current.id.to_string(),
            before: Some(json!({"title": current.title, "body_md": current.body_md})),
            after: Some(json!({"title": title, "body_md": body_md})),
        },
    )
    .await?;
    log_if_perubahan(
        conn,
        Some(actor),
        plan,
        "plan_section",
        current.id,
        &format!("Bab {}", current.title),
        json!(current.body_md),
        json!(body_md),
        reason,
    )
    .await?;
    Ok(())
}

/// Logs a change of an RKPD Perubahan with its reason (SPEC: every change
/// of a Perubahan says why); does nothing for other plans or without an
/// actor (the demo, copies). Every content write calls it in its own
/// transaction, so no path can forget it.
#[allow(clippy::too_many_arguments)]
pub async fn log_if_perubahan(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    plan: &Plan,
    entity: &str,
    entity_id: Uuid,
    label: &str,
    before: serde_json::Value,
    after: serde_json::Value,
    reason: &str,
) -> Result<(), sqlx::Error> {
    match actor {
        Some(actor) if plan.is_perubahan() => {
            record_change(
                conn, actor, plan, entity, entity_id, label, before, after, reason,
            )
            .await
        }
        _ => Ok(()),
    }
}

/// Records a change to an RKPD Perubahan with the reason given for it.
#[allow(clippy::too_many_arguments)]
pub async fn record_change(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    entity: &str,
    entity_id: Uuid,
    label: &str,
    before: serde_json::Value,
    after: serde_json::Value,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plan_changes (region_kode, plan_id, entity, entity_id, label, before, after, reason, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(entity)
    .bind(entity_id)
    .bind(label)
    .bind(before)
    .bind(after)
    .bind(reason)
    .bind(actor)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Change {
    pub at: time::OffsetDateTime,
    pub actor: Option<String>,
    pub entity: String,
    pub entity_id: Uuid,
    pub label: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub reason: String,
}

pub async fn changes(db: &PgPool, region: &str, plan: Uuid) -> Result<Vec<Change>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.at, u.full_name AS actor, c.entity, c.entity_id, c.label, c.before, c.after, c.reason
         FROM plan_changes c LEFT JOIN users u ON u.id = c.actor_id
         WHERE c.plan_id = $1 AND c.region_kode = $2 ORDER BY c.id",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}
