//! Removing from a draft: an item with everything under it, an indicator,
//! a chapter. What would go is listed first (the confirmation page), with
//! what stands in the way: things outside the subtree that refer into it
//! (another plan's item copied from it or supporting it, a proposal taken
//! up by it, an indicator following one of its indicators). Removal is one
//! transaction with an audit row holding what was removed (and the change
//! log in an RKPD Perubahan); frozen snapshots keep the history, and
//! comments stay in the plan.

use crate::domain::money::Rupiah;
use std::collections::BTreeMap;

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::indicators::Indicator;
use super::items::{Heading, Item};
use super::{Plan, Section};
use crate::domain::plan::Level;
use crate::store::audit;

/// The subtree of an item (`$1`, in region `$2`), the item first.
const SUBTREE: &str = "WITH RECURSIVE t AS (
        SELECT id FROM plan_items WHERE id = $1 AND region_kode = $2
        UNION ALL SELECT i.id FROM plan_items i JOIN t ON i.parent_id = t.id
                  WHERE i.region_kode = $2)";

/// What removing an item takes with it.
#[derive(Debug, Clone, Default)]
pub struct ItemRemoval {
    /// Level and heading of every item that goes, the item first.
    pub items: Vec<(Level, String)>,
    pub indicators: i64,
    pub comments: i64,
    /// The item's own pagu per year.
    pub pagu: BTreeMap<i32, Rupiah>,
    /// What refers into the subtree from outside: removal waits for these.
    pub blockers: Vec<String>,
}

/// What refers into the subtree of `item` (of `region`): items copied
/// from it or supporting it, proposals, indicators. The subtree is read in
/// its region; the rows referring into it are looked for in any region,
/// as the foreign keys that would refuse the removal are (a village's
/// kegiatan may support a program of another pemda's RKPD).
async fn blockers(
    conn: &mut PgConnection,
    region: &str,
    item: Uuid,
) -> Result<Vec<String>, sqlx::Error> {
    let mut out = Vec::new();
    let copies: Vec<(String, String)> = sqlx::query_as(&format!(
        "{SUBTREE} SELECT COALESCE(i.kode || ' ', '') || i.nama, p.title FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE (i.source_item_id IN (SELECT id FROM t) OR i.supports_item_id IN (SELECT id FROM t))
           AND i.id NOT IN (SELECT id FROM t)
         ORDER BY p.title, i.kode"
    ))
    .bind(item)
    .bind(region)
    .fetch_all(&mut *conn)
    .await?;
    for (heading, plan) in copies {
        out.push(format!(
            "{heading} di {plan} disalin dari atau mendukung item ini."
        ));
    }
    let proposals: Vec<String> = sqlx::query_scalar(&format!(
        "{SUBTREE} SELECT nomor FROM proposals
         WHERE accepted_item_id IN (SELECT id FROM t) AND region_kode = $2 ORDER BY nomor"
    ))
    .bind(item)
    .bind(region)
    .fetch_all(&mut *conn)
    .await?;
    for n in proposals {
        out.push(format!("Usulan {n} diakomodir oleh item ini."));
    }
    let following: Vec<(String, String)> = sqlx::query_as(&format!(
        "{SUBTREE} SELECT n.name, p.title FROM indicators n JOIN plans p ON p.id = n.plan_id
         WHERE n.source_indicator_id IN
               (SELECT id FROM indicators WHERE item_id IN (SELECT id FROM t) AND region_kode = $2)
           AND n.item_id NOT IN (SELECT id FROM t)"
    ))
    .bind(item)
    .bind(region)
    .fetch_all(&mut *conn)
    .await?;
    for (name, plan) in following {
        out.push(format!(
            "Indikator \"{name}\" di {plan} mengikuti indikator item ini."
        ));
    }
    Ok(out)
}

/// An item of a subtree, as the confirmation page lists it.
#[derive(sqlx::FromRow)]
struct SubtreeItem {
    level: Level,
    kode: Option<String>,
    nama: String,
}

pub async fn item_removal(db: &PgPool, item: &Item) -> Result<ItemRemoval, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let items: Vec<SubtreeItem> = sqlx::query_as(&format!(
        "{SUBTREE} SELECT i.level, i.kode, i.nama FROM plan_items i JOIN t ON t.id = i.id
         WHERE i.region_kode = $2"
    ))
    .bind(item.id)
    .bind(&item.region_kode)
    .fetch_all(&mut *conn)
    .await?;
    let (indicators, comments): (i64, i64) = sqlx::query_as(&format!(
        "{SUBTREE} SELECT
            (SELECT count(*) FROM indicators
              WHERE item_id IN (SELECT id FROM t) AND region_kode = $2),
            (SELECT count(*) FROM comments
              WHERE region_kode = $2
                AND (target_id IN (SELECT id FROM t)
                     OR target_id IN (SELECT id FROM indicators
                                       WHERE item_id IN (SELECT id FROM t) AND region_kode = $2)))"
    ))
    .bind(item.id)
    .bind(&item.region_kode)
    .fetch_one(&mut *conn)
    .await?;
    let pagu: Vec<(i32, Rupiah)> = sqlx::query_as(
        "SELECT year, amount FROM item_pagu WHERE item_id = $1 AND region_kode = $2 ORDER BY year",
    )
    .bind(item.id)
    .bind(&item.region_kode)
    .fetch_all(&mut *conn)
    .await?;
    Ok(ItemRemoval {
        items: items
            .into_iter()
            .map(|i| {
                let heading = i.kode.map(|k| format!("{k} {}", i.nama)).unwrap_or(i.nama);
                (i.level, heading)
            })
            .collect(),
        indicators,
        comments,
        pagu: pagu.into_iter().collect(),
        blockers: blockers(&mut conn, &item.region_kode, item.id).await?,
    })
}

#[derive(Debug)]
pub enum RemoveError {
    /// Changed since the confirmation page was shown.
    Conflict,
    /// Something outside refers into it (listed on the page).
    Blocked,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for RemoveError {
    fn from(e: sqlx::Error) -> Self {
        RemoveError::Db(e)
    }
}

/// Removes `item` and its subtree, if it is still at `version` and
/// nothing outside refers into it.
pub async fn remove_item(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    item: &Item,
    version: i32,
    reason: &str,
) -> Result<(), RemoveError> {
    let mut tx = db.begin().await?;
    let current: Option<i32> = sqlx::query_scalar(
        "SELECT version FROM plan_items WHERE id = $1 AND region_kode = $2 FOR UPDATE",
    )
    .bind(item.id)
    .bind(&item.region_kode)
    .fetch_optional(&mut *tx)
    .await?;
    if current != Some(version) {
        return Err(RemoveError::Conflict);
    }
    if !blockers(&mut tx, &item.region_kode, item.id)
        .await?
        .is_empty()
    {
        return Err(RemoveError::Blocked);
    }
    let subtree: Vec<Heading> = sqlx::query_as(&format!(
        "{SUBTREE} SELECT i.id, i.level, i.kode, i.nama FROM plan_items i JOIN t ON t.id = i.id
         WHERE i.region_kode = $2"
    ))
    .bind(item.id)
    .bind(&item.region_kode)
    .fetch_all(&mut *tx)
    .await?;
    let before = json!({
        "heading": item.heading(),
        "level": item.level,
        "parent_id": item.parent_id,
        "subtree": subtree
            .iter()
            .map(|i| json!({"id": i.id, "level": i.level, "kode": i.kode, "nama": i.nama}))
            .collect::<Vec<_>>(),
    });
    sqlx::query("DELETE FROM plan_items WHERE id = $1 AND region_kode = $2")
        .bind(item.id)
        .bind(&item.region_kode)
        .execute(&mut *tx)
        .await?;
    recorded(
        &mut tx,
        actor,
        plan,
        "plan_item",
        item.id,
        &format!("{} dihapus: {}", item.level.label(), item.heading()),
        before,
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Indicators elsewhere that follow this one, in its region or a
/// kabupaten/kota below it.
pub async fn indicator_blockers(db: &PgPool, indicator: Uuid) -> Result<Vec<String>, sqlx::Error> {
    // across regions: an indicator may follow one of the province above
    // (its targets taken from it); the foreign key that refuses the
    // removal looks in every region too
    let following: Vec<(String, String)> = sqlx::query_as(
        "SELECT n.name, p.title FROM indicators n JOIN plans p ON p.id = n.plan_id
         WHERE n.source_indicator_id = $1",
    )
    .bind(indicator)
    .fetch_all(db)
    .await?;
    Ok(following
        .into_iter()
        .map(|(name, plan)| format!("Indikator \"{name}\" di {plan} mengikuti indikator ini."))
        .collect())
}

pub async fn remove_indicator(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    indicator: &Indicator,
    version: i32,
    reason: &str,
) -> Result<(), RemoveError> {
    let mut tx = db.begin().await?;
    let current: Option<i32> = sqlx::query_scalar(
        "SELECT version FROM indicators WHERE id = $1 AND region_kode = $2 FOR UPDATE",
    )
    .bind(indicator.id)
    .bind(&indicator.region_kode)
    .fetch_optional(&mut *tx)
    .await?;
    if current != Some(version) {
        return Err(RemoveError::Conflict);
    }
    // across regions: an indicator may follow one of the province above
    // (its targets taken from it); the foreign key that refuses the
    // removal looks in every region too
    let following: i64 =
        sqlx::query_scalar("SELECT count(*) FROM indicators WHERE source_indicator_id = $1")
            .bind(indicator.id)
            .fetch_one(&mut *tx)
            .await?;
    if following > 0 {
        return Err(RemoveError::Blocked);
    }
    let years: Vec<crate::domain::snapshot::YearRow> = sqlx::query_as(
        "SELECT year, target, target_max, realisasi FROM indicator_years
         WHERE indicator_id = $1 AND region_kode = $2 ORDER BY year",
    )
    .bind(indicator.id)
    .bind(&indicator.region_kode)
    .fetch_all(&mut *tx)
    .await?;
    let before = json!({"name": indicator.name, "satuan": indicator.satuan, "item_id": indicator.item_id, "years": years});
    sqlx::query("DELETE FROM indicators WHERE id = $1 AND region_kode = $2")
        .bind(indicator.id)
        .bind(&indicator.region_kode)
        .execute(&mut *tx)
        .await?;
    recorded(
        &mut tx,
        actor,
        plan,
        "indicator",
        indicator.id,
        &format!("Indikator dihapus: {}", indicator.name),
        before,
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a chapter. The others keep their numbers (and the anchors of
/// the comments on their paragraphs).
pub async fn remove_section(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    section: &Section,
    version: i32,
    reason: &str,
) -> Result<(), RemoveError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "DELETE FROM plan_sections WHERE id = $1 AND version = $2 AND region_kode = $3",
    )
    .bind(section.id)
    .bind(version)
    .bind(&plan.region_kode)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(RemoveError::Conflict);
    }
    let before =
        json!({"title": section.title, "position": section.position, "body_md": section.body_md});
    recorded(
        &mut tx,
        actor,
        plan,
        "plan_section",
        section.id,
        &format!("Bab dihapus: {}", section.title),
        before,
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Why a whole plan (`plan`, of `region`) cannot go: other plans built on
/// it, proposals taken up by its items, items elsewhere copied from its
/// items. A plan built on it is of its region, or (referring to a
/// province plan) of a kabupaten/kota under it.
pub async fn plan_blockers(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<String>, sqlx::Error> {
    let mut out = Vec::new();
    let children: Vec<String> = sqlx::query_scalar(
        "SELECT title FROM plans
         WHERE id <> $1 AND (parent_id = $1 OR rkpd_ref_id = $1 OR province_ref_id = $1)
           AND (region_kode = $2 OR region_kode LIKE $2 || '.%') ORDER BY title",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    for t in children {
        out.push(format!("{t} mengacu rencana ini."));
    }
    let proposals: Vec<String> = sqlx::query_scalar(
        "SELECT p.nomor FROM proposals p JOIN plan_items i ON i.id = p.accepted_item_id
         WHERE i.plan_id = $1 AND i.region_kode = $2 AND p.region_kode = $2 ORDER BY p.nomor",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    for n in proposals {
        out.push(format!("Usulan {n} diakomodir oleh item rencana ini."));
    }
    let copies: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT p.title FROM plan_items c JOIN plan_items o ON o.id = c.source_item_id OR o.id = c.supports_item_id
         JOIN plans p ON p.id = c.plan_id
         WHERE o.plan_id = $1 AND c.plan_id <> $1
           AND o.region_kode = $2",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    for t in copies {
        out.push(format!(
            "Item {t} disalin dari atau mendukung item rencana ini."
        ));
    }
    Ok(out)
}

/// Removes a whole plan (a draft still at its first stage) with its
/// chapters, cascade, comments and history; audited.
pub async fn remove_plan(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    version: i32,
) -> Result<(), RemoveError> {
    if !plan_blockers(db, &plan.region_kode, plan.id)
        .await?
        .is_empty()
    {
        return Err(RemoveError::Blocked);
    }
    let mut tx = db.begin().await?;
    let current: Option<(i32, crate::domain::plan::Stage)> = sqlx::query_as(
        "SELECT version, stage FROM plans WHERE id = $1 AND region_kode = $2 FOR UPDATE",
    )
    .bind(plan.id)
    .bind(&plan.region_kode)
    .fetch_optional(&mut *tx)
    .await?;
    if current != Some((version, plan.kind.first_stage())) {
        return Err(RemoveError::Conflict);
    }
    sqlx::query("DELETE FROM plans WHERE id = $1 AND region_kode = $2")
        .bind(plan.id)
        .bind(&plan.region_kode)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "delete",
            entity: "plan",
            entity_id: plan.id.to_string(),
            before: Some(
                json!({"kind": plan.kind, "title": plan.title, "first_year": plan.first_year,
                "last_year": plan.last_year, "stage": plan.stage, "items": plan.item_count}),
            ),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The audit row of a removal (what was removed, as `before`) and, in an
/// RKPD Perubahan, its line in the change log with the reason.
#[allow(clippy::too_many_arguments)]
async fn recorded(
    tx: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    entity: &str,
    id: Uuid,
    label: &str,
    before: serde_json::Value,
    reason: &str,
) -> Result<(), sqlx::Error> {
    audit::record(
        &mut *tx,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "delete",
            entity,
            entity_id: id.to_string(),
            before: Some(before.clone()),
            after: None,
        },
    )
    .await?;
    super::log_if_perubahan(
        tx,
        Some(actor),
        plan,
        entity,
        id,
        label,
        before,
        serde_json::Value::Null,
        reason,
    )
    .await
}
