//! A cascade brought in from a workbook's "Struktur" sheet into an empty
//! plan: the checks that need the database (codes in the region's
//! nomenclature, perangkat daerah by name, places), and applying it in one
//! transaction through the ordinary writes (each item, indicator and pagu
//! audited).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use uuid::Uuid;

use super::Plan;
use super::indicators::{self, IndicatorFields};
use super::items::{self, Item, ItemFields};
use crate::domain::kode::KodeNomenklatur;
use crate::domain::org::OrgKind;
use crate::domain::plan::Level;
use crate::domain::plan_import::NewItem;
use crate::domain::target_pagu::RowError;
use crate::store::SaveError;

/// A sheet read and checked: what would be created, and what is wrong.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Checked {
    pub items: Vec<NewItem>,
    pub errors: Vec<RowError>,
    /// Perangkat daerah names as written → their organization.
    pub agencies: BTreeMap<String, Uuid>,
}

impl Checked {
    /// Items per level, in the kind's order of appearance.
    pub fn counts(&self) -> Vec<(Level, usize)> {
        let mut out: Vec<(Level, usize)> = Vec::new();
        for i in &self.items {
            match out.iter_mut().find(|(l, _)| *l == i.level) {
                Some((_, n)) => *n += 1,
                None => out.push((i.level, 1)),
            }
        }
        out
    }

    pub fn indicator_count(&self) -> usize {
        self.items.iter().map(|i| i.indicators.len()).sum()
    }

    /// Pagu per year over the topmost items that carry pagu.
    pub fn totals(&self) -> BTreeMap<i32, crate::domain::money::Rupiah> {
        let has_pagu: HashMap<u32, bool> = self
            .items
            .iter()
            .map(|i| (i.no, i.level.has_pagu()))
            .collect();
        let mut out = BTreeMap::new();
        for i in &self.items {
            let under_pagu = i
                .parent
                .is_some_and(|p| has_pagu.get(&p).copied().unwrap_or(false));
            if i.level.has_pagu() && !under_pagu {
                for (y, a) in &i.pagu {
                    *out.entry(*y).or_default() += *a;
                }
            }
        }
        out
    }
}

/// The reason logged for each item of an RKPD Perubahan filled from a
/// sheet.
const FROM_SHEET: &str = "Diisi dari lembar kerja";

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub async fn check(
    db: &PgPool,
    plan: &Plan,
    items: Vec<NewItem>,
    mut errors: Vec<RowError>,
) -> Result<Checked, sqlx::Error> {
    // Codes: the code itself or its national support-program form.
    let mut forms: BTreeSet<String> = BTreeSet::new();
    for i in &items {
        if let Some(k) = i.kode.as_ref().filter(|_| i.level.is_budgeted()) {
            forms.insert(k.clone());
            if let Some(n) = KodeNomenklatur::parse(k)
                .ok()
                .and_then(|k| k.national_form())
            {
                forms.insert(n);
            }
        }
    }
    let forms: Vec<String> = forms.into_iter().collect();
    let known: BTreeSet<String> = sqlx::query_scalar(
        "SELECT kode FROM nomenklatur WHERE kode = ANY($1) AND (region_kode IS NULL OR region_kode = $2)",
    )
    .bind(&forms)
    .bind(&plan.region_kode)
    .fetch_all(db)
    .await?
    .into_iter()
    .collect();
    let agencies = super::super::orgs::active(
        db,
        &plan.region_kode,
        &[OrgKind::PerangkatDaerah, OrgKind::Bappeda],
    )
    .await?;
    let by_name: HashMap<String, Uuid> = agencies.iter().map(|o| (norm(&o.name), o.id)).collect();
    let places: Vec<String> = items
        .iter()
        .flat_map(|i| i.lokasi.iter().cloned())
        .collect();
    let known_places: BTreeSet<String> =
        sqlx::query_scalar("SELECT kode FROM regions WHERE kode = ANY($1)")
            .bind(&places)
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    let mut found = BTreeMap::new();
    let mut good = Vec::new();
    let mut codes: HashMap<String, usize> = HashMap::new();
    for i in items {
        let mut fail = |m: String| {
            errors.push(RowError {
                row: i.row,
                message: m,
            })
        };
        // The database's limits, as row errors rather than a failed save.
        if i.nama.chars().count() > 1000 {
            fail("Nama lebih dari 1.000 karakter.".into());
            continue;
        }
        if i.sumber_dana
            .as_ref()
            .is_some_and(|s| s.chars().count() > 100)
        {
            fail("Sumber dana lebih dari 100 karakter.".into());
            continue;
        }
        if i.indicators
            .iter()
            .any(|n| n.name.chars().count() > 500 || n.satuan.chars().count() > 100)
        {
            fail(
                "Nama indikator lebih dari 500 karakter atau satuannya lebih dari 100 karakter."
                    .into(),
            );
            continue;
        }
        if let Some(k) = &i.kode {
            if let Some(first) = codes.get(k) {
                fail(format!(
                    "Kode {k} sudah dipakai di baris {first}; satu kode hanya sekali dalam satu rencana."
                ));
                continue;
            }
            codes.insert(k.clone(), i.row);
        }
        if let Some(k) = i.kode.as_ref().filter(|_| i.level.is_budgeted()) {
            let national = KodeNomenklatur::parse(k)
                .ok()
                .and_then(|k| k.national_form());
            if !known.contains(k) && !national.is_some_and(|n| known.contains(&n)) {
                fail(format!(
                    "Kode {k} tidak ada dalam nomenklatur wilayah ini (tambahkan lewat Admin › Nomenklatur bila memang kode daerah)."
                ));
                continue;
            }
        }
        if let Some(a) = &i.agency {
            match by_name.get(&norm(a)) {
                Some(id) => {
                    found.insert(a.clone(), *id);
                }
                None => {
                    fail(format!(
                        "Perangkat daerah \"{a}\" tidak dikenal di wilayah ini; tulis namanya seperti di Admin › Organisasi."
                    ));
                    continue;
                }
            }
        }
        let region_prefix = format!("{}.", plan.region_kode);
        if let Some(p) = i.lokasi.iter().find(|p| {
            !known_places.contains(*p)
                || !(p.starts_with(&region_prefix) || **p == plan.region_kode)
        }) {
            fail(format!(
                "Lokasi \"{p}\" bukan kode wilayah di {}.",
                plan.region_nama
            ));
            continue;
        }
        good.push(i);
    }
    errors.sort_by_key(|e| e.row);
    Ok(Checked {
        items: good,
        errors,
        agencies: found,
    })
}

/// The cascade of SIPD rows for `plan` (an RKPD or Renja): program and
/// kegiatan titles from the region's nomenclature, places found by name
/// under the pemda (kecamatan, then its desa/kelurahan).
pub async fn from_sipd(
    db: &PgPool,
    plan: &Plan,
    rows: Vec<crate::domain::plan_import::SipdRow>,
) -> Result<(Vec<NewItem>, Vec<RowError>), sqlx::Error> {
    let prefix = |k: &str, n: usize| k.split('.').take(n).collect::<Vec<_>>().join(".");
    let codes: Vec<String> = rows
        .iter()
        .flat_map(|r| [prefix(&r.kode, 3), prefix(&r.kode, 5)])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let names: HashMap<String, String> = sqlx::query_as::<_, (String, String)>(
        "SELECT DISTINCT ON (kode) kode, nama FROM nomenklatur
         WHERE kode = ANY($1) AND (region_kode IS NULL OR region_kode = $2)
         ORDER BY kode, region_kode NULLS LAST",
    )
    .bind(&codes)
    .bind(&plan.region_kode)
    .fetch_all(db)
    .await?
    .into_iter()
    .collect();
    let places = super::super::regions::places_in(db, &plan.region_kode).await?;
    let place = |path: &[String]| -> Option<String> {
        let named = |n: &str, under: &str| {
            places
                .iter()
                .find(|p| norm(&p.nama) == norm(n) && p.kode.starts_with(&format!("{under}.")))
                .map(|p| p.kode.clone())
        };
        // Skip the kab/kota itself when it leads the path.
        let rest: Vec<&String> = path
            .iter()
            .filter(|s| norm(s) != norm(&plan.region_nama))
            .collect();
        let kec = named(rest.first()?, &plan.region_kode)?;
        match rest.get(1) {
            Some(desa) => named(desa, &kec),
            None => Some(kec),
        }
    };
    Ok(crate::domain::plan_import::sipd_tree(
        plan.first_year,
        rows,
        &names,
        place,
    ))
}

#[derive(Debug)]
pub enum ApplyError {
    AlreadyApplied,
    /// The plan has items by now.
    NotEmpty,
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
            SaveError::Db(e) => ApplyError::Db(e),
            SaveError::Conflict | SaveError::Fields(_) => ApplyError::NotEmpty,
        }
    }
}

/// Creates every item, indicator and pagu of a checked sheet in `plan`,
/// which must still be empty: one transaction.
pub async fn apply(
    db: &PgPool,
    actor: Uuid,
    plan: &Plan,
    import: Uuid,
    checked: &Checked,
) -> Result<usize, ApplyError> {
    let mut tx = db.begin().await?;
    let count = checked.items.len() as i32;
    if !super::imports::mark_applied(&mut tx, &plan.region_kode, import, count).await? {
        return Err(ApplyError::AlreadyApplied);
    }
    // Lock the plan row: two imports into one empty plan cannot both
    // pass, and the stage the caller authorized against holds.
    let stage: Option<crate::domain::plan::Stage> =
        sqlx::query_scalar("SELECT stage FROM plans WHERE id = $1 AND region_kode = $2 FOR UPDATE")
            .bind(plan.id)
            .bind(&plan.region_kode)
            .fetch_optional(&mut *tx)
            .await?;
    if stage != Some(plan.stage) {
        return Err(ApplyError::NotEmpty);
    }
    let existing: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM plan_items WHERE plan_id = $1 AND region_kode = $2",
    )
    .bind(plan.id)
    .bind(&plan.region_kode)
    .fetch_one(&mut *tx)
    .await?;
    if existing > 0 {
        return Err(ApplyError::NotEmpty);
    }
    let mut ids: HashMap<u32, Uuid> = HashMap::new();
    for i in &checked.items {
        let parent = i.parent.and_then(|p| ids.get(&p).copied());
        let fields = ItemFields {
            kode: i.kode.clone(),
            nama: i.nama.clone(),
            description: String::new(),
            responsible_org_id: i
                .agency
                .as_ref()
                .and_then(|a| checked.agencies.get(a).copied()),
            lokasi: i.lokasi.clone(),
            sumber_dana: i.sumber_dana.clone(),
            bulan: i.bulan,
            tags: i.tags.clone(),
            supports_item_id: None,
        };
        let id = items::create(
            &mut tx,
            Some(actor),
            plan,
            parent,
            i.level,
            &fields,
            None,
            FROM_SHEET,
        )
        .await?;
        ids.insert(i.no, id);
        let item = Item {
            id,
            plan_id: plan.id,
            region_kode: plan.region_kode.clone(),
            parent_id: parent,
            level: i.level,
            position: 0,
            kode: fields.kode.clone(),
            nama: fields.nama.clone(),
            description: String::new(),
            responsible_org_id: fields.responsible_org_id,
            responsible_name: i.agency.clone(),
            lokasi: fields.lokasi.clone(),
            sumber_dana: fields.sumber_dana.clone(),
            bulan_mulai: i.bulan.map(|b| b.0),
            bulan_selesai: i.bulan.map(|b| b.1),
            tags: fields.tags.clone(),
            source_item_id: None,
            supports_item_id: None,
            version: 1,
        };
        for n in &i.indicators {
            let f = IndicatorFields {
                name: n.name.clone(),
                satuan: n.satuan.clone(),
                definition: String::new(),
                data_source: String::new(),
                polaritas: n.polaritas,
                kondisi_awal: n.kondisi_awal,
                kondisi_awal_tahun: n.kondisi_awal_tahun,
                kondisi_akhir: n.kondisi_akhir,
                kondisi_akhir_max: None,
                years: n
                    .targets
                    .iter()
                    .map(|(y, (t, m))| (*y, (Some(*t), *m, None)))
                    .collect(),
            };
            indicators::create(&mut tx, Some(actor), plan, &item, &f, None, FROM_SHEET).await?;
        }
        if !i.pagu.is_empty() {
            items::set_pagu(
                &mut tx,
                Some(actor),
                plan,
                &item,
                1,
                &BTreeMap::new(),
                &i.pagu,
                FROM_SHEET,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(checked.items.len())
}
