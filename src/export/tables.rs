//! The annex tables of a plan as plain tables (columns with merged header
//! groups, lines of cells), one description shared by the print view and
//! the workbook so the two never disagree.
//!
//! Which table of Permendagri 86/2017 each layout follows is written on
//! the table (`number`) and in the README. Where the regulation's table
//! has no column for a value Selaras keeps apart (the satuan of an
//! indicator), a column is added next to the one it belongs to.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::domain::annex::{Annex, IndicatorRow, Row, RowKind};
use crate::domain::indicator::format_nilai;
use crate::domain::money::Rupiah;
use crate::domain::plan::{Level, PlanKind};

/// One cell. Codes stay text; targets and rupiah stay numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
    /// A target band, min–max.
    Band(Decimal, Decimal),
    Money(Rupiah),
}

impl Cell {
    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }

    fn money(v: Option<Rupiah>) -> Cell {
        v.map_or(Cell::Empty, Cell::Money)
    }

    fn number(v: Option<Decimal>) -> Cell {
        v.map_or(Cell::Empty, Cell::Number)
    }

    fn target(t: Option<(Decimal, Option<Decimal>)>) -> Cell {
        match t {
            None => Cell::Empty,
            Some((v, None)) => Cell::Number(v),
            Some((v, Some(max))) => Cell::Band(v, max),
        }
    }

    /// As a person reads it (`Rp1.250.000`, `4,13`).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(v) => format_nilai(*v),
            Cell::Band(a, b) => format!("{}–{}", format_nilai(*a), format_nilai(*b)),
            Cell::Money(v) => v.text(),
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Cell::Number(_) | Cell::Band(..) | Cell::Money(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The merged header above this column, if any.
    pub group: Option<String>,
    pub title: String,
    /// Width in Excel characters.
    pub width: f64,
}

fn col(title: &str, width: f64) -> Column {
    Column {
        group: None,
        title: title.into(),
        width,
    }
}

fn grouped(group: &str, title: &str, width: f64) -> Column {
    Column {
        group: Some(group.into()),
        title: title.into(),
        width,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub kind: RowKind,
    pub depth: usize,
    /// The first line of an item (its further indicators follow on lines
    /// of their own, with the item's cells left empty).
    pub first: bool,
    pub cells: Vec<Cell>,
}

impl Line {
    pub fn class(&self) -> &'static str {
        match self.kind {
            RowKind::Urusan => "g-urusan",
            RowKind::Bidang => "g-bidang",
            RowKind::Agency => "g-pd",
            RowKind::Item(l) if !l.has_pagu() || l == Level::Program => "i-head",
            RowKind::Item(_) => "i-row",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Sheet name (≤ 31 characters) and anchor.
    pub sheet: &'static str,
    pub anchor: &'static str,
    /// The regulation's table number, where the layout follows one.
    pub number: Option<&'static str>,
    pub title: String,
    pub columns: Vec<Column>,
    pub lines: Vec<Line>,
    /// The column whose text is indented by depth.
    pub indent: usize,
    /// The last line, "Jumlah", if the table sums money.
    pub total: Option<Vec<Cell>>,
}

/// A header group: its title and the columns it spans, first to last.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderGroup {
    pub title: Option<String>,
    pub first: usize,
    pub last: usize,
}

impl Table {
    /// Header groups; a column without a group is its own entry with an
    /// empty title.
    pub fn groups(&self) -> Vec<HeaderGroup> {
        let mut out: Vec<HeaderGroup> = Vec::new();
        for (i, c) in self.columns.iter().enumerate() {
            match out.last_mut() {
                Some(HeaderGroup {
                    title: Some(g),
                    last,
                    ..
                }) if c.group.as_ref() == Some(g) => *last = i,
                _ => out.push(HeaderGroup {
                    title: c.group.clone(),
                    first: i,
                    last: i,
                }),
            }
        }
        out
    }

    /// Each column's share of the table's width, in whole percent (print).
    pub fn percents(&self) -> Vec<u32> {
        let total: f64 = self.columns.iter().map(|c| c.width).sum();
        self.columns
            .iter()
            .map(|c| (c.width * 100.0 / total).round().max(1.0) as u32)
            .collect()
    }

    pub fn has_groups(&self) -> bool {
        self.columns.iter().any(|c| c.group.is_some())
    }
}

/// What the tables say about the plan besides its cascade.
pub struct Meta {
    pub kind: PlanKind,
    pub years: Vec<i32>,
    pub region: String,
}

/// The tables of a plan, in the order of its annex.
pub fn tables(meta: &Meta, annex: &Annex) -> Vec<Table> {
    match meta.kind {
        PlanKind::Rpjmd => vec![
            strategic_multi_year(meta, annex),
            rpjmd_programs(meta, annex),
        ],
        PlanKind::Renstra => vec![renstra(meta, annex)],
        PlanKind::Rkpd | PlanKind::RkpdPerubahan | PlanKind::Renja => {
            vec![strategic_annual(meta, annex), annual_programs(meta, annex)]
        }
        PlanKind::Rpjpd => vec![rpjpd(meta, annex)],
        PlanKind::Rpjmdes => vec![village_multi_year(meta, annex)],
        PlanKind::Rkpdes => vec![village_annual(meta, annex)],
    }
}

/// A row's lines: one per indicator (at least one).
fn lines(
    row: &Row,
    mut cells: impl FnMut(&Row, Option<&IndicatorRow>, bool) -> Vec<Cell>,
) -> Vec<Line> {
    let mut out = Vec::new();
    if row.indicators.is_empty() {
        out.push(Line {
            kind: row.kind,
            depth: row.depth,
            first: true,
            cells: cells(row, None, true),
        });
    }
    for (i, ind) in row.indicators.iter().enumerate() {
        out.push(Line {
            kind: row.kind,
            depth: row.depth,
            first: i == 0,
            cells: cells(row, Some(ind), i == 0),
        });
    }
    out
}

fn name_with_level(row: &Row) -> String {
    match row.kind {
        RowKind::Item(l) if !l.is_budgeted() => format!("{}: {}", l.label(), row.name),
        _ => row.name.clone(),
    }
}

fn sum_years(pagu: &BTreeMap<i32, Rupiah>, years: &[i32]) -> Option<Rupiah> {
    let vals: Vec<Rupiah> = years.iter().filter_map(|y| pagu.get(y).copied()).collect();
    (!vals.is_empty()).then(|| vals.into_iter().sum())
}

fn ind_name(ind: Option<&IndicatorRow>) -> Cell {
    Cell::text(ind.map(|i| i.name.as_str()).unwrap_or(""))
}

fn ind_satuan(ind: Option<&IndicatorRow>) -> Cell {
    Cell::text(ind.map(|i| i.satuan.as_str()).unwrap_or(""))
}

/// The target and Rp columns of a multi-year table, closing with the
/// kondisi akhir: target and the period's total.
fn year_columns(group: &str, years: &[i32], rp: bool, akhir: &str) -> Vec<Column> {
    let mut cols = Vec::new();
    for y in years {
        cols.push(grouped(group, &format!("Target {y}"), 11.0));
        if rp {
            cols.push(grouped(group, &format!("Rp {y}"), 17.0));
        }
    }
    cols.push(grouped(group, &format!("Target {akhir}"), 11.0));
    if rp {
        cols.push(grouped(group, &format!("Rp {akhir}"), 18.0));
    }
    cols
}

fn year_cells(
    row: &Row,
    ind: Option<&IndicatorRow>,
    first: bool,
    years: &[i32],
    rp: bool,
) -> Vec<Cell> {
    let mut cells = Vec::new();
    for y in years {
        cells.push(Cell::target(ind.and_then(|i| i.target(*y))));
        if rp {
            cells.push(if first {
                Cell::money(row.pagu_in(*y))
            } else {
                Cell::Empty
            });
        }
    }
    cells.push(Cell::number(ind.and_then(|i| i.kondisi_akhir)));
    if rp {
        cells.push(if first {
            Cell::money(sum_years(&row.pagu, years))
        } else {
            Cell::Empty
        });
    }
    cells
}

fn total_cells(prefix: usize, mut rest: Vec<Cell>) -> Vec<Cell> {
    let mut cells = vec![Cell::Empty; prefix];
    cells[prefix.saturating_sub(1)] = Cell::Text("Jumlah".into());
    cells.append(&mut rest);
    cells
}

/// RPJMD: tujuan and sasaran (with visi and misi above them) and their
/// indicators.
fn strategic_multi_year(meta: &Meta, annex: &Annex) -> Table {
    let mut columns = vec![
        col("Visi/Misi/Tujuan/Sasaran", 48.0),
        col("Indikator kinerja (tujuan/sasaran)", 36.0),
        col("Satuan", 12.0),
        col("Kondisi kinerja awal", 12.0),
    ];
    columns.extend(year_columns(
        "Target kinerja",
        &meta.years,
        false,
        "akhir periode",
    ));
    let lines = annex
        .strategic
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                let mut c = vec![
                    if first {
                        Cell::Text(name_with_level(r))
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    Cell::number(ind.and_then(|i| i.kondisi_awal)),
                ];
                c.extend(year_cells(r, ind, first, &meta.years, false));
                c
            })
        })
        .collect();
    Table {
        sheet: "Tujuan dan Sasaran",
        anchor: "tabel-tujuan-sasaran",
        number: None,
        title: "Visi, misi, tujuan dan sasaran pembangunan daerah beserta indikator dan targetnya"
            .into(),
        columns,
        lines,
        indent: 0,
        total: None,
    }
}

/// RPJMD Bab VII, Tabel T-C.14: programs with five years of target and Rp.
fn rpjmd_programs(meta: &Meta, annex: &Annex) -> Table {
    let mut columns = vec![
        col("Kode", 12.0),
        col(
            "Bidang urusan pemerintahan dan program pembangunan daerah",
            44.0,
        ),
        col("Indikator kinerja program (outcome)", 36.0),
        col("Satuan", 12.0),
        col("Kondisi kinerja awal RPJMD", 12.0),
    ];
    columns.extend(year_columns(
        "Capaian kinerja program dan kerangka pendanaan",
        &meta.years,
        true,
        "akhir periode",
    ));
    columns.push(col("Perangkat daerah penanggung jawab", 28.0));
    let lines = annex
        .program
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                let mut c = vec![
                    if first {
                        Cell::text(&r.kode)
                    } else {
                        Cell::Empty
                    },
                    if first {
                        Cell::text(&r.name)
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    Cell::number(ind.and_then(|i| i.kondisi_awal)),
                ];
                c.extend(year_cells(r, ind, first, &meta.years, true));
                c.push(if first && !r.kind.is_group() {
                    Cell::text(&r.agency)
                } else {
                    Cell::Empty
                });
                c
            })
        })
        .collect();
    let total_row = Row {
        pagu: annex.total.clone(),
        ..empty_row()
    };
    let mut rest = vec![Cell::Empty; 3];
    rest.extend(year_cells(&total_row, None, true, &meta.years, true));
    rest.push(Cell::Empty);
    Table {
        sheet: "Program (T-C.14)",
        anchor: "tabel-program",
        number: Some("Tabel T-C.14"),
        title: "Program pembangunan daerah yang disertai pagu indikatif".into(),
        columns,
        lines,
        indent: 1,
        total: Some(total_cells(2, rest)),
    }
}

/// Renstra Bab VI, Tabel T-C.27: the whole tree, tujuan and sasaran in
/// columns of their own.
fn renstra(meta: &Meta, annex: &Annex) -> Table {
    let mut columns = vec![
        col("Tujuan", 26.0),
        col("Sasaran", 26.0),
        col("Kode", 16.0),
        col("Program, kegiatan dan sub kegiatan", 40.0),
        col(
            "Indikator kinerja tujuan, sasaran, program (outcome) dan kegiatan (output)",
            36.0,
        ),
        col("Satuan", 12.0),
        col("Data capaian pada tahun awal perencanaan", 12.0),
    ];
    columns.extend(year_columns(
        "Target kinerja program dan kerangka pendanaan",
        &meta.years,
        true,
        "akhir periode Renstra",
    ));
    columns.push(col("Unit kerja perangkat daerah penanggung jawab", 26.0));
    columns.push(col("Lokasi", 22.0));
    let lines = annex
        .program
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                let level = match r.kind {
                    RowKind::Item(l) => Some(l),
                    _ => None,
                };
                let at = |l: Level| {
                    if first && level == Some(l) {
                        Cell::text(&r.name)
                    } else {
                        Cell::Empty
                    }
                };
                let budget = first && level.is_some_and(|l| l.is_budgeted());
                let mut c = vec![
                    at(Level::Tujuan),
                    at(Level::Sasaran),
                    if budget {
                        Cell::text(&r.kode)
                    } else {
                        Cell::Empty
                    },
                    if budget {
                        Cell::text(&r.name)
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    Cell::number(ind.and_then(|i| i.kondisi_awal)),
                ];
                c.extend(year_cells(r, ind, first, &meta.years, true));
                c.push(if budget {
                    Cell::text(&r.agency)
                } else {
                    Cell::Empty
                });
                c.push(if budget {
                    Cell::text(&r.lokasi)
                } else {
                    Cell::Empty
                });
                c
            })
        })
        .collect();
    let total_row = Row {
        pagu: annex.total.clone(),
        ..empty_row()
    };
    let mut rest = vec![Cell::Empty; 3];
    rest.extend(year_cells(&total_row, None, true, &meta.years, true));
    rest.extend([Cell::Empty, Cell::Empty]);
    Table {
        sheet: "Renstra (T-C.27)",
        anchor: "tabel-program",
        number: Some("Tabel T-C.27"),
        title: "Rencana program, kegiatan dan pendanaan perangkat daerah".into(),
        columns,
        lines,
        indent: 3,
        total: Some(total_cells(4, rest)),
    }
}

/// RKPD, RKPD Perubahan and Renja: the prioritas and their indicators.
fn strategic_annual(meta: &Meta, annex: &Annex) -> Table {
    let n = meta.years.first().copied().unwrap_or_default();
    let columns = vec![
        col("Prioritas pembangunan daerah", 48.0),
        col("Indikator", 36.0),
        col("Satuan", 12.0),
        col("Kondisi awal", 12.0),
        col(&format!("Target {n}"), 12.0),
        col(&format!("Target {}", n + 1), 12.0),
    ];
    let lines = annex
        .strategic
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                vec![
                    if first {
                        Cell::Text(r.name.clone())
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    Cell::number(ind.and_then(|i| i.kondisi_awal)),
                    Cell::target(ind.and_then(|i| i.target(n))),
                    Cell::target(ind.and_then(|i| i.target(n + 1))),
                ]
            })
        })
        .collect();
    Table {
        sheet: "Prioritas",
        anchor: "tabel-prioritas",
        number: None,
        title: format!("Prioritas pembangunan daerah tahun {n}"),
        columns,
        lines,
        indent: 0,
        total: None,
    }
}

/// RKPD Bab V (rencana kerja dan pendanaan daerah) and Renja Tabel T-C.33:
/// year N with the prakiraan maju N+1, and the priorities it serves.
fn annual_programs(meta: &Meta, annex: &Annex) -> Table {
    let n = meta.years.first().copied().unwrap_or_default();
    let plan_n = format!("Rencana tahun {n}");
    let maju = format!("Prakiraan maju rencana tahun {}", n + 1);
    let columns = vec![
        col("Kode", 18.0),
        col(
            "Urusan/bidang urusan pemerintahan daerah dan program/kegiatan/sub kegiatan",
            44.0,
        ),
        col(
            "Indikator kinerja (capaian program, hasil kegiatan, keluaran sub kegiatan)",
            36.0,
        ),
        col("Satuan", 12.0),
        grouped(&plan_n, "Lokasi", 22.0),
        grouped(&plan_n, "Target capaian kinerja", 12.0),
        grouped(&plan_n, "Pagu indikatif (Rp)", 18.0),
        grouped(&plan_n, "Sumber dana", 14.0),
        col("Catatan penting", 24.0),
        grouped(&maju, "Target capaian kinerja", 12.0),
        grouped(&maju, "Kebutuhan dana (Rp)", 18.0),
        col("Perangkat daerah penanggung jawab", 26.0),
        grouped("Prioritas", "Nasional", 9.0),
        grouped("Prioritas", "Provinsi", 9.0),
        grouped("Prioritas", "Daerah", 26.0),
    ];
    let tick = |r: &Row, tag: &str| {
        if r.has_tag(tag) {
            Cell::Text("✓".into())
        } else {
            Cell::Empty
        }
    };
    let lines = annex
        .program
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                let item = first && !r.kind.is_group();
                let only = |c: Cell| if item { c } else { Cell::Empty };
                vec![
                    if first {
                        Cell::text(&r.kode)
                    } else {
                        Cell::Empty
                    },
                    if first {
                        Cell::text(&r.name)
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    only(Cell::text(&r.lokasi)),
                    Cell::target(ind.and_then(|i| i.target(n))),
                    if first {
                        Cell::money(r.pagu_in(n))
                    } else {
                        Cell::Empty
                    },
                    only(Cell::text(&r.sumber_dana)),
                    Cell::Empty,
                    Cell::target(ind.and_then(|i| i.target(n + 1))),
                    if first {
                        Cell::money(r.pagu_in(n + 1))
                    } else {
                        Cell::Empty
                    },
                    only(Cell::text(&r.agency)),
                    only(tick(r, "nasional")),
                    only(tick(r, "provinsi")),
                    only(Cell::text(&r.prioritas)),
                ]
            })
        })
        .collect();
    let mut rest = vec![Cell::Empty; 4];
    rest.push(Cell::money(annex.total.get(&n).copied()));
    rest.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
    rest.push(Cell::money(annex.total.get(&(n + 1)).copied()));
    rest.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
    let (sheet, number, title) = match meta.kind {
        PlanKind::Renja => (
            "Renja (T-C.33)",
            Some("Tabel T-C.33"),
            format!(
                "Rumusan rencana program dan kegiatan perangkat daerah tahun {n} dan prakiraan maju tahun {}",
                n + 1
            ),
        ),
        _ => (
            "Rencana kerja dan pendanaan",
            None,
            format!(
                "Rencana kerja dan pendanaan daerah tahun {n} dan prakiraan maju tahun {}",
                n + 1
            ),
        ),
    };
    Table {
        sheet,
        anchor: "tabel-program",
        number,
        title,
        columns,
        lines,
        indent: 1,
        total: Some(total_cells(2, rest)),
    }
}

/// RPJPD: visi, misi, sasaran pokok and arah kebijakan with the targets of
/// the years that have any.
fn rpjpd(meta: &Meta, annex: &Annex) -> Table {
    let years: Vec<i32> = meta
        .years
        .iter()
        .copied()
        .filter(|y| {
            annex
                .program
                .iter()
                .any(|r| r.indicators.iter().any(|i| i.targets.contains_key(y)))
        })
        .collect();
    let mut columns = vec![
        col("Visi/misi/sasaran pokok/arah kebijakan", 52.0),
        col("Indikator", 36.0),
        col("Satuan", 12.0),
        col("Kondisi awal", 12.0),
    ];
    columns.extend(year_columns("Target", &years, false, "akhir periode"));
    let lines = annex
        .program
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                let mut c = vec![
                    if first {
                        Cell::Text(name_with_level(r))
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    Cell::number(ind.and_then(|i| i.kondisi_awal)),
                ];
                c.extend(year_cells(r, ind, first, &years, false));
                c
            })
        })
        .collect();
    Table {
        sheet: "RPJPD",
        anchor: "tabel-program",
        number: None,
        title: "Visi, misi, sasaran pokok dan arah kebijakan pembangunan jangka panjang".into(),
        columns,
        lines,
        indent: 0,
        total: None,
    }
}

fn village_multi_year(meta: &Meta, annex: &Annex) -> Table {
    let mut columns = vec![
        col("Bidang/kegiatan", 44.0),
        col("Lokasi", 22.0),
        col("Indikator (keluaran)", 30.0),
        col("Satuan", 12.0),
    ];
    columns.extend(year_columns(
        "Target dan perkiraan biaya",
        &meta.years,
        true,
        "akhir periode",
    ));
    columns.push(col("Sumber dana", 14.0));
    columns.push(col("Pelaksana", 24.0));
    let lines = annex
        .program
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                let mut c = vec![
                    if first {
                        Cell::Text(name_with_level(r))
                    } else {
                        Cell::Empty
                    },
                    if first {
                        Cell::text(&r.lokasi)
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                ];
                c.extend(year_cells(r, ind, first, &meta.years, true));
                c.push(if first {
                    Cell::text(&r.sumber_dana)
                } else {
                    Cell::Empty
                });
                c.push(if first {
                    Cell::text(&r.agency)
                } else {
                    Cell::Empty
                });
                c
            })
        })
        .collect();
    let total_row = Row {
        pagu: annex.total.clone(),
        ..empty_row()
    };
    let mut rest = vec![Cell::Empty; 3];
    rest.extend(year_cells(&total_row, None, true, &meta.years, true));
    rest.extend([Cell::Empty, Cell::Empty]);
    Table {
        sheet: "RPJMDes",
        anchor: "tabel-program",
        number: None,
        title: "Rencana pembangunan jangka menengah desa: bidang dan kegiatan".into(),
        columns,
        lines,
        indent: 0,
        total: Some(total_cells(1, rest)),
    }
}

fn village_annual(meta: &Meta, annex: &Annex) -> Table {
    let n = meta.years.first().copied().unwrap_or_default();
    let columns = vec![
        col("Bidang/kegiatan", 44.0),
        col("Lokasi", 22.0),
        col("Indikator (keluaran)", 30.0),
        col("Satuan", 12.0),
        grouped(&format!("Tahun {n}"), "Target", 11.0),
        grouped(&format!("Tahun {n}"), "Biaya (Rp)", 17.0),
        col("Sumber dana", 14.0),
        grouped(&format!("Tahun {}", n + 1), "Target", 11.0),
        grouped(&format!("Tahun {}", n + 1), "Biaya (Rp)", 17.0),
        col("Pelaksana", 24.0),
    ];
    let lines = annex
        .program
        .iter()
        .flat_map(|row| {
            lines(row, |r, ind, first| {
                vec![
                    if first {
                        Cell::Text(name_with_level(r))
                    } else {
                        Cell::Empty
                    },
                    if first {
                        Cell::text(&r.lokasi)
                    } else {
                        Cell::Empty
                    },
                    ind_name(ind),
                    ind_satuan(ind),
                    Cell::target(ind.and_then(|i| i.target(n))),
                    if first {
                        Cell::money(r.pagu_in(n))
                    } else {
                        Cell::Empty
                    },
                    if first {
                        Cell::text(&r.sumber_dana)
                    } else {
                        Cell::Empty
                    },
                    Cell::target(ind.and_then(|i| i.target(n + 1))),
                    if first {
                        Cell::money(r.pagu_in(n + 1))
                    } else {
                        Cell::Empty
                    },
                    if first {
                        Cell::text(&r.agency)
                    } else {
                        Cell::Empty
                    },
                ]
            })
        })
        .collect();
    let rest = vec![
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::money(annex.total.get(&n).copied()),
        Cell::Empty,
        Cell::Empty,
        Cell::money(annex.total.get(&(n + 1)).copied()),
        Cell::Empty,
    ];
    Table {
        sheet: "RKPDes",
        anchor: "tabel-program",
        number: None,
        title: format!("Rencana kerja pemerintah desa tahun {n}"),
        columns,
        lines,
        indent: 0,
        total: Some(total_cells(2, rest)),
    }
}

fn empty_row() -> Row {
    Row::empty(RowKind::Agency)
}

/// A cell of the top header row.
pub struct HeaderCell {
    pub title: String,
    /// Spans this many columns (a group) or both header rows (not a group).
    pub span: usize,
    pub group: bool,
}

impl Table {
    pub fn top_header(&self) -> Vec<HeaderCell> {
        self.groups()
            .into_iter()
            .map(|g| match g.title {
                Some(title) => HeaderCell {
                    title,
                    span: g.last - g.first + 1,
                    group: true,
                },
                None => HeaderCell {
                    title: self.columns[g.first].title.clone(),
                    span: 1,
                    group: false,
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::annex::{build, fixtures};

    fn all_tables() -> Vec<(PlanKind, Table)> {
        let snap = fixtures::rkpd();
        let names = fixtures::names();
        PlanKind::ALL
            .into_iter()
            .flat_map(|kind| {
                let annex = build(kind, &snap, &names);
                let years = if kind.is_annual() {
                    vec![2026]
                } else {
                    (2025..=2029).collect()
                };
                let meta = Meta {
                    kind,
                    years,
                    region: "Kota Magelang".into(),
                };
                tables(&meta, &annex).into_iter().map(move |t| (kind, t))
            })
            .collect()
    }

    #[test]
    fn every_line_of_every_layout_fills_its_columns() {
        for (kind, t) in all_tables() {
            for line in &t.lines {
                assert_eq!(line.cells.len(), t.columns.len(), "{kind:?} {}", t.title);
            }
            if let Some(total) = &t.total {
                assert_eq!(
                    total.len(),
                    t.columns.len(),
                    "{kind:?} total of {}",
                    t.title
                );
            }
            assert!(
                t.sheet.chars().count() <= 31,
                "Excel sheet names: {}",
                t.sheet
            );
        }
    }

    #[test]
    fn the_rkpd_table_puts_money_under_year_n_and_the_prakiraan_maju() {
        let (_, t) = all_tables()
            .into_iter()
            .find(|(k, t)| *k == PlanKind::Rkpd && t.anchor == "tabel-program")
            .unwrap();
        let pagu_n = t
            .columns
            .iter()
            .position(|c| c.title == "Pagu indikatif (Rp)")
            .unwrap();
        let pagu_next = t
            .columns
            .iter()
            .position(|c| c.title == "Kebutuhan dana (Rp)")
            .unwrap();
        let program = t
            .lines
            .iter()
            .find(|l| l.cells[1] == Cell::Text("Program Pemenuhan Upaya Kesehatan".into()))
            .unwrap();
        assert_eq!(
            program.cells[0],
            Cell::Text("1.02.02".into()),
            "codes stay text"
        );
        assert_eq!(
            program.cells[pagu_n],
            Cell::Money(Rupiah::new(Decimal::from(1000)))
        );
        assert_eq!(
            program.cells[pagu_next],
            Cell::Money(Rupiah::new(Decimal::from(1100)))
        );
        assert_eq!(program.cells[2], Cell::Text("Angka kematian ibu".into()));
        let total = t.total.clone().unwrap();
        assert_eq!(total[pagu_n], Cell::Money(Rupiah::new(Decimal::from(1700))));
        assert_eq!(total[1], Cell::Text("Jumlah".into()));
        // The header groups: Rencana tahun 2026 spans four columns.
        let top = t.top_header();
        let plan_n = top
            .iter()
            .find(|h| h.title == "Rencana tahun 2026")
            .unwrap();
        assert_eq!(plan_n.span, 4);
    }
}
