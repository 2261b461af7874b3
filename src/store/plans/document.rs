//! A whole plan for print and workbooks: today's snapshot (five
//! statements) and the names its tables need (two more), whatever the
//! plan's size.

use std::collections::BTreeSet;

use sqlx::PgPool;

use super::Plan;
use crate::domain::annex::{Names, urusan_bidang};
use crate::domain::snapshot::Snapshot;

pub struct Document {
    pub snapshot: Snapshot,
    pub names: Names,
}

pub async fn load(db: &PgPool, plan: &Plan) -> Result<Document, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let snapshot = super::stages::current(&mut conn, plan).await?;
    let mut codes = BTreeSet::new();
    let mut places = BTreeSet::new();
    for i in &snapshot.items {
        if let Some(k) = &i.kode {
            let (u, b) = urusan_bidang(k);
            codes.insert(u);
            codes.insert(b);
        }
        // Each place with the kecamatan and kab/kota above it.
        for k in &i.lokasi {
            let parts: Vec<&str> = k.split('.').collect();
            for n in 2..=parts.len() {
                places.insert(parts[..n].join("."));
            }
        }
    }
    let codes: Vec<String> = codes.into_iter().collect();
    let places: Vec<String> = places.into_iter().collect();
    // The region's own entry wins over the national one of the same code.
    let nomenklatur: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT ON (kode) kode, nama FROM nomenklatur
         WHERE kode = ANY($1) AND (region_kode IS NULL OR region_kode = $2)
         ORDER BY kode, region_kode NULLS LAST",
    )
    .bind(&codes)
    .bind(&plan.region_kode)
    .fetch_all(&mut *conn)
    .await?;
    let places: Vec<(String, String)> =
        sqlx::query_as("SELECT kode, nama FROM regions WHERE kode = ANY($1)")
            .bind(&places)
            .fetch_all(&mut *conn)
            .await?;
    Ok(Document {
        snapshot,
        names: Names {
            nomenklatur: nomenklatur.into_iter().collect(),
            places: places.into_iter().collect(),
        },
    })
}
