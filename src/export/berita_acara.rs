//! The berita acara of a konsultasi publik as a spreadsheet: every public
//! input with who gave it, when, about what, and its tindak lanjut.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// One row of the berita acara.
pub struct Input {
    pub number: usize,
    pub date: String,
    /// When it was given: a date cell in the workbook.
    pub at: time::OffsetDateTime,
    pub author: String,
    pub organization: String,
    pub about: String,
    pub body: String,
    pub status: String,
    pub answer: String,
}

pub fn xlsx(
    title: &str,
    region: &str,
    closed: &str,
    inputs: &[Input],
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Berita Acara")?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEFE8")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy hh:mm")
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    ws.write_string_with_format(0, 0, "BERITA ACARA KONSULTASI PUBLIK", &bold)?;
    ws.write_string(1, 0, title)?;
    ws.write_string(2, 0, region)?;
    ws.write_string(3, 0, format!("Konsultasi ditutup: {closed}"))?;
    let headers = [
        "No",
        "Tanggal",
        "Nama",
        "Lembaga",
        "Bagian yang ditanggapi",
        "Masukan",
        "Tindak lanjut",
        "Jawaban",
    ];
    let widths = [5.0, 20.0, 24.0, 30.0, 34.0, 60.0, 18.0, 60.0];
    for (i, (h, w)) in headers.iter().zip(widths).enumerate() {
        ws.write_string_with_format(5, i as u16, *h, &head)?;
        ws.set_column_width(i as u16, w)?;
    }
    for (r, input) in inputs.iter().enumerate() {
        let row = 6 + r as u32;
        ws.write_number_with_format(row, 0, input.number as f64, &wrap)?;
        let t = input.at.to_offset(crate::format::WIB);
        let when = ExcelDateTime::from_ymd(t.year() as u16, t.month() as u8, t.day())?.and_hms(
            t.hour() as u16,
            t.minute(),
            t.second(),
        )?;
        ws.write_datetime_with_format(row, 1, &when, &date)?;
        for (c, v) in [
            &input.author,
            &input.organization,
            &input.about,
            &input.body,
            &input.status,
            &input.answer,
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string_with_format(row, 2 + c as u16, v.as_str(), &wrap)?;
        }
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_with_every_input() {
        let bytes = xlsx(
            "RKPD Kota Magelang 2026",
            "Kota Magelang",
            "20 Februari 2026",
            &[Input {
                number: 1,
                date: "10 Februari 2026".into(),
                at: time::macros::datetime!(2026-02-10 09:30 +7),
                author: "Sri Wahyuni".into(),
                organization: "TP PKK Kota Magelang".into(),
                about: "Bab II, paragraf 1".into(),
                body: "Mohon posyandu".into(),
                status: "Diterima".into(),
                answer: "Diakomodasi".into(),
            }],
        )
        .unwrap();
        assert_eq!(&bytes[..2], b"PK", "an xlsx is a zip file");
        assert!(bytes.len() > 1000);
    }
}
