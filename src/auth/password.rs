//! Password hashing with Argon2id (argon2 crate defaults: m=19 MiB, t=2,
//! p=1, the OWASP minimum). Hashing is slow on purpose, so it runs on the
//! blocking thread pool, never on the async workers.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};

use crate::error::AppError;

pub fn hash_blocking(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("hashing a password failed: {e}"))
}

pub fn verify_blocking(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

pub async fn hash(password: &str) -> Result<String, AppError> {
    let pw = password.to_string();
    tokio::task::spawn_blocking(move || hash_blocking(&pw))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(AppError::Internal)
}

pub async fn verify(password: &str, hash: &str) -> Result<bool, AppError> {
    let (pw, h) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || verify_blocking(&pw, &h))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// `verify`, with at most as many verifications running at once as
/// `slots` has permits: a burst of sign-ins waits up to `wait` for a turn,
/// then gets a busy answer (503, Retry-After) instead of exhausting memory.
pub async fn verify_bounded(
    slots: &tokio::sync::Semaphore,
    wait: std::time::Duration,
    password: &str,
    hash: &str,
) -> Result<bool, AppError> {
    let _permit = match tokio::time::timeout(wait, slots.acquire()).await {
        Ok(Ok(p)) => p,
        _ => return Err(AppError::Busy),
    };
    verify(password, hash).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash_blocking("gunung merbabu berkabut pagi").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_blocking("gunung merbabu berkabut pagi", &h));
        assert!(!verify_blocking("gunung merbabu berkabut sore", &h));
        assert!(!verify_blocking("x", "not a hash"));
    }
}
