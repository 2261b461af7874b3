//! The cascade: items of a plan and their pagu per year. A plan's whole
//! tree loads with one query (and one more for its pagu), never one per
//! item.

use crate::domain::money::Rupiah;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::{PLAN_SCOPE, Plan};
use crate::domain::plan::{Level, PlanScope};
use crate::store::{SaveError, audit};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Item {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub region_kode: String,
    pub parent_id: Option<Uuid>,
    pub level: Level,
    pub position: i32,
    pub kode: Option<String>,
    pub nama: String,
    pub description: String,
    pub responsible_org_id: Option<Uuid>,
    pub responsible_name: Option<String>,
    pub lokasi: Vec<String>,
    pub sumber_dana: Option<String>,
    /// Months of execution (SIPD's waktu pelaksanaan), 1–12.
    pub bulan_mulai: Option<i16>,
    pub bulan_selesai: Option<i16>,
    pub tags: Vec<String>,
    pub source_item_id: Option<Uuid>,
    pub supports_item_id: Option<Uuid>,
    pub version: i32,
}

impl Item {
    /// "1.02.02 Program Pemenuhan Upaya Kesehatan…" or just the name.
    pub fn heading(&self) -> String {
        match &self.kode {
            Some(k) => format!("{k} {}", self.nama),
            None => self.nama.clone(),
        }
    }
}

pub(super) const SELECT: &str = "SELECT i.id, i.plan_id, i.region_kode, i.parent_id, i.level, i.position, i.kode, i.nama,
        i.description, i.responsible_org_id, o.name AS responsible_name, i.lokasi, i.sumber_dana, i.bulan_mulai, i.bulan_selesai, i.tags,
        i.source_item_id, i.supports_item_id, i.version
    FROM plan_items i LEFT JOIN organizations o ON o.id = i.responsible_org_id";

pub async fn for_plan(
    db: impl sqlx::PgExecutor<'_>,
    region: &str,
    plan: Uuid,
) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE i.plan_id = $1 AND i.region_kode = $2
         ORDER BY i.position, i.kode NULLS FIRST, i.id"
    ))
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// What names an item: its level, code and name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Heading {
    pub id: Uuid,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
}

/// The headings of a plan's items at `levels`, plus `also` (whatever its
/// level), without `except`; by code.
pub async fn headings_at(
    db: &PgPool,
    region: &str,
    plan: Uuid,
    levels: &[&str],
    also: Option<Uuid>,
    except: Option<Uuid>,
) -> Result<Vec<Heading>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, level, kode, nama FROM plan_items
         WHERE plan_id = $1 AND (level::text = ANY($2) OR id = $3) AND id IS DISTINCT FROM $4
           AND region_kode = $5
         ORDER BY kode NULLS FIRST, position, id",
    )
    .bind(plan)
    .bind(levels)
    .bind(also)
    .bind(except)
    .bind(region)
    .fetch_all(db)
    .await
}

/// Who answers for which level of a plan's items: the distinct
/// (agency, level) pairs, for what a reader may do across the plan.
pub async fn duties(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<(Option<Uuid>, Level)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT responsible_org_id, level FROM plan_items
         WHERE plan_id = $1 AND region_kode = $2",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// A plan's items after `after`, by id (a page of the open-data API).
pub async fn after(
    db: &PgPool,
    region: &str,
    plan: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE i.plan_id = $1 AND i.region_kode = $4 AND ($2::uuid IS NULL OR i.id > $2)
         ORDER BY i.id LIMIT $3"
    ))
    .bind(plan)
    .bind(after)
    .bind(limit)
    .bind(region)
    .fetch_all(db)
    .await
}

/// Items of `region` by id, in tree order (one query).
pub async fn by_ids(db: &PgPool, region: &str, ids: &[Uuid]) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE i.id = ANY($1) AND i.region_kode = $2
         ORDER BY i.kode NULLS FIRST, i.position, i.id"
    ))
    .bind(ids)
    .bind(region)
    .fetch_all(db)
    .await
}

/// The item named in a URL, whatever its region (`get_in` when the
/// region is known).
pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<Item>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE i.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// An item of `region` (none if it is of another).
pub async fn get_in(db: &PgPool, region: &str, id: Uuid) -> Result<Option<Item>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE i.id = $1 AND i.region_kode = $2"))
        .bind(id)
        .bind(region)
        .fetch_optional(db)
        .await
}

/// The chain from the root down to (not including) the item, of `region`.
pub async fn ancestors(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(&format!(
        "WITH RECURSIVE up(id, depth) AS (
             SELECT parent_id, 1 FROM plan_items
             WHERE id = $1 AND region_kode = $2 AND parent_id IS NOT NULL
             UNION ALL
             SELECT p.parent_id, up.depth + 1 FROM plan_items p JOIN up ON p.id = up.id
             WHERE p.region_kode = $2 AND p.parent_id IS NOT NULL
         )
         {SELECT} JOIN up ON up.id = i.id WHERE i.region_kode = $2 ORDER BY up.depth DESC"
    ))
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn children(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE i.parent_id = $1 AND i.region_kode = $2
         ORDER BY i.position, i.kode NULLS FIRST, i.id"
    ))
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

/// An item of another plan, with that plan's name: links up and down the
/// cascade across documents. `plan` says who may read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Linked {
    pub id: Uuid,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
    pub plan_id: Uuid,
    pub plan_title: String,
    #[sqlx(flatten)]
    pub plan: PlanScope,
}

#[derive(sqlx::FromRow)]
struct LinkedRow {
    is_up: bool,
    #[sqlx(flatten)]
    item: Linked,
}

/// Items this one was copied from or supports (up), and items copied from
/// it or supporting it (down).
pub async fn links(db: &PgPool, item: &Item) -> Result<(Vec<Linked>, Vec<Linked>), sqlx::Error> {
    // across regions: a link names its item by key, and a wrong one may
    // reach another pemda's plan (Cek K12 reports it; the page shows it)
    let rows: Vec<LinkedRow> = sqlx::query_as(&format!(
        "SELECT true AS is_up, i.id, i.level, i.kode, i.nama, p.id AS plan_id, p.title AS plan_title, {PLAN_SCOPE}
         FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE i.id = $2 OR i.id = $3
         UNION ALL
         SELECT false, i.id, i.level, i.kode, i.nama, p.id, p.title, {PLAN_SCOPE}
         FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE i.source_item_id = $1 OR i.supports_item_id = $1"
    ))
    .bind(item.id)
    .bind(item.source_item_id)
    .bind(item.supports_item_id)
    .fetch_all(db)
    .await?;
    let (mut up, mut down) = (Vec::new(), Vec::new());
    for r in rows {
        if r.is_up {
            up.push(r.item)
        } else {
            down.push(r.item)
        }
    }
    Ok((up, down))
}

pub use crate::domain::item::ItemFields;

impl ItemFields {
    pub fn of(item: &Item) -> ItemFields {
        ItemFields {
            kode: item.kode.clone(),
            nama: item.nama.clone(),
            description: item.description.clone(),
            responsible_org_id: item.responsible_org_id,
            lokasi: item.lokasi.clone(),
            sumber_dana: item.sumber_dana.clone(),
            bulan: item.bulan_mulai.zip(item.bulan_selesai),
            tags: item.tags.clone(),
            supports_item_id: item.supports_item_id,
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        json!({"kode": self.kode, "nama": self.nama, "description": self.description,
            "responsible_org_id": self.responsible_org_id, "lokasi": self.lokasi,
            "sumber_dana": self.sumber_dana, "bulan": self.bulan, "tags": self.tags, "supports_item_id": self.supports_item_id})
    }
}

/// A new item, audited (and logged with `reason` in an RKPD Perubahan).
#[allow(clippy::too_many_arguments)]
pub async fn create(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    plan: &Plan,
    parent: Option<Uuid>,
    level: Level,
    f: &ItemFields,
    source_item_id: Option<Uuid>,
    reason: &str,
) -> Result<Uuid, SaveError> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, description,
                                 responsible_org_id, lokasi, sumber_dana, tags, source_item_id, supports_item_id,
                                 bulan_mulai, bulan_selesai)
         VALUES ($1, $2, $3, $4, $5,
                 (SELECT COALESCE(max(position), 0) + 1 FROM plan_items
                  WHERE plan_id = $3 AND region_kode = $2 AND parent_id IS NOT DISTINCT FROM $4),
                 $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(id)
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(parent)
    .bind(level)
    .bind(&f.kode)
    .bind(&f.nama)
    .bind(&f.description)
    .bind(f.responsible_org_id)
    .bind(&f.lokasi)
    .bind(&f.sumber_dana)
    .bind(&f.tags)
    .bind(source_item_id)
    .bind(f.supports_item_id)
    .bind(f.bulan.map(|b| b.0))
    .bind(f.bulan.map(|b| b.1))
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: actor,
            action: "create",
            entity: "plan_item",
            entity_id: id.to_string(),
            before: None,
            after: Some(f.to_json()),
        },
    )
    .await?;
    let kode = f.kode.as_ref().map(|k| format!("{k} ")).unwrap_or_default();
    super::log_if_perubahan(
        conn,
        actor,
        plan,
        "plan_item",
        id,
        &format!("{} baru: {kode}{}", level.label(), f.nama),
        serde_json::Value::Null,
        f.to_json(),
        reason,
    )
    .await?;
    Ok(id)
}

fn with_parent(mut v: serde_json::Value, parent: Option<Uuid>) -> serde_json::Value {
    v["parent_id"] = json!(parent);
    v
}

/// Saves fields typed on top of `version` (and moves the item under
/// `parent`); refuses a stale save.
#[allow(clippy::too_many_arguments)]
pub async fn update(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    current: &Item,
    version: i32,
    f: &ItemFields,
    parent: Option<Uuid>,
    reason: &str,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE plan_items SET kode = $3, nama = $4, description = $5, responsible_org_id = $6, lokasi = $7,
                sumber_dana = $8, tags = $9, supports_item_id = $10, parent_id = $11,
                bulan_mulai = $12, bulan_selesai = $13, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND region_kode = $14",
    )
    .bind(current.id)
    .bind(version)
    .bind(&f.kode)
    .bind(&f.nama)
    .bind(&f.description)
    .bind(f.responsible_org_id)
    .bind(&f.lokasi)
    .bind(&f.sumber_dana)
    .bind(&f.tags)
    .bind(f.supports_item_id)
    .bind(parent)
    .bind(f.bulan.map(|b| b.0))
    .bind(f.bulan.map(|b| b.1))
    .bind(&current.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&current.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "plan_item",
            entity_id: current.id.to_string(),
            before: Some(with_parent(
                ItemFields::of(current).to_json(),
                current.parent_id,
            )),
            after: Some(with_parent(f.to_json(), parent)),
        },
    )
    .await?;
    super::log_if_perubahan(
        conn,
        Some(actor),
        plan,
        "plan_item",
        current.id,
        &format!("{} {}", current.level.label(), current.heading()),
        ItemFields::of(current).to_json(),
        f.to_json(),
        reason,
    )
    .await?;
    Ok(())
}

/// The pagu of an item in a year.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemPagu {
    pub item_id: Uuid,
    pub year: i32,
    pub amount: Rupiah,
}

/// Pagu of every item of a plan: item → year → amount.
pub async fn pagu_for_plan(
    db: impl sqlx::PgExecutor<'_>,
    region: &str,
    plan: Uuid,
) -> Result<BTreeMap<Uuid, BTreeMap<i32, Rupiah>>, sqlx::Error> {
    let rows: Vec<ItemPagu> = sqlx::query_as(
        "SELECT item_id, year, amount FROM item_pagu WHERE plan_id = $1 AND region_kode = $2",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    let mut out: BTreeMap<Uuid, BTreeMap<i32, Rupiah>> = BTreeMap::new();
    for p in rows {
        out.entry(p.item_id).or_default().insert(p.year, p.amount);
    }
    Ok(out)
}

pub async fn pagu_for_item(
    db: &PgPool,
    region: &str,
    item: Uuid,
) -> Result<BTreeMap<i32, Rupiah>, sqlx::Error> {
    let rows: Vec<(i32, Rupiah)> = sqlx::query_as(
        "SELECT year, amount FROM item_pagu WHERE item_id = $1 AND region_kode = $2 ORDER BY year",
    )
    .bind(item)
    .bind(region)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Replaces the pagu of an item with `amounts` (years absent are removed)
/// and bumps the item's version, refusing a stale save.
#[allow(clippy::too_many_arguments)]
pub async fn set_pagu(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    plan: &Plan,
    item: &Item,
    version: i32,
    before: &BTreeMap<i32, Rupiah>,
    amounts: &BTreeMap<i32, Rupiah>,
    reason: &str,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE plan_items SET version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND region_kode = $3",
    )
    .bind(item.id)
    .bind(version)
    .bind(&item.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    sqlx::query("DELETE FROM item_pagu WHERE item_id = $1 AND region_kode = $2")
        .bind(item.id)
        .bind(&item.region_kode)
        .execute(&mut *conn)
        .await?;
    let years: Vec<i32> = amounts.keys().copied().collect();
    let values: Vec<Decimal> = amounts.values().map(|a| a.amount()).collect();
    sqlx::query(
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT $1, y, $2, a FROM unnest($3::int[], $4::numeric[]) AS t(y, a)",
    )
    .bind(item.id)
    .bind(&item.region_kode)
    .bind(&years)
    .bind(&values)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&item.region_kode),
            actor_id: actor,
            action: "update",
            entity: "item_pagu",
            entity_id: item.id.to_string(),
            before: Some(json!(before)),
            after: Some(json!(amounts)),
        },
    )
    .await?;
    let show = |m: &BTreeMap<i32, Rupiah>| {
        json!(
            m.iter()
                .map(|(y, a)| (y.to_string(), a.text()))
                .collect::<BTreeMap<_, _>>()
        )
    };
    super::log_if_perubahan(
        conn,
        actor,
        plan,
        "item_pagu",
        item.id,
        &format!("Pagu {}", item.heading()),
        show(before),
        show(amounts),
        reason,
    )
    .await?;
    Ok(())
}
