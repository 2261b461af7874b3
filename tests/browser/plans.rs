//! A planner builds an RPJMD level by level and derives its RKPD, all in
//! the browser; a script typed into a chapter never runs.

use fantoccini::{Client, Locator};

use super::common;
use super::driver::{self, Browser, Viewport, click, fill, select, wait_for_text};

/// Opens the "Tambah …" disclosure on the current page and adds an item.
async fn add_child(c: &Client, nama: &str, kode: Option<(&str, &str)>) {
    // The last "Tambah" disclosure on an item page adds a child.
    let summaries = c.find_all(Locator::Css("details > summary")).await.unwrap();
    let mut opened = false;
    for s in summaries.iter().rev() {
        if s.text().await.unwrap_or_default().starts_with("Tambah") {
            s.click().await.unwrap();
            opened = true;
            break;
        }
    }
    assert!(
        opened,
        "no Tambah disclosure on {}",
        c.current_url().await.unwrap()
    );
    let form = "details[open] form";
    if let Some((kode, org)) = kode {
        fill(c, &format!("{form} input[name=kode]"), kode).await;
        select(c, &format!("{form} select[name=responsible_org_id]"), org).await;
    }
    if !nama.is_empty() {
        fill(c, &format!("{form} textarea[name=nama]"), nama).await;
    }
    click(c, &format!("{form} button[type=submit]")).await;
}

async fn new_plan(
    c: &Client,
    base: &str,
    kind: &str,
    title: &str,
    first: &str,
    last: &str,
    parent: Option<&str>,
) {
    c.goto(&format!("{base}/rencana/baru")).await.unwrap();
    select(c, "#kind", kind).await;
    fill(c, "#title", title).await;
    fill(c, "#first_year", first).await;
    fill(c, "#last_year", last).await;
    if let Some(p) = parent {
        select(c, "#parent_id", p).await;
    }
    click(c, "form.form button.primary").await;
    wait_for_text(c, "h1", title).await;
}

async fn plan_id_from_url(c: &Client) -> String {
    c.current_url()
        .await
        .unwrap()
        .path()
        .trim_start_matches("/rencana/")
        .to_string()
}

#[tokio::test]
async fn a_planner_builds_an_rpjmd_and_derives_the_rkpd_in_the_browser() {
    let app = common::spawn_app().await;
    let dinkes = app.region_org_id("33.71", "dinkes").await;
    let browser = Browser::start(Viewport::Desktop).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;

    new_plan(
        c,
        &app.base,
        "rpjpd",
        "RPJPD Kota Uji 2025–2044",
        "2025",
        "2044",
        None,
    )
    .await;
    let rpjpd = plan_id_from_url(c).await;
    new_plan(
        c,
        &app.base,
        "rpjmd",
        "RPJMD Kota Uji 2025–2029",
        "2025",
        "2029",
        Some(&rpjpd),
    )
    .await;
    let rpjmd = plan_id_from_url(c).await;

    add_child(c, "Kota sehat dan sejahtera", None).await;
    wait_for_text(c, "h1", "Kota sehat dan sejahtera").await;
    add_child(c, "Meningkatkan kualitas hidup warga", None).await;
    wait_for_text(c, "h1", "Meningkatkan kualitas hidup").await;
    add_child(c, "Meningkatnya derajat kesehatan", None).await;
    wait_for_text(c, "h1", "derajat kesehatan").await;
    add_child(c, "Menurunnya prevalensi stunting", None).await;
    wait_for_text(c, "h1", "prevalensi stunting").await;
    add_child(c, "", Some(("1.02.02", &dinkes.to_string()))).await;
    let h1 = wait_for_text(c, "h1", "1.02.02").await;
    assert!(h1.to_uppercase().contains("KESEHATAN"), "{h1}");

    // Pagu for 2026 on the program.
    fill(c, "#pagu_2026", "12.500.000.000").await;
    click(c, "#pagu button[type=submit]").await;
    wait_for_text(c, "#pagu", "Rp12.500.000.000").await;
    driver::assert_accessible(c, "an item with its pagu").await;

    // Derive the RKPD 2026 from the RPJMD.
    c.goto(&format!("{}/rencana/baru", app.base)).await.unwrap();
    select(c, "#kind", "rkpd").await;
    fill(c, "#title", "RKPD Kota Uji 2026").await;
    fill(c, "#first_year", "2026").await;
    select(c, "#parent_id", &rpjmd).await;
    click(c, "form.form button.primary").await;
    wait_for_text(c, "h1", "RKPD Kota Uji 2026").await;
    driver::assert_accessible(c, "the derived RKPD").await;
    let tree = c
        .find(Locator::Css("#pohon"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(tree.contains("Menurunnya prevalensi stunting"), "{tree}");
    assert!(tree.contains("1.02.02"), "{tree}");
    assert!(tree.contains("Rp12.500.000.000"), "{tree}");
    browser.close().await;
}

#[tokio::test]
async fn a_script_in_a_chapter_never_runs() {
    let app = common::spawn_app().await;
    let browser = Browser::start(Viewport::Desktop).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;
    new_plan(
        c,
        &app.base,
        "rpjpd",
        "RPJPD Uji Keamanan 2025–2044",
        "2025",
        "2044",
        None,
    )
    .await;
    click(c, "details.panel > summary").await;
    fill(c, "#new-title", "Bab I Pendahuluan").await;
    fill(
        c,
        "#new-body",
        "Teks biasa.\n\n<script>window.__xss = 1</script>\n\n<img src=x onerror=\"window.__xss = 2\">\n\n[klik](javascript:window.__xss=3)",
    )
    .await;
    click(c, "details.panel form button").await;
    wait_for_text(c, "#bab", "Teks biasa.").await;
    // Give any injected handler its chance: click every link in the chapter.
    for a in c.find_all(Locator::Css("#bab a")).await.unwrap() {
        let _ = a.click().await;
    }
    let ran = c
        .execute("return window.__xss === undefined;", vec![])
        .await
        .unwrap();
    assert_eq!(ran, serde_json::Value::Bool(true), "a script ran");
    browser.close().await;
}

/// Issue 18, point 3: in the cascade table, Enter and the arrows move down
/// and up a column instead of sending the table; the page passes axe on a
/// phone, and a change typed this way is saved by the button.
#[tokio::test]
async fn the_table_moves_by_keyboard_and_saves_on_a_phone() {
    let app = common::spawn_app().await;
    let plan = app.plan_id("33.71", "renja").await;
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;
    c.goto(&app.url(&format!("/rencana/{plan}/tabel")))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Rencana Kerja").await;
    driver::assert_accessible(c, "the cascade table on a phone").await;
    let column = c
        .find_all(Locator::Css("input[data-col^='p']"))
        .await
        .unwrap();
    assert!(column.len() >= 3, "pagu cells to move through");
    let first_col = column[0].attr("data-col").await.unwrap().unwrap();
    let same: Vec<_> = c
        .find_all(Locator::Css(&format!("input[data-col='{first_col}']")))
        .await
        .unwrap();
    let name_of = |i: usize| {
        let e = same[i].clone();
        async move { e.attr("name").await.unwrap().unwrap() }
    };
    let focused = || async {
        c.execute("return document.activeElement.name;", vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    same[0].click().await.unwrap();
    same[0].send_keys("\u{E007}").await.unwrap(); // Enter
    assert_eq!(focused().await, name_of(1).await, "Enter goes down");
    assert!(
        c.current_url().await.unwrap().path().ends_with("/tabel"),
        "Enter did not send the table"
    );
    same[1].send_keys("\u{E013}").await.unwrap(); // Arrow up
    assert_eq!(focused().await, name_of(0).await, "Arrow up goes up");
    same[0].send_keys("\u{E015}").await.unwrap(); // Arrow down
    assert_eq!(focused().await, name_of(1).await, "Arrow down goes down");
    // The moved-to cell is selected: typing replaces its value.
    same[1].send_keys("1234567").await.unwrap();
    let cell = name_of(1).await;
    click(c, ".cascade-form button[type=submit]").await;
    wait_for_text(c, "main", "nilai tersimpan").await;
    let saved = c
        .find(Locator::Css(&format!("input[name='{cell}']")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(saved.replace('.', ""), "1234567", "{saved}");
    browser.close().await;
}
