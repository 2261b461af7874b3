//! A village operator submits a proposal on a 360 px phone and follows it
//! by its number.

use fantoccini::Locator;

use super::common;
use super::driver::{self, Browser, Viewport, click, fill, select, wait_for_text};

#[tokio::test]
async fn a_village_operator_submits_a_proposal_on_a_phone() {
    let app = common::spawn_app().await;
    let kamus: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM kamus_usulan WHERE nama = 'Rehabilitasi jalan lingkungan'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "kelurahan.rejowinangun", common::PASSWORD).await;
    c.goto(&format!("{}/usulan", app.base)).await.unwrap();
    c.find(Locator::LinkText("Ajukan usulan"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "h1", "Ajukan usulan").await;
    driver::assert_accessible(c, "the proposal form on a phone").await;
    // The place is already the operator's own kelurahan.
    let place = c
        .find(Locator::Css("#wilayah_kode"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(place.as_deref(), Some("33.71.03.1003"));
    fill(c, "#title", "Pavingisasi gang RT 02 RW 04").await;
    fill(
        c,
        "#problem",
        "Gang becek dan licin saat hujan; lansia sering terjatuh.",
    )
    .await;
    fill(c, "#solution", "Pemasangan paving 150 meter persegi.").await;
    select(c, "#kamus_id", &kamus.to_string()).await;
    fill(c, "#volume", "150").await;
    fill(c, "#estimated_cost", "45.000.000").await;
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::Value::Bool(false),
        "the form fits the phone"
    );
    click(c, "form.form button.primary").await;
    let notice = wait_for_text(c, ".notice", "Usulan terkirim dengan nomor").await;
    let nomor = notice
        .split_whitespace()
        .find(|w| w.starts_with("USL-"))
        .unwrap()
        .trim_end_matches('.')
        .to_string();
    // Anyone can open it by its number.
    // Waits for the sign-out to land, or its redirect wins the race.
    driver::sign_out(c).await;
    c.goto(&format!("{}/usulan/{nomor}", app.base))
        .await
        .unwrap();
    let h1 = wait_for_text(c, "h1", "Pavingisasi").await;
    driver::assert_accessible(c, "the public proposal page").await;
    assert_eq!(h1, "Pavingisasi gang RT 02 RW 04");
    let body = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Diajukan di desa/kelurahan"));
    assert!(body.contains("Rp45.000.000"));
    browser.close().await;
}
