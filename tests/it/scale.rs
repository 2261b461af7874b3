//! Several instances behind a real load balancer (issue 15): two `selaras
//! serve` processes on one database behind HAProxy (Debian's package,
//! installed by .ci/run). A session made through one works through the
//! other, and proposals sent through both get unique, gap-free numbers.

use crate::common;

use super::cli::{Killed, free_port};
use common::text;

fn serve(db_url: &str, port: u16) -> Killed {
    Killed(
        std::process::Command::new(env!("CARGO_BIN_EXE_selaras"))
            .args(["serve", "--database-url", db_url])
            .env("SELARAS_ADDR", format!("127.0.0.1:{port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    )
}

async fn ready(base: &str) {
    let http = common::client();
    for _ in 0..200 {
        if let Ok(r) = http.get(format!("{base}/readyz")).send().await
            && r.status() == 200
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{base} never became ready");
}

#[tokio::test]
async fn two_servers_behind_haproxy_share_sessions_and_number_proposals_without_gaps() {
    let app = common::spawn_app().await;
    let (a, b, lb) = (free_port(), free_port(), free_port());
    let _a = serve(&app.db_url, a);
    let _b = serve(&app.db_url, b);
    ready(&format!("http://127.0.0.1:{a}")).await;
    ready(&format!("http://127.0.0.1:{b}")).await;
    // Round robin, each answer naming the server that gave it.
    let cfg = format!(
        "defaults\n  mode http\n  timeout connect 5s\n  timeout client 30s\n  timeout server 30s\n\
         frontend web\n  bind 127.0.0.1:{lb}\n  default_backend selaras\n\
         backend selaras\n  balance roundrobin\n  http-response set-header X-Backend %s\n\
         \x20 server a 127.0.0.1:{a}\n  server b 127.0.0.1:{b}\n"
    );
    let path = std::env::temp_dir().join(format!("haproxy-{lb}.cfg"));
    std::fs::write(&path, cfg).unwrap();
    let _lb = Killed(
        std::process::Command::new("/usr/sbin/haproxy")
            .args(["-db", "-f", path.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("haproxy (Debian package haproxy; .ci/run installs it)"),
    );
    let base = format!("http://127.0.0.1:{lb}");
    ready(&base).await;

    // Signed in through one server, still signed in through the other.
    let c = common::client();
    let res = c
        .post(format!("{base}/login"))
        .form(&[
            ("username", "kelurahan.rejowinangun"),
            ("password", common::PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let mut served = std::collections::BTreeSet::new();
    for _ in 0..6 {
        let res = c.get(format!("{base}/")).send().await.unwrap();
        served.insert(res.headers()["x-backend"].to_str().unwrap().to_string());
        let page = text(res).await;
        assert!(
            page.contains("Operator Kelurahan Rejowinangun Utara"),
            "signed in on every server"
        );
    }
    assert_eq!(served.len(), 2, "both servers answered: {served:?}");

    // Twenty proposals at once, through both: twenty numbers, no gap.
    let kel = app.org_id("kel-rejowinangun-utara").await;
    let kamus: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM kamus_usulan WHERE region_kode = '33.71' ORDER BY nama LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let source = format!("musrenbang:{kel}");
    let kamus = kamus.to_string();
    let mut sends = tokio::task::JoinSet::new();
    for i in 0..20 {
        let (c, base, source, kamus) = (c.clone(), base.clone(), source.clone(), kamus.clone());
        sends.spawn(async move {
            let title = format!("Lampu jalan gang nomor {i}");
            c.post(format!("{base}/usulan/baru"))
                .form(&[
                    ("source", source.as_str()),
                    ("title", title.as_str()),
                    ("problem", "Gang gelap di malam hari."),
                    ("solution", "Lampu tenaga surya."),
                    ("wilayah_kode", "33.71.03.1003"),
                    ("kamus_id", kamus.as_str()),
                    ("volume", "2"),
                    ("estimated_cost", "10.000.000"),
                    ("target_year", "2028"),
                ])
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    let statuses: Vec<_> = sends.join_all().await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    let numbers: Vec<String> =
        sqlx::query_scalar("SELECT nomor FROM proposals WHERE target_year = 2028 ORDER BY nomor")
            .fetch_all(&app.db)
            .await
            .unwrap();
    let expected: Vec<String> = (1..=20).map(|n| format!("USL-2028-{n:06}")).collect();
    assert_eq!(numbers, expected);
    std::fs::remove_file(path).ok();
}

/// The province generator (issue 15, point 1), for two kabupaten/kota:
/// organizations and accounts from the region list, plans of 1,000–3,000
/// sub kegiatan with pagu and indicators, proposals in every status with
/// gap-free numbers after the demo's, readable pages, and accounts that
/// sign in; a second run moves on to the next regions.
#[tokio::test]
async fn the_province_generator_builds_working_kabupaten() {
    let app = common::spawn_app().await;
    let counter = |db: sqlx::PgPool| async move {
        sqlx::query_scalar::<_, i32>("SELECT last FROM proposal_counters WHERE year = 2026")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    let before = counter(app.db.clone()).await;
    let made = selaras::demo::province::load(&app.db, "33", common::PASSWORD, Some(2))
        .await
        .unwrap();
    assert_eq!(made.regions, 2);
    // Cilacap and Banyumas: one organization and one account for each
    // kecamatan, desa and kelurahan, plus Bappeda, DPRD and 8 agencies.
    for region in ["33.01", "33.02"] {
        let places: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM regions WHERE kode LIKE $1 || '.%' AND level IN ('kecamatan', 'desa', 'kelurahan')",
        )
        .bind(region)
        .fetch_one(&app.db)
        .await
        .unwrap();
        let (orgs, people): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM organizations WHERE region_kode = $1),
                    (SELECT count(DISTINCT m.user_id) FROM memberships m WHERE m.region_kode = $1)",
        )
        .bind(region)
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert!(places > 200, "{region}: {places}");
        assert_eq!(orgs, places + 10, "{region}");
        assert_eq!(people, orgs, "{region}");
        let (subs, priced, measured): (i64, i64, i64) = sqlx::query_as(
            "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM item_pagu g WHERE g.item_id = i.id AND g.year = 2026)),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM indicators n WHERE n.item_id = i.id))
             FROM plan_items i JOIN plans p ON p.id = i.plan_id
             WHERE p.region_kode = $1 AND p.kind = 'rkpd' AND i.level = 'sub_kegiatan'",
        )
        .bind(region)
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert!((1000..=3000).contains(&subs), "{region}: {subs}");
        assert_eq!((priced, measured), (subs, subs), "{region}");
        let renja: i64 = sqlx::query_scalar(
            "SELECT count(DISTINCT p.id) FROM plans p JOIN plan_items i ON i.plan_id = p.id WHERE p.region_kode = $1 AND p.kind = 'renja'",
        )
        .bind(region)
        .fetch_one(&app.db)
        .await
        .unwrap();
        assert_eq!(renja, 8, "{region}: every agency's Renja holds its part");
    }
    // As the app's own rules have them: trees start at the kind's top
    // level, proposals have a kamus entry (so an agency acts on them), no
    // comment breaks the comment rules, nothing is dated in the future.
    let (bad_tops, without_kamus, bad_comments, future): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM plan_items i JOIN plans p ON p.id = i.plan_id
                 WHERE p.region_kode IN ('33.01', '33.02') AND i.parent_id IS NULL
                   AND i.level <> CASE p.kind WHEN 'rpjmd' THEN 'visi' ELSE 'prioritas' END::item_level),
                (SELECT count(*) FROM proposals WHERE region_kode IN ('33.01', '33.02') AND kamus_id IS NULL),
                (SELECT count(*) FROM comments c JOIN plans p ON p.id = c.plan_id WHERE p.region_kode IN ('33.01', '33.02')
                   AND (p.stage = 'ditetapkan' OR (c.visibility = 'publik' AND p.stage <> 'konsultasi_publik'))),
                (SELECT count(*) FROM proposal_events WHERE region_kode IN ('33.01', '33.02') AND at > now())
              + (SELECT count(*) FROM proposal_comments WHERE region_kode IN ('33.01', '33.02') AND created_at > now())",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        (bad_tops, without_kamus, bad_comments, future),
        (0, 0, 0, 0)
    );
    // Proposals in every status the flow reaches, numbered on from the
    // demo's without a gap.
    let statuses: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT status::text FROM proposals WHERE region_kode IN ('33.01', '33.02') ORDER BY 1",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(
        statuses,
        [
            "diajukan",
            "diakomodir",
            "diteruskan_kabkota",
            "diteruskan_kecamatan",
            "ditolak",
            "ditunda",
            "diverifikasi"
        ]
    );
    let after = counter(app.db.clone()).await;
    let nomors: Vec<String> =
        sqlx::query_scalar("SELECT nomor FROM proposals WHERE target_year = 2026 ORDER BY nomor")
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(after as i64 - before as i64, made.proposals);
    assert_eq!(
        nomors.len() as i32,
        after,
        "numbers 1 to {after}, none twice"
    );
    assert_eq!(nomors.last().unwrap(), &format!("USL-2026-{after:06}"));

    // Their pages open, and their people sign in and find their own.
    let plan: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM plans WHERE region_kode = '33.01' AND kind = 'rkpd' AND stage = 'ditetapkan'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(
        app.get(&common::client(), &format!("/rencana/{plan}"))
            .await,
    )
    .await;
    assert!(page.contains("RKPD Kabupaten Cilacap 2026"), "{page}");
    let (username, nomor): (String, String) = sqlx::query_as(
        "SELECT u.username, p.nomor FROM proposals p JOIN users u ON u.id = p.proposer_id
         WHERE p.region_kode = '33.02' AND p.source = 'musrenbang' ORDER BY p.nomor LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let desa = app.login(&username).await;
    let mine = text(app.get(&desa, "/usulan?saya=1").await).await;
    assert!(mine.contains(&nomor), "{username}: {mine}");

    // A second run leaves those two alone and makes the next two.
    let again = selaras::demo::province::load(&app.db, "33", common::PASSWORD, Some(2))
        .await
        .unwrap();
    assert_eq!(again.regions, 2);
    let generated: Vec<String> = sqlx::query_scalar(
        "SELECT region_kode FROM organizations WHERE kind = 'bappeda' AND region_kode LIKE '33.0%' ORDER BY 1",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(generated, ["33.01", "33.02", "33.03", "33.04"]);
}
