//! A planner prints a whole draft plan from the browser (Chromium's print
//! to PDF, as "Simpan sebagai PDF" does) and the PDF holds the plan down
//! to its last sub kegiatan. The PDF's text is read with poppler's
//! `pdftotext` (Debian's poppler-utils; `.ci/run` installs it).

use std::process::Command;

use fantoccini::wd::PrintConfiguration;

use super::common;
use super::driver::{self, Browser, Viewport};

#[tokio::test]
async fn a_planner_prints_a_draft_renja_to_pdf_down_to_its_last_sub_kegiatan() {
    let app = common::spawn_app().await;
    let renja: uuid::Uuid = sqlx::query_scalar("SELECT id FROM plans WHERE kind = 'renja'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let (kode, last, pagu): (String, String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT i.kode, i.nama, g.amount FROM plan_items i JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' ORDER BY i.kode DESC LIMIT 1",
    )
    .bind(renja)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let browser = Browser::start(Viewport::Desktop).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;
    c.goto(&app.url(&format!("/rencana/{renja}")))
        .await
        .unwrap();
    driver::click(c, &format!("a[href='/rencana/{renja}/cetak']")).await;
    driver::wait_for_text(c, "p.cover-title", "Rencana Kerja Dinas Kesehatan").await;
    driver::assert_accessible(c, "the print view of a plan").await;

    let pdf = c.print(PrintConfiguration::default()).await.unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let path = std::env::temp_dir().join(format!("selaras-{}.pdf", uuid::Uuid::new_v4()));
    std::fs::write(&path, &pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils) is installed");
    let _ = std::fs::remove_file(&path);
    let text = String::from_utf8_lossy(&out.stdout);
    // Table cells wrap and the text of neighbouring cells interleaves in
    // a PDF's reading order: look for single words, the code and the pagu.
    let words: Vec<&str> = text.split_whitespace().collect();
    assert!(words.contains(&"RANCANGAN"), "a draft says so");
    assert!(words.contains(&"T-C.33"), "the Renja annex table");
    let rupiah = selaras::domain::money::Rupiah::new(pagu).text();
    assert!(
        words.contains(&kode.as_str()) && words.contains(&rupiah.as_str()),
        "the last sub kegiatan {kode} \"{last}\" ({rupiah}) is in the PDF:\n{}",
        &text[text.len().saturating_sub(2000)..]
    );
    for w in last.split_whitespace() {
        assert!(
            words.iter().any(|x| x.contains(w)),
            "the word \"{w}\" of \"{last}\""
        );
    }
    browser.close().await;
}
