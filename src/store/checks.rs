//! Loads what Cek Keselarasan looks at for one plan: a fixed set of
//! statements (about a dozen), each reading one table once, never one per
//! item, so a 3,000-sub-kegiatan RKPD checks as fast as a small one.

use std::collections::{HashMap, HashSet};

use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::checks::{
    AcceptedItem, IndicatorData, Input, ItemData, KerjaSamaData, ParentPlan, PlanData,
    ProposalData, Quoting, YearTarget,
};
use crate::domain::kode::KodeNomenklatur;
use crate::domain::plan::{Level, PlanKind};
use crate::domain::proposal::Status as ProposalStatus;
use crate::store::plans::{Plan, indicators, items};

fn to_indicator(n: indicators::Indicator, years: Option<Vec<indicators::Year>>) -> IndicatorData {
    IndicatorData {
        id: n.id,
        item_id: n.item_id,
        name: n.name,
        polaritas: n.polaritas,
        kondisi_awal: n.kondisi_awal,
        source_indicator_id: n.source_indicator_id,
        years: years
            .unwrap_or_default()
            .into_iter()
            .map(|y| YearTarget {
                year: y.year,
                target: y.target,
                target_max: y.target_max,
            })
            .collect(),
    }
}

/// What the Cek of `plan` reads, quoting what its page may quote.
pub async fn load(db: &PgPool, plan: &Plan) -> Result<Input, sqlx::Error> {
    load_quoting(db, plan, Quoting::for_stage(plan.stage)).await
}

/// What the Cek of `plan` reads, quoting only targets of plans `quoting`
/// allows.
pub async fn load_quoting(
    db: &PgPool,
    plan: &Plan,
    quoting: Quoting,
) -> Result<Input, sqlx::Error> {
    // The plans around it.
    let parent: Option<ParentPlan> = match (plan.parent_id, &plan.parent_region) {
        (Some(p), Some(region)) => sqlx::query_as(
            "SELECT id, kind, first_year, last_year FROM plans WHERE id = $1 AND region_kode = $2",
        )
        .bind(p)
        .bind(region)
        .fetch_optional(db)
        .await?,
        _ => None,
    };
    // The province plan of the same kind and year: the one the plan names
    // as its reference when that is of the same kind, else the one found.
    let province_plan = crate::store::plans::province_plans(db, plan)
        .await?
        .first()
        .map(|p| p.0);

    let region = plan.region_kode.as_str();
    let item_rows = items::for_plan(db, region, plan.id).await?;
    let inds = indicators::for_plan(db, region, plan.id).await?;
    let mut years = indicators::years_for_plan(db, region, plan.id).await?;
    let pagu_rows = items::pagu_for_plan(db, region, plan.id).await?;
    let alignments: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT l.from_item_id, l.to_item_id FROM alignment_links l JOIN plan_items i ON i.id = l.from_item_id
         WHERE i.plan_id = $1 AND i.region_kode = $2 AND l.region_kode = $2",
    )
    .bind(plan.id)
    .bind(region)
    .fetch_all(db)
    .await?;

    // Codes, checked against the region's master in one statement.
    let mut codes: Vec<String> = Vec::new();
    for k in item_rows.iter().filter_map(|i| i.kode.as_deref()) {
        codes.push(k.to_string());
        if let Some(n) = KodeNomenklatur::parse(k)
            .ok()
            .and_then(|k| k.national_form())
        {
            codes.push(n);
        }
    }
    let known_codes: HashSet<String> =
        crate::store::nomenklatur::existing(db, &plan.region_kode, &codes)
            .await?
            .into_iter()
            .collect();

    // Indicators and items of other plans this plan points at: of its
    // region or its province.
    let around = crate::store::plans::regions_around(region);
    let source_ids: Vec<Uuid> = inds.iter().filter_map(|n| n.source_indicator_id).collect();
    let mut source_rows = if source_ids.is_empty() {
        Vec::new()
    } else {
        indicators::by_ids(db, &around, &source_ids).await?
    };
    // The findings of a public plan are public: they quote no targets of a
    // plan that is still a draft (`Stage::is_public`); the open data's
    // quote enacted plans only.
    if quoting != Quoting::Any && !source_rows.is_empty() {
        let plan_ids: Vec<Uuid> = source_rows.iter().map(|n| n.plan_id).collect();
        let plan_regions: Vec<String> = source_rows.iter().map(|n| n.region_kode.clone()).collect();
        let public: HashSet<Uuid> = sqlx::query_scalar::<_, Uuid>(
            "SELECT id FROM plans WHERE id = ANY($1) AND region_kode = ANY($3)
               AND (stage = 'ditetapkan' OR ($2 AND stage = 'konsultasi_publik'))",
        )
        .bind(&plan_ids)
        .bind(quoting == Quoting::Public)
        .bind(&plan_regions)
        .fetch_all(db)
        .await?
        .into_iter()
        .collect();
        source_rows.retain(|n| public.contains(&n.plan_id));
    }
    let mut source_years = indicators::years_for(db, &around, &source_ids).await?;
    let source_indicators: HashMap<Uuid, IndicatorData> = source_rows
        .into_iter()
        .map(|n| {
            let years = source_years.remove(&n.id);
            (n.id, to_indicator(n, years))
        })
        .collect();
    let mut targets: Vec<Uuid> = item_rows.iter().filter_map(|i| i.source_item_id).collect();
    targets.extend(item_rows.iter().filter_map(|i| i.supports_item_id));
    targets.extend(alignments.iter().map(|a| a.1));
    /// An item of another plan this plan points at.
    #[derive(sqlx::FromRow)]
    struct LinkedItem {
        id: Uuid,
        plan_id: Uuid,
        level: Level,
    }
    let linked_items: HashMap<Uuid, (Uuid, Level)> = sqlx::query_as::<_, LinkedItem>(
        "SELECT id, plan_id, level FROM plan_items WHERE id = ANY($1) AND region_kode = ANY($2)",
    )
    .bind(&targets)
    .bind(&around)
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|i| (i.id, (i.plan_id, i.level)))
    .collect();

    /// An agency's ceiling of a year, with the agency's name.
    #[derive(sqlx::FromRow)]
    struct CeilingRow {
        org_id: Uuid,
        year: i32,
        amount: crate::domain::money::Rupiah,
        name: String,
    }
    let ceilings_rows: Vec<CeilingRow> = sqlx::query_as(
        "SELECT c.org_id, c.year, c.amount, o.name FROM agency_ceilings c JOIN organizations o ON o.id = c.org_id
         WHERE c.plan_id = $1 AND c.region_kode = $2",
    )
    .bind(plan.id)
    .bind(region)
    .fetch_all(db)
    .await?;
    let mut agency_names = HashMap::new();
    let mut ceilings = HashMap::new();
    for c in ceilings_rows {
        ceilings.insert((c.org_id, c.year), c.amount);
        agency_names.insert(c.org_id, c.name);
    }

    let proposals: Vec<ProposalData> = if plan.kind == PlanKind::Rkpd {
        #[derive(sqlx::FromRow)]
        struct Decided {
            nomor: String,
            status: ProposalStatus,
            target_year: i32,
            item: Option<Uuid>,
            level: Option<Level>,
            kind: Option<PlanKind>,
            year: Option<i32>,
            reason: Option<String>,
        }
        let rows: Vec<Decided> =
            sqlx::query_as(
                "SELECT p.nomor, p.status, p.target_year, p.accepted_item_id AS item, i.level, pl.kind, pl.first_year AS year, p.reject_reason AS reason
                 FROM proposals p LEFT JOIN plan_items i ON i.id = p.accepted_item_id LEFT JOIN plans pl ON pl.id = i.plan_id
                 WHERE p.region_kode = $1 AND p.target_year = $2 AND p.status IN ('diakomodir', 'ditolak')",
            )
            .bind(&plan.region_kode)
            .bind(plan.first_year)
            .fetch_all(db)
            .await?;
        rows.into_iter()
            .map(|d| ProposalData {
                nomor: d.nomor,
                status: d.status,
                target_year: d.target_year,
                accepted: match (d.item, d.level, d.kind, d.year) {
                    (Some(item), Some(level), Some(kind), Some(year)) => Some(AcceptedItem {
                        item,
                        level,
                        kind,
                        year,
                    }),
                    _ => None,
                },
                reject_reason: d.reason,
            })
            .collect()
    } else {
        Vec::new()
    };

    let ks_rows: Vec<KerjaSamaData> = sqlx::query_as(
        "SELECT k.id, k.title, k.status = 'direncanakan' AS planned, k.first_year, k.last_year,
                COALESCE(array_agg(DISTINCT i.id) FILTER (WHERE i.id IS NOT NULL), '{}') AS items
         FROM kerja_sama k
         LEFT JOIN kerja_sama_items ki ON ki.kerja_sama_id = k.id
         -- The linked item, or its copy in this plan (an RKPD Perubahan).
         LEFT JOIN plan_items i ON i.plan_id = $2 AND (i.id = ki.item_id OR i.source_item_id = ki.item_id)
         WHERE k.region_kode = $1 OR k.id IN (SELECT kerja_sama_id FROM kerja_sama_partners WHERE partner_region = $1)
         GROUP BY k.id",
    )
    .bind(&plan.region_kode)
    .bind(plan.id)
    .fetch_all(db)
    .await?;
    // Only kerja sama whose years meet the plan's, and only for the annual
    // plan that carries the region's budget (the RKPD and its Perubahan).
    let kerja_sama = if matches!(plan.kind, PlanKind::Rkpd | PlanKind::RkpdPerubahan) {
        ks_rows
            .into_iter()
            .filter(|k| k.first_year <= plan.last_year && k.last_year >= plan.first_year)
            .collect()
    } else {
        Vec::new()
    };

    let mut pagu = HashMap::new();
    for (item, ys) in pagu_rows {
        for (y, a) in ys {
            pagu.insert((item, y), a);
        }
    }
    let indicators = inds.into_iter().map(|n| {
        let y = years.remove(&n.id);
        to_indicator(n, y)
    });
    let mut input = Input {
        plan: PlanData {
            id: plan.id,
            kind: plan.kind,
            region: plan.region_kode.clone(),
            first_year: plan.first_year,
            last_year: plan.last_year,
            parent,
            province_plan,
            rkpd_ref: plan.rkpd_ref_id,
        },
        items: item_rows
            .into_iter()
            .map(|i| ItemData {
                id: i.id,
                plan_id: i.plan_id,
                parent_id: i.parent_id,
                level: i.level,
                kode: i.kode,
                nama: i.nama,
                responsible: i.responsible_org_id,
                source_item_id: i.source_item_id,
                supports_item_id: i.supports_item_id,
            })
            .collect(),
        indicators: indicators.collect(),
        pagu,
        known_codes,
        source_indicators,
        linked_items,
        alignments,
        ceilings,
        agency_names,
        proposals,
        kerja_sama,
        index: HashMap::new(),
    };
    input.reindex();
    Ok(input)
}

/// Agency names for a plan's items (for the filter on the check page).
pub async fn agencies(
    db: &PgPool,
    region: &str,
    plan: Uuid,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT o.id, o.name FROM plan_items i JOIN organizations o ON o.id = i.responsible_org_id
         WHERE i.plan_id = $1 AND i.region_kode = $2 ORDER BY o.name",
    )
    .bind(plan)
    .bind(region)
    .fetch_all(db)
    .await
}

/// The number of committed changes to what a check reads (see the
/// `data_version` table): equal numbers, equal findings.
pub async fn data_version(db: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT v FROM data_version WHERE id = 1")
        .fetch_one(db)
        .await
}
