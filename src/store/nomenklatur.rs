//! The nomenclature master: the national kab/kota list (shipped in the
//! binary, loaded by the migrations) plus each region's imported additions.

use sqlx::{PgConnection, PgPool};

use crate::domain::kode::KodeNomenklatur;

const NOMENKLATUR_CSV: &str = include_str!("../../data/nomenklatur.csv");

/// How many codes the shipped national list holds.
pub fn shipped() -> i64 {
    NOMENKLATUR_CSV.lines().count().saturating_sub(1) as i64
}

/// Loads the national list when the table has fewer national rows than the
/// shipped file. Idempotent.
pub async fn ensure_loaded(db: &PgPool) -> Result<(), sqlx::Error> {
    let expected = NOMENKLATUR_CSV.lines().count().saturating_sub(1) as i64;
    let have: i64 =
        sqlx::query_scalar("SELECT count(*) FROM nomenklatur WHERE region_kode IS NULL")
            .fetch_one(db)
            .await?;
    if have >= expected {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    sqlx::query(
        "CREATE TEMP TABLE nomenklatur_in (kode text, level nomenklatur_level, nama text, indikator text, satuan text)
         ON COMMIT DROP",
    )
    .execute(&mut *tx)
    .await?;
    let mut copy = tx
        .copy_in_raw("COPY nomenklatur_in (kode, level, nama, indikator, satuan) FROM STDIN (FORMAT csv, HEADER true)")
        .await?;
    copy.send(NOMENKLATUR_CSV.as_bytes()).await?;
    copy.finish().await?;
    sqlx::query(
        "INSERT INTO nomenklatur (region_kode, kode, level, nama, indikator, satuan)
         SELECT NULL, kode, level, nama, NULLIF(indikator, ''), NULLIF(satuan, '') FROM nomenklatur_in
         ON CONFLICT (kode) WHERE region_kode IS NULL DO UPDATE
             SET nama = EXCLUDED.nama, indikator = EXCLUDED.indikator, satuan = EXCLUDED.satuan",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    tracing::info!(codes = expected, "loaded the national nomenclature");
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Entry {
    pub kode: String,
    pub nama: String,
    pub indikator: Option<String>,
    pub satuan: Option<String>,
}

/// The master entry for a plan code in a region: the region's own, the
/// national one, or the national support-program form (`X.XX.01…`).
pub async fn lookup(
    conn: &mut PgConnection,
    region: &str,
    kode: &KodeNomenklatur,
) -> Result<Option<Entry>, sqlx::Error> {
    let national = kode.national_form();
    sqlx::query_as(
        "SELECT kode, nama, indikator, satuan FROM nomenklatur
         WHERE (kode = $1 OR kode = $3) AND (region_kode IS NULL OR region_kode = $2)
         ORDER BY region_kode NULLS LAST, (kode = $1) DESC LIMIT 1",
    )
    .bind(kode.as_str())
    .bind(region)
    .bind(national)
    .fetch_optional(conn)
    .await
}

/// The entries directly under `parent` (or the programs, when None) that a
/// region may use: for choosing codes in forms.
pub async fn children(
    db: &PgPool,
    region: &str,
    parent: Option<&str>,
    level: &str,
) -> Result<Vec<Entry>, sqlx::Error> {
    sqlx::query_as(
        "SELECT kode, nama, indikator, satuan FROM nomenklatur
         WHERE level = $3::nomenklatur_level AND (region_kode IS NULL OR region_kode = $1)
           AND kode NOT LIKE 'X.%' AND ($2::text IS NULL OR kode LIKE $2 || '.%')
         ORDER BY kode",
    )
    .bind(region)
    .bind(parent)
    .bind(level)
    .fetch_all(db)
    .await
}

/// A region's own additions.
pub async fn additions(db: &PgPool, region: &str) -> Result<Vec<Entry>, sqlx::Error> {
    sqlx::query_as("SELECT kode, nama, indikator, satuan FROM nomenklatur WHERE region_kode = $1 ORDER BY kode")
        .bind(region)
        .fetch_all(db)
        .await
}

/// Which of `kodes` exist for the region already (national or its own).
pub async fn existing(
    db: &PgPool,
    region: &str,
    kodes: &[String],
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT kode FROM nomenklatur WHERE kode = ANY($2) AND (region_kode IS NULL OR region_kode = $1)",
    )
    .bind(region)
    .bind(kodes)
    .fetch_all(db)
    .await
}

pub struct NewEntry {
    pub kode: String,
    pub level: &'static str,
    pub nama: String,
    pub indikator: Option<String>,
    pub satuan: Option<String>,
}

/// Adds rows to a region's master, all or nothing (the caller's
/// transaction), with one audit row for the import.
pub async fn import(
    conn: &mut PgConnection,
    actor: uuid::Uuid,
    region: &str,
    rows: &[NewEntry],
) -> Result<(), sqlx::Error> {
    // One statement for the whole file, not one per row.
    let kode: Vec<&str> = rows.iter().map(|r| r.kode.as_str()).collect();
    let level: Vec<&str> = rows.iter().map(|r| r.level).collect();
    let nama: Vec<&str> = rows.iter().map(|r| r.nama.as_str()).collect();
    let indikator: Vec<Option<&str>> = rows.iter().map(|r| r.indikator.as_deref()).collect();
    let satuan: Vec<Option<&str>> = rows.iter().map(|r| r.satuan.as_deref()).collect();
    sqlx::query(
        "INSERT INTO nomenklatur (region_kode, kode, level, nama, indikator, satuan)
         SELECT $1, k, l::nomenklatur_level, n, i, s
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(k, l, n, i, s)",
    )
    .bind(region)
    .bind(&kode)
    .bind(&level)
    .bind(&nama)
    .bind(&indikator)
    .bind(&satuan)
    .execute(&mut *conn)
    .await?;
    let codes: Vec<&str> = rows.iter().map(|r| r.kode.as_str()).collect();
    super::audit::record(
        conn,
        super::audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action: "import",
            entity: "nomenklatur",
            entity_id: region.to_string(),
            before: None,
            after: Some(serde_json::json!({ "kode": codes })),
        },
    )
    .await
}
