//! The `selaras` command as an operator meets it.

mod common;

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
