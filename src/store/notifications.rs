//! The in-app inbox. Notifications are written in the same transaction as
//! what they announce.
//!
//! Every notification says what it reveals (`Reveals`): the text of a plan
//! at a visibility, or only something of the recipient's own. `send` is the
//! one place that fans notifications out, and it gives a notification only
//! to those the page would show the same text to
//! (`policy::can_see_comments`). Every channel that delivers them later (the
//! inbox, the email outbox) asks the same rule again for the recipient at
//! that moment, since a plan may have gone back to being a draft since.

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::auth::policy::{self, PlanRef};
use crate::domain::comment::Visibility;
use crate::domain::plan::{PlanKind, Stage};
use crate::domain::stage::{Move, Window};
use crate::store::plans::Plan;

/// What a notification shows its recipient.
#[derive(Debug, Clone, Copy)]
pub enum Reveals<'a> {
    /// Something of the recipient's own (their proposal, their region's
    /// kerja sama, their account): for the people addressed.
    Personal,
    /// Text of a plan (a comment, a stage note) at a visibility: for those
    /// who may read that text on the plan's page.
    Plan(&'a Plan, Visibility),
}

/// Sends one notification to each of `users` (never to `except`) who may
/// read what it reveals.
#[allow(clippy::too_many_arguments)]
pub async fn send(
    conn: &mut PgConnection,
    users: &[Uuid],
    except: Option<Uuid>,
    region: &str,
    reveals: Reveals<'_>,
    title: &str,
    body: &str,
    link: &str,
) -> Result<(), sqlx::Error> {
    let mut users: Vec<Uuid> = users
        .iter()
        .copied()
        .filter(|u| Some(*u) != except)
        .collect();
    users.sort();
    users.dedup();
    let (plan_id, audience) = match reveals {
        Reveals::Personal => (None, "personal"),
        Reveals::Plan(plan, visibility) => {
            let readers = super::sessions::viewers(&mut *conn, &users).await?;
            users = readers
                .iter()
                .filter(|v| may_receive(v, Some(plan_ref(plan)), visibility.as_str()))
                .map(|v| v.id)
                .collect();
            (Some(plan.id), visibility.as_str())
        }
    };
    if users.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO notifications (user_id, region_kode, title, body, link, plan_id, audience)
         SELECT DISTINCT u, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS u",
    )
    .bind(&users)
    .bind(region)
    .bind(title)
    .bind(body)
    .bind(link)
    .bind(plan_id)
    .bind(audience)
    .execute(conn)
    .await?;
    crate::telemetry::notifications_created(users.len());
    Ok(())
}

fn plan_ref(plan: &Plan) -> PlanRef<'_> {
    PlanRef {
        region: &plan.region_kode,
        kind: plan.kind,
        owner_org: plan.owner_org_id,
        stage: plan.stage,
        window: Window::Open,
    }
}

/// The rule every channel asks: may this person receive a notification of
/// this audience about this plan (as it is now)?
fn may_receive(user: &CurrentUser, plan: Option<PlanRef<'_>>, audience: &str) -> bool {
    match (audience, plan) {
        ("personal", _) => true,
        ("publik", Some(p)) => policy::can_see_comments(Some(user), p, Visibility::Publik),
        ("internal", Some(p)) => policy::can_see_comments(Some(user), p, Visibility::Internal),
        // A plan notification whose plan is gone, or an unknown audience.
        _ => false,
    }
}

/// What a delivery channel needs to ask the rule again: the audience and
/// the plan as it is now.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Audience {
    pub audience: String,
    pub plan_region: Option<String>,
    pub plan_kind: Option<PlanKind>,
    pub plan_owner: Option<Uuid>,
    pub plan_stage: Option<Stage>,
}

impl Audience {
    pub fn admits(&self, user: &CurrentUser) -> bool {
        let plan = match (&self.plan_region, self.plan_kind, self.plan_stage) {
            (Some(region), Some(kind), Some(stage)) => Some(PlanRef {
                region,
                kind,
                owner_org: self.plan_owner,
                stage,
                window: Window::Open,
            }),
            _ => None,
        };
        may_receive(user, plan, &self.audience)
    }
}

/// The columns of `Audience`, for a query over `notifications n LEFT JOIN
/// plans p ON p.id = n.plan_id`.
pub const AUDIENCE_COLUMNS: &str = "n.audience, p.region_kode AS plan_region, p.kind AS plan_kind, p.owner_org_id AS plan_owner, p.stage AS plan_stage";

/// Tells the region's administrators other than `actor` and `subject` of a
/// change to who may do what (a role granted, a password or second factor
/// reset), so that no admin can quietly give powers to an account they
/// control.
pub async fn tell_other_admins(
    conn: &mut PgConnection,
    region: &str,
    actor: Uuid,
    subject: Uuid,
    title: &str,
    body: &str,
    link: &str,
) -> Result<(), sqlx::Error> {
    let admins: Vec<Uuid> = users_with_roles(conn, region, &["admin"])
        .await?
        .into_iter()
        .filter(|a| *a != subject)
        .collect();
    send(
        conn,
        &admins,
        Some(actor),
        region,
        Reveals::Personal,
        title,
        body,
        link,
    )
    .await
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

/// Who may read a stage note: the note moving a plan into a public stage
/// (opening konsultasi publik, the penetapan) is public with the plan; any
/// other is the internal working of the region.
pub fn stage_note_visibility(to: Stage) -> Visibility {
    if to.is_public() {
        Visibility::Publik
    } else {
        Visibility::Internal
    }
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
    // The plan as it is after the move decides who may read of it.
    let mut moved = plan.clone();
    moved.stage = to;
    let reveals = Reveals::Plan(&moved, stage_note_visibility(to));
    let mut workers = plan_workers(conn, plan).await?;
    workers.extend(super::follows::followers(conn, &plan.region_kode, &[plan.id]).await?);
    send(
        conn,
        &workers,
        Some(actor),
        &plan.region_kode,
        reveals,
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
            reveals,
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
    #[sqlx(flatten)]
    pub audience: Audience,
}

/// Notifications per inbox page.
pub const PAGE: i64 = 50;

/// One page of the user's inbox, newest first, older than `before` (a
/// notification id), holding only what the user may read now; and the
/// cursor of the next page, if there is one.
pub async fn inbox(
    db: &PgPool,
    user: &CurrentUser,
    before: Option<i64>,
) -> Result<(Vec<Notification>, Option<i64>), sqlx::Error> {
    let rows: Vec<Notification> = sqlx::query_as(&format!(
        // across regions: a person's own notifications, from every region they work in
        "SELECT n.id, n.title, n.body, n.link, n.created_at, n.read_at, {AUDIENCE_COLUMNS}
         FROM notifications n LEFT JOIN plans p ON p.id = n.plan_id
         WHERE n.user_id = $1 AND ($2::bigint IS NULL OR n.id < $2)
         ORDER BY n.id DESC LIMIT $3"
    ))
    .bind(user.id)
    .bind(before)
    .bind(PAGE + 1)
    .fetch_all(db)
    .await?;
    let next = (rows.len() as i64 > PAGE).then(|| rows[PAGE as usize - 1].id);
    let (shown, withheld): (Vec<Notification>, Vec<Notification>) = rows
        .into_iter()
        .take(PAGE as usize)
        .partition(|n| n.audience.admits(user));
    // What the user may no longer read is not delivered; it stops counting
    // as unread in the header too.
    let unread_withheld: Vec<i64> = withheld
        .iter()
        .filter(|n| n.read_at.is_none())
        .map(|n| n.id)
        .collect();
    if !unread_withheld.is_empty() {
        // across regions: a person's own notifications, from every region
        // they work in
        sqlx::query("UPDATE notifications SET read_at = now() WHERE id = ANY($1) AND user_id = $2")
            .bind(&unread_withheld)
            .bind(user.id)
            .execute(db)
            .await?;
    }
    Ok((shown, next))
}

pub async fn unread(db: &PgPool, user: Uuid) -> Result<i64, sqlx::Error> {
    // across regions: a person's own notifications, from every region they work in
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
            // across regions: a person's own notification, from any region
            sqlx::query_scalar("UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING link")
                .bind(id)
                .bind(user)
                .fetch_optional(db)
                .await
        }
        None => {
            sqlx::query(
                // across regions: a person's own notifications, from every region they work in
                "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL",
            )
            .bind(user)
            .execute(db)
            .await?;
            Ok(None)
        }
    }
}
