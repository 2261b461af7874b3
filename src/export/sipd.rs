//! The sub kegiatan of an RKPD or Renja as rows for SIPD (SPEC §10). SIPD
//! has no import, so Bappeda retype every sub kegiatan; one row each, with
//! the fields SIPD's input form asks for in its order (kode sub kegiatan,
//! perangkat daerah, sumber dana, lokasi down to desa, pagu, pagu N+1,
//! tolok ukur, target, satuan, the three priority labels), turns the
//! retyping into a copy. Numbers are written as SIPD reads them: a dot
//! before decimals and no thousands separator.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::workbook::Heading;
use crate::domain::annex::{Annex, Names, RowKind};
use crate::domain::plan::{Level, PlanKind};

pub fn applies(kind: PlanKind) -> bool {
    matches!(
        kind,
        PlanKind::Rkpd | PlanKind::RkpdPerubahan | PlanKind::Renja
    )
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kode: String,
    pub nama: String,
    pub kegiatan: String,
    pub program: String,
    pub agency: String,
    pub sumber_dana: String,
    pub lokasi: String,
    /// Waktu pelaksanaan: bulan awal and bulan akhir (1–12).
    pub bulan: Option<(i16, i16)>,
    pub pagu: Option<Decimal>,
    pub pagu_next: Option<Decimal>,
    pub tolok_ukur: String,
    pub target: String,
    pub satuan: String,
    pub nasional: bool,
    pub provinsi: bool,
    pub prioritas: String,
}

/// `12.5` → `12.5`, `1250000.00` → `1250000`: no grouping, a dot.
pub fn plain(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A place as SIPD names it, from kab/kota down: "Kota Magelang ›
/// Magelang Tengah › Rejowinangun Utara".
fn place_path(kode: &str, names: &Names) -> String {
    let parts: Vec<&str> = kode.split('.').collect();
    (2..=parts.len())
        .filter_map(|n| names.places.get(&parts[..n].join(".")).cloned())
        .collect::<Vec<_>>()
        .join(" › ")
}

pub fn rows(annex: &Annex, year: i32, names: &Names) -> Vec<Row> {
    let mut out = Vec::new();
    let (mut program, mut kegiatan) = (String::new(), String::new());
    for r in &annex.program {
        match r.kind {
            RowKind::Item(Level::Program) => program = r.kode.clone(),
            RowKind::Item(Level::Kegiatan) => kegiatan = r.kode.clone(),
            RowKind::Item(Level::SubKegiatan) => {
                let join = |f: &dyn Fn(&crate::domain::annex::IndicatorRow) -> String| {
                    r.indicators.iter().map(f).collect::<Vec<_>>().join("; ")
                };
                out.push(Row {
                    kode: r.kode.clone(),
                    nama: r.name.clone(),
                    kegiatan: kegiatan.clone(),
                    program: program.clone(),
                    agency: r.agency.clone(),
                    sumber_dana: r.sumber_dana.clone(),
                    lokasi: r
                        .places
                        .iter()
                        .map(|k| place_path(k, names))
                        .collect::<Vec<_>>()
                        .join("; "),
                    bulan: r.bulan,
                    pagu: r.pagu_in(year).map(crate::domain::money::Rupiah::amount),
                    pagu_next: r
                        .pagu_in(year + 1)
                        .map(crate::domain::money::Rupiah::amount),
                    tolok_ukur: join(&|i| i.name.clone()),
                    target: join(&|i| match i.target(year) {
                        Some((v, None)) => plain(v),
                        Some((v, Some(max))) => format!("{}-{}", plain(v), plain(max)),
                        None => String::new(),
                    }),
                    satuan: join(&|i| i.satuan.clone()),
                    nasional: r.has_tag("nasional"),
                    provinsi: r.has_tag("provinsi"),
                    prioritas: r.prioritas.clone(),
                });
            }
            _ => {}
        }
    }
    out
}

fn headers(year: i32) -> Vec<String> {
    vec![
        "No".into(),
        "Kode sub kegiatan".into(),
        "Nama sub kegiatan".into(),
        "Kode kegiatan".into(),
        "Kode program".into(),
        "Perangkat daerah".into(),
        "Sumber dana".into(),
        "Lokasi (kab/kota › kecamatan › desa/kelurahan)".into(),
        "Bulan awal".into(),
        "Bulan akhir".into(),
        format!("Pagu {year}"),
        format!("Pagu {}", year + 1),
        "Tolok ukur (indikator keluaran)".into(),
        format!("Target {year}"),
        "Satuan".into(),
        "Prioritas nasional".into(),
        "Prioritas provinsi".into(),
        "Prioritas daerah".into(),
    ]
}

fn yes(b: bool) -> &'static str {
    if b { "Ya" } else { "" }
}

/// Text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`,
/// `@…`) gets a leading apostrophe, which spreadsheets show as text.
fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub fn csv(year: i32, rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(headers(year))?;
    for (i, r) in rows.iter().enumerate() {
        w.write_record([
            (i + 1).to_string(),
            r.kode.clone(),
            cell(&r.nama),
            r.kegiatan.clone(),
            r.program.clone(),
            cell(&r.agency),
            cell(&r.sumber_dana),
            cell(&r.lokasi),
            r.bulan.map(|b| b.0.to_string()).unwrap_or_default(),
            r.bulan.map(|b| b.1.to_string()).unwrap_or_default(),
            r.pagu.map(plain).unwrap_or_default(),
            r.pagu_next.map(plain).unwrap_or_default(),
            cell(&r.tolok_ukur),
            r.target.clone(),
            cell(&r.satuan),
            yes(r.nasional).into(),
            yes(r.provinsi).into(),
            cell(&r.prioritas),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

pub fn xlsx(heading: &Heading, year: i32, rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("SIPD")?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEFE8")
        .set_border(FormatBorder::Thin);
    let text = Format::new()
        .set_num_format("@")
        .set_border(FormatBorder::Thin);
    // SIPD reads plain numbers: no grouping in the format either.
    let number = Format::new()
        .set_num_format("0.##")
        .set_border(FormatBorder::Thin);
    ws.write_string_with_format(0, 0, &heading.title, &Format::new().set_bold())?;
    for (i, l) in heading.lines.iter().enumerate().take(2) {
        ws.write_string(1 + i as u32, 0, l)?;
    }
    let top = 4;
    let widths = [
        5.0, 20.0, 44.0, 16.0, 12.0, 28.0, 14.0, 40.0, 8.0, 8.0, 16.0, 16.0, 36.0, 10.0, 12.0,
        10.0, 10.0, 28.0,
    ];
    for (c, (h, w)) in headers(year).iter().zip(widths).enumerate() {
        ws.write_string_with_format(top, c as u16, h, &head)?;
        ws.set_column_width(c as u16, w)?;
    }
    let as_number = |v: Decimal| plain(v).parse::<f64>().unwrap_or(0.0);
    for (i, r) in rows.iter().enumerate() {
        let row = top + 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &number)?;
        let texts = [
            (1, &r.kode),
            (2, &r.nama),
            (3, &r.kegiatan),
            (4, &r.program),
            (5, &r.agency),
            (6, &r.sumber_dana),
            (7, &r.lokasi),
            (12, &r.tolok_ukur),
            (13, &r.target),
            (14, &r.satuan),
            (17, &r.prioritas),
        ];
        for (c, v) in texts {
            ws.write_string_with_format(row, c, v.as_str(), &text)?;
        }
        let months = [
            (8, r.bulan.map(|b| Decimal::from(b.0))),
            (9, r.bulan.map(|b| Decimal::from(b.1))),
            (10, r.pagu),
            (11, r.pagu_next),
        ];
        for (c, v) in months {
            match v {
                Some(v) => ws.write_number_with_format(row, c, as_number(v), &number)?,
                None => ws.write_blank(row, c, &number)?,
            };
        }
        ws.write_string_with_format(row, 15, yes(r.nasional), &text)?;
        ws.write_string_with_format(row, 16, yes(r.provinsi), &text)?;
    }
    ws.set_freeze_panes(top + 1, 0)?;
    ws.autofilter(top, 0, top + rows.len() as u32, 17)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_a_dot_and_no_grouping() {
        assert_eq!(plain(Decimal::new(125000000000, 2)), "1250000000");
        assert_eq!(plain(Decimal::new(413, 2)), "4.13");
    }
}
