//! The national region list. It ships inside the binary (see
//! data/README.md for its source) and is loaded by the migrations.

use sqlx::PgPool;

use crate::domain::region::{RegionLevel, parent_kode};

const WILAYAH_CSV: &str = include_str!("../../data/wilayah.csv");

/// How many regions the shipped list holds.
pub fn shipped() -> i64 {
    WILAYAH_CSV.lines().count().saturating_sub(1) as i64
}

/// Loads every kode wilayah when the table holds fewer than the shipped
/// list: one COPY into a temporary table, then one upsert. Idempotent.
pub async fn ensure_loaded(db: &PgPool) -> Result<(), sqlx::Error> {
    let expected = WILAYAH_CSV.lines().count().saturating_sub(1) as i64;
    let have: i64 = sqlx::query_scalar("SELECT count(*) FROM regions")
        .fetch_one(db)
        .await?;
    if have >= expected {
        return Ok(());
    }
    let mut rows = csv::Writer::from_writer(Vec::with_capacity(WILAYAH_CSV.len() * 2));
    let mut reader = csv::Reader::from_reader(WILAYAH_CSV.as_bytes());
    for rec in reader.records() {
        let rec = rec.map_err(|e| sqlx::Error::Protocol(format!("wilayah.csv: {e}")))?;
        let (kode, nama) = (&rec[0], &rec[1]);
        let level = RegionLevel::of(kode, nama)
            .ok_or_else(|| sqlx::Error::Protocol(format!("wilayah.csv: bad kode {kode}")))?;
        rows.write_record([kode, parent_kode(kode).unwrap_or(""), nama, level.as_str()])
            .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    }
    let bytes = rows
        .into_inner()
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;

    let mut tx = db.begin().await?;
    sqlx::query("CREATE TEMP TABLE regions_in (LIKE regions) ON COMMIT DROP")
        .execute(&mut *tx)
        .await?;
    let mut copy = tx
        .copy_in_raw("COPY regions_in (kode, parent_kode, nama, level) FROM STDIN (FORMAT csv)")
        .await?;
    copy.send(bytes).await?;
    copy.finish().await?;
    sqlx::query(
        "INSERT INTO regions (kode, parent_kode, nama, level)
         SELECT kode, parent_kode, nama, level FROM regions_in ORDER BY length(kode), kode
         ON CONFLICT (kode) DO UPDATE SET nama = EXCLUDED.nama, level = EXCLUDED.level",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    tracing::info!(regions = expected, "loaded the national region list");
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Region {
    pub kode: String,
    pub nama: String,
    pub level: RegionLevel,
}

pub async fn get(db: &PgPool, kode: &str) -> Result<Option<Region>, sqlx::Error> {
    sqlx::query_as("SELECT kode, nama, level FROM regions WHERE kode = $1")
        .bind(kode)
        .fetch_optional(db)
        .await
}

/// The kecamatan, desa and kelurahan inside a pemda, in code order.
pub async fn places_in(db: &PgPool, pemda: &str) -> Result<Vec<Region>, sqlx::Error> {
    sqlx::query_as(
        "SELECT kode, nama, level FROM regions
         WHERE kode LIKE $1 || '.%' AND level IN ('kecamatan', 'desa', 'kelurahan')
         ORDER BY kode",
    )
    .bind(pemda)
    .fetch_all(db)
    .await
}
