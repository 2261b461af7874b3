//! Which database a request reads from (issue 15, point 6). With a read
//! replica configured (`SELARAS_READ_DATABASE_URL`), a visitor without an
//! account reading a public page or the open-data API is served from the
//! replica; a signed-in person, and every write, from the primary. A
//! person who has just written therefore reads their own write whatever
//! the replica's lag: only someone signed in can write, and their reads go
//! to the primary. (Signing in or up is a write that ends signed in.)
//!
//! While the replica is unreachable or lags further than
//! `SELARAS_READ_MAX_LAG_SECONDS` (checked every two seconds by
//! `app::watch_replica`), visitors read the primary too.
//!
//! A handler takes `Reader(state)` instead of `State(state)`; its
//! `state.db` is then the pool to read from. Only reading handlers whose
//! visitor path writes nothing take it: the replica refuses writes.

use axum::extract::FromRequestParts;
use axum::http::Method;
use axum::http::request::Parts;

use crate::app::AppState;

pub struct Reader(pub AppState);

/// Whether a request may be answered from the replica: a reading request
/// that carries no session.
pub fn from_replica(parts: &Parts) -> bool {
    (parts.method == Method::GET || parts.method == Method::HEAD)
        && crate::auth::session_token(&parts.headers, false).is_none()
        && crate::auth::session_token(&parts.headers, true).is_none()
}

impl FromRequestParts<AppState> for Reader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let mut state = state.clone();
        if from_replica(parts) && state.replica_ok.load(std::sync::atomic::Ordering::Relaxed) {
            state.db = state.read_db.clone();
        }
        Ok(Reader(state))
    }
}
