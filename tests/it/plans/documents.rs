//! A plan taken away as the law and SIPD ask for it: the annex workbook of
//! every demo plan read back with calamine, the SIPD rows, the print view,
//! and the same visibility as the plan page.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::common::{self, spawn_app, text};

/// Every sheet of a workbook as rows of cells.
fn sheets(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx workbook");
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

#[tokio::test]
async fn every_demo_plan_downloads_as_its_annex_workbook_with_every_item() {
    let app = spawn_app().await;
    let magelang = app.login("perencana.magelang").await;
    let blitar = app.login("perencana.blitar").await;
    let plans: Vec<(Uuid, String, String, i32)> = sqlx::query_as(
        "SELECT id, region_kode, kind::text, first_year FROM plans ORDER BY kind, region_kode",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(plans.len(), 11);
    for (id, region, kind, year) in plans {
        let c = if region.starts_with("35") {
            &blitar
        } else {
            &magelang
        };
        let res = app.get(c, &format!("/rencana/{id}/unduh.xlsx")).await;
        assert_eq!(res.status(), 200, "{kind} {region}");
        let name = res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_string();
        let kind_slug = kind.replace('_', "-");
        assert!(
            name.contains(&format!("filename=\"{kind_slug}-")) && name.contains(&year.to_string()),
            "the file name says kind and year: {name}"
        );
        let bytes = res.bytes().await.unwrap().to_vec();
        let all: Vec<String> = sheets(bytes)
            .into_iter()
            .flat_map(|(_, rows)| rows.into_iter().flatten().map(|d| cell_text(&d)))
            .collect();
        let items: Vec<String> =
            sqlx::query_scalar("SELECT nama FROM plan_items WHERE plan_id = $1")
                .bind(id)
                .fetch_all(&app.db)
                .await
                .unwrap();
        assert!(!items.is_empty());
        for nama in items {
            assert!(
                all.iter().any(|c| c.contains(&nama)),
                "{kind} {region}: item \"{nama}\" missing from the workbook"
            );
        }
    }
}

#[tokio::test]
async fn the_rkpd_workbook_keeps_codes_as_text_money_as_numbers_and_sums_per_group() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let id = app.plan_id("33.71", "rkpd").await;
    let res = app.get(&c, &format!("/rencana/{id}/unduh.xlsx")).await;
    assert_eq!(res.status(), 200);
    let book = sheets(res.bytes().await.unwrap().to_vec());
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Prioritas", "Rencana kerja dan pendanaan", "Struktur"]
    );
    let rows = &book[1].1;
    // The header: a group row, the column titles, the column numbers.
    let header = rows
        .iter()
        .position(|r| r.iter().any(|d| cell_text(d) == "Pagu indikatif (Rp)"))
        .expect("column titles");
    let pagu_col = rows[header]
        .iter()
        .position(|d| cell_text(d) == "Pagu indikatif (Rp)")
        .unwrap();
    assert!(
        rows[header - 1]
            .iter()
            .any(|d| cell_text(d) == "Rencana tahun 2026"),
        "the merged group above the titles"
    );
    assert_eq!(cell_text(&rows[header + 1][0]), "(1)");

    // One known sub kegiatan: its code is text, its pagu a number.
    let (kode, nama, amount): (String, String, Decimal) = sqlx::query_as(
        "SELECT i.kode, i.nama, g.amount FROM plan_items i JOIN item_pagu g ON g.item_id = i.id
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' AND g.year = 2026 ORDER BY i.kode DESC LIMIT 1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let row = rows
        .iter()
        .find(|r| r[0] == Data::String(kode.clone()))
        .unwrap_or_else(|| panic!("no row for {kode}"));
    assert_eq!(cell_text(&row[1]), nama);
    assert_eq!(
        row[pagu_col],
        Data::Float(amount.to_string().parse().unwrap())
    );

    // The total is the sum of the programs; each bidang urusan row sums its
    // own programs.
    let total: Decimal = sqlx::query_scalar(
        "SELECT sum(g.amount) FROM plan_items i JOIN item_pagu g ON g.item_id = i.id
         WHERE i.plan_id = $1 AND i.level = 'program' AND g.year = 2026",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let jumlah = rows
        .iter()
        .find(|r| r.iter().any(|d| cell_text(d) == "Jumlah"))
        .expect("a Jumlah row");
    assert_eq!(
        jumlah[pagu_col],
        Data::Float(total.to_string().parse().unwrap())
    );
    let bidang_health: Decimal = sqlx::query_scalar(
        "SELECT sum(g.amount) FROM plan_items i JOIN item_pagu g ON g.item_id = i.id
         WHERE i.plan_id = $1 AND i.level = 'program' AND i.kode LIKE '1.02.%' AND g.year = 2026",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let bidang_row = rows
        .iter()
        .find(|r| r[0] == Data::String("1.02".into()))
        .expect("the row of bidang urusan 1.02");
    assert_eq!(
        bidang_row[pagu_col],
        Data::Float(bidang_health.to_string().parse().unwrap())
    );
}

#[tokio::test]
async fn sipd_rows_list_every_sub_kegiatan_with_plain_numbers() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let id = app.plan_id("33.71", "rkpd").await;
    let res = app.get(&c, &format!("/rencana/{id}/sipd.csv")).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = text(res).await;
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let subs: Vec<(String, Option<Decimal>)> = sqlx::query_as(
        "SELECT i.kode, g.amount FROM plan_items i LEFT JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan'",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(records.len(), subs.len(), "one row per sub kegiatan");
    for (kode, amount) in subs {
        let r = records
            .iter()
            .find(|r| &r[col("Kode sub kegiatan")] == kode.as_str())
            .unwrap();
        let pagu = &r[col("Pagu 2026")];
        assert_eq!(
            pagu,
            amount
                .map(|a| a.normalize().to_string())
                .unwrap_or_default()
        );
        assert!(!pagu.contains(','), "no thousands separator: {pagu}");
    }
    let lokasi = records
        .iter()
        .map(|r| r[col("Lokasi (kab/kota › kecamatan › desa/kelurahan)")].to_string())
        .find(|l| !l.is_empty())
        .unwrap();
    assert!(lokasi.starts_with("Kota Magelang › "), "{lokasi}");

    // The same rows as a workbook; and no SIPD rows for a plan without
    // sub kegiatan years (an RPJMD).
    let res = app.get(&c, &format!("/rencana/{id}/sipd.xlsx")).await;
    assert_eq!(res.status(), 200);
    let book = sheets(res.bytes().await.unwrap().to_vec());
    let data_rows = book[0]
        .1
        .iter()
        .filter(|r| matches!(r.first(), Some(Data::Float(_))))
        .count();
    assert_eq!(data_rows, records.len());
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    assert_eq!(
        app.get(&c, &format!("/rencana/{rpjmd}/sipd.csv"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn the_print_view_holds_the_whole_plan_and_marks_drafts() {
    let app = spawn_app().await;
    let anon = common::client();
    // The RKPD is in konsultasi publik: public, and still a draft.
    let id = app.plan_id("33.71", "rkpd").await;
    let page = text(app.get(&anon, &format!("/rencana/{id}")).await).await;
    assert!(
        page.contains(&format!("href=\"/rencana/{id}/cetak\"")),
        "linked from the plan page"
    );
    let res = app.get(&anon, &format!("/rencana/{id}/cetak")).await;
    assert_eq!(res.status(), 200);
    let html = text(res).await;
    assert!(html.contains("class=\"cover-draft\">RANCANGAN"));
    assert!(html.contains("Daftar isi"));
    let sections: Vec<String> =
        sqlx::query_scalar("SELECT title FROM plan_sections WHERE plan_id = $1")
            .bind(id)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert!(!sections.is_empty());
    for s in sections {
        assert!(html.contains(&s), "chapter {s}");
    }
    let last: String = sqlx::query_scalar(
        "SELECT nama FROM plan_items WHERE plan_id = $1 AND level = 'sub_kegiatan' ORDER BY kode DESC LIMIT 1",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(html.contains(&last));
    assert!(
        !html.contains("<nav class=\"top"),
        "no site navigation in print"
    );

    // An enacted plan is not marked as a draft.
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let html = text(app.get(&anon, &format!("/rencana/{rpjmd}/cetak")).await).await;
    assert!(!html.contains("RANCANGAN"));
    assert!(html.contains("Tabel T-C.14"));
}

#[tokio::test]
async fn documents_of_a_plan_follow_the_plan_page_visibility() {
    let app = spawn_app().await;
    // The Renja is in its internal rancangan stage.
    let id = app.plan_id("33.71", "renja").await;
    let anon = common::client();
    let other = app.login("perencana.blitar").await;
    let own = app.login("dinkes.magelang").await;
    for path in ["cetak", "unduh.xlsx", "sipd.xlsx", "sipd.csv"] {
        let url = format!("/rencana/{id}/{path}");
        let res = app.get(&anon, &url).await;
        assert_eq!(res.status(), 303, "{path} for the public");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
        assert_eq!(
            app.get(&other, &url).await.status(),
            403,
            "{path} for another region"
        );
        assert_eq!(
            app.get(&own, &url).await.status(),
            200,
            "{path} for its agency"
        );
    }
}

#[tokio::test]
async fn the_months_of_a_sub_kegiatan_are_chosen_on_its_page_and_go_to_sipd() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let (id, parent, kode, nama, org, version): (Uuid, Uuid, String, String, Uuid, i32) =
        sqlx::query_as(
            "SELECT id, parent_id, kode, nama, responsible_org_id, version FROM plan_items
         WHERE plan_id = $1 AND level = 'sub_kegiatan' ORDER BY kode LIMIT 1",
        )
        .bind(rkpd)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let form = |first: &str, last: &str| {
        vec![
            ("parent_id", parent.to_string()),
            ("kode", kode.clone()),
            ("nama", nama.clone()),
            ("responsible_org_id", org.to_string()),
            ("sumber_dana", "APBD".to_string()),
            ("bulan_mulai", first.to_string()),
            ("bulan_selesai", last.to_string()),
            ("version", version.to_string()),
        ]
    };
    let res = c
        .post(app.url(&format!("/item/{id}")))
        .form(&form("9", "3"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(
        html.contains("id=\"bulan_selesai-error\""),
        "beside the field"
    );
    assert!(
        html.contains("<option value=\"9\" selected>September"),
        "what was chosen stays"
    );
    let res = c
        .post(app.url(&format!("/item/{id}")))
        .form(&form("3", "9"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let page = text(app.get(&c, &format!("/item/{id}")).await).await;
    assert!(page.contains("Maret–September"));

    let body = text(app.get(&c, &format!("/rencana/{rkpd}/sipd.csv")).await).await;
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[col("Kode sub kegiatan")] == kode.as_str())
        .unwrap();
    assert_eq!(
        (&row[col("Bulan awal")], &row[col("Bulan akhir")]),
        ("3", "9")
    );
}
