//! A planner opens Cek Keselarasan, follows a finding's "Perbaiki" link,
//! fixes the slip on the item page, and the finding is gone on the next
//! run.

use fantoccini::Locator;

use super::common;
use super::driver::{self, Browser, Viewport, click, select, wait_for_text};

#[tokio::test]
async fn a_planner_fixes_an_unaligned_program_from_the_check_page() {
    let app = common::spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let sasaran: uuid::Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE p.region_kode = '33.71' AND p.kind = 'rpjmd' AND i.level = 'sasaran' ORDER BY i.position LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let browser = Browser::start(Viewport::Desktop).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;
    c.goto(&format!("{}/rencana/{rkpd}/cek", app.base))
        .await
        .unwrap();
    let k07 = wait_for_text(c, "#K07", "Ketenteraman").await;
    assert!(k07.contains("belum diselaraskan"), "{k07}");
    driver::assert_accessible(c, "Cek Keselarasan").await;
    c.find(Locator::Css("#K07 .finding a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "#keselarasan", "Belum selaras").await;
    driver::assert_accessible(c, "the item page").await;
    select(c, "#to_item_id", &sasaran.to_string()).await;
    click(c, "#keselarasan form[method=post] button").await;
    wait_for_text(c, "#keselarasan", "Selaras ke atas").await;
    c.goto(&format!("{}/rencana/{rkpd}/cek", app.base))
        .await
        .unwrap();
    let k07 = wait_for_text(c, "#K07", "Tidak ada temuan").await;
    assert!(!k07.contains("Ketenteraman"), "{k07}");
    browser.close().await;
}
