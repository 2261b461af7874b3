//! A region's additions to the nomenclature master, as a CSV file in the
//! national list's own layout: `kode,level,nama,indikator,satuan`. This
//! module reads and checks the file row by row; whether a code or its
//! parent exists already is for `store` to answer.

use super::kode::KodeNomenklatur;
use super::plan::Level;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line in the file (the header is line 1).
    pub line: usize,
    pub kode: String,
    pub level: Level,
    pub nama: String,
    pub indikator: Option<String>,
    pub satuan: Option<String>,
}

impl Row {
    pub fn level_str(&self) -> &'static str {
        self.level.as_str()
    }

    /// The code this row hangs under: bidang `1.02` for a program.
    pub fn parent_kode(&self) -> String {
        let parts: Vec<&str> = self.kode.split('.').collect();
        let keep = match self.level {
            Level::Program => 2,
            Level::Kegiatan => 3,
            _ => 5,
        };
        parts[..keep].join(".")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: usize,
    pub message: String,
}

pub const MAX_ROWS: usize = 5000;

/// Reads the file. Every problem is reported with its line; rows with a
/// problem are not returned.
pub fn parse(text: &str) -> (Vec<Row>, Vec<RowError>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(h)
            if h.iter()
                .take(3)
                .map(|s| s.to_lowercase())
                .eq(["kode", "level", "nama"]) => {}
        _ => {
            errors.push(RowError {
                line: 1,
                message: crate::i18n::t("baris-judul-harus-kode-level-nama").into(),
            });
            return (rows, errors);
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        if line > MAX_ROWS + 1 {
            errors.push(RowError {
                line,
                message: crate::i18n::tf!("berkas-melebihi-baris", MAX_ROWS = MAX_ROWS),
            });
            break;
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    line,
                    message: crate::i18n::tf!("baris-tidak-terbaca", e = e),
                });
                continue;
            }
        };
        let field = |n: usize| rec.get(n).unwrap_or("").trim().to_string();
        let (kode, level, nama) = (field(0), field(1), field(2));
        let mut problems = Vec::new();
        let parsed = KodeNomenklatur::parse(&kode);
        let level = Level::parse(&level).filter(|l| l.is_budgeted());
        match (&parsed, level) {
            (Err(m), _) => problems.push(m.clone()),
            (_, None) => {
                problems.push(crate::i18n::t("level-harus-program-kegiatan-atau-sub").into())
            }
            (Ok(k), Some(l)) if k.level() != l => problems.push(format!(
                "Kode {k} adalah {}, bukan {}.",
                k.level().label().to_lowercase(),
                l.label().to_lowercase()
            )),
            _ => {}
        }
        if nama.is_empty() || nama.chars().count() > 500 {
            problems.push(crate::i18n::t("nama-wajib-diisi-maksimal-500-karakter").into());
        }
        if !kode.is_empty() && !seen.insert(kode.clone()) {
            problems.push(crate::i18n::tf!(
                "kode-muncul-lebih-dari-sekali-dalam",
                kode = kode
            ));
        }
        let opt = |s: String| (!s.is_empty()).then_some(s);
        match (problems.is_empty(), level) {
            (true, Some(level)) => rows.push(Row {
                line,
                kode,
                level,
                nama,
                indikator: opt(field(3)),
                satuan: opt(field(4)),
            }),
            _ => errors.extend(
                problems
                    .into_iter()
                    .map(|message| RowError { line, message }),
            ),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError {
            line: 1,
            message: crate::i18n::t("berkas-tidak-berisi-baris-data").into(),
        });
    }
    (rows, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_reads_row_by_row() {
        let (rows, errors) = parse(
            "kode,level,nama,indikator,satuan\n1.02.02.2.01.0099,sub_kegiatan,\"Penyediaan Layanan Posyandu Keliling\",Jumlah posyandu keliling,Unit\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].parent_kode(), "1.02.02.2.01");
        assert_eq!(rows[0].satuan.as_deref(), Some("Unit"));
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let (rows, errors) = parse(
            "kode,level,nama,indikator,satuan\n1.2.3,program,X,,\n1.02.02.2.01,program,Salah level,,\n1.02.02.2.90,kegiatan,,,\n1.02.02.2.91,kegiatan,Ok,,\n1.02.02.2.91,kegiatan,Ganda,,\n",
        );
        assert_eq!(rows.len(), 1);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 6], "{errors:?}");
    }

    #[test]
    fn a_file_without_the_header_is_refused() {
        let (rows, errors) = parse("1.02.02,program,X,,\n");
        assert!(rows.is_empty());
        assert_eq!(errors[0].line, 1);
    }
}
