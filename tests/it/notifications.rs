//! Following things, and email copies of notifications when SMTP is set.

use crate::common;

use std::time::{Duration, Instant};

use common::{TestApp, fake_smtp, spawn_app, spawn_app_with, text};
use uuid::Uuid;

async fn rkpd(app: &TestApp) -> (Uuid, Uuid) {
    sqlx::query_as(
        "SELECT p.id, i.id FROM plans p JOIN plan_items i ON i.plan_id = p.id
         WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' AND i.kode = '1.02.02'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap()
}

#[tokio::test]
async fn followers_hear_of_comments_and_stage_changes() {
    let app = spawn_app().await;
    let (plan, item) = rkpd(&app).await;
    let lpm = app.login("lpm.magelang").await;
    let dprd = app.login("dprd.magelang").await;
    let page = text(app.get(&lpm, &format!("/item/{item}")).await).await;
    assert!(page.contains(">Ikuti<"));
    let back = format!("/item/{item}");
    assert_eq!(
        app.post_form(&lpm, &format!("/ikuti/{item}"), &[("kembali", &back)])
            .await
            .status(),
        303
    );
    assert!(
        text(app.get(&lpm, &format!("/item/{item}")).await)
            .await
            .contains("Berhenti mengikuti")
    );
    let lpm_id = app.user_id("lpm.magelang").await;
    sqlx::query("UPDATE notifications SET read_at = now() WHERE user_id = $1")
        .bind(lpm_id)
        .execute(&app.db)
        .await
        .unwrap();

    let item_s = item.to_string();
    // A DPRD note is internal: the follower from the community does not
    // hear of it, not even that it exists.
    let res = app
        .post_form(
            &dprd,
            &format!("/rencana/{plan}/komentar"),
            &[
                ("target", "item"),
                ("target_id", &item_s),
                ("body", "Catatan DPRD atas program kesehatan."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let inbox = text(app.get(&lpm, "/kotak-masuk").await).await;
    assert!(!inbox.contains("Catatan DPRD"), "{inbox}");
    assert!(!inbox.contains("Komentar baru pada RKPD 2026"), "{inbox}");
    // A public comment in konsultasi publik reaches the follower.
    let pkk = app.login("pkk.magelang").await;
    let res = app
        .post_form(
            &pkk,
            &format!("/rencana/{plan}/komentar"),
            &[
                ("target", "item"),
                ("target_id", &item_s),
                ("body", "Posyandu perlu timbangan baru."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let inbox = text(app.get(&lpm, "/kotak-masuk").await).await;
    assert!(inbox.contains("Komentar baru pada RKPD 2026"), "{inbox}");
    assert!(inbox.contains("Posyandu perlu timbangan baru."), "{inbox}");

    // Unfollowing stops it.
    assert_eq!(
        app.post_form(&lpm, &format!("/ikuti/{item}"), &[("kembali", &back)])
            .await
            .status(),
        303
    );
    assert!(
        text(app.get(&lpm, &format!("/item/{item}")).await)
            .await
            .contains(">Ikuti<")
    );

    // Following the plan brings its stage changes.
    let pback = format!("/rencana/{plan}");
    assert!(text(app.get(&lpm, &pback).await).await.contains(">Ikuti<"));
    app.post_form(&lpm, &format!("/ikuti/{plan}"), &[("kembali", &pback)])
        .await;
    // The plan page says so to the follower, and only to them.
    assert!(
        text(app.get(&lpm, &pback).await)
            .await
            .contains("Berhenti mengikuti")
    );
    let other = text(app.get(&dprd, &pback).await).await;
    assert!(other.contains(">Ikuti<") && !other.contains("Berhenti mengikuti"));
    let planner = app.login("perencana.magelang").await;
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/tahap"),
            &[("gerak", "maju"), ("catatan", "Konsultasi ditutup.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The plan is an internal draft again: the follower from the community
    // hears nothing of it, and what it heard while the plan was public is
    // no longer delivered; DPRD reads the note.
    let inbox = text(app.get(&lpm, "/kotak-masuk").await).await;
    assert!(!inbox.contains("RKPD 2026: Rancangan"), "{inbox}");
    assert!(!inbox.contains("Posyandu perlu timbangan baru."), "{inbox}");
    let inbox = text(app.get(&dprd, "/kotak-masuk").await).await;
    assert!(inbox.contains("Konsultasi ditutup."), "{inbox}");
}

#[tokio::test]
async fn with_smtp_configured_notifications_are_also_mailed() {
    let (url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| {
        c.smtp_url = Some(url);
        c.mail_interval = Duration::from_millis(100);
        c.public_url = "https://selaras.magelangkota.go.id".into();
    })
    .await;
    sqlx::query(
        "UPDATE users SET email = 'sri.wahyuni@example.id' WHERE username = 'pkk.magelang'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let (plan, _) = rkpd(&app).await;
    let pkk = app.login("pkk.magelang").await;
    let planner = app.login("perencana.magelang").await;
    let res = app
        .post_form(
            &pkk,
            &format!("/rencana/{plan}/komentar"),
            &[
                ("target", "plan"),
                ("body", "Mohon jam layanan posyandu diperpanjang."),
            ],
        )
        .await;
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    let id = loc.rsplit("#komentar-").next().unwrap().to_string();
    app.post_form(
        &planner,
        &format!("/komentar/{id}/tindak-lanjut"),
        &[
            ("status", "dijawab"),
            ("jawaban", "Jam layanan posyandu ditambah sore hari."),
        ],
    )
    .await;
    // Poll with a deadline until the message arrives.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mail = loop {
        if let Some(m) = got
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.contains("Tindak lanjut atas masukan Anda"))
            .cloned()
        {
            break m;
        }
        assert!(Instant::now() < deadline, "no email arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(mail.contains("sri.wahyuni@example.id"));
    assert!(
        mail.contains("https://selaras.magelangkota.go.id/komentar/"),
        "{mail}"
    );
    let pending: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'pkk.magelang' AND n.emailed_at IS NULL AND n.created_at > now() - interval '1 hour'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    // Only what was created before the email address existed may be pending.
    assert!(pending <= 1, "{pending}");
}

#[tokio::test]
async fn without_smtp_nothing_is_mailed() {
    // A mail server is listening, but Selaras is not told of it: the
    // notification reaches the inbox and no mail leaves, however long the
    // outbox waits.
    let (_url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| c.mail_interval = Duration::from_millis(50)).await;
    sqlx::query("UPDATE users SET email = 'x@example.id'")
        .execute(&app.db)
        .await
        .unwrap();
    let (plan, _) = rkpd(&app).await;
    let pkk = app.login("pkk.magelang").await;
    let res = app
        .post_form(
            &pkk,
            &format!("/rencana/{plan}/komentar"),
            &[("target", "plan"), ("body", "Masukan tanpa email.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let planner = app.login("perencana.magelang").await;
    let inbox = text(app.get(&planner, "/kotak-masuk").await).await;
    assert!(
        inbox.contains("Masukan tanpa email."),
        "there was something to mail"
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let mailed: i64 =
        sqlx::query_scalar("SELECT count(*) FROM notifications WHERE emailed_at IS NOT NULL")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(mailed, 0);
    assert!(got.lock().unwrap().is_empty(), "no mail left");
}

/// Internal text (a staff comment, an internal stage note) reaches neither
/// the inbox nor the mailbox of a follower from the community, while staff
/// get both.
#[tokio::test]
async fn internal_text_reaches_no_channel_of_who_may_not_read_it() {
    let (url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| {
        c.smtp_url = Some(url);
        c.mail_interval = Duration::from_millis(100);
    })
    .await;
    sqlx::query(
        "UPDATE users SET email = username || '@example.id' WHERE username IN ('pkk.magelang', 'dprd.magelang')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let (plan, _) = rkpd(&app).await;
    let pkk = app.login("pkk.magelang").await;
    let back = format!("/rencana/{plan}");
    let res = app
        .post_form(&pkk, &format!("/ikuti/{plan}"), &[("kembali", &back)])
        .await;
    assert_eq!(res.status(), 303);
    // DPRD follows it too: staff, who may read internal text.
    let dprd = app.login("dprd.magelang").await;
    let res = app
        .post_form(&dprd, &format!("/ikuti/{plan}"), &[("kembali", &back)])
        .await;
    assert_eq!(res.status(), 303);
    let planner = app.login("perencana.magelang").await;
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/komentar"),
            &[
                ("target", "plan"),
                ("body", "RAHASIA-KOMENTAR angka belum final."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/tahap"),
            &[
                ("gerak", "maju"),
                ("catatan", "RAHASIA-TAHAP pagu dipotong."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    let inbox = text(app.get(&pkk, "/kotak-masuk").await).await;
    assert!(!inbox.contains("RAHASIA"), "{inbox}");
    let inbox = text(app.get(&dprd, "/kotak-masuk").await).await;
    assert!(inbox.contains("RAHASIA-KOMENTAR"), "{inbox}");
    assert!(inbox.contains("RAHASIA-TAHAP"), "{inbox}");

    // DPRD's copies arrive by email; once they have, the outbox has been
    // drained past everything, and nothing of it went to pkk.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mails = got.lock().unwrap().clone();
        let dprd_got = |needle: &str| {
            mails
                .iter()
                .any(|m| m.contains("dprd.magelang@example.id") && m.contains(needle))
        };
        if dprd_got("RAHASIA-KOMENTAR") && dprd_got("RAHASIA-TAHAP") {
            assert!(
                !mails
                    .iter()
                    .any(|m| m.contains("pkk.magelang@example.id") && m.contains("RAHASIA")),
                "{mails:?}"
            );
            break;
        }
        assert!(Instant::now() < deadline, "no email arrived: {mails:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Nothing of it was even written for pkk.
    let for_pkk: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
         WHERE u.username = 'pkk.magelang' AND n.body LIKE 'RAHASIA%'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(for_pkk, 0);

    // The plan page's stage history keeps the internal note from the
    // public once the plan is public again: a visitor sees the move, not
    // the note.
    sqlx::query("UPDATE plans SET stage = 'konsultasi_publik' WHERE id = $1")
        .bind(plan)
        .execute(&app.db)
        .await
        .unwrap();
    let page = text(common::client().get(app.url(&back)).send().await.unwrap()).await;
    assert!(page.contains("Riwayat tahapan"), "{page}");
    assert!(!page.contains("RAHASIA-TAHAP"), "{page}");
    let page = text(app.get(&dprd, &back).await).await;
    assert!(page.contains("RAHASIA-TAHAP"));
}

#[tokio::test]
async fn a_person_sets_their_own_email_and_chooses_the_inbox_only() {
    let (url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| {
        c.smtp_url = Some(url);
        c.mail_interval = Duration::from_millis(100);
    })
    .await;
    let (plan, _) = rkpd(&app).await;
    let pkk = app.login("pkk.magelang").await;
    let page = text(app.get(&pkk, "/akun").await).await;
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    // A bad address comes back beside its field, with what was typed.
    let res = app
        .post_form(
            &pkk,
            "/akun",
            &[
                ("version", &version),
                ("full_name", "Sri Wahyuni"),
                ("email", "sri@"),
                ("phone", "0812 3456 7890"),
                ("notify", "kotak_masuk"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("id=\"email-error\"") && html.contains("value=\"0812 3456 7890\""));
    let res = app
        .post_form(
            &pkk,
            "/akun",
            &[
                ("version", &version),
                ("full_name", "Sri Wahyuni"),
                ("email", "sri@pkk.example.id"),
                ("phone", "0812 3456 7890"),
                ("notify", "kotak_masuk"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let planner = app.login("perencana.magelang").await;
    let comment = |body: &'static str| {
        let (app, pkk, planner) = (&app, pkk.clone(), planner.clone());
        async move {
            let res = app
                .post_form(
                    &pkk,
                    &format!("/rencana/{plan}/komentar"),
                    &[("target", "plan"), ("body", body)],
                )
                .await;
            let loc = res.headers()["location"].to_str().unwrap().to_string();
            let id = loc.rsplit("#komentar-").next().unwrap().to_string();
            app.post_form(
                &planner,
                &format!("/komentar/{id}/tindak-lanjut"),
                &[
                    ("status", "dijawab"),
                    ("jawaban", "Terima kasih, kami catat."),
                ],
            )
            .await;
        }
    };
    comment("Mohon posyandu buka sore.").await;
    let inbox = text(app.get(&pkk, "/kotak-masuk").await).await;
    assert!(
        inbox.contains("Tindak lanjut atas masukan Anda"),
        "still in the inbox"
    );
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(
        !got.lock()
            .unwrap()
            .iter()
            .any(|m| m.contains("sri@pkk.example.id")),
        "no email while the inbox alone is chosen"
    );
    // Choosing email again, the next one is mailed.
    let version = (version.parse::<i32>().unwrap() + 1).to_string();
    let res = app
        .post_form(
            &pkk,
            "/akun",
            &[
                ("version", &version),
                ("full_name", "Sri Wahyuni"),
                ("email", "sri@pkk.example.id"),
                ("phone", ""),
                ("notify", "segera"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    sqlx::query("UPDATE notifications SET emailed_at = now() WHERE emailed_at IS NULL")
        .execute(&app.db)
        .await
        .unwrap();
    comment("Mohon jam layanan diperpanjang.").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !got
        .lock()
        .unwrap()
        .iter()
        .any(|m| m.contains("sri@pkk.example.id"))
    {
        assert!(Instant::now() < deadline, "no email arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_a_mailed_link_the_same_answer_for_everyone() {
    let (url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| {
        c.smtp_url = Some(url);
        c.public_url = "https://selaras.example.id".into();
    })
    .await;
    sqlx::query("UPDATE users SET email = 'sri@pkk.example.id' WHERE username = 'pkk.magelang'")
        .execute(&app.db)
        .await
        .unwrap();
    let anon = common::client();
    let page = text(app.get(&anon, "/lupa-kata-sandi").await).await;
    assert!(
        page.contains("name=\"akun\""),
        "a form when Selaras can mail"
    );
    let known = text(
        app.post_form(&anon, "/lupa-kata-sandi", &[("akun", "sri@pkk.example.id")])
            .await,
    )
    .await;
    let unknown = text(
        app.post_form(&anon, "/lupa-kata-sandi", &[("akun", "tidak.ada")])
            .await,
    )
    .await;
    let notice = |p: &str| {
        p.split("role=\"status\">")
            .nth(1)
            .map(|s| s.split('<').next().unwrap().to_string())
    };
    assert_eq!(notice(&known), notice(&unknown), "the same answer");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mail = loop {
        if let Some(m) = got
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.contains("/tautan/"))
            .cloned()
        {
            break m;
        }
        assert!(Instant::now() < deadline, "no email arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        mail.contains("sri@pkk.example.id") && mail.contains("https://selaras.example.id/tautan/")
    );
    let at = mail.find("/tautan/").unwrap() + "/tautan/".len();
    let token: String = mail[at..]
        .chars()
        .filter(|c| c.is_ascii_hexdigit())
        .take(64)
        .collect();
    let pw = "pasar rejowinangun ramai setiap pagi";
    let res = app
        .post_form(
            &anon,
            &format!("/tautan/{token}"),
            &[("new_password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &common::client(),
            "/login",
            &[("username", "pkk.magelang"), ("password", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Asked too often, no more links go out (and the answer is the same).
    for _ in 0..4 {
        app.post_form(&anon, "/lupa-kata-sandi", &[("akun", "pkk.magelang")])
            .await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let links = got
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m.contains("/tautan/"))
        .count();
    assert!(links <= 3, "{links} links for one account in an hour");
}

#[tokio::test]
async fn an_invitation_is_mailed_when_selaras_can_send_mail() {
    let (url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| c.smtp_url = Some(url)).await;
    let admin = app.login("admin.magelang").await;
    let org = app.region_org_id("33.71", "dinkes").await;
    let res = app
        .post_form(
            &admin,
            "/admin/pengguna/baru",
            &[
                ("username", "puskesmas.magelang"),
                ("full_name", "Operator Puskesmas"),
                ("email", "puskesmas@example.id"),
                ("password", ""),
                ("organization_id", &org.to_string()),
                ("role", "agency"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(text(res).await.contains("Undangan juga dikirim"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while !got
        .lock()
        .unwrap()
        .iter()
        .any(|m| m.contains("puskesmas@example.id") && m.contains("/tautan/"))
    {
        assert!(Instant::now() < deadline, "no invitation arrived");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Issue 17, point 6: who chose a daily digest gets one mail gathering
/// the day's notifications, not one per notification.
#[tokio::test]
async fn a_daily_digest_gathers_notifications_into_one_mail() {
    let (url, got) = fake_smtp().await;
    let app = spawn_app_with(|c| {
        c.smtp_url = Some(url);
        c.mail_interval = Duration::from_millis(50);
        c.digest_after = Duration::from_millis(300);
    })
    .await;
    let pkk = app.login("pkk.magelang").await;
    // What the demo left in the inbox counts as mailed already.
    sqlx::query(
        "UPDATE notifications SET emailed_at = now()
         WHERE user_id = (SELECT id FROM users WHERE username = 'pkk.magelang')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&pkk, "/akun").await).await;
    assert!(page.contains("value=\"harian\""), "offered on the profile");
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let res = app
        .post_form(
            &pkk,
            "/akun",
            &[
                ("version", &version),
                ("full_name", "Sri Wahyuni"),
                ("email", "sri@pkk.example.id"),
                ("phone", ""),
                ("notify", "harian"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Sixty people who read only their inbox, each with a notification
    // pending for days: they must not crowd the digest out.
    sqlx::query(
        "INSERT INTO users (id, region_kode, username, full_name, password_hash, notify)
         SELECT gen_random_uuid(), '33.71', 'warga.' || g, 'Warga ' || g, '!x', 'kotak_masuk'
         FROM generate_series(1, 60) g",
    )
    .execute(&app.db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO notifications (user_id, region_kode, title, body, link, audience, created_at)
         SELECT id, '33.71', 'Lama', 'x', '/', 'personal', now() - interval '2 days'
         FROM users WHERE username LIKE 'warga.%'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let user = app.user_id("pkk.magelang").await;
    // Both at once, so that no round of the outbox sees one alone.
    sqlx::query(
        "INSERT INTO notifications (user_id, region_kode, title, body, link, audience)
         SELECT $1, '33.71', t, 'Lihat perjalanannya.', '/usulan', 'personal'
         FROM unnest(ARRAY['Usulan Anda diteruskan', 'Usulan Anda diverifikasi']) AS t",
    )
    .bind(user)
    .execute(&app.db)
    .await
    .unwrap();
    let mail = common::mail_with(&got, "Ringkasan harian").await;
    assert!(mail.contains("2 pemberitahuan"), "{mail}");
    assert!(
        mail.contains("diteruskan") && mail.contains("diverifikasi"),
        "{mail}"
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let to_sri = got
        .lock()
        .unwrap()
        .iter()
        .filter(|m| m.contains("sri@pkk.example.id"))
        .count();
    assert_eq!(to_sri, 1, "one mail, not one per notification");
    let pending: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE user_id = $1 AND emailed_at IS NULL",
    )
    .bind(user)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(pending, 0);
}
