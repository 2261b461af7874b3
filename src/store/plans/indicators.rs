//! Indicators and their years (target or band, realisasi).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::Plan;
use super::items::Item;
use crate::domain::indicator::{Polaritas, Target};
use crate::store::{SaveError, audit};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Indicator {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub item_id: Uuid,
    pub region_kode: String,
    pub name: String,
    pub satuan: String,
    pub definition: String,
    pub data_source: String,
    pub polaritas: Polaritas,
    pub kondisi_awal: Option<Decimal>,
    pub kondisi_awal_tahun: Option<i32>,
    pub kondisi_akhir: Option<Decimal>,
    pub kondisi_akhir_max: Option<Decimal>,
    pub source_indicator_id: Option<Uuid>,
    pub version: i32,
}

/// One year of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, sqlx::FromRow)]
pub struct Year {
    pub indicator_id: Uuid,
    pub year: i32,
    pub target: Option<Decimal>,
    pub target_max: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

impl Year {
    pub fn target(&self) -> Option<Target> {
        self.target.map(|value| Target {
            value,
            max: self.target_max,
        })
    }
}

pub(super) const SELECT: &str = "SELECT id, plan_id, item_id, region_kode, name, satuan, definition, data_source, polaritas,
        kondisi_awal, kondisi_awal_tahun, kondisi_akhir, kondisi_akhir_max, source_indicator_id, version
    FROM indicators";

pub async fn for_plan(
    db: impl sqlx::PgExecutor<'_>,
    region: &str,
    plan: Uuid,
) -> Result<Vec<Indicator>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE plan_id = $1 AND region_kode = $2 ORDER BY item_id, position, id"
    ))
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn for_item(
    db: &PgPool,
    region: &str,
    item: Uuid,
) -> Result<Vec<Indicator>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE item_id = $1 AND region_kode = $2 ORDER BY position, id"
    ))
    .bind(item)
    .bind(region)
    .fetch_all(db)
    .await
}

/// The indicators of the given items of `region` (one query), in their
/// order.
pub async fn for_items(
    db: &PgPool,
    region: &str,
    items: &[Uuid],
) -> Result<Vec<Indicator>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE item_id = ANY($1) AND region_kode = $2 ORDER BY item_id, position, id"
    ))
    .bind(items)
    .bind(region)
    .fetch_all(db)
    .await
}

/// Indicators by id, of any of `regions` (one query).
pub async fn by_ids(
    db: &PgPool,
    regions: &[String],
    ids: &[Uuid],
) -> Result<Vec<Indicator>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE id = ANY($1) AND region_kode = ANY($2)"
    ))
    .bind(ids)
    .bind(regions)
    .fetch_all(db)
    .await
}

/// The indicator named in a URL, whatever its region (`get_in` when the
/// region is known).
pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<Indicator>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// An indicator of `region` (none if it is of another).
pub async fn get_in(db: &PgPool, region: &str, id: Uuid) -> Result<Option<Indicator>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE id = $1 AND region_kode = $2"))
        .bind(id)
        .bind(region)
        .fetch_optional(db)
        .await
}

/// The years of every indicator of a plan (or of the given indicators).
pub async fn years_for_plan(
    db: impl sqlx::PgExecutor<'_>,
    region: &str,
    plan: Uuid,
) -> Result<BTreeMap<Uuid, Vec<Year>>, sqlx::Error> {
    let rows: Vec<Year> = sqlx::query_as(
        "SELECT indicator_id, year, target, target_max, realisasi
         FROM indicator_years WHERE plan_id = $1 AND region_kode = $2 ORDER BY indicator_id, year",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await?;
    Ok(group(rows))
}

/// The years of the given indicators, of any of `regions`.
pub async fn years_for(
    db: &PgPool,
    regions: &[String],
    ids: &[Uuid],
) -> Result<BTreeMap<Uuid, Vec<Year>>, sqlx::Error> {
    let rows: Vec<Year> = sqlx::query_as(
        "SELECT indicator_id, year, target, target_max, realisasi FROM indicator_years
         WHERE indicator_id = ANY($1) AND region_kode = ANY($2) ORDER BY indicator_id, year",
    )
    .bind(ids)
    .bind(regions)
    .fetch_all(db)
    .await?;
    Ok(group(rows))
}

fn group(rows: Vec<Year>) -> BTreeMap<Uuid, Vec<Year>> {
    let mut out: BTreeMap<Uuid, Vec<Year>> = BTreeMap::new();
    for y in rows {
        out.entry(y.indicator_id).or_default().push(y);
    }
    out
}

pub use crate::domain::indicator::IndicatorFields;

impl IndicatorFields {
    pub fn to_json(&self) -> serde_json::Value {
        json!({"name": self.name, "satuan": self.satuan, "definition": self.definition,
            "data_source": self.data_source, "polaritas": self.polaritas,
            "kondisi_awal": self.kondisi_awal, "kondisi_awal_tahun": self.kondisi_awal_tahun,
            "kondisi_akhir": self.kondisi_akhir, "kondisi_akhir_max": self.kondisi_akhir_max,
            "years": self.years})
    }

    pub fn of(ind: &Indicator, years: &[Year]) -> IndicatorFields {
        IndicatorFields {
            name: ind.name.clone(),
            satuan: ind.satuan.clone(),
            definition: ind.definition.clone(),
            data_source: ind.data_source.clone(),
            polaritas: ind.polaritas,
            kondisi_awal: ind.kondisi_awal,
            kondisi_awal_tahun: ind.kondisi_awal_tahun,
            kondisi_akhir: ind.kondisi_akhir,
            kondisi_akhir_max: ind.kondisi_akhir_max,
            years: years
                .iter()
                .map(|y| (y.year, (y.target, y.target_max, y.realisasi)))
                .collect(),
        }
    }
}

async fn write_years(
    conn: &mut PgConnection,
    id: Uuid,
    region: &str,
    years: &crate::domain::indicator::Years,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM indicator_years WHERE indicator_id = $1 AND region_kode = $2")
        .bind(id)
        .bind(region)
        .execute(&mut *conn)
        .await?;
    let ys: Vec<i32> = years.keys().copied().collect();
    let t: Vec<Option<Decimal>> = years.values().map(|v| v.0).collect();
    let m: Vec<Option<Decimal>> = years.values().map(|v| v.1).collect();
    let r: Vec<Option<Decimal>> = years.values().map(|v| v.2).collect();
    sqlx::query(
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target, target_max, realisasi)
         SELECT $1, y, $2, t, m, r FROM unnest($3::int[], $4::numeric[], $5::numeric[], $6::numeric[]) AS u(y, t, m, r)",
    )
    .bind(id)
    .bind(region)
    .bind(&ys)
    .bind(&t)
    .bind(&m)
    .bind(&r)
    .execute(conn)
    .await?;
    Ok(())
}

/// A new indicator of `item` in `plan`, audited (and logged with `reason`
/// in an RKPD Perubahan).
pub async fn create(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    plan: &Plan,
    item: &Item,
    f: &IndicatorFields,
    source_indicator_id: Option<Uuid>,
    reason: &str,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, position, name, satuan, definition, data_source,
                                 polaritas, kondisi_awal, kondisi_awal_tahun, kondisi_akhir, kondisi_akhir_max,
                                 source_indicator_id)
         VALUES ($1, $2, $3, $4,
                 (SELECT COALESCE(max(position), 0) + 1 FROM indicators WHERE item_id = $4 AND region_kode = $2),
                 $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(id)
    .bind(&item.region_kode)
    .bind(item.plan_id)
    .bind(item.id)
    .bind(&f.name)
    .bind(&f.satuan)
    .bind(&f.definition)
    .bind(&f.data_source)
    .bind(f.polaritas)
    .bind(f.kondisi_awal)
    .bind(f.kondisi_awal_tahun)
    .bind(f.kondisi_akhir)
    .bind(f.kondisi_akhir_max)
    .bind(source_indicator_id)
    .execute(&mut *conn)
    .await?;
    write_years(conn, id, &item.region_kode, &f.years).await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&item.region_kode),
            actor_id: actor,
            action: "create",
            entity: "indicator",
            entity_id: id.to_string(),
            before: None,
            after: Some(f.to_json()),
        },
    )
    .await?;
    super::log_if_perubahan(
        conn,
        actor,
        plan,
        "indicator",
        id,
        &format!("Indikator baru: {}", f.name),
        serde_json::Value::Null,
        f.to_json(),
        reason,
    )
    .await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
pub async fn update(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    current: &Indicator,
    current_years: &[Year],
    version: i32,
    f: &IndicatorFields,
    reason: &str,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE indicators SET name = $3, satuan = $4, definition = $5, data_source = $6, polaritas = $7,
                kondisi_awal = $8, kondisi_awal_tahun = $9, kondisi_akhir = $10, kondisi_akhir_max = $11,
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND region_kode = $12",
    )
    .bind(current.id)
    .bind(version)
    .bind(&f.name)
    .bind(&f.satuan)
    .bind(&f.definition)
    .bind(&f.data_source)
    .bind(f.polaritas)
    .bind(f.kondisi_awal)
    .bind(f.kondisi_awal_tahun)
    .bind(f.kondisi_akhir)
    .bind(f.kondisi_akhir_max)
    .bind(&current.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    write_years(conn, current.id, &current.region_kode, &f.years).await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&current.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "indicator",
            entity_id: current.id.to_string(),
            before: Some(IndicatorFields::of(current, current_years).to_json()),
            after: Some(f.to_json()),
        },
    )
    .await?;
    super::log_if_perubahan(
        conn,
        Some(actor),
        plan,
        "indicator",
        current.id,
        &format!("Indikator {}", current.name),
        IndicatorFields::of(current, current_years).to_json(),
        f.to_json(),
        reason,
    )
    .await?;
    Ok(())
}

/// Records realisasi per year (`None` clears a year's), leaving targets
/// as they are: one transaction through `update`, so the audit row and the
/// version check are the same as for any edit of the indicator.
pub async fn record_realisasi(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    current: &Indicator,
    version: i32,
    realisasi: &BTreeMap<i32, Option<Decimal>>,
) -> Result<(), SaveError> {
    let mut tx = db.begin().await?;
    let years: Vec<Year> = sqlx::query_as(
        "SELECT indicator_id, year, target, target_max, realisasi FROM indicator_years
         WHERE indicator_id = $1 AND region_kode = $2 ORDER BY year",
    )
    .bind(current.id)
    .bind(&current.region_kode)
    .fetch_all(&mut *tx)
    .await?;
    let mut fields = IndicatorFields::of(current, &years);
    for (year, value) in realisasi {
        fields.years.entry(*year).or_insert((None, None, None)).2 = *value;
    }
    fields.years.retain(|_, v| v.0.is_some() || v.2.is_some());
    if fields.years == IndicatorFields::of(current, &years).years {
        return Ok(());
    }
    update(
        &mut tx,
        actor,
        plan,
        current,
        &years,
        version,
        &fields,
        "Pencatatan realisasi",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
