//! `/cari`: the search box of every page (issue 16, point 1). Results are
//! grouped by kind, the words found marked, and hold only what the
//! searcher may read now, asked of the policy row by row as the pages
//! ask it.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::Nav;
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{can_read, can_read_comment};
use crate::domain::search::{self, Query as Parsed};
use crate::error::AppError;
use crate::store::search::{self as store, SHOWN};

pub fn routes() -> Router<AppState> {
    Router::new().route("/cari", get(page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Q {
    q: String,
}

/// A result: where it leads, its title and a line of context, each cut
/// into marked and unmarked pieces.
struct Hit {
    href: String,
    title: Vec<(String, bool)>,
    context: String,
}

struct Group {
    heading: &'static str,
    hits: Vec<Hit>,
}

#[derive(Template, WebTemplate)]
#[template(path = "search.html")]
struct Page {
    nav: Nav,
    text: String,
    message: Option<&'static str>,
    shortened: bool,
    groups: Vec<Group>,
    searched: bool,
}

impl Page {
    fn total(&self) -> usize {
        self.groups.iter().map(|g| g.hits.len()).sum()
    }
}

async fn page(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<Q>,
) -> Result<Response, AppError> {
    let nav = Nav::for_visitor(user.as_ref());
    if q.q.trim().is_empty() {
        let page = Page {
            nav,
            text: String::new(),
            message: None,
            shortened: false,
            groups: Vec::new(),
            searched: false,
        };
        return Ok(page.into_response());
    }
    let parsed = match Parsed::parse(&q.q) {
        Ok(p) => p,
        Err(message) => {
            let text: String = q.q.chars().take(search::MAX_CHARS).collect();
            let page = Page {
                nav,
                text,
                message: Some(message),
                shortened: false,
                groups: Vec::new(),
                searched: false,
            };
            return Ok(page.into_response());
        }
    };
    let region = user.as_ref().map(|u| u.region_kode.as_str());
    let found = store::find(&state.db, &parsed, region).await?;
    let groups = groups(&found, user.as_ref(), &parsed);
    Ok(Page {
        nav,
        text: parsed.text.clone(),
        message: None,
        shortened: parsed.shortened,
        groups: groups.into_iter().filter(|g| !g.hits.is_empty()).collect(),
        searched: true,
    }
    .into_response())
}

/// The results by kind, each holding only what `u` may read, at most
/// `SHOWN` of each.
fn groups(found: &store::Found, u: Option<&CurrentUser>, parsed: &Parsed) -> Vec<Group> {
    let mut out = plan_groups(found, u, parsed);
    out.extend(other_groups(found, u, parsed));
    out
}

/// A group of at most `SHOWN` hits.
fn group(heading: &'static str, hits: impl Iterator<Item = Hit>) -> Group {
    Group {
        heading,
        hits: hits.take(SHOWN).collect(),
    }
}

/// Plans, items and indicators the searcher may read.
fn plan_groups(found: &store::Found, u: Option<&CurrentUser>, parsed: &Parsed) -> Vec<Group> {
    let mark = |s: &str| search::marked(s, parsed);
    let plans = found
        .plans
        .iter()
        .filter(|p| can_read(u, &p.scope))
        .map(|p| Hit {
            href: format!("/rencana/{}", p.id),
            title: mark(&p.title),
            context: format!(
                "{} · {} · {}",
                p.scope.kind.label(),
                p.region_nama,
                p.scope.stage.label()
            ),
        });
    let items = found
        .items
        .iter()
        .filter(|i| can_read(u, &i.scope))
        .map(|i| Hit {
            href: format!("/item/{}", i.id),
            title: mark(&match &i.kode {
                Some(k) => format!("{k} {}", i.nama),
                None => i.nama.clone(),
            }),
            context: format!("{} · {}", i.level.label(), i.plan_title),
        });
    let indicators = found
        .indicators
        .iter()
        .filter(|n| can_read(u, &n.scope))
        .map(|n| Hit {
            href: format!("/indikator/{}", n.id),
            title: mark(&n.name),
            context: format!("{} · {}", n.item_nama, n.plan_title),
        });
    vec![
        group(crate::i18n::t("dokumen-rencana"), plans),
        group(crate::i18n::t("item-rencana"), items),
        group(crate::i18n::t("indikator"), indicators),
    ]
}

/// Proposals (public), comments the searcher may read, kerja sama.
fn other_groups(found: &store::Found, u: Option<&CurrentUser>, parsed: &Parsed) -> Vec<Group> {
    let mark = |s: &str| search::marked(s, parsed);
    let proposals = found.proposals.iter().map(|p| Hit {
        href: format!("/usulan/{}", p.nomor),
        title: mark(&format!("{} {}", p.nomor, p.title)),
        context: format!("{} · {}", p.wilayah_nama, p.status.label()),
    });
    let comments = found
        .comments
        .iter()
        .filter(|c| can_read_comment(u, &c.scope, c.visibility))
        .map(|c| Hit {
            href: format!("/komentar/{}", c.id),
            title: mark(&excerpt(&c.body, parsed)),
            context: crate::i18n::tf!("komentar-pada", a1 = c.plan_title),
        });
    let kerja_sama = found.kerja_sama.iter().map(|k| Hit {
        href: format!("/kerja-sama/{}", k.id),
        title: mark(&k.title),
        context: k.region_nama.clone(),
    });
    vec![
        group(crate::i18n::t("usulan"), proposals),
        group(crate::i18n::t("komentar"), comments),
        group(crate::i18n::t("kerja-sama-daerah"), kerja_sama),
    ]
}

/// Up to ~160 characters of a long text around the first word found
/// (found character by character in the text itself, so letters whose
/// lower case is longer never shift the cut).
fn excerpt(body: &str, q: &Parsed) -> String {
    let chars: Vec<char> = body.chars().collect();
    if chars.len() <= 160 {
        return body.to_string();
    }
    let lower: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let at = q
        .words
        .iter()
        .filter_map(|w| {
            let w: Vec<char> = w.chars().collect();
            lower
                .windows(w.len().max(1))
                .position(|x| x == w.as_slice())
        })
        .min()
        .unwrap_or(0);
    let start = at.saturating_sub(60).min(chars.len());
    let end = (start + 160).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_never_cuts_outside_the_text() {
        let q = Parsed::parse("jalan").unwrap();
        let body = format!("{} jalan rusak", "İ".repeat(4900));
        let e = excerpt(&body, &q);
        assert!(e.contains("jalan"), "{e}");
        assert!(e.chars().count() <= 162);
        let plain = format!(
            "{} Jalan rusak di RT 03 {}",
            "a".repeat(300),
            "b".repeat(300)
        );
        assert!(excerpt(&plain, &q).contains("Jalan rusak"));
    }
}
