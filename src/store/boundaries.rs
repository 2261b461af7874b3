//! Region outlines for the maps: the shipped files (data/batas, see
//! data/README.md) loaded by the migrations, more imported from a file of
//! the same shape, and read back per area.

use sqlx::{PgConnection, PgPool};

use crate::domain::map::{BoundaryRow, Shape, parse_boundaries};

/// The shipped boundary files: kab/kota and kecamatan of Jawa Tengah and
/// Jawa Timur, desa/kelurahan of Kota Magelang and Kabupaten Blitar.
const SHIPPED: [(&str, &str); 6] = [
    ("kab_33.csv", include_str!("../../data/batas/kab_33.csv")),
    ("kab_35.csv", include_str!("../../data/batas/kab_35.csv")),
    ("kec_33.csv", include_str!("../../data/batas/kec_33.csv")),
    ("kec_35.csv", include_str!("../../data/batas/kec_35.csv")),
    (
        "desa_33.71.csv",
        include_str!("../../data/batas/desa_33.71.csv"),
    ),
    (
        "desa_35.05.csv",
        include_str!("../../data/batas/desa_35.05.csv"),
    ),
];

/// Loads the shipped outlines when any shipped code is missing (imports
/// may add other regions, or replace a shipped outline on purpose: those
/// are kept). Idempotent.
pub async fn ensure_loaded(db: &PgPool) -> Result<(), sqlx::Error> {
    let mut kodes = Vec::new();
    for (_, text) in SHIPPED {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for rec in reader.records() {
            let rec = rec.map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
            kodes.push(rec[0].to_string());
        }
    }
    let have: i64 =
        sqlx::query_scalar("SELECT count(*) FROM region_boundaries WHERE kode = ANY($1)")
            .bind(&kodes)
            .fetch_one(db)
            .await?;
    if have >= kodes.len() as i64 {
        return Ok(());
    }
    let mut rows = Vec::with_capacity(kodes.len());
    for (name, text) in SHIPPED {
        rows.extend(
            parse_boundaries(text)
                .map_err(|e| sqlx::Error::Protocol(format!("{name}: {}", e.join("; "))))?,
        );
    }
    let mut tx = db.begin().await?;
    save(&mut tx, &rows).await?;
    tx.commit().await?;
    tracing::info!(areas = rows.len(), "loaded the shipped region boundaries");
    Ok(())
}

/// Why an import saved nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", .0.join("\n"))]
    Lines(Vec<String>),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Imports a boundary file (`kode,nama,lat,lng,path`): all of it or, when
/// a line is wrong or names a region the national list lacks, nothing.
/// Returns how many outlines were saved (new or replaced).
pub async fn import(db: &PgPool, text: &str) -> Result<usize, ImportError> {
    let rows = parse_boundaries(text).map_err(ImportError::Lines)?;
    let kodes: Vec<&str> = rows.iter().map(|r| r.kode.as_str()).collect();
    let unknown: Vec<String> = sqlx::query_scalar(
        "SELECT k FROM unnest($1::text[]) k WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.kode = k)",
    )
    .bind(&kodes)
    .fetch_all(db)
    .await?;
    if !unknown.is_empty() {
        return Err(ImportError::Lines(
            unknown
                .into_iter()
                .map(|k| format!("kode {k} tidak ada di daftar wilayah"))
                .collect(),
        ));
    }
    let mut tx = db.begin().await?;
    save(&mut tx, &rows).await?;
    tx.commit().await?;
    Ok(rows.len())
}

/// One COPY into a temporary table, one upsert.
async fn save(tx: &mut PgConnection, rows: &[BoundaryRow]) -> Result<(), sqlx::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for r in rows {
        out.write_record([&r.kode, &r.lat.to_string(), &r.lng.to_string(), &r.path])
            .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    sqlx::query(
        "CREATE TEMP TABLE boundaries_in (kode text, lat double precision, lng double precision, path text)
         ON COMMIT DROP",
    )
    .execute(&mut *tx)
    .await?;
    let mut copy = tx
        .copy_in_raw("COPY boundaries_in (kode, lat, lng, path) FROM STDIN (FORMAT csv)")
        .await?;
    copy.send(bytes).await?;
    copy.finish().await?;
    sqlx::query(
        "INSERT INTO region_boundaries (kode, lat, lng, path)
         SELECT kode, lat, lng, path FROM boundaries_in
         ON CONFLICT (kode) DO UPDATE
             SET lat = EXCLUDED.lat, lng = EXCLUDED.lng, path = EXCLUDED.path, updated_at = now()
             WHERE region_boundaries.path IS DISTINCT FROM EXCLUDED.path",
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// An outlined region.
#[derive(Debug, Clone)]
pub struct Area {
    pub kode: String,
    pub nama: String,
    pub shape: Shape,
}

/// When the outlines under `prefix` (and of `prefix` itself) last changed:
/// the key under which drawings of them are kept.
pub async fn version(db: &PgPool, prefix: &str) -> Result<String, sqlx::Error> {
    let (n, at): (i64, Option<time::OffsetDateTime>) = sqlx::query_as(
        "SELECT count(*), max(updated_at) FROM region_boundaries
         WHERE kode = $1 OR kode LIKE $1 || '.%'",
    )
    .bind(prefix)
    .fetch_one(db)
    .await?;
    Ok(format!(
        "{n}:{}",
        at.map(|t| t.unix_timestamp_nanos()).unwrap_or(0)
    ))
}

/// When the outlines of `kodes` last changed (the key of their drawing).
pub async fn version_of(db: &PgPool, kodes: &[String]) -> Result<String, sqlx::Error> {
    let (n, at): (i64, Option<time::OffsetDateTime>) = sqlx::query_as(
        "SELECT count(*), max(updated_at) FROM region_boundaries WHERE kode = ANY($1)",
    )
    .bind(kodes)
    .fetch_one(db)
    .await?;
    Ok(format!(
        "{n}:{}",
        at.map(|t| t.unix_timestamp_nanos()).unwrap_or(0)
    ))
}

/// Whether every desa/kelurahan of a kab/kota has an outline (a map by
/// desa is drawn only then, so that no desa goes missing from it).
pub async fn desa_complete(db: &PgPool, pemda: &str) -> Result<bool, sqlx::Error> {
    let (places, outlined): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(b.kode) FROM regions r LEFT JOIN region_boundaries b ON b.kode = r.kode
         WHERE r.kode LIKE $1 || '.%' AND r.level IN ('desa', 'kelurahan')",
    )
    .bind(pemda)
    .fetch_one(db)
    .await?;
    Ok(places > 0 && outlined == places)
}

/// The outlined regions of `level` under `prefix` (e.g. every desa of
/// "33.71", every kabupaten/kota of "33"), in code order. A stored outline
/// that no longer parses is left out (and logged), never fatal.
pub async fn under(
    db: &PgPool,
    prefix: &str,
    levels: &[crate::domain::region::RegionLevel],
) -> Result<Vec<Area>, sqlx::Error> {
    let rows: Vec<OutlineRow> = sqlx::query_as(
        "SELECT b.kode, r.nama, b.path FROM region_boundaries b JOIN regions r ON r.kode = b.kode
         WHERE b.kode LIKE $1 || '.%' AND r.level = ANY($2) ORDER BY b.kode",
    )
    .bind(prefix)
    .bind(levels)
    .fetch_all(db)
    .await?;
    Ok(areas(rows))
}

/// The outlines of the given regions, in code order.
pub async fn of(db: &PgPool, kodes: &[String]) -> Result<Vec<Area>, sqlx::Error> {
    let rows: Vec<OutlineRow> = sqlx::query_as(
        "SELECT b.kode, r.nama, b.path FROM region_boundaries b JOIN regions r ON r.kode = b.kode
         WHERE b.kode = ANY($1) ORDER BY b.kode",
    )
    .bind(kodes)
    .fetch_all(db)
    .await?;
    Ok(areas(rows))
}

/// A region's stored outline, not yet parsed.
#[derive(sqlx::FromRow)]
struct OutlineRow {
    kode: String,
    nama: String,
    path: String,
}

fn areas(rows: Vec<OutlineRow>) -> Vec<Area> {
    rows.into_iter()
        .filter_map(
            |OutlineRow { kode, nama, path }| match Shape::parse(&path) {
                Ok(shape) => Some(Area { kode, nama, shape }),
                Err(e) => {
                    tracing::warn!(%kode, error = %e, "a stored boundary does not parse");
                    None
                }
            },
        )
        .collect()
}
