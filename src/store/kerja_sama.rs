//! The kerja sama registry: each cooperation with its partners,
//! milestones, and the plan items (with their pagu) that carry it.

use crate::domain::money::Rupiah;
use std::collections::BTreeMap;

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::domain::kerja_sama::{New, Status, Type};
use crate::domain::plan::{Level, PlanKind, Stage};
use crate::store::audit;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KerjaSama {
    pub id: Uuid,
    pub region_kode: String,
    pub region_nama: String,
    #[sqlx(rename = "type")]
    pub kind: Type,
    pub title: String,
    pub urusan: String,
    pub object: String,
    pub status: Status,
    pub first_year: i32,
    pub last_year: i32,
    /// Partners in words: region names and third parties.
    pub partners: Vec<String>,
    /// Partner regions' codes (they see and carry it too).
    pub partner_regions: Vec<String>,
    pub third_parties: Vec<String>,
    pub version: i32,
}

impl KerjaSama {
    pub fn period(&self) -> String {
        if self.first_year == self.last_year {
            self.first_year.to_string()
        } else {
            format!("{}–{}", self.first_year, self.last_year)
        }
    }

    /// The regions whose planners manage it: its own and the partners'.
    pub fn regions(&self) -> Vec<String> {
        let mut r = vec![self.region_kode.clone()];
        r.extend(self.partner_regions.iter().cloned());
        r
    }
}

const SELECT: &str = "SELECT k.id, k.region_kode, r.nama AS region_nama, k.type, k.title, k.urusan, k.object, k.status,
        k.first_year, k.last_year,
        COALESCE((SELECT array_agg(COALESCE(pr.nama, p.third_party) ORDER BY p.partner_region NULLS LAST, p.third_party)
                  FROM kerja_sama_partners p LEFT JOIN regions pr ON pr.kode = p.partner_region
                  WHERE p.kerja_sama_id = k.id), '{}') AS partners,
        COALESCE((SELECT array_agg(p.partner_region ORDER BY p.partner_region) FROM kerja_sama_partners p
                  WHERE p.kerja_sama_id = k.id AND p.partner_region IS NOT NULL), '{}') AS partner_regions,
        COALESCE((SELECT array_agg(p.third_party ORDER BY p.third_party) FROM kerja_sama_partners p
                  WHERE p.kerja_sama_id = k.id AND p.third_party IS NOT NULL), '{}') AS third_parties,
        k.version
    FROM kerja_sama k JOIN regions r ON r.kode = k.region_kode";

/// A region's kerja sama and those it is a partner in; all when `None`.
pub async fn list(db: &PgPool, region: Option<&str>) -> Result<Vec<KerjaSama>, sqlx::Error> {
    // across regions: every region's kerja sama when no region is asked (the public list, not paged).
    sqlx::query_as(&format!(
        "{SELECT} WHERE $1::text IS NULL OR k.region_kode = $1
            OR k.id IN (SELECT kerja_sama_id FROM kerja_sama_partners WHERE partner_region = $1)
         ORDER BY k.first_year DESC, k.title"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

/// The kerja sama named in a link (`/kerja-sama/{id}`), in whichever
/// region.
pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<KerjaSama>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE k.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Milestone {
    pub id: Uuid,
    pub due: time::Date,
    pub description: String,
    pub done: bool,
}

/// A kerja sama's milestones; `region` is the kerja sama's.
pub async fn milestones(
    db: &PgPool,
    region: &str,
    id: Uuid,
) -> Result<Vec<Milestone>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, due, description, done FROM kerja_sama_milestones
         WHERE kerja_sama_id = $1 AND region_kode = $2 ORDER BY due, id",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

/// A plan item carrying a kerja sama, with its plan and pagu per year.
#[derive(Debug, Clone)]
pub struct Carrier {
    pub item_id: Uuid,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
    pub plan_id: Uuid,
    pub plan_kind: PlanKind,
    pub plan_title: String,
    pub region_kode: String,
    /// Who may read the item and its pagu: those who may read its plan.
    pub plan: crate::domain::plan::PlanScope,
    pub pagu: BTreeMap<i32, Rupiah>,
}

/// The items carrying the kerja sama `id` of `region` (the kerja sama's;
/// the items may be of its partner regions, reached through its links).
pub async fn carriers(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Carrier>, sqlx::Error> {
    type Row = (
        Uuid,
        Level,
        Option<String>,
        String,
        Uuid,
        PlanKind,
        String,
        String,
        Option<i32>,
        Option<Rupiah>,
        Option<Uuid>,
        Stage,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT i.id, i.level, i.kode, i.nama, p.id, p.kind, p.title, p.region_kode, g.year, g.amount,
                p.owner_org_id, p.stage
         FROM kerja_sama_items ki JOIN plan_items i ON i.id = ki.item_id JOIN plans p ON p.id = i.plan_id
         LEFT JOIN item_pagu g ON g.item_id = i.id
         WHERE ki.kerja_sama_id = $1 AND ki.region_kode = $2
         ORDER BY p.region_kode, p.title, i.kode NULLS FIRST, i.id, g.year",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await?;
    let mut out: Vec<Carrier> = Vec::new();
    for (
        item_id,
        level,
        kode,
        nama,
        plan_id,
        plan_kind,
        plan_title,
        region_kode,
        year,
        amount,
        owner,
        stage,
    ) in rows
    {
        if out.last().is_none_or(|c| c.item_id != item_id) {
            out.push(Carrier {
                item_id,
                level,
                kode,
                nama,
                plan_id,
                plan_kind,
                plan_title,
                plan: crate::domain::plan::PlanScope {
                    region_kode: region_kode.clone(),
                    kind: plan_kind,
                    owner_org_id: owner,
                    stage,
                },
                region_kode,
                pagu: BTreeMap::new(),
            });
        }
        if let (Some(y), Some(a), Some(c)) = (year, amount, out.last_mut()) {
            c.pagu.insert(y, a);
        }
    }
    Ok(out)
}

async fn log(
    conn: &mut PgConnection,
    actor: Uuid,
    region: &str,
    action: &'static str,
    id: Uuid,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), sqlx::Error> {
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action,
            entity: "kerja_sama",
            entity_id: id.to_string(),
            before,
            after,
        },
    )
    .await
}

/// Records a kerja sama of `region` (named `region_nama`), audited; the
/// partner regions' planners are told.
pub async fn create(
    conn: &mut PgConnection,
    actor: Uuid,
    region: &str,
    region_nama: &str,
    n: &New,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO kerja_sama (id, region_kode, type, title, urusan, object, status, first_year, last_year)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(region)
    .bind(n.kind)
    .bind(&n.title)
    .bind(&n.urusan)
    .bind(&n.object)
    .bind(n.status)
    .bind(n.first_year)
    .bind(n.last_year)
    .execute(&mut *conn)
    .await?;
    insert_partners(conn, id, n).await?;
    log(conn, actor, region, "create", id, None, Some(to_json(n))).await?;
    tell_planners(
        conn,
        &n.partner_regions,
        None,
        &format!("Kerja sama baru dari {region_nama}"),
        &format!(
            "{region_nama} mencatat kerja sama \"{}\" dengan daerah Anda ({}).",
            n.title,
            n.status.label()
        ),
        id,
    )
    .await?;
    Ok(id)
}

/// The planners of each of `regions` hear of a kerja sama (their own).
async fn tell_planners(
    conn: &mut PgConnection,
    regions: &[String],
    except: Option<Uuid>,
    title: &str,
    body: &str,
    id: Uuid,
) -> Result<(), sqlx::Error> {
    use crate::store::notifications;
    for region in regions {
        let planners = notifications::users_with_roles(conn, region, &["planner"]).await?;
        notifications::send(
            conn,
            &planners,
            except,
            region,
            notifications::Reveals::Personal,
            title,
            body,
            &format!("/kerja-sama/{id}"),
        )
        .await?;
    }
    Ok(())
}

fn to_json(n: &New) -> serde_json::Value {
    serde_json::json!({"type": n.kind.as_str(), "title": n.title, "urusan": n.urusan, "object": n.object,
        "status": n.status.as_str(), "first_year": n.first_year, "last_year": n.last_year,
        "partner_regions": n.partner_regions, "third_parties": n.third_parties})
}

async fn insert_partners(conn: &mut PgConnection, id: Uuid, n: &New) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO kerja_sama_partners (kerja_sama_id, partner_region, third_party)
         SELECT $1, r, NULL FROM unnest($2::text[]) AS r
         UNION ALL
         SELECT $1, NULL, t FROM unnest($3::text[]) AS t",
    )
    .bind(id)
    .bind(&n.partner_regions)
    .bind(&n.third_parties)
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves the fields and partners typed on top of `version` (the status
/// keeps moving by its own steps); `false` when someone saved first.
pub async fn update(
    conn: &mut PgConnection,
    actor: Uuid,
    k: &KerjaSama,
    version: i32,
    n: &New,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE kerja_sama SET type = $3, title = $4, urusan = $5, object = $6, first_year = $7, last_year = $8,
                version = version + 1
         WHERE id = $1 AND version = $2 AND region_kode = $9",
    )
    .bind(k.id)
    .bind(version)
    .bind(n.kind)
    .bind(&n.title)
    .bind(&n.urusan)
    .bind(&n.object)
    .bind(n.first_year)
    .bind(n.last_year)
    .bind(&k.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM kerja_sama_partners WHERE kerja_sama_id = $1 AND region_kode = $2")
        .bind(k.id)
        .bind(&k.region_kode)
        .execute(&mut *conn)
        .await?;
    insert_partners(conn, k.id, n).await?;
    let before = serde_json::json!({"type": k.kind.as_str(), "title": k.title, "urusan": k.urusan, "object": k.object,
        "first_year": k.first_year, "last_year": k.last_year, "partner_regions": k.partner_regions, "third_parties": k.third_parties});
    log(
        conn,
        actor,
        &k.region_kode,
        "update",
        k.id,
        Some(before),
        Some(to_json(n)),
    )
    .await?;
    Ok(true)
}

/// Moves the status one step, audited; everyone planning it on either side
/// hears of it. `false` when someone moved it first.
pub async fn set_status(
    conn: &mut PgConnection,
    actor: Uuid,
    actor_region_nama: &str,
    k: &KerjaSama,
    to: Status,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE kerja_sama SET status = $3, version = version + 1
         WHERE id = $1 AND status = $2 AND region_kode = $4",
    )
    .bind(k.id)
    .bind(k.status)
    .bind(to)
    .bind(&k.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    log(
        conn,
        actor,
        &k.region_kode,
        "update",
        k.id,
        Some(serde_json::json!({"status": k.status.as_str()})),
        Some(serde_json::json!({"status": to.as_str()})),
    )
    .await?;
    tell_planners(
        conn,
        &k.regions(),
        Some(actor),
        &format!("Kerja sama: {}", to.label()),
        &format!(
            "\"{}\" berpindah dari {} ke {} oleh {actor_region_nama}.",
            k.title,
            k.status.label(),
            to.label()
        ),
        k.id,
    )
    .await?;
    Ok(true)
}

pub async fn add_milestone(
    conn: &mut PgConnection,
    actor: Uuid,
    k: &KerjaSama,
    due: time::Date,
    what: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO kerja_sama_milestones (id, kerja_sama_id, due, description) VALUES ($1, $2, $3, $4)")
        .bind(Uuid::now_v7())
        .bind(k.id)
        .bind(due)
        .bind(what)
        .execute(&mut *conn)
        .await?;
    log(
        conn,
        actor,
        &k.region_kode,
        "update",
        k.id,
        None,
        Some(serde_json::json!({"milestone": what, "due": due.to_string()})),
    )
    .await
}

pub async fn set_milestone_done(
    conn: &mut PgConnection,
    actor: Uuid,
    k: &KerjaSama,
    milestone: Uuid,
    done: bool,
) -> Result<bool, sqlx::Error> {
    let r = sqlx::query(
        "UPDATE kerja_sama_milestones SET done = $3
         WHERE id = $1 AND kerja_sama_id = $2 AND region_kode = $4",
    )
    .bind(milestone)
    .bind(k.id)
    .bind(done)
    .bind(&k.region_kode)
    .execute(&mut *conn)
    .await?;
    if r.rows_affected() == 0 {
        return Ok(false);
    }
    log(
        conn,
        actor,
        &k.region_kode,
        "update",
        k.id,
        None,
        Some(serde_json::json!({"milestone": milestone, "done": done})),
    )
    .await?;
    Ok(true)
}

/// Links a plan item; `false` when it was linked already.
pub async fn link_item(
    conn: &mut PgConnection,
    actor: Uuid,
    k: &KerjaSama,
    item: Uuid,
) -> Result<bool, sqlx::Error> {
    let r = sqlx::query("INSERT INTO kerja_sama_items (kerja_sama_id, item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(k.id)
        .bind(item)
        .execute(&mut *conn)
        .await?;
    if r.rows_affected() == 0 {
        return Ok(false);
    }
    log(
        conn,
        actor,
        &k.region_kode,
        "update",
        k.id,
        None,
        Some(serde_json::json!({"item_linked": item})),
    )
    .await?;
    Ok(true)
}

pub async fn unlink_item(
    conn: &mut PgConnection,
    actor: Uuid,
    k: &KerjaSama,
    item: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM kerja_sama_items WHERE kerja_sama_id = $1 AND item_id = $2 AND region_kode = $3",
    )
    .bind(k.id)
    .bind(item)
    .bind(&k.region_kode)
    .execute(&mut *conn)
    .await?;
    log(
        conn,
        actor,
        &k.region_kode,
        "update",
        k.id,
        Some(serde_json::json!({"item_linked": item})),
        None,
    )
    .await
}

/// Provinces and kab/kota, for choosing a partner region: those of the
/// `near` province first (neighbours are the usual partners).
pub async fn partner_choices(
    db: &PgPool,
    near: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let province = near.split('.').next().unwrap_or(near);
    sqlx::query_as(
        "SELECT kode, nama FROM regions WHERE kode !~ '\\..*\\.'
         ORDER BY (kode = $1 OR kode LIKE $1 || '.%') DESC, kode",
    )
    .bind(province)
    .fetch_all(db)
    .await
}

/// The kinds of plan whose items may carry a kerja sama.
const CARRYING_KINDS: &str = "('rkpd', 'rkpd_perubahan', 'renja', 'rpjmd', 'renstra')";

/// A region's plans that may carry a kerja sama of these years.
pub async fn linkable_plans(
    db: &PgPool,
    region: &str,
    first_year: i32,
    last_year: i32,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT id, title FROM plans
         WHERE region_kode = $1 AND kind IN {CARRYING_KINDS} AND first_year <= $3 AND last_year >= $2
         ORDER BY first_year DESC, kind, title"
    ))
    .bind(region)
    .bind(first_year)
    .bind(last_year)
    .fetch_all(db)
    .await
}

/// The program, kegiatan or sub kegiatan of `kode` in plan `plan` of
/// `region`, when that plan may carry a kerja sama: (plan found, item).
pub async fn linkable_item(
    db: &PgPool,
    plan: Uuid,
    region: &str,
    kode: &str,
) -> Result<(bool, Option<Uuid>), sqlx::Error> {
    let row: Option<(Option<Uuid>,)> = sqlx::query_as(&format!(
        "SELECT (SELECT i.id FROM plan_items i WHERE i.plan_id = p.id AND i.kode = $3
                 AND i.level IN ('program', 'kegiatan', 'sub_kegiatan'))
         FROM plans p WHERE p.id = $1 AND p.region_kode = $2 AND p.kind IN {CARRYING_KINDS}"
    ))
    .bind(plan)
    .bind(region)
    .bind(kode)
    .fetch_optional(db)
    .await?;
    Ok(match row {
        Some((item,)) => (true, item),
        None => (false, None),
    })
}

/// The kerja sama an item carries: (id, title).
pub async fn carried_by(db: &PgPool, item: Uuid) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    // across regions: the kerja sama of another pemda that links this
    // item (as a partner, or once one), by the item's key
    sqlx::query_as(
        "SELECT k.id, k.title FROM kerja_sama_items ki JOIN kerja_sama k ON k.id = ki.kerja_sama_id
         WHERE ki.item_id = $1 ORDER BY k.title",
    )
    .bind(item)
    .fetch_all(db)
    .await
}
