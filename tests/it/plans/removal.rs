//! Removing from drafts, behind a confirmation page: an item with its
//! subtree, an indicator, a chapter, a whole plan at its first stage.
//! Never from an enacted plan; never what something outside refers to.

use uuid::Uuid;

use crate::common::{TestApp, spawn_app, text};

async fn count(app: &TestApp, sql: &str, id: Uuid) -> i64 {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_kegiatan_goes_with_its_sub_kegiatan_after_a_confirmation_and_history_keeps_it() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let plan = app.plan_id("33.71", "rkpd").await;
    // A kegiatan no proposal and no other plan refers into.
    let (kegiatan, version, nama): (Uuid, i32, String) = sqlx::query_as(
        "SELECT k.id, k.version, k.nama FROM plan_items k WHERE k.plan_id = $1 AND k.level = 'kegiatan'
           AND EXISTS (SELECT 1 FROM plan_items s WHERE s.parent_id = k.id)
           AND NOT EXISTS (SELECT 1 FROM plan_items s JOIN proposals p ON p.accepted_item_id = s.id WHERE s.parent_id = k.id)
           AND NOT EXISTS (SELECT 1 FROM plan_items o JOIN plan_items s ON o.supports_item_id = s.id OR o.source_item_id = s.id
                           WHERE s.parent_id = k.id OR s.id = k.id)
         ORDER BY k.kode LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let subs: Vec<String> = sqlx::query_scalar("SELECT nama FROM plan_items WHERE parent_id = $1")
        .bind(kegiatan)
        .fetch_all(&app.db)
        .await
        .unwrap();
    let item_page = text(app.get(&c, &format!("/item/{kegiatan}")).await).await;
    assert!(item_page.contains(&format!("href=\"/item/{kegiatan}/hapus\"")));
    let page = text(app.get(&c, &format!("/item/{kegiatan}/hapus")).await).await;
    for s in &subs {
        assert!(page.contains(s.as_str()), "the confirmation lists {s}");
    }
    assert!(page.contains("Ya, hapus"));
    let snapshots = count(
        &app,
        "SELECT count(*) FROM plan_snapshots WHERE plan_id = $1",
        plan,
    )
    .await;
    // Someone had commented on the kegiatan.
    let author = app.user_id("pkk.magelang").await;
    sqlx::query(
        "INSERT INTO comments (id, region_kode, plan_id, target, target_id, author_id, visibility, body, stage)
         VALUES ($1, '33.71', $2, 'item', $3, $4, 'publik', 'Mohon kegiatan ini tetap ada', 'konsultasi_publik')",
    )
    .bind(Uuid::now_v7())
    .bind(plan)
    .bind(kegiatan)
    .bind(author)
    .execute(&app.db)
    .await
    .unwrap();

    // A stale confirmation is refused.
    let res = app
        .post_form(
            &c,
            &format!("/item/{kegiatan}/hapus"),
            &[("version", &(version - 1).to_string())],
        )
        .await;
    assert_eq!(res.status(), 409);
    let res = app
        .post_form(
            &c,
            &format!("/item/{kegiatan}/hapus"),
            &[("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM plan_items WHERE id = $1 OR parent_id = $1",
            kegiatan
        )
        .await,
        0
    );
    let audited = count(
        &app,
        "SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'plan_item' AND entity_id = $1::text",
        kegiatan,
    )
    .await;
    assert_eq!(audited, 1);
    // What was said about it stays readable on the plan.
    let page = text(app.get(&c, &format!("/rencana/{plan}")).await).await;
    assert!(page.contains("Mohon kegiatan ini tetap ada") && page.contains("telah dihapus"));
    // The frozen versions still hold it.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM plan_snapshots WHERE plan_id = $1",
            plan
        )
        .await,
        snapshots
    );
    let frozen: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_snapshots WHERE plan_id = $1 AND data::text LIKE '%' || $2 || '%'")
        .bind(plan)
        .bind(&nama)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(
        frozen > 0,
        "the snapshot frozen for konsultasi publik keeps {nama}"
    );
}

#[tokio::test]
async fn what_others_refer_to_and_enacted_plans_stay() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    // A sub kegiatan that took up a proposal.
    let (sub, version, nomor): (Uuid, i32, String) = sqlx::query_as(
        "SELECT i.id, i.version, p.nomor FROM proposals p JOIN plan_items i ON i.id = p.accepted_item_id
         WHERE p.region_kode = '33.71' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&c, &format!("/item/{sub}/hapus")).await).await;
    assert!(
        page.contains(&format!("Usulan {nomor} diakomodir")),
        "{page}"
    );
    assert!(!page.contains("Ya, hapus"));
    let res = app
        .post_form(
            &c,
            &format!("/item/{sub}/hapus"),
            &[("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert_eq!(
        count(&app, "SELECT count(*) FROM plan_items WHERE id = $1", sub).await,
        1
    );

    // Nothing of an enacted plan, and an enacted plan not at all.
    let (rpjmd, item): (Uuid, Uuid) = sqlx::query_as(
        "SELECT p.id, i.id FROM plans p JOIN plan_items i ON i.plan_id = p.id WHERE p.kind = 'rpjmd' AND p.region_kode = '33.71' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        app.get(&c, &format!("/item/{item}/hapus")).await.status(),
        403
    );
    assert_eq!(
        app.get(&c, &format!("/rencana/{rpjmd}/hapus"))
            .await
            .status(),
        403
    );
    // Another region's planner may not either.
    let other = app.login("perencana.blitar").await;
    let plan = app.plan_id("33.71", "rkpd").await;
    assert_eq!(
        app.get(&other, &format!("/rencana/{plan}/hapus"))
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn an_indicator_a_chapter_and_a_new_plan_can_go() {
    let app = spawn_app().await;
    let c = app.login("perencana.magelang").await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let (ind, version): (Uuid, i32) = sqlx::query_as(
        "SELECT n.id, n.version FROM indicators n WHERE n.plan_id = $1
           AND NOT EXISTS (SELECT 1 FROM indicators f WHERE f.source_indicator_id = n.id) LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        app.get(&c, &format!("/indikator/{ind}/hapus"))
            .await
            .status(),
        200
    );
    let res = app
        .post_form(
            &c,
            &format!("/indikator/{ind}/hapus"),
            &[("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(&app, "SELECT count(*) FROM indicators WHERE id = $1", ind).await,
        0
    );

    let (section, version): (Uuid, i32) = sqlx::query_as(
        "SELECT id, version FROM plan_sections WHERE plan_id = $1 ORDER BY position DESC LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .post_form(
            &c,
            &format!("/bab/{section}/hapus"),
            &[("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM plan_sections WHERE id = $1",
            section
        )
        .await,
        0
    );

    // A plan begun by mistake, still at its first stage.
    let rpjpd = app.plan_id("33.71", "rpjpd").await;
    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rpjmd"),
                ("title", "RPJMD salah ketik"),
                ("first_year", "2025"),
                ("last_year", "2029"),
                ("parent_id", &rpjpd.to_string()),
            ],
        )
        .await;
    let fresh: Uuid = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/rencana/")
        .parse()
        .unwrap();
    let page = text(app.get(&c, &format!("/rencana/{fresh}")).await).await;
    assert!(page.contains(&format!("href=\"/rencana/{fresh}/hapus\"")));
    let version = app.plan_version(fresh).await;
    let res = app
        .post_form(
            &c,
            &format!("/rencana/{fresh}/hapus"),
            &[("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(&app, "SELECT count(*) FROM plans WHERE id = $1", fresh).await,
        0
    );
    let audited = count(
        &app,
        "SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'plan' AND entity_id = $1::text",
        fresh,
    )
    .await;
    assert_eq!(audited, 1);
}
