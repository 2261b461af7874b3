//! `AppError`, the one error type of handlers, and its one mapping to a
//! status code and a page. Internals (SQL, paths, causes) go to the log,
//! never to the page; the page shows the request id to quote to support.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in: send the user to the sign-in form, then back.
    #[error("sign-in required")]
    SignInRequired { next: String },
    /// Signed in but not allowed; the text says what the user lacks.
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    /// A form could not be understood at all (not a field error: those
    /// come back on the form itself).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Someone changed the record meanwhile: nothing was saved; the text
    /// says what to do.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Too much work of one kind at once (password checks): try again in
    /// a few seconds.
    #[error("busy")]
    Busy,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Internal(String),
}

/// What the error-page middleware (`app::render_error_pages`) needs to
/// render the page: it knows the request id, the handler does not.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub title: &'static str,
    pub message: String,
}

impl ErrorPage {
    pub fn new(status: StatusCode, title: &'static str, message: impl Into<String>) -> Self {
        ErrorPage {
            status,
            title,
            message: message.into(),
        }
    }

    pub fn not_found() -> Self {
        ErrorPage::new(
            StatusCode::NOT_FOUND,
            crate::i18n::t("halaman-tidak-ditemukan"),
            crate::i18n::t("alamat-yang-anda-buka-tidak-ada"),
        )
    }

    pub fn internal() -> Self {
        ErrorPage::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            crate::i18n::t("terjadi-kesalahan"),
            crate::i18n::t("maaf-terjadi-kesalahan-di-server-dan"),
        )
    }

    pub fn unavailable() -> Self {
        ErrorPage::new(
            StatusCode::SERVICE_UNAVAILABLE,
            crate::i18n::t("layanan-sedang-tidak-tersedia"),
            crate::i18n::t("basis-data-sedang-tidak-dapat-dihubungi"),
        )
    }
}

impl IntoResponse for ErrorPage {
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self);
        res
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::SignInRequired { next } => {
                let target = format!("/login?next={}", crate::format::url_encode(&next));
                Redirect::to(&target).into_response()
            }
            AppError::Forbidden(why) => {
                ErrorPage::new(StatusCode::FORBIDDEN, crate::i18n::t("akses-ditolak"), why)
                    .into_response()
            }
            AppError::NotFound => ErrorPage::not_found().into_response(),
            AppError::Conflict(why) => ErrorPage::new(
                StatusCode::CONFLICT,
                crate::i18n::t("baru-saja-diubah-orang-lain"),
                why,
            )
            .into_response(),
            AppError::BadRequest(why) => ErrorPage::new(
                StatusCode::BAD_REQUEST,
                crate::i18n::t("permintaan-tidak-dapat-diproses"),
                why,
            )
            .into_response(),
            AppError::Busy => {
                let mut res = ErrorPage::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    crate::i18n::t("server-sedang-sibuk"),
                    crate::i18n::t("terlalu-banyak-permintaan-masuk-pada-saat"),
                )
                .into_response();
                res.headers_mut().insert(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from_static("5"),
                );
                res
            }
            AppError::Database(e) if is_frozen(&e) => ErrorPage::new(
                StatusCode::CONFLICT,
                crate::i18n::t("rencana-sedang-menunggu-penetapan"),
                crate::i18n::t("rencana-ini-baru-saja-diajukan-untuk"),
            )
            .into_response(),
            AppError::Database(e) => {
                if is_unavailable(&e) {
                    tracing::warn!(error = %e, "database unavailable");
                    ErrorPage::unavailable().into_response()
                } else {
                    tracing::error!(error = %e, "database error");
                    ErrorPage::internal().into_response()
                }
            }
            AppError::Internal(e) => {
                tracing::error!(error = %e, "internal error");
                ErrorPage::internal().into_response()
            }
        }
    }
}

/// The database refused to change a plan waiting for penetapan (the
/// `refuse_frozen_plan` trigger): an edit that raced the request.
fn is_frozen(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.code().as_deref() == Some("SLR01"))
}

/// Errors that mean "the database is not there right now", not "this
/// request is wrong": they get a 503 page.
fn is_unavailable(e: &sqlx::Error) -> bool {
    matches!(
        e,
        sqlx::Error::PoolTimedOut
            | sqlx::Error::Io(_)
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
    ) || matches!(e, sqlx::Error::Database(db) if db.code().is_some_and(|c| c.starts_with("57P") || c.starts_with("08")))
}

/// A store refusal met by a handler that did not expect it.
impl From<crate::store::SaveError> for AppError {
    /// For callers that have no form to return to.
    fn from(e: crate::store::SaveError) -> Self {
        match e {
            crate::store::SaveError::Db(e) => e.into(),
            crate::store::SaveError::Conflict => {
                AppError::Internal("unexpected version conflict".into())
            }
            crate::store::SaveError::Fields(f) => AppError::BadRequest(format!("{f:?}")),
        }
    }
}
