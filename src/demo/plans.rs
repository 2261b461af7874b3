//! The demo plans (SPEC 13), read from `data/demo/plans.json`: Kota
//! Magelang's RPJPD, RPJMD, RKPD 2026 (derived from the RPJMD, as a planner
//! would), Dinas Kesehatan's Renstra and Renja, the Jawa Tengah RKPD 2026
//! as reference, and Kabupaten Blitar with Desa Plosorejo's village plans.
//! Plans that exist already (same region, kind and title) are left alone.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::DemoError;
use crate::domain::indicator::Polaritas;
use crate::domain::plan::{Level, PlanKind, Stage};
use crate::store::plans::indicators::{self, IndicatorFields};
use crate::store::plans::items::{self, ItemFields};
use crate::store::plans::{self, Plan, copy};
use crate::store::{SaveError, orgs};

const PLANS_JSON: &str = include_str!("../../data/demo/plans.json");

#[derive(Deserialize)]
struct File {
    plans: Vec<PlanJson>,
}

#[derive(Deserialize)]
struct PlanJson {
    key: String,
    region: String,
    kind: PlanKind,
    owner_org: Option<String>,
    parent: Option<String>,
    rkpd_ref: Option<String>,
    province_ref: Option<String>,
    title: String,
    first_year: i32,
    last_year: i32,
    stage: Stage,
    copy_from: Option<CopyFrom>,
    #[serde(default)]
    sections: Vec<SectionJson>,
    #[serde(default)]
    items: Vec<ItemJson>,
    #[serde(default)]
    additions: Vec<Addition>,
}

#[derive(Deserialize)]
struct CopyFrom {
    plan: String,
    year: i32,
}

#[derive(Deserialize)]
struct SectionJson {
    title: String,
    body_md: String,
}

#[derive(Deserialize)]
struct Addition {
    under_kode: String,
    items: Vec<ItemJson>,
}

#[derive(Deserialize)]
struct ItemJson {
    level: Level,
    kode: Option<String>,
    nama: String,
    #[serde(default)]
    description: String,
    responsible: Option<String>,
    #[serde(default)]
    lokasi: Vec<String>,
    sumber_dana: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    pagu: BTreeMap<String, String>,
    supports: Option<String>,
    #[serde(default)]
    indicators: Vec<IndicatorJson>,
    #[serde(default)]
    children: Vec<ItemJson>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Value {
    One(String),
    Band(String, String),
}

#[derive(Deserialize)]
struct IndicatorJson {
    name: String,
    satuan: String,
    #[serde(default)]
    definition: String,
    #[serde(default)]
    data_source: String,
    polaritas: Polaritas,
    kondisi_awal: Option<String>,
    kondisi_awal_tahun: Option<i32>,
    #[serde(default)]
    targets: BTreeMap<String, Value>,
    #[serde(default)]
    targets_sparse: bool,
    kondisi_akhir: Option<Value>,
    #[serde(default)]
    realisasi: BTreeMap<String, String>,
}

fn dec(s: &str) -> Result<Decimal, DemoError> {
    Decimal::from_str(s.trim()).map_err(|_| DemoError::Data(format!("bad number {s:?}")))
}

fn split(v: &Value) -> Result<(Decimal, Option<Decimal>), DemoError> {
    Ok(match v {
        Value::One(a) => (dec(a)?, None),
        Value::Band(a, b) => (dec(a)?, Some(dec(b)?)),
    })
}

/// Yearly targets; sparse ones are filled in between by straight lines.
fn years_of(
    ind: &IndicatorJson,
    plan_years: std::ops::RangeInclusive<i32>,
) -> Result<indicators_years::Years, DemoError> {
    let mut given: BTreeMap<i32, (Decimal, Option<Decimal>)> = BTreeMap::new();
    for (y, v) in &ind.targets {
        let y: i32 = y
            .parse()
            .map_err(|_| DemoError::Data(format!("bad year {y}")))?;
        given.insert(y, split(v)?);
    }
    let mut out = indicators_years::Years::new();
    let keys: Vec<i32> = given.keys().copied().collect();
    for y in plan_years {
        let t = match given.get(&y) {
            Some(v) => Some(*v),
            None if ind.targets_sparse => {
                let before = keys.iter().rev().find(|k| **k < y);
                let after = keys.iter().find(|k| **k > y);
                match (before, after) {
                    (Some(a), Some(b)) => {
                        let (va, vb) = (given[a], given[b]);
                        let f = Decimal::from(y - a) / Decimal::from(b - a);
                        let lerp = |x: Decimal, z: Decimal| (x + (z - x) * f).round_dp(2);
                        Some((lerp(va.0, vb.0), va.1.zip(vb.1).map(|(p, q)| lerp(p, q))))
                    }
                    _ => None,
                }
            }
            None => None,
        };
        let r = ind
            .realisasi
            .get(&y.to_string())
            .map(|s| dec(s))
            .transpose()?;
        if t.is_some() || r.is_some() {
            out.insert(y, (t.map(|t| t.0), t.and_then(|t| t.1), r));
        }
    }
    Ok(out)
}

mod indicators_years {
    pub type Years = std::collections::BTreeMap<
        i32,
        (
            Option<rust_decimal::Decimal>,
            Option<rust_decimal::Decimal>,
            Option<rust_decimal::Decimal>,
        ),
    >;
}

struct Ctx<'a> {
    plan: &'a Plan,
    orgs: &'a HashMap<(String, String), Uuid>,
    rkpd_ref_items: HashMap<String, Uuid>,
}

async fn insert_items(
    conn: &mut PgConnection,
    ctx: &Ctx<'_>,
    parent: Option<Uuid>,
    roots: &[ItemJson],
) -> Result<(), DemoError> {
    let mut stack: Vec<(&ItemJson, Option<Uuid>)> =
        roots.iter().rev().map(|i| (i, parent)).collect();
    while let Some((it, parent)) = stack.pop() {
        let responsible = match &it.responsible {
            Some(code) => Some(
                *ctx.orgs
                    .get(&(ctx.plan.region_kode.clone(), code.clone()))
                    .ok_or_else(|| {
                        DemoError::Data(format!("no org {code} in {}", ctx.plan.region_kode))
                    })?,
            ),
            None => None,
        };
        let fields = ItemFields {
            kode: it.kode.clone(),
            nama: it.nama.clone(),
            description: it.description.clone(),
            responsible_org_id: responsible,
            lokasi: it.lokasi.clone(),
            sumber_dana: it.sumber_dana.clone(),
            // The demo's sub kegiatan run the whole year.
            bulan: (it.level == crate::domain::plan::Level::SubKegiatan).then_some((1, 12)),
            tags: it.tags.clone(),
            supports_item_id: it
                .supports
                .as_ref()
                .and_then(|k| ctx.rkpd_ref_items.get(k).copied()),
        };
        let id = items::create(
            &mut *conn, None, ctx.plan, parent, it.level, &fields, None, "",
        )
        .await
        .map_err(|e| match e {
            SaveError::Db(e) => DemoError::Db(e),
            other => DemoError::Data(format!("item {}: {other:?}", it.nama)),
        })?;
        let item = items::Item {
            id,
            plan_id: ctx.plan.id,
            region_kode: ctx.plan.region_kode.clone(),
            parent_id: parent,
            level: it.level,
            position: 0,
            kode: it.kode.clone(),
            nama: it.nama.clone(),
            description: String::new(),
            responsible_org_id: responsible,
            responsible_name: None,
            lokasi: vec![],
            sumber_dana: None,
            bulan_mulai: None,
            bulan_selesai: None,
            tags: vec![],
            source_item_id: None,
            supports_item_id: None,
            version: 1,
        };
        if !it.pagu.is_empty() {
            let mut amounts = BTreeMap::new();
            for (y, a) in &it.pagu {
                amounts.insert(
                    y.parse::<i32>()
                        .map_err(|_| DemoError::Data(format!("bad year {y}")))?,
                    crate::domain::money::Rupiah::new(dec(a)?),
                );
            }
            items::set_pagu(
                &mut *conn,
                None,
                ctx.plan,
                &item,
                1,
                &BTreeMap::new(),
                &amounts,
                "",
            )
            .await
            .map_err(|e| DemoError::Data(format!("pagu of {}: {e:?}", it.nama)))?;
        }
        for ind in &it.indicators {
            let (akhir, akhir_max) = match &ind.kondisi_akhir {
                Some(v) => {
                    let (a, b) = split(v)?;
                    (Some(a), b)
                }
                None => (None, None),
            };
            let f = IndicatorFields {
                name: ind.name.clone(),
                satuan: ind.satuan.clone(),
                definition: ind.definition.clone(),
                data_source: ind.data_source.clone(),
                polaritas: ind.polaritas,
                kondisi_awal: ind.kondisi_awal.as_deref().map(dec).transpose()?,
                kondisi_awal_tahun: ind.kondisi_awal_tahun,
                kondisi_akhir: akhir,
                kondisi_akhir_max: akhir_max,
                years: years_of(ind, ctx.plan.first_year..=ctx.plan.last_year)?,
            };
            indicators::create(&mut *conn, None, ctx.plan, &item, &f, None, "").await?;
        }
        for child in it.children.iter().rev() {
            stack.push((child, Some(id)));
        }
    }
    Ok(())
}

pub async fn load(db: &PgPool) -> Result<usize, DemoError> {
    let file: File = serde_json::from_str(PLANS_JSON)
        .map_err(|e| DemoError::Data(format!("plans.json: {e}")))?;
    let mut org_ids: HashMap<(String, String), Uuid> = HashMap::new();
    for region in ["33.71", "33", "35.05", "35"] {
        for o in orgs::list(db, region).await? {
            org_ids.insert((region.to_string(), o.code.clone()), o.id);
        }
    }
    let mut by_key: HashMap<String, Plan> = HashMap::new();
    let mut created = 0;
    for pj in &file.plans {
        let existing: Option<Uuid> = sqlx::query_scalar(
            "SELECT id FROM plans WHERE region_kode = $1 AND kind = $2 AND title = $3",
        )
        .bind(&pj.region)
        .bind(pj.kind)
        .bind(&pj.title)
        .fetch_optional(db)
        .await?;
        if let Some(id) = existing {
            let p = plans::get(db, id)
                .await?
                .ok_or_else(|| DemoError::Data("vanished".into()))?;
            by_key.insert(pj.key.clone(), p);
            continue;
        }
        let key_id = |k: &Option<String>| -> Result<Option<Uuid>, DemoError> {
            k.as_ref()
                .map(|k| {
                    by_key
                        .get(k)
                        .map(|p| p.id)
                        .ok_or_else(|| DemoError::Data(format!("{}: unknown plan {k}", pj.key)))
                })
                .transpose()
        };
        let owner = match &pj.owner_org {
            Some(code) => Some(
                *org_ids
                    .get(&(pj.region.clone(), code.clone()))
                    .ok_or_else(|| DemoError::Data(format!("no org {code}")))?,
            ),
            None => None,
        };
        let mut tx = db.begin().await?;
        let id = plans::create(
            &mut tx,
            None,
            plans::NewPlan {
                region_kode: &pj.region,
                kind: pj.kind,
                title: &pj.title,
                first_year: pj.first_year,
                last_year: pj.last_year,
                owner_org_id: owner,
                parent_id: key_id(&pj.parent)?,
                rkpd_ref_id: key_id(&pj.rkpd_ref)?,
                province_ref_id: key_id(&pj.province_ref)?,
                stage: pj.stage,
                tahun_dasar: None,
            },
        )
        .await?;
        tx.commit().await?;
        let plan = plans::get(db, id)
            .await?
            .ok_or_else(|| DemoError::Data("plan vanished".into()))?;
        let mut tx = db.begin().await?;
        for s in &pj.sections {
            plans::add_section(&mut tx, None, &plan, &s.title, &s.body_md, "").await?;
        }
        let rkpd_ref_items: HashMap<String, Uuid> = match &pj.rkpd_ref {
            Some(k) => {
                let rid = key_id(&Some(k.clone()))?.unwrap_or_default();
                sqlx::query_as::<_, (String, Uuid)>(
                    "SELECT kode, id FROM plan_items WHERE plan_id = $1 AND kode IS NOT NULL",
                )
                .bind(rid)
                .fetch_all(&mut *tx)
                .await?
                .into_iter()
                .collect()
            }
            None => HashMap::new(),
        };
        let ctx = Ctx {
            plan: &plan,
            orgs: &org_ids,
            rkpd_ref_items,
        };
        if let Some(cf) = &pj.copy_from {
            let src = by_key
                .get(&cf.plan)
                .ok_or_else(|| DemoError::Data(format!("unknown plan {}", cf.plan)))?;
            copy::rkpd_from_rpjmd(&mut tx, None, src, plan.id, cf.year).await?;
        }
        insert_items(&mut tx, &ctx, None, &pj.items).await?;
        for add in &pj.additions {
            let under: Uuid =
                sqlx::query_scalar("SELECT id FROM plan_items WHERE plan_id = $1 AND kode = $2")
                    .bind(plan.id)
                    .bind(&add.under_kode)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| {
                        DemoError::Data(format!("{}: no program {}", pj.key, add.under_kode))
                    })?;
            insert_items(&mut tx, &ctx, Some(under), &add.items).await?;
        }
        tx.commit().await?;
        created += 1;
        by_key.insert(pj.key.clone(), plans::get(db, id).await?.unwrap_or(plan));
    }
    Ok(created)
}
