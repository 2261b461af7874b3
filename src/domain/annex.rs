//! A plan's cascade as the annex tables of Permendagri 86/2017: the rows a
//! printed document and its workbook show, built from a `Snapshot` (so a
//! frozen version prints the same way as today's plan).
//!
//! Two shapes. The strategic levels (visi … sasaran, prioritas) are listed
//! in tree order with their indicators. Programs and what hangs under them
//! are grouped the way the regulation's tables sum money: urusan → bidang
//! urusan → perangkat daerah → program → kegiatan → sub kegiatan, with a
//! subtotal on every group row. Plans without nomenclature (RPJPD, village
//! plans) and the Renstra (one perangkat daerah, read by tujuan and
//! sasaran: T-C.27) keep the tree order throughout.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use uuid::Uuid;

use super::money::Rupiah;
use super::plan::{Level, PlanKind};
use super::snapshot::{SnapIndicator, SnapItem, Snapshot};

/// What a row is: a group the table sums over, or an item of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Urusan,
    Bidang,
    Agency,
    Item(Level),
}

impl RowKind {
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Urusan => "Urusan",
            RowKind::Bidang => "Bidang urusan",
            RowKind::Agency => "Perangkat daerah",
            RowKind::Item(l) => l.label(),
        }
    }

    pub fn is_group(self) -> bool {
        !matches!(self, RowKind::Item(_))
    }
}

/// One indicator of a row, with its targets per year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub id: Uuid,
    pub name: String,
    pub satuan: String,
    pub kondisi_awal: Option<Decimal>,
    /// year → (target, upper end of a band)
    pub targets: BTreeMap<i32, (Decimal, Option<Decimal>)>,
    pub kondisi_akhir: Option<Decimal>,
}

impl IndicatorRow {
    pub fn target(&self, year: i32) -> Option<(Decimal, Option<Decimal>)> {
        self.targets.get(&year).copied()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// Indentation: 0 for the outermost rows of its table.
    pub depth: usize,
    pub kode: String,
    pub name: String,
    pub item_id: Option<Uuid>,
    pub indicators: Vec<IndicatorRow>,
    /// The item's own pagu per year; on a group row, the sum of its
    /// programs (of the topmost budgeted items under it).
    pub pagu: BTreeMap<i32, Rupiah>,
    pub agency: String,
    /// Place names, joined.
    pub lokasi: String,
    /// The places' kode wilayah.
    pub places: Vec<String>,
    /// Months of execution.
    pub bulan: Option<(i16, i16)>,
    pub sumber_dana: String,
    pub tags: Vec<String>,
    /// The prioritas daerah, tujuan and sasaran the item hangs from (empty
    /// where the kind has none), for the tables that name them in columns.
    pub prioritas: String,
    pub tujuan: String,
    pub sasaran: String,
}

impl Row {
    /// A row with nothing in it yet: groups and totals start from here.
    pub fn empty(kind: RowKind) -> Row {
        Row {
            kind,
            depth: 0,
            kode: String::new(),
            name: String::new(),
            item_id: None,
            indicators: Vec::new(),
            pagu: BTreeMap::new(),
            agency: String::new(),
            lokasi: String::new(),
            places: Vec::new(),
            bulan: None,
            sumber_dana: String::new(),
            tags: Vec::new(),
            prioritas: String::new(),
            tujuan: String::new(),
            sasaran: String::new(),
        }
    }

    pub fn pagu_in(&self, year: i32) -> Option<Rupiah> {
        self.pagu.get(&year).copied()
    }

    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// The tables of one plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// Visi … sasaran, sasaran pokok, arah kebijakan, prioritas (tree
    /// order). Empty for kinds printed as one tree.
    pub strategic: Vec<Row>,
    /// The program table: grouped for RPJMD, RKPD (Perubahan) and Renja,
    /// the whole tree for the others.
    pub program: Vec<Row>,
    /// Totals per year of the program table (over its topmost budgeted
    /// items, so nothing is counted twice).
    pub total: BTreeMap<i32, Rupiah>,
}

/// Names the snapshot does not carry: nomenclature titles of urusan and
/// bidang urusan codes, and places by kode wilayah.
#[derive(Debug, Default, Clone)]
pub struct Names {
    pub nomenklatur: HashMap<String, String>,
    pub places: HashMap<String, String>,
}

/// Does this kind's program table group by urusan, bidang and perangkat
/// daerah?
pub fn grouped(kind: PlanKind) -> bool {
    matches!(
        kind,
        PlanKind::Rpjmd | PlanKind::Rkpd | PlanKind::RkpdPerubahan | PlanKind::Renja
    )
}

/// The urusan and bidang urusan codes of a nomenclature code:
/// `1.02.02.2.01` → (`1`, `1.02`).
pub fn urusan_bidang(kode: &str) -> (String, String) {
    let mut parts = kode.split('.');
    let urusan = parts.next().unwrap_or_default().to_string();
    let bidang = match parts.next() {
        Some(b) => format!("{urusan}.{b}"),
        None => urusan.clone(),
    };
    (urusan, bidang)
}

struct Tree<'a> {
    children: HashMap<Option<Uuid>, Vec<&'a SnapItem>>,
    indicators: HashMap<Uuid, Vec<&'a SnapIndicator>>,
    pagu: HashMap<Uuid, BTreeMap<i32, Rupiah>>,
    names: &'a Names,
}

impl<'a> Tree<'a> {
    fn new(snap: &'a Snapshot, names: &'a Names) -> Tree<'a> {
        let mut children: HashMap<Option<Uuid>, Vec<&SnapItem>> = HashMap::new();
        for i in &snap.items {
            children.entry(i.parent_id).or_default().push(i);
        }
        let mut indicators: HashMap<Uuid, Vec<&SnapIndicator>> = HashMap::new();
        for n in &snap.indicators {
            indicators.entry(n.item_id).or_default().push(n);
        }
        let mut pagu: HashMap<Uuid, BTreeMap<i32, Rupiah>> = HashMap::new();
        for p in &snap.pagu {
            pagu.entry(p.item).or_default().insert(p.year, p.amount);
        }
        Tree {
            children,
            indicators,
            pagu,
            names,
        }
    }

    fn kids(&self, parent: Option<Uuid>) -> &[&'a SnapItem] {
        self.children.get(&parent).map(Vec::as_slice).unwrap_or(&[])
    }

    fn row(&self, item: &SnapItem, depth: usize, context: &Context) -> Row {
        Row {
            kind: RowKind::Item(item.level),
            depth,
            kode: item.kode.clone().unwrap_or_default(),
            name: item.nama.clone(),
            item_id: Some(item.id),
            indicators: self
                .indicators
                .get(&item.id)
                .map(|list| list.iter().map(|n| indicator_row(n)).collect())
                .unwrap_or_default(),
            pagu: self.pagu.get(&item.id).cloned().unwrap_or_default(),
            agency: item.responsible.clone().unwrap_or_default(),
            lokasi: item
                .lokasi
                .iter()
                .map(|k| {
                    self.names
                        .places
                        .get(k)
                        .cloned()
                        .unwrap_or_else(|| k.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
            places: item.lokasi.clone(),
            bulan: item.bulan,
            sumber_dana: item.sumber_dana.clone().unwrap_or_default(),
            tags: item.tags.clone(),
            prioritas: context.prioritas.clone(),
            tujuan: context.tujuan.clone(),
            sasaran: context.sasaran.clone(),
        }
    }

    /// The subtree under `parent`, depth first, in the plan's order.
    fn walk(&self, parent: Option<Uuid>, depth: usize, context: &Context, out: &mut Vec<Row>) {
        for item in self.kids(parent) {
            out.push(self.row(item, depth, context));
            let inner = context.under(item);
            self.walk(Some(item.id), depth + 1, &inner, out);
        }
    }

    /// Finds the topmost budgeted items (programs, or village kegiatan),
    /// listing the strategic items above them on the way.
    fn split(
        &self,
        parent: Option<Uuid>,
        depth: usize,
        context: &Context,
        strategic: &mut Vec<Row>,
        budgeted: &mut Vec<(&'a SnapItem, Context)>,
    ) {
        for item in self.kids(parent) {
            if item.level.is_budgeted() {
                budgeted.push((item, context.clone()));
            } else {
                strategic.push(self.row(item, depth, context));
                let inner = context.under(item);
                self.split(Some(item.id), depth + 1, &inner, strategic, budgeted);
            }
        }
    }
}

/// The names of the strategic items an item hangs from.
#[derive(Debug, Clone, Default)]
struct Context {
    prioritas: String,
    tujuan: String,
    sasaran: String,
}

impl Context {
    fn under(&self, item: &SnapItem) -> Context {
        let mut c = self.clone();
        match item.level {
            Level::Prioritas => c.prioritas = item.nama.clone(),
            Level::Tujuan => c.tujuan = item.nama.clone(),
            Level::Sasaran => c.sasaran = item.nama.clone(),
            _ => {}
        }
        c
    }
}

fn indicator_row(n: &SnapIndicator) -> IndicatorRow {
    IndicatorRow {
        id: n.id,
        name: n.name.clone(),
        satuan: n.satuan.clone(),
        kondisi_awal: n.kondisi_awal,
        targets: n
            .years
            .iter()
            .filter_map(|(y, t, max, _)| t.map(|t| (*y, (t, *max))))
            .collect(),
        kondisi_akhir: n.kondisi_akhir,
    }
}

fn add_into(sum: &mut BTreeMap<i32, Rupiah>, amounts: &BTreeMap<i32, Rupiah>) {
    for (y, a) in amounts {
        *sum.entry(*y).or_default() += *a;
    }
}

fn group_row(kind: RowKind, depth: usize, kode: &str, name: String) -> Row {
    Row {
        depth,
        kode: kode.to_string(),
        name,
        ..Row::empty(kind)
    }
}

/// Builds the tables of a plan of `kind` from its snapshot.
pub fn build(kind: PlanKind, snap: &Snapshot, names: &Names) -> Annex {
    let tree = Tree::new(snap, names);
    let root = Context::default();
    if !grouped(kind) {
        let mut program = Vec::new();
        tree.walk(None, 0, &root, &mut program);
        let mut total = BTreeMap::new();
        top_budgeted_total(&tree, None, &mut total);
        return Annex {
            strategic: Vec::new(),
            program,
            total,
        };
    }
    let mut strategic = Vec::new();
    let mut budgeted = Vec::new();
    tree.split(None, 0, &root, &mut strategic, &mut budgeted);

    // Group the programs: urusan → bidang → perangkat daerah, each in code
    // order (a stable sort keeps the plan's order among equals).
    let key = |item: &SnapItem| {
        let kode = item.kode.clone().unwrap_or_default();
        let (u, b) = urusan_bidang(&kode);
        (
            sort_key(&u),
            sort_key(&b),
            item.responsible.clone().unwrap_or_default(),
            sort_key(&kode),
        )
    };
    budgeted.sort_by_key(|(item, _)| key(item));
    let mut program = Vec::new();
    let mut total = BTreeMap::new();
    let (mut at_u, mut at_b, mut at_a): (Option<usize>, Option<usize>, Option<usize>) =
        (None, None, None);
    let (mut last_u, mut last_b, mut last_a) = (None, None, None);
    for (item, context) in budgeted {
        let kode = item.kode.clone().unwrap_or_default();
        let (u, b) = urusan_bidang(&kode);
        let agency = item.responsible.clone().unwrap_or_default();
        if last_u.as_ref() != Some(&u) {
            at_u = Some(program.len());
            program.push(group_row(RowKind::Urusan, 0, &u, nomen_name(names, &u)));
            last_u = Some(u.clone());
            last_b = None;
        }
        if last_b.as_ref() != Some(&b) {
            at_b = Some(program.len());
            program.push(group_row(RowKind::Bidang, 1, &b, nomen_name(names, &b)));
            last_b = Some(b.clone());
            last_a = None;
        }
        if last_a.as_ref() != Some(&agency) {
            at_a = Some(program.len());
            let name = if agency.is_empty() {
                crate::i18n::t("perangkat-daerah-belum-ditentukan").to_string()
            } else {
                agency.clone()
            };
            program.push(group_row(RowKind::Agency, 2, "", name));
            last_a = Some(agency);
        }
        let amounts = tree.pagu.get(&item.id).cloned().unwrap_or_default();
        for at in [at_u, at_b, at_a].into_iter().flatten() {
            add_into(&mut program[at].pagu, &amounts);
        }
        add_into(&mut total, &amounts);
        program.push(tree.row(item, 3, &context));
        let inner = context.under(item);
        tree.walk(Some(item.id), 4, &inner, &mut program);
    }
    Annex {
        strategic,
        program,
        total,
    }
}

/// Sums the pagu of the topmost items that carry pagu.
fn top_budgeted_total(tree: &Tree, parent: Option<Uuid>, total: &mut BTreeMap<i32, Rupiah>) {
    for item in tree.kids(parent) {
        if item.level.has_pagu() {
            if let Some(a) = tree.pagu.get(&item.id) {
                add_into(total, a);
            }
        } else {
            top_budgeted_total(tree, Some(item.id), total);
        }
    }
}

fn nomen_name(names: &Names, kode: &str) -> String {
    names
        .nomenklatur
        .get(kode)
        .cloned()
        .unwrap_or_else(|| format!("(kode {kode})"))
}

/// Sorts codes by their numeric segments ("1.10" after "1.9"), with `X`
/// segments (support programs across urusan) last.
fn sort_key(kode: &str) -> Vec<u32> {
    kode.split('.')
        .map(|s| s.parse::<u32>().unwrap_or(u32::MAX))
        .collect()
}

/// A small RKPD for the tests of the annex and of the tables built on it.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::domain::plan::Stage;
    use crate::domain::snapshot::SnapPagu;

    pub fn item(
        id: u128,
        parent: Option<u128>,
        level: Level,
        kode: Option<&str>,
        nama: &str,
        org: Option<&str>,
    ) -> SnapItem {
        SnapItem {
            id: Uuid::from_u128(id),
            parent_id: parent.map(Uuid::from_u128),
            level,
            kode: kode.map(str::to_string),
            nama: nama.into(),
            description: String::new(),
            responsible: org.map(str::to_string),
            lokasi: vec!["3371010001".into()],
            sumber_dana: Some("DAU".into()),
            bulan: Some((1, 12)),
            tags: vec!["daerah".into()],
            source_item_id: None,
        }
    }

    pub fn rkpd() -> Snapshot {
        use Level::*;
        Snapshot {
            title: "RKPD 2026".into(),
            stage: Stage::RancanganAwal,
            sections: vec![],
            items: vec![
                item(1, None, Prioritas, None, "Kesehatan", None),
                item(
                    2,
                    Some(1),
                    Program,
                    Some("1.02.02"),
                    "Program Pemenuhan Upaya Kesehatan",
                    Some("Dinas Kesehatan"),
                ),
                item(
                    3,
                    Some(2),
                    Kegiatan,
                    Some("1.02.02.2.01"),
                    "Penyediaan Fasilitas",
                    Some("Dinas Kesehatan"),
                ),
                item(
                    4,
                    Some(3),
                    SubKegiatan,
                    Some("1.02.02.2.01.0001"),
                    "Pembangunan Puskesmas",
                    Some("Dinas Kesehatan"),
                ),
                item(5, None, Prioritas, None, "Infrastruktur", None),
                item(
                    6,
                    Some(5),
                    Program,
                    Some("1.03.10"),
                    "Program Jalan",
                    Some("Dinas PUPR"),
                ),
                item(
                    7,
                    Some(1),
                    Program,
                    Some("1.02.03"),
                    "Program SDM Kesehatan",
                    Some("Dinas Kesehatan"),
                ),
            ],
            indicators: vec![SnapIndicator {
                id: Uuid::from_u128(100),
                item_id: Uuid::from_u128(2),
                name: "Angka kematian ibu".into(),
                satuan: "per 100.000".into(),
                kondisi_awal: Some(Decimal::from(90)),
                kondisi_akhir: None,
                years: vec![(2026, Some(Decimal::from(85)), None, None)],
            }],
            pagu: vec![
                pagu(2, 2026, 1000),
                pagu(2, 2027, 1100),
                pagu(4, 2026, 900),
                pagu(6, 2026, 500),
                pagu(7, 2026, 200),
            ],
        }
    }

    /// The pagu of item `item` in `year`.
    pub fn pagu(item: u128, year: i32, amount: i64) -> SnapPagu {
        SnapPagu {
            item: Uuid::from_u128(item),
            year,
            amount: Rupiah::new(Decimal::from(amount)),
        }
    }

    pub fn names() -> Names {
        Names {
            nomenklatur: [
                ("1", "URUSAN WAJIB PELAYANAN DASAR"),
                ("1.02", "KESEHATAN"),
                ("1.03", "PEKERJAAN UMUM"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            places: [("3371010001".to_string(), "Rejowinangun Utara".to_string())].into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn an_rkpd_groups_programs_by_urusan_bidang_and_agency_with_subtotals() {
        let annex = build(PlanKind::Rkpd, &rkpd(), &names());
        let strategic: Vec<&str> = annex.strategic.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(strategic, ["Kesehatan", "Infrastruktur"]);
        let rows: Vec<(RowKind, &str)> = annex
            .program
            .iter()
            .map(|r| (r.kind, r.name.as_str()))
            .collect();
        use Level::*;
        assert_eq!(
            rows,
            [
                (RowKind::Urusan, "URUSAN WAJIB PELAYANAN DASAR"),
                (RowKind::Bidang, "KESEHATAN"),
                (RowKind::Agency, "Dinas Kesehatan"),
                (RowKind::Item(Program), "Program Pemenuhan Upaya Kesehatan"),
                (RowKind::Item(Kegiatan), "Penyediaan Fasilitas"),
                (RowKind::Item(SubKegiatan), "Pembangunan Puskesmas"),
                (RowKind::Item(Program), "Program SDM Kesehatan"),
                (RowKind::Bidang, "PEKERJAAN UMUM"),
                (RowKind::Agency, "Dinas PUPR"),
                (RowKind::Item(Program), "Program Jalan"),
            ]
        );
        let d = |n: i64| Rupiah::new(Decimal::from(n));
        // Urusan 1 sums its three programs; bidang 1.02 two of them.
        assert_eq!(annex.program[0].pagu_in(2026), Some(d(1700)));
        assert_eq!(annex.program[1].pagu_in(2026), Some(d(1200)));
        assert_eq!(annex.program[1].pagu_in(2027), Some(d(1100)));
        assert_eq!(annex.program[7].pagu_in(2026), Some(d(500)));
        assert_eq!(annex.total.get(&2026), Some(&d(1700)));
        // The sub kegiatan keeps its own pagu, its prioritas and its place.
        let sub = &annex.program[5];
        assert_eq!(sub.pagu_in(2026), Some(d(900)));
        assert_eq!(sub.prioritas, "Kesehatan");
        assert_eq!(sub.lokasi, "Rejowinangun Utara");
        assert_eq!(sub.depth, 5);
        assert_eq!(
            annex.program[3].indicators[0].target(2026),
            Some((Decimal::from(85), None))
        );
    }

    #[test]
    fn a_renstra_keeps_the_tree_with_its_tujuan_and_sasaran() {
        use Level::*;
        let snap = Snapshot {
            items: vec![
                item(
                    1,
                    None,
                    Tujuan,
                    None,
                    "Meningkatkan derajat kesehatan",
                    None,
                ),
                item(2, Some(1), Sasaran, None, "Menurunnya AKI", None),
                item(
                    3,
                    Some(2),
                    Program,
                    Some("1.02.02"),
                    "Program Upaya Kesehatan",
                    Some("Dinkes"),
                ),
            ],
            pagu: vec![pagu(3, 2025, 7)],
            ..rkpd()
        };
        let annex = build(PlanKind::Renstra, &snap, &names());
        assert!(annex.strategic.is_empty());
        assert_eq!(annex.program.len(), 3);
        assert_eq!(annex.program[2].tujuan, "Meningkatkan derajat kesehatan");
        assert_eq!(annex.program[2].sasaran, "Menurunnya AKI");
        assert_eq!(annex.total.get(&2025), Some(&Rupiah::new(Decimal::from(7))));
    }

    #[test]
    fn codes_sort_by_number_not_by_text() {
        assert!(sort_key("1.9") < sort_key("1.10"));
        assert!(sort_key("4.01") < sort_key("X.XX"));
        assert_eq!(urusan_bidang("1.02.02.2.01"), ("1".into(), "1.02".into()));
        assert_eq!(urusan_bidang("7"), ("7".into(), "7".into()));
    }
}
