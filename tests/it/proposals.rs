//! Proposals from submission to the budget line, by the demo users of each
//! level, and the public page anyone can open by number.

use crate::common;

use common::{TestApp, client, spawn_app, text};
use uuid::Uuid;

async fn kamus(app: &TestApp, nama: &str) -> String {
    let id: Uuid = sqlx::query_scalar("SELECT id FROM kamus_usulan WHERE nama = $1")
        .bind(nama)
        .fetch_one(&app.db)
        .await
        .unwrap();
    id.to_string()
}

async fn org(app: &TestApp, region: &str, code: &str) -> String {
    let id = app.region_org_id(region, code).await;
    id.to_string()
}

/// Submits a Musrenbang proposal as the kelurahan; returns its number.
async fn submit(app: &TestApp, c: &reqwest::Client, title: &str, kamus_name: &str) -> String {
    let kel = org(app, "33.71", "kel-rejowinangun-utara").await;
    let k = kamus(app, kamus_name).await;
    let source = format!("musrenbang:{kel}");
    let res = app
        .post_form(
            c,
            "/usulan/baru",
            &[
                ("source", source.as_str()),
                ("title", title),
                ("problem", "Air meluap ke rumah warga setiap hujan deras."),
                ("solution", "Membangun saluran baru dengan U-ditch."),
                ("wilayah_kode", "33.71.03.1003"),
                ("kamus_id", &k),
                ("volume", "80"),
                ("satuan", ""),
                ("estimated_cost", "120.000.000"),
                ("target_year", "2026"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    loc.trim_start_matches("/usulan/")
        .split('?')
        .next()
        .unwrap()
        .to_string()
}

async fn step(
    app: &TestApp,
    c: &reqwest::Client,
    nomor: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let version = app.proposal_version(nomor).await;
    let v = version.to_string();
    let mut f = form.to_vec();
    f.push(("version", &v));
    app.post_form(c, &format!("/usulan/{nomor}/langkah"), &f)
        .await
}

#[tokio::test]
async fn a_kelurahan_proposal_is_carried_to_diakomodir_and_its_public_page_shows_every_step() {
    let app = spawn_app().await;
    sqlx::query(
        "UPDATE users SET full_name = 'Siti Aminah' WHERE username = 'kelurahan.rejowinangun'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let kel = app.login("kelurahan.rejowinangun").await;
    let kec = app.login("kecamatan.magelangtengah").await;
    let dpupr = app.login("dpupr.magelang").await;
    let dinkes = app.login("dinkes.magelang").await;
    let planner = app.login("perencana.magelang").await;
    let nomor = submit(
        &app,
        &kel,
        "Saluran baru di RT 04 RW 06",
        "Rehabilitasi saluran drainase lingkungan",
    )
    .await;
    assert!(nomor.starts_with("USL-2026-"), "{nomor}");
    assert_eq!(app.proposal_status(&nomor).await, "diajukan");

    // A step nobody offers comes back as the page, the message beside the
    // choice; nothing moves.
    let res = step(&app, &kel, &nomor, &[("langkah", "terbang' \"--")]).await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("Pilih langkah."), "{page}");
    assert_eq!(app.proposal_status(&nomor).await, "diajukan");
    // Only the right role at the right level moves it.
    for c in [&kec, &dpupr, &planner] {
        assert_eq!(
            step(&app, c, &nomor, &[("langkah", "teruskan")])
                .await
                .status(),
            403
        );
    }
    assert_eq!(
        step(
            &app,
            &kel,
            &nomor,
            &[
                ("langkah", "teruskan"),
                ("rekomendasi", "Prioritas 2 kelurahan.")
            ]
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        step(&app, &kel, &nomor, &[("langkah", "teruskan")])
            .await
            .status(),
        403,
        "the kelurahan's turn is over"
    );
    assert_eq!(
        step(
            &app,
            &kec,
            &nomor,
            &[
                ("langkah", "teruskan"),
                ("rekomendasi", "Didukung kecamatan.")
            ]
        )
        .await
        .status(),
        303
    );
    assert_eq!(app.proposal_status(&nomor).await, "diteruskan_kabkota");
    for c in [&dinkes, &planner, &kec] {
        assert_eq!(
            step(&app, c, &nomor, &[("langkah", "verifikasi")])
                .await
                .status(),
            403,
            "only the responsible agency verifies"
        );
    }
    assert_eq!(
        step(
            &app,
            &dpupr,
            &nomor,
            &[("langkah", "verifikasi"), ("rekomendasi", "Layak teknis.")]
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        step(&app, &dpupr, &nomor, &[("langkah", "akomodir")])
            .await
            .status(),
        403,
        "only Bappeda decides"
    );

    // Accepting needs a sub kegiatan of that year's RKPD, a volume and a pagu.
    let res = step(&app, &planner, &nomor, &[("langkah", "akomodir")]).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("pilih sub kegiatan RKPD 2026"));
    let item: Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.kind = 'rkpd' AND p.region_kode = '33.71' AND i.kode = '1.03.06.2.01.0028'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let item_s = item.to_string();
    let res = step(
        &app,
        &planner,
        &nomor,
        &[
            ("langkah", "akomodir"),
            ("item_id", &item_s),
            ("volume", "80"),
            ("pagu", "118.500.000"),
            ("rekomendasi", "Diakomodir pada RKPD 2026."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(app.proposal_status(&nomor).await, "diakomodir");

    // Anyone, without an account, sees the whole way down to the pagu.
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    for s in [
        "Diajukan di desa/kelurahan",
        "Diteruskan ke kecamatan",
        "Diteruskan ke kabupaten/kota",
        "Diverifikasi perangkat daerah",
        "Diakomodir pada RKPD 2026.",
        "1.03.06.2.01.0028",
        "Rp118.500.000",
        "Prioritas 2 kelurahan.",
        "Kecamatan Magelang Tengah",
        "Kelurahan Rejowinangun Utara",
    ] {
        assert!(page.contains(s), "{s} missing");
    }
    assert!(!page.contains("Siti Aminah"), "personal names stay private");
    assert!(
        !page.contains("Operator Dinas PUPR"),
        "actors' names stay private"
    );
    // Staff of the region see who acted.
    assert!(
        text(app.get(&planner, &format!("/usulan/{nomor}")).await)
            .await
            .contains("Siti Aminah")
    );
    // The proposer was told of each step.
    assert!(
        text(app.get(&kel, "/kotak-masuk").await)
            .await
            .contains(&format!("Usulan {nomor}: Diakomodir"))
    );
    // And the item page links back? The public list shows it.
    assert!(
        text(app.get(&client(), "/usulan").await)
            .await
            .contains(&nomor)
    );
}

#[tokio::test]
async fn a_rejection_needs_a_reason_and_shows_it() {
    let app = spawn_app().await;
    let kel = app.login("kelurahan.rejowinangun").await;
    let nomor = submit(
        &app,
        &kel,
        "Penerangan gang RT 01",
        "Rehabilitasi jalan lingkungan",
    )
    .await;
    let res = step(&app, &kel, &nomor, &[("langkah", "tolak"), ("alasan", " ")]).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Alasan penolakan wajib diisi"));
    assert_eq!(app.proposal_status(&nomor).await, "diajukan");
    let res = step(
        &app,
        &kel,
        &nomor,
        &[
            ("langkah", "tolak"),
            ("alasan", "Sudah ditangani swadaya warga RT 01."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains("Ditolak") && page.contains("Sudah ditangani swadaya warga RT 01."));
    // Decided proposals move no more.
    assert_eq!(
        step(&app, &kel, &nomor, &[("langkah", "teruskan")])
            .await
            .status(),
        403
    );
    // The database refuses a rejection without a reason, too.
    assert!(sqlx::query("UPDATE proposals SET status = 'ditolak', reject_reason = NULL WHERE nomor = 'USL-2026-000005'")
        .execute(&app.db)
        .await
        .is_err());
}

#[tokio::test]
async fn a_planner_defers_with_a_year() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    // USL-2026-000003 waits at diverifikasi in the demo.
    let res = step(
        &app,
        &planner,
        "USL-2026-000003",
        &[
            ("langkah", "tunda"),
            ("tahun_tunda", "2026"),
            ("rekomendasi", "Belum ada pagu tahun ini."),
        ],
    )
    .await;
    assert_eq!(res.status(), 422, "a later year");
    // It comes back as typed: the step chosen, the note and the year, with
    // the message beside the year.
    let page = text(res).await;
    assert!(page.contains(r#"value="tunda" required checked"#), "{page}");
    assert!(
        page.contains("Belum ada pagu tahun ini.</textarea>"),
        "{page}"
    );
    assert!(
        page.contains(r#"name="tahun_tunda" type="number" value="2026""#)
            && page.contains(r#"aria-invalid="true" aria-describedby="tahun_tunda-error""#),
        "{page}"
    );
    assert!(page.contains(r#"id="tahun_tunda-error""#), "{page}");
    let res = step(
        &app,
        &planner,
        "USL-2026-000003",
        &[
            ("langkah", "tunda"),
            ("tahun_tunda", "2027"),
            ("rekomendasi", "Masuk RKPD 2027."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&client(), "/usulan/USL-2026-000003").await)
            .await
            .contains("Dipertimbangkan kembali untuk tahun 2027")
    );
}

#[tokio::test]
async fn a_hundred_submissions_at_once_get_a_hundred_numbers() {
    let app = spawn_app().await;
    let kel = app.login("kelurahan.rejowinangun").await;
    let kel_org = org(&app, "33.71", "kel-rejowinangun-utara").await;
    let k = kamus(&app, "Kelas ibu hamil").await;
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for i in 0..100 {
        let (c, url, k, source) = (
            kel.clone(),
            app.url("/usulan/baru"),
            k.clone(),
            format!("musrenbang:{kel_org}"),
        );
        tasks.push(tokio::spawn(async move {
            let title = format!("Usulan serentak nomor {i}");
            c.post(url)
                .form(&[
                    ("source", source.as_str()),
                    ("title", title.as_str()),
                    ("problem", "Masalah yang sama."),
                    ("solution", "Penyelesaian yang sama."),
                    ("wilayah_kode", "33.71.03.1003"),
                    ("kamus_id", k.as_str()),
                    ("volume", "1"),
                    ("estimated_cost", "1.000.000"),
                    ("target_year", "2027"),
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
    let numbers: Vec<String> = sqlx::query_scalar(
        "SELECT nomor FROM proposals WHERE title LIKE 'Usulan serentak nomor %' ORDER BY nomor",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(numbers.len(), 100, "none lost");
    let distinct: std::collections::HashSet<&String> = numbers.iter().collect();
    assert_eq!(distinct.len(), 100, "no number twice");
    assert_eq!(numbers.first().unwrap(), "USL-2027-000001");
    assert_eq!(numbers.last().unwrap(), "USL-2027-000100", "no gaps");
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after - before, 100);
}

#[tokio::test]
async fn a_duplicate_is_shown_to_the_submitter_and_flagged_to_the_planner() {
    let app = spawn_app().await;
    let kel = app.login("kelurahan.rejowinangun").await;
    // The demo has drainage proposals for Rejowinangun Utara in 2026.
    let nomor = submit(
        &app,
        &kel,
        "Drainase RW 05 lagi",
        "Rehabilitasi saluran drainase lingkungan",
    )
    .await;
    let page = text(app.get(&kel, &format!("/usulan/{nomor}?baru=1")).await).await;
    assert!(page.contains("Kemungkinan duplikat"));
    assert!(page.contains("USL-2026-000001"));
    // The same address opens nothing to anyone else (issue 12).
    for other in [common::client(), app.login("lpm.magelang").await] {
        let page = text(app.get(&other, &format!("/usulan/{nomor}?baru=1")).await).await;
        assert!(page.contains("Drainase RW 05 lagi"), "the public page");
        assert!(!page.contains("Kemungkinan duplikat"), "{page}");
        assert!(!page.contains("Usulan terkirim dengan nomor"));
    }
    let tasks = text(app.get(&kel, "/usulan/tugas").await).await;
    assert!(tasks.contains("kemungkinan duplikat"));
    let planner = app.login("perencana.magelang").await;
    assert!(
        text(app.get(&planner, &format!("/usulan/{nomor}")).await)
            .await
            .contains("Kemungkinan duplikat")
    );
    // A different kind of work in the same place is no duplicate.
    let other = submit(&app, &kel, "Kelas ibu hamil RW 06", "Kelas ibu hamil").await;
    let page = text(app.get(&kel, &format!("/usulan/{other}?baru=1")).await).await;
    assert!(
        page.contains("Kemungkinan duplikat"),
        "the demo already has one kelas ibu hamil there"
    );
    let fresh = submit(
        &app,
        &kel,
        "Timbangan untuk posyandu RW 07",
        "Pelayanan kesehatan balita di posyandu",
    )
    .await;
    let page = text(app.get(&kel, &format!("/usulan/{fresh}?baru=1")).await).await;
    assert!(
        !page.contains("Kemungkinan duplikat"),
        "the only earlier one there was rejected, which does not count"
    );
}

#[tokio::test]
async fn ranks_bad_input_and_who_may_submit() {
    let app = spawn_app().await;
    let kel = app.login("kelurahan.rejowinangun").await;
    let res = app
        .post_form(
            &kel,
            "/usulan/USL-2026-000005/peringkat",
            &[("peringkat", "1"), ("kembali", "/usulan/tugas")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let r: Option<i32> =
        sqlx::query_scalar("SELECT rank_desa FROM proposals WHERE nomor = 'USL-2026-000005'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(r, Some(1));
    // A bad rank comes back in its row of the work list, typed value kept.
    let res = app
        .post_form(
            &kel,
            "/usulan/USL-2026-000005/peringkat",
            &[("peringkat", "0"), ("kembali", "/usulan/tugas")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("Peringkat USL-2026-000005 berupa angka 1–999"),
        "{page}"
    );
    assert!(page.contains(r#"value="0" aria-invalid="true""#), "{page}");
    let kec = app.login("kecamatan.magelangtengah").await;
    assert_eq!(
        app.post_form(
            &kec,
            "/usulan/USL-2026-000005/peringkat",
            &[("peringkat", "2")]
        )
        .await
        .status(),
        403
    );

    // Bad input comes back next to its fields, typed values kept.
    let kel_org = org(&app, "33.71", "kel-rejowinangun-utara").await;
    let source = format!("musrenbang:{kel_org}");
    let res = app
        .post_form(
            &kel,
            "/usulan/baru",
            &[
                ("source", source.as_str()),
                ("title", "Jl"),
                ("problem", "Rusak berat."),
                ("solution", "x"),
                ("volume", "nol"),
                ("estimated_cost", "banyak"),
                ("target_year", "2026"),
                ("latitude", "utara"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(
        body.contains("<details open id=\"titik\"><summary>Titik lokasi"),
        "the coordinates open on their error"
    );
    for f in [
        "title",
        "solution",
        "wilayah_kode",
        "kamus_id",
        "volume",
        "estimated_cost",
    ] {
        assert!(body.contains(&format!("id=\"{f}-error\"")), "{f}");
    }
    assert!(body.contains("Rusak berat."), "typed text kept");

    // Pokir need their reses reference; a planner cannot submit Musrenbang.
    let dprd = app.login("dprd.magelang").await;
    let dprd_org = org(&app, "33.71", "dprd").await;
    let k = kamus(&app, "Rehabilitasi jalan lingkungan").await;
    let pokir = format!("pokir:{dprd_org}");
    let form = [
        ("source", pokir.as_str()),
        ("title", "Jalan lingkungan Tidar"),
        ("problem", "Rusak sejak 2023."),
        ("solution", "Rehabilitasi 200 meter."),
        ("wilayah_kode", "33.71.03.1003"),
        ("kamus_id", k.as_str()),
        ("volume", "200"),
        ("estimated_cost", "160.000.000"),
        ("target_year", "2026"),
    ];
    let res = app.post_form(&dprd, "/usulan/baru", &form).await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("rujukan resesnya"));
    let mut with_reses = form.to_vec();
    with_reses.push(("reses_ref", "Reses Masa Sidang II 2025"));
    let res = app.post_form(&dprd, "/usulan/baru", &with_reses).await;
    assert_eq!(res.status(), 303);
    let nomor = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/usulan/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(
        app.proposal_status(&nomor).await,
        "diteruskan_kabkota",
        "pokir enter at kab/kota level"
    );
    let planner = app.login("perencana.magelang").await;
    let planner_org = org(&app, "33.71", "bapperida").await;
    let musrenbang = format!("musrenbang:{planner_org}");
    let res = app
        .post_form(&planner, "/usulan/baru", &[("source", musrenbang.as_str())])
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn the_rkpdes_shows_accepted_proposals_and_links_kegiatan_to_kabupaten_programs() {
    let app = spawn_app().await;
    let (rkpdes, kegiatan, version): (Uuid, Uuid, i32) = sqlx::query_as(
        "SELECT p.id, i.id, i.version FROM plans p JOIN plan_items i ON i.plan_id = p.id
         WHERE p.kind = 'rkpdes' AND i.level = 'kegiatan_desa' ORDER BY i.position LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    // The Plosorejo proposal accepted into the Blitar RKPD 2026.
    let program: Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.kind = 'rkpd' AND p.region_kode = '35.05' AND i.level = 'sub_kegiatan' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query("UPDATE proposals SET status = 'diakomodir', accepted_item_id = $1, accepted_volume = 18, accepted_pagu = 27000000 WHERE nomor = 'USL-2026-000009'")
        .bind(program)
        .execute(&app.db)
        .await
        .unwrap();
    let desa = app.login("desa.plosorejo").await;
    let page = text(app.get(&desa, &format!("/rencana/{rkpdes}")).await).await;
    assert!(page.contains("Usulan desa yang diakomodir") && page.contains("USL-2026-000009"));

    let kab_program: Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.kind = 'rkpd' AND p.region_kode = '35.05' AND i.level = 'program' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let item_page = text(app.get(&desa, &format!("/item/{kegiatan}")).await).await;
    assert!(item_page.contains("Mendukung program kabupaten/kota"));
    let v = version.to_string();
    let kp = kab_program.to_string();
    let res = app
        .post_form(
            &desa,
            &format!("/item/{kegiatan}"),
            &[
                ("nama", "Kegiatan desa"),
                ("supports_item_id", &kp),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let linked: Option<Uuid> =
        sqlx::query_scalar("SELECT supports_item_id FROM plan_items WHERE id = $1")
            .bind(kegiatan)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(linked, Some(kab_program));
    // A program that is not in the referenced RKPD is refused.
    let magelang: Uuid = sqlx::query_scalar(
        "SELECT id FROM plan_items WHERE level = 'program' AND region_kode = '33.71' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let m = magelang.to_string();
    let v2 = (version + 1).to_string();
    let res = app
        .post_form(
            &desa,
            &format!("/item/{kegiatan}"),
            &[
                ("nama", "Kegiatan desa"),
                ("supports_item_id", &m),
                ("version", &v2),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn the_lists_filter_by_status_kecamatan_bidang_and_source() {
    let app = spawn_app().await;
    let all = text(app.get(&client(), "/usulan?wilayah=33.71").await).await;
    assert!(all.contains("USL-2026-000001") && all.contains("USL-2026-000007"));
    let pokir = text(
        app.get(&client(), "/usulan?wilayah=33.71&sumber=pokir")
            .await,
    )
    .await;
    assert!(pokir.contains("USL-2026-000007") && !pokir.contains("USL-2026-000001"));
    let rejected = text(
        app.get(&client(), "/usulan?wilayah=33.71&status=ditolak")
            .await,
    )
    .await;
    assert!(rejected.contains("USL-2026-000002") && !rejected.contains("USL-2026-000001"));
    let health = text(
        app.get(&client(), "/usulan?wilayah=33.71&bidang=1.02")
            .await,
    )
    .await;
    assert!(
        health.contains("USL-2026-000002") && !health.contains("USL-2026-000001"),
        "drainage is 1.03"
    );
    let tengah = text(
        app.get(&client(), "/usulan?wilayah=33.71&kecamatan=33.71.03")
            .await,
    )
    .await;
    assert!(
        tengah.contains("USL-2026-000001") && !tengah.contains("USL-2026-000007"),
        "the pokir is in Magelang Selatan"
    );
}

/// The sheets of a recap workbook as text rows.
fn recap_rows(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|d| match d {
                            Data::String(s) => s.clone(),
                            Data::Float(f) => f.to_string(),
                            _ => String::new(),
                        })
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

#[tokio::test]
async fn the_recap_groups_the_filtered_list_and_names_budget_lines_only_to_their_readers() {
    let app = spawn_app().await;
    let anon = client();
    let page = text(app.get(&anon, "/usulan?wilayah=33.71").await).await;
    assert!(
        page.contains("/usulan/rekap.xlsx?"),
        "linked from the list with its filters"
    );

    let res = app.get(&anon, "/usulan/rekap.xlsx?wilayah=33.71").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("rekap-usulan-kota-magelang")
    );
    let book = recap_rows(&res.bytes().await.unwrap());
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Per kecamatan",
            "Per perangkat daerah",
            "Per bidang",
            "Semua usulan"
        ]
    );
    let nomors: Vec<String> =
        sqlx::query_scalar("SELECT nomor FROM proposals WHERE region_kode = '33.71'")
            .fetch_all(&app.db)
            .await
            .unwrap();
    for (sheet, rows) in &book {
        for n in &nomors {
            assert!(rows.iter().any(|r| r.get(1) == Some(n)), "{n} on {sheet}");
        }
        let jumlah = rows
            .iter()
            .find(|r| r.get(1).is_some_and(|c| c.starts_with("Jumlah")))
            .unwrap();
        assert_eq!(
            jumlah[1],
            format!("Jumlah ({} usulan)", nomors.len()),
            "{sheet}"
        );
    }
    // Accepted proposals carry their sub kegiatan and pagu (the RKPD is
    // public while in konsultasi publik).
    let (nomor, pagu): (String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT nomor, accepted_pagu FROM proposals WHERE status = 'diakomodir' AND region_kode = '33.71' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let row_of = |book: &[(String, Vec<Vec<String>>)]| {
        book[3]
            .1
            .iter()
            .find(|r| r.get(1) == Some(&nomor))
            .cloned()
            .unwrap()
    };
    let row = row_of(&book);
    assert!(!row[11].is_empty(), "the sub kegiatan");
    assert_eq!(
        row[12],
        pagu.to_string().parse::<f64>().unwrap().to_string()
    );

    // The status filter applies to the recap as to the list.
    let res = app
        .get(&anon, "/usulan/rekap.xlsx?wilayah=33.71&status=diakomodir")
        .await;
    let book = recap_rows(&res.bytes().await.unwrap());
    let listed = book[3]
        .1
        .iter()
        .filter(|r| r.get(1).is_some_and(|c| c.starts_with("USL-")))
        .count();
    let accepted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM proposals WHERE region_kode = '33.71' AND status = 'diakomodir'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(listed as i64, accepted);

    // Once the RKPD is back in an internal stage, the public recap no
    // longer names its line; its planner's still does.
    sqlx::query(
        "UPDATE plans SET stage = 'rancangan' WHERE region_kode = '33.71' AND kind = 'rkpd'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let res = app.get(&anon, "/usulan/rekap.xlsx?wilayah=33.71").await;
    let row = row_of(&recap_rows(&res.bytes().await.unwrap()));
    assert!(row[11].is_empty() && row[12].is_empty(), "{row:?}");
    let planner = app.login("perencana.magelang").await;
    let res = app.get(&planner, "/usulan/rekap.xlsx").await;
    let row = row_of(&recap_rows(&res.bytes().await.unwrap()));
    assert!(!row[11].is_empty());
}

/// Issue 17, point 7: the proposer corrects a proposal until it is
/// verified; every correction stays in the public timeline, a refused
/// one keeps what was typed, a stale one saves nothing, and nobody else
/// corrects it.
#[tokio::test]
async fn the_proposer_corrects_until_verification_and_the_timeline_keeps_it() {
    let app = spawn_app().await;
    let kel = app.login("kelurahan.rejowinangun").await;
    let nomor = submit(
        &app,
        &kel,
        "Saluran baru di RT 04",
        "Rehabilitasi saluran drainase lingkungan",
    )
    .await;
    let k = kamus(&app, "Rehabilitasi saluran drainase lingkungan").await;
    let page = text(app.get(&kel, &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains(&format!("href=\"/usulan/{nomor}/koreksi\"")));
    // The form holds the proposal as stored, and its version.
    let form = text(app.get(&kel, &format!("/usulan/{nomor}/koreksi")).await).await;
    assert!(form.contains("value=\"Saluran baru di RT 04\""), "{form}");
    // The cost as it is typed, which the form reads back.
    assert!(
        form.contains(r#"name="estimated_cost" type="text" value="120.000.000""#),
        "{form}"
    );
    let action = form
        .split(&format!("action=\"/usulan/{nomor}/koreksi?version="))
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let url = format!("/usulan/{nomor}/koreksi?version={action}");
    let fields = |title: &'static str, volume: &'static str| {
        let k = k.clone();
        move || {
            vec![
                ("title", title.to_string()),
                (
                    "problem",
                    "Air meluap ke rumah warga setiap hujan deras.".to_string(),
                ),
                (
                    "solution",
                    "Membangun saluran baru dengan U-ditch.".to_string(),
                ),
                ("wilayah_kode", "33.71.03.1003".to_string()),
                ("kamus_id", k.clone()),
                ("volume", volume.to_string()),
                ("satuan", String::new()),
                ("estimated_cost", "120.000.000".to_string()),
            ]
        }
    };
    let post = |url: String, f: Vec<(&'static str, String)>| {
        let (app, kel) = (&app, &kel);
        async move {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form(kel, &url, &f).await
        }
    };
    // A bad field: the form again, filled in, nothing saved.
    let res = post(url.clone(), fields("", "95")()).await;
    assert_eq!(res.status(), 422);
    let again = text(res).await;
    assert!(again.contains("value=\"95\""), "what was typed stays");
    // A good one: saved, and the timeline names what changed.
    let res = post(url.clone(), fields("Saluran baru di RT 04 RW 06", "95")()).await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let public = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(public.contains("Saluran baru di RT 04 RW 06"));
    assert!(
        public.contains("Dikoreksi oleh pengusul: judul, volume."),
        "{public}"
    );
    // The same form again is stale: nothing saved, the typing kept.
    let res = post(url.clone(), fields("Judul dari tab lama", "95")()).await;
    assert_eq!(res.status(), 409);
    let stale = text(res).await;
    assert!(stale.contains("value=\"Judul dari tab lama\""));
    // Sent again from that page, after a look, it is saved.
    let again = stale
        .split(&format!("action=\"/usulan/{nomor}/koreksi?version="))
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let res = post(
        format!("/usulan/{nomor}/koreksi?version={again}"),
        fields("Saluran baru di RT 04 RW 06 (revisi)", "95")(),
    )
    .await;
    assert_eq!(res.status(), 303);
    let title: String = sqlx::query_scalar("SELECT title FROM proposals WHERE nomor = $1")
        .bind(&nomor)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(title, "Saluran baru di RT 04 RW 06 (revisi)");
    // Past its desa, place and kind stay whatever the form says.
    sqlx::query("UPDATE proposals SET status = 'diteruskan_kecamatan' WHERE nomor = $1")
        .bind(&nomor)
        .execute(&app.db)
        .await
        .unwrap();
    let form = text(app.get(&kel, &format!("/usulan/{nomor}/koreksi")).await).await;
    assert!(form.contains("tidak dapat diubah lagi"));
    let version = app.proposal_version(&nomor).await;
    let mut moved = fields("Saluran baru di RT 04 RW 06", "100")();
    moved[3].1 = "33.71.03.1001".to_string();
    let res = post(format!("/usulan/{nomor}/koreksi?version={version}"), moved).await;
    assert_eq!(res.status(), 303);
    let (wilayah, volume): (String, rust_decimal::Decimal) =
        sqlx::query_as("SELECT wilayah_kode, volume FROM proposals WHERE nomor = $1")
            .bind(&nomor)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(wilayah, "33.71.03.1003", "the place stays");
    assert_eq!(volume, rust_decimal::Decimal::from(100));
    // Nobody else corrects it.
    let other = app.login("perencana.magelang").await;
    let res = app.get(&other, &format!("/usulan/{nomor}/koreksi")).await;
    assert_eq!(res.status(), 403);
    // Once verified, the proposer cannot either.
    sqlx::query("UPDATE proposals SET status = 'diverifikasi' WHERE nomor = $1")
        .bind(&nomor)
        .execute(&app.db)
        .await
        .unwrap();
    let res = app.get(&kel, &format!("/usulan/{nomor}/koreksi")).await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("sebelum diverifikasi"));
    let page = text(app.get(&kel, &format!("/usulan/{nomor}")).await).await;
    assert!(!page.contains("/koreksi\""));
}

/// Issue 17, point 5 (following): anyone signed in follows a proposal and
/// hears of its every step and correction, until they stop.
#[tokio::test]
async fn a_follower_hears_of_every_step_until_they_stop() {
    let app = spawn_app().await;
    let kel = app.login("kelurahan.rejowinangun").await;
    let pkk = app.login("pkk.magelang").await;
    let nomor = submit(
        &app,
        &kel,
        "Saluran baru di RT 09",
        "Rehabilitasi saluran drainase lingkungan",
    )
    .await;
    let heard = || async {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
             WHERE u.username = 'pkk.magelang' AND n.link = $1",
        )
        .bind(format!("/usulan/{nomor}"))
        .fetch_one(&app.db)
        .await
        .unwrap();
        n
    };
    // A visitor is asked to sign in; a signed-in person gets the button.
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains("untuk mengikuti usulan ini"));
    let page = text(app.get(&pkk, &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains("Ikuti usulan ini"));
    let res = app
        .post_form(&pkk, &format!("/usulan/{nomor}/ikuti"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&pkk, &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains("Berhenti mengikuti"));
    // A step: the follower hears of it.
    assert_eq!(
        step(&app, &kel, &nomor, &[("langkah", "teruskan")])
            .await
            .status(),
        303
    );
    assert_eq!(heard().await, 1);
    let inbox = text(app.get(&pkk, "/kotak-masuk").await).await;
    assert!(inbox.contains(&format!("Usulan {nomor}")), "{inbox}");
    // Stopped: the next step is not theirs to hear.
    app.post_form(&pkk, &format!("/usulan/{nomor}/ikuti"), &[])
        .await;
    let kec = app.login("kecamatan.magelangtengah").await;
    assert_eq!(
        step(&app, &kec, &nomor, &[("langkah", "teruskan")])
            .await
            .status(),
        303
    );
    assert_eq!(heard().await, 1);
}

/// The discussion under a proposal: anyone signed in writes, everyone
/// reads, the proposer and followers are told; a refused comment keeps its
/// text; a comment is removed by its author or a planner, with a reason.
#[tokio::test]
async fn people_discuss_a_proposal_and_comments_are_removed_with_care() {
    let app = spawn_app().await;
    let nomor: String = sqlx::query_scalar(
        "SELECT nomor FROM proposals WHERE wilayah_kode = '33.71.03.1003' ORDER BY nomor LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains("Belum ada komentar"), "{page}");
    assert!(page.contains("untuk menulis komentar"));

    // A follower, then a comment from the PKK.
    let lpm = app.login("lpm.magelang").await;
    let res = app
        .post_form(&lpm, &format!("/usulan/{nomor}/ikuti"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let pkk = app.login("pkk.magelang").await;
    let said = "Setuju <b>sekali</b>: gang ini banjir tiap hujan.";
    let res = app
        .post_form(
            &pkk,
            &format!("/usulan/{nomor}/komentar"),
            &[("body", said)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(res.headers()["location"].to_str().unwrap().contains("#k-"));
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains("Diskusi (1)"));
    assert!(
        page.contains("Setuju &#60;b&#62;sekali&#60;/b&#62;"),
        "escaped: {page}"
    );
    let told = |who: &'static str| {
        let db = app.db.clone();
        let nomor = nomor.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                 WHERE u.username = $1 AND n.title = 'Komentar baru pada usulan ' || $2",
            )
            .bind(who)
            .bind(nomor)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    assert_eq!(told("kelurahan.rejowinangun").await, 1, "the proposer");
    assert_eq!(told("lpm.magelang").await, 1, "a follower");
    assert_eq!(told("pkk.magelang").await, 0, "not the author");

    // Refused: blank, or too long; what was typed stays.
    let res = app
        .post_form(
            &pkk,
            &format!("/usulan/{nomor}/komentar"),
            &[("body", "   ")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let long = "panjang ".repeat(700);
    let res = app
        .post_form(
            &pkk,
            &format!("/usulan/{nomor}/komentar"),
            &[("body", &long)],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("id=\"body-error\""), "{page}");
    assert!(page.contains(long.trim_end()), "the text is kept");

    // Another person may not remove it; its author may; a planner
    // removes someone else's with a reason everyone reads.
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM proposal_comments LIMIT 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let hapus = format!("/usulan/{nomor}/komentar/{id}/hapus");
    assert_eq!(app.get(&lpm, &hapus).await.status(), 403);
    assert_eq!(app.post_form(&lpm, &hapus, &[]).await.status(), 403);
    let confirm = text(app.get(&pkk, &hapus).await).await;
    assert!(confirm.contains("Hapus komentar ini?") && !confirm.contains("Alasan"));
    let res = app
        .post_form(
            &lpm,
            &format!("/usulan/{nomor}/komentar"),
            &[("body", "Nomor HP warga: 0812…")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let second: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM proposal_comments WHERE body LIKE 'Nomor HP%'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(app.post_form(&pkk, &hapus, &[]).await.status(), 303);
    let planner = app.login("perencana.magelang").await;
    let hapus2 = format!("/usulan/{nomor}/komentar/{second}/hapus");
    assert!(
        text(app.get(&planner, &hapus2).await)
            .await
            .contains("Alasan")
    );
    let res = app.post_form(&planner, &hapus2, &[("reason", " ")]).await;
    assert_eq!(res.status(), 422, "someone else's words go with a reason");
    assert!(text(res).await.contains("id=\"reason-error\""));
    let res = app
        .post_form(
            &planner,
            &hapus2,
            &[("reason", "memuat data pribadi warga")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(
        !page.contains("Setuju &#60;b&#62;") && !page.contains("0812"),
        "{page}"
    );
    assert!(page.contains("Komentar dihapus: memuat data pribadi warga."));
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'proposal_comment' AND action = 'remove'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 2);
    // Another region's planner may not.
    let blitar = app.login("perencana.blitar").await;
    assert_eq!(app.get(&blitar, &hapus2).await.status(), 403);
    // A comment id of another proposal is not found here.
    let other: String = sqlx::query_scalar("SELECT nomor FROM proposals WHERE nomor <> $1 LIMIT 1")
        .bind(&nomor)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .get(
            &planner,
            &format!("/usulan/{other}/komentar/{second}/hapus"),
        )
        .await;
    assert_eq!(res.status(), 404);
}

/// The kecamatan merges a duplicate into a proposal; Bappeda splits one
/// into two. Each public page names the others, both ways.
#[tokio::test]
async fn duplicates_are_merged_and_a_proposal_is_split_with_lineage_both_ways() {
    let app = spawn_app().await;
    let nomor_of = |status: &'static str, place: &'static str| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, String>(
                "SELECT nomor FROM proposals WHERE status::text = $1 AND wilayah_kode = $2 ORDER BY nomor LIMIT 1",
            )
            .bind(status)
            .bind(place)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    let target = nomor_of("diteruskan_kecamatan", "33.71.03.1003").await;
    let dup = nomor_of("diajukan", "33.71.03.1003").await;
    sqlx::query("UPDATE proposals SET status = 'diteruskan_kecamatan' WHERE nomor = $1")
        .bind(&dup)
        .execute(&app.db)
        .await
        .unwrap();
    let refused = nomor_of("ditolak", "33.71.03.1003").await;

    // The village may not; the kecamatan may, after a confirmation.
    let village = app.login("kelurahan.rejowinangun").await;
    assert_eq!(
        app.get(&village, &format!("/usulan/{target}/gabung"))
            .await
            .status(),
        403
    );
    let kec = app.login("kecamatan.magelangtengah").await;
    let form = text(app.get(&kec, &format!("/usulan/{target}/gabung")).await).await;
    assert!(form.contains(&format!("value=\"{dup}\"")), "{form}");
    let page = text(app.get(&kec, &format!("/usulan/{target}")).await).await;
    assert!(page.contains("Gabungkan usulan lain ke sini"));
    let url = app.url(&format!("/usulan/{target}/gabung"));
    let res = kec
        .post(&url)
        .form(&[("nomor", dup.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(text(res).await.contains("Yakin menggabungkan?"));
    // A decided proposal is no longer the kecamatan's to merge; the
    // target itself is no duplicate of itself.
    let res = kec
        .post(&url)
        .form(&[("nomor", refused.as_str()), ("yakin", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let res = kec
        .post(&url)
        .form(&[("nomor", target.as_str()), ("yakin", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("usulan tujuan itu sendiri"));
    let res = kec
        .post(&url)
        .form(&[("nomor", dup.as_str()), ("yakin", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let merged = text(app.get(&client(), &format!("/usulan/{dup}")).await).await;
    assert!(merged.contains("Digabung ke usulan lain"), "{merged}");
    assert!(merged.contains(&format!(
        "Digabung ke <a href=\"/usulan/{target}\">{target}</a>"
    )));
    let kept = text(app.get(&client(), &format!("/usulan/{target}")).await).await;
    assert!(
        kept.contains(&format!(
            "Menggabungkan: <a href=\"/usulan/{dup}\">{dup}</a>"
        )),
        "{kept}"
    );
    assert!(
        kept.contains(&format!("Menggabungkan usulan {dup}.")),
        "in the timeline"
    );
    let told: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE title = 'Usulan ' || $1 || ' digabung ke ' || $2",
    )
    .bind(&dup)
    .bind(&target)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(told, 1, "the duplicate's proposer");
    // A merged proposal is decided: nothing more is done to it.
    assert_eq!(
        app.get(&kec, &format!("/usulan/{dup}/gabung"))
            .await
            .status(),
        403
    );

    // Bappeda splits a proposal at kab/kota level into two.
    let whole = nomor_of("diteruskan_kabkota", "33.71.01.1003").await;
    let planner = app.login("perencana.magelang").await;
    assert_eq!(
        app.get(&planner, &format!("/usulan/{whole}/pecah"))
            .await
            .status(),
        200
    );
    let url = app.url(&format!("/usulan/{whole}/pecah"));
    let one = [
        ("judul", "Bagian utara saja"),
        ("volume", "10"),
        ("biaya", "1.000.000"),
    ];
    let res = planner.post(&url).form(&one).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("sedikitnya dua bagian") && page.contains("value=\"Bagian utara saja\""));
    let last: i32 = sqlx::query_scalar("SELECT last FROM proposal_counters WHERE year = 2026")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let two = [
        ("judul", "Saluran sisi utara"),
        ("volume", "100"),
        ("biaya", "60.000.000"),
        ("judul", "Saluran sisi selatan"),
        ("volume", "80"),
        ("biaya", "45.000.000"),
    ];
    // The parts are shown once more, to confirm.
    let res = planner.post(&url).form(&two).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let confirm = text(res).await;
    assert!(confirm.contains("Yakin memecah"));
    // Costs shown in rupiah, and carried in a form they read back from.
    assert!(confirm.contains("Rp60.000.000"), "{confirm}");
    assert!(
        confirm.contains(r#"name="biaya" value="60.000.000""#),
        "{confirm}"
    );
    let mut sure = two.to_vec();
    sure.push(("yakin", "1"));
    let res = planner.post(&url).form(&sure).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let parts: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT nomor, status::text, wilayah_kode FROM proposals WHERE title LIKE 'Saluran sisi %' ORDER BY nomor",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(parts.len(), 2);
    for (i, (n, status, place)) in parts.iter().enumerate() {
        assert_eq!(
            n,
            &format!("USL-2026-{:06}", last + 1 + i as i32),
            "gap-free numbers"
        );
        assert_eq!(status, "diteruskan_kabkota", "carries on where it stood");
        assert_eq!(place, "33.71.01.1003");
        let page = text(app.get(&client(), &format!("/usulan/{n}")).await).await;
        assert!(page.contains(&format!(
            "Dipecah dari <a href=\"/usulan/{whole}\">{whole}</a>"
        )));
    }
    let original = text(app.get(&client(), &format!("/usulan/{whole}")).await).await;
    assert!(original.contains("Dipecah menjadi beberapa usulan"));
    assert!(original.contains(&format!(
        "Dipecah menjadi: <a href=\"/usulan/{}\">",
        parts[0].0
    )));
}

use selaras::domain::attachment::jpeg_with_exif;

async fn upload(
    app: &TestApp,
    c: &reqwest::Client,
    nomor: &str,
    name: &str,
    bytes: Vec<u8>,
    caption: &str,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .part(
            "berkas",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        )
        .text("keterangan", caption.to_string());
    c.post(app.url(&format!("/usulan/{nomor}/lampiran")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// The proposer attaches a photo (downsized, without its EXIF) and a PDF;
/// a file that is not what its name says, or too big, is refused with the
/// caption kept; others may not attach or remove; a removed file is gone.
#[tokio::test]
async fn photos_and_documents_on_a_proposal() {
    let app = spawn_app().await;
    let nomor: String = sqlx::query_scalar(
        "SELECT nomor FROM proposals WHERE status = 'diajukan' AND wilayah_kode = '33.71.03.1003' ORDER BY nomor LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let kel = app.login("kelurahan.rejowinangun").await;
    let photo = jpeg_with_exif(2400, 1800, "GPS-7.4801,110.2203 SM-A145F");
    let res = upload(
        &app,
        &kel,
        &nomor,
        "IMG_2026.jpg",
        photo,
        "Genangan di gang RT 02",
    )
    .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    let id = page
        .split(&format!("/usulan/{nomor}/lampiran/"))
        .nth(1)
        .unwrap()
        .split(['/', '"'])
        .next()
        .unwrap()
        .to_string();
    assert!(page.contains("alt=\"Genangan di gang RT 02\""), "{page}");
    let res = app
        .get(&client(), &format!("/usulan/{nomor}/lampiran/{id}"))
        .await;
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let stored = res.bytes().await.unwrap();
    assert!(!stored.windows(4).any(|w| w == b"Exif"), "EXIF gone");
    assert!(!stored.windows(3).any(|w| w == b"GPS") && !stored.windows(4).any(|w| w == b"SM-A"));
    let img = image::load_from_memory(&stored).unwrap();
    assert_eq!((img.width(), img.height()), (1600, 1200));
    let thumb = app
        .get(&client(), &format!("/usulan/{nomor}/lampiran/{id}/kecil"))
        .await;
    let thumb = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!(thumb.width(), 320);
    let again = client()
        .get(app.url(&format!("/usulan/{nomor}/lampiran/{id}")))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    // A PDF is kept as sent and downloaded as a file.
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec();
    let res = upload(&app, &kel, &nomor, "berita-acara.pdf", pdf.clone(), "").await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(page.contains(">berita-acara.pdf</a>"), "{page}");

    // Not what the name says; too big: refused beside the field, the
    // caption kept.
    let res = upload(
        &app,
        &kel,
        &nomor,
        "foto.jpg",
        b"MZ\x90\0\x03".to_vec(),
        "Foto jalan",
    )
    .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("id=\"berkas-error\"") && page.contains("bukan foto"),
        "{page}"
    );
    assert!(page.contains("value=\"Foto jalan\""));
    let big = vec![0u8; 10 * 1024 * 1024 + 1];
    let res = upload(&app, &kel, &nomor, "besar.jpg", big, "Besar").await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("terlalu besar"));

    // Others may not attach; a visitor is asked to sign in.
    let pkk = app.login("pkk.magelang").await;
    let res = upload(&app, &pkk, &nomor, "x.pdf", pdf.clone(), "").await;
    assert_eq!(res.status(), 403);
    let res = upload(&app, &client(), &nomor, "x.pdf", pdf, "").await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );

    // Removed by who attached it, after a confirmation; then gone.
    let hapus = format!("/usulan/{nomor}/lampiran/{id}/hapus");
    assert_eq!(app.get(&pkk, &hapus).await.status(), 403);
    assert!(
        text(app.get(&kel, &hapus).await)
            .await
            .contains("Hapus lampiran ini?")
    );
    assert_eq!(app.post_form(&kel, &hapus, &[]).await.status(), 303);
    let gone = app
        .get(&client(), &format!("/usulan/{nomor}/lampiran/{id}"))
        .await;
    assert_eq!(gone.status(), 404);
    let left: Option<Vec<u8>> =
        sqlx::query_scalar("SELECT bytes FROM proposal_files WHERE id = $1::uuid")
            .bind(&id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(left.is_none(), "the bytes are deleted");
}

/// The Musrenbang calendar: Bappeda sets each level's window; outside it
/// a level cannot send or move proposals on, and the page says when it
/// is; the people concerned are reminded once before it closes.
#[tokio::test]
async fn each_level_acts_within_its_musrenbang_window() {
    let app = spawn_app().await;
    let today = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(7, 0, 0).unwrap())
        .date();
    let day = |d: i64| (today + time::Duration::days(d)).to_string();
    // A visitor reads it; only a planner sets it, and a bad form comes
    // back as typed.
    let page = text(
        app.get(&client(), "/usulan/jadwal?wilayah=33.71&tahun=2027")
            .await,
    )
    .await;
    assert!(page.contains("Musrenbang desa/kelurahan") && page.contains("tanpa jadwal"));
    let kel = app.login("kelurahan.rejowinangun").await;
    let res = kel
        .post(app.url("/usulan/jadwal?tahun=2027"))
        .form(&[("buka", day(-30)), ("tutup", day(-1))])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let planner = app.login("perencana.magelang").await;
    let bad = [("buka", day(5)), ("tutup", day(1))];
    let res = planner
        .post(app.url("/usulan/jadwal?tahun=2027"))
        .form(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("tidak boleh sebelum"));
    // The desa window for RKPD 2027 closed yesterday; the kecamatan's
    // window for RKPD 2026 opens next week.
    let closed = [("buka", day(-30)), ("tutup", day(-1))];
    let res = planner
        .post(app.url("/usulan/jadwal?tahun=2027"))
        .form(&closed)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // The second row is the kecamatan's.
    let later = [
        ("buka", String::new()),
        ("buka", day(7)),
        ("tutup", String::new()),
        ("tutup", day(14)),
    ];
    let res = planner
        .post(app.url("/usulan/jadwal?tahun=2026"))
        .form(&later)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    let nomor = submit_for(&app, &kel, "2027").await;
    assert!(nomor.is_err(), "closed");
    let page = nomor.unwrap_err();
    assert!(
        page.contains("sudah ditutup") && page.contains("id=\"target_year-error\""),
        "{page}"
    );
    assert!(page.contains("value=\"Drainase gang Mawar\""), "kept");
    // Open again today: sent.
    let open = [("buka", day(-1)), ("tutup", day(2))];
    let res = planner
        .post(app.url("/usulan/jadwal?tahun=2027"))
        .form(&open)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(submit_for(&app, &kel, "2027").await.is_ok());

    // The kecamatan may not forward before its window opens.
    let (nomor, version): (String, i32) = sqlx::query_as(
        "SELECT nomor, version FROM proposals WHERE status = 'diteruskan_kecamatan' AND target_year = 2026 LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let kec = app.login("kecamatan.magelangtengah").await;
    let res = app
        .post_form(
            &kec,
            &format!("/usulan/{nomor}/langkah"),
            &[("langkah", "teruskan"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("Musrenbang kecamatan untuk RKPD 2026 baru dibuka"),
        "{page}"
    );

    // Two days before the desa window closes, its people are told, once.
    let told = selaras::store::musrenbang::remind(&app.db, today)
        .await
        .unwrap();
    assert_eq!(told, 1);
    assert_eq!(
        selaras::store::musrenbang::remind(&app.db, today)
            .await
            .unwrap(),
        0
    );
    let reminded: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
         WHERE u.username = 'kelurahan.rejowinangun' AND n.title = 'Musrenbang desa/kelurahan RKPD 2027 segera ditutup'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(reminded, 1);
}

/// Sends a Musrenbang proposal for `year` as the kelurahan: its number,
/// or the page that refused it.
async fn submit_for(app: &TestApp, c: &reqwest::Client, year: &str) -> Result<String, String> {
    let kel = org(app, "33.71", "kel-rejowinangun-utara").await;
    let k = kamus(app, "Rehabilitasi jalan lingkungan").await;
    let source = format!("musrenbang:{kel}");
    let res = app
        .post_form(
            c,
            "/usulan/baru",
            &[
                ("source", source.as_str()),
                ("title", "Drainase gang Mawar"),
                ("problem", "Air meluap ke rumah warga."),
                ("solution", "Saluran baru."),
                ("wilayah_kode", "33.71.03.1003"),
                ("kamus_id", &k),
                ("volume", "80"),
                ("estimated_cost", "120.000.000"),
                ("target_year", year),
            ],
        )
        .await;
    if res.status() == 303 {
        Ok(res.headers()["location"].to_str().unwrap().to_string())
    } else {
        assert_eq!(res.status(), 422);
        Err(text(res).await)
    }
}
