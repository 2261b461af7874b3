//! A plan's annex tables as an .xlsx workbook, one sheet per table: title
//! lines, merged header rows as in the regulation, a row of column
//! numbers, then the lines. Codes are text, targets and rupiah are numbers
//! with number formats; group rows (urusan, bidang, perangkat daerah) are
//! bold and carry their subtotals; the header is frozen and repeated on
//! every printed page; pages are A4 landscape, fit to width.

use rust_xlsxwriter::{
    DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::tables::{Cell, HeaderGroup, Line, Table};
use crate::domain::annex::RowKind;

/// The lines above each table: document title, region, plan, stage.
pub struct Heading {
    pub title: String,
    pub lines: Vec<String>,
}

/// First row of the header (rows before it hold the heading).
pub const HEADER_ROW: u32 = 5;

/// The tables, then whatever sheets `more` adds (the Struktur sheet).
pub fn xlsx(
    heading: &Heading,
    tables: &[Table],
    more: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(&heading.title)
            .set_author("Selaras"),
    );
    for t in tables {
        let ws = wb.add_worksheet();
        sheet(ws, heading, t)?;
    }
    more(&mut wb)?;
    wb.save_to_buffer()
}

struct Formats {
    head: Format,
    number_row: Format,
    text: Format,
    code: Format,
    number: Format,
    money: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        Formats {
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#DDEFE8")
                .set_border(FormatBorder::Thin),
            number_row: Format::new()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_font_size(8)
                .set_border(FormatBorder::Thin),
            code: cell.clone().set_num_format("@"),
            number: cell.clone().set_num_format("#,##0.##"),
            money: cell.clone().set_num_format("#,##0"),
            text: cell,
        }
    }

    /// The format of a cell on a line of this kind.
    fn of(&self, cell: &Cell, kind: RowKind, indent: Option<usize>, column: usize) -> Format {
        let base = match cell {
            Cell::Number(_) => self.number.clone(),
            Cell::Money(_) => self.money.clone(),
            _ if column == 0 => self.code.clone(),
            _ => self.text.clone(),
        };
        let base = match indent {
            Some(d) if d > 0 => base.set_indent(d.min(15) as u8),
            _ => base,
        };
        match kind {
            RowKind::Urusan => base.set_bold().set_background_color("#F1F1F1"),
            RowKind::Bidang | RowKind::Agency => base.set_bold(),
            RowKind::Item(l) if !l.has_pagu() || l == crate::domain::plan::Level::Program => {
                base.set_bold()
            }
            RowKind::Item(_) => base,
        }
    }
}

fn sheet(ws: &mut Worksheet, heading: &Heading, t: &Table) -> Result<(), XlsxError> {
    ws.set_name(t.sheet)?;
    let f = Formats::new();
    let bold = Format::new().set_bold().set_font_size(12);
    ws.write_string_with_format(0, 0, &heading.title, &bold)?;
    for (i, l) in heading.lines.iter().enumerate().take(2) {
        ws.write_string(1 + i as u32, 0, l)?;
    }
    let caption = match t.number {
        Some(n) => format!("{n}. {}", t.title),
        None => t.title.clone(),
    };
    ws.write_string_with_format(3, 0, &caption, &Format::new().set_bold())?;

    // Header: a group row above the column titles where the table has
    // groups; a column without a group spans both rows.
    let top = HEADER_ROW;
    let titles = if t.has_groups() { top + 1 } else { top };
    for (i, c) in t.columns.iter().enumerate() {
        ws.set_column_width(i as u16, c.width)?;
    }
    for HeaderGroup { title, first, last } in t.groups() {
        match title {
            Some(g) => {
                if first == last {
                    ws.write_string_with_format(top, first as u16, &g, &f.head)?;
                } else {
                    ws.merge_range(top, first as u16, top, last as u16, &g, &f.head)?;
                }
                for c in first..=last {
                    ws.write_string_with_format(titles, c as u16, &t.columns[c].title, &f.head)?;
                }
            }
            None if titles > top => {
                ws.merge_range(
                    top,
                    first as u16,
                    titles,
                    first as u16,
                    &t.columns[first].title,
                    &f.head,
                )?;
            }
            None => {
                ws.write_string_with_format(top, first as u16, &t.columns[first].title, &f.head)?;
            }
        }
    }
    let numbers = titles + 1;
    for c in 0..t.columns.len() {
        ws.write_string_with_format(numbers, c as u16, format!("({})", c + 1), &f.number_row)?;
    }
    let mut row = numbers + 1;
    for line in &t.lines {
        write_line(ws, &f, row, line, t.indent)?;
        row += 1;
    }
    if let Some(total) = &t.total {
        let line = Line {
            kind: RowKind::Urusan,
            depth: 0,
            first: true,
            cells: total.clone(),
        };
        write_line(ws, &f, row, &line, t.indent)?;
    }
    ws.set_freeze_panes(numbers + 1, 0)?;
    ws.set_repeat_rows(top, numbers)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn write_line(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    line: &Line,
    indent: usize,
) -> Result<(), XlsxError> {
    for (c, cell) in line.cells.iter().enumerate() {
        let depth = (c == indent).then_some(line.depth);
        let format = f.of(cell, line.kind, depth, c);
        let col = c as u16;
        match cell {
            Cell::Empty => ws.write_blank(row, col, &format)?,
            Cell::Text(s) => ws.write_string_with_format(row, col, s, &format)?,
            Cell::Band(..) => ws.write_string_with_format(row, col, cell.display(), &format)?,
            Cell::Number(v) => {
                ws.write_number_with_format(row, col, decimal_to_f64(*v), &format)?
            }
            Cell::Money(v) => {
                ws.write_number_with_format(row, col, decimal_to_f64(v.amount()), &format)?
            }
        };
    }
    Ok(())
}

/// Spreadsheets hold doubles: rupiah up to 2^53 are exact.
fn decimal_to_f64(v: rust_decimal::Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    v.to_f64().unwrap_or(0.0)
}
