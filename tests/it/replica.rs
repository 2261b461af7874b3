//! A real read replica (issue 15, point 6): a PostgreSQL primary and its
//! streaming replica, made here with initdb and pg_basebackup on free
//! ports (the server binaries ship with Debian's postgresql package). With
//! `read_database_url` set, a visitor's public page comes from the
//! replica, and a person who has just written reads their write from the
//! primary while the replica lags behind.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::common;

use super::cli::free_port;
use common::{client, text};

/// The newest installed PostgreSQL's program `name`.
fn bin(name: &str) -> PathBuf {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL's server programs in /usr/lib/postgresql")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    versions.sort_by_key(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0)
    });
    versions
        .last()
        .expect("a PostgreSQL version")
        .join("bin")
        .join(name)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `program args` as the `postgres` user when we are root (the server
/// refuses to run as root), else as ourselves; panics with its output
/// unless it succeeds.
fn run(program: &Path, args: &[&str]) {
    let out = if is_root() {
        Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(program)
            .args(args)
            .output()
    } else {
        Command::new(program).args(args).output()
    }
    .unwrap();
    assert!(
        out.status.success(),
        "{} {args:?}: {}{}",
        program.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A running cluster in `dir`, stopped (and its files removed) when
/// dropped.
struct Cluster {
    dir: PathBuf,
    port: u16,
}

impl Cluster {
    fn start(dir: PathBuf, sockets: &Path) -> Cluster {
        let port = free_port();
        let options = format!(
            "-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off",
            sockets.display()
        );
        let log = dir.with_extension("log");
        run(
            &bin("pg_ctl"),
            &[
                "-D",
                dir.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
        Cluster { dir, port }
    }

    fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let stop = |args: &[&str]| {
            let mut c = if is_root() {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(bin("pg_ctl"));
                c
            } else {
                Command::new(bin("pg_ctl"))
            };
            let _ = c.args(args).output();
        };
        stop(&["-D", self.dir.to_str().unwrap(), "-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A directory the `postgres` user may write in.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("selaras-replica-{}", free_port()));
    std::fs::create_dir_all(&dir).unwrap();
    if is_root() {
        let ok = Command::new("chown")
            .args(["postgres:postgres", dir.to_str().unwrap()])
            .status()
            .unwrap();
        assert!(ok.success());
    }
    dir
}

/// A primary holding the demo and its streaming replica: (scratch
/// directory, primary, replica, primary URL, replica URL, a pool on the
/// primary, a pool on the replica).
async fn primary_and_replica() -> (
    PathBuf,
    Cluster,
    Cluster,
    String,
    String,
    sqlx::PgPool,
    sqlx::PgPool,
) {
    let root = scratch();
    let primary_dir = root.join("primary");
    run(
        &bin("initdb"),
        &[
            "-D",
            primary_dir.to_str().unwrap(),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
        ],
    );
    let primary = Cluster::start(primary_dir, &root);
    // The demo, copied from the harness's ready-made database.
    let (copy, copy_url) = common::fresh_database().await;
    copy.close().await;
    let url = primary.url("selaras");
    selaras::db::create_database_if_missing(&url).await.unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; '{}' -Fc -d '{copy_url}' | '{}' --no-owner -d '{url}'",
            bin("pg_dump").display(),
            bin("pg_restore").display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = copy_url.rsplit('/').next().unwrap().to_string();
    let admin = selaras::db::connect(&common::admin_url()).await.unwrap();
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    let pool = selaras::db::connect(&url).await.unwrap();

    // The replica: a base backup of the primary that follows its WAL.
    let replica_dir = root.join("replica");
    run(
        &bin("pg_basebackup"),
        &[
            "-h",
            "127.0.0.1",
            "-p",
            &primary.port.to_string(),
            "-U",
            "postgres",
            "-D",
            replica_dir.to_str().unwrap(),
            "-R",
            "-X",
            "stream",
            // Not the default spread checkpoint, which waits minutes.
            "--checkpoint=fast",
            "--no-sync",
        ],
    );
    let replica = Cluster::start(replica_dir, &root);
    let replica_url = replica.url("selaras");
    let standby = selaras::db::connect(&replica_url).await.unwrap();
    let recovering: bool = sqlx::query_scalar("SELECT pg_is_in_recovery()")
        .fetch_one(&standby)
        .await
        .unwrap();
    assert!(recovering, "the second cluster is a standby");

    (root, primary, replica, url, replica_url, pool, standby)
}

#[tokio::test]
async fn visitors_read_from_the_replica_and_a_writer_reads_their_own_write() {
    let (root, primary, replica, url, replica_url, pool, standby) = primary_and_replica().await;
    let app = common::spawn_app_on_with(url, |c| {
        c.read_database_url = Some(replica_url);
        c.replica_check = Duration::from_millis(100);
        // This test makes the replica lag on purpose.
        c.replica_max_lag = Duration::from_secs(3600);
    })
    .await;
    // The first check has passed: visitors read the replica.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let nomor = common::fixtures::first_proposal(&pool).await;
    let page = format!("/usulan/{nomor}");
    assert_eq!(app.get(&client(), &page).await.status(), 200);

    // The replica stops replaying: from now on it lags behind.
    sqlx::query("SELECT pg_wal_replay_pause()")
        .execute(&standby)
        .await
        .unwrap();
    let pkk = app.login("pkk.magelang").await;
    let said = "Saluran di gang ini tersumbat sejak Maret (ditulis di primer).";
    let res = app
        .post_form(&pkk, &format!("{page}/komentar"), &[("body", said)])
        .await;
    assert_eq!(res.status(), 303);
    // The writer, signed in, reads the primary: their comment is there.
    let theirs = text(app.get(&pkk, &page).await).await;
    assert!(theirs.contains(said), "{theirs}");
    // A visitor is served by the replica, which has not replayed it yet.
    let visitors = text(app.get(&client(), &page).await).await;
    assert!(visitors.contains(&nomor), "{visitors}");
    assert!(
        !visitors.contains(said),
        "the visitor's page came from the primary"
    );

    // Once the replica catches up, visitors read it too.
    sqlx::query("SELECT pg_wal_replay_resume()")
        .execute(&standby)
        .await
        .unwrap();
    let mut caught_up = false;
    for _ in 0..100 {
        if text(app.get(&client(), &page).await).await.contains(said) {
            caught_up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(caught_up, "the replica never showed the comment");

    // The replica goes down: visitors are served by the primary again.
    standby.close().await;
    drop(replica);
    let mut served = 0;
    for _ in 0..100 {
        let res = app.get(&client(), &page).await;
        if res.status() == 200 && text(res).await.contains(said) {
            served += 1;
            if served == 3 {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        served, 3,
        "visitors are not served while the replica is down"
    );
    pool.close().await;
    app.db.close().await;
    drop(primary);
    let _ = std::fs::remove_dir_all(&root);
}

/// Every page that may be served from the replica writes nothing for a
/// visitor: served from a connection that refuses writes, each answers.
#[tokio::test]
async fn pages_served_from_the_replica_write_nothing() {
    let (db, url) = common::fresh_database().await;
    db.close().await;
    let read_only = format!("{url}?options=-c%20default_transaction_read_only%3Don");
    let app = common::spawn_app_on_with(url, |c| {
        c.read_database_url = Some(read_only);
        c.replica_check = Duration::from_millis(100);
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let one = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, String>(sql)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    let rkpd =
        one("SELECT id::text FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd'").await;
    let rpjmd =
        one("SELECT id::text FROM plans WHERE region_kode = '33.71' AND kind = 'rpjmd'").await;
    let nomor = one("SELECT nomor FROM proposals ORDER BY nomor LIMIT 1").await;
    let c = client();
    for path in [
        format!("/rencana/{rkpd}"),
        format!("/rencana/{rpjmd}"),
        format!("/usulan/{nomor}"),
        "/usulan?wilayah=33.71".to_string(),
        "/api/v1/plans".to_string(),
        format!("/api/v1/plans/{rpjmd}"),
        format!("/api/v1/plans/{rpjmd}/items"),
        format!("/api/v1/plans/{rpjmd}/checks"),
        "/api/v1/proposals".to_string(),
        format!("/api/v1/proposals/{nomor}"),
        "/api/v1/regions?parent=33".to_string(),
        "/api/v1/nomenklatur?prefix=1.02".to_string(),
    ] {
        let res = app.get(&c, &path).await;
        assert_eq!(res.status(), 200, "{path}: {}", text(res).await);
    }
    // The same connection does refuse writes: the check above means it.
    let refused = sqlx::query("UPDATE proposals SET title = title")
        .execute(
            &selaras::db::connect(&format!(
                "{}?options=-c%20default_transaction_read_only%3Don",
                app.db_url
            ))
            .await
            .unwrap(),
        )
        .await;
    assert!(refused.is_err());
}

/// A replica further behind than allowed sends visitors back to the
/// primary, which has what was just written.
#[tokio::test]
async fn a_lagging_replica_sends_visitors_back_to_the_primary() {
    let (root, primary, replica, url, replica_url, pool, standby) = primary_and_replica().await;
    let app = common::spawn_app_on_with(url, |c| {
        c.read_database_url = Some(replica_url);
        c.replica_check = Duration::from_millis(100);
        c.replica_max_lag = Duration::from_secs(1);
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let nomor = common::fixtures::first_proposal(&pool).await;
    let page = format!("/usulan/{nomor}");
    sqlx::query("SELECT pg_wal_replay_pause()")
        .execute(&standby)
        .await
        .unwrap();
    let pkk = app.login("pkk.magelang").await;
    let said = "Ditulis saat replika tertinggal lebih dari satu detik.";
    let res = app
        .post_form(&pkk, &format!("{page}/komentar"), &[("body", said)])
        .await;
    assert_eq!(res.status(), 303);
    // Within a few checks the replica counts as behind, and visitors read
    // the comment from the primary though the replica has not replayed it.
    let mut fresh = false;
    for _ in 0..60 {
        if text(app.get(&client(), &page).await).await.contains(said) {
            fresh = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(fresh, "a visitor kept reading the lagging replica");
    let replayed: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM proposal_comments WHERE body = $1)")
            .bind(said)
            .fetch_one(&standby)
            .await
            .unwrap();
    assert!(!replayed, "the replica was still behind");
    standby.close().await;
    pool.close().await;
    app.db.close().await;
    drop(replica);
    drop(primary);
    let _ = std::fs::remove_dir_all(&root);
}
