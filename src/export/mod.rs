//! What Bappeda must hand over: the annex tables of a plan (for print and
//! as a workbook), SIPD rows, the berita acara and the Cek results.

pub mod berita_acara;
pub mod checks;
pub mod items_csv;
pub mod recap;
pub mod round_trip;
pub mod sipd;
pub mod structure;
pub mod tables;
pub mod workbook;
