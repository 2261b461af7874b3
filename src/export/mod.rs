//! Spreadsheet exports (.xlsx) Bappeda must produce.

pub mod berita_acara;
pub mod checks;
