//! A meeting's berita acara as a spreadsheet: the meeting (kind, date,
//! place, organizer, agenda), invited organizations, attendance (names
//! only for those who may read them), decisions on proposals, minutes.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::store::meetings::{Attendee, Decided, Meeting};

pub fn xlsx(
    m: &Meeting,
    kind: &str,
    invitees: &[String],
    attendance: &[Attendee],
    names: bool,
    decisions: &[Decided],
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Berita Acara")?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_background_color("#DDEFE8")
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_width(2, 40)?;
    ws.set_column_width(3, 40)?;
    ws.write_string_with_format(0, 0, format!("BERITA ACARA {}", kind.to_uppercase()), &bold)?;
    ws.write_string(1, 0, &m.title)?;
    let facts = [
        ("Wilayah", m.region_nama.clone()),
        ("Tanggal", crate::domain::musrenbang::tanggal(m.held_on)),
        ("Tempat", m.place.clone()),
        ("Penyelenggara", m.organizer_name.clone()),
        ("Agenda", m.agenda.clone()),
    ];
    let mut row = 3;
    for (k, v) in facts {
        ws.write_string_with_format(row, 0, k, &bold)?;
        ws.write_string(row, 1, super::text_cell(&v).as_ref())?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Diundang", &bold)?;
    for (i, o) in invitees.iter().enumerate() {
        ws.write_string(row + 1 + i as u32, 1, super::text_cell(o).as_ref())?;
    }
    row += 2 + invitees.len() as u32;
    ws.write_string_with_format(
        row,
        0,
        format!("Daftar hadir ({} orang)", attendance.len()),
        &bold,
    )?;
    row += 1;
    for (c, h) in [
        "No",
        if names { "Nama" } else { "Unsur/organisasi" },
        if names { "Unsur/organisasi" } else { "" },
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, *h, &head)?;
    }
    for (i, a) in attendance.iter().enumerate() {
        let r = row + 1 + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &cell)?;
        if names {
            ws.write_string_with_format(r, 1, super::text_cell(&a.name).as_ref(), &cell)?;
            ws.write_string_with_format(r, 2, super::text_cell(&a.org_name).as_ref(), &cell)?;
        } else {
            ws.write_string_with_format(r, 1, super::text_cell(&a.org_name).as_ref(), &cell)?;
        }
    }
    row += 2 + attendance.len() as u32;
    ws.write_string_with_format(row, 0, "Keputusan atas usulan", &bold)?;
    row += 1;
    for (c, h) in ["No", "Usulan", "Keputusan", "Catatan"].iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &head)?;
    }
    for (i, d) in decisions.iter().enumerate() {
        let r = row + 1 + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &cell)?;
        let what = format!("{} {} ({})", d.nomor, d.title, d.wilayah_nama);
        ws.write_string_with_format(r, 1, super::text_cell(&what).as_ref(), &cell)?;
        ws.write_string_with_format(r, 2, d.to_status.label(), &cell)?;
        ws.write_string_with_format(r, 3, super::text_cell(&d.recommendation).as_ref(), &cell)?;
    }
    row += 2 + decisions.len() as u32;
    ws.write_string_with_format(row, 0, "Notulen", &bold)?;
    ws.write_string_with_format(row + 1, 1, super::text_cell(&m.minutes).as_ref(), &cell)?;
    wb.save_to_buffer()
}
