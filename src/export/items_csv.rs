//! A plan's cascade as open data (issue 16, point 3): one line per item
//! and indicator (an item without indicators gets one line), from the same
//! annex tables as the print view, so a reader gets exactly what the page
//! shows. Targets and pagu per year in their own columns; numbers with a
//! decimal point and no grouping; UTF-8 with a byte-order mark.

use rust_decimal::Decimal;

use crate::domain::annex::{Annex, Row, RowKind};

pub fn csv(annex: &Annex, years: &[i32]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let mut header: Vec<String> = [
        "tabel",
        "tingkat",
        "kode",
        "uraian",
        "indikator",
        "satuan",
        "kondisi_awal",
    ]
    .map(String::from)
    .to_vec();
    header.extend(years.iter().map(|y| format!("target_{y}")));
    header.extend(years.iter().map(|y| format!("pagu_{y}")));
    header.extend(["perangkat_daerah", "lokasi", "sumber_dana"].map(String::from));
    w.write_record(&header)?;
    let num = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let tables = [("strategis", &annex.strategic), ("program", &annex.program)];
    for (table, rows) in tables {
        for row in rows.iter().filter(|r| matches!(r.kind, RowKind::Item(_))) {
            let lines: Vec<Option<&crate::domain::annex::IndicatorRow>> =
                if row.indicators.is_empty() {
                    vec![None]
                } else {
                    row.indicators.iter().map(Some).collect()
                };
            for ind in lines {
                let t = |s: &str| super::text_cell(s).into_owned();
                let mut rec = vec![
                    table.to_string(),
                    row.kind.label().to_string(),
                    row.kode.clone(),
                    t(&row.name),
                    ind.map(|i| t(&i.name)).unwrap_or_default(),
                    ind.map(|i| t(&i.satuan)).unwrap_or_default(),
                    num(ind.and_then(|i| i.kondisi_awal)),
                ];
                rec.extend(years.iter().map(|y| match ind.and_then(|i| i.target(*y)) {
                    Some((v, Some(max))) => format!("{}-{}", v.normalize(), max.normalize()),
                    Some((v, None)) => v.normalize().to_string(),
                    None => String::new(),
                }));
                rec.extend(
                    years
                        .iter()
                        .map(|y| num(row.pagu_in(*y).map(crate::domain::money::Rupiah::amount))),
                );
                rec.extend(pagu_tail(row));
                w.write_record(&rec)?;
            }
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

fn pagu_tail(row: &Row) -> [String; 3] {
    [&row.agency, &row.lokasi, &row.sumber_dana].map(|s| super::text_cell(s).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::annex::IndicatorRow;
    use crate::domain::plan::Level;
    use std::collections::BTreeMap;
    use std::str::FromStr;

    #[test]
    fn one_line_per_item_and_indicator_with_plain_numbers() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let mut sub = Row::empty(RowKind::Item(Level::SubKegiatan));
        sub.kode = "1.02.02.2.02.0001".into();
        sub.name = "Pelayanan \"posyandu\", balita".into();
        sub.pagu = BTreeMap::from([(2026, crate::domain::money::Rupiah::new(d("1500000.00")))]);
        sub.agency = "Dinas Kesehatan".into();
        sub.indicators = vec![IndicatorRow {
            id: uuid::Uuid::nil(),
            name: "Balita dilayani".into(),
            satuan: "persen".into(),
            kondisi_awal: Some(d("80.50")),
            targets: BTreeMap::from([(2026, (d("85"), Some(d("90"))))]),
            kondisi_akhir: None,
        }];
        let group = Row::empty(RowKind::Agency);
        let annex = Annex {
            strategic: Vec::new(),
            program: vec![group, sub],
            total: BTreeMap::new(),
        };
        let bytes = csv(&annex, &[2026, 2027]).unwrap();
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "tabel,tingkat,kode,uraian,indikator,satuan,kondisi_awal,target_2026,target_2027,pagu_2026,pagu_2027,perangkat_daerah,lokasi,sumber_dana"
        );
        assert_eq!(lines.len(), 2, "group rows are not items: {text}");
        assert_eq!(
            lines[1],
            "program,Sub kegiatan,1.02.02.2.02.0001,\"Pelayanan \"\"posyandu\"\", balita\",Balita dilayani,persen,80.5,85-90,,1500000,,Dinas Kesehatan,,"
        );
    }
}
