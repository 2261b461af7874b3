//! SQL, one module per aggregate. Functions that change data take a
//! transaction and write their audit row in it; callers commit.

pub mod audit;
pub mod login_attempts;
pub mod orgs;
pub mod regions;
pub mod sessions;
pub mod users;

/// True when `e` is a unique-constraint violation of `constraint`.
pub fn is_unique_violation(e: &sqlx::Error, constraint: &str) -> bool {
    matches!(e, sqlx::Error::Database(db)
        if db.code().as_deref() == Some("23505") && db.constraint() == Some(constraint))
}
