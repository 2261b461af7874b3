//! Pagu indikatif per perangkat daerah of a plan (the ceilings K08 checks
//! each agency's sub kegiatan against).

use crate::domain::money::Rupiah;
use std::collections::HashMap;

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::store::audit;
use crate::store::plans::Plan;

/// (org, year) → amount.
pub type ByAgencyYear = HashMap<(Uuid, i32), Rupiah>;

/// The ceiling of an agency in a year.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Ceiling {
    pub org_id: Uuid,
    pub year: i32,
    pub amount: Rupiah,
}

fn keyed(rows: Vec<Ceiling>) -> ByAgencyYear {
    rows.into_iter()
        .map(|c| ((c.org_id, c.year), c.amount))
        .collect()
}

/// The ceilings set for a plan.
pub async fn for_plan(db: &PgPool, region: &str, plan: Uuid) -> Result<ByAgencyYear, sqlx::Error> {
    let rows = sqlx::query_as(
        "SELECT org_id, year, amount FROM agency_ceilings WHERE plan_id = $1 AND region_kode = $2",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    Ok(keyed(rows))
}

/// What each agency's sub kegiatan add up to, per year.
pub async fn sub_kegiatan_totals(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<ByAgencyYear, sqlx::Error> {
    let rows = sqlx::query_as(
        "SELECT i.responsible_org_id AS org_id, p.year, sum(p.amount) AS amount
         FROM plan_items i
         JOIN item_pagu p ON p.item_id = i.id AND p.plan_id = $1 AND p.region_kode = $2
         WHERE i.plan_id = $1 AND i.region_kode = $2 AND i.level = 'sub_kegiatan'
           AND i.responsible_org_id IS NOT NULL
         GROUP BY 1, 2",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    Ok(keyed(rows))
}

/// Replaces the ceilings of the agencies `orgs` (those on the form) with
/// `values`, audited; other agencies' stay. Refused,
/// with the ceilings as they are now, when any of them is no longer what
/// the form was opened with (`read`): two planners saving at once, the
/// later sees the conflict instead of silently undoing the first.
pub async fn replace(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    orgs: &[Uuid],
    read: &ByAgencyYear,
    values: &[Ceiling],
) -> Result<Result<(), ByAgencyYear>, sqlx::Error> {
    // One save of a plan's ceilings at a time.
    sqlx::query("SELECT 1 FROM plans WHERE id = $1 AND region_kode = $2 FOR UPDATE")
        .bind(plan.id)
        .bind(&plan.region_kode)
        .execute(&mut *conn)
        .await?;
    let before: Vec<Ceiling> = sqlx::query_as(
        "SELECT org_id, year, amount FROM agency_ceilings
         WHERE plan_id = $1 AND org_id = ANY($2) AND region_kode = $3 ORDER BY 1, 2",
    )
    .bind(plan.id)
    .bind(orgs)
    .bind(&plan.region_kode)
    .fetch_all(&mut *conn)
    .await?;
    let now = keyed(before.clone());
    let changed = |k: &(Uuid, i32)| now.get(k) != read.get(k);
    if now.keys().any(changed) || read.keys().any(changed) {
        return Ok(Err(now));
    }
    sqlx::query(
        "DELETE FROM agency_ceilings WHERE plan_id = $1 AND org_id = ANY($2) AND region_kode = $3",
    )
    .bind(plan.id)
    .bind(orgs)
    .bind(&plan.region_kode)
    .execute(&mut *conn)
    .await?;
    let value_orgs: Vec<Uuid> = values.iter().map(|v| v.org_id).collect();
    let years: Vec<i32> = values.iter().map(|v| v.year).collect();
    let amounts: Vec<Decimal> = values.iter().map(|v| v.amount.amount()).collect();
    sqlx::query(
        "INSERT INTO agency_ceilings (plan_id, org_id, year, region_kode, amount)
         SELECT $1, o, y, $2, a FROM unnest($3::uuid[], $4::int[], $5::numeric[]) AS u(o, y, a)",
    )
    .bind(plan.id)
    .bind(&plan.region_kode)
    .bind(&value_orgs)
    .bind(&years)
    .bind(&amounts)
    .execute(&mut *conn)
    .await?;
    let show = |rows: &[Ceiling]| {
        serde_json::json!(
            rows.iter()
                .map(|c| {
                    serde_json::json!({
                        "org": c.org_id,
                        "year": c.year,
                        "amount": c.amount.amount().to_string(),
                    })
                })
                .collect::<Vec<_>>()
        )
    };
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "agency_ceilings",
            entity_id: plan.id.to_string(),
            before: Some(show(&before)),
            after: Some(show(values)),
        },
    )
    .await?;
    Ok(Ok(()))
}
