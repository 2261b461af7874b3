//! The plan page runs the same SQL statements whatever the plan's size:
//! counted through sqlx's own statement log, for a plan of 30 sub kegiatan
//! and one of 3,000.

mod common;

use common::{spawn_app_with, text};
use tracing_subscriber::layer::SubscriberExt;
use uuid::Uuid;

/// An RKPD in the demo region with one prioritas → program → kegiatan and
/// `n` sub kegiatan, each with an indicator, a target and two years of pagu.
async fn plan_with(db: &sqlx::PgPool, n: i32) -> Uuid {
    let plan = Uuid::now_v7();
    let dinkes = common::fixtures::region_org_id(db, "33.71", "dinkes").await;
    sqlx::query(
        "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, stage)
         VALUES ($1, '33.71', 'rkpd', $2, 2026, 2026, 'rancangan_awal')",
    )
    .bind(plan)
    .bind(format!("RKPD uji {n}"))
    .execute(db)
    .await
    .unwrap();
    let sql = [
        "INSERT INTO plan_items (id, region_kode, plan_id, level, nama) VALUES (gen_random_uuid(), '33.71', $1, 'prioritas', 'Prioritas')",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), '33.71', $1, id, 'program', '1.02.02', 'Program', $3 FROM plan_items WHERE plan_id = $1",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), '33.71', $1, id, 'kegiatan', '1.02.02.2.01', 'Kegiatan', $3 FROM plan_items WHERE plan_id = $1 AND level = 'program'",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, kode, nama, responsible_org_id, lokasi, tags)
         SELECT gen_random_uuid(), '33.71', $1, k.id, 'sub_kegiatan', '1.02.02.2.01.' || lpad(g::text, 4, '0'),
                'Sub kegiatan ' || g, $3, '{33.71.01}', '{spm}'
         FROM plan_items k, generate_series(1, $2) g WHERE k.plan_id = $1 AND k.level = 'kegiatan'",
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, name, satuan, polaritas)
         SELECT gen_random_uuid(), '33.71', $1, id, 'Keluaran ' || nama, 'Unit', 'naik' FROM plan_items WHERE plan_id = $1",
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target)
         SELECT id, 2026, '33.71', 10 FROM indicators WHERE plan_id = $1",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT i.id, y, '33.71', 1000000 FROM plan_items i, generate_series(2026, 2027) y
         WHERE i.plan_id = $1 AND i.level <> 'prioritas'",
    ];
    for s in sql {
        sqlx::query(s)
            .bind(plan)
            .bind(n)
            .bind(dinkes)
            .execute(db)
            .await
            .unwrap();
    }
    plan
}

#[tokio::test]
async fn the_plan_page_costs_the_same_statements_for_30_and_3000_sub_kegiatan() {
    tracing::subscriber::set_global_default(
        tracing_subscriber::registry().with(selaras::telemetry::CountStatements),
    )
    .unwrap();
    // Every request reads its session, so that requests compare whether
    // or not the one before was within the kept while.
    let app = spawn_app_with(|c| c.session_cache = std::time::Duration::ZERO).await;
    let planner = app.login("perencana.magelang").await;
    // The home page's work queue, before and after two more plans (one
    // of 3,000 sub kegiatan) and their comments.
    let home = |app: &common::TestApp, c: &reqwest::Client| {
        let (app, c) = (app.base.clone(), c.clone());
        async move {
            let before = selaras::telemetry::statements();
            let res = c.get(format!("{app}/")).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let body = res.text().await.unwrap();
            assert!(body.contains("Usulan yang menunggu keputusan Anda"));
            selaras::telemetry::statements() - before
        }
    };
    let home_before = home(&app, &planner).await;
    let small = plan_with(&app.db, 30).await;
    let big = plan_with(&app.db, 3000).await;
    let home_after = home(&app, &planner).await;
    assert_eq!(home_before, home_after, "the home page's statements");
    assert!(home_before <= 8, "a fixed handful: {home_before}");

    let mut counts = Vec::new();
    for plan in [small, big] {
        let before = selaras::telemetry::statements();
        let res = app.get(&planner, &format!("/rencana/{plan}")).await;
        assert_eq!(res.status(), 200);
        let body = text(res).await;
        counts.push(selaras::telemetry::statements() - before);
        assert!(body.contains("Sub kegiatan 30"));
        if plan == big {
            assert!(
                body.contains("1.02.02.2.01.3000"),
                "every item is on the page"
            );
        }
    }
    assert!(counts[0] > 0, "statements are counted");
    // Session, plan, sections, items, pagu, indicators, stage panel
    // (transitions, requester, schedules), comments, follow state: a fixed
    // set, whatever the size.
    assert_eq!(
        counts[0], counts[1],
        "statements for 30 vs 3,000 sub kegiatan"
    );
    assert!(
        counts[0] <= 16,
        "a handful of statements per page, not one per item: {}",
        counts[0]
    );

    // Cek Keselarasan reads each table a bounded number of times too.
    let mut counts = Vec::new();
    for plan in [small, big] {
        let before = selaras::telemetry::statements();
        let res = app.get(&planner, &format!("/rencana/{plan}/cek")).await;
        assert_eq!(res.status(), 200);
        let body = text(res).await;
        counts.push(selaras::telemetry::statements() - before);
        assert!(body.contains("K07"), "the check ran");
    }
    assert_eq!(
        counts[0], counts[1],
        "check statements for 30 vs 3,000 sub kegiatan"
    );
    assert!(counts[0] <= 24, "a fixed set of statements: {}", counts[0]);
}
