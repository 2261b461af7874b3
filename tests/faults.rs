//! Faults: PostgreSQL stopped and started again while twenty clients post
//! proposals and comments. The server stays up, says it is not ready while
//! the database is away and is ready again within five seconds after; every
//! write it answered as done is in the database, once; proposal numbers
//! stay gap-free. Its own test binary (cargo runs test binaries one after
//! another), so the restart disturbs no other test.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::{TestApp, spawn_app};
use tokio::sync::Mutex;
use uuid::Uuid;

fn cluster(action: &str) {
    let version = std::fs::read_dir("/etc/postgresql")
        .expect("this test restarts the local PostgreSQL cluster (pg_ctlcluster)")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .max_by_key(|v| v.parse::<u32>().unwrap_or(0))
        .expect("a PostgreSQL cluster");
    let out = Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", &version, "main", action])
        .output()
        .expect("pg_ctlcluster runs");
    assert!(
        out.status.success(),
        "pg_ctlcluster {action}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts the cluster again if the test fails while it is stopped, so the
/// test binaries after this one find their database.
struct StartOnDrop(bool);

impl Drop for StartOnDrop {
    fn drop(&mut self) {
        if self.0 {
            let _ = std::panic::catch_unwind(|| cluster("start"));
        }
    }
}

async fn ready(app: &TestApp) -> Option<u16> {
    reqwest::Client::new()
        .get(app.url("/readyz"))
        .timeout(Duration::from_secs(8))
        .send()
        .await
        .ok()
        .map(|r| r.status().as_u16())
}

/// Polls `/readyz` until it answers `want`; how long that took.
async fn until_ready_is(app: &TestApp, want: u16, within: Duration) -> Duration {
    let start = Instant::now();
    loop {
        if ready(app).await == Some(want) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < within,
            "/readyz did not answer {want} within {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_database_restart_under_load_loses_and_duplicates_nothing() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let kel_org = app.region_org_id("33.71", "kel-rejowinangun-utara").await;
    let kamus: Uuid =
        sqlx::query_scalar("SELECT id FROM kamus_usulan WHERE nama = 'Kelas ibu hamil'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let commenter = app.login("pkk.magelang").await;
    let proposer = app.login("kelurahan.rejowinangun").await;

    // Twenty clients: even ones comment, odd ones propose; each remembers
    // what the server answered as done.
    let stop = Arc::new(AtomicBool::new(false));
    let acked: Arc<Mutex<Vec<String>>> = Arc::new(Mutex::new(Vec::new()));
    let mut clients = Vec::new();
    for i in 0..20 {
        let (stop, acked) = (stop.clone(), acked.clone());
        let c = if i % 2 == 0 {
            commenter.clone()
        } else {
            proposer.clone()
        };
        let comment_url = app.url(&format!("/rencana/{rkpd}/komentar"));
        let proposal_url = app.url("/usulan/baru");
        let source = format!("musrenbang:{kel_org}");
        let kamus = kamus.to_string();
        clients.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let marker = format!("gangguan-{i}-{n}");
                let sent = if i % 2 == 0 {
                    c.post(&comment_url)
                        .form(&[("target", "plan"), ("body", marker.as_str())])
                        .timeout(Duration::from_secs(45))
                        .send()
                        .await
                } else {
                    c.post(&proposal_url)
                        .form(&[
                            ("source", source.as_str()),
                            ("title", marker.as_str()),
                            ("problem", "Uji gangguan basis data."),
                            ("solution", "Tetap tercatat sekali."),
                            ("wilayah_kode", "33.71.03.1003"),
                            ("kamus_id", kamus.as_str()),
                            ("volume", "1"),
                            ("estimated_cost", "1.000.000"),
                            ("target_year", "2027"),
                        ])
                        .timeout(Duration::from_secs(45))
                        .send()
                        .await
                };
                match sent {
                    Ok(r) if r.status() == 303 => acked.lock().await.push(marker),
                    Ok(r) => {
                        // Refused while the database is away: a clear page.
                        let status = r.status().as_u16();
                        assert!(status == 503 || status == 500, "{marker}: {status}");
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                    // No answer in time (a machine under load): not saved
                    // as far as the client knows; nothing to check.
                    Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                }
            }
        }));
    }

    // Writes go through, then the database goes away.
    let start = Instant::now();
    while acked.lock().await.len() < 40 {
        assert!(start.elapsed() < Duration::from_secs(120), "no writes");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    cluster("stop");
    let mut guard = StartOnDrop(true);
    until_ready_is(&app, 503, Duration::from_secs(15)).await;
    assert_eq!(
        reqwest::get(app.url("/healthz")).await.unwrap().status(),
        200,
        "the server itself stays up"
    );
    let before_start = acked.lock().await.len();
    cluster("start");
    guard.0 = false;
    let back = until_ready_is(&app, 200, Duration::from_secs(5)).await;
    assert!(back <= Duration::from_secs(5), "ready again after {back:?}");
    // And writes succeed again.
    let start = Instant::now();
    while acked.lock().await.len() < before_start + 40 {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no writes after the restart"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for c in clients {
        c.await.unwrap();
    }

    // Every acknowledged write is there exactly once; nothing is twice.
    let db = app.db.clone();
    let mut seen: HashMap<String, i64> = HashMap::new();
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT body, count(*) FROM comments WHERE body LIKE 'gangguan-%' GROUP BY body
         UNION ALL
         SELECT title, count(*) FROM proposals WHERE title LIKE 'gangguan-%' GROUP BY title",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    for (marker, n) in rows {
        assert_eq!(n, 1, "{marker} stored {n} times");
        seen.insert(marker, n);
    }
    let acked = acked.lock().await;
    assert!(acked.len() >= 80);
    for m in acked.iter() {
        assert!(
            seen.contains_key(m),
            "{m} was answered as saved but is missing"
        );
    }
    // Proposal numbers of each year run 1, 2, 3, … without a gap.
    let numbers: Vec<String> = sqlx::query_scalar("SELECT nomor FROM proposals")
        .fetch_all(&db)
        .await
        .unwrap();
    let mut by_year: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for n in numbers {
        let mut parts = n.rsplitn(2, '-');
        let seq: u32 = parts.next().unwrap().parse().unwrap();
        by_year
            .entry(parts.next().unwrap().to_string())
            .or_default()
            .push(seq);
    }
    for (year, mut seqs) in by_year {
        seqs.sort();
        let expected: Vec<u32> = (1..=seqs.len() as u32).collect();
        assert_eq!(seqs, expected, "numbers of {year}");
    }
}
