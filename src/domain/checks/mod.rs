//! Cek Keselarasan: the consistency rules K01–K13 of SPEC 8 over one plan,
//! as one engine. Each rule is a small function over plain data (loaded by
//! `store::checks` with a fixed number of queries, never one per item) and
//! returns findings with the rule id, a severity, a message in Indonesian,
//! the items involved and where to fix it.

mod rules;

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::domain::money::Rupiah;
use serde::Serialize;
use uuid::Uuid;

use super::indicator::Polaritas;
use super::plan::{Level, PlanKind};
use super::proposal::Status as ProposalStatus;

pub use rules::ALL as RULES;

/// Whose targets a plan's findings may quote: a draft's findings quote any
/// plan (its readers are staff), a public plan's only public plans, and
/// the open-data API's only enacted plans (a plan in consultation is still
/// a draft there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quoting {
    Any,
    Public,
    Enacted,
}

impl Quoting {
    /// What a page of a plan in `stage` may quote.
    pub fn for_stage(stage: crate::domain::plan::Stage) -> Quoting {
        if stage.is_public() {
            Quoting::Public
        } else {
            Quoting::Any
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Galat",
            Severity::Warning => "Peringatan",
        }
    }
}

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// (item id, label) of the items involved.
    pub items: Vec<(Uuid, String)>,
    /// Where it is fixed.
    pub link: String,
    /// The agency responsible for the first item involved, for filtering.
    pub agency: Option<Uuid>,
    /// Side-by-side values (K06 targets, K08 sums): (label, value).
    pub detail: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub struct PlanData {
    pub id: Uuid,
    pub kind: PlanKind,
    pub region: String,
    pub first_year: i32,
    pub last_year: i32,
    /// The parent plan's period (K07: the RPJMD must cover the year).
    pub parent: Option<ParentPlan>,
    /// The province plan of the same kind and year, if one exists (K11).
    pub province_plan: Option<Uuid>,
    /// The kab/kota RKPD an RKPDes refers to (K12).
    pub rkpd_ref: Option<Uuid>,
}

/// A plan's parent plan: its kind and period.
#[derive(Debug, Clone, Copy, PartialEq, sqlx::FromRow)]
pub struct ParentPlan {
    pub id: Uuid,
    pub kind: PlanKind,
    pub first_year: i32,
    pub last_year: i32,
}

#[derive(Debug, Clone)]
pub struct ItemData {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
    pub responsible: Option<Uuid>,
    pub source_item_id: Option<Uuid>,
    pub supports_item_id: Option<Uuid>,
}

impl ItemData {
    pub fn label(&self) -> String {
        match &self.kode {
            Some(k) => format!("{} {k} {}", self.level.label(), self.nama),
            None => format!("{} {}", self.level.label(), self.nama),
        }
    }
}

#[derive(Debug, Clone)]
pub struct IndicatorData {
    pub id: Uuid,
    pub item_id: Uuid,
    pub name: String,
    pub polaritas: Polaritas,
    pub kondisi_awal: Option<Decimal>,
    pub source_indicator_id: Option<Uuid>,
    pub years: Vec<YearTarget>,
}

/// An indicator's target in a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearTarget {
    pub year: i32,
    pub target: Option<Decimal>,
    pub target_max: Option<Decimal>,
}

#[derive(Debug, Clone)]
pub struct ProposalData {
    pub nomor: String,
    pub status: ProposalStatus,
    pub target_year: i32,
    pub accepted: Option<AcceptedItem>,
    pub reject_reason: Option<String>,
}

/// The item a proposal was accepted into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AcceptedItem {
    pub item: Uuid,
    pub level: Level,
    /// Its plan's kind and first year.
    pub kind: PlanKind,
    pub year: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct KerjaSamaData {
    pub id: Uuid,
    pub title: String,
    pub planned: bool,
    pub first_year: i32,
    pub last_year: i32,
    /// Items of this plan that carry it.
    pub items: Vec<Uuid>,
}

/// Everything the rules look at for one plan.
#[derive(Debug, Clone)]
pub struct Input {
    pub plan: PlanData,
    pub items: Vec<ItemData>,
    pub indicators: Vec<IndicatorData>,
    /// (item, year) → amount
    pub pagu: HashMap<(Uuid, i32), Rupiah>,
    /// Codes of this plan that exist in the region's nomenclature master
    /// (directly or as the national support-program form).
    pub known_codes: std::collections::HashSet<String>,
    /// Indicators of other plans this plan's indicators point at (K06).
    pub source_indicators: HashMap<Uuid, IndicatorData>,
    /// Items of other plans this plan's items link to (copies, alignment
    /// links, supported programs): id → (plan id, level).
    pub linked_items: HashMap<Uuid, (Uuid, Level)>,
    /// Alignment links from this plan's items to items elsewhere.
    pub alignments: Vec<(Uuid, Uuid)>,
    /// Agency ceilings: (org, year) → amount, with the agency names.
    pub ceilings: HashMap<(Uuid, i32), Rupiah>,
    pub agency_names: HashMap<Uuid, String>,
    /// Proposals of the plan's region and year (RKPD only, K10).
    pub proposals: Vec<ProposalData>,
    pub kerja_sama: Vec<KerjaSamaData>,
    /// Item id → position in `items`; rebuilt by `run`, so the rules look
    /// items up in constant time (a 3,000-sub-kegiatan RKPD stays fast).
    pub index: HashMap<Uuid, usize>,
}

impl Input {
    pub fn item(&self, id: Uuid) -> Option<&ItemData> {
        match self.index.get(&id) {
            Some(&i) if self.items.get(i).is_some_and(|it| it.id == id) => Some(&self.items[i]),
            _ if self.index.len() == self.items.len() => None,
            // Not indexed yet (or changed since): look it up the slow way.
            _ => self.items.iter().find(|i| i.id == id),
        }
    }

    /// Builds the item index (the loader does, once).
    pub fn reindex(&mut self) {
        self.index = self
            .items
            .iter()
            .enumerate()
            .map(|(n, i)| (i.id, n))
            .collect();
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.plan.first_year..=self.plan.last_year
    }
}

/// Runs every rule; findings sorted by rule, errors first within a rule.
pub fn run(input: &Input) -> Vec<Finding> {
    let fresh = input.index.len() == input.items.len()
        && input
            .items
            .iter()
            .enumerate()
            .all(|(n, i)| input.index.get(&i.id) == Some(&n));
    if !fresh {
        let mut indexed = input.clone();
        indexed.reindex();
        return run(&indexed);
    }
    let mut out: Vec<Finding> = RULES.iter().flat_map(|r| (r.check)(input)).collect();
    out.sort_by(|a, b| a.rule.cmp(b.rule).then(a.severity.cmp(&b.severity)));
    out
}

/// A rule: its id, what it checks, and the check.
pub struct Rule {
    pub id: &'static str,
    pub title: &'static str,
    pub check: fn(&Input) -> Vec<Finding>,
}

#[cfg(test)]
mod tests;
