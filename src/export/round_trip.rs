//! The targets-and-pagu workbook as a file: written with rust_xlsxwriter,
//! read back with calamine. What its rows mean, and the comparison with
//! the plan, live in `domain::target_pagu`.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx, open_workbook_from_rs};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::workbook::Heading;
use crate::domain::target_pagu::{COLUMNS, Key, SheetCell};

pub const SHEET: &str = "Target dan Pagu";

/// Bounds of a sheet people send: well above a province's plans.
const MAX_ROWS: usize = 200_000;
const MAX_COLUMNS: usize = 200;

/// One row to write.
pub struct Row {
    pub key: Key,
    pub version: i32,
    pub kode: String,
    pub uraian: String,
    pub indikator: String,
    pub satuan: String,
    pub target: Option<(Decimal, Option<Decimal>)>,
    pub pagu: Option<Decimal>,
    pub realisasi: Option<Decimal>,
}

/// The rows of a plan, in its order: per item its pagu years, then each
/// of its indicators' years (indicators grouped once: linear in the plan).
pub fn rows_of(
    s: &crate::store::plans::imports::State,
    years: &[i32],
    pagu_years: &[i32],
) -> Vec<Row> {
    let mut by_item: std::collections::HashMap<
        uuid::Uuid,
        Vec<&crate::store::plans::indicators::Indicator>,
    > = std::collections::HashMap::new();
    for n in &s.indicators {
        by_item.entry(n.item_id).or_default().push(n);
    }
    let mut rows = Vec::new();
    for item in &s.items {
        let kode = item.kode.clone().unwrap_or_default();
        let row = |key, version, indikator: &str, satuan: &str| Row {
            key,
            version,
            kode: kode.clone(),
            uraian: item.nama.clone(),
            indikator: indikator.to_string(),
            satuan: satuan.to_string(),
            target: None,
            pagu: None,
            realisasi: None,
        };
        if item.level.has_pagu() {
            for &year in pagu_years {
                rows.push(Row {
                    pagu: s
                        .pagu
                        .get(&item.id)
                        .and_then(|p| p.get(&year).map(|a| a.amount())),
                    ..row(
                        Key::Pagu {
                            item: item.id,
                            year,
                        },
                        item.version,
                        "",
                        "",
                    )
                });
            }
        }
        for ind in by_item.get(&item.id).into_iter().flatten() {
            let known = s.years.get(&ind.id);
            for &year in years {
                let y = known.and_then(|ys| ys.iter().find(|y| y.year == year));
                rows.push(Row {
                    target: y.and_then(|y| y.target.map(|t| (t, y.target_max))),
                    realisasi: y.and_then(|y| y.realisasi),
                    ..row(
                        Key::Target {
                            indicator: ind.id,
                            year,
                        },
                        ind.version,
                        &ind.name,
                        &ind.satuan,
                    )
                });
            }
        }
    }
    rows
}

pub fn xlsx(heading: &Heading, rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEFE8")
        .set_border(FormatBorder::Thin);
    let locked = Format::new()
        .set_font_color("#666666")
        .set_background_color("#F1F1F1")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let number = Format::new()
        .set_num_format("#,##0.####")
        .set_border(FormatBorder::Thin)
        .set_background_color("#FFFBE6");
    let money = Format::new()
        .set_num_format("#,##0")
        .set_border(FormatBorder::Thin)
        .set_background_color("#FFFBE6");
    let blank = Format::new()
        .set_border(FormatBorder::Thin)
        .set_background_color("#F1F1F1");
    ws.write_string_with_format(0, 0, &heading.title, &Format::new().set_bold())?;
    for (i, l) in heading.lines.iter().enumerate().take(2) {
        ws.write_string(1 + i as u32, 0, l)?;
    }
    ws.write_string(
        3,
        0,
        "Ubah hanya kolom berwarna kuning (Target, Target maks, Pagu, Realisasi; setelah rencana ditetapkan hanya Realisasi), lalu unggah berkas ini di halaman rencana (Impor target dan pagu). Kolom Kunci baris dan Versi tidak boleh diubah; baris boleh dihapus.",
    )?;
    let top = 5;
    let widths = [
        14.0, 7.0, 18.0, 44.0, 36.0, 12.0, 8.0, 12.0, 12.0, 18.0, 12.0,
    ];
    for (c, (title, w)) in COLUMNS.iter().zip(widths).enumerate() {
        ws.write_string_with_format(top, c as u16, *title, &head)?;
        ws.set_column_width(c as u16, w)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = top + 1 + i as u32;
        ws.write_string_with_format(row, 0, r.key.encode(), &locked)?;
        ws.write_number_with_format(row, 1, r.version as f64, &locked)?;
        ws.write_string_with_format(row, 2, &r.kode, &text)?;
        ws.write_string_with_format(row, 3, &r.uraian, &text)?;
        ws.write_string_with_format(row, 4, &r.indikator, &text)?;
        ws.write_string_with_format(row, 5, &r.satuan, &text)?;
        ws.write_number_with_format(row, 6, r.key.year() as f64, &text)?;
        match r.key {
            Key::Target { .. } => {
                match r.target {
                    Some((v, max)) => {
                        ws.write_number_with_format(row, 7, f(v), &number)?;
                        match max {
                            Some(m) => ws.write_number_with_format(row, 8, f(m), &number)?,
                            None => ws.write_blank(row, 8, &number)?,
                        };
                    }
                    None => {
                        ws.write_blank(row, 7, &number)?;
                        ws.write_blank(row, 8, &number)?;
                    }
                }
                ws.write_blank(row, 9, &blank)?;
                match r.realisasi {
                    Some(v) => ws.write_number_with_format(row, 10, f(v), &number)?,
                    None => ws.write_blank(row, 10, &number)?,
                };
            }
            Key::Pagu { .. } => {
                ws.write_blank(row, 7, &blank)?;
                ws.write_blank(row, 8, &blank)?;
                match r.pagu {
                    Some(a) => ws.write_number_with_format(row, 9, f(a), &money)?,
                    None => ws.write_blank(row, 9, &money)?,
                };
                ws.write_blank(row, 10, &blank)?;
            }
            Key::Realisasi { .. } => {}
        }
    }
    ws.set_freeze_panes(top + 1, 2)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    wb.save_to_buffer()
}

fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// `read` off the async runtime: unzipping and parsing a few MB is CPU
/// work that should not hold up other requests.
pub async fn read_off_runtime(bytes: &[u8], sheet: &str) -> Result<Vec<Vec<SheetCell>>, String> {
    let (bytes, sheet) = (bytes.to_vec(), sheet.to_string());
    tokio::task::spawn_blocking(move || read(&bytes, &sheet))
        .await
        .unwrap_or_else(|_| Err("Berkas ini tidak dapat dibaca.".to_string()))
}

/// The cells of the workbook's sheet named `sheet` (or of its first sheet,
/// if renamed), or why the file cannot be read.
pub fn read(bytes: &[u8], sheet: &str) -> Result<Vec<Vec<SheetCell>>, String> {
    // An .xlsx is a zip file; anything else may be the same sheet saved as
    // CSV (comma or semicolon separated, as Excel in Indonesia saves it).
    if !bytes.starts_with(b"PK") {
        return read_csv(bytes);
    }
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| {
        "Berkas ini bukan lembar kerja Excel (.xlsx) yang dapat dibaca. Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi.".to_string()
    })?;
    let names = wb.sheet_names().to_vec();
    let name = names
        .iter()
        .find(|n| n.as_str() == sheet)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| "Lembar kerja ini tidak berisi lembar apa pun.".to_string())?;
    // Cell by cell, within bounds: a sheet's declared size can be
    // anything (one cell at XFD1048576), and a grid of it would not fit.
    let mut reader = wb
        .worksheet_cells_reader(&name)
        .map_err(|e| format!("Lembar \"{name}\" tidak dapat dibaca: {e}"))?;
    let mut out: Vec<Vec<SheetCell>> = Vec::new();
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| format!("Lembar \"{name}\" tidak dapat dibaca: {e}"))?
    {
        let (r, c) = cell.get_position();
        let (r, c) = (r as usize, c as usize);
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(format!(
                "Lembar \"{name}\" melebihi {MAX_ROWS} baris atau {MAX_COLUMNS} kolom; bagi isinya ke beberapa berkas."
            ));
        }
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) => SheetCell::Text(s.clone()),
            DataRef::SharedString(s) => SheetCell::Text(s.to_string()),
            DataRef::Float(v) => SheetCell::Number(*v),
            DataRef::Int(v) => SheetCell::Number(*v as f64),
            DataRef::Bool(b) => SheetCell::Text(b.to_string()),
            DataRef::DateTime(d) => SheetCell::Number(d.as_f64()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => SheetCell::Text(s.clone()),
            DataRef::Error(e) => SheetCell::Text(format!("#{e:?}")),
        };
        if out.len() <= r {
            out.resize(r + 1, Vec::new());
        }
        let row = &mut out[r];
        if row.len() <= c {
            row.resize(c + 1, SheetCell::Empty);
        }
        row[c] = value;
    }
    Ok(out)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<SheetCell>>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        "Berkas ini bukan lembar kerja Excel (.xlsx) maupun CSV UTF-8 yang dapat dibaca. Simpan sebagai \"Excel Workbook (.xlsx)\" lalu unggah lagi.".to_string()
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| format!("Baris {} berkas CSV tidak terbaca: {e}", i + 1))?;
        out.push(
            record
                .iter()
                .map(|c| {
                    let c = c.trim();
                    if c.is_empty() {
                        SheetCell::Empty
                    } else {
                        SheetCell::Text(c.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(out)
}
