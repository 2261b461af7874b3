//! Rekapitulasi usulan: a list of proposals (with the list's filters)
//! grouped per kecamatan, per perangkat daerah and per bidang urusan, each
//! group with its count by status and its sums, and for the proposals
//! taken up the sub kegiatan and pagu (only where the reader may see that
//! plan; the caller decides).

use std::collections::BTreeMap;

use crate::domain::money::Rupiah;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::workbook::Heading;

#[derive(Debug, Clone)]
pub struct Row {
    pub nomor: String,
    pub title: String,
    pub desa: String,
    pub kecamatan: String,
    pub agency: String,
    pub bidang: String,
    pub source: String,
    pub year: i32,
    pub status: String,
    pub cost: Rupiah,
    /// The sub kegiatan that took it up, and its pagu for the proposal.
    pub line: Option<String>,
    pub pagu: Option<Rupiah>,
}

/// The same rows as open data: CSV (RFC 4180, UTF-8 with a byte-order
/// mark so spreadsheet programs read the names right), one proposal per
/// line, numbers with a decimal point and no grouping.
pub fn csv(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record([
        "nomor",
        "usulan",
        "desa_kelurahan",
        "kecamatan",
        "perangkat_daerah",
        "bidang_urusan",
        "sumber",
        "tahun",
        "status",
        "perkiraan_biaya",
        "sub_kegiatan",
        "pagu",
    ])?;
    for r in rows {
        let t = super::text_cell;
        w.write_record([
            r.nomor.as_str(),
            &t(&r.title),
            &t(&r.desa),
            &t(&r.kecamatan),
            &t(&r.agency),
            &t(&r.bidang),
            &r.source,
            &r.year.to_string(),
            &r.status,
            &r.cost.amount().normalize().to_string(),
            &t(r.line.as_deref().unwrap_or("")),
            &r.pagu
                .map(|p| p.amount().normalize().to_string())
                .unwrap_or_default(),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

const HEADERS: [(&str, f64); 13] = [
    ("No", 5.0),
    ("Nomor", 17.0),
    ("Usulan", 40.0),
    ("Desa/kelurahan", 20.0),
    ("Kecamatan", 18.0),
    ("Perangkat daerah", 28.0),
    ("Bidang urusan", 26.0),
    ("Sumber", 14.0),
    ("Tahun", 7.0),
    ("Status", 16.0),
    ("Perkiraan biaya (Rp)", 17.0),
    ("Sub kegiatan RKPD", 40.0),
    ("Pagu diakomodir (Rp)", 17.0),
];

struct Formats {
    head: Format,
    group: Format,
    group_money: Format,
    text: Format,
    money: Format,
}

fn f(v: Rupiah) -> f64 {
    let v = v.amount();
    v.to_f64().unwrap_or(0.0)
}

pub fn xlsx(heading: &Heading, rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let fm = Formats {
        head: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color("#DDEFE8")
            .set_border(FormatBorder::Thin),
        group: Format::new()
            .set_bold()
            .set_background_color("#F1F1F1")
            .set_border(FormatBorder::Thin),
        group_money: Format::new()
            .set_bold()
            .set_background_color("#F1F1F1")
            .set_border(FormatBorder::Thin)
            .set_num_format("#,##0"),
        text: Format::new().set_text_wrap().set_border(FormatBorder::Thin),
        money: Format::new()
            .set_border(FormatBorder::Thin)
            .set_num_format("#,##0"),
    };
    let mut wb = Workbook::new();
    type Grouping = (&'static str, fn(&Row) -> &str);
    let groupings: [Grouping; 3] = [
        ("Per kecamatan", |r| r.kecamatan.as_str()),
        ("Per perangkat daerah", |r| r.agency.as_str()),
        ("Per bidang", |r| r.bidang.as_str()),
    ];
    for (name, key) in groupings {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let mut groups: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
        for r in rows {
            let k = key(r);
            let k = if k.is_empty() {
                "(belum ditentukan)"
            } else {
                k
            };
            groups.entry(k.to_string()).or_default().push(r);
        }
        sheet(
            ws,
            heading,
            &format!("Rekapitulasi usulan {}", name.to_lowercase()),
            groups,
            &fm,
        )?;
    }
    let ws = wb.add_worksheet();
    ws.set_name("Semua usulan")?;
    let all: BTreeMap<String, Vec<&Row>> =
        [("Semua usulan".to_string(), rows.iter().collect())].into();
    sheet(ws, heading, "Daftar usulan", all, &fm)?;
    wb.save_to_buffer()
}

fn sheet(
    ws: &mut Worksheet,
    heading: &Heading,
    title: &str,
    groups: BTreeMap<String, Vec<&Row>>,
    fm: &Formats,
) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, title.to_uppercase(), &Format::new().set_bold())?;
    for (i, l) in std::iter::once(&heading.title)
        .chain(heading.lines.iter())
        .enumerate()
        .take(3)
    {
        ws.write_string(1 + i as u32, 0, l)?;
    }
    let top = 5;
    for (c, (h, w)) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, &fm.head)?;
        ws.set_column_width(c as u16, *w)?;
    }
    let mut row = top + 1;
    let (mut total_cost, mut total_pagu, mut total_n) = (Rupiah::ZERO, Rupiah::ZERO, 0usize);
    for (name, list) in groups {
        let cost: Rupiah = list.iter().map(|r| r.cost).sum();
        let pagu: Rupiah = list.iter().filter_map(|r| r.pagu).sum();
        let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &list {
            *by_status.entry(r.status.as_str()).or_default() += 1;
        }
        let statuses = by_status
            .iter()
            .map(|(s, n)| format!("{s} {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        ws.write_string_with_format(row, 0, "", &fm.group)?;
        ws.write_string_with_format(row, 1, format!("{name} ({} usulan)", list.len()), &fm.group)?;
        for c in 2..=9u16 {
            ws.write_blank(row, c, &fm.group)?;
        }
        ws.write_string_with_format(row, 2, statuses, &fm.group)?;
        ws.write_number_with_format(row, 10, f(cost), &fm.group_money)?;
        ws.write_blank(row, 11, &fm.group)?;
        ws.write_number_with_format(row, 12, f(pagu), &fm.group_money)?;
        row += 1;
        for (i, r) in list.iter().enumerate() {
            ws.write_number_with_format(row, 0, (i + 1) as f64, &fm.text)?;
            for (c, v) in [
                (1, &r.nomor),
                (2, &r.title),
                (3, &r.desa),
                (4, &r.kecamatan),
                (5, &r.agency),
                (6, &r.bidang),
                (7, &r.source),
                (9, &r.status),
            ] {
                ws.write_string_with_format(row, c, v.as_str(), &fm.text)?;
            }
            ws.write_number_with_format(row, 8, r.year as f64, &fm.text)?;
            ws.write_number_with_format(row, 10, f(r.cost), &fm.money)?;
            ws.write_string_with_format(row, 11, r.line.clone().unwrap_or_default(), &fm.text)?;
            match r.pagu {
                Some(p) => ws.write_number_with_format(row, 12, f(p), &fm.money)?,
                None => ws.write_blank(row, 12, &fm.money)?,
            };
            row += 1;
        }
        total_cost += cost;
        total_pagu += pagu;
        total_n += list.len();
    }
    ws.write_string_with_format(row, 1, format!("Jumlah ({total_n} usulan)"), &fm.group)?;
    ws.write_number_with_format(row, 10, f(total_cost), &fm.group_money)?;
    ws.write_number_with_format(row, 12, f(total_pagu), &fm.group_money)?;
    ws.set_freeze_panes(top + 1, 0)?;
    ws.set_repeat_rows(top, top)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}
