//! Comments, konsultasi publik, tindak lanjut, berita acara and the inbox,
//! on the demo RKPD 2026 of Kota Magelang (in konsultasi publik).

use crate::common;

use common::{TestApp, client, spawn_app, text};
use uuid::Uuid;

async fn post_comment(
    app: &TestApp,
    c: &reqwest::Client,
    plan: Uuid,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.post_form(c, &format!("/rencana/{plan}/komentar"), form)
        .await
}

fn id_from(res: &reqwest::Response) -> Uuid {
    let loc = res.headers()["location"].to_str().unwrap();
    Uuid::parse_str(loc.rsplit("#komentar-").next().unwrap()).unwrap()
}

#[tokio::test]
async fn public_and_internal_comments_are_seen_by_the_right_people() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let pkk = app.login("pkk.magelang").await;
    let dprd = app.login("dprd.magelang").await;
    let planner = app.login("perencana.magelang").await;

    let res = post_comment(
        &app,
        &pkk,
        plan,
        &[
            ("target", "plan"),
            ("anchor", "bab-1-p1"),
            (
                "body",
                "Mohon posyandu di Rejowinangun Utara mendapat timbangan digital.",
            ),
            ("kembali", &format!("/rencana/{plan}")),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let public = id_from(&res);
    let res = post_comment(
        &app,
        &dprd,
        plan,
        &[
            ("target", "plan"),
            (
                "body",
                "Catatan Komisi C: pagu jalan lingkungan perlu ditinjau.",
            ),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);

    let anonymous = text(app.get(&client(), &format!("/rencana/{plan}")).await).await;
    assert!(
        anonymous.contains("timbangan digital"),
        "public input is public"
    );
    assert!(
        anonymous.contains("Bab 1, paragraf 1"),
        "with the paragraph it is about"
    );
    assert!(!anonymous.contains("Komisi C"), "internal notes are not");
    assert!(anonymous.contains("Masuk untuk memberi masukan"));
    let as_pkk = text(app.get(&pkk, &format!("/rencana/{plan}")).await).await;
    assert!(!as_pkk.contains("Komisi C"));
    assert!(as_pkk.contains("Masukan Anda (publik"));
    let as_planner = text(app.get(&planner, &format!("/rencana/{plan}")).await).await;
    assert!(as_planner.contains("Komisi C") && as_planner.contains("timbangan digital"));
    assert!(as_planner.contains("Catatan internal"));
    // The link from an inbox lands on the comment.
    let res = app.get(&planner, &format!("/komentar/{public}")).await;
    assert_eq!(
        res.headers()["location"],
        format!("/rencana/{plan}?komentar=1#komentar-{public}").as_str()
    );

    // No public input outside konsultasi publik: the Renja is a draft the
    // community cannot even read, and enacted plans take no comments.
    let renja: Uuid = sqlx::query_scalar("SELECT id FROM plans WHERE kind = 'renja'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(
        post_comment(&app, &pkk, renja, &[("target", "plan"), ("body", "x")])
            .await
            .status(),
        403
    );
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let res = post_comment(&app, &dprd, rpjmd, &[("target", "plan"), ("body", "x")]).await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("sudah ditetapkan"));
}

#[tokio::test]
async fn replies_tindak_lanjut_and_the_authors_inbox() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let pkk = app.login("pkk.magelang").await;
    let planner = app.login("perencana.magelang").await;
    // Start from a read inbox (the demo already answered PKK once).
    assert_eq!(
        app.post_form(&pkk, "/kotak-masuk/baca-semua", &[])
            .await
            .status(),
        303
    );
    let res = post_comment(
        &app,
        &pkk,
        plan,
        &[
            ("target", "plan"),
            ("body", "Kelas ibu hamil perlu dijadwalkan sore hari."),
        ],
    )
    .await;
    let id = id_from(&res);
    let id_s = id.to_string();

    // The planner was told; the author was not (it is their own).
    let planner_inbox = text(app.get(&planner, "/kotak-masuk").await).await;
    assert!(
        planner_inbox.contains("Komentar baru pada RKPD 2026"),
        "{planner_inbox}"
    );

    let res = post_comment(
        &app,
        &planner,
        plan,
        &[
            ("parent_id", &id_s),
            ("body", "Terima kasih, kami koordinasikan dengan puskesmas."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &planner,
            &format!("/komentar/{id}/tindak-lanjut"),
            &[
                ("status", "diterima"),
                (
                    "jawaban",
                    "Diakomodasi pada sub kegiatan kelas ibu hamil 2026.",
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    // The author sees the answer on the plan and in the inbox, with a count.
    let home = text(app.get(&pkk, "/").await).await;
    assert!(
        home.contains(r#"aria-label="2 belum dibaca""#),
        "reply + tindak lanjut unread"
    );
    let inbox = text(app.get(&pkk, "/kotak-masuk").await).await;
    assert!(inbox.contains("Balasan untuk komentar Anda"));
    assert!(inbox.contains("Tindak lanjut atas masukan Anda: Diterima"));
    let page = text(app.get(&client(), &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Tindak lanjut: Diterima"));
    assert!(page.contains("Diakomodasi pada sub kegiatan kelas ibu hamil 2026."));
    assert!(
        page.contains("kami koordinasikan"),
        "the public reply is public too"
    );
    // Opening a notification marks it read and goes to the comment.
    let n: i64 = sqlx::query_scalar(
        "SELECT id FROM notifications WHERE user_id = $1 AND read_at IS NULL ORDER BY id LIMIT 1",
    )
    .bind(app.user_id("pkk.magelang").await)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app.post_form(&pkk, &format!("/kotak-masuk/{n}"), &[]).await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/komentar/")
    );
    assert!(
        text(app.get(&pkk, "/").await)
            .await
            .contains(r#"aria-label="1 belum dibaca""#)
    );
    // Only planners give tindak lanjut.
    let res = app
        .post_form(
            &pkk,
            &format!("/komentar/{id}/tindak-lanjut"),
            &[("status", "diterima"), ("jawaban", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);
    // A tindak lanjut without an answer comes back as typed, the message
    // beside the field.
    let planner = app.login("perencana.magelang").await;
    let res = app
        .post_form(
            &planner,
            &format!("/komentar/{id}/tindak-lanjut"),
            &[("status", "diterima"), ("jawaban", "   ")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains(r#"<option value="diterima" selected>"#),
        "{page}"
    );
    assert!(page.contains(r#"id="jawaban-error""#), "{page}");
}

#[tokio::test]
async fn editing_is_short_and_removal_leaves_a_marker() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let pkk = app.login("pkk.magelang").await;
    let dprd = app.login("dprd.magelang").await;
    let planner = app.login("perencana.magelang").await;
    let mine = id_from(
        &post_comment(
            &app,
            &pkk,
            plan,
            &[("target", "plan"), ("body", "Salah ketik")],
        )
        .await,
    );
    // The page as first read is kept (issue 15); the edit must show.
    assert!(
        text(app.get(&pkk, &format!("/rencana/{plan}")).await)
            .await
            .contains("Salah ketik")
    );
    let res = app
        .post_form(
            &pkk,
            &format!("/komentar/{mine}/ubah"),
            &[("body", "Sudah diperbaiki")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&pkk, &format!("/rencana/{plan}")).await)
            .await
            .contains("Sudah diperbaiki")
    );
    // An empty edit comes back with the message beside the field, and
    // "Kirim lagi" posts to the edit again (not to a new comment).
    let res = app
        .post_form(&pkk, &format!("/komentar/{mine}/ubah"), &[("body", "  ")])
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains(&format!(r#"action="/komentar/{mine}/ubah""#)),
        "{page}"
    );
    assert!(page.contains(r#"id="body-error""#));
    sqlx::query("UPDATE comments SET created_at = now() - interval '20 minutes' WHERE id = $1")
        .bind(mine)
        .execute(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &pkk,
            &format!("/komentar/{mine}/ubah"),
            &[("body", "Terlambat")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("15 menit"));
    // Others may not edit or remove it; a planner may remove it as moderator.
    assert_eq!(
        app.post_form(&dprd, &format!("/komentar/{mine}/ubah"), &[("body", "x")])
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post_form(&dprd, &format!("/komentar/{mine}/hapus"), &[])
            .await
            .status(),
        403
    );
    let confirm = text(app.get(&planner, &format!("/komentar/{mine}/hapus")).await).await;
    assert!(confirm.contains("Hapus komentar ini?"));
    assert_eq!(
        app.post_form(&planner, &format!("/komentar/{mine}/hapus"), &[])
            .await
            .status(),
        303
    );
    let page = text(app.get(&client(), &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Komentar dihapus oleh moderator"));
    assert!(!page.contains("Sudah diperbaiki"));
    // The author removing their own says so plainly.
    let other = id_from(
        &post_comment(
            &app,
            &pkk,
            plan,
            &[("target", "plan"), ("body", "Saya tarik kembali")],
        )
        .await,
    );
    assert_eq!(
        app.post_form(&pkk, &format!("/komentar/{other}/hapus"), &[])
            .await
            .status(),
        303
    );
    let page = text(app.get(&client(), &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("<em>Komentar dihapus.</em>"));
    // An empty comment comes back with the form, nothing stored.
    let res = post_comment(&app, &pkk, plan, &[("target", "plan"), ("body", "   ")]).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Tulis komentar Anda"));
}

#[tokio::test]
async fn comments_on_items_and_indicators_stay_with_their_plan() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let dinkes = app.login("dinkes.magelang").await;
    let dprd = app.login("dprd.magelang").await;
    let (item, indicator): (Uuid, Uuid) = sqlx::query_as(
        "SELECT i.id, n.id FROM plan_items i JOIN indicators n ON n.item_id = i.id
         WHERE i.plan_id = $1 AND i.kode = '1.02.02' LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let item_s = item.to_string();
    let res = post_comment(
        &app,
        &dprd,
        plan,
        &[
            ("target", "item"),
            ("target_id", &item_s),
            ("body", "<script>alert(1)</script>Apa dasar pagu ini?"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&dinkes, &format!("/item/{item}")).await).await;
    assert!(page.contains("Apa dasar pagu ini?"));
    assert!(!page.contains("<script>alert(1)"));
    // The responsible agency was told.
    assert!(
        text(app.get(&dinkes, "/kotak-masuk").await)
            .await
            .contains("Komentar baru")
    );
    let ind_s = indicator.to_string();
    assert_eq!(
        post_comment(
            &app,
            &dprd,
            plan,
            &[
                ("target", "indicator"),
                ("target_id", &ind_s),
                ("body", "Target realistis?")
            ]
        )
        .await
        .status(),
        303
    );
    assert!(
        text(app.get(&dinkes, &format!("/indikator/{indicator}")).await)
            .await
            .contains("Target realistis?")
    );
    // An item of another plan cannot be commented through this plan.
    let other: Uuid = sqlx::query_scalar("SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.kind = 'renja' LIMIT 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let other_s = other.to_string();
    assert_eq!(
        post_comment(
            &app,
            &dprd,
            plan,
            &[("target", "item"), ("target_id", &other_s), ("body", "x")]
        )
        .await
        .status(),
        400
    );
}

#[tokio::test]
async fn fifty_people_commenting_at_once_are_all_stored() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let item = app.item_id(plan, "1.02.02").await;
    let pkk = app.login("pkk.magelang").await;
    let item_s = item.to_string();
    let mut tasks = Vec::new();
    for i in 0..50 {
        let (c, url, item_s) = (
            pkk.clone(),
            app.url(&format!("/rencana/{plan}/komentar")),
            item_s.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let body = format!("Masukan serentak nomor {i}");
            c.post(url)
                .form(&[
                    ("target", "item"),
                    ("target_id", item_s.as_str()),
                    ("body", body.as_str()),
                ])
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 303);
    }
    let n: i64 = sqlx::query_scalar("SELECT count(DISTINCT body) FROM comments WHERE target_id = $1 AND body LIKE 'Masukan serentak nomor %'")
        .bind(item)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 50);
}

#[tokio::test]
async fn the_berita_acara_lists_every_input_once_the_consultation_closes() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let pkk = app.login("pkk.magelang").await;
    let planner = app.login("perencana.magelang").await;
    let id = id_from(
        &post_comment(
            &app,
            &pkk,
            plan,
            &[
                ("target", "plan"),
                ("anchor", "bab-2-p1"),
                ("body", "Tambah ruang laktasi di puskesmas."),
            ],
        )
        .await,
    );
    app.post_form(
        &planner,
        &format!("/komentar/{id}/tindak-lanjut"),
        &[
            ("status", "tidak_diterima"),
            ("jawaban", "Sudah tersedia di semua puskesmas."),
        ],
    )
    .await;
    let before = text(
        app.get(&client(), &format!("/rencana/{plan}/berita-acara"))
            .await,
    )
    .await;
    assert!(before.contains("tersedia setelah konsultasi publik ditutup"));
    assert_eq!(
        app.get(&client(), &format!("/rencana/{plan}/berita-acara.xlsx"))
            .await
            .status(),
        400
    );

    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/tahap"),
            &[
                ("gerak", "maju"),
                (
                    "catatan",
                    "Konsultasi publik ditutup; masukan ditindaklanjuti.",
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let minutes = text(
        app.get(&client(), &format!("/rencana/{plan}/berita-acara"))
            .await,
    )
    .await;
    assert!(minutes.contains("Tambah ruang laktasi di puskesmas."));
    assert!(
        minutes.contains("Tidak diterima")
            && minutes.contains("Sudah tersedia di semua puskesmas.")
    );
    assert!(minutes.contains("TP PKK Kota Magelang"));
    assert!(minutes.contains("Bab 2, paragraf 1"));
    let res = app
        .get(&client(), &format!("/rencana/{plan}/berita-acara.xlsx"))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = res.bytes().await.unwrap();
    // Read back: the inputs are there, and their date is a date cell.
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = wb.worksheet_range("Berita Acara").unwrap();
    let rows: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    let input = rows
        .iter()
        .find(|r| {
            r.iter()
                .any(|d| d == &Data::String("TP PKK Kota Magelang".into()))
        })
        .expect("the PKK's input");
    assert!(
        matches!(input[1], Data::DateTime(_)),
        "a date cell: {:?}",
        input[1]
    );
    // And the public can no longer comment.
    assert_eq!(
        post_comment(
            &app,
            &pkk,
            plan,
            &[("target", "plan"), ("body", "Terlambat")]
        )
        .await
        .status(),
        403
    );
}

#[tokio::test]
async fn konsultasi_lists_what_is_open() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let page = text(app.get(&client(), "/konsultasi").await).await;
    assert!(page.contains("Rencana Kerja Pemerintah Daerah Kota Magelang Tahun 2026"));
    let res = app.get(&client(), &format!("/konsultasi/{plan}")).await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&client(), &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Konsultasi publik.") && page.contains("Masukan publik diterima"));
}

/// A long konsultasi is read a page of threads at a time, and a link to a
/// comment (from the inbox, or after posting) lands on the page holding it.
#[tokio::test]
async fn many_comments_are_paged_and_links_find_theirs() {
    let app = common::spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let pkk = app.login("pkk.magelang").await;
    let mut last = String::new();
    for i in 0..60 {
        let res = app
            .post_form(
                &pkk,
                &format!("/rencana/{plan}/komentar"),
                &[
                    ("target", "plan"),
                    ("body", &format!("Masukan berurutan nomor {i}.")),
                    ("kembali", &format!("/rencana/{plan}")),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        last = res.headers()["location"].to_str().unwrap().to_string();
    }
    // The demo's inputs plus sixty: the newest is on the second page.
    assert!(last.contains("?komentar=2#komentar-"), "{last}");
    let first_page = common::text(app.get(&pkk, &format!("/rencana/{plan}")).await).await;
    assert!(first_page.contains("Masukan berurutan nomor 0."));
    assert!(!first_page.contains("Masukan berurutan nomor 59."));
    assert!(first_page.contains("Komentar berikutnya"));
    let second = common::text(app.get(&pkk, &last).await).await;
    assert!(second.contains("Masukan berurutan nomor 59."));
    assert!(second.contains("Halaman 2 dari 2"));
    let id = last.rsplit("#komentar-").next().unwrap();
    let res = app.get(&pkk, &format!("/komentar/{id}")).await;
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .contains("?komentar=2#komentar-")
    );
}

/// Rows hanging from a kerja sama carry its region (issue 15, point 7),
/// set from the kerja sama whoever writes them, and a kerja sama stays
/// with the region that recorded it.
#[tokio::test]
async fn a_kerja_samas_partners_milestones_and_items_carry_its_region() {
    let app = spawn_app().await;
    let stray: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM kerja_sama_partners c JOIN kerja_sama k ON k.id = c.kerja_sama_id WHERE c.region_kode <> k.region_kode)
              + (SELECT count(*) FROM kerja_sama_milestones c JOIN kerja_sama k ON k.id = c.kerja_sama_id WHERE c.region_kode <> k.region_kode)
              + (SELECT count(*) FROM kerja_sama_items c JOIN kerja_sama k ON k.id = c.kerja_sama_id WHERE c.region_kode <> k.region_kode)",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stray, 0);
    let (id, region): (uuid::Uuid, String) =
        sqlx::query_as("SELECT id, region_kode FROM kerja_sama ORDER BY created_at LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    // A writer that names no region (or another one) gets the kerja sama's.
    let got: String = sqlx::query_scalar(
        "INSERT INTO kerja_sama_partners (kerja_sama_id, third_party, region_kode)
         VALUES ($1, 'Universitas Tidar', '35.05') RETURNING region_kode",
    )
    .bind(id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(got, region);
    let moved = sqlx::query("UPDATE kerja_sama SET region_kode = '35.05' WHERE id = $1")
        .bind(id)
        .execute(&app.db)
        .await;
    assert!(moved.is_err(), "a kerja sama does not change region");
}

/// What a kept plan page shows beside its comments and in its head (an
/// author's organization, the region's name) is kept per data version:
/// changing a membership or a region moves it on (issue 15).
#[tokio::test]
async fn a_membership_or_a_region_changed_moves_the_data_version() {
    let app = spawn_app().await;
    let version = || async {
        sqlx::query_scalar::<_, i64>("SELECT v FROM data_version WHERE id = 1")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    let before = version().await;
    sqlx::query(
        "DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE username = 'pkk.magelang')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let after_membership = version().await;
    assert!(after_membership > before, "a membership removed");
    sqlx::query("UPDATE regions SET nama = nama || ' ' WHERE kode = '33.71'")
        .execute(&app.db)
        .await
        .unwrap();
    assert!(version().await > after_membership, "a region renamed");
}
