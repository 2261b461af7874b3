//! Pagu indikatif per perangkat daerah of a plan (the ceilings K08 checks
//! each agency's sub kegiatan against).

use std::collections::HashMap;

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::store::audit;
use crate::store::plans::Plan;

/// (org, year) → amount.
pub type ByAgencyYear = HashMap<(Uuid, i32), Decimal>;

fn keyed(rows: Vec<(Uuid, i32, Decimal)>) -> ByAgencyYear {
    rows.into_iter().map(|(o, y, a)| ((o, y), a)).collect()
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
        "SELECT i.responsible_org_id, p.year, sum(p.amount) FROM plan_items i
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
/// `values` (org, year, amount), audited; other agencies' stay. Refused,
/// with the ceilings as they are now, when any of them is no longer what
/// the form was opened with (`read`): two planners saving at once, the
/// later sees the conflict instead of silently undoing the first.
pub async fn replace(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    orgs: &[Uuid],
    read: &ByAgencyYear,
    values: &[(Uuid, i32, Decimal)],
) -> Result<Result<(), ByAgencyYear>, sqlx::Error> {
    // One save of a plan's ceilings at a time.
    sqlx::query("SELECT 1 FROM plans WHERE id = $1 AND region_kode = $2 FOR UPDATE")
        .bind(plan.id)
        .bind(&plan.region_kode)
        .execute(&mut *conn)
        .await?;
    let before: Vec<(Uuid, i32, Decimal)> = sqlx::query_as(
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
    let value_orgs: Vec<Uuid> = values.iter().map(|v| v.0).collect();
    let years: Vec<i32> = values.iter().map(|v| v.1).collect();
    let amounts: Vec<Decimal> = values.iter().map(|v| v.2).collect();
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
    let show = |rows: &[(Uuid, i32, Decimal)]| {
        serde_json::json!(
            rows.iter()
                .map(|(o, y, a)| serde_json::json!({"org": o, "year": y, "amount": a.to_string()}))
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
