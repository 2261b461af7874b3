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

/// Creates the database if needed, connects and brings the schema and the
/// master data up to date. What `serve` and `migrate` both do first.
pub async fn prepare(url: &str) -> Result<PgPool, DbSetupError> {
    create_database_if_missing(url).await?;
    let pool = connect(url).await?;
    migrate(&pool, url).await?;
    Ok(pool)
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
    Ok(())
}

/// Whether the database answers (for `/readyz`).
pub async fn ping(db: &sqlx::PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1").execute(db).await.map(|_| ())
}
