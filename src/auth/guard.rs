//! Checking a secret (a password, a one-time code) under the sign-in
//! throttle. Every place that checks one goes through `check_secret`: the
//! attempt is counted and recorded atomically before the check (so parallel
//! guesses stay within the limit), the check waits its turn among the
//! Argon2 verifications, and only a right answer clears the count.

use std::future::Future;

use time::OffsetDateTime;

use super::throttle::{self, Verdict};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::login_attempts;

pub enum Outcome {
    /// Too many recent failures: not checked; try again after `until`.
    Refused { until: OffsetDateTime },
    /// Checked: right or wrong.
    Checked(bool),
}

/// Runs `check` unless the throttle refuses `key` (an account, or its
/// second factor) from `client`.
pub async fn check_secret<F, Fut>(
    state: &AppState,
    key: &str,
    client: &str,
    check: F,
) -> Result<Outcome, AppError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<bool, AppError>>,
{
    let cfg = &state.config.throttle;
    let (verdict, attempt) = login_attempts::begin(
        &state.db,
        key,
        client,
        cfg.window.as_secs_f64(),
        cfg.account_lock_after,
        cfg.addr_lock_after,
        |recent| {
            let v = throttle::decide(cfg, recent);
            let go = matches!(v, Verdict::Proceed { .. });
            (v, go)
        },
    )
    .await?;
    let attempt = match (verdict, attempt) {
        (Verdict::Refuse { until }, _) => {
            tracing::warn!(client = %client, "secret check refused: too many failures");
            crate::telemetry::secret_throttled();
            return Ok(Outcome::Refused { until });
        }
        (Verdict::Proceed { delay }, Some(attempt)) => {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            attempt
        }
        (Verdict::Proceed { .. }, None) => {
            return Err(AppError::Internal("attempt not recorded".into()));
        }
    };
    match check().await {
        Ok(true) => {
            login_attempts::succeeded(&state.db, attempt).await?;
            Ok(Outcome::Checked(true))
        }
        Ok(false) => {
            crate::telemetry::secret_failed();
            Ok(Outcome::Checked(false))
        }
        Err(e) => {
            login_attempts::forget(&state.db, attempt).await?;
            Err(e)
        }
    }
}

/// The refusal, in words for the user.
pub fn refused_message(until: OffsetDateTime) -> String {
    crate::i18n::tf!(
        "terlalu-banyak-percobaan-yang-gagal-demi",
        a1 = crate::format::waktu(until)
    )
}
