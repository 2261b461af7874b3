//! Targets and pagu sent back from Excel: the plan's state to compare
//! with, the pending import (kept until confirmed), and applying it, which
//! is one transaction through the same writes as the forms (audit rows,
//! the RKPD Perubahan change log, version checks).

use crate::domain::money::Rupiah;
use std::collections::{BTreeMap, HashMap};

use sqlx::PgPool;
use uuid::Uuid;

use super::Plan;
use super::indicators::{self, Indicator, IndicatorFields, Year};
use super::items::{self, Item};
use crate::domain::target_pagu::{Change, IndicatorNow, ItemNow, Key, PlanNow, Preview, Value};
use crate::store::SaveError;

/// Everything the workbook and the comparison need: four statements.
pub struct State {
    pub items: Vec<Item>,
    pub indicators: Vec<Indicator>,
    pub years: BTreeMap<Uuid, Vec<Year>>,
    pub pagu: BTreeMap<Uuid, BTreeMap<i32, Rupiah>>,
}

pub async fn state(db: &PgPool, plan: &Plan) -> Result<State, sqlx::Error> {
    Ok(State {
        items: items::for_plan(db, &plan.region_kode, plan.id).await?,
        indicators: indicators::for_plan(db, &plan.region_kode, plan.id).await?,
        years: indicators::years_for_plan(db, &plan.region_kode, plan.id).await?,
        pagu: items::pagu_for_plan(db, &plan.region_kode, plan.id).await?,
    })
}

impl State {
    pub fn now(&self, plan: &Plan) -> PlanNow {
        let items: HashMap<Uuid, &Item> = self.items.iter().map(|i| (i.id, i)).collect();
        PlanNow {
            target_years: plan.years(),
            pagu_years: plan.pagu_years(),
            indicators: self
                .indicators
                .iter()
                .map(|n| {
                    let item = items
                        .get(&n.item_id)
                        .map(|i| i.heading())
                        .unwrap_or_default();
                    (
                        n.id,
                        IndicatorNow {
                            item: n.item_id,
                            version: n.version,
                            label: format!("\"{}\" ({item})", n.name),
                            targets: self
                                .years
                                .get(&n.id)
                                .map(|ys| {
                                    ys.iter()
                                        .filter_map(|y| {
                                            y.target.map(|t| (y.year, (t, y.target_max)))
                                        })
                                        .collect()
                                })
                                .unwrap_or_default(),
                            realisasi: self
                                .years
                                .get(&n.id)
                                .map(|ys| {
                                    ys.iter()
                                        .filter_map(|y| y.realisasi.map(|r| (y.year, r)))
                                        .collect()
                                })
                                .unwrap_or_default(),
                        },
                    )
                })
                .collect(),
            items: self
                .items
                .iter()
                .map(|i| {
                    (
                        i.id,
                        ItemNow {
                            version: i.version,
                            label: i.heading(),
                            has_pagu: i.level.has_pagu(),
                            pagu: self.pagu.get(&i.id).cloned().unwrap_or_default(),
                        },
                    )
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Pending<P = Preview> {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub user_id: Uuid,
    pub file_name: String,
    pub preview: sqlx::types::Json<P>,
    pub created_at: time::OffsetDateTime,
    pub applied_at: Option<time::OffsetDateTime>,
    pub applied: Option<i32>,
}

/// What a pending import holds: `target_pagu` (a `Preview`) or
/// `struktur` (a `structure::Checked`).
pub async fn save<P: serde::Serialize>(
    db: &PgPool,
    plan: &Plan,
    user: Uuid,
    kind: &str,
    file_name: &str,
    preview: &P,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plan_imports (id, plan_id, region_kode, user_id, kind, file_name, preview)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(plan.id)
    .bind(&plan.region_kode)
    .bind(user)
    .bind(kind)
    .bind(file_name)
    .bind(sqlx::types::Json(preview))
    .execute(db)
    .await?;
    Ok(id)
}

/// A pending import of `kind` into `plan` (of `region`).
pub async fn get<P: serde::de::DeserializeOwned + Send + Unpin + 'static>(
    db: &PgPool,
    region: &str,
    plan: Uuid,
    kind: &str,
    id: Uuid,
) -> Result<Option<Pending<P>>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, plan_id, user_id, file_name, preview, created_at, applied_at, applied
         FROM plan_imports WHERE id = $1 AND plan_id = $2 AND kind = $3 AND region_kode = $4",
    )
    .bind(id)
    .bind(plan)
    .bind(kind)
    .bind(region)
    .fetch_optional(db)
    .await
}

/// Why an import could not be applied.
#[derive(Debug)]
pub enum ApplyError {
    /// Applied before (a second click, another tab).
    AlreadyApplied,
    /// Something changed in Selaras between preview and confirmation.
    Conflict,
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ApplyError {
    fn from(e: sqlx::Error) -> Self {
        ApplyError::Db(e)
    }
}

impl From<SaveError> for ApplyError {
    fn from(e: SaveError) -> Self {
        match e {
            SaveError::Conflict | SaveError::Fields(_) => ApplyError::Conflict,
            SaveError::Db(e) => ApplyError::Db(e),
        }
    }
}

/// Applies every change of a pending import in one transaction, each
/// indicator and item through its ordinary write (audited, logged in an
/// RKPD Perubahan with `reason`), each checked against the version the
/// file was exported at. Returns how many values changed.
pub async fn apply(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    pending: &Pending,
    reason: &str,
) -> Result<usize, ApplyError> {
    let changes = &pending.preview.changes;
    let mut tx = db.begin().await?;
    if !mark_applied(&mut tx, &plan.region_kode, pending.id, changes.len() as i32).await? {
        return Err(ApplyError::AlreadyApplied);
    }
    apply_in(&mut tx, actor, plan, changes, reason).await?;
    tx.commit().await?;
    Ok(changes.len())
}

/// Applies changes typed into the plan's table (no file, no pending
/// import), in one transaction, with the same checks and writes.
pub async fn apply_typed(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    changes: &[Change],
    reason: &str,
) -> Result<usize, ApplyError> {
    let mut tx = db.begin().await?;
    apply_in(&mut tx, actor, plan, changes, reason).await?;
    tx.commit().await?;
    Ok(changes.len())
}

/// Every change through its indicator's or item's ordinary write, in the
/// caller's transaction.
async fn apply_in(
    tx: &mut sqlx::PgConnection,
    actor: Uuid,
    plan: &Plan,
    changes: &[Change],
    reason: &str,
) -> Result<(), ApplyError> {
    // The stage the caller authorized against holds until commit.
    let stage: Option<crate::domain::plan::Stage> =
        sqlx::query_scalar("SELECT stage FROM plans WHERE id = $1 AND region_kode = $2 FOR SHARE")
            .bind(plan.id)
            .bind(&plan.region_kode)
            .fetch_optional(&mut *tx)
            .await?;
    if stage != Some(plan.stage) {
        return Err(ApplyError::Conflict);
    }
    let mut targets: BTreeMap<Uuid, Vec<&Change>> = BTreeMap::new();
    let mut pagu: BTreeMap<Uuid, Vec<&Change>> = BTreeMap::new();
    for c in changes {
        match c.key {
            Key::Target { indicator, .. } | Key::Realisasi { indicator, .. } => {
                targets.entry(indicator).or_default().push(c)
            }
            Key::Pagu { item, .. } => pagu.entry(item).or_default().push(c),
        }
    }
    for (id, list) in targets {
        let current: Indicator = sqlx::query_as(&format!(
            "{} WHERE id = $1 AND plan_id = $2 AND region_kode = $3 FOR UPDATE",
            indicators::SELECT
        ))
        .bind(id)
        .bind(plan.id)
        .bind(&plan.region_kode)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ApplyError::Conflict)?;
        let years: Vec<Year> = sqlx::query_as(
            "SELECT indicator_id, year, target, target_max, realisasi FROM indicator_years
             WHERE indicator_id = $1 AND region_kode = $2 ORDER BY year",
        )
        .bind(id)
        .bind(&current.region_kode)
        .fetch_all(&mut *tx)
        .await?;
        let mut fields = IndicatorFields::of(&current, &years);
        for c in &list {
            let entry = fields
                .years
                .entry(c.key.year())
                .or_insert((None, None, None));
            match c.after {
                Value::Target(t) => {
                    entry.0 = t.map(|(v, _)| v);
                    entry.1 = t.and_then(|(_, m)| m);
                }
                Value::Realisasi(r) => entry.2 = r,
                Value::Pagu(_) => {}
            }
        }
        // A year with neither target nor realisasi left is no year at all.
        fields.years.retain(|_, v| v.0.is_some() || v.2.is_some());
        indicators::update(
            &mut *tx,
            actor,
            plan,
            &current,
            &years,
            list[0].version,
            &fields,
            reason,
        )
        .await?;
    }
    for (id, list) in pagu {
        let item = sqlx::query_as::<_, Item>(&format!(
            "{} WHERE i.id = $1 AND i.plan_id = $2 AND i.region_kode = $3",
            items::SELECT
        ))
        .bind(id)
        .bind(plan.id)
        .bind(&plan.region_kode)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ApplyError::Conflict)?;
        let before: BTreeMap<i32, Rupiah> = sqlx::query_as::<_, (i32, Rupiah)>(
            "SELECT year, amount FROM item_pagu WHERE item_id = $1 AND region_kode = $2",
        )
        .bind(id)
        .bind(&item.region_kode)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .collect();
        let mut after = before.clone();
        for c in &list {
            match c.after {
                Value::Pagu(Some(a)) => {
                    after.insert(c.key.year(), a);
                }
                Value::Pagu(None) => {
                    after.remove(&c.key.year());
                }
                Value::Target(_) | Value::Realisasi(_) => {}
            }
        }
        items::set_pagu(
            &mut *tx,
            Some(actor),
            plan,
            &item,
            list[0].version,
            &before,
            &after,
            reason,
        )
        .await?;
    }
    Ok(())
}

/// Marks a pending import applied (with how many values it wrote), in the
/// caller's transaction; false when it was applied already. `region` is
/// the plan's, which the import is of.
pub(super) async fn mark_applied(
    conn: &mut sqlx::PgConnection,
    region: &str,
    id: Uuid,
    n: i32,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE plan_imports SET applied_at = now(), applied = $2
         WHERE id = $1 AND region_kode = $3 AND applied_at IS NULL",
    )
    .bind(id)
    .bind(n)
    .bind(region)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
