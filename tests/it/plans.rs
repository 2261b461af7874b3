//! Plans over HTTP, as planners and agencies use them: creating documents
//! and each cascade level, code rules, indicators and targets, pagu, the
//! RKPD derived from its RPJMD, RKPD Perubahan reasons, conflicts, audit.

use crate::common;

use common::{TestApp, client, spawn_app, text};
use uuid::Uuid;

async fn create_plan(app: &TestApp, c: &reqwest::Client, form: &[(&str, &str)]) -> Uuid {
    let res = app.post_form(c, "/rencana/baru", form).await;
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(status, 303, "{}", text(res).await);
    Uuid::parse_str(location.unwrap().trim_start_matches("/rencana/")).unwrap()
}

async fn add_item(app: &TestApp, c: &reqwest::Client, plan: Uuid, form: &[(&str, &str)]) -> Uuid {
    let res = app
        .post_form(c, &format!("/rencana/{plan}/item"), form)
        .await;
    let status = res.status();
    let location = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(status, 303, "{}", text(res).await);
    Uuid::parse_str(location.unwrap().trim_start_matches("/item/")).unwrap()
}

async fn org(app: &TestApp, code: &str) -> String {
    let id = app.region_org_id("33.71", code).await;
    id.to_string()
}

/// An RPJPD and an RPJMD with visi → misi → tujuan → sasaran → two
/// programs (health by Dinkes, education by Disdikbud), built through the
/// forms. Returns (rpjmd, sasaran, health program, education program).
async fn build_rpjmd(app: &TestApp, planner: &reqwest::Client) -> (Uuid, Uuid, Uuid, Uuid) {
    let rpjpd = create_plan(
        app,
        planner,
        &[
            ("kind", "rpjpd"),
            ("title", "RPJPD Uji 2025–2044"),
            ("first_year", "2025"),
            ("last_year", "2044"),
        ],
    )
    .await;
    let rpjpd_s = rpjpd.to_string();
    let rpjmd = create_plan(
        app,
        planner,
        &[
            ("kind", "rpjmd"),
            ("title", "RPJMD Uji 2025–2029"),
            ("first_year", "2025"),
            ("last_year", "2029"),
            ("parent_id", &rpjpd_s),
        ],
    )
    .await;
    let visi = add_item(
        app,
        planner,
        rpjmd,
        &[("nama", "Magelang maju, sehat dan berbudaya")],
    )
    .await;
    let visi_s = visi.to_string();
    let misi = add_item(
        app,
        planner,
        rpjmd,
        &[
            ("parent_id", &visi_s),
            ("nama", "Meningkatkan kualitas SDM"),
        ],
    )
    .await;
    let misi_s = misi.to_string();
    let tujuan = add_item(
        app,
        planner,
        rpjmd,
        &[
            ("parent_id", &misi_s),
            ("nama", "Meningkatnya derajat kesehatan"),
        ],
    )
    .await;
    let tujuan_s = tujuan.to_string();
    let sasaran = add_item(
        app,
        planner,
        rpjmd,
        &[("parent_id", &tujuan_s), ("nama", "Menurunnya stunting")],
    )
    .await;
    let sasaran_s = sasaran.to_string();
    let dinkes = org(app, "dinkes").await;
    let disdik = org(app, "disdikbud").await;
    let health = add_item(
        app,
        planner,
        rpjmd,
        &[
            ("parent_id", &sasaran_s),
            ("kode", "1.02.02"),
            ("nama", ""),
            ("responsible_org_id", &dinkes),
        ],
    )
    .await;
    let edu = add_item(
        app,
        planner,
        rpjmd,
        &[
            ("parent_id", &sasaran_s),
            ("kode", "1.01.02"),
            ("nama", ""),
            ("responsible_org_id", &disdik),
        ],
    )
    .await;
    (rpjmd, sasaran, health, edu)
}

fn indicator_form<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("name", "Prevalensi stunting pada balita"),
        ("satuan", "%"),
        ("polaritas", "turun"),
        ("kondisi_awal", "14,2"),
        ("kondisi_awal_tahun", "2024"),
        ("target_2025", "12,5"),
        ("target_2026", "10,4"),
        ("target_2027", "8,3"),
        ("target_2028", "6,2"),
        ("target_2029", "4,13"),
        ("kondisi_akhir", "4,13"),
    ];
    f.extend_from_slice(extra);
    f
}

#[tokio::test]
async fn a_planner_builds_an_rpjmd_level_by_level() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (rpjmd, sasaran, health, _) = build_rpjmd(&app, &planner).await;

    // The program took its name from the nomenclature.
    let item = text(app.get(&planner, &format!("/item/{health}")).await).await;
    assert!(item.contains("1.02.02"), "{item}");
    assert!(item.to_uppercase().contains("UPAYA KESEHATAN"), "{item}");
    assert!(item.contains("Dinas Kesehatan Kota Magelang"));

    // The plan page shows the whole tree, and starts in its first stage.
    let page = text(app.get(&planner, &format!("/rencana/{rpjmd}")).await).await;
    for s in [
        "Magelang maju, sehat dan berbudaya",
        "Meningkatkan kualitas SDM",
        "Menurunnya stunting",
        "1.02.02",
        "1.01.02",
        "Rancangan teknokratik",
    ] {
        assert!(page.contains(s), "{s} missing");
    }
    // A level the kind does not have is refused: nothing below a program in an RPJMD.
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rpjmd}/item"),
            &[
                ("parent_id", &health.to_string()),
                ("kode", "1.02.02.2.01"),
                ("nama", "x"),
            ],
        )
        .await;
    assert_eq!(res.status(), 400);
    let _ = sasaran;
    let audit: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'plan_item' AND action = 'create'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(audit >= 6, "every item written to the audit log ({audit})");
}

#[tokio::test]
async fn nomenclature_codes_are_checked_next_to_the_field() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (rpjmd, sasaran, _, _) = build_rpjmd(&app, &planner).await;
    let sasaran_s = sasaran.to_string();
    let dinkes = org(&app, "dinkes").await;
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items")
        .fetch_one(&app.db)
        .await
        .unwrap();
    for (kode, expect) in [
        ("1.2.2", "tidak sesuai format"),
        ("1.02.02.2.01", "bukan program"),
        ("9.99.99", "tidak ada dalam nomenklatur"),
        ("1.02.02", "sudah dipakai item lain"),
    ] {
        let res = app
            .post_form(
                &planner,
                &format!("/rencana/{rpjmd}/item"),
                &[
                    ("parent_id", &sasaran_s),
                    ("kode", kode),
                    ("nama", "Program uji"),
                    ("responsible_org_id", &dinkes),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{kode}");
        let body = text(res).await;
        assert!(body.contains(r#"id="child-kode-error""#), "{kode}: {body}");
        assert!(body.contains(expect), "{kode}: wanted {expect}");
        // What was typed comes back in the form.
        assert!(
            body.contains(&format!(r#"name="kode" type="text" value="{kode}""#)),
            "{kode} kept"
        );
        assert!(body.contains(">Program uji</textarea>"), "nama kept");
    }
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(before, after, "nothing written");
}

#[tokio::test]
async fn indicators_targets_and_pagu() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (_, _, health, _) = build_rpjmd(&app, &planner).await;

    // A band whose min exceeds its max is refused; what was typed stays.
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/indikator/baru"),
            &[
                ("name", "Penurunan kemiskinan"),
                ("satuan", "poin"),
                ("polaritas", "rentang"),
                ("target_2026", "1,8"),
                ("target_max_2026", "0,6"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(
        body.contains("batas bawah 1,8 lebih besar dari batas atas 0,6"),
        "{body}"
    );
    assert!(body.contains(r#"value="Penurunan kemiskinan""#));

    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/indikator/baru"),
            &indicator_form(&[]),
        )
        .await;
    assert_eq!(res.status(), 303);
    let ind = res.headers()["location"].to_str().unwrap().to_string();
    let page = text(app.get(&planner, &ind).await).await;
    assert!(page.contains("<svg"), "a chart");
    assert!(page.contains("Target 2029: 4,13"));
    assert!(page.contains("Kondisi awal 2024: 14,2"));

    // A target that rises although lower is better is saved but flagged.
    let mut f = indicator_form(&[("version", "1")]);
    f.retain(|(k, _)| *k != "target_2027");
    f.push(("target_2027", "11"));
    let res = app.post_form(&planner, &ind, &f).await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&planner, &ind).await)
            .await
            .contains("padahal polaritasnya turun")
    );
    // A target is deleted by emptying its year (issue 14, point 7).
    let mut f = indicator_form(&[("version", "2")]);
    f.retain(|(k, _)| *k != "target_2027");
    f.push(("target_2027", ""));
    let res = app.post_form(&planner, &ind, &f).await;
    assert_eq!(res.status(), 303);
    let years: Vec<i32> = sqlx::query_scalar(
        "SELECT y.year FROM indicator_years y JOIN indicators n ON n.id = y.indicator_id
         WHERE n.item_id = $1 AND y.target IS NOT NULL ORDER BY y.year",
    )
    .bind(health)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(years, vec![2025, 2026, 2028, 2029]);

    // Pagu: exact rupiah, shown the Indonesian way.
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/pagu"),
            &[
                ("version", "1"),
                ("pagu_2025", "12.500.000.000"),
                ("pagu_2026", "13250000000,50"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let item = text(app.get(&planner, &format!("/item/{health}")).await).await;
    assert!(item.contains("Rp12.500.000.000"), "{item}");
    assert!(item.contains("Rp13.250.000.000,50"));
    let stored = app.pagu(health, 2026).await;
    assert_eq!(stored.to_string(), "13250000000.50");
    // Bad amounts are refused and change nothing.
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/pagu"),
            &[
                ("version", "2"),
                ("pagu_2025", "dua belas miliar"),
                ("pagu_2026", "tiga belas"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    // Every bad year is named, and what was typed comes back.
    let page = text(res).await;
    assert!(page.contains("2025:") && page.contains("2026:"), "{page}");
    assert!(page.contains(r#"value="dua belas miliar""#), "{page}");
    // Quotes and markup in an amount come back escaped, named by year.
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/pagu"),
            &[("version", "2"), ("pagu_2025", "1.000\"><b>")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("2025:") && !page.contains("\"><b>"), "{page}");
    assert!(
        text(app.get(&planner, &format!("/item/{health}")).await)
            .await
            .contains("Rp12.500.000.000")
    );
    // Two planners at once: the later save sees the conflict, keeps what
    // it typed, and shows what is stored now beside it.
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/pagu"),
            &[("version", "2"), ("pagu_2025", "12.600.000.000")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/pagu"),
            &[("version", "2"), ("pagu_2025", "12.900.000.000")],
        )
        .await;
    assert_eq!(res.status(), 409);
    let page = text(res).await;
    assert!(page.contains(r#"value="12.900.000.000""#), "{page}");
    assert!(page.contains("Sekarang: Rp12.600.000.000"), "{page}");
    // The form shows saved amounts as they are typed, sen included, so
    // saving it again unchanged is accepted and changes nothing.
    let both = |version: &'static str| {
        [
            ("version", version),
            ("pagu_2025", "12.600.000.000"),
            ("pagu_2026", "13.250.000.000,50"),
        ]
    };
    let pagu = format!("/item/{health}/pagu");
    assert_eq!(
        app.post_form(&planner, &pagu, &both("3")).await.status(),
        303
    );
    let item = text(app.get(&planner, &format!("/item/{health}")).await).await;
    assert!(item.contains(r#"value="12.600.000.000""#), "{item}");
    assert!(item.contains(r#"value="13.250.000.000,50""#), "{item}");
    assert_eq!(
        app.post_form(&planner, &pagu, &both("4")).await.status(),
        303
    );
    assert_eq!(app.pagu(health, 2026).await.to_string(), "13250000000.50");
}

#[tokio::test]
async fn an_rkpd_is_derived_from_its_rpjmd() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (rpjmd, _, health, _) = build_rpjmd(&app, &planner).await;
    let res = app
        .post_form(
            &planner,
            &format!("/item/{health}/indikator/baru"),
            &indicator_form(&[]),
        )
        .await;
    assert_eq!(res.status(), 303);
    app.post_form(
        &planner,
        &format!("/item/{health}/pagu"),
        &[
            ("version", "1"),
            ("pagu_2025", "1.000.000"),
            ("pagu_2026", "2.000.000"),
            ("pagu_2027", "3.000.000"),
        ],
    )
    .await;

    // A year outside the RPJMD's period is refused.
    let rpjmd_s = rpjmd.to_string();
    let res = app
        .post_form(
            &planner,
            "/rencana/baru",
            &[
                ("kind", "rkpd"),
                ("title", "RKPD Uji 2031"),
                ("first_year", "2031"),
                ("parent_id", &rpjmd_s),
                ("copy", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);

    let rkpd = create_plan(
        &app,
        &planner,
        &[
            ("kind", "rkpd"),
            ("title", "RKPD Uji 2026"),
            ("first_year", "2026"),
            ("parent_id", &rpjmd_s),
            ("copy", "on"),
        ],
    )
    .await;
    let page = text(app.get(&planner, &format!("/rencana/{rkpd}")).await).await;
    assert!(
        page.contains("Rancangan awal"),
        "RKPD starts without the teknokratik stage"
    );
    assert!(
        page.contains("Menurunnya stunting"),
        "the sasaran became a prioritas"
    );
    assert!(page.contains("1.02.02") && page.contains("1.01.02"));
    assert!(page.contains("Rp2.000.000"), "pagu of 2026");
    assert!(
        page.contains("Rp3.000.000"),
        "pagu of 2027 as prakiraan maju"
    );
    assert!(!page.contains("Rp1.000.000"), "not 2025");

    let (copied, source): (Uuid, Option<Uuid>) = sqlx::query_as(
        "SELECT id, source_item_id FROM plan_items WHERE plan_id = $1 AND kode = '1.02.02'",
    )
    .bind(rkpd)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(source, Some(health), "linked to what it came from");
    let (target, src_ind): (Option<rust_decimal::Decimal>, Option<Uuid>) = sqlx::query_as(
        "SELECT y.target, n.source_indicator_id FROM indicators n JOIN indicator_years y ON y.indicator_id = n.id
         WHERE n.item_id = $1",
    )
    .bind(copied)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(target.unwrap().to_string(), "10.4", "only the 2026 target");
    assert!(src_ind.is_some());
    // The item page links up to the RPJMD program, which links down.
    let item = text(app.get(&planner, &format!("/item/{copied}")).await).await;
    assert!(item.contains("RPJMD Uji 2025–2029"), "{item}");
    let up = text(app.get(&planner, &format!("/item/{health}")).await).await;
    assert!(up.contains("RKPD Uji 2026"));
}

#[tokio::test]
async fn an_agency_edits_only_its_own_items() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (rpjmd, sasaran, health, edu) = build_rpjmd(&app, &planner).await;
    let agency = app.login("dinkes.magelang").await;
    let dinkes = org(&app, "dinkes").await;

    // Its own program: targets and pagu.
    let res = app
        .post_form(
            &agency,
            &format!("/item/{health}/indikator/baru"),
            &indicator_form(&[]),
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &agency,
            &format!("/item/{health}/pagu"),
            &[("version", "1"), ("pagu_2026", "5.000.000")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&agency, &format!("/item/{health}")).await).await;
    assert!(page.contains("Simpan pagu"));

    // Another agency's program, the sasaran above it, the plan's sections.
    for (path, form) in [
        (
            format!("/item/{edu}/pagu"),
            vec![("version", "1"), ("pagu_2026", "1")],
        ),
        (format!("/item/{edu}/indikator/baru"), indicator_form(&[])),
        (
            format!("/item/{sasaran}"),
            vec![("nama", "diubah"), ("version", "1")],
        ),
        (
            format!("/rencana/{rpjmd}/bab"),
            vec![("title", "Bab"), ("body_md", "x")],
        ),
        (
            format!("/rencana/{rpjmd}/item"),
            vec![("nama", "Visi lain")],
        ),
    ] {
        let res = app.post_form(&agency, &path, &form).await;
        assert_eq!(res.status(), 403, "{path}");
    }
    let page = text(app.get(&agency, &format!("/item/{edu}")).await).await;
    assert!(
        !page.contains("Simpan pagu"),
        "no edit forms on others' items"
    );
    // Nor may it hand its program to another agency.
    let disdik = org(&app, "disdikbud").await;
    let res = app
        .post_form(
            &agency,
            &format!("/item/{health}"),
            &[
                ("kode", "1.02.02"),
                ("nama", "Program"),
                ("responsible_org_id", &disdik),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(res.status(), 403);
    let _ = dinkes;
    // Reviewers and community members read but never edit.
    for who in ["dprd.magelang", "kepala.bapperida"] {
        let c = app.login(who).await;
        assert_eq!(
            app.get(&c, &format!("/rencana/{rpjmd}")).await.status(),
            200,
            "{who}"
        );
        let res = app
            .post_form(
                &c,
                &format!("/item/{health}/pagu"),
                &[("version", "2"), ("pagu_2026", "1")],
            )
            .await;
        assert_eq!(res.status(), 403, "{who}");
    }
    // A community member does not read a draft before consultation.
    let pkk = app.login("pkk.magelang").await;
    let res = app.get(&pkk, &format!("/rencana/{rpjmd}")).await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("konsultasi publik"));
    // Another region's planner sees nothing of it.
    let blitar = app.login("perencana.blitar").await;
    assert_eq!(
        app.get(&blitar, &format!("/item/{health}")).await.status(),
        403
    );
}

#[tokio::test]
async fn a_stale_save_shows_both_versions_and_loses_nothing() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (_, sasaran, _, _) = build_rpjmd(&app, &planner).await;
    let other = app.login("perencana.magelang").await;
    let path = format!("/item/{sasaran}");
    let res = app
        .post_form(
            &planner,
            &path,
            &[
                ("nama", "Menurunnya prevalensi stunting balita"),
                ("description", "Strategi A"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &other,
            &path,
            &[
                ("nama", "Turunnya stunting"),
                ("description", "Strategi B"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    let body = text(res).await;
    assert!(body.contains("sudah diubah orang lain"));
    assert!(
        body.contains("Menurunnya prevalensi stunting balita"),
        "theirs"
    );
    assert!(
        body.contains("Turunnya stunting") && body.contains("Strategi B"),
        "mine kept"
    );
    assert!(body.contains(r#"name="version" value="2""#));
}

#[tokio::test]
async fn a_refused_top_item_comes_back_with_what_was_typed() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let plan = create_plan(
        &app,
        &planner,
        &[
            ("kind", "rpjpd"),
            ("title", "RPJPD Uji 2025–2044"),
            ("first_year", "2025"),
            ("last_year", "2044"),
        ],
    )
    .await;
    let long = "Magelang kota jasa yang maju ".repeat(40);
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{plan}/item"),
            &[("nama", long.as_str())],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(body.contains("maksimal 1.000 karakter"), "{body}");
    assert!(
        body.contains(&format!(">{long}</textarea>")),
        "the text is kept"
    );
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items WHERE plan_id = $1")
        .bind(plan)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn an_rkpd_perubahan_asks_a_reason_for_every_change() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (rpjmd, _, health, _) = build_rpjmd(&app, &planner).await;
    app.post_form(
        &planner,
        &format!("/item/{health}/pagu"),
        &[("version", "1"), ("pagu_2026", "2.000.000")],
    )
    .await;
    let rpjmd_s = rpjmd.to_string();
    let rkpd = create_plan(
        &app,
        &planner,
        &[
            ("kind", "rkpd"),
            ("title", "RKPD Uji 2026"),
            ("first_year", "2026"),
            ("parent_id", &rpjmd_s),
            ("copy", "on"),
        ],
    )
    .await;
    let rkpd_s = rkpd.to_string();
    let perubahan = create_plan(
        &app,
        &planner,
        &[
            ("kind", "rkpd_perubahan"),
            ("title", "Perubahan RKPD Uji 2026"),
            ("first_year", "2026"),
            ("parent_id", &rkpd_s),
        ],
    )
    .await;
    let program = app.item_id(perubahan, "1.02.02").await;
    assert!(
        text(app.get(&planner, &format!("/item/{program}")).await)
            .await
            .contains("Rp2.000.000"),
        "copied"
    );

    let res = app
        .post_form(
            &planner,
            &format!("/item/{program}/pagu"),
            &[("version", "1"), ("pagu_2026", "2.500.000")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("tuliskan alasan"));
    let res = app
        .post_form(
            &planner,
            &format!("/item/{program}/pagu"),
            &[
                ("version", "1"),
                ("pagu_2026", "2.500.000"),
                ("reason", "Tambahan DAK untuk posyandu"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let changes = text(
        app.get(&planner, &format!("/rencana/{perubahan}/perubahan"))
            .await,
    )
    .await;
    assert!(changes.contains("Tambahan DAK untuk posyandu"), "{changes}");
    assert!(changes.contains("Rp2.000.000") && changes.contains("Rp2.500.000"));
    // The change log filters by a word of the reason, with its count.
    let total = changes.matches("data-label=\"Alasan\"").count();
    assert!(changes.contains(&format!("{total} dari {total} perubahan")));
    let found = text(
        app.get(
            &planner,
            &format!("/rencana/{perubahan}/perubahan?cari=dak"),
        )
        .await,
    )
    .await;
    assert!(
        found.contains(&format!("1 dari {total} perubahan")),
        "{found}"
    );
    let none = text(
        app.get(
            &planner,
            &format!("/rencana/{perubahan}/perubahan?cari=%25%27"),
        )
        .await,
    )
    .await;
    assert!(none.contains("Tidak ada perubahan yang cocok"));
    // The original RKPD is untouched.
    let original: rust_decimal::Decimal = sqlx::query_scalar(
        "SELECT g.amount FROM item_pagu g JOIN plan_items i ON i.id = g.item_id WHERE i.plan_id = $1 AND i.kode = '1.02.02' AND g.year = 2026",
    )
    .bind(rkpd)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(original, rust_decimal::Decimal::from(2_000_000));
}

#[tokio::test]
async fn markdown_sections_are_sanitized() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let (rpjmd, ..) = build_rpjmd(&app, &planner).await;
    // A title of 5,000 characters: the form again, filled in, the message
    // beside the title.
    let long = "B".repeat(5000);
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rpjmd}/bab"),
            &[("title", long.as_str()), ("body_md", "Isi yang diketik.")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("title-error") && page.contains("Isi yang diketik."),
        "{page}"
    );
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rpjmd}/bab"),
            &[
                ("title", "Bab I Pendahuluan"),
                ("body_md", "Paragraf **pertama**.\n\n<script>alert('x')</script>\n\n[klik](javascript:alert(1))\n\n<img src=x onerror=alert(2)>"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&planner, &format!("/rencana/{rpjmd}")).await).await;
    assert!(
        page.contains(r#"<p id="bab-1-p1">Paragraf <strong>pertama</strong>.</p>"#),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("href=\"javascript"));
    assert!(!page.contains("<img src=x"));
}

#[tokio::test]
async fn the_demo_plans_show_a_full_cascade_with_real_targets() {
    let app = spawn_app().await;
    let c = app.login("dprd.magelang").await;
    let list = text(app.get(&c, "/rencana").await).await;
    for kind in ["RPJPD", "RPJMD", "Renstra", "RKPD", "Renja"] {
        assert!(list.contains(kind), "{kind} in the list");
    }
    let (rkpd, stage): (Uuid, String) = sqlx::query_as(
        "SELECT id, stage::text FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stage, "konsultasi_publik");
    // Prioritas → program → kegiatan → sub kegiatan, programs linked to the RPJMD.
    let levels: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT level::text FROM plan_items WHERE plan_id = $1 ORDER BY 1",
    )
    .bind(rkpd)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(levels, ["kegiatan", "prioritas", "program", "sub_kegiatan"]);
    let unlinked: Vec<String> = sqlx::query_scalar(
        "SELECT kode FROM plan_items WHERE plan_id = $1 AND level = 'program' AND source_item_id IS NULL",
    )
    .bind(rkpd)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        unlinked,
        ["1.05.02"],
        "every RKPD program came from the RPJMD but the slip left for Cek Keselarasan (K07)"
    );
    let page = text(app.get(&c, &format!("/rencana/{rkpd}")).await).await;
    assert!(
        page.contains("<title>RKPD 2026 · Selaras</title>"),
        "a plain title: {}",
        page[page.find("<title>").unwrap_or(0)..]
            .chars()
            .take(200)
            .collect::<String>()
    );
    assert!(
        page.contains("Sub kegiatan") && page.contains("Rp"),
        "the tree with pagu"
    );

    // The targets of real plans: stunting to 4,13 %, poverty band 0,6–1,8, RLS 10,64.
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let target = |name: &'static str| {
        let db = app.db.clone();
        async move {
            let row: (Uuid, Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>) = sqlx::query_as(
                "SELECT n.id, y.target, y.target_max FROM indicators n JOIN indicator_years y ON y.indicator_id = n.id
                 WHERE n.plan_id = $1 AND n.name ILIKE $2 AND y.year = 2029 LIMIT 1",
            )
            .bind(rpjmd)
            .bind(name)
            .fetch_one(&db)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
            row
        }
    };
    let (stunting, t, _) = target("%stunting%").await;
    assert_eq!(t.unwrap().normalize().to_string(), "4.13");
    let (_, lo, hi) = target("Penurunan tingkat kemiskinan%").await;
    assert_eq!(
        (
            lo.unwrap().normalize().to_string(),
            hi.unwrap().normalize().to_string()
        ),
        ("0.6".into(), "1.8".into())
    );
    let (_, rls, _) = target("Rata-rata lama sekolah%").await;
    assert_eq!(rls.unwrap().normalize().to_string(), "10.64");
    // The chart of an enacted indicator is public.
    let page = text(
        app.get(&common::client(), &format!("/indikator/{stunting}"))
            .await,
    )
    .await;
    assert!(page.contains("<svg") && page.contains("4,13"));
}

#[tokio::test]
async fn an_agency_adds_kegiatan_and_sub_kegiatan_under_its_program() {
    let app = spawn_app().await;
    let agency = app.login("dinkes.magelang").await;
    let (plan, program): (Uuid, Uuid) = sqlx::query_as(
        "SELECT i.plan_id, i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' AND i.kode = '1.02.02'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let dinkes = org(&app, "dinkes").await;
    let program_s = program.to_string();
    // A code outside the program is refused next to the field.
    let res = app
        .post_form(
            &agency,
            &format!("/rencana/{plan}/item"),
            &[
                ("parent_id", &program_s),
                ("kode", "1.02.03.2.01"),
                ("nama", ""),
                ("responsible_org_id", &dinkes),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        text(res)
            .await
            .contains("harus diawali kode induknya 1.02.02")
    );
    // A kegiatan code not yet used in this RKPD.
    let used: Vec<String> =
        sqlx::query_scalar("SELECT kode FROM plan_items WHERE plan_id = $1 AND kode IS NOT NULL")
            .bind(plan)
            .fetch_all(&app.db)
            .await
            .unwrap();
    let kegiatan_kode: String = sqlx::query_scalar(
        "SELECT kode FROM nomenklatur WHERE region_kode IS NULL AND level = 'kegiatan' AND kode LIKE '1.02.02.%'
         AND kode <> ALL($1) ORDER BY kode LIMIT 1",
    )
    .bind(&used)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let kegiatan = add_item(
        &app,
        &agency,
        plan,
        &[
            ("parent_id", &program_s),
            ("kode", &kegiatan_kode),
            ("nama", ""),
            ("responsible_org_id", &dinkes),
        ],
    )
    .await;
    let sub_kode: String = sqlx::query_scalar(
        "SELECT kode FROM nomenklatur WHERE region_kode IS NULL AND level = 'sub_kegiatan' AND kode LIKE $1 || '.%' ORDER BY kode LIMIT 1",
    )
    .bind(&kegiatan_kode)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let kegiatan_s = kegiatan.to_string();
    let sub = add_item(
        &app,
        &agency,
        plan,
        &[
            ("parent_id", &kegiatan_s),
            ("kode", &sub_kode),
            ("nama", ""),
            ("responsible_org_id", &dinkes),
        ],
    )
    .await;
    // Lokasi, sumber dana and priority tags on the sub kegiatan.
    let res = app
        .post_form(
            &agency,
            &format!("/item/{sub}"),
            &[
                ("kode", sub_kode.as_str()),
                ("nama", "Pelayanan kesehatan balita di posyandu"),
                ("responsible_org_id", &dinkes),
                ("lokasi", "33.71.03.1003"),
                ("lokasi", "33.71.01"),
                ("sumber_dana", "DAK Non Fisik"),
                ("tags", "spm"),
                ("tags", "nasional"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (lokasi, tags, sd): (Vec<String>, Vec<String>, Option<String>) =
        sqlx::query_as("SELECT lokasi, tags, sumber_dana FROM plan_items WHERE id = $1")
            .bind(sub)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(lokasi, ["33.71.03.1003", "33.71.01"]);
    assert_eq!(tags, ["spm", "nasional"]);
    assert_eq!(sd.as_deref(), Some("DAK Non Fisik"));
    let page = text(app.get(&agency, &format!("/item/{sub}")).await).await;
    assert!(page.contains("Rejowinangun Utara"), "lokasi shown by name");
    // A place outside Kota Magelang is refused.
    let res = app
        .post_form(
            &agency,
            &format!("/item/{sub}"),
            &[
                ("kode", sub_kode.as_str()),
                ("nama", "x"),
                ("responsible_org_id", &dinkes),
                ("lokasi", "35.05.04.2014"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn a_village_edits_its_own_village_plan_only() {
    let app = spawn_app().await;
    let (rkpdes, kegiatan): (Uuid, Uuid) = sqlx::query_as(
        "SELECT p.id, i.id FROM plans p JOIN plan_items i ON i.plan_id = p.id
         WHERE p.kind = 'rkpdes' AND i.level = 'kegiatan_desa' ORDER BY i.position LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let desa = app.login("desa.plosorejo").await;
    let res = app
        .post_form(
            &desa,
            &format!("/item/{kegiatan}/pagu"),
            &[("version", "2"), ("pagu_2026", "150.000.000")],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let res = app
        .post_form(
            &desa,
            &format!("/rencana/{rkpdes}/bab"),
            &[
                ("title", "Bab IV Penutup"),
                ("body_md", "Demikian RKPDes ini disusun."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The kabupaten's planner reads it but does not write the village's plan.
    let blitar = app.login("perencana.blitar").await;
    assert_eq!(
        app.get(&blitar, &format!("/rencana/{rkpdes}"))
            .await
            .status(),
        200
    );
    let res = app
        .post_form(
            &blitar,
            &format!("/item/{kegiatan}/pagu"),
            &[("version", "3"), ("pagu_2026", "1")],
        )
        .await;
    assert_eq!(res.status(), 403);
    // Another village operator (of another region) cannot either.
    let kel = app.login("kelurahan.rejowinangun").await;
    let res = app
        .post_form(
            &kel,
            &format!("/item/{kegiatan}/pagu"),
            &[("version", "3"), ("pagu_2026", "1")],
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[path = "plans/documents.rs"]
mod documents;

#[path = "plans/round_trip.rs"]
mod round_trip;

#[path = "plans/structure.rs"]
mod structure;

#[path = "plans/removal.rs"]
mod removal;

#[path = "plans/table.rs"]
mod table;

#[tokio::test]
async fn the_province_has_its_own_planner_and_approver() {
    let app = spawn_app().await;
    let c = app.login("perencana.jateng").await;
    let list = text(app.get(&c, "/rencana").await).await;
    assert!(list.contains("Provinsi Jawa Tengah"), "{list}");
    // The province's cascade starts at its RPJPD, drafted by its planner.
    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rpjpd"),
                ("title", "RPJPD Provinsi Jawa Tengah 2025–2045"),
                ("first_year", "2025"),
                ("last_year", "2045"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let region: String = sqlx::query_scalar(
        "SELECT region_kode FROM plans WHERE title = 'RPJPD Provinsi Jawa Tengah 2025–2045'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(region, "33");
    let approver = app.login("kepala.bappeda.jateng").await;
    assert_eq!(app.get(&approver, "/").await.status(), 200);
}

#[tokio::test]
async fn periods_are_named_as_regions_name_them() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let rpjpd = app.plan_id("33.71", "rpjpd").await;
    let rpjpd_s = rpjpd.to_string();
    // "RPJMD 2025–2030": base year 2025, plan years 2026–2030.
    let id = create_plan(
        &app,
        &planner,
        &[
            ("kind", "rpjmd"),
            ("title", "RPJMD Kota Magelang 2025–2030"),
            ("first_year", "2025"),
            ("last_year", "2030"),
            ("parent_id", &rpjpd_s),
        ],
    )
    .await;
    let (first, last, base): (i32, i32, Option<i32>) =
        sqlx::query_as("SELECT first_year, last_year, tahun_dasar FROM plans WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!((first, last, base), (2026, 2030, Some(2025)));
    let page = text(app.get(&planner, &format!("/rencana/{id}")).await).await;
    assert!(page.contains("2025–2030"));
    // A transitional RPD of three years.
    create_plan(
        &app,
        &planner,
        &[
            ("kind", "rpjmd"),
            ("title", "RPD Kota Magelang 2025–2027"),
            ("first_year", "2025"),
            ("last_year", "2027"),
            ("parent_id", &rpjpd_s),
        ],
    )
    .await;
    // Seven years is still refused, beside the field.
    let res = app
        .post_form(
            &planner,
            "/rencana/baru",
            &[
                ("kind", "rpjmd"),
                ("title", "RPJMD terlalu panjang"),
                ("first_year", "2025"),
                ("last_year", "2031"),
                ("parent_id", &rpjpd_s),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("id=\"last_year-error\""));
}

/// Issue 18, point 5: the plan list filters by kind and a word, with its count.
#[tokio::test]
async fn the_plan_list_filters_by_kind_and_word_with_its_count() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, "/rencana").await).await;
    let total = page
        .split(" dari ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .to_string();
    let page = text(app.get(&planner, "/rencana?jenis=renja").await).await;
    assert!(page.contains(&format!("1 dari {total} dokumen")), "{page}");
    assert!(page.contains("Rencana Kerja Dinas Kesehatan") && !page.contains("Jangka Panjang"));
    let page = text(app.get(&planner, "/rencana?cari=jangka+panjang").await).await;
    assert!(page.contains("Jangka Panjang") && !page.contains("Rencana Kerja Dinas"));
    let page = text(
        app.get(&planner, "/rencana?cari=tidak+ada+yang+begini")
            .await,
    )
    .await;
    assert!(page.contains("Tidak ada dokumen yang cocok"));
}

/// Issue 15, point 4: pages go out gzipped to whoever asks for it.
#[tokio::test]
async fn plan_pages_are_sent_compressed_to_browsers_that_ask() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let url = app.url(&format!("/rencana/{plan}"));
    let plain = client().get(&url).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap().len();
    let gz = client()
        .get(&url)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let gz = gz.bytes().await.unwrap().len();
    assert!(gz * 4 < plain, "{gz} bytes gzipped of {plain}");
}
