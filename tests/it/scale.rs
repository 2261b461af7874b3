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
    let kel: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM organizations WHERE code = 'kel-rejowinangun-utara'")
            .fetch_one(&app.db)
            .await
            .unwrap();
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
