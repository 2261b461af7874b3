//! A region's people brought in from a sheet (`domain::roster`): the
//! checks that need the database, and creating it all in one transaction,
//! each new person invited to set their own password.

use std::collections::{HashMap, HashSet};

use sqlx::PgPool;
use uuid::Uuid;

use super::account_links;
use super::{SaveError, orgs};
use crate::domain::org::NewOrganization;
use crate::domain::roster::RosterRow;
use crate::domain::target_pagu::RowError;

/// The rows that can go in, the organizations they would add, the errors.
#[derive(Debug, Default)]
pub struct Checked {
    pub rows: Vec<RosterRow>,
    pub new_orgs: Vec<String>,
    pub errors: Vec<RowError>,
}

fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub async fn check(
    db: &PgPool,
    region: &str,
    rows: Vec<RosterRow>,
    mut errors: Vec<RowError>,
) -> Result<Checked, sqlx::Error> {
    let existing: HashSet<String> = orgs::list(db, region)
        .await?
        .iter()
        .map(|o| key(&o.name))
        .collect();
    let usernames: Vec<String> = rows
        .iter()
        .filter_map(|r| r.user.as_ref().map(|u| u.username.clone()))
        .collect();
    let taken: HashSet<String> =
        sqlx::query_scalar("SELECT username FROM users WHERE username = ANY($1)")
            .bind(&usernames)
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    let places: Vec<String> = rows.iter().filter_map(|r| r.wilayah.clone()).collect();
    let known_places: HashSet<String> =
        sqlx::query_scalar("SELECT kode FROM regions WHERE kode = ANY($1)")
            .bind(&places)
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    let mut seen_users: HashMap<String, usize> = HashMap::new();
    let mut new_orgs: Vec<String> = Vec::new();
    let mut good = Vec::new();
    for r in rows {
        let mut fail = |m: String| {
            errors.push(RowError {
                row: r.row,
                message: m,
            })
        };
        if let Some(w) = &r.wilayah
            && (!known_places.contains(w) || !w.starts_with(&format!("{region}.")))
        {
            fail(format!("Kode wilayah {w} tidak ada di wilayah ini."));
            continue;
        }
        if let Some(u) = &r.user {
            if taken.contains(&u.username) {
                fail(format!("Nama pengguna {} sudah dipakai.", u.username));
                continue;
            }
            if let Some(first) = seen_users.insert(u.username.clone(), r.row) {
                fail(format!(
                    "Nama pengguna {} juga ada di baris {first}.",
                    u.username
                ));
                continue;
            }
        }
        if !existing.contains(&key(&r.org_name))
            && !new_orgs.iter().any(|n| key(n) == key(&r.org_name))
        {
            new_orgs.push(r.org_name.clone());
        }
        good.push(r);
    }
    errors.sort_by_key(|e| e.row);
    Ok(Checked {
        rows: good,
        new_orgs,
        errors,
    })
}

/// Someone created and the link that lets them in (shown once).
pub struct Invited {
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub organization: String,
    pub token: String,
}

/// Creates the organizations and people of checked rows in one
/// transaction: organizations the region lacks, each person with an
/// unusable password, their membership, and an invitation.
pub async fn apply(
    db: &PgPool,
    actor: Uuid,
    region: &str,
    rows: &[RosterRow],
) -> Result<Vec<Invited>, SaveError> {
    let mut by_name: HashMap<String, Uuid> = orgs::list(db, region)
        .await?
        .into_iter()
        .map(|o| (key(&o.name), o.id))
        .collect();
    let mut codes: HashSet<String> = orgs::list(db, region)
        .await?
        .into_iter()
        .map(|o| o.code)
        .collect();
    let mut tx = db.begin().await?;
    let mut out = Vec::new();
    for r in rows {
        let org = match by_name.get(&key(&r.org_name)) {
            Some(id) => *id,
            None => {
                let base = crate::format::slug(&r.org_name);
                let mut code = base.clone();
                let mut n = 2;
                while codes.contains(&code) {
                    code = format!("{base}-{n}");
                    n += 1;
                }
                codes.insert(code.clone());
                let new = NewOrganization {
                    kind: r.kind,
                    code,
                    name: r.org_name.clone(),
                    wilayah_kode: r.wilayah.clone(),
                };
                let id = orgs::create(&mut tx, Some(actor), region, &new).await?;
                by_name.insert(key(&r.org_name), id);
                id
            }
        };
        let Some(u) = &r.user else { continue };
        let (_, token) = account_links::create_member(
            &mut tx,
            actor,
            region,
            &u.username,
            &u.full_name,
            u.email.as_deref(),
            None,
            org,
            u.role,
        )
        .await?;
        let token = token.unwrap_or_default();
        out.push(Invited {
            username: u.username.clone(),
            full_name: u.full_name.clone(),
            email: u.email.clone(),
            organization: r.org_name.clone(),
            token,
        });
    }
    tx.commit().await?;
    Ok(out)
}
