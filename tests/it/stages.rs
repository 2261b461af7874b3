//! The stage machine over HTTP: who may move a plan, the four-eyes rule,
//! schedule locks, frozen snapshots and their comparison.

use crate::common;

use common::{TestApp, client, spawn_app, text};
use uuid::Uuid;

async fn new_rpjmd(app: &TestApp, planner: &reqwest::Client) -> Uuid {
    let rpjpd = app.plan_id("33.71", "rpjpd").await;
    let rpjpd_s = rpjpd.to_string();
    let res = app
        .post_form(
            planner,
            "/rencana/baru",
            &[
                ("kind", "rpjmd"),
                ("title", "RPJMD Uji Tahapan 2030–2034"),
                ("first_year", "2030"),
                ("last_year", "2034"),
                ("parent_id", &rpjpd_s),
            ],
        )
        .await;
    // The demo RPJPD is 2025–2045, so 2030–2034 lies inside it.
    assert_eq!(res.status(), 303, "{}", text(res).await);
    sqlx::query_scalar("SELECT id FROM plans WHERE title = 'RPJMD Uji Tahapan 2030–2034'")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn stage(app: &TestApp, plan: Uuid) -> String {
    sqlx::query_scalar("SELECT stage::text FROM plans WHERE id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

async fn mv(
    app: &TestApp,
    c: &reqwest::Client,
    plan: Uuid,
    gerak: &str,
    note: &str,
) -> reqwest::Response {
    // The penetapan form carries the version the approver read: today's.
    let version = app.plan_version(plan).await;
    let version = version.to_string();
    app.post_form(
        c,
        &format!("/rencana/{plan}/tahap"),
        &[("gerak", gerak), ("catatan", note), ("versi", &version)],
    )
    .await
}

/// While a plan waits for penetapan its content is frozen, and the
/// approver enacts only the version they read.
#[tokio::test]
async fn what_the_approver_enacts_is_what_the_approver_read() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let approver = app.login("kepala.bapperida").await;
    let plan = new_rpjmd(&app, &planner).await;
    for _ in 0..6 {
        assert_eq!(
            mv(&app, &planner, plan, "maju", "lanjut").await.status(),
            303
        );
    }
    assert_eq!(stage(&app, plan).await, "menunggu_penetapan");
    // Frozen for everyone, the planner included.
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/bab"),
            &[("title", "Bab tambahan"), ("body_md", "Isi baru.")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("menunggu penetapan"));
    let page = text(app.get(&planner, &format!("/rencana/{plan}")).await).await;
    assert!(!page.contains("Tambah bab"));
    // Whichever path writes, the database refuses too (an edit that was
    // checked just before the move cannot slip in after it).
    let err = sqlx::query("UPDATE plan_sections SET body_md = 'diam-diam' WHERE plan_id = $1")
        .bind(plan)
        .execute(&app.db)
        .await;
    let sections: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_sections WHERE plan_id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap();
    if sections > 0 {
        let code = err
            .unwrap_err()
            .as_database_error()
            .and_then(|e| e.code().map(|c| c.to_string()));
        assert_eq!(code.as_deref(), Some("SLR01"));
    }
    let err = sqlx::query(
        "INSERT INTO plan_items (id, region_kode, plan_id, level, nama) VALUES ($1, '33.71', $2, 'visi', 'Visi diam-diam')",
    )
    .bind(Uuid::now_v7())
    .bind(plan)
    .execute(&app.db)
    .await
    .unwrap_err();
    assert_eq!(
        err.as_database_error()
            .and_then(|e| e.code().map(|c| c.to_string()))
            .as_deref(),
        Some("SLR01"),
        "{err}"
    );

    // The approver opens the page; meanwhile the plan goes back, is
    // changed, and is requested again.
    let page = text(app.get(&approver, &format!("/rencana/{plan}")).await).await;
    let read: String = page
        .split(r#"name="versi" value=""#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    assert_eq!(
        mv(&app, &approver, plan, "kembali", "perbaiki bab 1")
            .await
            .status(),
        303
    );
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/bab"),
            &[
                ("title", "Bab tambahan"),
                ("body_md", "Pagu dipotong separuh."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        mv(&app, &planner, plan, "maju", "sudah diperbaiki")
            .await
            .status(),
        303
    );
    let res = app
        .post_form(
            &approver,
            &format!("/rencana/{plan}/tahap"),
            &[
                ("gerak", "penetapan"),
                ("catatan", "Perda 1/2030"),
                ("versi", &read),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    let page = text(res).await;
    assert!(page.contains("berubah sejak halaman Anda dibuka"), "{page}");
    assert!(page.contains("Pagu dipotong separuh."), "{page}");
    assert_eq!(stage(&app, plan).await, "menunggu_penetapan");
    // Having read the new version, the approver enacts it.
    assert_eq!(
        mv(&app, &approver, plan, "penetapan", "Perda 1/2030")
            .await
            .status(),
        303
    );
    assert_eq!(stage(&app, plan).await, "ditetapkan");
}

#[tokio::test]
async fn a_plan_walks_every_stage_to_enactment() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let approver = app.login("kepala.bapperida").await;
    let agency = app.login("dinkes.magelang").await;
    let plan = new_rpjmd(&app, &planner).await;
    assert_eq!(stage(&app, plan).await, "rancangan_teknokratik");

    // A note is required; nothing moves without one.
    assert_eq!(mv(&app, &planner, plan, "maju", "  ").await.status(), 422);
    assert_eq!(stage(&app, plan).await, "rancangan_teknokratik");
    // Others may not move it forward.
    for c in [&agency, &approver] {
        assert_eq!(mv(&app, c, plan, "maju", "lanjut").await.status(), 403);
    }
    for expected in [
        "rancangan_awal",
        "konsultasi_publik",
        "rancangan",
        "musrenbang",
        "rancangan_akhir",
        "menunggu_penetapan",
    ] {
        let res = mv(&app, &planner, plan, "maju", &format!("Menuju {expected}")).await;
        assert_eq!(res.status(), 303, "{expected}");
        assert_eq!(stage(&app, plan).await, expected);
    }
    // The planner cannot enact, nor move past menunggu_penetapan.
    assert_eq!(
        mv(&app, &planner, plan, "maju", "tetapkan").await.status(),
        403
    );
    assert_eq!(
        mv(&app, &planner, plan, "penetapan", "tetapkan")
            .await
            .status(),
        403
    );
    let page = text(app.get(&approver, &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Setujui dan tetapkan"));
    let res = mv(
        &app,
        &approver,
        plan,
        "penetapan",
        "Perda Kota Magelang Nomor 5 Tahun 2030",
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(stage(&app, plan).await, "ditetapkan");

    // Enacted: read only, and public.
    let page = text(app.get(&planner, &format!("/rencana/{plan}")).await).await;
    assert!(
        page.contains("Perda Kota Magelang Nomor 5 Tahun 2030"),
        "the note is kept with the transition"
    );
    assert!(!page.contains("Tambah bab"));
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/bab"),
            &[("title", "Bab"), ("body_md", "x")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("sudah ditetapkan"));
    assert_eq!(
        mv(&app, &approver, plan, "kembali", "buka lagi")
            .await
            .status(),
        403
    );
    assert_eq!(
        app.get(&client(), &format!("/rencana/{plan}"))
            .await
            .status(),
        200
    );

    // One snapshot per transition, and every transition recorded with its actor.
    let (snapshots, transitions): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM plan_snapshots WHERE plan_id = $1), (SELECT count(*) FROM plan_transitions WHERE plan_id = $1 AND actor_id IS NOT NULL)",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!((snapshots, transitions), (7, 7));
}

#[tokio::test]
async fn the_approver_returns_a_plan_one_stage_back_with_a_note() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let approver = app.login("kepala.bapperida").await;
    let plan = new_rpjmd(&app, &planner).await;
    mv(&app, &planner, plan, "maju", "ke rancangan awal").await;
    assert_eq!(
        mv(&app, &planner, plan, "kembali", "mundur").await.status(),
        403,
        "only an approver returns"
    );
    let res = mv(
        &app,
        &approver,
        plan,
        "kembali",
        "Indikator sasaran belum lengkap",
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(stage(&app, plan).await, "rancangan_teknokratik");
    // Nothing before the first stage.
    assert_eq!(
        mv(&app, &approver, plan, "kembali", "lagi").await.status(),
        403
    );
    let note: String = sqlx::query_scalar(
        "SELECT note FROM plan_transitions WHERE plan_id = $1 AND kind = 'kembali'",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(note, "Indikator sasaran belum lengkap");
}

#[tokio::test]
async fn whoever_asked_for_enactment_cannot_approve_it() {
    let app = spawn_app().await;
    // A head of Bappeda who also plans: planner and approver at once.
    let both = app.user_id("kepala.bapperida").await;
    sqlx::query(
        "INSERT INTO memberships (id, region_kode, user_id, organization_id, role)
         SELECT gen_random_uuid(), '33.71', $1, id, 'planner' FROM organizations WHERE region_kode = '33.71' AND code = 'bapperida'",
    )
    .bind(both)
    .execute(&app.db)
    .await
    .unwrap();
    let head = app.login("kepala.bapperida").await;
    let plan = new_rpjmd(&app, &head).await;
    for _ in 0..6 {
        assert_eq!(mv(&app, &head, plan, "maju", "lanjut").await.status(), 303);
    }
    assert_eq!(stage(&app, plan).await, "menunggu_penetapan");
    let res = mv(&app, &head, plan, "penetapan", "saya tetapkan sendiri").await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("prinsip empat mata"));
    assert_eq!(stage(&app, plan).await, "menunggu_penetapan");
    // The page says so rather than offering the button.
    let page = text(app.get(&head, &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("prinsip empat mata") && !page.contains("Setujui dan tetapkan"));
}

#[tokio::test]
async fn outside_its_schedule_a_stage_is_locked_and_says_until_when() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let plan = new_rpjmd(&app, &planner).await;
    // Closed yesterday.
    let yesterday = (time::OffsetDateTime::now_utc() - time::Duration::days(10)).date();
    let day_before = yesterday - time::Duration::days(5);
    let (a, b) = (day_before.to_string(), yesterday.to_string());
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/jadwal"),
            &[
                ("stage", "rancangan_teknokratik"),
                ("dibuka", &a),
                ("ditutup", &b),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/item"),
            &[("nama", "Visi")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("ditutup sejak"));
    let page = text(app.get(&planner, &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Penyuntingan ditutup sejak"));
    // Opens next month.
    let later = (time::OffsetDateTime::now_utc() + time::Duration::days(30)).date();
    let (a, b) = (
        later.to_string(),
        (later + time::Duration::days(10)).to_string(),
    );
    app.post_form(
        &planner,
        &format!("/rencana/{plan}/jadwal"),
        &[
            ("stage", "rancangan_teknokratik"),
            ("dibuka", &a),
            ("ditutup", &b),
        ],
    )
    .await;
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/item"),
            &[("nama", "Visi")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("terkunci sampai"));
    // A closing date before the opening date is refused.
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/jadwal"),
            &[
                ("stage", "rancangan_teknokratik"),
                ("dibuka", &b),
                ("ditutup", &a),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    // Open now: editing works again.
    let today = time::OffsetDateTime::now_utc().date();
    let (a, b) = (
        (today - time::Duration::days(1)).to_string(),
        (today + time::Duration::days(1)).to_string(),
    );
    app.post_form(
        &planner,
        &format!("/rencana/{plan}/jadwal"),
        &[
            ("stage", "rancangan_teknokratik"),
            ("dibuka", &a),
            ("ditutup", &b),
        ],
    )
    .await;
    assert_eq!(
        app.post_form(
            &planner,
            &format!("/rencana/{plan}/item"),
            &[("nama", "Visi")]
        )
        .await
        .status(),
        303
    );
}

#[tokio::test]
async fn snapshots_are_frozen_and_compared_with_today() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let plan = new_rpjmd(&app, &planner).await;
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/bab"),
            &[
                ("title", "Bab I Pendahuluan"),
                ("body_md", "Stunting ditargetkan turun menjadi 10 persen."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    app.post_form(
        &planner,
        &format!("/rencana/{plan}/item"),
        &[("nama", "Visi lama")],
    )
    .await;
    mv(&app, &planner, plan, "maju", "Rancangan awal siap").await;
    let snap: Uuid = sqlx::query_scalar("SELECT id FROM plan_snapshots WHERE plan_id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap();
    // Change the text and add an item after the snapshot.
    let section: Uuid = sqlx::query_scalar("SELECT id FROM plan_sections WHERE plan_id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &planner,
            &format!("/bab/{section}"),
            &[
                ("title", "Bab I Pendahuluan"),
                ("body_md", "Stunting ditargetkan turun menjadi 4,13 persen."),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    app.post_form(
        &planner,
        &format!("/rencana/{plan}/item"),
        &[("nama", "Visi baru")],
    )
    .await;

    let page = text(
        app.get(
            &planner,
            &format!("/rencana/{plan}/banding?dari={snap}&ke=kini"),
        )
        .await,
    )
    .await;
    assert!(
        page.contains(r#"<span class="del">10</span>"#)
            || page.contains(r#"<span class="del">10 </span>"#),
        "{page}"
    );
    assert!(page.contains("4,13"));
    assert!(page.contains("Item baru") && page.contains("Visi baru"));
    let versions = text(app.get(&planner, &format!("/rencana/{plan}/versi")).await).await;
    assert!(versions.contains("Rancangan teknokratik → Rancangan awal"));

    // Snapshots cannot be rewritten or removed.
    assert!(
        sqlx::query("UPDATE plan_snapshots SET label = 'x'")
            .execute(&app.db)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM plan_snapshots WHERE id = $1")
            .bind(snap)
            .execute(&app.db)
            .await
            .is_err()
    );
    // A snapshot of another plan is not shown through this plan's URL.
    let other = app.plan_id("33.71", "rpjpd").await;
    assert_eq!(
        app.get(
            &planner,
            &format!("/rencana/{other}/banding?dari={snap}&ke=kini")
        )
        .await
        .status(),
        404
    );
}

#[tokio::test]
async fn approvers_are_told_when_a_plan_awaits_them() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let plan = new_rpjmd(&app, &planner).await;
    for _ in 0..6 {
        mv(&app, &planner, plan, "maju", "lanjut").await;
    }
    let approver = app.user_id("kepala.bapperida").await;
    let titles: Vec<String> =
        sqlx::query_scalar("SELECT title FROM notifications WHERE user_id = $1")
            .bind(approver)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Menunggu persetujuan Anda")),
        "{titles:?}"
    );
    // The planner who moved it is not notified of their own moves.
    let own: i64 =
        sqlx::query_scalar("SELECT count(*) FROM notifications WHERE user_id = $1 AND link = $2")
            .bind(app.user_id("perencana.magelang").await)
            .bind(format!("/rencana/{plan}"))
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(own, 0);
}

#[tokio::test]
async fn dprd_sees_what_changed_since_they_last_looked() {
    let app = spawn_app().await;
    let dprd = app.login("dprd.magelang").await;
    let planner = app.login("perencana.magelang").await;
    let (plan, item): (Uuid, Uuid) = sqlx::query_as(
        "SELECT p.id, i.id FROM plans p JOIN plan_items i ON i.plan_id = p.id
         WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' AND i.kode = '1.02.02'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&dprd, &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Tandai rencana ini sebagai sudah dibaca"));
    assert_eq!(
        app.post_form(&dprd, &format!("/rencana/{plan}/sudah-dibaca"), &[])
            .await
            .status(),
        303
    );
    assert!(
        text(app.get(&dprd, &format!("/rencana/{plan}")).await)
            .await
            .contains("Tidak ada perubahan sejak")
    );

    let version: i32 = sqlx::query_scalar("SELECT version FROM plan_items WHERE id = $1")
        .bind(item)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let v = version.to_string();
    let res = app
        .post_form(
            &planner,
            &format!("/item/{item}/pagu"),
            &[("version", &v), ("pagu_2026", "99.000.000.000")],
        )
        .await;
    assert_eq!(res.status(), 303);

    let page = text(app.get(&dprd, &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Ada perubahan"), "{page}");
    let changes = text(
        app.get(&dprd, &format!("/rencana/{plan}/sejak-terakhir"))
            .await,
    )
    .await;
    assert!(changes.contains("Pagu berubah") && changes.contains("Rp99.000.000.000"));
    assert_eq!(
        app.post_form(&dprd, &format!("/rencana/{plan}/sudah-dibaca"), &[])
            .await
            .status(),
        303
    );
    assert!(
        text(app.get(&dprd, &format!("/rencana/{plan}")).await)
            .await
            .contains("Tidak ada perubahan sejak")
    );
}

/// A refused stage move or schedule comes back with what was typed and the
/// message beside the field.
#[tokio::test]
async fn refused_stage_forms_keep_what_was_typed() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let plan = new_rpjmd(&app, &planner).await;
    let long = format!("Catatan panjang {}", "kata ".repeat(900));
    let res = mv(&app, &planner, plan, "maju", &long).await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains(&long.trim().to_string()),
        "the note comes back"
    );
    assert!(page.contains(r#"id="catatan-maju-error""#), "{page}");
    assert_eq!(stage(&app, plan).await, "rancangan_teknokratik");
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/jadwal"),
            &[
                ("stage", "rancangan_awal"),
                ("dibuka", "2026-12-10"),
                ("ditutup", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains(r#"value="2026-12-10""#) && page.contains(r#"value="2026-12-01""#));
    assert!(
        page.contains(r#"<option value="rancangan_awal" selected>"#),
        "{page}"
    );
    assert!(page.contains(r#"id="ditutup-error""#));
    assert!(page.contains("tidak boleh sebelum tanggal dibuka"));
}

/// The plan page keeps its stage moves per data version: a move's maker
/// renamed since shows under the new name on the next view.
#[tokio::test]
async fn a_kept_plan_page_names_a_moves_maker_as_now() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let me = app.user_id("perencana.magelang").await;
    let (plan, actor, name): (Uuid, Uuid, String) = sqlx::query_as(
        "SELECT t.plan_id, u.id, u.full_name FROM plan_transitions t
           JOIN users u ON u.id = t.actor_id JOIN plans p ON p.id = t.plan_id
          WHERE p.region_kode = '33.71' AND u.id <> $1 LIMIT 1",
    )
    .bind(me)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let path = format!("/rencana/{plan}");
    assert!(text(app.get(&planner, &path).await).await.contains(&name));
    sqlx::query("UPDATE users SET full_name = 'Wahyu Nama Baru' WHERE id = $1")
        .bind(actor)
        .execute(&app.db)
        .await
        .unwrap();
    assert!(
        text(app.get(&planner, &path).await)
            .await
            .contains("Wahyu Nama Baru")
    );
}
