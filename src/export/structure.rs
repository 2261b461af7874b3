//! The "Struktur" sheet of a plan's workbook: the cascade in a shape a
//! program can read back (`domain::plan_import`), one row per item in tree
//! order (No, Induk, Tingkat, Kode, Nama, …, pagu per year) followed by a
//! row per indicator (targets per year). A region fills the same sheet to
//! bring in a plan it already has.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};
use uuid::Uuid;

use crate::domain::indicator::format_nilai;
use crate::domain::plan_import::{COLUMNS, INDICATOR, SHEET};
use crate::store::plans::imports::State;

pub fn add_sheet(
    wb: &mut Workbook,
    years: &[i32],
    pagu_years: &[i32],
    state: &State,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEFE8")
        .set_border(FormatBorder::Thin);
    let text = Format::new().set_num_format("@");
    let number = Format::new().set_num_format("#,##0.####");
    let money = Format::new().set_num_format("#,##0");
    let bold = Format::new().set_bold().set_num_format("@");
    let mut col = 0u16;
    let widths = [
        6.0, 6.0, 14.0, 18.0, 44.0, 28.0, 16.0, 12.0, 12.0, 36.0, 10.0, 9.0, 10.0, 10.0, 10.0,
    ];
    for (title, w) in COLUMNS.iter().zip(widths) {
        ws.write_string_with_format(0, col, *title, &head)?;
        ws.set_column_width(col, w)?;
        col += 1;
    }
    let first_target = col;
    for y in years {
        ws.write_string_with_format(0, col, format!("Target {y}"), &head)?;
        ws.set_column_width(col, 10.0)?;
        col += 1;
    }
    let first_pagu = col;
    for y in pagu_years {
        ws.write_string_with_format(0, col, format!("Pagu {y}"), &head)?;
        ws.set_column_width(col, 17.0)?;
        col += 1;
    }
    let mut children: HashMap<Option<Uuid>, Vec<usize>> = HashMap::new();
    for (i, item) in state.items.iter().enumerate() {
        children.entry(item.parent_id).or_default().push(i);
    }
    let mut indicators: HashMap<Uuid, Vec<usize>> = HashMap::new();
    for (i, n) in state.indicators.iter().enumerate() {
        indicators.entry(n.item_id).or_default().push(i);
    }
    // Depth first, numbering items as they come.
    let mut stack: Vec<(usize, Option<u32>)> = children
        .get(&None)
        .map(|v| v.iter().rev().map(|i| (*i, None)).collect())
        .unwrap_or_default();
    let mut row = 1u32;
    let mut no = 0u32;
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    while let Some((i, parent)) = stack.pop() {
        let item = &state.items[i];
        no += 1;
        ws.write_number(row, 0, no as f64)?;
        if let Some(p) = parent {
            ws.write_number(row, 1, p as f64)?;
        }
        ws.write_string_with_format(row, 2, item.level.label(), &bold)?;
        ws.write_string_with_format(row, 3, item.kode.clone().unwrap_or_default(), &text)?;
        ws.write_string(row, 4, &item.nama)?;
        ws.write_string(row, 5, item.responsible_name.clone().unwrap_or_default())?;
        ws.write_string_with_format(row, 6, item.lokasi.join("; "), &text)?;
        ws.write_string(row, 7, item.sumber_dana.clone().unwrap_or_default())?;
        ws.write_string(row, 8, item.tags.join(", "))?;
        if let Some(p) = state.pagu.get(&item.id) {
            for (c, y) in pagu_years.iter().enumerate() {
                if let Some(a) = p.get(y) {
                    ws.write_number_with_format(row, first_pagu + c as u16, f(a.amount()), &money)?;
                }
            }
        }
        row += 1;
        for n in indicators.get(&item.id).into_iter().flatten() {
            let ind = &state.indicators[*n];
            ws.write_string(row, 2, INDICATOR)?;
            ws.write_string(row, 9, &ind.name)?;
            ws.write_string(row, 10, &ind.satuan)?;
            ws.write_string(row, 11, ind.polaritas.as_str())?;
            if let Some(v) = ind.kondisi_awal {
                ws.write_number_with_format(row, 12, f(v), &number)?;
            }
            if let Some(y) = ind.kondisi_awal_tahun {
                ws.write_number(row, 13, y as f64)?;
            }
            if let Some(v) = ind.kondisi_akhir {
                ws.write_number_with_format(row, 14, f(v), &number)?;
            }
            for y in state.years.get(&ind.id).into_iter().flatten() {
                let Some(c) = years.iter().position(|x| *x == y.year) else {
                    continue;
                };
                let c = first_target + c as u16;
                match (y.target, y.target_max) {
                    (Some(t), None) => {
                        ws.write_number_with_format(row, c, f(t), &number)?;
                    }
                    (Some(t), Some(m)) => {
                        ws.write_string(
                            row,
                            c,
                            format!("{}–{}", format_nilai(t), format_nilai(m)),
                        )?;
                    }
                    _ => {}
                }
            }
            row += 1;
        }
        for k in children.get(&Some(item.id)).into_iter().flatten().rev() {
            stack.push((*k, Some(no)));
        }
    }
    ws.set_freeze_panes(1, 5)?;
    Ok(())
}
