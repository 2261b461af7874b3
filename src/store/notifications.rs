//! The in-app inbox. Notifications are written in the same transaction as
//! what they announce.

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::plan::Stage;
use crate::domain::stage::Move;
use crate::store::plans::Plan;

/// Sends one notification to each of `users` (never to `except`).
pub async fn send(
    conn: &mut PgConnection,
    users: &[Uuid],
    except: Option<Uuid>,
    region: &str,
    title: &str,
    body: &str,
    link: &str,
) -> Result<(), sqlx::Error> {
    let users: Vec<Uuid> = users
        .iter()
        .copied()
        .filter(|u| Some(*u) != except)
        .collect();
    sqlx::query(
        "INSERT INTO notifications (user_id, region_kode, title, body, link)
         SELECT DISTINCT u, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS u",
    )
    .bind(&users)
    .bind(region)
    .bind(title)
    .bind(body)
    .bind(link)
    .execute(conn)
    .await?;
    Ok(())
}

/// Active users of a region holding one of `roles`.
pub async fn users_with_roles(
    conn: &mut PgConnection,
    region: &str,
    roles: &[&str],
) -> Result<Vec<Uuid>, sqlx::Error> {
    let roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
    sqlx::query_scalar(
        "SELECT DISTINCT u.id FROM users u JOIN memberships m ON m.user_id = u.id
         WHERE u.region_kode = $1 AND u.active AND m.role::text = ANY($2)",
    )
    .bind(region)
    .bind(&roles)
    .fetch_all(conn)
    .await
}

/// The people who work on a plan: the region's planners and DPRD, the
/// agencies responsible for its items, the owner organization's members.
pub async fn plan_workers(conn: &mut PgConnection, plan: &Plan) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT u.id FROM users u JOIN memberships m ON m.user_id = u.id
         WHERE u.active AND u.region_kode = $1 AND (
             m.role IN ('planner', 'reviewer')
             OR m.organization_id = $3
             OR (m.role = 'agency' AND m.organization_id IN
                 (SELECT responsible_org_id FROM plan_items WHERE plan_id = $2 AND responsible_org_id IS NOT NULL)))",
    )
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(plan.owner_org_id)
    .fetch_all(conn)
    .await
}

pub async fn stage_moved(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    mv: Move,
    to: Stage,
    note: &str,
) -> Result<(), sqlx::Error> {
    let link = format!("/rencana/{}", plan.id);
    let title = format!(
        "{} {}: {} ({})",
        plan.kind.label(),
        plan.period(),
        to.label(),
        mv.label()
    );
    let mut workers = plan_workers(conn, plan).await?;
    workers.extend(super::follows::followers(conn, &[plan.id]).await?);
    send(
        conn,
        &workers,
        Some(actor),
        &plan.region_kode,
        &title,
        note,
        &link,
    )
    .await?;
    if to == Stage::MenungguPenetapan {
        let approvers = users_with_roles(conn, &plan.region_kode, &["approver"]).await?;
        let title = format!(
            "Menunggu persetujuan Anda: penetapan {} {}",
            plan.kind.label(),
            plan.period()
        );
        send(
            conn,
            &approvers,
            Some(actor),
            &plan.region_kode,
            &title,
            note,
            &link,
        )
        .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notification {
    pub id: i64,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: OffsetDateTime,
    pub read_at: Option<OffsetDateTime>,
}

pub async fn inbox(db: &PgPool, user: Uuid) -> Result<Vec<Notification>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, title, body, link, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT 200",
    )
    .bind(user)
    .fetch_all(db)
    .await
}

pub async fn unread(db: &PgPool, user: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user)
        .fetch_one(db)
        .await
}

/// Marks one (or, with None, every) notification of the user read; returns
/// the link of the one opened.
pub async fn mark_read(
    db: &PgPool,
    user: Uuid,
    id: Option<i64>,
) -> Result<Option<String>, sqlx::Error> {
    match id {
        Some(id) => {
            sqlx::query_scalar("UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING link")
                .bind(id)
                .bind(user)
                .fetch_optional(db)
                .await
        }
        None => {
            sqlx::query("UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL")
                .bind(user)
                .execute(db)
                .await?;
            Ok(None)
        }
    }
}
