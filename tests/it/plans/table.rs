//! The cascade as a table, and typing targets and pagu of many rows into
//! it at once (issue 18, points 2 and 3).

use uuid::Uuid;

use crate::common::{TestApp, spawn_app, text};

/// Every `<input name=… value=…>` of a page, as a browser would send the
/// form.
fn inputs(html: &str) -> Vec<(String, String)> {
    let attr = |tag: &str, a: &str| {
        tag.split(&format!(" {a}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .map(|s| {
                s.replace("&amp;", "&")
                    .replace("&#x27;", "'")
                    .replace("&quot;", "\"")
            })
    };
    html.split("<input")
        .skip(1)
        .filter_map(|t| {
            let tag = t.split('>').next().unwrap_or("");
            Some((attr(tag, "name")?, attr(tag, "value").unwrap_or_default()))
        })
        .collect()
}

fn set(form: &mut [(String, String)], name: &str, value: &str) {
    let f = form
        .iter_mut()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    f.1 = value.to_string();
}

async fn sub_kegiatan(app: &TestApp, plan: Uuid, kode: &str) -> (Uuid, Uuid) {
    sqlx::query_as(
        "SELECT i.id, n.id FROM plan_items i JOIN indicators n ON n.item_id = i.id
         WHERE i.plan_id = $1 AND i.kode = $2 LIMIT 1",
    )
    .bind(plan)
    .bind(kode)
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_cascade_reads_as_a_table_filtered_and_summed() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "renja").await;
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, &format!("/rencana/{plan}")).await).await;
    assert!(
        page.contains(&format!("href=\"/rencana/{plan}/tabel\"")),
        "a toggle on the plan page"
    );
    let page = text(app.get(&planner, &format!("/rencana/{plan}/tabel")).await).await;
    for h in [
        "Kode",
        "Indikator",
        "Satuan",
        "Kondisi awal",
        "Target",
        "Pagu (Rp)",
        "Perangkat daerah",
    ] {
        assert!(page.contains(&format!(">{h}</th>")), "{h}");
    }
    assert!(page.contains("1.02.02.2.01.0009") && page.contains("Jumlah pagu Sub kegiatan"));
    // Filtered to one level: only its rows, counted.
    let page = text(
        app.get(&planner, &format!("/rencana/{plan}/tabel?level=program"))
            .await,
    )
    .await;
    assert!(page.contains("1.02.02</code>") && !page.contains("1.02.02.2.01.0009"));
    let programs: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM plan_items WHERE plan_id = $1 AND level = 'program'",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(page.contains(&format!("{programs} baris")), "{page}");
    // Another agency may read it but changes nothing.
    let dpupr = app.login("dpupr.magelang").await;
    let res = app
        .post_form(&dpupr, &format!("/rencana/{plan}/tabel"), &[("x", "1")])
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn many_rows_are_saved_at_once_or_none_with_the_bad_cell_named() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "renja").await;
    let (item, ind) = sub_kegiatan(&app, plan, "1.02.02.2.01.0009").await;
    let (item2, _) = sub_kegiatan(&app, plan, "1.02.05.2.02.0001").await;
    let year = app.plan_first_year(plan).await;
    let dinkes = app.login("dinkes.magelang").await;
    let url = format!("/rencana/{plan}/tabel");
    let page = text(app.get(&dinkes, &url).await).await;
    let mut form = inputs(&page);
    set(&mut form, &format!("t:{ind}:{year}"), "12");
    set(&mut form, &format!("p:{item}:{year}"), "1.750.000.000");
    set(&mut form, &format!("p:{item2}:{year}"), "banyak sekali");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(&dinkes, &url, &pairs).await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("Belum ada yang disimpan"), "{page}");
    assert!(
        page.contains(&format!("id=\"e-p:{item2}:{year}\"")),
        "the message beside the bad cell"
    );
    assert!(
        page.contains("value=\"1.750.000.000\"") && page.contains("value=\"banyak sekali\""),
        "nothing typed is lost"
    );
    let stored: Option<rust_decimal::Decimal> =
        sqlx::query_scalar("SELECT amount FROM item_pagu WHERE item_id = $1 AND year = $2")
            .bind(item)
            .bind(year)
            .fetch_optional(&app.db)
            .await
            .unwrap();
    assert_ne!(
        stored.map(|d| d.to_string()).as_deref(),
        Some("1750000000"),
        "none saved"
    );

    // Fixed, everything is saved in one go, audited.
    let mut form = inputs(&page);
    set(&mut form, &format!("p:{item2}:{year}"), "250.000.000");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(&dinkes, &url, &pairs).await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let pagu: Vec<String> = sqlx::query_scalar(
        "SELECT p.amount::text FROM item_pagu p WHERE p.item_id = ANY($1) AND p.year = $2 ORDER BY p.amount::numeric",
    )
    .bind(vec![item, item2])
    .bind(year)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(pagu, vec!["250000000.00", "1750000000.00"]);
    let target: String = sqlx::query_scalar(
        "SELECT target::text FROM indicator_years WHERE indicator_id = $1 AND year = $2",
    )
    .bind(ind)
    .bind(year)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(target, "12");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity_id = ANY($1) AND at > now() - interval '1 minute'",
    )
    .bind(vec![item.to_string(), item2.to_string(), ind.to_string()])
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(audited >= 3, "{audited} audit rows");
    let page = text(app.get(&dinkes, &format!("{url}?tersimpan=3")).await).await;
    assert!(page.contains("3 nilai tersimpan"));
}

#[tokio::test]
async fn two_people_typing_into_the_same_row_do_not_overwrite_each_other() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "renja").await;
    let (item, ind) = sub_kegiatan(&app, plan, "1.02.02.2.01.0009").await;
    let (item2, _) = sub_kegiatan(&app, plan, "1.02.05.2.02.0001").await;
    let year = app.plan_first_year(plan).await;
    let url = format!("/rencana/{plan}/tabel");
    let planner = app.login("perencana.magelang").await;
    let dinkes = app.login("dinkes.magelang").await;
    let first = inputs(&text(app.get(&planner, &url).await).await);
    let second = inputs(&text(app.get(&dinkes, &url).await).await);
    // The agency saves a target first.
    let mut form = second;
    set(&mut form, &format!("t:{ind}:{year}"), "20");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.post_form(&dinkes, &url, &pairs).await.status(), 303);
    // The planner, from the older page, types into the same row and another.
    let mut form = first;
    set(&mut form, &format!("t:{ind}:{year}"), "25");
    set(&mut form, &format!("p:{item2}:{year}"), "300.000.000");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(&planner, &url, &pairs).await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("diubah orang lain sejak halaman ini dibuka"),
        "{page}"
    );
    assert!(
        page.contains(&format!("target {year}: 25")),
        "what the planner typed is kept"
    );
    assert!(
        page.contains(&format!("name=\"t:{ind}:{year}\" value=\"20\"")),
        "the newest value shown"
    );
    let target: String = sqlx::query_scalar(
        "SELECT target::text FROM indicator_years WHERE indicator_id = $1 AND year = $2",
    )
    .bind(ind)
    .bind(year)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(target, "20", "the agency's value stands");
    let untouched: Option<String> =
        sqlx::query_scalar("SELECT amount::text FROM item_pagu WHERE item_id = $1 AND year = $2")
            .bind(item2)
            .bind(year)
            .fetch_optional(&app.db)
            .await
            .unwrap();
    assert_ne!(untouched.as_deref(), Some("300000000.00"), "all or nothing");
    // Sent again from the page as it came back, the planner's choice wins.
    let mut form = inputs(&page);
    set(&mut form, &format!("t:{ind}:{year}"), "25");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.post_form(&planner, &url, &pairs).await.status(), 303);
    let _ = item;
}

#[tokio::test]
async fn a_refused_table_still_guards_rows_others_changed_and_bands_need_both_bounds() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "renja").await;
    let (_, ind) = sub_kegiatan(&app, plan, "1.02.02.2.01.0009").await;
    let (item2, ind2) = sub_kegiatan(&app, plan, "1.02.05.2.02.0001").await;
    let year = app.plan_first_year(plan).await;
    let url = format!("/rencana/{plan}/tabel");
    let planner = app.login("perencana.magelang").await;
    let dinkes = app.login("dinkes.magelang").await;
    let mine = inputs(&text(app.get(&planner, &url).await).await);
    // The planner's first try has a typo elsewhere …
    let mut form = mine.clone();
    set(&mut form, &format!("p:{item2}:{year}"), "tiga ratus");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = text(app.post_form(&planner, &url, &pairs).await).await;
    // … meanwhile the agency changes a target the planner did not touch.
    let theirs = inputs(&text(app.get(&dinkes, &url).await).await);
    let mut form = theirs;
    set(&mut form, &format!("t:{ind}:{year}"), "33");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(app.post_form(&dinkes, &url, &pairs).await.status(), 303);
    // The planner fixes the typo and sends the refused page again: the
    // agency's target is not silently put back.
    let mut form = inputs(&refused);
    set(&mut form, &format!("p:{item2}:{year}"), "300.000.000");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(&planner, &url, &pairs).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("diubah orang lain"));
    let target: String = sqlx::query_scalar(
        "SELECT target::text FROM indicator_years WHERE indicator_id = $1 AND year = $2",
    )
    .bind(ind)
    .bind(year)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(target, "33");

    // A band target needs both bounds, as on the indicator form.
    sqlx::query("UPDATE indicators SET polaritas = 'rentang' WHERE id = $1")
        .bind(ind2)
        .execute(&app.db)
        .await
        .unwrap();
    let mut form = inputs(&text(app.get(&planner, &url).await).await);
    set(&mut form, &format!("t:{ind2}:{year}"), "5");
    set(&mut form, &format!("tm:{ind2}:{year}"), "");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app.post_form(&planner, &url, &pairs).await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains(&format!("id=\"e-t:{ind2}:{year}\"")),
        "{page}"
    );
    assert!(page.contains("minimum dan maksimum"));
}
