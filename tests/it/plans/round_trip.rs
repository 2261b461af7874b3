//! Targets and pagu edited in Excel and imported again: the preview shows
//! exactly what changed, nothing is written before the confirmation, and a
//! wrong file changes nothing.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use rust_decimal::Decimal;
use uuid::Uuid;

use crate::common::{TestApp, spawn_app, text};

/// The workbook's cells.
fn cells(bytes: &[u8]) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range("Target dan Pagu").unwrap();
    assert_eq!(range.start(), Some((0, 0)));
    range.rows().map(|r| r.to_vec()).collect()
}

/// Saves cells as a new workbook, as Excel would after an edit.
fn save(rows: &[Vec<Data>]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Target dan Pagu").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, d) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match d {
                Data::String(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                Data::Float(f) => {
                    ws.write_number(r, c, *f).unwrap();
                }
                Data::Int(i) => {
                    ws.write_number(r, c, *i as f64).unwrap();
                }
                _ => {}
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

async fn upload(
    app: &TestApp,
    c: &reqwest::Client,
    plan: Uuid,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name("target-pagu.xlsx");
    let form = reqwest::multipart::Form::new().part("berkas", part);
    c.post(app.url(&format!("/rencana/{plan}/impor")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn row_of<'a>(rows: &'a mut [Vec<Data>], key: &str) -> &'a mut Vec<Data> {
    rows.iter_mut()
        .find(|r| r.first() == Some(&Data::String(key.to_string())))
        .unwrap_or_else(|| panic!("no row {key}"))
}

async fn renja(app: &TestApp) -> Uuid {
    sqlx::query_scalar("SELECT id FROM plans WHERE kind = 'renja'")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn audit_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn two_cells_edited_in_excel_come_back_as_exactly_two_changes() {
    let app = spawn_app().await;
    let c = app.login("dinkes.magelang").await;
    let plan = renja(&app).await;
    let page = text(app.get(&c, &format!("/rencana/{plan}")).await).await;
    assert!(
        page.contains(&format!("href=\"/rencana/{plan}/impor\"")),
        "offered to the agency"
    );

    // A sub kegiatan's pagu and one indicator's target.
    let (item, pagu): (Uuid, Decimal) = sqlx::query_as(
        "SELECT i.id, g.amount FROM plan_items i JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' ORDER BY i.kode LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let (ind, name): (Uuid, String) = sqlx::query_as(
        "SELECT n.id, n.name FROM indicators n JOIN indicator_years y ON y.indicator_id = n.id AND y.year = 2026
         WHERE n.plan_id = $1 AND y.target IS NOT NULL AND y.target_max IS NULL ORDER BY n.name LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();

    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    assert_eq!(res.status(), 200);
    let mut rows = cells(&res.bytes().await.unwrap());
    row_of(&mut rows, &format!("pagu:{item}:2026"))[9] = Data::Float(123_456_000.0);
    row_of(&mut rows, &format!("ind:{ind}:2026"))[7] = Data::String("77,5".into());
    let before = audit_count(&app).await;

    let res = upload(&app, &c, plan, save(&rows)).await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    assert!(html.contains("<strong>2</strong> perubahan"), "{html}");
    assert!(html.contains("<strong>0</strong> baris salah"));
    assert!(html.contains("Rp123.456.000"));
    assert!(html.contains("77,5"));
    assert!(html.contains(&name));
    assert_eq!(
        audit_count(&app).await,
        before,
        "nothing written before confirmation"
    );
    let still = app.pagu(item, 2026).await;
    assert_eq!(still, pagu);

    let res = app.post_form(&c, &preview, &[]).await;
    assert_eq!(res.status(), 303);
    let html = text(app.get(&c, &preview).await).await;
    assert!(html.contains("Diterapkan"), "{html}");
    let now = app.pagu(item, 2026).await;
    assert_eq!(now, Decimal::from(123_456_000));
    let target: Decimal = sqlx::query_scalar(
        "SELECT target FROM indicator_years WHERE indicator_id = $1 AND year = 2026",
    )
    .bind(ind)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(target, Decimal::new(775, 1));
    assert_eq!(
        audit_count(&app).await,
        before + 2,
        "one audit row per indicator and item"
    );
    // The item page shows the new pagu.
    let item_page = text(app.get(&c, &format!("/item/{item}")).await).await;
    assert!(
        item_page.contains("Rp123.456.000"),
        "the item page shows it"
    );
    // A second confirmation changes nothing more.
    app.post_form(&c, &preview, &[]).await;
    assert_eq!(audit_count(&app).await, before + 2);
}

#[tokio::test]
async fn a_wrong_file_gives_a_clear_error_list_and_changes_nothing() {
    let app = spawn_app().await;
    let c = app.login("dinkes.magelang").await;
    let plan = renja(&app).await;
    let before = audit_count(&app).await;

    // Another sheet layout: the annex workbook.
    let annex = app
        .get(&c, &format!("/rencana/{plan}/unduh.xlsx"))
        .await
        .bytes()
        .await
        .unwrap();
    let res = upload(&app, &c, plan, annex.to_vec()).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("bukan lembar target dan pagu"));

    // Not a workbook at all, nor text.
    let res = upload(&app, &c, plan, vec![0xff, 0xfe, 0x00, 0x81, 0x9c]).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("bukan lembar kerja Excel"));
    // A CSV of another layout.
    let res = upload(&app, &c, plan, b"kode,nama\n1,2\n".to_vec()).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("bukan lembar target dan pagu"));

    // Text in a number cell and a key nobody knows: both rows listed.
    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    let mut rows = cells(&res.bytes().await.unwrap());
    let first = rows
        .iter()
        .position(|r| matches!(r.first(), Some(Data::String(s)) if s.starts_with("pagu:")))
        .unwrap();
    rows[first][9] = Data::String("satu miliar".into());
    rows[first + 1][0] = Data::String(format!("pagu:{}:2026", Uuid::now_v7()));
    let res = upload(&app, &c, plan, save(&rows)).await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    assert!(html.contains("<strong>2</strong> baris salah"), "{html}");
    assert!(html.contains(&format!("<td data-label=\"Baris\">{}</td>", first + 1)));
    assert!(html.contains("satu miliar"));
    assert!(
        !html.contains("Terapkan"),
        "no way to apply a file with errors"
    );
    let res = app.post_form(&c, &preview, &[]).await;
    assert_eq!(res.status(), 422);

    // Ten megabytes are refused before they are read.
    let big = vec![b'x'; 10 * 1024 * 1024];
    let res = upload(&app, &c, plan, big).await;
    assert_eq!(res.status(), 413);
    assert!(text(res).await.contains("4 MB"));
    assert_eq!(audit_count(&app).await, before, "nothing changed");
}

#[tokio::test]
async fn a_value_changed_in_selaras_after_the_export_is_a_conflict_not_an_overwrite() {
    let app = spawn_app().await;
    let c = app.login("dinkes.magelang").await;
    let plan = renja(&app).await;
    let item: Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' ORDER BY i.kode LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    let mut rows = cells(&res.bytes().await.unwrap());
    row_of(&mut rows, &format!("pagu:{item}:2026"))[9] = Data::Float(1.0);
    // Meanwhile someone changes the item in Selaras.
    sqlx::query("UPDATE plan_items SET version = version + 1 WHERE id = $1")
        .bind(item)
        .execute(&app.db)
        .await
        .unwrap();
    let res = upload(&app, &c, plan, save(&rows)).await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    assert!(html.contains("<strong>1</strong> konflik"), "{html}");
    assert!(html.contains("<strong>0</strong> perubahan"));

    // Another region's planner cannot even see the import page.
    let other = app.login("perencana.blitar").await;
    assert_eq!(app.get(&other, &preview).await.status(), 403);
    assert_eq!(
        app.get(&other, &format!("/rencana/{plan}/impor"))
            .await
            .status(),
        403
    );
}

/// An indicator of the enacted RPJMD with a target in 2025, and the
/// agency responsible for its item.
async fn enacted_indicator(app: &TestApp) -> (Uuid, Uuid, Decimal) {
    sqlx::query_as(
        "SELECT n.id, p.id, y.target FROM indicators n JOIN plans p ON p.id = n.plan_id
         JOIN plan_items i ON i.id = n.item_id
         JOIN indicator_years y ON y.indicator_id = n.id AND y.year = 2025
         WHERE p.kind = 'rpjmd' AND p.region_kode = '33.71' AND i.level = 'program' AND y.target IS NOT NULL
         ORDER BY i.kode LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn realisasi_is_recorded_on_an_enacted_plan_and_nothing_else_changes() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let (ind, _, target) = enacted_indicator(&app).await;
    let page = text(app.get(&c, &format!("/indikator/{ind}")).await).await;
    assert!(
        page.contains("Catat realisasi"),
        "offered on the enacted plan"
    );
    assert!(
        !page.contains("Simpan indikator"),
        "targets are not editable"
    );
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();

    // A bad value comes back beside its field, with what was typed.
    let res = app
        .post_form(
            &c,
            &format!("/indikator/{ind}/realisasi"),
            &[
                ("version", &version),
                ("realisasi_2025", "tinggi"),
                ("realisasi_2026", "3,5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("id=\"realisasi_2025-error\""), "{html}");
    assert!(html.contains("value=\"3,5\""));

    let res = app
        .post_form(
            &c,
            &format!("/indikator/{ind}/realisasi"),
            &[("version", &version), ("realisasi_2025", "81,25")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (t, r): (Option<Decimal>, Option<Decimal>) = sqlx::query_as(
        "SELECT target, realisasi FROM indicator_years WHERE indicator_id = $1 AND year = 2025",
    )
    .bind(ind)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(t, Some(target), "the target is as enacted");
    assert_eq!(r, Some(Decimal::new(8125, 2)));
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'indicator' AND entity_id = $1 AND action = 'update'",
    )
    .bind(ind.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1, "the change is audited");
    // The full edit stays closed, and a stale version is a conflict.
    let res = app
        .post_form(&c, &format!("/indikator/{ind}"), &[("version", &version)])
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .post_form(
            &c,
            &format!("/indikator/{ind}/realisasi"),
            &[("version", &version), ("realisasi_2025", "1")],
        )
        .await;
    assert_eq!(res.status(), 409);

    // Someone else's region may not.
    let other = app.login("perencana.blitar").await;
    let res = app
        .post_form(
            &other,
            &format!("/indikator/{ind}/realisasi"),
            &[("version", &version), ("realisasi_2025", "1")],
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn realisasi_comes_in_from_the_workbook_but_enacted_targets_do_not_change() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let (ind, plan, _) = enacted_indicator(&app).await;
    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    let mut rows = cells(&res.bytes().await.unwrap());
    let row = row_of(&mut rows, &format!("ind:{ind}:2025"));
    row[10] = Data::Float(79.5);
    row[7] = Data::Float(1.0);
    let res = upload(&app, &c, plan, save(&rows)).await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    assert!(
        html.contains("<strong>1</strong> baris salah"),
        "the target change is refused: {html}"
    );
    assert!(html.contains("<strong>1</strong> perubahan"));

    // Without the target change, the realisasi goes in.
    let row = row_of(&mut rows, &format!("ind:{ind}:2025"));
    row[7] = Data::Empty;
    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    let fresh = cells(&res.bytes().await.unwrap());
    let target = fresh
        .iter()
        .find(|r| r.first() == Some(&Data::String(format!("ind:{ind}:2025"))))
        .unwrap()[7]
        .clone();
    row_of(&mut rows, &format!("ind:{ind}:2025"))[7] = target;
    let res = upload(&app, &c, plan, save(&rows)).await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    assert!(html.contains("<strong>0</strong> baris salah"), "{html}");
    assert!(html.contains("<strong>1</strong> perubahan"), "{html}");
    assert!(html.contains("79,5"), "{html}");
    assert_eq!(app.post_form(&c, &preview, &[]).await.status(), 303);
    let r: Option<Decimal> = sqlx::query_scalar(
        "SELECT realisasi FROM indicator_years WHERE indicator_id = $1 AND year = 2025",
    )
    .bind(ind)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(r, Some(Decimal::new(795, 1)));
}

#[tokio::test]
async fn an_rkpd_perubahan_import_asks_its_reason_and_logs_it() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rkpd_perubahan"),
                ("title", "Perubahan RKPD Kota Magelang 2026"),
                ("first_year", "2026"),
                ("parent_id", &rkpd.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let plan: Uuid = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/rencana/")
        .parse()
        .unwrap();
    let item: Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' ORDER BY i.kode LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    let mut rows = cells(&res.bytes().await.unwrap());
    row_of(&mut rows, &format!("pagu:{item}:2026"))[9] = Data::Float(555_000_000.0);
    let res = upload(&app, &c, plan, save(&rows)).await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    assert!(html.contains("name=\"alasan\""), "the reason is asked");
    let res = app.post_form(&c, &preview, &[("alasan", "ok")]).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(
        html.contains("id=\"alasan-error\"") && html.contains(">ok</textarea>"),
        "kept, with its message"
    );
    let res = app
        .post_form(
            &c,
            &preview,
            &[("alasan", "Pergeseran anggaran hasil evaluasi triwulan II")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let logged: String =
        sqlx::query_scalar("SELECT reason FROM plan_changes WHERE plan_id = $1 AND entity_id = $2")
            .bind(plan)
            .bind(item)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(logged, "Pergeseran anggaran hasil evaluasi triwulan II");
}

#[tokio::test]
async fn a_preview_made_on_a_draft_is_not_applied_once_the_plan_is_enacted() {
    let app = spawn_app().await;
    let c = app.login("dinkes.magelang").await;
    let plan = renja(&app).await;
    let item: Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' ORDER BY i.kode LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .get(&c, &format!("/rencana/{plan}/target-pagu.xlsx"))
        .await;
    let mut rows = cells(&res.bytes().await.unwrap());
    row_of(&mut rows, &format!("pagu:{item}:2026"))[9] = Data::Float(7.0);
    let res = upload(&app, &c, plan, save(&rows)).await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    sqlx::query("UPDATE plans SET stage = 'ditetapkan' WHERE id = $1")
        .bind(plan)
        .execute(&app.db)
        .await
        .unwrap();
    let before = audit_count(&app).await;
    let res = app.post_form(&c, &preview, &[]).await;
    assert!(
        res.status() == 403 || res.status() == 422,
        "{}",
        res.status()
    );
    assert_eq!(audit_count(&app).await, before, "nothing written");
}
