//! The Musrenbang calendar: windows per region, RKPD year and level, their
//! changes (audited), and the reminder before a window closes.

use std::collections::HashMap;

use sqlx::{PgConnection, PgPool};
use time::Date;
use uuid::Uuid;

use super::audit;
use crate::domain::musrenbang::{Tahap, Window};

/// A level's window as stored.
#[derive(sqlx::FromRow)]
struct WindowRow {
    tahap: String,
    opens_on: Date,
    closes_on: Date,
}

/// The windows set for a region's RKPD year.
pub async fn windows(
    db: &PgPool,
    region: &str,
    year: i32,
) -> Result<HashMap<Tahap, Window>, sqlx::Error> {
    let rows: Vec<WindowRow> = sqlx::query_as(
        "SELECT tahap, opens_on, closes_on FROM musrenbang_windows WHERE region_kode = $1 AND year = $2",
    )
    .bind(region)
    .bind(year)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let window = Window {
                opens: r.opens_on,
                closes: r.closes_on,
            };
            Some((Tahap::parse(&r.tahap)?, window))
        })
        .collect())
}

/// The window of one level, if set.
pub async fn window(
    db: &PgPool,
    region: &str,
    year: i32,
    tahap: Tahap,
) -> Result<Option<Window>, sqlx::Error> {
    Ok(windows(db, region, year).await?.remove(&tahap))
}

/// Sets the calendar of a year (a level without a window is cleared),
/// audited. A changed closing day is reminded of again.
pub async fn set(
    conn: &mut PgConnection,
    actor: Uuid,
    region: &str,
    year: i32,
    calendar: &[(Tahap, Option<Window>)],
) -> Result<(), sqlx::Error> {
    for (tahap, window) in calendar {
        match window {
            Some(w) => {
                sqlx::query(
                    "INSERT INTO musrenbang_windows (region_kode, year, tahap, opens_on, closes_on, updated_by)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (region_kode, year, tahap) DO UPDATE SET opens_on = EXCLUDED.opens_on,
                         closes_on = EXCLUDED.closes_on, updated_by = EXCLUDED.updated_by, updated_at = now(),
                         reminded_at = CASE WHEN musrenbang_windows.closes_on = EXCLUDED.closes_on
                                            THEN musrenbang_windows.reminded_at END",
                )
                .bind(region)
                .bind(year)
                .bind(tahap.as_str())
                .bind(w.opens)
                .bind(w.closes)
                .bind(actor)
                .execute(&mut *conn)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM musrenbang_windows WHERE region_kode = $1 AND year = $2 AND tahap = $3")
                    .bind(region)
                    .bind(year)
                    .bind(tahap.as_str())
                    .execute(&mut *conn)
                    .await?;
            }
        }
    }
    let after: serde_json::Map<String, serde_json::Value> = calendar
        .iter()
        .map(|(t, w)| {
            let v = w.map(|w| serde_json::json!([w.opens.to_string(), w.closes.to_string()]));
            (t.as_str().to_string(), v.unwrap_or(serde_json::Value::Null))
        })
        .collect();
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action: "update",
            entity: "musrenbang_calendar",
            entity_id: format!("{region}/{year}"),
            before: None,
            after: Some(serde_json::Value::Object(after)),
        },
    )
    .await
}

/// A window about to close, of a region's RKPD year.
#[derive(sqlx::FromRow)]
struct DueWindow {
    region_kode: String,
    year: i32,
    tahap: String,
    opens_on: Date,
    closes_on: Date,
}

/// Tells the people of each level whose window closes within three days
/// (and is open today), once per window. Returns how many windows.
pub async fn remind(db: &PgPool, today: Date) -> Result<usize, sqlx::Error> {
    let mut tx = db.begin().await?;
    // across regions: the daily reminder job visits every region's windows once.
    let due: Vec<DueWindow> = sqlx::query_as(
        "UPDATE musrenbang_windows SET reminded_at = now()
         WHERE reminded_at IS NULL AND opens_on <= $1 AND closes_on >= $1 AND closes_on <= $1 + 3
         RETURNING region_kode, year, tahap, opens_on, closes_on",
    )
    .bind(today)
    .fetch_all(&mut *tx)
    .await?;
    for d in &due {
        let Some(tahap) = Tahap::parse(&d.tahap) else {
            continue;
        };
        let region = &d.region_kode;
        let year = d.year;
        let users = super::notifications::users_with_roles(&mut tx, region, tahap.roles()).await?;
        let w = Window {
            opens: d.opens_on,
            closes: d.closes_on,
        };
        super::notifications::send(
            &mut tx,
            &users,
            None,
            region,
            super::notifications::Reveals::Personal,
            &format!("{} RKPD {year} segera ditutup", tahap.label()),
            &format!(
                "Jadwalnya {}. Kirim dan teruskan usulan sebelum ditutup.",
                w.label()
            ),
            &format!("/usulan/jadwal?tahun={year}"),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(due.len())
}
