//! Organizations of a pemda.

use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::audit;
use crate::domain::org::{NewOrganization, OrgKind};
use crate::domain::user::FieldErrors;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organization {
    pub id: Uuid,
    pub region_kode: String,
    pub wilayah_kode: Option<String>,
    pub wilayah_nama: Option<String>,
    pub kind: OrgKind,
    pub code: String,
    pub name: String,
    pub active: bool,
    pub version: i32,
    pub member_count: i64,
}

const SELECT: &str =
    "SELECT o.id, o.region_kode, o.wilayah_kode, w.nama AS wilayah_nama, o.kind, o.code,
        o.name, o.active, o.version,
        (SELECT count(*) FROM memberships m WHERE m.organization_id = o.id) AS member_count
    FROM organizations o LEFT JOIN regions w ON w.kode = o.wilayah_kode";

pub async fn list(db: &PgPool, region: &str) -> Result<Vec<Organization>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE o.region_kode = $1 ORDER BY o.kind, o.name"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

/// The active organizations of a region of any of `kinds` (all kinds when
/// empty): what forms offer to choose from.
pub async fn active(
    db: &PgPool,
    region: &str,
    kinds: &[crate::domain::org::OrgKind],
) -> Result<Vec<Organization>, sqlx::Error> {
    Ok(list(db, region)
        .await?
        .into_iter()
        .filter(|o| o.active && (kinds.is_empty() || kinds.contains(&o.kind)))
        .collect())
}

pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<Organization>, sqlx::Error> {
    // across regions: the organization named in a URL or owning a plan,
    // found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE o.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_code(
    db: &PgPool,
    region: &str,
    code: &str,
) -> Result<Option<Organization>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE o.region_kode = $1 AND o.code = $2"
    ))
    .bind(region)
    .bind(code)
    .fetch_optional(db)
    .await
}

pub use super::SaveError;

/// The place of a desa/kelurahan must lie inside the pemda.
async fn check_wilayah(
    conn: &mut PgConnection,
    region: &str,
    org: &NewOrganization,
) -> Result<(), SaveError> {
    if let Some(w) = &org.wilayah_kode {
        let inside: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM regions WHERE kode = $1 AND kode LIKE $2 || '.%')",
        )
        .bind(w)
        .bind(region)
        .fetch_one(&mut *conn)
        .await?;
        if !inside {
            return Err(SaveError::Fields(FieldErrors::single(
                "wilayah_kode",
                "Wilayah ini tidak berada di dalam pemda Anda.",
            )));
        }
    }
    Ok(())
}

pub async fn create(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    region: &str,
    org: &NewOrganization,
) -> Result<Uuid, SaveError> {
    check_wilayah(conn, region, org).await?;
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO organizations (id, region_kode, wilayah_kode, kind, code, name) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(region)
    .bind(&org.wilayah_kode)
    .bind(org.kind)
    .bind(&org.code)
    .bind(&org.name)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: actor,
            action: "create",
            entity: "organization",
            entity_id: id.to_string(),
            before: None,
            after: Some(json!({"kind": org.kind, "code": org.code, "name": org.name, "wilayah_kode": org.wilayah_kode})),
        },
    )
    .await?;
    Ok(id)
}

/// Saves an edit made on top of `version`; refuses a stale one.
pub async fn update(
    conn: &mut PgConnection,
    actor: Uuid,
    current: &Organization,
    version: i32,
    org: &NewOrganization,
    active: bool,
) -> Result<(), SaveError> {
    check_wilayah(conn, &current.region_kode, org).await?;
    let done = sqlx::query(
        "UPDATE organizations SET kind = $3, code = $4, name = $5, wilayah_kode = $6, active = $7, version = version + 1
         WHERE id = $1 AND version = $2",
    )
    .bind(current.id)
    .bind(version)
    .bind(org.kind)
    .bind(&org.code)
    .bind(&org.name)
    .bind(&org.wilayah_kode)
    .bind(active)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&current.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "organization",
            entity_id: current.id.to_string(),
            before: Some(
                json!({"kind": current.kind, "code": current.code, "name": current.name,
                "wilayah_kode": current.wilayah_kode, "active": current.active}),
            ),
            after: Some(json!({"kind": org.kind, "code": org.code, "name": org.name,
                "wilayah_kode": org.wilayah_kode, "active": active})),
        },
    )
    .await?;
    Ok(())
}

/// The organization a place of the pemda gets: kecamatan (a perangkat
/// daerah), desa, kelurahan; code and name from the national region list.
fn for_place(
    place: &super::regions::Region,
    taken: &std::collections::HashSet<String>,
) -> Option<NewOrganization> {
    use crate::domain::region::RegionLevel;
    let (kind, prefix, title) = match place.level {
        RegionLevel::Kecamatan => (OrgKind::PerangkatDaerah, "kec", "Kecamatan"),
        RegionLevel::Desa => (OrgKind::Desa, "desa", "Desa"),
        RegionLevel::Kelurahan => (OrgKind::Kelurahan, "kel", "Kelurahan"),
        _ => return None,
    };
    let base = format!("{prefix}-{}", crate::format::slug(&place.nama));
    // Desa names repeat across kecamatan: the code then carries the place's
    // own number.
    let code = if taken.contains(&base) {
        format!(
            "{base}-{}",
            place.kode.rsplit('.').next().unwrap_or_default()
        )
    } else {
        base
    };
    Some(NewOrganization {
        kind,
        code,
        name: format!("{title} {}", place.nama),
        wilayah_kode: Some(place.kode.clone()),
    })
}

/// The places of the pemda that have no organization yet, as the
/// organizations they would get.
pub async fn missing_for_places(
    db: &PgPool,
    region: &str,
) -> Result<Vec<NewOrganization>, sqlx::Error> {
    let existing = list(db, region).await?;
    let has: std::collections::HashSet<String> = existing
        .iter()
        .filter_map(|o| o.wilayah_kode.clone())
        .collect();
    let mut taken: std::collections::HashSet<String> =
        existing.iter().map(|o| o.code.clone()).collect();
    let mut out = Vec::new();
    for place in super::regions::places_in(db, region).await? {
        if has.contains(&place.kode) {
            continue;
        }
        if let Some(org) = for_place(&place, &taken) {
            taken.insert(org.code.clone());
            out.push(org);
        }
    }
    Ok(out)
}

/// Creates an organization for every place of the pemda that has none,
/// in one transaction (each audited); returns how many.
pub async fn create_for_places(
    db: &PgPool,
    actor: Option<Uuid>,
    region: &str,
) -> Result<usize, SaveError> {
    let missing = missing_for_places(db, region).await?;
    let mut tx = db.begin().await?;
    for org in &missing {
        create(&mut tx, actor, region, org).await?;
    }
    tx.commit().await?;
    Ok(missing.len())
}
