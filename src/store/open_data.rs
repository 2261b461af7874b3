//! What the open-data API reads (issue 16, SPEC §10): enacted plans only,
//! never a draft, never a person. Every list is a keyset page: rows after
//! a key, in key order, one more than asked so the caller knows whether a
//! next page exists. Id order is stable but not meaningful (most ids are
//! UUID v7, in creation order; copied plans' rows are not).

use crate::domain::money::Rupiah;
use std::collections::BTreeMap;

use sqlx::PgPool;
use uuid::Uuid;

use super::plans::Plan;
use super::plans::indicators::{Indicator, Year};
use super::plans::items::{Item, ItemPagu};
use crate::domain::plan::{PlanKind, Stage};

/// Filters of the plan list; None means any.
#[derive(Debug, Clone, Default)]
pub struct PlanFilter {
    /// A region code: the region and every region inside it.
    pub wilayah: Option<String>,
    pub kind: Option<PlanKind>,
    /// Plans whose period covers this year.
    pub year: Option<i32>,
}

/// Enacted plans after `after`, by id.
pub async fn plans(
    db: &PgPool,
    f: &PlanFilter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Plan>, sqlx::Error> {
    super::plans::enacted_after(db, f, after, limit).await
}

/// An enacted plan, or None (a draft is not found, as if it did not exist).
pub async fn plan(db: &PgPool, id: Uuid) -> Result<Option<Plan>, sqlx::Error> {
    Ok(super::plans::get(db, id)
        .await?
        .filter(|p| p.stage == Stage::Ditetapkan))
}

/// A page of a plan's items with their pagu and indicators (with years).
pub struct ItemPage {
    pub items: Vec<Item>,
    pub pagu: BTreeMap<Uuid, BTreeMap<i32, Rupiah>>,
    pub indicators: BTreeMap<Uuid, Vec<Indicator>>,
    pub years: BTreeMap<Uuid, Vec<Year>>,
}

/// Items of `plan` (of `region`) after `after`, by id, with what hangs
/// from them: three queries for any page size.
pub async fn items(
    db: &PgPool,
    region: &str,
    plan: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<ItemPage, sqlx::Error> {
    let items = super::plans::items::after(db, region, plan, after, limit).await?;
    let ids: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    let rows: Vec<ItemPagu> = sqlx::query_as(
        "SELECT item_id, year, amount FROM item_pagu WHERE item_id = ANY($1) AND region_kode = $2
         ORDER BY item_id, year",
    )
    .bind(&ids)
    .bind(region)
    .fetch_all(db)
    .await?;
    let mut pagu: BTreeMap<Uuid, BTreeMap<i32, Rupiah>> = BTreeMap::new();
    for p in rows {
        pagu.entry(p.item_id).or_default().insert(p.year, p.amount);
    }
    let mut indicators: BTreeMap<Uuid, Vec<Indicator>> = BTreeMap::new();
    for ind in super::plans::indicators::for_items(db, region, &ids).await? {
        indicators.entry(ind.item_id).or_default().push(ind);
    }
    let ind_ids: Vec<Uuid> = indicators.values().flatten().map(|i| i.id).collect();
    let in_region = [region.to_string()];
    let years = super::plans::indicators::years_for(db, &in_region, &ind_ids).await?;
    Ok(ItemPage {
        items,
        pagu,
        indicators,
        years,
    })
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegionRow {
    pub kode: String,
    pub nama: String,
    pub level: crate::domain::region::RegionLevel,
    pub parent_kode: Option<String>,
}

/// Regions after `after` (a code), by code; only those directly under
/// `parent` when given (None: the provinces… and everything, in order).
pub async fn regions(
    db: &PgPool,
    parent: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<RegionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT kode, nama, level, parent_kode FROM regions
         WHERE ($1::text IS NULL OR parent_kode = $1) AND ($2::text IS NULL OR kode > $2)
         ORDER BY kode LIMIT $3",
    )
    .bind(parent)
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NomenklaturRow {
    pub kode: String,
    pub level: String,
    pub nama: String,
    pub indikator: Option<String>,
    pub satuan: Option<String>,
}

/// The national nomenclature after `after` (a code), by code; only below
/// `prefix` when given ("1.02" gives 1.02 and every code under it).
pub async fn nomenklatur(
    db: &PgPool,
    prefix: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<NomenklaturRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT kode, level::text AS level, nama, indikator, satuan FROM nomenklatur
         WHERE region_kode IS NULL
           AND ($1::text IS NULL OR kode = $1 OR kode LIKE $1 || '.%')
           AND ($2::text IS NULL OR kode > $2)
         ORDER BY kode LIMIT $3",
    )
    .bind(prefix)
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await
}
