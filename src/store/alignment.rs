//! Alignment links between items of different plans and levels (SPEC 4),
//! and the items of a plan not yet aligned upward.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::alignment::{Scope, Upward, target_region, upward};
use crate::domain::plan::Level;
use crate::store::audit;
use crate::store::plans::items::{self, Item, Linked};
use crate::store::plans::{PLAN_SCOPE, Plan};

/// An item another may be aligned to, with its plan.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Candidate {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub plan_title: String,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
}

impl Candidate {
    pub fn label(&self) -> String {
        match &self.kode {
            Some(k) => format!("{} {k} {}", self.level.label(), self.nama),
            None => format!("{} {}", self.level.label(), self.nama),
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Link {
    pub id: Uuid,
    pub region_kode: String,
    pub from_item_id: Uuid,
    pub to_item_id: Uuid,
}

fn kinds(up: &Upward) -> Vec<&'static str> {
    up.kinds.iter().map(|k| k.as_str()).collect()
}

fn levels(up: &Upward) -> Vec<&'static str> {
    up.levels.iter().map(|l| l.as_str()).collect()
}

/// The plans holding the items an item of `plan` may align to: the
/// region's (or for priorities the province's) plans of the target kinds
/// whose period covers the plan's first year.
pub async fn target_plans(
    db: &PgPool,
    plan: &Plan,
    up: &Upward,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    // A priority refers to one province plan: the one K11 checks (the
    // plan's named reference, else the province's plan of the year).
    if up.scope == Scope::Province && up.kinds == [plan.kind] {
        return Ok(crate::store::plans::province_plans(db, plan)
            .await?
            .into_iter()
            .take(1)
            .collect());
    }
    let Some(region) = target_region(up.scope, &plan.region_kode) else {
        return Ok(Vec::new());
    };
    // Another region's plans only when public (`Stage::is_public`): its
    // drafts are not ours to read.
    sqlx::query_as(
        "SELECT id, title FROM plans
         WHERE region_kode = $1 AND kind::text = ANY($2) AND first_year <= $3 AND last_year >= $3 AND id <> $4
           AND (region_kode = $5 OR stage IN ('ditetapkan', 'konsultasi_publik'))
         ORDER BY first_year DESC, title",
    )
    .bind(region)
    .bind(kinds(up))
    .bind(plan.first_year)
    .bind(plan.id)
    .bind(&plan.region_kode)
    .fetch_all(db)
    .await
}

/// Items of `plans` (of `region`, where the target plans are:
/// `target_region`) at the target levels, in tree order.
pub async fn candidates(
    db: &PgPool,
    region: &str,
    plans: &[Uuid],
    up: &Upward,
    search: &str,
    same_kode: Option<&str>,
    limit: i64,
) -> Result<Vec<Candidate>, sqlx::Error> {
    let ids: Vec<Uuid> = plans.to_vec();
    // Items of the same code first, then the tree order; `search` narrows
    // by the start of the code or a word of the name.
    sqlx::query_as(
        "SELECT i.id, i.plan_id, p.title AS plan_title, i.level, i.kode, i.nama
         FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE i.plan_id = ANY($1) AND i.level::text = ANY($2) AND i.region_kode = $6 AND p.region_kode = $6
           AND ($3 = '' OR i.kode LIKE $3 || '%' OR i.nama ILIKE '%' || $3 || '%')
         ORDER BY i.kode IS NOT DISTINCT FROM $4 DESC, p.first_year DESC, p.title, i.kode NULLS FIRST, i.position, i.id
         LIMIT $5",
    )
    .bind(&ids)
    .bind(levels(up))
    .bind(search.trim())
    .bind(same_kode)
    .bind(limit)
    .bind(region)
    .fetch_all(db)
    .await
}

/// One item, if it is among the candidates of `plans` (of `region`) at
/// the target levels.
pub async fn candidate(
    db: &PgPool,
    region: &str,
    plans: &[Uuid],
    up: &Upward,
    id: Uuid,
) -> Result<Option<Candidate>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.id, i.plan_id, p.title AS plan_title, i.level, i.kode, i.nama
         FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE i.id = $3 AND i.plan_id = ANY($1) AND i.level::text = ANY($2)
           AND i.region_kode = $4 AND p.region_kode = $4",
    )
    .bind(plans)
    .bind(levels(up))
    .bind(id)
    .bind(region)
    .fetch_optional(db)
    .await
}

/// Explicit links from the item of `region` (up) and to it (down), with
/// their ids. A link is of the region of the item it is made from, and
/// reaches an item of that region or its province: up are links of the
/// region to items of it or its province, down links of the region or
/// one inside it (a kab/kota's, to a province's item).
pub async fn of_item(
    db: &PgPool,
    region: &str,
    item: Uuid,
) -> Result<(Vec<(Uuid, Linked)>, Vec<(Uuid, Linked)>), sqlx::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        is_up: bool,
        link_id: Uuid,
        #[sqlx(flatten)]
        item: Linked,
    }
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT true AS is_up, l.id AS link_id, i.id, i.level, i.kode, i.nama, p.id AS plan_id, p.title AS plan_title, {PLAN_SCOPE}
         FROM alignment_links l JOIN plan_items i ON i.id = l.to_item_id JOIN plans p ON p.id = i.plan_id
         WHERE l.from_item_id = $1 AND l.region_kode = $2
           AND i.region_kode = ANY($3) AND p.region_kode = ANY($3)
         UNION ALL
         SELECT false, l.id, i.id, i.level, i.kode, i.nama, p.id, p.title, {PLAN_SCOPE}
         FROM alignment_links l JOIN plan_items i ON i.id = l.from_item_id JOIN plans p ON p.id = i.plan_id
         WHERE l.to_item_id = $1
           AND (l.region_kode = $2 OR l.region_kode LIKE $2 || '.%')
           AND i.region_kode = l.region_kode AND p.region_kode = l.region_kode
         ORDER BY 7, 5 NULLS FIRST, 6"
    ))
    .bind(item)
    .bind(region)
    .bind(crate::store::plans::regions_around(region))
    .fetch_all(db)
    .await?;
    let (mut up, mut down) = (Vec::new(), Vec::new());
    for r in rows {
        if r.is_up {
            up.push((r.link_id, r.item))
        } else {
            down.push((r.link_id, r.item))
        }
    }
    Ok((up, down))
}

/// The link named in a URL, whatever its region.
pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<Link>, sqlx::Error> {
    sqlx::query_as(
        // across regions: the row named in the URL, found by its unique key; what follows carries its region
        "SELECT id, region_kode, from_item_id, to_item_id FROM alignment_links WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Links `from` to `to`; `false` when the link already exists.
pub async fn add(
    conn: &mut PgConnection,
    actor: Uuid,
    from: &Item,
    to: &Candidate,
) -> Result<bool, sqlx::Error> {
    let id = Uuid::now_v7();
    let done = sqlx::query(
        "INSERT INTO alignment_links (id, region_kode, from_item_id, to_item_id, created_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (from_item_id, to_item_id) DO NOTHING",
    )
    .bind(id)
    .bind(&from.region_kode)
    .bind(from.id)
    .bind(to.id)
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&from.region_kode),
            actor_id: Some(actor),
            action: "create",
            entity: "alignment_link",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({"from": from.id, "to": to.id, "to_label": to.label(), "to_plan": to.plan_title})),
        },
    )
    .await?;
    Ok(true)
}

pub async fn remove(conn: &mut PgConnection, actor: Uuid, link: &Link) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM alignment_links WHERE id = $1 AND region_kode = $2")
        .bind(link.id)
        .bind(&link.region_kode)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&link.region_kode),
            actor_id: Some(actor),
            action: "delete",
            entity: "alignment_link",
            entity_id: link.id.to_string(),
            before: Some(serde_json::json!({"from": link.from_item_id, "to": link.to_item_id})),
            after: None,
        },
    )
    .await
}

/// An item not yet aligned upward, with what it should point to.
pub struct Unaligned {
    pub item: Item,
    pub up: Upward,
}

/// The items of a plan that should point upward and do not: neither an
/// alignment link, nor the item it was copied from, reaches an item of the
/// target levels in a target plan. One query per level that needs a link
/// (at most three), never one per item.
pub async fn unaligned(db: &PgPool, plan: &Plan) -> Result<Vec<Unaligned>, sqlx::Error> {
    let mut out = Vec::new();
    let own: Vec<Level> = Level::ALL
        .iter()
        .copied()
        .filter(|l| plan.kind.has_level(*l))
        .collect();
    for level in own {
        let Some(up) = upward(plan.kind, level) else {
            continue;
        };
        let targets: Vec<Uuid> = target_plans(db, plan, &up)
            .await?
            .into_iter()
            .map(|t| t.0)
            .collect();
        // The target plans are all of one region (`target_plans`).
        let Some(target) = target_region(up.scope, &plan.region_kode) else {
            continue;
        };
        if targets.is_empty() {
            continue;
        }
        let ids: Vec<Uuid> = sqlx::query_scalar(
            "SELECT i.id FROM plan_items i
             WHERE i.plan_id = $1 AND i.region_kode = $5 AND i.level::text = $2
               AND NOT EXISTS (
                 SELECT 1 FROM plan_items t
                 WHERE t.plan_id = ANY($3) AND t.region_kode = $6 AND t.level::text = ANY($4)
                   AND (t.id = i.source_item_id
                        OR t.id IN (SELECT to_item_id FROM alignment_links
                                    WHERE from_item_id = i.id AND region_kode = $5)))",
        )
        .bind(plan.id)
        .bind(level.as_str())
        .bind(&targets)
        .bind(levels(&up))
        .bind(&plan.region_kode)
        .bind(target)
        .fetch_all(db)
        .await?;
        if ids.is_empty() {
            continue;
        }
        for item in items::by_ids(db, &plan.region_kode, &ids).await? {
            out.push(Unaligned { item, up });
        }
    }
    Ok(out)
}
