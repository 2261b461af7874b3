//! What a person may read holds on every page that lists linked things:
//! items of other plans, kerja sama carriers, frozen versions, the berita
//! acara, province references, a proposal's RKPD line. Also return targets
//! that would leave the site, and roles nobody may grant themselves.

use crate::common;

use common::{TestApp, client, spawn_app, text};
use uuid::Uuid;

const RKPD_MAGELANG: &str = "Rencana Kerja Pemerintah Daerah Kota Magelang Tahun 2026";
const RKPDES: &str = "Rencana Kerja Pemerintah Desa Plosorejo";

/// Puts the RKPD 2026 of Kota Magelang back into internal drafting.
async fn rkpd_back_to_draft(app: &TestApp) -> Uuid {
    let id = app.plan_id("33.71", "rkpd").await;
    sqlx::query("UPDATE plans SET stage = 'rancangan_akhir' WHERE id = $1")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn an_enacted_plans_item_page_lists_no_draft_items() {
    let app = spawn_app().await;
    // An item of the enacted RKPD Blitar that items of the draft RKPDes
    // Plosorejo support.
    let (item, draft_item): (Uuid, String) = sqlx::query_as(
        "SELECT s.id, i.nama FROM plan_items i JOIN plans p ON p.id = i.plan_id
         JOIN plan_items s ON s.id = i.supports_item_id JOIN plans sp ON sp.id = s.plan_id
         WHERE p.kind = 'rkpdes' AND sp.region_kode = '35.05' AND sp.stage = 'ditetapkan' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&client(), &format!("/item/{item}")).await).await;
    assert!(page.contains("Kabupaten Blitar"), "{page}");
    assert!(!page.contains(RKPDES), "{page}");
    assert!(!page.contains(&draft_item), "{page}");
    // The village's own staff read their draft, and see the link.
    let desa = app.login("desa.plosorejo").await;
    let page = text(app.get(&desa, &format!("/item/{item}")).await).await;
    assert!(page.contains(RKPDES), "{page}");
}

#[tokio::test]
async fn a_proposals_public_page_names_no_line_of_a_draft_rkpd() {
    let app = spawn_app().await;
    let (nomor, label): (String, String) = sqlx::query_as(
        "SELECT pr.nomor, i.nama FROM proposals pr JOIN plan_items i ON i.id = pr.accepted_item_id
         JOIN plans p ON p.id = i.plan_id WHERE p.region_kode = '33.71' AND pr.status = 'diakomodir' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let path = format!("/usulan/{nomor}");
    // While the RKPD is public, everyone follows the proposal to its line.
    let page = text(app.get(&client(), &path).await).await;
    assert!(page.contains(&label), "{page}");
    rkpd_back_to_draft(&app).await;
    let page = text(app.get(&client(), &path).await).await;
    assert!(!page.contains(&label), "{page}");
    assert!(!page.contains(RKPD_MAGELANG), "{page}");
    assert!(page.contains("belum dipublikasikan"), "{page}");
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, &path).await).await;
    assert!(page.contains(&label), "{page}");
}

#[tokio::test]
async fn a_kerja_sama_shows_no_items_or_pagu_of_draft_plans() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let (ks, item): (Uuid, String) = sqlx::query_as(
        "SELECT ki.kerja_sama_id, i.nama FROM kerja_sama_items ki JOIN plan_items i ON i.id = ki.item_id
         WHERE i.plan_id = $1 LIMIT 1",
    )
    .bind(rkpd)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let path = format!("/kerja-sama/{ks}");
    let page = text(app.get(&client(), &path).await).await;
    assert!(page.contains(&item), "{page}");
    rkpd_back_to_draft(&app).await;
    let res = app.get(&client(), &path).await;
    assert_eq!(res.status(), 200);
    let page = text(res).await;
    assert!(!page.contains(&item), "{page}");
    assert!(!page.contains(RKPD_MAGELANG), "{page}");
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, &path).await).await;
    assert!(page.contains(&item), "{page}");
}

#[tokio::test]
async fn versions_frozen_as_drafts_stay_internal_once_the_plan_is_public() {
    let app = spawn_app().await;
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let snap = |stage: &'static str| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>(
                "SELECT id FROM plan_snapshots WHERE plan_id = $1 AND stage::text = $2",
            )
            .bind(rpjmd)
            .bind(stage)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    let (draft, enacted) = (snap("rancangan_awal").await, snap("ditetapkan").await);
    let visitor = client();
    let list = text(app.get(&visitor, &format!("/rencana/{rpjmd}/versi")).await).await;
    assert!(list.contains(&enacted.to_string()), "{list}");
    assert!(!list.contains(&draft.to_string()), "{list}");
    let compare = |from: Uuid| format!("/rencana/{rpjmd}/banding?dari={from}&ke=kini");
    assert_eq!(app.get(&visitor, &compare(enacted)).await.status(), 200);
    assert_eq!(app.get(&visitor, &compare(draft)).await.status(), 404);
    let pkk = app.login("pkk.magelang").await;
    assert_eq!(app.get(&pkk, &compare(draft)).await.status(), 404);
    let planner = app.login("perencana.magelang").await;
    assert_eq!(app.get(&planner, &compare(draft)).await.status(), 200);
    let list = text(app.get(&planner, &format!("/rencana/{rpjmd}/versi")).await).await;
    assert!(list.contains(&draft.to_string()), "{list}");
}

#[tokio::test]
async fn the_berita_acara_quotes_the_published_version_not_the_draft() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let planner = app.login("perencana.magelang").await;
    // The consultation closes; the plan is an internal draft again, and
    // its title and chapters are rewritten.
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rkpd}/tahap"),
            &[("gerak", "maju"), ("catatan", "Konsultasi ditutup.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    sqlx::query("UPDATE plans SET title = 'RAHASIA judul baru' WHERE id = $1")
        .bind(rkpd)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("UPDATE plan_sections SET body_md = 'RAHASIA paragraf satu.\n\nRAHASIA paragraf dua.' WHERE plan_id = $1")
        .bind(rkpd)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query("UPDATE plan_items SET nama = 'RAHASIA ' || nama WHERE plan_id = $1")
        .bind(rkpd)
        .execute(&app.db)
        .await
        .unwrap();
    let res = app
        .get(&client(), &format!("/rencana/{rkpd}/berita-acara"))
        .await;
    assert_eq!(res.status(), 200);
    let page = text(res).await;
    assert!(page.contains(RKPD_MAGELANG), "{page}");
    assert!(page.contains("Bab 1, paragraf 2"), "{page}");
    assert!(!page.contains("RAHASIA"), "{page}");
    let res = app
        .get(&client(), &format!("/rencana/{rkpd}/berita-acara.xlsx"))
        .await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    assert!(!bytes.windows(7).any(|w| w == b"RAHASIA"));
}

#[tokio::test]
async fn a_province_draft_is_offered_to_no_kab_kota() {
    let app = spawn_app().await;
    sqlx::query(
        "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, stage)
         VALUES ($1, '33', 'rkpd', 'RAHASIA RKPD Provinsi', 2026, 2026, 'rancangan')",
    )
    .bind(Uuid::now_v7())
    .execute(&app.db)
    .await
    .unwrap();
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, &format!("/rencana/{rkpd}")).await).await;
    assert!(page.contains("Provinsi Jawa Tengah Tahun 2026"), "{page}");
    assert!(!page.contains("RAHASIA"), "{page}");
    let page = text(app.get(&planner, "/rencana/baru").await).await;
    assert!(!page.contains("RAHASIA"), "{page}");
    let res = app
        .post_form(&planner, "/rencana/baru", &[("kind", "")])
        .await;
    assert!(!text(res).await.contains("RAHASIA"));
    let pkk = app.login("pkk.magelang").await;
    let res = app.post_form(&pkk, "/rencana/baru", &[("kind", "")]).await;
    assert!(!text(res).await.contains("RAHASIA"));
}

#[tokio::test]
async fn return_targets_never_leave_the_site() {
    let app = spawn_app().await;
    let planner = app.login("perencana.magelang").await;
    for next in [
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%5Cevil.example",
        "/%2F%2Fevil.example",
        "//evil.example",
        "https://evil.example",
    ] {
        // Refused at the edge (a control character), or sent home.
        let res = app.get(&planner, &format!("/login?next={next}")).await;
        if res.status() != 400 {
            assert_eq!(res.status(), 303, "{next}");
            assert_eq!(res.headers()["location"], "/", "{next}");
        }
    }
    // Posted return targets, signing in and following.
    let c = client();
    let res = app
        .post_form(
            &c,
            "/login",
            &[
                ("username", "perencana.magelang"),
                ("password", common::PASSWORD),
                ("next", "/\t/evil.example"),
            ],
        )
        .await;
    // The second step carries the target on, made safe.
    assert_eq!(res.headers()["location"], "/login/kode?next=/");
    let res = app
        .post_form(
            &c,
            "/login/kode",
            &[("kode", &common::demo_code()), ("next", "/\t/evil.example")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/");
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let res = app
        .post_form(
            &planner,
            &format!("/ikuti/{rkpd}"),
            &[("kembali", "/\\evil.example")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/");
    // An ordinary path is kept.
    let res = app.get(&client(), "/login?next=/rencana%3Fx%3D1").await;
    assert!(text(res).await.contains("value=\"/rencana?x=1\""));
}

#[tokio::test]
async fn nobody_grants_roles_to_themselves_and_grants_are_told() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let admin_id = app.user_id("admin.magelang").await;
    let org: Uuid =
        sqlx::query_scalar("SELECT organization_id FROM memberships WHERE user_id = $1 LIMIT 1")
            .bind(admin_id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    let org_s = org.to_string();
    let form = [("organization_id", org_s.as_str()), ("role", "approver")];
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{admin_id}/keanggotaan"),
            &form,
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("akun Anda sendiri"));
    let roles: Vec<String> =
        sqlx::query_scalar("SELECT role::text FROM memberships WHERE user_id = $1")
            .bind(admin_id)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert!(!roles.contains(&"approver".to_string()), "{roles:?}");
    let page = text(
        app.get(&admin, &format!("/admin/pengguna/{admin_id}"))
            .await,
    )
    .await;
    assert!(!page.contains("Tambah keanggotaan"));

    // Granting approver to someone else is audited and told to them.
    let planner_id = app.user_id("perencana.magelang").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{planner_id}/keanggotaan"),
            &form,
        )
        .await;
    assert_eq!(res.status(), 303);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'membership' AND actor_id = $1 AND after->>'role' = 'approver'",
    )
    .bind(admin_id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    let planner = app.login("perencana.magelang").await;
    let inbox = text(app.get(&planner, "/kotak-masuk").await).await;
    assert!(
        inbox.contains("Anda diberi peran Pemberi persetujuan"),
        "{inbox}"
    );

    // A password an admin sets is told to its owner.
    let dinkes_id = app.user_id("dinkes.magelang").await;
    let new_password = "kabut turun di lereng sumbing";
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{dinkes_id}/kata-sandi"),
            &[("password", new_password)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let told: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE user_id = $1 AND title LIKE 'Kata sandi akun Anda diganti%'",
    )
    .bind(dinkes_id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(told, 1);
}

/// Issue 16, point 4: the Atom feeds carry what a visitor may read (the
/// published plans and the consultation, decisions with the deciding
/// organization) and nothing else: no draft, no person's name.
#[tokio::test]
async fn the_atom_feeds_carry_public_news_only() {
    let app = spawn_app().await;
    let visitor = client();
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let renja = app.plan_id("33.71", "renja").await;
    sqlx::query("UPDATE plans SET title = title || ' <b>&</b>' WHERE id = $1")
        .bind(rkpd)
        .execute(&app.db)
        .await
        .unwrap();
    let res = app.get(&visitor, "/rencana.atom").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let feed = text(res).await;
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(feed.contains(&format!("/rencana/{rkpd}\"/>")), "{feed}");
    assert!(!feed.contains("<b>"), "titles are escaped");
    assert!(!feed.contains(&renja.to_string()), "a draft stays internal");
    assert_eq!(
        feed.matches("<entry>").count(),
        feed.matches("</entry>").count()
    );
    // One region only; an unknown one is not found.
    let blitar = text(app.get(&visitor, "/rencana.atom?wilayah=35.05").await).await;
    assert!(!blitar.contains(&rkpd.to_string()));
    assert!(blitar.contains("Kabupaten Blitar"));
    let res = app.get(&visitor, "/rencana.atom?wilayah=99.99").await;
    assert_eq!(res.status(), 404);
    // The open consultation.
    let feed = text(app.get(&visitor, "/konsultasi.atom?wilayah=33.71").await).await;
    assert!(
        feed.contains(&format!("/rencana/{rkpd}#komentar")),
        "{feed}"
    );
    // Decisions: the deciding organization, never the person.
    let feed = text(app.get(&visitor, "/usulan/keputusan.atom").await).await;
    assert!(feed.contains("USL-2026-000002 Ditolak"), "{feed}");
    assert!(feed.contains("oleh Dinas Kesehatan Kota Magelang"));
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT u.full_name FROM proposal_events e JOIN users u ON u.id = e.actor_id",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(!names.is_empty());
    for n in names {
        assert!(!feed.contains(&n), "{n} is named in the feed");
    }
    // The list pages advertise their feeds.
    let page = text(app.get(&visitor, "/usulan").await).await;
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Keputusan atas usulan\" href=\"/usulan/keputusan.atom\">"
    ));
}

/// Issue 16, point 3: every public list as CSV, with the list's filters,
/// and a public plan's items; a draft's items stay with those who may
/// read it.
#[tokio::test]
async fn public_lists_and_plans_come_as_csv() {
    let app = spawn_app().await;
    let visitor = client();
    // "Usulan saya" downloads as the list shows it: one's own only.
    let pkk = app.login("pkk.magelang").await;
    let mine: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM proposals p JOIN users u ON u.id = p.proposer_id WHERE u.username = 'pkk.magelang'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let all: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals WHERE region_kode = '33.71'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(mine < all);
    let own = text(app.get(&pkk, "/usulan/daftar.csv?saya=1").await).await;
    assert_eq!(own.trim().lines().count() as i64 - 1, mine, "{own}");
    let res = app
        .get(&visitor, "/usulan/daftar.csv?wilayah=33.71&status=ditolak")
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .ends_with(".csv\"")
    );
    let body = text(res).await;
    let body = body.trim_start_matches('\u{feff}');
    let mut lines = body.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("nomor,usulan,desa_kelurahan")
    );
    let rows: Vec<&str> = lines.collect();
    let refused: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM proposals WHERE region_kode = '33.71' AND status = 'ditolak'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(rows.len() as i64, refused, "{body}");
    assert!(rows.iter().all(|r| r.contains(",Ditolak,")), "{body}");
    // The plans a visitor may read, filtered as the page is.
    let body = text(app.get(&visitor, "/rencana/daftar.csv?jenis=rpjmd").await).await;
    assert!(body.contains("RPJMD"));
    assert!(!body.contains(",Renja,"), "filtered: {body}");
    let renja = app.plan_id("33.71", "renja").await;
    let all = text(app.get(&visitor, "/rencana/daftar.csv").await).await;
    assert!(!all.contains(&renja.to_string()), "a draft stays internal");
    // A public plan's items, one line per item and indicator.
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let body = text(
        app.get(&visitor, &format!("/rencana/{rkpd}/item.csv"))
            .await,
    )
    .await;
    assert!(body.contains("kode,uraian,indikator,satuan"));
    assert!(body.contains("1.02.02"), "{body}");
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items WHERE plan_id = $1")
        .bind(rkpd)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(body.lines().count() as i64 > items / 2, "{body}");
    let res = app
        .get(&visitor, &format!("/rencana/{renja}/item.csv"))
        .await;
    assert_ne!(res.status(), 200, "not a draft's items");
    // The list pages link their CSV.
    let page = text(app.get(&visitor, "/rencana").await).await;
    assert!(
        page.contains("/rencana/daftar.csv?cari=&#38;jenis=")
            || page.contains("/rencana/daftar.csv?cari=&amp;jenis="),
        "{page}"
    );
}

/// Issue 16, point 1: the search box finds plans, items (a code prefix
/// finds everything below it), indicators, proposals, comments and kerja
/// sama, marks the words, and holds only what the searcher may read; odd
/// input gives results or a message, never an error.
#[tokio::test]
async fn search_finds_what_the_searcher_may_read_and_survives_odd_input() {
    let app = spawn_app().await;
    let visitor = client();
    let renja = app.plan_id("33.71", "renja").await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    // Words, as prefixes, marked.
    let page = text(app.get(&visitor, "/cari?q=posyan").await).await;
    assert!(
        page.contains("<mark>Posyandu</mark>") || page.contains("<mark>posyandu</mark>"),
        "{page}"
    );
    assert!(page.contains("Item rencana") && page.contains("Usulan"));
    // A code prefix: the items below it, of readable plans only.
    let page = text(app.get(&visitor, "/cari?q=1.02.02").await).await;
    assert!(page.contains("<mark>1.02.02</mark>"), "{page}");
    let renja_items: Vec<Uuid> =
        sqlx::query_scalar("SELECT id FROM plan_items WHERE plan_id = $1 AND kode LIKE '1.02.02%'")
            .bind(renja)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert!(!renja_items.is_empty());
    for id in &renja_items {
        assert!(
            !page.contains(&id.to_string()),
            "a draft's item reached a visitor"
        );
    }
    // Below the code, not only the code itself: a sub kegiatan of the
    // (public) RKPD under 1.02.02.
    let below: Uuid = sqlx::query_scalar(
        "SELECT id FROM plan_items WHERE plan_id = $1 AND kode LIKE '1.02.02.%' AND level = 'sub_kegiatan' LIMIT 1",
    )
    .bind(rkpd)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(page.contains(&below.to_string()), "{page}");
    // Words and a code at once: both kinds of match.
    let page = text(app.get(&visitor, "/cari?q=1.02.02+posyan").await).await;
    assert!(page.contains(&below.to_string()), "{page}");
    // Staff of the region find the draft's items too.
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, "/cari?q=1.02.02").await).await;
    assert!(
        renja_items.iter().any(|id| page.contains(&id.to_string())),
        "{page}"
    );
    // An internal comment: staff find it, the public does not.
    let body = "Catatan internal tentang anggaran zebrakross";
    sqlx::query(
        "INSERT INTO comments (id, plan_id, region_kode, author_id, target, visibility, body, stage)
         SELECT $1, $2, '33.71', u.id, 'plan', 'internal', $3, 'konsultasi_publik'
           FROM users u WHERE u.username = 'perencana.magelang'",
    )
    .bind(Uuid::now_v7())
    .bind(rkpd)
    .bind(body)
    .execute(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&planner, "/cari?q=zebrakross").await).await;
    assert!(page.contains("<mark>zebrakross</mark>"), "{page}");
    let page = text(app.get(&visitor, "/cari?q=zebrakross").await).await;
    assert!(!page.contains("zebrakross</mark>") && page.contains("Tidak ada yang cocok"));
    // A proposal by its number.
    let page = text(app.get(&visitor, "/cari?q=USL-2026-00000").await).await;
    assert!(page.contains("href=\"/usulan/USL-2026-000001\""), "{page}");
    // Odd input: results or a message, never an error.
    let long = "jalan%20".repeat(700);
    for q in [
        "%25",
        "_",
        "%27%22",
        "a%27%3A*%7Cb%26!(c)",
        "%3B%20DROP%20TABLE%20plans",
        long.as_str(),
        "%F0%9F%98%80",
    ] {
        let res = app.get(&visitor, &format!("/cari?q={q}")).await;
        assert_eq!(res.status(), 200, "{q}");
    }
    let page = text(app.get(&visitor, "/cari?q=%25_").await).await;
    assert!(page.contains("Ketik kata, kode"), "{page}");
    let res = app.get(&visitor, "/cari?q=a%00b").await;
    assert_eq!(res.status(), 400, "NUL: the edge's clear page");
    assert!(text(res).await.contains("karakter kontrol"));
    // The box is on every page.
    let page = text(app.get(&visitor, "/").await).await;
    assert!(page.contains("action=\"/cari\""));
}

/// A proposal is found by words of its title and its place together, and
/// that search (like kerja sama's) can read an index instead of every row
/// (province scale): with sequential scans off, the plan uses the GIN
/// indexes of migration 0019.
#[tokio::test]
async fn proposal_and_kerja_sama_search_read_their_indexes() {
    let app = spawn_app().await;
    // A plan by words of its title and its region together.
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let page = text(
        app.get(&client(), "/cari?q=rencana+kerja+kota+magelang")
            .await,
    )
    .await;
    assert!(
        page.contains(&format!("href=\"/rencana/{rkpd}\"")),
        "{page}"
    );
    let nomor: String = sqlx::query_scalar(
        "SELECT nomor FROM proposals WHERE title LIKE 'Rehabilitasi drainase RW 05%'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let hit = format!("href=\"/usulan/{nomor}\"");
    let page = text(app.get(&client(), "/cari?q=drainase+rejowinangun").await).await;
    assert!(page.contains(&hit), "{page}");
    let page = text(
        app.get(&client(), "/cari?q=drainase+rejowinangun+selatan")
            .await,
    )
    .await;
    assert!(!page.contains(&hit), "not in Rejowinangun Selatan yet");
    // The place is kept with the proposal, also after a correction moves it.
    sqlx::query("UPDATE proposals SET wilayah_kode = '33.71.01.1003' WHERE title LIKE 'Rehabilitasi drainase RW 05%'")
        .execute(&app.db)
        .await
        .unwrap();
    let page = text(
        app.get(&client(), "/cari?q=drainase+rejowinangun+selatan")
            .await,
    )
    .await;
    assert!(page.contains(&hit), "{page}");
    let mut conn = app.db.acquire().await.unwrap();
    sqlx::query("SET enable_seqscan = off")
        .execute(&mut *conn)
        .await
        .unwrap();
    for (sql, index) in [
        (
            "EXPLAIN SELECT nomor FROM proposals p WHERE to_tsvector('simple', p.search_doc) @@ to_tsquery('simple', 'drainase')",
            "proposals_search_simple",
        ),
        (
            "EXPLAIN SELECT id FROM plans p WHERE to_tsvector('indonesian', p.search_doc) @@ to_tsquery('indonesian', 'magelang')",
            "plans_search_id",
        ),
        (
            "EXPLAIN SELECT id FROM kerja_sama k WHERE to_tsvector('indonesian', k.title || ' ' || k.object || ' ' || k.urusan) @@ to_tsquery('indonesian', 'air')",
            "kerja_sama_search_id",
        ),
    ] {
        let plan: Vec<String> = sqlx::query_scalar(sql).fetch_all(&mut *conn).await.unwrap();
        assert!(plan.join("\n").contains(index), "{plan:?}");
    }
}
