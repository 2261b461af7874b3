//! The `selaras` command as an operator meets it.

use crate::common;

use std::process::Command;

fn selaras() -> Command {
    Command::new(env!("CARGO_BIN_EXE_selaras"))
}

#[test]
fn an_unreachable_database_is_one_clear_sentence_without_the_password() {
    let out = selaras()
        .args([
            "migrate",
            "--database-url",
            "postgres://planner:rahasia@127.0.0.1:1/selaras",
        ])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.starts_with("selaras: "))
        .expect("one error line");
    assert!(
        line.contains("postgres://planner:***@127.0.0.1:1/selaras"),
        "{line}"
    );
    assert!(
        line.contains("Start PostgreSQL or set DATABASE_URL"),
        "{line}"
    );
    assert!(!err.contains("rahasia"), "{err}");
}

#[tokio::test]
async fn user_commands_create_add_memberships_and_reset_passwords() {
    let (db, url) = common::fresh_database().await;
    let pw = "jalan pemuda magelang ramai sekali";
    let out = selaras()
        .args([
            "user",
            "create",
            "--region",
            "33.71",
            "--username",
            "bidang.ekonomi",
            "--name",
            "Agus Budiyanto",
            "--org",
            "bapperida",
            "--role",
            "planner",
        ])
        .env("DATABASE_URL", &url)
        .env("SELARAS_NEW_PASSWORD", pw)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE username = 'bidang.ekonomi'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert!(selaras::auth::password::verify_blocking(pw, &hash));

    let out = selaras()
        .args([
            "user",
            "add-membership",
            "--username",
            "bidang.ekonomi",
            "--org",
            "dprd",
            "--role",
            "reviewer",
        ])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let roles: Vec<String> = sqlx::query_scalar(
        "SELECT m.role::text FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE u.username = 'bidang.ekonomi' ORDER BY 1",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(roles, ["planner", "reviewer"]);

    // A weak password is refused with the reason.
    let out = selaras()
        .args(["user", "reset-password", "--username", "bidang.ekonomi"])
        .env("DATABASE_URL", &url)
        .env("SELARAS_NEW_PASSWORD", "password1234")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("terlalu umum"));

    let out = selaras()
        .args(["user", "reset-password", "--username", "bidang.ekonomi"])
        .env("DATABASE_URL", &url)
        .env("SELARAS_NEW_PASSWORD", "kopi tubruk dan gethuk pagi")
        .output()
        .unwrap();
    assert!(out.status.success());
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE username = 'bidang.ekonomi'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert!(selaras::auth::password::verify_blocking(
        "kopi tubruk dan gethuk pagi",
        &hash
    ));
}

#[tokio::test]
async fn demo_is_idempotent_and_prints_the_users() {
    let (db, url) = common::fresh_database().await;
    let count = |db: sqlx::PgPool| async move {
        let u: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
            .fetch_one(&db)
            .await
            .unwrap();
        let o: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations")
            .fetch_one(&db)
            .await
            .unwrap();
        let m: i64 = sqlx::query_scalar("SELECT count(*) FROM memberships")
            .fetch_one(&db)
            .await
            .unwrap();
        (u, o, m)
    };
    let before = count(db.clone()).await;
    let out = selaras()
        .arg("demo")
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    for (username, ..) in selaras::demo::USERS {
        assert!(stdout.contains(username), "{username} not printed");
    }
    assert_eq!(count(db).await, before);
}

#[tokio::test]
async fn import_previews_a_workbook_and_writes_it_only_when_told() {
    let (db, url) = common::fresh_database().await;
    let (rpjmd, rpjpd): (uuid::Uuid, uuid::Uuid) = sqlx::query_as(
        "SELECT id, parent_id FROM plans WHERE kind = 'rpjmd' AND region_kode = '33.71'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    // The Struktur sheet of the demo RPJMD, as its workbook carries it.
    let plan = selaras::store::plans::get(&db, rpjmd)
        .await
        .unwrap()
        .unwrap();
    let state = selaras::store::plans::imports::state(&db, &plan)
        .await
        .unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    selaras::export::structure::add_sheet(&mut wb, &plan.years(), &plan.pagu_years(), &state)
        .unwrap();
    let file = std::env::temp_dir().join(format!("selaras-import-{}.xlsx", uuid::Uuid::new_v4()));
    std::fs::write(&file, wb.save_to_buffer().unwrap()).unwrap();
    let empty = uuid::Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, parent_id, stage)
         VALUES ($1, '33.71', 'rpjmd', 'RPJMD dari berkas', 2025, 2029, $2, 'rancangan_teknokratik')",
    )
    .bind(empty)
    .bind(rpjpd)
    .execute(&db)
    .await
    .unwrap();
    let items = |db: sqlx::PgPool| async move {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM plan_items WHERE plan_id = $1")
            .bind(empty)
            .fetch_one(&db)
            .await
            .unwrap()
    };
    let run = |extra: &[&str]| {
        let mut args = vec![
            "import".to_string(),
            empty.to_string(),
            file.display().to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        selaras()
            .args(args)
            .env("DATABASE_URL", &url)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("Program") && stdout.contains("pagu 2025: Rp"),
        "{stdout}"
    );
    assert_eq!(items(db.clone()).await, 0, "a preview writes nothing");

    let out = run(&["--apply"]);
    assert!(!out.status.success(), "--apply needs --as");
    let out = run(&["--apply", "--as", "perencana.magelang"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let original: i64 = sqlx::query_scalar("SELECT count(*) FROM plan_items WHERE plan_id = $1")
        .bind(rpjmd)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(items(db.clone()).await, original);
    assert!(
        stdout.contains(&format!("created {original} items")),
        "{stdout}"
    );
    let _ = std::fs::remove_file(&file);
}

#[tokio::test]
async fn import_users_previews_then_creates_and_prints_invitations() {
    let (db, url) = common::fresh_database().await;
    let file = std::env::temp_dir().join(format!("selaras-users-{}.csv", uuid::Uuid::new_v4()));
    std::fs::write(
        &file,
        "Jenis organisasi,Nama organisasi,Kode wilayah,Nama pengguna,Nama lengkap,Email,Peran\n\
         lembaga,Karang Taruna Kelurahan Cacaban,,kt.magelang,Andi Saputra,,community\n\
         lembaga,Forum Anak Kota Magelang,,fa.magelang,Rina Lestari,,community\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "import-users".to_string(),
            file.display().to_string(),
            "--region".into(),
            "33.71".into(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        selaras()
            .args(args)
            .env("DATABASE_URL", &url)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("2 new organizations, 2 new people"),
        "{stdout}"
    );
    let count = |db: sqlx::PgPool| async move {
        sqlx::query_scalar::<_, i64>(
            "SELECT count(*) FROM users WHERE username IN ('kt.magelang', 'fa.magelang')",
        )
        .fetch_one(&db)
        .await
        .unwrap()
    };
    assert_eq!(count(db.clone()).await, 0, "a preview writes nothing");
    let out = run(&["--apply", "--as", "admin.magelang"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.matches("/tautan/").count(), 2, "{stdout}");
    assert_eq!(count(db.clone()).await, 2);
    let _ = std::fs::remove_file(&file);
}

/// Issue 19, point 4: the version names its commit, and `migrate --check`
/// tells a deployment script whether the schema is current, changing
/// nothing.
#[tokio::test]
async fn the_version_names_its_commit_and_migrate_check_changes_nothing() {
    let out = selaras().arg("--version").output().unwrap();
    let v = String::from_utf8_lossy(&out.stdout);
    assert!(
        v.starts_with(&format!("selaras {} (", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );

    let app = common::spawn_app().await;
    let out = selaras()
        .args(["migrate", "--check", "--database-url", &app.db_url])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("current"));

    // An empty database: every migration pending, and still empty after.
    use sqlx::{Connection, Executor};
    let name = common::test_database_name();
    let mut admin = sqlx::PgConnection::connect(&common::admin_url())
        .await
        .unwrap();
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let url = common::url_for(&name);
    let out = selaras()
        .args(["migrate", "--check", "--database-url", &url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("0001 foundation") && said.contains("0009 signup"),
        "{said}"
    );
    let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
    let tables: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(tables, 0, "nothing was changed");

    // Master data count too: a schema without its region list is not ready.
    sqlx::query("DELETE FROM nomenklatur WHERE region_kode IS NULL AND level = 'sub_kegiatan' AND kode NOT IN (SELECT kode FROM plan_items WHERE kode IS NOT NULL) AND kode NOT IN (SELECT sub_kegiatan_kode FROM kamus_usulan)")
        .execute(&app.db)
        .await
        .unwrap();
    let out = selaras()
        .args(["migrate", "--check", "--database-url", &app.db_url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("data: nomenklatur"));
}

/// Issue 19, point 4: migrations only move forward: a landed migration is
/// never edited (its checksum is listed in tests/migration_checksums.txt,
/// and a new one is added to the list when it lands).
#[test]
fn landed_migrations_are_never_edited() {
    use sha2::{Digest, Sha256};
    let root = env!("CARGO_MANIFEST_DIR");
    let listed = std::fs::read_to_string(format!("{root}/tests/migration_checksums.txt")).unwrap();
    let listed: std::collections::BTreeMap<&str, &str> = listed
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once("  "))
        .map(|(sum, file)| (file, sum))
        .collect();
    let mut files: Vec<String> = std::fs::read_dir(format!("{root}/migrations"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    files.sort();
    for f in &files {
        let text = std::fs::read(format!("{root}/migrations/{f}")).unwrap();
        let sum: String = Sha256::digest(&text)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        match listed.get(f.as_str()) {
            Some(expected) => assert_eq!(
                *expected, sum,
                "{f} was edited after it landed: add a new migration instead"
            ),
            None => panic!("{f} is new: add `{sum}  {f}` to tests/migration_checksums.txt"),
        }
    }
}

/// Issue 19, point 3: the backup the README gives (pg_dump in custom
/// format) restores into a fresh database that serves: a plan page, a
/// proposal's public page and a sign-in.
#[tokio::test]
async fn a_backup_restores_into_a_database_that_serves() {
    use sqlx::{Connection, Executor};
    let app = common::spawn_app().await;
    let dump = std::env::temp_dir().join(format!("selaras-{}.dump", uuid::Uuid::new_v4().simple()));
    let out = Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--file"])
        .arg(&dump)
        .arg(format!("--dbname={}", app.db_url))
        .output()
        .expect("pg_dump (Debian's postgresql-client) is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let name = common::test_database_name();
    let mut admin = sqlx::PgConnection::connect(&common::admin_url())
        .await
        .unwrap();
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let url = common::url_for(&name);
    let out = Command::new("pg_restore")
        .args(["--no-owner", "--exit-on-error"])
        .arg(format!("--dbname={url}"))
        .arg(&dump)
        .output()
        .unwrap();
    std::fs::remove_file(&dump).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let restored = common::spawn_app_on(url).await;
    let plan = restored.plan_id("33.71", "rkpd").await;
    let anon = common::client();
    let page = restored.get(&anon, &format!("/rencana/{plan}")).await;
    assert_eq!(page.status(), 200);
    let page = restored.get(&anon, "/usulan/USL-2026-000001").await;
    assert_eq!(page.status(), 200);
    let planner = restored.login("perencana.magelang").await;
    let home = common::text(restored.get(&planner, "/").await).await;
    assert!(home.contains("Selamat datang"), "{home}");
}

/// A free local port (bound, then released for the server to take).
pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The value of one sample line `name{labels} value` of a scrape.
fn sample(scrape: &str, line_start: &str) -> Option<f64> {
    scrape
        .lines()
        .find(|l| l.starts_with(line_start))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

/// Issue 19, point 1: `selaras serve` with SELARAS_METRICS_ADDR serves
/// /metrics there (and only there) in the Prometheus text format: requests
/// by route template and status, latency, the pool, sign-in failures, Cek
/// runs and the build.
#[tokio::test]
async fn metrics_are_served_on_their_own_address_by_route_template() {
    let app = common::spawn_app().await;
    let (port, metrics_port) = (free_port(), free_port());
    let _server = Killed(
        selaras()
            .args(["serve", "--database-url", &app.db_url])
            .env("SELARAS_ADDR", format!("127.0.0.1:{port}"))
            .env("SELARAS_METRICS_ADDR", format!("127.0.0.1:{metrics_port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let http = common::client();
    let mut up = false;
    for _ in 0..100 {
        if let Ok(r) = http.get(format!("{base}/readyz")).send().await {
            up = r.status() == 200;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(up, "the server answers /readyz");
    let rkpd = app.plan_id("33.71", "rkpd").await;
    for path in [
        format!("/rencana/{rkpd}"),
        format!("/rencana/{rkpd}/cek"),
        format!("/item/{}", uuid::Uuid::nil()),
        "/tidak-ada".to_string(),
    ] {
        http.get(format!("{base}{path}")).send().await.unwrap();
    }
    let res = http
        .post(format!("{base}/login"))
        .form(&[("username", "perencana.magelang"), ("password", "salah")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "a wrong password: the form again");
    // Never on the public address.
    let res = http.get(format!("{base}/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let res = http
        .get(format!("http://127.0.0.1:{metrics_port}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let scrape = res.text().await.unwrap();
    let requests = |route: &str, status: u16| {
        sample(
            &scrape,
            &format!(
                "selaras_http_requests_total{{route=\"{route}\",method=\"GET\",status=\"{status}\"}}"
            ),
        )
    };
    assert_eq!(requests("/rencana/{id}", 200), Some(1.0), "{scrape}");
    assert_eq!(requests("/rencana/{id}/cek", 200), Some(1.0));
    assert_eq!(requests("/item/{id}", 404), Some(1.0));
    // /tidak-ada, and /metrics asked of the public address.
    assert_eq!(requests("unmatched", 404), Some(2.0));
    assert!(
        !scrape.contains(&rkpd.to_string()),
        "ids stay out of the labels"
    );
    assert!(scrape.contains(
        "selaras_http_request_duration_seconds_bucket{route=\"/rencana/{id}\",method=\"GET\",le=\"0.2\"}"
    ));
    assert_eq!(
        sample(&scrape, "selaras_secret_checks_failed_total "),
        Some(1.0)
    );
    assert_eq!(
        sample(&scrape, "selaras_cek_duration_seconds_count "),
        Some(1.0)
    );
    assert!(sample(&scrape, "selaras_db_pool_connections{state=\"max\"}").unwrap() >= 1.0);
    assert!(sample(&scrape, "selaras_db_pool_connections{state=\"in_use\"}").is_some());
    assert_eq!(sample(&scrape, "selaras_ready "), Some(1.0));
    // Nothing else is being answered while the scrape is.
    assert_eq!(
        sample(&scrape, "selaras_http_requests_in_flight "),
        Some(0.0)
    );
    assert!(scrape.contains(&format!(
        "selaras_build_info{{version=\"{}\",commit=\"",
        env!("CARGO_PKG_VERSION")
    )));
}

/// A child process killed when the test ends, however it ends.
pub(crate) struct Killed(pub(crate) std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn metrics_are_refused_on_the_public_address() {
    let out = selaras()
        .args([
            "serve",
            "--database-url",
            "postgres://postgres@127.0.0.1:1/x",
        ])
        .env("SELARAS_ADDR", "127.0.0.1:18187")
        .env("SELARAS_METRICS_ADDR", "127.0.0.1:18187")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("must differ from SELARAS_ADDR"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The first migration of this round (not landed yet): it and every later
/// one must apply over a database holding data. Move it on when a round's
/// migrations have landed. A round without one of its own tries the newest
/// migration again, so the test always upgrades something.
const FIRST_NEW_MIGRATION: i64 = 27;

/// Upgrades: the migrations of this round apply to a database that
/// already holds data (the demo, copied into the schema before them). An
/// empty test database does not show what an upgrade meets: an index
/// built after an update in the same migration fails only when the update
/// touched rows. The demo is loaded at the newest schema (the code needs
/// it) and copied table by table, the columns the older schema has, with
/// triggers and foreign keys held off while copying. (The Migrator's
/// fields are sqlx 0.8's, public for its macro.)
#[tokio::test]
async fn the_newest_migrations_apply_over_data() {
    use futures_util::StreamExt;
    use sqlx::{Connection, Executor};
    let (demo, _) = common::fresh_database().await;
    let name = common::test_database_name();
    let mut admin = sqlx::PgConnection::connect(&common::admin_url())
        .await
        .unwrap();
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    let url = common::url_for(&name);
    let pool = selaras::db::connect(&url).await.unwrap();
    let all = &selaras::db::MIGRATOR;
    let newest = all.migrations.iter().map(|m| m.version).max().unwrap();
    let first = FIRST_NEW_MIGRATION.min(newest);
    let older: Vec<_> = all
        .migrations
        .iter()
        .filter(|m| m.version < first)
        .cloned()
        .collect();
    assert!(older.len() < all.migrations.len(), "a migration to apply");
    let before = sqlx::migrate::Migrator {
        migrations: std::borrow::Cow::Owned(older),
        ..sqlx::migrate::Migrator::DEFAULT
    };
    before.run(&pool).await.unwrap();
    // The demo's rows, into the columns the older schema has.
    let columns = "SELECT table_name::text, string_agg(column_name::text, ', ' ORDER BY ordinal_position)
         FROM information_schema.columns c
         WHERE table_schema = 'public' AND is_generated = 'NEVER' AND table_name <> '_sqlx_migrations'
           AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_name = c.table_name
                       AND t.table_schema = 'public' AND t.table_type = 'BASE TABLE')
         GROUP BY 1";
    let tables: Vec<(String, String)> = sqlx::query_as(columns).fetch_all(&pool).await.unwrap();
    let mut from = demo.acquire().await.unwrap();
    let mut to = pool.acquire().await.unwrap();
    to.execute("SET session_replication_role = replica")
        .await
        .unwrap();
    for (table, cols) in &tables {
        // Rows the migrations seeded (the data version) give way to the
        // demo's.
        to.execute(format!("DELETE FROM {table}").as_str())
            .await
            .unwrap();
        let mut out = from
            .copy_out_raw(&format!("COPY (SELECT {cols} FROM {table}) TO STDOUT"))
            .await
            .unwrap();
        let mut copy = to
            .copy_in_raw(&format!("COPY {table} ({cols}) FROM STDIN"))
            .await
            .unwrap();
        while let Some(chunk) = out.next().await {
            copy.send(chunk.unwrap()).await.unwrap();
        }
        copy.finish().await.unwrap();
    }
    to.execute("SET session_replication_role = origin")
        .await
        .unwrap();
    drop(to);
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(rows > 0, "there is data to upgrade");
    all.run(&pool)
        .await
        .unwrap_or_else(|e| panic!("a migration of this round over data: {e}"));
    // What the new migrations filled in is right for every row.
    let wrong: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM item_pagu g JOIN plan_items i ON i.id = g.item_id WHERE g.plan_id <> i.plan_id)
              + (SELECT count(*) FROM indicator_years y JOIN indicators n ON n.id = y.indicator_id WHERE y.plan_id <> n.plan_id)
              + (SELECT count(*) FROM kerja_sama_items c JOIN kerja_sama k ON k.id = c.kerja_sama_id WHERE c.region_kode <> k.region_kode)
              + (SELECT count(*) FROM kerja_sama_partners c JOIN kerja_sama k ON k.id = c.kerja_sama_id WHERE c.region_kode <> k.region_kode)
              + (SELECT count(*) FROM kerja_sama_milestones c JOIN kerja_sama k ON k.id = c.kerja_sama_id WHERE c.region_kode <> k.region_kode)
              + (SELECT count(DISTINCT c.plan_id) FROM comments c WHERE NOT EXISTS
                   (SELECT 1 FROM plan_comment_versions v WHERE v.plan_id = c.plan_id AND v.region_kode = c.region_kode))",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(wrong, 0);
    let (pagu, years): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM item_pagu), (SELECT count(*) FROM indicator_years)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        pagu > 0 && years > 0,
        "the demo's pagu and targets were upgraded"
    );
    drop(from);
    demo.close().await;
    pool.close().await;
    admin
        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
        .unwrap();
}
