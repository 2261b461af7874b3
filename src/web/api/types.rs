//! What the open-data API sends, and so what its OpenAPI document
//! describes: each type here is both the JSON and its schema. Planning
//! terms keep their Indonesian names (pagu, satuan, lokasi, sumber_dana);
//! the rest is English. Money and measures are decimal strings ("1500000.00"),
//! so no figure is rounded by a JSON parser. No field ever names a person.

use rust_decimal::Decimal;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::checks::Severity;
use crate::domain::indicator::Polaritas;
use crate::domain::plan::{Level, PlanKind, Stage};
use crate::domain::proposal::{Source, Status};
use crate::domain::region::RegionLevel;

/// A region by its Kemendagri code.
#[derive(Serialize, ToSchema)]
pub struct RegionRef {
    /// e.g. `33.71` (Kota Magelang).
    pub kode: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct Region {
    pub kode: String,
    pub name: String,
    pub level: RegionLevel,
    /// None for a province.
    pub parent_kode: Option<String>,
}

/// An entry of the national nomenclature (Kepmendagri 900.1.15.5-1317/2023
/// and its updates).
#[derive(Serialize, ToSchema)]
pub struct Nomenklatur {
    pub kode: String,
    /// urusan, bidang, program, kegiatan or sub_kegiatan.
    pub level: String,
    pub name: String,
    /// The standard indicator of a sub kegiatan, if any.
    pub indikator: Option<String>,
    pub satuan: Option<String>,
}

/// An enacted plan.
#[derive(Serialize, ToSchema)]
pub struct Plan {
    pub id: Uuid,
    pub region: RegionRef,
    pub kind: PlanKind,
    pub title: String,
    pub first_year: i32,
    pub last_year: i32,
    /// Always `ditetapkan`: the API serves no draft.
    pub stage: Stage,
    /// Grows with every change; an RKPD Perubahan is a plan of its own.
    pub version: i32,
    /// The perangkat daerah owning a Renstra or Renja.
    pub owner_agency: Option<String>,
    /// The plan it hangs from (RPJMD for an RKPD…), when that is enacted too.
    pub parent_id: Option<Uuid>,
    pub item_count: i64,
    /// This plan's page for people.
    pub html: String,
    /// The API address of its items.
    pub items: String,
    /// The API address of its Cek.
    pub checks: String,
}

/// An amount of pagu (Rupiah) for a year.
#[derive(Serialize, ToSchema)]
pub struct Pagu {
    pub year: i32,
    #[schema(value_type = String, example = "1500000000.00")]
    pub amount: Decimal,
}

/// An indicator's year: its target (or band `target`–`target_max`) and
/// realisasi.
#[derive(Serialize, ToSchema)]
pub struct IndicatorYear {
    pub year: i32,
    #[schema(value_type = Option<String>)]
    pub target: Option<Decimal>,
    #[schema(value_type = Option<String>)]
    pub target_max: Option<Decimal>,
    #[schema(value_type = Option<String>)]
    pub realisasi: Option<Decimal>,
}

#[derive(Serialize, ToSchema)]
pub struct Indicator {
    pub id: Uuid,
    pub name: String,
    pub satuan: String,
    pub definition: String,
    pub data_source: String,
    pub polaritas: Polaritas,
    #[schema(value_type = Option<String>)]
    pub kondisi_awal: Option<Decimal>,
    pub kondisi_awal_year: Option<i32>,
    #[schema(value_type = Option<String>)]
    pub kondisi_akhir: Option<Decimal>,
    #[schema(value_type = Option<String>)]
    pub kondisi_akhir_max: Option<Decimal>,
    pub years: Vec<IndicatorYear>,
}

/// An item of a plan's cascade (visi … sub kegiatan).
#[derive(Serialize, ToSchema)]
pub struct Item {
    pub id: Uuid,
    pub plan_id: Uuid,
    /// None at the top of the tree.
    pub parent_id: Option<Uuid>,
    pub level: Level,
    /// Its place among its siblings (1, 2, 3…): misi 1 before misi 2.
    pub position: i32,
    /// The nomenclature code of a program, kegiatan or sub kegiatan.
    pub kode: Option<String>,
    pub name: String,
    pub description: String,
    pub responsible_agency: Option<String>,
    /// Region codes of the places it is carried out in.
    pub lokasi: Vec<String>,
    pub sumber_dana: Option<String>,
    pub pagu: Vec<Pagu>,
    pub indicators: Vec<Indicator>,
}

/// A finding of the Cek (the 13 alignment rules) on an enacted plan.
#[derive(Serialize, ToSchema)]
pub struct Finding {
    /// K01 … K13.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub items: Vec<FindingItem>,
    /// Side-by-side values the finding compares.
    pub detail: Vec<FindingDetail>,
}

#[derive(Serialize, ToSchema)]
pub struct FindingItem {
    pub id: Uuid,
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct FindingDetail {
    pub label: String,
    pub value: String,
}

#[derive(Serialize, ToSchema)]
pub struct Checks {
    pub plan_id: Uuid,
    pub plan_version: i32,
    pub findings: Vec<Finding>,
}

/// A Musrenbang, aspirasi or pokir proposal as the public reads it: the
/// organization that sent it, never the person.
#[derive(Serialize, ToSchema)]
pub struct Proposal {
    /// Its tracking number, e.g. `USL-2026-000001`.
    pub nomor: String,
    pub source: Source,
    pub status: Status,
    pub title: String,
    pub problem: String,
    pub solution: String,
    pub target_year: i32,
    /// The pemda it is addressed to.
    pub region: RegionRef,
    /// The desa, kelurahan or kecamatan it is located in.
    pub wilayah: RegionRef,
    #[schema(value_type = Option<String>)]
    pub latitude: Option<Decimal>,
    #[schema(value_type = Option<String>)]
    pub longitude: Option<Decimal>,
    /// The kamus usulan entry's sub kegiatan code.
    pub sub_kegiatan_kode: Option<String>,
    #[schema(value_type = String)]
    pub volume: Decimal,
    pub satuan: String,
    #[schema(value_type = String)]
    pub estimated_cost: Decimal,
    pub proposer_org: String,
    pub reject_reason: Option<String>,
    pub deferred_to: Option<i32>,
    /// The enacted plan's line that took it up, once accepted there.
    pub accepted: Option<Accepted>,
    /// This proposal's public page.
    pub html: String,
}

/// Where an accepted proposal went: the sub kegiatan of an enacted plan,
/// with the volume and pagu it was given.
#[derive(Serialize, ToSchema)]
pub struct Accepted {
    pub plan_id: Uuid,
    pub item_id: Uuid,
    pub item_label: String,
    #[schema(value_type = Option<String>)]
    pub volume: Option<Decimal>,
    #[schema(value_type = Option<String>)]
    pub pagu: Option<Decimal>,
}

/// A step of a proposal's public timeline.
#[derive(Serialize, ToSchema)]
pub struct Step {
    /// RFC 3339, e.g. `2026-02-03T09:15:00+07:00`.
    pub at: String,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub note: String,
    /// The organization that took the step.
    pub by_org: Option<String>,
    /// The Musrenbang meeting it was decided at.
    pub meeting_id: Option<Uuid>,
}

/// A proposal with its timeline.
#[derive(Serialize, ToSchema)]
pub struct ProposalDetail {
    pub proposal: Proposal,
    pub timeline: Vec<Step>,
}

/// An answer the API refuses or cannot give.
#[derive(Serialize, ToSchema)]
pub struct Error {
    /// The HTTP status.
    pub status: u16,
    /// In Indonesian, for a person reading the log.
    pub message: String,
}

macro_rules! page {
    ($name:ident, $t:ty, $what:literal) => {
        #[doc = concat!("A page of ", $what, ". `next` is the URL of the next page (None on the last); `next_cursor` its cursor alone.")]
        #[derive(Serialize, ToSchema)]
        pub struct $name {
            pub data: Vec<$t>,
            pub next_cursor: Option<String>,
            pub next: Option<String>,
        }
    };
}

page!(PlanPage, Plan, "enacted plans");
page!(ItemPage, Item, "a plan's items");
page!(ProposalPage, Proposal, "proposals");
page!(RegionPage, Region, "regions");
page!(NomenklaturPage, Nomenklatur, "the nomenclature");
