//! A region moves in: an admin brings in 50 desa with their operators from
//! a sheet, one operator takes the invitation and sends a proposal; and a
//! citizen signs up, confirms the email and comments in konsultasi publik.

use super::common;
use super::driver::{self, Browser, Viewport, click, fill, select, wait_for_text};

#[tokio::test]
async fn an_admin_imports_50_desa_and_an_invited_operator_sends_a_proposal() {
    let app = common::spawn_app().await;
    // Fifty desa of Kabupaten Blitar that have no organization yet.
    let desa: Vec<(String, String)> = sqlx::query_as(
        "SELECT kode, nama FROM (
             SELECT DISTINCT ON (r.nama) r.kode, r.nama FROM regions r
             WHERE r.kode LIKE '35.05.%' AND r.level = 'desa'
               AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.wilayah_kode = r.kode)
             ORDER BY r.nama, r.kode) d
         ORDER BY kode LIMIT 50",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(desa.len(), 50);
    let mut csv = String::from(
        "Jenis organisasi,Nama organisasi,Kode wilayah,Nama pengguna,Nama lengkap,Email,Peran\n",
    );
    for (kode, nama) in &desa {
        csv.push_str(&format!(
            "desa,Desa {nama},{kode},op.{},Operator Desa {nama},,village\n",
            kode.replace('.', "")
        ));
    }
    let file = std::env::temp_dir().join(format!("desa-blitar-{}.csv", uuid::Uuid::new_v4()));
    std::fs::write(&file, csv).unwrap();

    let browser = Browser::start(Viewport::Desktop).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "admin.blitar", common::PASSWORD).await;
    c.goto(&format!("{}/admin/pengguna/impor", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Impor organisasi dan pengguna").await;
    c.find(fantoccini::Locator::Css("#berkas"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .unwrap();
    click(c, "form.form button.primary").await;
    let summary = wait_for_text(c, "ul.summary", "organisasi baru").await;
    assert!(
        summary.contains("50 organisasi baru") && summary.contains("50 pengguna baru"),
        "{summary}"
    );
    driver::assert_accessible(c, "the roster preview").await;
    click(c, "form[action='/admin/pengguna/impor/simpan'] button").await;
    wait_for_text(c, "h2", "50 pengguna dibuat").await;
    driver::assert_accessible(c, "the invitations made").await;
    let link = c
        .find(fantoccini::Locator::Css("code.link-once"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let path = &link[link.find("/tautan/").unwrap()..];
    let first = &desa[0];
    std::fs::remove_file(&file).ok();
    driver::sign_out(c).await;

    // The first operator opens the link and chooses a password.
    c.goto(&format!("{}{path}", app.base)).await.unwrap();
    wait_for_text(c, "h1", "Selamat datang di Selaras").await;
    driver::assert_accessible(c, "the invitation page").await;
    let pw = "sawah hijau di lereng kelud";
    fill(c, "#new_password", pw).await;
    fill(c, "#confirm", pw).await;
    click(c, "form.form button.primary").await;
    wait_for_text(c, ".notice", "Kata sandi Anda tersimpan").await;
    let username = format!("op.{}", first.0.replace('.', ""));
    driver::sign_in(c, &app.base, &username, pw).await;

    // And sends a proposal for their own desa.
    c.goto(&format!("{}/usulan/baru", app.base)).await.unwrap();
    wait_for_text(c, "h1", "Ajukan usulan").await;
    let place = c
        .find(fantoccini::Locator::Css("#wilayah_kode"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(place.as_deref(), Some(first.0.as_str()));
    let kamus: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM kamus_usulan WHERE region_kode = '35.05' AND nama = 'Pemberian makanan tambahan balita'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    fill(c, "#title", "PMT balita posyandu dusun").await;
    fill(c, "#problem", "Tiga belas balita di bawah garis merah.").await;
    fill(c, "#solution", "Makanan tambahan 90 hari.").await;
    select(c, "#kamus_id", &kamus.to_string()).await;
    fill(c, "#volume", "13").await;
    fill(c, "#estimated_cost", "11.700.000").await;
    click(c, "form.form button.primary").await;
    let notice = wait_for_text(c, ".notice", "Usulan terkirim dengan nomor").await;
    assert!(notice.contains("USL-"), "{notice}");
    browser.close().await;
}

#[tokio::test]
async fn a_citizen_signs_up_on_a_phone_confirms_and_comments() {
    let (url, got) = common::fake_smtp().await;
    let app = common::spawn_app_with(|c| c.smtp_url = Some(url)).await;
    let plan: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd' AND stage = 'konsultasi_publik'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    c.goto(&format!("{}/login", app.base)).await.unwrap();
    click(c, "main a[href='/daftar']").await;
    wait_for_text(c, "h1", "Daftar akun warga").await;
    driver::assert_accessible(c, "the sign-up form on a phone").await;
    let pw = "kebun cabai di lereng merapi";
    fill(c, "#full_name", "Siti Aminah").await;
    fill(c, "#email", "siti@example.id").await;
    fill(c, "#username", "siti.aminah").await;
    select(c, "#region", "33.71").await;
    fill(c, "#password", pw).await;
    fill(c, "#confirm", pw).await;
    click(c, "form.form button.primary").await;
    wait_for_text(c, ".notice", "Periksa email Anda").await;

    let mail = common::mail_with(&got, "Konfirmasi pendaftaran").await;
    let token = common::link_token(&mail);
    c.goto(&format!("{}/tautan/{token}", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Konfirmasi email").await;
    driver::assert_accessible(c, "the confirmation page").await;
    click(c, "form.form button.primary").await;
    wait_for_text(c, ".notice", "Email Anda terkonfirmasi").await;
    driver::sign_in(c, &app.base, "siti.aminah", pw).await;

    c.goto(&format!("{}/rencana/{plan}", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Tahun 2026").await;
    fill(
        c,
        "#komentar-baru",
        "Mohon posyandu RW 04 diberi timbangan bayi.",
    )
    .await;
    click(c, "form.new-comment button").await;
    wait_for_text(c, "#komentar", "timbangan bayi").await;
    browser.close().await;
}
