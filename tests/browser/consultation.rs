//! The collaboration journey with the demo users: a planner opens
//! konsultasi publik, a community member comments, the planner answers and
//! moves on, the approver enacts, and the public reads the enacted plan and
//! the berita acara.

use fantoccini::{Client, Locator};

use super::common;
use super::driver::{self, Browser, Viewport, click, fill, select, wait_for_text};

async fn open_summary(c: &Client, starts_with: &str) {
    for s in c.find_all(Locator::Css("summary")).await.unwrap() {
        if s.text().await.unwrap_or_default().starts_with(starts_with) {
            s.click().await.unwrap();
            return;
        }
    }
    panic!(
        "no disclosure starting {starts_with:?} on {}",
        c.current_url().await.unwrap()
    );
}

async fn advance(c: &Client, note: &str) {
    open_summary(c, "Lanjutkan ke tahap").await;
    fill(c, "#catatan-maju", note).await;
    click(c, "details[open] form button.primary").await;
    wait_for_text(c, "#tahapan", note).await;
}

async fn sign_out(c: &Client) {
    driver::sign_out(c).await;
}

#[tokio::test]
async fn from_konsultasi_publik_to_an_enacted_plan_with_its_berita_acara() {
    let app = common::spawn_app().await;
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let browser = Browser::start(Viewport::Desktop).await;
    let c = &browser.client;

    // The planner derives RKPD 2027 and opens konsultasi publik.
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;
    c.goto(&format!("{}/rencana/baru", app.base)).await.unwrap();
    select(c, "#kind", "rkpd").await;
    fill(
        c,
        "#title",
        "Rencana Kerja Pemerintah Daerah Kota Magelang Tahun 2027",
    )
    .await;
    fill(c, "#first_year", "2027").await;
    select(c, "#parent_id", &rpjmd.to_string()).await;
    click(c, "form.form button.primary").await;
    wait_for_text(c, "h1", "Tahun 2027").await;
    let plan_url = c.current_url().await.unwrap().to_string();
    advance(
        c,
        "Rancangan awal RKPD 2027 dibuka untuk konsultasi publik.",
    )
    .await;
    wait_for_text(c, ".consult", "Konsultasi publik.").await;
    sign_out(c).await;

    // A PKK member finds it under Konsultasi and gives input.
    driver::sign_in(c, &app.base, "pkk.magelang", common::PASSWORD).await;
    c.goto(&format!("{}/konsultasi", app.base)).await.unwrap();
    c.find(Locator::XPath("//a[contains(., 'Tahun 2027')]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "h1", "Tahun 2027").await;
    fill(
        c,
        "#komentar-baru",
        "Mohon posyandu lansia di Kelurahan Rejowinangun Utara masuk RKPD 2027.",
    )
    .await;
    click(c, "form.new-comment button").await;
    wait_for_text(c, "#komentar", "posyandu lansia").await;
    sign_out(c).await;

    // The planner answers it, closes the consultation and moves on.
    driver::sign_in(c, &app.base, "perencana.magelang", common::PASSWORD).await;
    c.goto(&plan_url).await.unwrap();
    open_summary(c, "Tindak lanjut").await;
    select(c, "details[open] select[name=status]", "diterima").await;
    fill(
        c,
        "details[open] textarea[name=jawaban]",
        "Diakomodasi pada sub kegiatan pelayanan kesehatan lansia 2027.",
    )
    .await;
    click(c, "details[open] form button").await;
    wait_for_text(c, "#komentar", "Tindak lanjut: Diterima").await;
    for note in [
        "Konsultasi publik ditutup; masukan telah ditindaklanjuti.",
        "Rancangan RKPD dibawa ke Musrenbang.",
        "Hasil Musrenbang dirumuskan.",
        "Rancangan akhir diajukan untuk penetapan.",
    ] {
        advance(c, note).await;
    }
    sign_out(c).await;

    // The head of Bapperida enacts it.
    driver::sign_in(c, &app.base, "kepala.bapperida", common::PASSWORD).await;
    c.goto(&plan_url).await.unwrap();
    fill(
        c,
        "#catatan-penetapan",
        "Perwal Kota Magelang tentang RKPD 2027.",
    )
    .await;
    click(c, "form[action$='/tahap'] button.primary").await;
    wait_for_text(c, "#tahapan", "hanya dapat dibaca").await;
    sign_out(c).await;

    // The public reads the enacted plan and the berita acara.
    c.goto(&plan_url).await.unwrap();
    wait_for_text(c, "#tahapan", "Ditetapkan").await;
    c.goto(&format!("{plan_url}/berita-acara")).await.unwrap();
    let minutes = wait_for_text(c, "main", "posyandu lansia").await;
    driver::assert_accessible(c, "the berita acara").await;
    assert!(
        minutes.contains("Diakomodasi pada sub kegiatan pelayanan kesehatan lansia 2027."),
        "{minutes}"
    );
    assert!(minutes.contains("TP PKK Kota Magelang"));
    browser.close().await;
}

#[tokio::test]
async fn a_community_member_comments_on_a_phone() {
    let app = common::spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    // Reading needs no account; the page offers to sign in to comment.
    c.goto(&format!("{}/konsultasi/{plan}", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Tahun 2026").await;
    click(c, "#komentar a.button").await;
    wait_for_text(c, "h1", "Masuk ke Selaras").await;
    fill(c, "#username", "lpm.magelang").await;
    fill(c, "#password", common::PASSWORD).await;
    click(c, "form.form button[type=submit]").await;
    wait_for_text(c, "h1", "Tahun 2026").await;
    fill(
        c,
        "#komentar-baru",
        "Karang Taruna siap membantu pendataan balita.",
    )
    .await;
    click(c, "form.new-comment button").await;
    wait_for_text(c, "#komentar", "pendataan balita").await;
    driver::assert_accessible(c, "konsultasi publik on a phone").await;
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
        "page wider than the phone"
    );
    browser.close().await;
}
