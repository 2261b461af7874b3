//! Comments on plans, paragraphs, items and indicators, with threads,
//! removal markers and tindak lanjut. Notifications go out in the same
//! transaction.

use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use super::audit;
use super::notifications::{self, Reveals};
use crate::domain::comment::{Target, TindakLanjut, Visibility};
use crate::domain::plan::Stage;
use crate::store::plans::Plan;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Comment {
    pub id: Uuid,
    pub region_kode: String,
    pub plan_id: Uuid,
    pub target: Target,
    pub target_id: Option<Uuid>,
    pub anchor: Option<String>,
    pub parent_id: Option<Uuid>,
    pub author_id: Uuid,
    pub author_name: String,
    pub author_org: Option<String>,
    pub visibility: Visibility,
    pub body: String,
    pub stage: Stage,
    pub created_at: OffsetDateTime,
    pub edited_at: Option<OffsetDateTime>,
    pub removed_at: Option<OffsetDateTime>,
    pub removed_by_author: bool,
    pub tl_status: Option<TindakLanjut>,
    pub tl_answer: Option<String>,
    pub tl_by: Option<String>,
    pub tl_at: Option<OffsetDateTime>,
    /// What the comment is about, for lists: the item or indicator name.
    pub target_label: Option<String>,
}

const SELECT: &str =
    "SELECT c.id, c.region_kode, c.plan_id, c.target, c.target_id, c.anchor, c.parent_id, c.author_id,
        a.full_name AS author_name,
        (SELECT o.name FROM memberships m JOIN organizations o ON o.id = m.organization_id
          WHERE m.user_id = a.id ORDER BY o.name LIMIT 1) AS author_org,
        c.visibility, c.body, c.stage, c.created_at, c.edited_at, c.removed_at,
        COALESCE(c.removed_by = c.author_id, false) AS removed_by_author,
        c.tl_status, c.tl_answer, t.full_name AS tl_by, c.tl_at,
        COALESCE(i.kode || ' ' || i.nama, i.nama, n.name) AS target_label
    FROM comments c
    JOIN users a ON a.id = c.author_id
    LEFT JOIN users t ON t.id = c.tl_by
    LEFT JOIN plan_items i ON c.target = 'item' AND i.id = c.target_id
    LEFT JOIN indicators n ON c.target = 'indicator' AND n.id = c.target_id";

/// Every comment of a plan, oldest first (one statement).
pub async fn for_plan(db: &PgPool, region: &str, plan: Uuid) -> Result<Vec<Comment>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE c.plan_id = $1 AND c.region_kode = $2 ORDER BY c.created_at, c.id"
    ))
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// The comments a plan's own page shows (one statement): on the plan and
/// its paragraphs, and on items and indicators removed since, whose
/// discussion stays readable there. The rest show on the item's page.
pub async fn on_plan_page(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<Comment>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE c.plan_id = $1 AND c.region_kode = $2
           AND (c.target IN ('plan', 'paragraph')
                OR (c.target IN ('item', 'indicator') AND c.target_id IS NOT NULL
                    AND i.id IS NULL AND n.id IS NULL))
         ORDER BY c.created_at, c.id"
    ))
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// The comments on one item or indicator.
pub async fn for_target(
    db: &PgPool,
    region: &str,
    target_id: Uuid,
) -> Result<Vec<Comment>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE c.region_kode = $2
           AND (c.target_id = $1
                OR c.parent_id IN (SELECT id FROM comments
                                    WHERE target_id = $1 AND region_kode = $2))
         ORDER BY c.created_at, c.id"
    ))
    .bind(target_id)
    .bind(region)
    .fetch_all(db)
    .await
}

/// The comment named in a link (`/komentar/{id}`), in whichever region.
pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<Comment>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// A comment of `region` (a reply's parent, named in a form).
pub async fn get_in(db: &PgPool, region: &str, id: Uuid) -> Result<Option<Comment>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE c.id = $1 AND c.region_kode = $2"))
        .bind(id)
        .bind(region)
        .fetch_optional(db)
        .await
}

pub struct NewComment<'a> {
    pub target: Target,
    pub target_id: Option<Uuid>,
    pub anchor: Option<&'a str>,
    pub parent: Option<&'a Comment>,
    pub visibility: Visibility,
    pub body: &'a str,
}

pub async fn create(
    conn: &mut PgConnection,
    author: Uuid,
    plan: &Plan,
    c: NewComment<'_>,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO comments (id, region_kode, plan_id, target, target_id, anchor, parent_id, author_id, visibility, body, stage)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(&plan.region_kode)
    .bind(plan.id)
    .bind(c.target)
    .bind(c.target_id)
    .bind(c.anchor)
    .bind(c.parent.map(|p| p.id))
    .bind(author)
    .bind(c.visibility)
    .bind(c.body)
    .bind(plan.stage)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(author),
            action: "create",
            entity: "comment",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({"plan_id": plan.id, "target_id": c.target_id, "anchor": c.anchor, "body": c.body})),
        },
    )
    .await?;
    // Who hears of it: the author replied to; otherwise whoever owns the
    // target (the responsible agency of an item, the planners for the plan).
    let link = format!("/komentar/{id}");
    let title = format!("Komentar baru pada {} {}", plan.kind.label(), plan.period());
    let excerpt: String = c.body.chars().take(160).collect();
    let mut to: Vec<Uuid> = Vec::new();
    if let Some(p) = c.parent {
        to.push(p.author_id);
        notifications::send(
            conn,
            &to,
            Some(author),
            &plan.region_kode,
            Reveals::Plan(plan, c.visibility),
            "Balasan untuk komentar Anda",
            &excerpt,
            &link,
        )
        .await?;
        return Ok(id);
    }
    let owners: Vec<Uuid> = match c.target {
        Target::Item | Target::Indicator => {
            sqlx::query_scalar(
                "SELECT DISTINCT m.user_id FROM memberships m
                 WHERE m.region_kode = $2 AND m.role = 'agency' AND m.organization_id = (
                    SELECT i.responsible_org_id FROM plan_items i
                    WHERE i.region_kode = $2
                      AND (i.id = $1 OR i.id = (SELECT item_id FROM indicators
                                                 WHERE id = $1 AND region_kode = $2)))",
            )
            .bind(c.target_id)
            .bind(&plan.region_kode)
            .fetch_all(&mut *conn)
            .await?
        }
        _ => Vec::new(),
    };
    to.extend(owners);
    to.extend(notifications::users_with_roles(conn, &plan.region_kode, &["planner"]).await?);
    let mut followed = vec![plan.id];
    followed.extend(c.target_id);
    to.extend(super::follows::followers(conn, &plan.region_kode, &followed).await?);
    notifications::send(
        conn,
        &to,
        Some(author),
        &plan.region_kode,
        Reveals::Plan(plan, c.visibility),
        &title,
        &excerpt,
        &link,
    )
    .await?;
    Ok(id)
}

pub async fn edit(
    conn: &mut PgConnection,
    actor: Uuid,
    c: &Comment,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE comments SET body = $2, edited_at = now()
         WHERE id = $1 AND region_kode = $3 AND removed_at IS NULL",
    )
    .bind(c.id)
    .bind(body)
    .bind(&c.region_kode)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&c.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "comment",
            entity_id: c.id.to_string(),
            before: Some(serde_json::json!({"body": c.body})),
            after: Some(serde_json::json!({"body": body})),
        },
    )
    .await
}

/// Removes a comment, leaving a marker in its thread. The text stays in
/// the audit log, not on the page.
pub async fn remove(conn: &mut PgConnection, actor: Uuid, c: &Comment) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE comments SET removed_at = now(), removed_by = $2
         WHERE id = $1 AND region_kode = $3 AND removed_at IS NULL",
    )
    .bind(c.id)
    .bind(actor)
    .bind(&c.region_kode)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&c.region_kode),
            actor_id: Some(actor),
            action: "delete",
            entity: "comment",
            entity_id: c.id.to_string(),
            before: Some(serde_json::json!({"body": c.body})),
            after: None,
        },
    )
    .await
}

pub async fn follow_up(
    conn: &mut PgConnection,
    actor: Uuid,
    plan: &Plan,
    c: &Comment,
    status: TindakLanjut,
    answer: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE comments SET tl_status = $2, tl_answer = $3, tl_by = $4, tl_at = now()
         WHERE id = $1 AND region_kode = $5",
    )
    .bind(c.id)
    .bind(status)
    .bind(answer)
    .bind(actor)
    .bind(&c.region_kode)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&plan.region_kode),
            actor_id: Some(actor),
            action: "tindak_lanjut",
            entity: "comment",
            entity_id: c.id.to_string(),
            before: Some(serde_json::json!({"status": c.tl_status.map(|s| s.as_str()), "answer": c.tl_answer})),
            after: Some(serde_json::json!({"status": status.as_str(), "answer": answer})),
        },
    )
    .await?;
    let title = format!("Tindak lanjut atas masukan Anda: {}", status.label());
    // The answer to a public input is the author's own and a public record
    // (the berita acara prints it), so it reaches them even once the plan
    // is back in internal drafting; an internal note's answer stays with
    // those who may read it.
    let reveals = match c.visibility {
        Visibility::Publik => Reveals::Personal,
        Visibility::Internal => Reveals::Plan(plan, Visibility::Internal),
    };
    notifications::send(
        conn,
        &[c.author_id],
        Some(actor),
        &plan.region_kode,
        reveals,
        &title,
        answer,
        &format!("/komentar/{}", c.id),
    )
    .await
}
