//! What Bappeda must hand over: the annex tables of a plan (for print and
//! as a workbook), SIPD rows, the berita acara and the Cek results.

pub mod berita_acara;
pub mod checks;
pub mod items_csv;
pub mod meeting;
pub mod recap;
pub mod round_trip;
pub mod sipd;
pub mod structure;
pub mod tables;
pub mod workbook;

/// A text cell of a CSV, safe to open in a spreadsheet: a value that
/// starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets
/// a leading apostrophe, so a title such as `=HYPERLINK(…)` stays text.
/// Numeric columns are written as numbers and never pass through here.
pub fn text_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod text_cell_tests {
    #[test]
    fn a_formula_stays_text() {
        assert_eq!(super::text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(super::text_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::text_cell("Jalan desa"), "Jalan desa");
    }
}
