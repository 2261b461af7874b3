//! A region brings in a plan it already has: the "Struktur" sheet of one
//! plan's workbook fills a new, empty plan with the same tree, indicators,
//! targets and pagu; a wrong file changes nothing.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use uuid::Uuid;

use crate::common::{TestApp, spawn_app, text};

async fn upload(
    app: &TestApp,
    c: &reqwest::Client,
    plan: Uuid,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name("rpjmd.xlsx");
    let form = reqwest::multipart::Form::new().part("berkas", part);
    c.post(app.url(&format!("/rencana/{plan}/isi")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The tree of a plan as (level, kode, nama, parent's nama) and its pagu
/// per year over all items, for comparison.
async fn shape(
    app: &TestApp,
    plan: Uuid,
) -> (
    Vec<(String, String, String, String)>,
    BTreeMap<i32, Decimal>,
    i64,
) {
    let mut tree: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT i.level::text, COALESCE(i.kode, ''), i.nama, COALESCE(p.nama, '')
         FROM plan_items i LEFT JOIN plan_items p ON p.id = i.parent_id WHERE i.plan_id = $1",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    tree.sort();
    let pagu: Vec<(i32, Decimal)> = sqlx::query_as(
        "SELECT g.year, sum(g.amount) FROM item_pagu g JOIN plan_items i ON i.id = g.item_id
         WHERE i.plan_id = $1 GROUP BY g.year ORDER BY g.year",
    )
    .bind(plan)
    .fetch_all(&app.db)
    .await
    .unwrap();
    let targets: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM indicator_years y JOIN indicators n ON n.id = y.indicator_id
         WHERE n.plan_id = $1 AND y.target IS NOT NULL",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    (tree, pagu.into_iter().collect(), targets)
}

#[tokio::test]
async fn a_plans_own_workbook_fills_a_new_plan_with_the_same_tree_and_sums() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let (rpjmd, rpjpd): (Uuid, Uuid) = sqlx::query_as(
        "SELECT id, parent_id FROM plans WHERE kind = 'rpjmd' AND region_kode = '33.71'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let workbook = app
        .get(&c, &format!("/rencana/{rpjmd}/unduh.xlsx"))
        .await
        .bytes()
        .await
        .unwrap();

    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rpjmd"),
                ("title", "RPJMD Kota Magelang 2025–2029 (dibawa masuk)"),
                ("first_year", "2025"),
                ("last_year", "2029"),
                ("parent_id", &rpjpd.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let fresh: Uuid = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/rencana/")
        .parse()
        .unwrap();
    let page = text(app.get(&c, &format!("/rencana/{fresh}")).await).await;
    assert!(
        page.contains(&format!("href=\"/rencana/{fresh}/isi\"")),
        "offered on the empty plan"
    );

    let res = upload(&app, &c, fresh, workbook.to_vec()).await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = text(app.get(&c, &preview).await).await;
    let (tree, pagu, targets) = shape(&app, rpjmd).await;
    assert!(
        html.contains(&format!("Masukkan {} item ke rencana", tree.len())),
        "{html}"
    );
    assert!(!html.contains("Baris yang salah"), "{html}");
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items WHERE plan_id = $1")
        .bind(fresh)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(before, 0, "nothing before the confirmation");

    let res = app.post_form(&c, &preview, &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        shape(&app, fresh).await,
        (tree, pagu, targets),
        "the same tree, pagu and targets"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'plan_item' AND action = 'create'
           AND after->>'nama' IN (SELECT nama FROM plan_items WHERE plan_id = $1)",
    )
    .bind(fresh)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(audited >= before, "each item audited");

    // A second go at the now filled plan is refused.
    let again = app.post_form(&c, &preview, &[]).await;
    assert_eq!(
        again.status(),
        303,
        "the same confirmation twice does nothing"
    );
    let page = text(app.get(&c, &format!("/rencana/{fresh}/isi")).await).await;
    assert!(page.contains("sudah berisi"));
}

#[tokio::test]
async fn a_wrong_workbook_changes_nothing() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let rpjpd = app.plan_id("33.71", "rpjpd").await;
    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rpjmd"),
                ("title", "RPJMD percobaan impor"),
                ("first_year", "2025"),
                ("last_year", "2029"),
                ("parent_id", &rpjpd.to_string()),
            ],
        )
        .await;
    let fresh: Uuid = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/rencana/")
        .parse()
        .unwrap();
    // An RKPD's workbook: its Struktur sheet has RKPD levels and years.
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let wrong = app
        .get(&c, &format!("/rencana/{rkpd}/unduh.xlsx"))
        .await
        .bytes()
        .await
        .unwrap();
    let res = upload(&app, &c, fresh, wrong.to_vec()).await;
    let status = res.status();
    let html = if status == 303 {
        let preview = res.headers()["location"].to_str().unwrap().to_string();
        let html = text(app.get(&c, &preview).await).await;
        assert_eq!(
            app.post_form(&c, &preview, &[]).await.status(),
            422,
            "errors block the confirmation"
        );
        html
    } else {
        assert_eq!(status, 422);
        text(res).await
    };
    assert!(
        html.contains("Pagu 2027") || html.contains("tidak dapat berada"),
        "{html}"
    );
    // Not a workbook.
    let res = upload(&app, &c, fresh, b"No,Induk\n".to_vec()).await;
    assert_eq!(res.status(), 422);
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items WHERE plan_id = $1")
        .bind(fresh)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(items, 0);
    // Someone who may not edit the plan cannot even open the page.
    let agency = app.login("dinkes.magelang").await;
    assert_eq!(
        app.get(&agency, &format!("/rencana/{fresh}/isi"))
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn an_rkpd_comes_in_from_its_sipd_rows() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let (rkpd, rpjmd): (Uuid, Uuid) = sqlx::query_as(
        "SELECT id, parent_id FROM plans WHERE kind = 'rkpd' AND region_kode = '33.71'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let csv = app
        .get(&c, &format!("/rencana/{rkpd}/sipd.csv"))
        .await
        .bytes()
        .await
        .unwrap();
    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rkpd"),
                ("title", "RKPD 2026 dari SIPD"),
                ("first_year", "2026"),
                ("parent_id", &rpjmd.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let fresh: Uuid = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/rencana/")
        .parse()
        .unwrap();
    let send = |bytes: Vec<u8>| {
        let c = c.clone();
        let url = app.url(&format!("/rencana/{fresh}/isi"));
        async move {
            let part = reqwest::multipart::Part::bytes(bytes).file_name("sipd.csv");
            let res = c
                .post(url)
                .multipart(reqwest::multipart::Form::new().part("berkas", part))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 303, "{}", text(res).await);
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };
    // The demo RKPD holds a sub kegiatan with a code outside the
    // nomenclature (its K02 slip): the import names that row.
    let csv = String::from_utf8(csv.to_vec()).unwrap();
    let bad = csv
        .lines()
        .position(|l| l.contains(".0999,"))
        .expect("the demo's slip")
        + 1;
    let preview = send(csv.clone().into_bytes()).await;
    let html = text(app.get(&c, &preview).await).await;
    assert!(
        html.contains(&format!(
            "<td data-label=\"Baris\">{bad}</td><td data-label=\"Masalah\">Kode 1.02.02.2.02.0999"
        )),
        "{html}"
    );
    assert_eq!(app.post_form(&c, &preview, &[]).await.status(), 422);
    // Without it, the rest comes in.
    let clean: String = csv
        .lines()
        .filter(|l| !l.contains(".0999,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let preview = send(clean.into_bytes()).await;
    let html = text(app.get(&c, &preview).await).await;
    assert!(!html.contains("Baris yang salah"), "{html}");
    assert_eq!(app.post_form(&c, &preview, &[]).await.status(), 303);

    // Every sub kegiatan with its pagu, places and months.
    type Sub = (
        String,
        String,
        Option<Decimal>,
        Option<Decimal>,
        Vec<String>,
        Option<i16>,
        Option<i16>,
    );
    let subs = |plan: Uuid| {
        let db = app.db.clone();
        async move {
            let mut v: Vec<Sub> = sqlx::query_as(
                "SELECT i.kode, i.nama,
                        (SELECT amount FROM item_pagu WHERE item_id = i.id AND year = 2026),
                        (SELECT amount FROM item_pagu WHERE item_id = i.id AND year = 2027),
                        (SELECT array_agg(l ORDER BY l) FROM unnest(i.lokasi) l),
                        i.bulan_mulai, i.bulan_selesai
                 FROM plan_items i WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan'",
            )
            .bind(plan)
            .fetch_all(&db)
            .await
            .unwrap();
            v.sort();
            v
        }
    };
    let mut original = subs(rkpd).await;
    original.retain(|s| !s.0.ends_with(".0999"));
    assert!(!original.is_empty());
    assert_eq!(subs(fresh).await, original);
    // Programs carry the sum of their sub kegiatan.
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM plan_items p WHERE p.plan_id = $1 AND p.level = 'program'
           AND (SELECT amount FROM item_pagu WHERE item_id = p.id AND year = 2026) IS DISTINCT FROM
               (SELECT sum(g.amount) FROM plan_items s JOIN item_pagu g ON g.item_id = s.id AND g.year = 2026
                 WHERE s.plan_id = $1 AND s.level = 'sub_kegiatan' AND s.kode LIKE p.kode || '.%')",
    )
    .bind(fresh)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(mismatched, 0);
}
