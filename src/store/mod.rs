//! SQL, one module per aggregate. Functions that change data take a
//! transaction and write their audit row in it; callers commit.

pub mod account_links;
pub mod alignment;
pub mod audit;
pub mod boundaries;
pub mod ceilings;
pub mod checks;
pub mod comments;
pub mod feeds;
pub mod follows;
pub mod home;
pub mod kerja_sama;
pub mod login_attempts;
pub mod meetings;
pub mod musrenbang;
pub mod nomenklatur;
pub mod notifications;
pub mod open_data;
pub mod orgs;
pub mod plans;
pub mod proposal_comments;
pub mod proposal_files;
pub mod proposal_lineage;
pub mod proposals;
pub mod regions;
pub mod roster;
pub mod search;
pub mod second_factor;
pub mod sessions;
pub mod signup;
pub mod users;

/// True when `e` is a unique-constraint violation of `constraint`.
pub fn is_unique_violation(e: &sqlx::Error, constraint: &str) -> bool {
    matches!(e, sqlx::Error::Database(db)
        if db.code().as_deref() == Some("23505") && db.constraint() == Some(constraint))
}

use crate::domain::user::FieldErrors;

/// Runs one use case in a transaction of its own: committed when it
/// returns `Ok`, rolled back when it fails. Handlers call a use case
/// through this instead of opening transactions themselves.
pub async fn atomic<T, E: From<sqlx::Error>>(
    db: &sqlx::PgPool,
    f: impl AsyncFnOnce(&mut sqlx::PgConnection) -> Result<T, E>,
) -> Result<T, E> {
    let mut tx = db.begin().await?;
    let out = f(&mut tx).await?;
    tx.commit().await?;
    Ok(out)
}

/// Why a save did not happen: bad fields (shown next to them), a stale
/// version (someone saved first), or a database failure.
#[derive(Debug)]
pub enum SaveError {
    Fields(FieldErrors),
    Conflict,
    Db(sqlx::Error),
}

/// Unique constraints whose violation is the user's to fix, with the field
/// and the message it gets.
const UNIQUE_FIELDS: &[(&str, &str, &str)] = &[
    (
        "organizations_region_kode_code_key",
        "code",
        "Kode ini sudah dipakai organisasi lain di wilayah ini.",
    ),
    (
        "organizations_region_kode_name_key",
        "name",
        "Nama ini sudah dipakai organisasi lain di wilayah ini.",
    ),
    (
        "users_username_idx",
        "username",
        "Nama pengguna ini sudah dipakai.",
    ),
    (
        "plan_items_plan_id_kode_key",
        "kode",
        "Kode ini sudah dipakai item lain dalam rencana ini: setiap kode hanya sekali per rencana.",
    ),
];

impl From<sqlx::Error> for SaveError {
    fn from(e: sqlx::Error) -> Self {
        for (constraint, field, message) in UNIQUE_FIELDS {
            if is_unique_violation(&e, constraint) {
                return SaveError::Fields(FieldErrors::single(field, *message));
            }
        }
        SaveError::Db(e)
    }
}
