//! The language switch in every page's footer (issue 16, point 5): a
//! post that sets the `bahasa` cookie, remembers the choice in a signed-in
//! person's profile, and goes back to the page it came from.

use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, no_decision_needed};
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::state::AppState;
use crate::store::users;

pub fn routes() -> Router<AppState> {
    Router::new().route("/bahasa", post(choose))
}

#[derive(Deserialize)]
struct Choice {
    #[serde(default)]
    bahasa: String,
}

async fn choose(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    headers: HeaderMap,
    Form(choice): Form<Choice>,
) -> Result<Response, AppError> {
    // An unknown choice is the default language.
    let lang = Lang::parse(&choice.bahasa).unwrap_or_default();
    match &user {
        Some(user) => {
            authorize(user, Action::ManageOwnAccount)?;
            users::set_language(&state.db, user, lang).await?;
        }
        None => no_decision_needed("a visitor's language lives in their own cookie"),
    }
    Ok((
        [(
            header::SET_COOKIE,
            i18n::cookie(lang, state.config.secure_cookies),
        )],
        Redirect::to(&back(&headers)),
    )
        .into_response())
}

/// The page the switch was pressed on: the path of a `Referer` on this
/// host, else the home page. Never another site.
fn back(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let referer = headers.get(header::REFERER).and_then(|r| r.to_str().ok());
    let (Some(host), Some(referer)) = (host, referer) else {
        return "/".into();
    };
    let Some(rest) = referer
        .strip_prefix("https://")
        .or_else(|| referer.strip_prefix("http://"))
    else {
        return "/".into();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = path.split('#').next().unwrap_or("/");
    if authority != host || !path.starts_with('/') || path.starts_with("//") || path.contains('\\')
    {
        return "/".into();
    }
    path.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(host: &str, referer: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, host.parse().unwrap());
        h.insert(header::REFERER, referer.parse().unwrap());
        h
    }

    #[test]
    fn goes_back_to_the_page_on_this_host_only() {
        let h = headers(
            "selaras.example",
            "https://selaras.example/usulan?status=diajukan#x",
        );
        assert_eq!(back(&h), "/usulan?status=diajukan");
        assert_eq!(
            back(&headers("selaras.example", "https://evil.example/usulan")),
            "/"
        );
        assert_eq!(
            back(&headers(
                "selaras.example",
                "https://selaras.example//evil.example"
            )),
            "/"
        );
        assert_eq!(
            back(&headers(
                "selaras.example",
                "https://selaras.example/\\evil"
            )),
            "/"
        );
        assert_eq!(
            back(&headers("selaras.example", "javascript:alert(1)")),
            "/"
        );
        assert_eq!(
            back(&headers("selaras.example", "https://selaras.example")),
            "/"
        );
        assert_eq!(back(&HeaderMap::new()), "/");
    }
}
