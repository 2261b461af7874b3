//! Cek Keselarasan results as a spreadsheet.

use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use crate::domain::checks::Finding;

pub fn xlsx(
    title: &str,
    findings: &[Finding],
    agency: impl Fn(&Finding) -> String,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Cek Keselarasan")?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEFE8")
        .set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    ws.write_string_with_format(0, 0, "CEK KESELARASAN", &bold)?;
    ws.write_string(1, 0, title)?;
    let headers = [
        "Aturan",
        "Tingkat",
        "Temuan",
        "Item",
        "Perangkat daerah",
        "Rincian",
        "Tautan perbaikan",
    ];
    for (c, (h, w)) in headers
        .iter()
        .zip([8.0, 12.0, 60.0, 50.0, 32.0, 40.0, 40.0])
        .enumerate()
    {
        ws.write_string_with_format(3, c as u16, *h, &head)?;
        ws.set_column_width(c as u16, w)?;
    }
    for (r, f) in findings.iter().enumerate() {
        let row = 4 + r as u32;
        let items = f
            .items
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let detail = f
            .detail
            .iter()
            .map(|(l, v)| format!("{l}: {v}"))
            .collect::<Vec<_>>()
            .join("; ");
        for (c, v) in [
            f.rule.to_string(),
            f.severity.label().to_string(),
            f.message.clone(),
            items,
            agency(f),
            detail,
            f.link.clone(),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string_with_format(row, c as u16, v, &wrap)?;
        }
    }
    wb.save_to_buffer()
}
