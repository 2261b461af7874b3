//! Stage transitions, the snapshots they freeze, and stage schedules.

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Plan, indicators, items};
use crate::domain::plan::Stage;
use crate::domain::snapshot::{SnapIndicator, SnapItem, SnapPagu, SnapSection, Snapshot};
use crate::domain::stage::Move;
use crate::store::{SaveError, audit, notifications};

/// The whole plan as it is now, read through `conn` (inside the caller's
/// transaction when it has one): five statements, whatever its size.
pub async fn current(conn: &mut PgConnection, plan: &Plan) -> Result<Snapshot, sqlx::Error> {
    let region = plan.region_kode.as_str();
    let sections = super::sections(&mut *conn, region, plan.id).await?;
    let items = items::for_plan(&mut *conn, region, plan.id).await?;
    let inds = indicators::for_plan(&mut *conn, region, plan.id).await?;
    let mut years = indicators::years_for_plan(&mut *conn, region, plan.id).await?;
    let pagu = items::pagu_for_plan(&mut *conn, region, plan.id).await?;
    Ok(Snapshot {
        title: plan.title.clone(),
        stage: plan.stage,
        sections: sections
            .into_iter()
            .map(|s| SnapSection {
                id: s.id,
                title: s.title,
                body_md: s.body_md,
            })
            .collect(),
        items: items
            .into_iter()
            .map(|i| SnapItem {
                id: i.id,
                parent_id: i.parent_id,
                level: i.level,
                kode: i.kode,
                nama: i.nama,
                description: i.description,
                responsible: i.responsible_name,
                lokasi: i.lokasi,
                sumber_dana: i.sumber_dana,
                bulan: i.bulan_mulai.zip(i.bulan_selesai),
                tags: i.tags,
                source_item_id: i.source_item_id,
            })
            .collect(),
        indicators: inds
            .into_iter()
            .map(|n| SnapIndicator {
                years: years
                    .remove(&n.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|y| (y.year, y.target, y.target_max, y.realisasi))
                    .collect(),
                id: n.id,
                item_id: n.item_id,
                name: n.name,
                satuan: n.satuan,
                kondisi_awal: n.kondisi_awal,
                kondisi_akhir: n.kondisi_akhir,
            })
            .collect(),
        pagu: pagu
            .into_iter()
            .flat_map(|(item, years)| {
                years
                    .into_iter()
                    .map(move |(year, amount)| SnapPagu { item, year, amount })
            })
            .collect(),
    })
}

/// Freezes the plan as it is now; returns the snapshot's id.
pub async fn freeze(
    conn: &mut PgConnection,
    plan: &Plan,
    stage: Stage,
    label: &str,
) -> Result<Uuid, sqlx::Error> {
    let mut data = current(conn, plan).await?;
    data.stage = stage;
    let id = Uuid::now_v7();
    sqlx::query("INSERT INTO plan_snapshots (id, region_kode, plan_id, stage, label, data) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(&plan.region_kode)
        .bind(plan.id)
        .bind(stage)
        .bind(label)
        .bind(sqlx::types::Json(&data))
        .execute(conn)
        .await?;
    Ok(id)
}

/// Moves the plan from its current stage to `to`, freezing a snapshot and
/// recording who, when and why, all in the caller's transaction. Refused
/// (as a conflict) when someone moved it first.
pub async fn move_stage(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    mv: Move,
    to: Stage,
    note: &str,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE plans SET stage = $3, version = version + 1, updated_at = now()
         WHERE id = $1 AND stage = $2 AND version = $4 AND region_kode = $5",
    )
    .bind(plan.id)
    .bind(plan.stage)
    .bind(to)
    .bind(plan.version)
    .bind(&plan.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    let label = format!("{} → {}", plan.stage.label(), to.label());
    let snapshot = freeze(conn, plan, to, &label).await?;
    sqlx::query(
        "INSERT INTO plan_transitions (id, region_kode, plan_id, kind, from_stage, to_stage, note, actor_id, snapshot_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Uuid::now_v7())
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(mv)
    .bind(plan.stage)
    .bind(to)
    .bind(note)
    .bind(actor)
    .bind(snapshot)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "stage",
            entity: "plan",
            entity_id: plan.id.to_string(),
            before: Some(serde_json::json!({"stage": plan.stage})),
            after: Some(serde_json::json!({"stage": to, "note": note})),
        },
    )
    .await?;
    notifications::stage_moved(conn, actor, plan, mv, to, note).await?;
    Ok(())
}

/// Who moved the plan (of `region`) into `menunggu_penetapan` most
/// recently.
pub async fn requested_by(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT actor_id FROM plan_transitions
         WHERE plan_id = $1 AND region_kode = $2 AND to_stage = 'menunggu_penetapan'
         ORDER BY at DESC LIMIT 1",
    )
    .bind(plan)
    .bind(region)
    .fetch_optional(db)
    .await
    .map(Option::flatten)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Transition {
    pub kind: Move,
    pub from_stage: Stage,
    pub to_stage: Stage,
    pub note: String,
    pub actor: Option<String>,
    pub at: OffsetDateTime,
    pub snapshot_id: Uuid,
}

pub async fn transitions(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<Transition>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.kind, t.from_stage, t.to_stage, t.note, u.full_name AS actor, t.at, t.snapshot_id
         FROM plan_transitions t LEFT JOIN users u ON u.id = t.actor_id
         WHERE t.plan_id = $1 AND t.region_kode = $2 ORDER BY t.at DESC",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SnapshotRow {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub stage: Stage,
    pub label: String,
    pub taken_at: OffsetDateTime,
}

pub async fn snapshots(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<SnapshotRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, plan_id, stage, label, taken_at FROM plan_snapshots
         WHERE plan_id = $1 AND region_kode = $2 ORDER BY taken_at",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// A snapshot by id, of a plan of `region`.
pub async fn snapshot(
    db: &PgPool,
    region: &str,
    id: Uuid,
) -> Result<Option<(SnapshotRow, Snapshot)>, sqlx::Error> {
    let row: Option<(
        Uuid,
        Uuid,
        Stage,
        String,
        OffsetDateTime,
        sqlx::types::Json<Snapshot>,
    )> = sqlx::query_as(
        "SELECT id, plan_id, stage, label, taken_at, data FROM plan_snapshots
         WHERE id = $1 AND region_kode = $2",
    )
    .bind(id)
    .bind(region)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(id, plan_id, stage, label, taken_at, data)| {
        (
            SnapshotRow {
                id,
                plan_id,
                stage,
                label,
                taken_at,
            },
            data.0,
        )
    }))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Schedule {
    pub stage: Stage,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
}

pub async fn schedules(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<Schedule>, sqlx::Error> {
    sqlx::query_as(
        "SELECT stage, opens_at, closes_at FROM stage_schedules
         WHERE plan_id = $1 AND region_kode = $2 ORDER BY stage",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn set_schedule(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    stage: Stage,
    opens: OffsetDateTime,
    closes: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO stage_schedules (plan_id, stage, region_kode, opens_at, closes_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (plan_id, stage) DO UPDATE SET opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at",
    )
    .bind(plan.id)
    .bind(stage)
    .bind(&plan.region_kode)
    .bind(opens)
    .bind(closes)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "schedule",
            entity: "plan",
            entity_id: plan.id.to_string(),
            before: None,
            after: Some(
                serde_json::json!({"stage": stage, "opens_at": opens, "closes_at": closes}),
            ),
        },
    )
    .await
}

/// What a reader last marked as seen of a plan (of `region`).
pub async fn last_seen(
    db: &PgPool,
    region: &str,
    user: Uuid,
    plan: Uuid,
) -> Result<Option<(OffsetDateTime, Snapshot)>, sqlx::Error> {
    let row: Option<(OffsetDateTime, sqlx::types::Json<Snapshot>)> = sqlx::query_as(
        "SELECT seen_at, data FROM plan_views
         WHERE user_id = $1 AND plan_id = $2 AND region_kode = $3",
    )
    .bind(user)
    .bind(plan)
    .bind(region)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(t, d)| (t, d.0)))
}

/// Remembers the plan as the reader sees it now.
pub async fn mark_seen(
    conn: &mut PgConnection,
    user: Uuid,
    plan: &Plan,
) -> Result<(), sqlx::Error> {
    let data = current(conn, plan).await?;
    sqlx::query(
        "INSERT INTO plan_views (user_id, plan_id, region_kode, seen_at, data) VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (user_id, plan_id) DO UPDATE SET seen_at = now(), data = EXCLUDED.data",
    )
    .bind(user)
    .bind(plan.id)
    .bind(&plan.region_kode)
    .bind(sqlx::types::Json(&data))
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes a past transition with its snapshot (the demo's history).
#[allow(clippy::too_many_arguments)]
pub async fn record_past(
    conn: &mut PgConnection,
    plan: &Plan,
    mv: Move,
    from: Stage,
    to: Stage,
    note: &str,
    actor: Option<Uuid>,
    at: OffsetDateTime,
    data: &Snapshot,
) -> Result<(), sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plan_snapshots (id, region_kode, plan_id, stage, label, taken_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(to)
    .bind(format!("{} → {}", from.label(), to.label()))
    .bind(at)
    .bind(sqlx::types::Json(data))
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO plan_transitions (id, region_kode, plan_id, kind, from_stage, to_stage, note, actor_id, at, snapshot_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(Uuid::now_v7())
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(mv)
    .bind(from)
    .bind(to)
    .bind(note)
    .bind(actor)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
