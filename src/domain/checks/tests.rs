//! Each rule on small hand-made plans: one case it must flag, one it must pass.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;
use uuid::Uuid;

use super::*;
use crate::domain::indicator::Polaritas;
use crate::domain::plan::{Level, PlanKind};

fn input(kind: PlanKind, first: i32, last: i32) -> Input {
    Input {
        plan: PlanData {
            id: Uuid::now_v7(),
            kind,
            region: "33.71".into(),
            first_year: first,
            last_year: last,
            parent: None,
            province_plan: None,
            rkpd_ref: None,
        },
        items: vec![],
        indicators: vec![],
        pagu: HashMap::new(),
        known_codes: HashSet::new(),
        source_indicators: HashMap::new(),
        linked_items: HashMap::new(),
        alignments: vec![],
        ceilings: HashMap::new(),
        agency_names: HashMap::new(),
        proposals: vec![],
        index: HashMap::new(),
        kerja_sama: vec![],
    }
}

fn item(level: Level, parent: Option<Uuid>, kode: Option<&str>) -> ItemData {
    ItemData {
        id: Uuid::now_v7(),
        plan_id: Uuid::nil(),
        parent_id: parent,
        level,
        kode: kode.map(str::to_string),
        nama: format!("{} uji", level.label()),
        responsible: Some(Uuid::nil()),
        source_item_id: None,
        supports_item_id: None,
    }
}

fn ind(item: Uuid, polaritas: Polaritas, years: &[(i32, &str)]) -> IndicatorData {
    IndicatorData {
        id: Uuid::now_v7(),
        item_id: item,
        name: "Indikator uji".into(),
        polaritas,
        kondisi_awal: Some(Decimal::ONE),
        source_indicator_id: None,
        years: years
            .iter()
            .map(|(y, v)| YearTarget {
                year: *y,
                target: Some(v.parse().unwrap()),
                target_max: None,
            })
            .collect(),
    }
}

fn rules(findings: &[Finding], rule: &str) -> usize {
    findings.iter().filter(|f| f.rule == rule).count()
}

fn rp(s: &str) -> crate::domain::money::Rupiah {
    crate::domain::money::Rupiah::new(d(s))
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn k01_levels_under_their_parents() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let p = item(Level::Prioritas, None, None);
    let prog = item(Level::Program, Some(p.id), Some("1.02.02"));
    i.items = vec![p, prog];
    assert_eq!(rules(&run(&i), "K01"), 0);
    i.items.push(item(Level::Sasaran, None, None));
    let bad = item(
        Level::SubKegiatan,
        Some(i.items[0].id),
        Some("1.02.02.2.01.0001"),
    );
    i.items.push(bad);
    assert_eq!(
        rules(&run(&i), "K01"),
        2,
        "a sasaran at the root of an RKPD and a sub kegiatan under a prioritas"
    );
}

#[test]
fn k02_codes() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    i.known_codes = ["1.02.02", "1.02.02.2.01", "X.XX.01"]
        .into_iter()
        .map(String::from)
        .collect();
    let p = item(Level::Prioritas, None, None);
    let prog = item(Level::Program, Some(p.id), Some("1.02.02"));
    let keg = item(Level::Kegiatan, Some(prog.id), Some("1.02.02.2.01"));
    let support = item(Level::Program, Some(p.id), Some("1.02.01"));
    i.items = vec![p.clone(), prog.clone(), keg, support];
    assert_eq!(
        rules(&run(&i), "K02"),
        0,
        "the support program passes in its national form"
    );
    i.items
        .push(item(Level::Kegiatan, Some(prog.id), Some("1.03.02.2.01")));
    i.items
        .push(item(Level::Program, Some(p.id), Some("9.99.99")));
    i.items
        .push(item(Level::Program, Some(p.id), Some("1.02.02")));
    i.items.push(item(Level::Program, Some(p.id), Some("1.2")));
    let f = run(&i);
    assert_eq!(rules(&f, "K02"), 4, "{f:#?}");
    assert!(f.iter().any(|x| x.message.contains("lebih dari sekali")));
    assert!(
        f.iter()
            .any(|x| x.message.contains("tidak ada dalam nomenklatur"))
    );
}

#[test]
fn k03_indicators_present() {
    let mut i = input(PlanKind::Rpjmd, 2025, 2029);
    let t = item(Level::Tujuan, None, None);
    i.items = vec![t.clone(), item(Level::Visi, None, None)];
    assert_eq!(rules(&run(&i), "K03"), 1, "the tujuan, not the visi");
    i.indicators = vec![ind(t.id, Polaritas::Naik, &[])];
    assert_eq!(rules(&run(&i), "K03"), 0);
}

#[test]
fn k04_targets_each_year_and_baseline() {
    let mut i = input(PlanKind::Rpjmd, 2025, 2029);
    let t = item(Level::Tujuan, None, None);
    i.items = vec![t.clone()];
    i.indicators = vec![ind(
        t.id,
        Polaritas::Naik,
        &[
            (2025, "1"),
            (2026, "2"),
            (2027, "3"),
            (2028, "4"),
            (2029, "5"),
        ],
    )];
    assert_eq!(rules(&run(&i), "K04"), 0);
    i.indicators[0].years.pop();
    i.indicators[0].kondisi_awal = None;
    let f = run(&i);
    assert_eq!(rules(&f, "K04"), 2);
    assert!(f.iter().any(|x| x.message.contains("2029")));
}

#[test]
fn k05_targets_follow_polaritas() {
    let mut i = input(PlanKind::Rpjmd, 2025, 2026);
    let t = item(Level::Tujuan, None, None);
    i.items = vec![t.clone()];
    i.indicators = vec![ind(t.id, Polaritas::Turun, &[(2025, "10"), (2026, "8")])];
    assert_eq!(rules(&run(&i), "K05"), 0);
    i.indicators = vec![ind(t.id, Polaritas::Turun, &[(2025, "10"), (2026, "12")])];
    assert_eq!(rules(&run(&i), "K05"), 1);
}

#[test]
fn k06_rkpd_targets_equal_the_rpjmd() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let p = item(Level::Program, None, Some("1.02.02"));
    let src = ind(Uuid::nil(), Polaritas::Turun, &[(2026, "10.4")]);
    let mut mine = ind(p.id, Polaritas::Turun, &[(2026, "10.40")]);
    mine.source_indicator_id = Some(src.id);
    i.items = vec![p];
    i.source_indicators.insert(src.id, src);
    i.indicators = vec![mine];
    assert_eq!(rules(&run(&i), "K06"), 0, "10,40 equals 10,4");
    i.indicators[0].years[0].target = Some(d("9"));
    let f = run(&i);
    let k06: Vec<&Finding> = f.iter().filter(|x| x.rule == "K06").collect();
    assert_eq!(k06.len(), 1);
    assert_eq!(
        k06[0].detail,
        vec![
            ("RKPD 2026".to_string(), "9".to_string()),
            ("RPJMD 2026".to_string(), "10,4".to_string())
        ]
    );
}

#[test]
fn k07_programs_aligned_to_the_rpjmd() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let rpjmd = Uuid::now_v7();
    let parent = ParentPlan {
        id: rpjmd,
        kind: PlanKind::Rpjmd,
        first_year: 2025,
        last_year: 2029,
    };
    i.plan.parent = Some(parent);
    let sasaran = Uuid::now_v7();
    i.linked_items.insert(sasaran, (rpjmd, Level::Sasaran));
    let pr = item(Level::Prioritas, None, None);
    let mut a = item(Level::Program, Some(pr.id), Some("1.02.02"));
    a.source_item_id = Some(sasaran);
    let b = item(Level::Program, Some(pr.id), Some("1.01.02"));
    i.alignments = vec![(b.id, sasaran)];
    let c = item(Level::Program, Some(pr.id), Some("1.03.02"));
    i.items = vec![pr, a, b, c];
    let f = run(&i);
    assert_eq!(
        rules(&f, "K07"),
        1,
        "only the program neither copied nor linked"
    );
    // An RPJMD whose period does not cover the year does not count.
    i.plan.parent = Some(ParentPlan {
        first_year: 2020,
        last_year: 2024,
        ..parent
    });
    assert_eq!(rules(&run(&i), "K07"), 3);
}

#[test]
fn k08_pagu_sums_and_ceilings() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let org = Uuid::now_v7();
    let mut prog = item(Level::Program, None, Some("1.02.02"));
    prog.responsible = Some(org);
    let mut keg = item(Level::Kegiatan, Some(prog.id), Some("1.02.02.2.01"));
    keg.responsible = Some(org);
    let mut s1 = item(Level::SubKegiatan, Some(keg.id), Some("1.02.02.2.01.0001"));
    s1.responsible = Some(org);
    let mut s2 = item(Level::SubKegiatan, Some(keg.id), Some("1.02.02.2.01.0002"));
    s2.responsible = Some(org);
    for (it, amount) in [(&prog, "1000"), (&keg, "500"), (&s1, "200"), (&s2, "300")] {
        i.pagu.insert((it.id, 2026), rp(amount));
    }
    i.items = vec![prog, keg.clone(), s1.clone(), s2];
    i.ceilings.insert((org, 2026), rp("600"));
    assert_eq!(rules(&run(&i), "K08"), 0);
    i.pagu.insert((s1.id, 2026), rp("250"));
    i.ceilings.insert((org, 2026), rp("500"));
    let f = run(&i);
    let k08: Vec<&Finding> = f.iter().filter(|x| x.rule == "K08").collect();
    assert_eq!(
        k08.len(),
        2,
        "kegiatan exceeded and agency ceiling exceeded"
    );
    assert!(k08.iter().any(|x| {
        x.detail
            .iter()
            .any(|(l, v)| l == "Jumlah rincian" && v == "Rp550")
    }));
    assert!(
        k08.iter()
            .any(|x| x.detail.iter().any(|(l, v)| l == "Selisih" && v == "Rp50"))
    );
}

#[test]
fn k09_responsible_agency() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let mut p = item(Level::Program, None, Some("1.02.02"));
    i.items = vec![p.clone()];
    assert_eq!(rules(&run(&i), "K09"), 0);
    p.responsible = None;
    i.items = vec![p, item(Level::Prioritas, None, None)];
    assert_eq!(
        rules(&run(&i), "K09"),
        1,
        "the program; a prioritas has no agency"
    );
}

#[test]
fn k10_proposals() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let ok = ProposalData {
        nomor: "USL-2026-000001".into(),
        status: ProposalStatus::Diakomodir,
        target_year: 2026,
        accepted: Some(AcceptedItem {
            item: Uuid::nil(),
            level: Level::SubKegiatan,
            kind: PlanKind::Rkpd,
            year: 2026,
        }),
        reject_reason: None,
    };
    let refused = ProposalData {
        nomor: "USL-2026-000002".into(),
        status: ProposalStatus::Ditolak,
        target_year: 2026,
        accepted: None,
        reject_reason: Some("Sudah didanai APBN".into()),
    };
    i.proposals = vec![ok.clone(), refused.clone()];
    assert_eq!(rules(&run(&i), "K10"), 0);
    let wrong_year = ProposalData {
        accepted: ok.accepted.map(|a| AcceptedItem { year: 2025, ..a }),
        nomor: "USL-2026-000003".into(),
        ..ok
    };
    let no_reason = ProposalData {
        reject_reason: None,
        nomor: "USL-2026-000004".into(),
        ..refused
    };
    i.proposals = vec![wrong_year, no_reason];
    assert_eq!(rules(&run(&i), "K10"), 2);
}

#[test]
fn k11_province_priorities() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let p = item(Level::Prioritas, None, None);
    i.items = vec![p.clone()];
    assert_eq!(rules(&run(&i), "K11"), 0, "no province RKPD, no finding");
    let province = Uuid::now_v7();
    i.plan.province_plan = Some(province);
    assert_eq!(rules(&run(&i), "K11"), 1);
    let theirs = Uuid::now_v7();
    i.linked_items.insert(theirs, (province, Level::Prioritas));
    i.alignments = vec![(p.id, theirs)];
    assert_eq!(rules(&run(&i), "K11"), 0);
}

#[test]
fn k12_village_kegiatan_point_to_real_programs() {
    let mut i = input(PlanKind::Rkpdes, 2026, 2026);
    let rkpd = Uuid::now_v7();
    i.plan.rkpd_ref = Some(rkpd);
    let program = Uuid::now_v7();
    i.linked_items.insert(program, (rkpd, Level::Program));
    let b = item(Level::Bidang, None, None);
    let mut k = item(Level::KegiatanDesa, Some(b.id), None);
    k.supports_item_id = Some(program);
    i.items = vec![
        b.clone(),
        k.clone(),
        item(Level::KegiatanDesa, Some(b.id), None),
    ];
    assert_eq!(
        rules(&run(&i), "K12"),
        0,
        "linked properly, or not claiming any"
    );
    let elsewhere = Uuid::now_v7();
    i.linked_items
        .insert(elsewhere, (Uuid::now_v7(), Level::Program));
    k.supports_item_id = Some(elsewhere);
    i.items[1] = k;
    assert_eq!(rules(&run(&i), "K12"), 1);
}

#[test]
fn k13_planned_cooperation_has_pagu() {
    let mut i = input(PlanKind::Rkpd, 2026, 2026);
    let s = item(Level::SubKegiatan, None, Some("1.03.06.2.01.0028"));
    i.items = vec![s.clone()];
    i.kerja_sama = vec![KerjaSamaData {
        id: Uuid::now_v7(),
        title: "Drainase perbatasan".into(),
        planned: true,
        first_year: 2026,
        last_year: 2027,
        items: vec![s.id],
    }];
    assert_eq!(rules(&run(&i), "K13"), 1);
    i.pagu.insert((s.id, 2026), rp("100"));
    assert_eq!(rules(&run(&i), "K13"), 0, "only the plan's own year counts");
    i.kerja_sama[0].planned = false;
    i.pagu.clear();
    assert_eq!(rules(&run(&i), "K13"), 0, "not yet planned");
}
