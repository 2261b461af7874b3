//! Full-text search (issue 16, point 1): one statement per kind of thing,
//! each bounded. Words match as prefixes in PostgreSQL's `indonesian`
//! configuration (so `bangun` finds `pembangunan`) or the `simple` one
//! (names, places); codes match as prefixes of item codes and proposal
//! numbers. Every row carries what the policy needs to decide whether
//! the searcher may read it (the caller asks); the SQL only keeps out
//! what no one outside the region may read, so the bound is spent on
//! candidates.

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::plan::{Level, PlanScope};
use crate::domain::proposal::Status;
use crate::domain::search::Query;

/// Candidates read per kind (the page shows at most `SHOWN`).
const CANDIDATES: i64 = 60;
pub const SHOWN: usize = 20;

/// Plans anyone may read, and those of the searcher's region (`$n`,
/// NULL for a visitor): drafts of other regions never come back. `$1` is
/// always the tsquery of the words (NULL when only codes were typed).
fn visible(n: u8) -> String {
    format!("(p.stage IN ('konsultasi_publik', 'ditetapkan') OR p.region_kode = ${n})")
}

fn text_match(expr: &str) -> String {
    format!(
        "($1::text IS NOT NULL AND (to_tsvector('indonesian', {expr}) @@ to_tsquery('indonesian', $1)
            OR to_tsvector('simple', {expr}) @@ to_tsquery('simple', $1)))"
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanHit {
    pub id: Uuid,
    pub title: String,
    pub region_nama: String,
    #[sqlx(flatten)]
    pub scope: PlanScope,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ItemHit {
    pub id: Uuid,
    pub kode: Option<String>,
    pub nama: String,
    pub level: Level,
    pub plan_title: String,
    #[sqlx(flatten)]
    pub scope: PlanScope,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IndicatorHit {
    pub id: Uuid,
    pub name: String,
    pub item_nama: String,
    pub plan_title: String,
    #[sqlx(flatten)]
    pub scope: PlanScope,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProposalHit {
    pub nomor: String,
    pub title: String,
    pub wilayah_nama: String,
    pub status: Status,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentHit {
    pub id: Uuid,
    pub body: String,
    pub visibility: crate::domain::comment::Visibility,
    pub plan_id: Uuid,
    pub plan_title: String,
    #[sqlx(flatten)]
    pub scope: PlanScope,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KerjaSamaHit {
    pub id: Uuid,
    pub title: String,
    pub region_nama: String,
}

#[derive(Debug, Default)]
pub struct Found {
    pub plans: Vec<PlanHit>,
    pub items: Vec<ItemHit>,
    pub indicators: Vec<IndicatorHit>,
    pub proposals: Vec<ProposalHit>,
    pub comments: Vec<CommentHit>,
    pub kerja_sama: Vec<KerjaSamaHit>,
}

const SCOPE: &str = "p.region_kode AS plan_region, p.kind AS plan_kind, p.owner_org_id AS plan_owner, p.stage AS plan_stage";

pub async fn find(db: &PgPool, q: &Query, region: Option<&str>) -> Result<Found, sqlx::Error> {
    let words = q.tsquery();
    let codes: Vec<String> = q
        .codes
        .iter()
        .filter(|c| !c.starts_with("usl-"))
        .cloned()
        .collect();
    let nomor: Vec<String> = q
        .codes
        .iter()
        .filter(|c| c.starts_with("usl-"))
        .map(|c| c.to_uppercase())
        .collect();
    // across regions: public search reads every region's public plans, one page (LIMIT).
    let plans = sqlx::query_as(&format!(
        "SELECT p.id, p.title, r.nama AS region_nama, {SCOPE}
         FROM plans p JOIN regions r ON r.kode = p.region_kode
         WHERE {} AND {}
         ORDER BY p.stage = 'ditetapkan' DESC, p.first_year DESC LIMIT {CANDIDATES}",
        visible(2),
        // Title and region name, kept in the row (migration 0020) and indexed.
        text_match("p.search_doc")
    ))
    .bind(&words)
    .bind(region)
    .fetch_all(db)
    .await?;
    // Items matching the words (through the text indexes) or below a code
    // (through the prefix index), gathered apart and then joined: an OR of
    // the two in one condition reads every item of every plan (664 ms over
    // a province's 186,000; 48 ms this way).
    // The matches carry what the hit shows, so the items are read once.
    const COLUMNS: &str = "x.id, x.kode, x.nama, x.level, x.plan_id";
    let by_code = if codes.is_empty() {
        // across regions: public search (no code asked: reads nothing).
        format!("SELECT {COLUMNS} FROM plan_items x WHERE false AND $2::text[] IS NULL")
    } else {
        // across regions: public search by code, every region's items, one page.
        format!(
            "SELECT {COLUMNS} FROM unnest($2::text[]) c
             JOIN plan_items x ON x.kode = c OR (x.kode ~>=~ (c || '.') AND x.kode ~<~ (c || '/'))"
        )
    };
    // across regions: public search reads every region's public items, one page (LIMIT).
    let items = sqlx::query_as(&format!(
        "SELECT i.id, i.kode, i.nama, i.level, p.title AS plan_title, {SCOPE}
         FROM (SELECT {COLUMNS} FROM plan_items x WHERE {} UNION {by_code}) i
         JOIN plans p ON p.id = i.plan_id
         WHERE {}
         ORDER BY i.kode NULLS LAST, i.nama LIMIT {CANDIDATES}",
        text_match("coalesce(x.kode, '') || ' ' || x.nama"),
        visible(3)
    ))
    .bind(&words)
    .bind(&codes)
    .bind(region)
    .fetch_all(db)
    .await?;
    // across regions: public search reads every region's public indicators, one page (LIMIT).
    let indicators = sqlx::query_as(&format!(
        "SELECT n.id, n.name, i.nama AS item_nama, p.title AS plan_title, {SCOPE}
         FROM indicators n JOIN plan_items i ON i.id = n.item_id JOIN plans p ON p.id = n.plan_id
         WHERE {} AND {}
         ORDER BY n.name LIMIT {CANDIDATES}",
        visible(2),
        text_match("n.name")
    ))
    .bind(&words)
    .bind(region)
    .fetch_all(db)
    .await?;
    // By number prefix or by words, gathered apart as for items.
    let by_nomor = if nomor.is_empty() {
        "SELECT NULL::uuid WHERE $2::text[] IS NULL"
    } else {
        // across regions: public search by number, every region's proposals, one page.
        "SELECT x.id FROM unnest($2::text[]) c
         JOIN proposals x ON x.nomor ~>=~ c AND x.nomor ~<~ (c || '~')"
    };
    // across regions: public search reads every region's proposals (all public), one page (LIMIT).
    let proposals = sqlx::query_as(&format!(
        "SELECT p.nomor, p.title, w.nama AS wilayah_nama, p.status
         FROM proposals p JOIN regions w ON w.kode = p.wilayah_kode
         WHERE p.id IN (SELECT x.id FROM proposals x WHERE {} UNION {by_nomor})
         ORDER BY p.nomor DESC LIMIT {CANDIDATES}",
        // Title and place, kept in the row (migration 0019) and indexed.
        text_match("x.search_doc")
    ))
    .bind(&words)
    .bind(&nomor)
    .fetch_all(db)
    .await?;
    // across regions: public search reads every region's public comments, one page (LIMIT).
    let comments = sqlx::query_as(&format!(
        "SELECT c.id, c.body, c.visibility, p.id AS plan_id, p.title AS plan_title, {SCOPE}
         FROM comments c JOIN plans p ON p.id = c.plan_id
         WHERE c.removed_at IS NULL AND {} AND {}
         ORDER BY c.created_at DESC LIMIT {CANDIDATES}",
        visible(2),
        text_match("c.body")
    ))
    .bind(&words)
    .bind(region)
    .fetch_all(db)
    .await?;
    // across regions: public search reads every region's public kerja sama, one page (LIMIT).
    let kerja_sama = sqlx::query_as(&format!(
        "SELECT k.id, k.title, r.nama AS region_nama
         FROM kerja_sama k JOIN regions r ON r.kode = k.region_kode
         WHERE {}
         ORDER BY k.first_year DESC LIMIT {CANDIDATES}",
        text_match("k.title || ' ' || k.object || ' ' || k.urusan")
    ))
    .bind(&words)
    .fetch_all(db)
    .await?;
    Ok(Found {
        plans,
        items,
        indicators,
        proposals,
        comments,
        kerja_sama,
    })
}
