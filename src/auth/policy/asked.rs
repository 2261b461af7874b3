//! A safety net for deny-by-default: with `Config::require_policy` on (the
//! test harness turns it on), a state-changing request that succeeds
//! without its handler ever asking the policy is answered 500 and logged,
//! so a new write path that forgot its authorization fails its tests.
//! The policy's deciding functions mark the request as asked, but only
//! for a decision on a write: a reading (`can_view_plan`, the `View…` and
//! `See…` actions) does not count, so a write that checked only that its
//! target is readable still fails. A route that needs no decision
//! (signing in, following a mailed link) says so with
//! `no_decision_needed`.

use std::cell::Cell;

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ErrorPage;

tokio::task_local! {
    static ASKED: Cell<bool>;
}

/// Notes that the request being handled asked the policy.
pub(super) fn mark() {
    let _ = ASKED.try_with(|a| a.set(true));
}

/// For the handlers that act before anyone is known (sign-in, sign-up, a
/// mailed link's token): nothing for the policy to decide. `why` is for
/// the reader of the handler.
pub fn no_decision_needed(why: &'static str) {
    let _ = why;
    mark();
}

/// The middleware: runs the request with a fresh mark and refuses the
/// answer of a write that never asked.
pub async fn require_asked(req: Request, next: Next) -> Response {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !writes {
        return next.run(req).await;
    }
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let method = req.method().clone();
    let (res, asked) = ASKED
        .scope(Cell::new(false), async {
            let res = next.run(req).await;
            (res, ASKED.with(Cell::get))
        })
        .await;
    if asked || res.status().as_u16() >= 400 || route.is_empty() {
        return res;
    }
    tracing::error!(%method, %route, "a write answered without asking the policy");
    ErrorPage::internal().into_response()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::post;
    use tower::ServiceExt;

    async fn status(app: &Router, method: &str, path: &str) -> StatusCode {
        app.clone()
            .oneshot(
                Request::builder()
                    .method(method)
                    .uri(path)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap()
            .status()
    }

    #[tokio::test]
    async fn a_write_that_never_asked_the_policy_is_refused() {
        let app = Router::new()
            .route("/lupa", post(|| async { StatusCode::SEE_OTHER }))
            .route(
                "/tanya",
                post(|| async {
                    super::mark();
                    StatusCode::SEE_OTHER
                }),
            )
            .route(
                "/ditolak",
                post(|| async { StatusCode::UNPROCESSABLE_ENTITY }),
            )
            .route("/baca", axum::routing::get(|| async { "halaman" }))
            .layer(axum::middleware::from_fn(super::require_asked));
        assert_eq!(
            status(&app, "POST", "/lupa").await,
            StatusCode::INTERNAL_SERVER_ERROR
        );
        assert_eq!(status(&app, "POST", "/tanya").await, StatusCode::SEE_OTHER);
        // A refused write changed nothing; a read is not a write.
        assert_eq!(
            status(&app, "POST", "/ditolak").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(status(&app, "GET", "/baca").await, StatusCode::OK);
        // The mark of one request does not carry over to the next.
        assert_eq!(
            status(&app, "POST", "/lupa").await,
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
