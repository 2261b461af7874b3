//! Meetings: the record, invited organizations, attendance, minutes, and
//! the decisions on proposals taken there (from the proposals' timelines).
//! Each write audited.

use sqlx::{PgConnection, PgPool};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::audit;
use crate::domain::meeting::NewMeeting;
use crate::domain::proposal::Status;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Meeting {
    pub id: Uuid,
    pub region_kode: String,
    pub region_nama: String,
    pub kind: String,
    pub title: String,
    pub held_on: Date,
    pub place: String,
    pub organizer_org_id: Uuid,
    pub organizer_name: String,
    /// The organizer's area (a kecamatan's code), if any.
    pub organizer_wilayah: Option<String>,
    pub agenda: String,
    pub minutes: String,
    pub version: i32,
}

const SELECT: &str = "SELECT m.id, m.region_kode, r.nama AS region_nama, m.kind, m.title, m.held_on, m.place,
        m.organizer_org_id, o.name AS organizer_name, o.wilayah_kode AS organizer_wilayah, m.agenda, m.minutes,
        m.version
    FROM meetings m JOIN regions r ON r.kode = m.region_kode JOIN organizations o ON o.id = m.organizer_org_id";

/// The meeting named in a link (`/musyawarah/{id}`), in whichever region.
pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<Meeting>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE m.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// A meeting of `region`, inside a transaction.
pub async fn get_in(
    conn: &mut PgConnection,
    region: &str,
    id: Uuid,
) -> Result<Meeting, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT} WHERE m.id = $1 AND m.region_kode = $2"))
        .bind(id)
        .bind(region)
        .fetch_one(conn)
        .await
}

/// A region's meetings, latest first.
pub async fn list(db: &PgPool, region: &str) -> Result<Vec<Meeting>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE m.region_kode = $1 ORDER BY m.held_on DESC, m.title LIMIT 500"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn create(
    conn: &mut PgConnection,
    actor: Uuid,
    region: &str,
    m: &NewMeeting,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO meetings (id, region_kode, kind, title, held_on, place, organizer_org_id, agenda, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(region)
    .bind(m.kind.as_str())
    .bind(&m.title)
    .bind(m.held_on)
    .bind(&m.place)
    .bind(m.organizer)
    .bind(&m.agenda)
    .bind(actor)
    .execute(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO meeting_invitees (meeting_id, org_id) SELECT $1, unnest($2::uuid[])")
        .bind(id)
        .bind(&m.invited)
        .execute(&mut *conn)
        .await?;
    let after = serde_json::json!({"title": m.title, "kind": m.kind.as_str(), "held_on": m.held_on.to_string(),
        "place": m.place, "organizer": m.organizer, "invited": m.invited});
    record(conn, region, actor, "create", id, None, after).await?;
    Ok(id)
}

async fn record(
    conn: &mut PgConnection,
    region: &str,
    actor: Uuid,
    action: &str,
    id: Uuid,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), sqlx::Error> {
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action,
            entity: "meeting",
            entity_id: id.to_string(),
            before,
            after: Some(after),
        },
    )
    .await
}

/// The invited organizations' names; `region` is the meeting's.
pub async fn invitees(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT o.name FROM meeting_invitees i JOIN organizations o ON o.id = i.org_id
         WHERE i.meeting_id = $1 AND i.region_kode = $2 ORDER BY o.name",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Attendee {
    pub name: String,
    pub org_name: String,
}

/// Who attended, in the order recorded; `region` is the meeting's.
pub async fn attendance(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Attendee>, sqlx::Error> {
    sqlx::query_as(
        "SELECT name, org_name FROM meeting_attendance
         WHERE meeting_id = $1 AND region_kode = $2 ORDER BY created_at, id",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn add_attendee(
    conn: &mut PgConnection,
    actor: Uuid,
    m: &Meeting,
    name: &str,
    org: &str,
) -> Result<(), sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO meeting_attendance (id, meeting_id, name, org_name) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(m.id)
    .bind(name)
    .bind(org)
    .execute(&mut *conn)
    .await?;
    let after = serde_json::json!({"attendee": name, "org": org});
    record(conn, &m.region_kode, actor, "attend", m.id, None, after).await
}

/// Saves the minutes if the meeting is as read; false when someone saved
/// first (nothing written).
pub async fn set_minutes(
    conn: &mut PgConnection,
    actor: Uuid,
    m: &Meeting,
    version: i32,
    minutes: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE meetings SET minutes = $3, version = version + 1
         WHERE id = $1 AND version = $2 AND region_kode = $4",
    )
    .bind(m.id)
    .bind(version)
    .bind(minutes)
    .bind(&m.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let before = Some(serde_json::json!({"minutes": m.minutes}));
    let after = serde_json::json!({"minutes": minutes});
    record(conn, &m.region_kode, actor, "update", m.id, before, after).await?;
    Ok(true)
}

/// A decision on a proposal taken at the meeting.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Decided {
    pub nomor: String,
    pub title: String,
    pub wilayah_nama: String,
    pub to_status: Status,
    pub recommendation: String,
    pub at: OffsetDateTime,
}

/// The decisions taken at the meeting; `region` is the meeting's (its
/// proposals are of its region).
pub async fn decisions(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Decided>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.nomor, p.title, w.nama AS wilayah_nama, e.to_status, e.recommendation, e.at
         FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id JOIN regions w ON w.kode = p.wilayah_kode
         WHERE e.meeting_id = $1 AND e.region_kode = $2 ORDER BY e.id",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}
