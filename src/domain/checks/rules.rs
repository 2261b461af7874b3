//! The rules K01–K13, one function each.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use uuid::Uuid;

use super::{Finding, Input, ItemData, Rule, Severity};
use crate::domain::indicator::{Target, format_nilai, target_problems};
use crate::domain::kode::KodeNomenklatur;
use crate::domain::money::Rupiah;
use crate::domain::plan::{Level, PlanKind};
use crate::domain::proposal::Status as ProposalStatus;

pub const ALL: [Rule; 13] = [
    Rule {
        id: "K01",
        title: "Setiap item di bawah puncak memiliki induk dengan tingkat yang sah",
        check: k01,
    },
    Rule {
        id: "K02",
        title: "Kode program, kegiatan dan sub kegiatan sah, sesuai induk, ada dalam nomenklatur dan unik",
        check: k02,
    },
    Rule {
        id: "K03",
        title: "Setiap tujuan, sasaran, program, kegiatan dan sub kegiatan memiliki indikator",
        check: k03,
    },
    Rule {
        id: "K04",
        title: "Setiap indikator memiliki target tiap tahun periode dan kondisi awal",
        check: k04,
    },
    Rule {
        id: "K05",
        title: "Target bergerak sesuai polaritas",
        check: k05,
    },
    Rule {
        id: "K06",
        title: "Target indikator RKPD sama dengan target RPJMD yang diacu pada tahun yang sama",
        check: k06,
    },
    Rule {
        id: "K07",
        title: "Setiap program RKPD selaras dengan sasaran/program RPJMD periode berjalan",
        check: k07,
    },
    Rule {
        id: "K08",
        title: "Jumlah pagu rincian tidak melebihi pagu induk; total perangkat daerah tidak melebihi pagunya",
        check: k08,
    },
    Rule {
        id: "K09",
        title: "Setiap program, kegiatan dan sub kegiatan memiliki perangkat daerah penanggung jawab",
        check: k09,
    },
    Rule {
        id: "K10",
        title: "Usulan diakomodir terkait sub kegiatan RKPD tahunnya; usulan ditolak beralasan",
        check: k10,
    },
    Rule {
        id: "K11",
        title: "Prioritas RKPD kabupaten/kota mengacu prioritas provinsi",
        check: k11,
    },
    Rule {
        id: "K12",
        title: "Kegiatan RKPDes yang mendukung program daerah menunjuk program yang ada",
        check: k12,
    },
    Rule {
        id: "K13",
        title: "Kerja sama berstatus direncanakan memiliki item berpagu pada tahunnya",
        check: k13,
    },
];

fn finding(
    rule: &'static str,
    severity: Severity,
    message: String,
    item: &ItemData,
    link_anchor: &str,
) -> Finding {
    Finding {
        rule,
        severity,
        message,
        items: vec![(item.id, item.label())],
        link: format!("/item/{}{link_anchor}", item.id),
        agency: item.responsible,
        detail: Vec::new(),
    }
}

/// K01: the roots are the kind's top level; every other item sits under a
/// parent of the level right above it.
fn k01(input: &Input) -> Vec<Finding> {
    let kind = input.plan.kind;
    let mut out = Vec::new();
    for i in &input.items {
        let expected = match i.parent_id {
            None => kind.child_levels(None),
            Some(p) => match input.item(p) {
                Some(parent) => kind.child_levels(Some(parent.level)),
                None => &[],
            },
        };
        if !expected.contains(&i.level) {
            let under = i
                .parent_id
                .and_then(|p| input.item(p))
                .map(|p| p.level.label())
                .unwrap_or("puncak pohon");
            out.push(finding(
                "K01",
                Severity::Error,
                crate::i18n::tf!(
                    "berada-di-bawah-dalam-yang-sah",
                    a1 = crate::i18n::label(i.level.label()),
                    a2 = under.to_lowercase(),
                    a3 = crate::i18n::label(kind.label()),
                    a4 = expected
                        .iter()
                        .map(|l| l.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                        .to_lowercase()
                        .if_empty("tidak ada")
                ),
                i,
                "",
            ));
        }
    }
    out
}

trait IfEmpty {
    fn if_empty(self, other: &str) -> String;
}
impl IfEmpty for String {
    fn if_empty(self, other: &str) -> String {
        if self.is_empty() {
            other.to_string()
        } else {
            self
        }
    }
}

/// K02: code shape, parent prefix, presence in the master, uniqueness.
fn k02(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen: HashMap<&str, Uuid> = HashMap::new();
    for i in input.items.iter().filter(|i| i.level.is_budgeted()) {
        let Some(raw) = i.kode.as_deref() else {
            out.push(finding(
                "K02",
                Severity::Error,
                crate::i18n::tf!(
                    "tidak-memiliki-kode-nomenklatur",
                    a1 = crate::i18n::label(i.level.label())
                ),
                i,
                "#ubah",
            ));
            continue;
        };
        let parent_kode = i
            .parent_id
            .and_then(|p| input.item(p))
            .filter(|p| p.level.is_budgeted())
            .and_then(|p| p.kode.as_deref());
        if let Err(m) = crate::domain::kode::check_for_item(raw, i.level, parent_kode) {
            out.push(finding("K02", Severity::Error, m, i, "#ubah"));
            continue;
        }
        let known = input.known_codes.contains(raw)
            || KodeNomenklatur::parse(raw)
                .ok()
                .and_then(|k| k.national_form())
                .is_some_and(|n| input.known_codes.contains(&n));
        if !known {
            out.push(finding(
                "K02",
                Severity::Error,
                crate::i18n::tf!("kode-tidak-ada-dalam-nomenklatur-wilayah", raw = raw),
                i,
                "#ubah",
            ));
        }
        if let Some(first) = seen.insert(raw, i.id) {
            let mut f = finding(
                "K02",
                Severity::Error,
                crate::i18n::tf!("kode-dipakai-lebih-dari-sekali-dalam", raw = raw),
                i,
                "#ubah",
            );
            if let Some(other) = input.item(first) {
                f.items.push((other.id, other.label()));
            }
            out.push(f);
        }
    }
    out
}

fn needs_indicator(level: Level) -> bool {
    matches!(
        level,
        Level::Tujuan | Level::Sasaran | Level::Program | Level::Kegiatan | Level::SubKegiatan
    )
}

/// K03: tujuan and below carry at least one indicator.
fn k03(input: &Input) -> Vec<Finding> {
    let with: HashSet<Uuid> = input.indicators.iter().map(|n| n.item_id).collect();
    input
        .items
        .iter()
        .filter(|i| needs_indicator(i.level) && !with.contains(&i.id))
        .map(|i| {
            finding(
                "K03",
                Severity::Warning,
                crate::i18n::tf!(
                    "belum-memiliki-indikator",
                    a1 = crate::i18n::label(i.level.label())
                ),
                i,
                "#indikator",
            )
        })
        .collect()
}

fn indicator_finding(
    input: &Input,
    rule: &'static str,
    severity: Severity,
    ind: &super::IndicatorData,
    message: String,
) -> Finding {
    let item = input.item(ind.item_id);
    Finding {
        rule,
        severity,
        message,
        items: item.map(|i| vec![(i.id, i.label())]).unwrap_or_default(),
        link: format!("/indikator/{}#ubah", ind.id),
        agency: item.and_then(|i| i.responsible),
        detail: Vec::new(),
    }
}

/// K04: a target for every year of the period, and a kondisi awal.
fn k04(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in &input.indicators {
        let have: HashSet<i32> = n
            .years
            .iter()
            .filter(|y| y.target.is_some())
            .map(|y| y.year)
            .collect();
        let missing: Vec<String> = input
            .years()
            .filter(|y| !have.contains(y))
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            out.push(indicator_finding(
                input,
                "K04",
                Severity::Warning,
                n,
                crate::i18n::tf!(
                    "indikator-belum-memiliki-target-tahun",
                    a1 = n.name,
                    a2 = missing.join(", ")
                ),
            ));
        }
        if n.kondisi_awal.is_none() {
            out.push(indicator_finding(
                input,
                "K04",
                Severity::Warning,
                n,
                crate::i18n::tf!("indikator-belum-memiliki-kondisi-awal", a1 = n.name),
            ));
        }
    }
    out
}

/// K05: targets move with the polaritas; bands have min ≤ max.
fn k05(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    for n in &input.indicators {
        let targets: Vec<(i32, Target)> = n
            .years
            .iter()
            .filter_map(|y| {
                let max = y.target_max;
                y.target.map(|value| (y.year, Target { value, max }))
            })
            .collect();
        for p in target_problems(n.polaritas, &targets) {
            out.push(indicator_finding(
                input,
                "K05",
                Severity::Warning,
                n,
                format!("Indikator \"{}\": {p}", n.name),
            ));
        }
    }
    out
}

/// K06: an RKPD indicator's target for its year equals the linked RPJMD
/// indicator's target for that year.
fn k06(input: &Input) -> Vec<Finding> {
    if !matches!(input.plan.kind, PlanKind::Rkpd | PlanKind::RkpdPerubahan) {
        return Vec::new();
    }
    let year = input.plan.first_year;
    let mut out = Vec::new();
    for n in &input.indicators {
        let Some(src) = n
            .source_indicator_id
            .and_then(|s| input.source_indicators.get(&s))
        else {
            continue;
        };
        let mine = n
            .years
            .iter()
            .find(|y| y.year == year)
            .map(|y| (y.target, y.target_max))
            .unwrap_or((None, None));
        let theirs = src
            .years
            .iter()
            .find(|y| y.year == year)
            .map(|y| (y.target, y.target_max))
            .unwrap_or((None, None));
        let eq = |a: Option<Decimal>, b: Option<Decimal>| {
            a.map(|x| x.normalize()) == b.map(|x| x.normalize())
        };
        if !(eq(mine.0, theirs.0) && eq(mine.1, theirs.1)) {
            let show = |t: (Option<Decimal>, Option<Decimal>)| match t {
                (Some(a), Some(b)) => format!("{}–{}", format_nilai(a), format_nilai(b)),
                (Some(a), None) => format_nilai(a),
                _ => "–".into(),
            };
            let mut f = indicator_finding(
                input,
                "K06",
                Severity::Error,
                n,
                crate::i18n::tf!(
                    "target-indikator-berbeda-dengan-target-rpjmd",
                    year = year,
                    a1 = n.name
                ),
            );
            f.detail = vec![
                (format!("RKPD {year}"), show(mine)),
                (format!("RPJMD {year}"), show(theirs)),
            ];
            out.push(f);
        }
    }
    out
}

/// K07: every RKPD program is aligned (copied from, or linked to) an RPJMD
/// sasaran or program of the period covering the RKPD's year.
fn k07(input: &Input) -> Vec<Finding> {
    if !matches!(input.plan.kind, PlanKind::Rkpd | PlanKind::RkpdPerubahan) {
        return Vec::new();
    }
    let year = input.plan.first_year;
    let rpjmd_ok = |target: &Uuid| {
        input.linked_items.get(target).is_some_and(|(plan, level)| {
            matches!(level, Level::Sasaran | Level::Program)
                && input.plan.parent.is_some_and(|p| {
                    // An RKPD's parent is the RPJMD; a Perubahan's is the RKPD,
                    // whose items in turn came from the RPJMD.
                    let period = p.first_year..=p.last_year;
                    (*plan == p.id && p.kind == PlanKind::Rpjmd && period.contains(&year))
                        || p.kind == PlanKind::Rkpd
                })
        })
    };
    let aligned: HashSet<Uuid> = input
        .alignments
        .iter()
        .filter(|(_, to)| rpjmd_ok(to))
        .map(|(from, _)| *from)
        .collect();
    input
        .items
        .iter()
        .filter(|i| i.level == Level::Program)
        .filter(|i| !aligned.contains(&i.id) && !i.source_item_id.as_ref().is_some_and(&rpjmd_ok))
        .map(|i| {
            finding(
                "K07",
                Severity::Error,
                crate::i18n::tf!("program-ini-belum-diselaraskan-dengan-sasaran", year = year),
                i,
                "#keselarasan",
            )
        })
        .collect()
}

/// K08: children's pagu never exceeds the parent's for a year; each
/// agency's total stays within its ceiling.
fn k08(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut sums: HashMap<(Uuid, i32), Rupiah> = HashMap::new();
    for ((item, year), amount) in &input.pagu {
        if let Some(p) = input
            .item(*item)
            .filter(|i| i.level.has_pagu())
            .and_then(|i| i.parent_id)
        {
            *sums.entry((p, *year)).or_default() += *amount;
        }
    }
    let mut keys: Vec<&(Uuid, i32)> = sums.keys().collect();
    keys.sort();
    for key in keys {
        let (parent, year) = *key;
        let Some(p) = input.item(parent) else {
            continue;
        };
        if !p.level.has_pagu() {
            continue;
        }
        let own = input.pagu.get(&(parent, year)).copied().unwrap_or_default();
        let sum = sums[key];
        if sum > own {
            let mut f = finding(
                "K08",
                Severity::Error,
                crate::i18n::tf!(
                    "jumlah-pagu-rincian-melebihi-pagu-ini",
                    year = year,
                    a1 = p.level.label().to_lowercase()
                ),
                p,
                "#pagu",
            );
            f.detail = vec![
                (
                    format!("Pagu {} {year}", p.level.label().to_lowercase()),
                    own.text(),
                ),
                (crate::i18n::t("jumlah-rincian").into(), sum.text()),
                (crate::i18n::t("selisih").into(), (sum - own).text()),
            ];
            out.push(f);
        }
    }
    // Agency totals: sub kegiatan pagu per responsible agency and year.
    let mut totals: HashMap<(Uuid, i32), Rupiah> = HashMap::new();
    for i in input.items.iter().filter(|i| i.level == Level::SubKegiatan) {
        if let Some(org) = i.responsible {
            for y in input.years() {
                if let Some(a) = input.pagu.get(&(i.id, y)) {
                    *totals.entry((org, y)).or_default() += *a;
                }
            }
        }
    }
    let mut ceilings: Vec<(&(Uuid, i32), &Rupiah)> = input.ceilings.iter().collect();
    ceilings.sort_by_key(|(k, _)| **k);
    for ((org, year), ceiling) in ceilings {
        let total = totals.get(&(*org, *year)).copied().unwrap_or_default();
        if total > *ceiling {
            let name = input.agency_names.get(org).cloned().unwrap_or_default();
            out.push(Finding {
                rule: "K08",
                severity: Severity::Error,
                message: crate::i18n::tf!(
                    "total-pagu-sub-kegiatan-tahun-melebihi",
                    name = name,
                    year = year
                ),
                items: Vec::new(),
                link: format!("/rencana/{}/pagu-pd", input.plan.id),
                agency: Some(*org),
                detail: vec![
                    (
                        crate::i18n::t("pagu-indikatif-perangkat-daerah-3").into(),
                        ceiling.text(),
                    ),
                    (crate::i18n::t("jumlah-sub-kegiatan").into(), total.text()),
                    (crate::i18n::t("selisih").into(), (total - *ceiling).text()),
                ],
            });
        }
    }
    out
}

/// K09: budgeted items name the perangkat daerah responsible.
fn k09(input: &Input) -> Vec<Finding> {
    input
        .items
        .iter()
        .filter(|i| i.level.is_budgeted() && i.responsible.is_none())
        .map(|i| {
            finding(
                "K09",
                Severity::Error,
                crate::i18n::tf!(
                    "belum-memiliki-perangkat-daerah-penanggung-jawab",
                    a1 = crate::i18n::label(i.level.label())
                ),
                i,
                "#ubah",
            )
        })
        .collect()
}

/// K10: accepted proposals point at a sub kegiatan of their year's RKPD;
/// rejected ones give a reason.
fn k10(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &input.proposals {
        let link = format!("/usulan/{}", p.nomor);
        let problem = match p.status {
            ProposalStatus::Diakomodir => match p.accepted {
                None => Some(crate::i18n::tf!(
                    "usulan-diakomodir-tanpa-sub-kegiatan-yang",
                    a1 = p.nomor
                )),
                Some(a)
                    if a.level != Level::SubKegiatan
                        || a.kind != PlanKind::Rkpd
                        || a.year != p.target_year =>
                {
                    Some(crate::i18n::tf!(
                        "usulan-diakomodir-ke-item-yang-bukan",
                        a1 = p.nomor,
                        a2 = p.target_year
                    ))
                }
                _ => None,
            },
            ProposalStatus::Ditolak
                if p.reject_reason
                    .as_deref()
                    .is_none_or(|r| r.trim().chars().count() < 5) =>
            {
                Some(crate::i18n::tf!(
                    "usulan-ditolak-tanpa-alasan",
                    a1 = p.nomor
                ))
            }
            _ => None,
        };
        if let Some(message) = problem {
            out.push(Finding {
                rule: "K10",
                severity: Severity::Error,
                message,
                items: Vec::new(),
                link,
                agency: None,
                detail: Vec::new(),
            });
        }
    }
    out
}

/// K11: where the province's RKPD of the year exists, each kab/kota RKPD
/// prioritas is linked to one of its priorities.
fn k11(input: &Input) -> Vec<Finding> {
    let Some(province) = input
        .plan
        .province_plan
        .filter(|_| input.plan.kind == PlanKind::Rkpd)
    else {
        return Vec::new();
    };
    let linked: HashSet<Uuid> = input
        .alignments
        .iter()
        .filter(|(_, to)| {
            input
                .linked_items
                .get(to)
                .is_some_and(|(plan, _)| *plan == province)
        })
        .map(|(from, _)| *from)
        .collect();
    input
        .items
        .iter()
        .filter(|i| i.level == Level::Prioritas && !linked.contains(&i.id))
        .map(|i| {
            finding(
                "K11",
                Severity::Warning,
                crate::i18n::t("prioritas-ini-belum-mengacu-prioritas-rkpd").into(),
                i,
                "#keselarasan",
            )
        })
        .collect()
}

/// K12: an RKPDes kegiatan that claims a regional program points to a
/// program of the kab/kota RKPD the RKPDes refers to.
fn k12(input: &Input) -> Vec<Finding> {
    if input.plan.kind != PlanKind::Rkpdes {
        return Vec::new();
    }
    input
        .items
        .iter()
        .filter(|i| i.level == Level::KegiatanDesa)
        .filter_map(|i| {
            let target = i.supports_item_id?;
            let ok = input
                .linked_items
                .get(&target)
                .is_some_and(|(plan, level)| {
                    *level == Level::Program && Some(*plan) == input.plan.rkpd_ref
                });
            (!ok).then(|| {
                finding(
                    "K12",
                    Severity::Error,
                    crate::i18n::t("kegiatan-desa-ini-menunjuk-program-yang").into(),
                    i,
                    "#ubah",
                )
            })
        })
        .collect()
}

/// K13: a kerja sama marked `direncanakan` has linked items with pagu in
/// each of its years.
fn k13(input: &Input) -> Vec<Finding> {
    let mut out = Vec::new();
    for ks in input.kerja_sama.iter().filter(|k| k.planned) {
        let years: Vec<i32> = (ks.first_year..=ks.last_year)
            .filter(|y| input.years().contains(y))
            .collect();
        let missing: Vec<String> = years
            .iter()
            .filter(|y| {
                !ks.items.iter().any(|i| {
                    input
                        .pagu
                        .get(&(*i, **y))
                        .is_some_and(|a| *a > Rupiah::ZERO)
                })
            })
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            out.push(Finding {
                rule: "K13",
                severity: Severity::Warning,
                message: crate::i18n::tf!(
                    "kerja-sama-direncanakan-tetapi-belum-ada",
                    a1 = ks.title,
                    a2 = missing.join(", ")
                ),
                items: ks
                    .items
                    .iter()
                    .filter_map(|i| input.item(*i))
                    .map(|i| (i.id, i.label()))
                    .collect(),
                link: format!("/kerja-sama/{}", ks.id),
                agency: None,
                detail: Vec::new(),
            });
        }
    }
    out
}
