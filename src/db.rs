//! The connection pool, creating the database when it is missing, and the
//! migrations (schema plus the master data that ships with the product).

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{ConnectOptions, Connection, PgConnection, PgPool};

use crate::config::redact_url;

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error(
        "Cannot reach PostgreSQL at {url} ({cause}). Start PostgreSQL or set DATABASE_URL \
         (or --database-url) to a server you can reach."
    )]
    Unreachable { url: String, cause: String },
    #[error("DATABASE_URL {url} is not a valid PostgreSQL URL: {cause}")]
    BadUrl { url: String, cause: String },
    #[error("Could not create database {name} at {url}: {cause}")]
    Create {
        name: String,
        url: String,
        cause: String,
    },
    #[error("Migrating the database at {url} failed: {cause}")]
    Migrate { url: String, cause: String },
}

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

fn options(url: &str) -> Result<PgConnectOptions, DbSetupError> {
    PgConnectOptions::from_str(url)
        .map(|o| o.log_statements(tracing::log::LevelFilter::Trace))
        .map_err(|e| DbSetupError::BadUrl {
            url: redact_url(url),
            cause: e.to_string(),
        })
}

/// Creates the database named in `url` if it does not exist yet, by
/// connecting to the server's `postgres` maintenance database.
pub async fn create_database_if_missing(url: &str) -> Result<(), DbSetupError> {
    let opts = options(url)?;
    let name = opts.get_database().unwrap_or("postgres").to_string();
    let unreachable = |e: sqlx::Error| DbSetupError::Unreachable {
        url: redact_url(url),
        cause: e.to_string(),
    };
    // Try the target first: the usual case is that it exists.
    if PgConnection::connect_with(&opts).await.is_ok() {
        return Ok(());
    }
    let mut admin = PgConnection::connect_with(&opts.clone().database("postgres"))
        .await
        .map_err(unreachable)?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut admin)
            .await
            .map_err(unreachable)?;
    if !exists {
        let quoted = name.replace('"', "\"\"");
        sqlx::raw_sql(&format!("CREATE DATABASE \"{quoted}\""))
            .execute(&mut admin)
            .await
            .map_err(|e| DbSetupError::Create {
                name: name.clone(),
                url: redact_url(url),
                cause: e.to_string(),
            })?;
        tracing::info!(database = %name, "created database");
    }
    Ok(())
}

/// A pool sized for a small server. Acquiring waits at most a few seconds,
/// so that during a database outage requests get a 503 instead of hanging.
pub async fn connect(url: &str) -> Result<PgPool, DbSetupError> {
    let opts = options(url)?;
    PgPoolOptions::new()
        .max_connections(16)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(opts)
        .await
        .map_err(|e| DbSetupError::Unreachable {
            url: redact_url(url),
            cause: e.to_string(),
        })
}

/// A pool that connects when first used: the read replica, which may be
/// down when the server starts. Only a malformed URL is an error here.
pub fn connect_lazy(url: &str) -> Result<PgPool, DbSetupError> {
    Ok(PgPoolOptions::new()
        .max_connections(16)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy_with(options(url)?))
}

/// Creates the database if needed, connects and brings the schema and the
/// master data up to date. What `serve` and `migrate` both do first. A
/// database already up to date is left alone, so `serve` can run as a
/// serving role that may not change the schema (see `grant_serving_role`).
pub async fn prepare(url: &str) -> Result<PgPool, DbSetupError> {
    create_database_if_missing(url).await?;
    let pool = connect(url).await?;
    if up_to_date(&pool).await {
        return Ok(pool);
    }
    migrate(&pool, url).await?;
    Ok(pool)
}

/// Every migration applied, with the checksum it has here.
async fn up_to_date(pool: &PgPool) -> bool {
    let applied: Result<Vec<(i64, Vec<u8>)>, _> =
        sqlx::query_as("SELECT version, checksum FROM _sqlx_migrations WHERE success")
            .fetch_all(pool)
            .await;
    let Ok(applied) = applied else {
        return false;
    };
    MIGRATOR.iter().all(|m| {
        applied
            .iter()
            .any(|(v, c)| *v == m.version && c.as_slice() == &*m.checksum)
    })
}

/// Lets `role` (an existing login role) run `selaras serve` and nothing
/// more: read and write the application's tables, but on `audit_log` only
/// read and append (no UPDATE, DELETE or TRUNCATE), no schema changes, no
/// triggers (which only the owner may alter). Run as the owner after every
/// `selaras migrate`; idempotent.
pub async fn grant_serving_role(pool: &PgPool, role: &str) -> Result<(), String> {
    let ok = !role.is_empty()
        && role.len() <= 63
        && role
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !role.as_bytes()[0].is_ascii_digit();
    if !ok || role == "public" || role.starts_with("pg_") {
        return Err(format!(
            "{role:?} is not a role name this command accepts (an existing login role; lower-case letters, digits and _; not public)"
        ));
    }
    let (exists, owner): (bool, bool) = sqlx::query_as(
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1),
                $1 = current_user",
    )
    .bind(role)
    .fetch_one(pool)
    .await
    .map_err(|e| e.to_string())?;
    if !exists {
        return Err(format!(
            "role {role} does not exist; create it first: CREATE ROLE {role} LOGIN PASSWORD '…'"
        ));
    }
    if owner {
        return Err(format!(
            "{role} is the role migrating the database (its owner); the serving role must be another"
        ));
    }
    let database: String = sqlx::query_scalar("SELECT current_database()")
        .fetch_one(pool)
        .await
        .map_err(|e| e.to_string())?;
    let quoted_db = database.replace('"', "\"\"");
    let role = format!("\"{role}\"");
    let statements = [
        format!("GRANT CONNECT ON DATABASE \"{quoted_db}\" TO {role}"),
        format!("GRANT USAGE ON SCHEMA public TO {role}"),
        format!("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}"),
        format!("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"),
        format!("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role}"),
        format!("REVOKE INSERT, UPDATE, DELETE ON _sqlx_migrations FROM {role}"),
        format!("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}"),
    ];
    let mut tx = pool.begin().await.map_err(|e| e.to_string())?;
    for s in statements {
        sqlx::raw_sql(&s)
            .execute(&mut *tx)
            .await
            .map_err(|e| format!("{s}: {e}"))?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}

/// The migrations the database at `url` has not applied yet ("0009
/// signup"), and the master data it lacks ("data: kode wilayah"), without
/// changing anything; all of them for an empty one.
pub async fn pending_migrations(url: &str) -> Result<Vec<String>, sqlx::Error> {
    let mut conn = sqlx::PgConnection::connect_with(&PgConnectOptions::from_str(url)?).await?;
    let table: bool = sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
        .fetch_one(&mut conn)
        .await?;
    let applied: Vec<i64> = if table {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(&mut conn)
            .await?
    } else {
        Vec::new()
    };
    let mut pending: Vec<String> = MIGRATOR
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .map(|m| format!("{:04} {}", m.version, m.description))
        .collect();
    if pending.is_empty() {
        let (regions, codes): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM regions),
                    (SELECT count(*) FROM nomenklatur WHERE region_kode IS NULL)",
        )
        .fetch_one(&mut conn)
        .await?;
        if regions < crate::store::regions::shipped() {
            pending.push("data: kode wilayah".into());
        }
        if codes < crate::store::nomenklatur::shipped() {
            pending.push("data: nomenklatur".into());
        }
    }
    Ok(pending)
}

pub async fn migrate(pool: &PgPool, url: &str) -> Result<(), DbSetupError> {
    let fail = |cause: String| DbSetupError::Migrate {
        url: redact_url(url),
        cause,
    };
    MIGRATOR.run(pool).await.map_err(|e| fail(e.to_string()))?;
    crate::store::regions::ensure_loaded(pool)
        .await
        .map_err(|e| fail(e.to_string()))?;
    crate::store::nomenklatur::ensure_loaded(pool)
        .await
        .map_err(|e| fail(e.to_string()))?;
    crate::store::boundaries::ensure_loaded(pool)
        .await
        .map_err(|e| fail(e.to_string()))?;
    Ok(())
}

/// Whether the database answers (for `/readyz`).
pub async fn ping(db: &sqlx::PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(db).await.map(|_| ())
}
