//! The interface's language (issue 16, SPEC §11): Indonesian by default,
//! English on request.
//!
//! Texts live in two catalogs, `locales/id.ftl` and `locales/en.ftl`, in
//! the one-line form of Fluent's syntax (`key = text`), compiled into the
//! binary. Templates ask for a text by key (`{{ "simpan"|t }}`), Rust code
//! with [`t`]. A request's language comes from the `bahasa` cookie (set by
//! the switch in every page's footer, and at sign-in from the person's
//! profile); the middleware [`scope`] makes it the language of everything
//! rendered while the request is answered, error pages included, so no
//! view has to carry it. Work outside a request (mail, the CLI) speaks
//! Indonesian.
//!
//! `tests/it/i18n.rs` fails when a template holds a literal sentence
//! outside the catalogs, when a key asked for is missing in either
//! catalog, or when the catalogs' keys differ.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The name of the cookie that remembers the language.
pub const COOKIE: &str = "bahasa";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, for `<html lang>`, the cookie and the profile.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// The other language: what the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    fn catalog(self) -> &'static Catalog {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

tokio::task_local! {
    static LANG: Lang;
}

/// The language of the request being answered (Indonesian outside one).
pub fn current() -> Lang {
    LANG.try_with(|l| *l).unwrap_or_default()
}

/// Runs `f` in `lang` (tests, and work that renders for someone).
pub fn sync_scope<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    LANG.sync_scope(lang, f)
}

/// Middleware: the request's language from its cookie, for everything
/// inside; the answer says which it is (`Content-Language`).
pub async fn scope(req: Request, next: Next) -> Response {
    let lang = if indonesian_only(req.uri().path()) {
        Lang::Id
    } else {
        from_headers(req.headers())
    };
    let mut res = LANG.scope(lang, next.run(req)).await;
    res.headers_mut()
        .entry(header::CONTENT_LANGUAGE)
        .or_insert(HeaderValue::from_static(lang.code()));
    res
}

/// Data and documents are the same for everyone, whatever the reader's
/// language: the open-data API, CSV, workbooks, feeds (which shared caches
/// keep), and the printed plan and berita acara, which are legal
/// documents in Indonesian.
fn indonesian_only(path: &str) -> bool {
    (path.starts_with("/api/") && path != "/api/v1")
        || [".csv", ".xlsx", ".atom", ".json", ".pdf"]
            .iter()
            .any(|ext| path.ends_with(ext))
        || path.ends_with("/cetak")
        || path.ends_with("/berita-acara")
}

/// The language a request's cookie asks for.
pub fn from_headers(headers: &HeaderMap) -> Lang {
    axum_extra::extract::cookie::CookieJar::from_headers(headers)
        .get(COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .unwrap_or_default()
}

/// `Set-Cookie` that remembers `lang` for a year.
pub fn cookie(lang: Lang, secure: bool) -> String {
    use axum_extra::extract::cookie::{Cookie, SameSite};
    Cookie::build((COOKIE, lang.code()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(time::Duration::days(365))
        .to_string()
}

/// The text of `key` in the current language; a key missing there falls
/// back to Indonesian, and one missing in both shows as itself (the test
/// of the catalogs keeps that from shipping).
pub fn t(key: &'static str) -> &'static str {
    lookup(current(), key).unwrap_or(key)
}

/// Like [`t`] for a key that is not a literal: a text the code already
/// holds in Indonesian (not a key) comes back as it is.
///
/// An Indonesian text that is a catalog's text (an enum's label, which the
/// code keeps in Indonesian because the store writes it into
/// notifications and change logs) is translated by that text.
pub fn t_dyn(key: &str) -> Cow<'static, str> {
    let lang = current();
    let found = lookup(lang, key).or_else(|| match lang {
        Lang::Id => None,
        Lang::En => BY_TEXT.get(key).and_then(|k| lookup(lang, k)),
    });
    match found {
        Some(text) => Cow::Borrowed(text),
        None => Cow::Owned(key.to_string()),
    }
}

/// An enum's label (kept in Indonesian in the code) as the request's
/// language shows it.
pub fn label(indonesian: &'static str) -> &'static str {
    match t_dyn(indonesian) {
        Cow::Borrowed(text) => text,
        Cow::Owned(_) => indonesian,
    }
}

/// Indonesian texts and their keys (the first key of a text given twice).
static BY_TEXT: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut by_text = HashMap::new();
    for (key, text) in ID.iter() {
        by_text
            .entry(*text)
            .and_modify(|k: &mut &'static str| *k = (*k).min(*key))
            .or_insert(*key);
    }
    by_text
});

/// A message with values: the text of `key` with each `{ $name }` replaced
/// by its value, in one pass (a value is never read for places), e.g.
/// `f("kode-tidak-ada-dalam-nomenklatur-wilayah-3", &[("k", &kode)])`.
/// Values are shown as they are: a label passes through [`label`] first.
pub fn f(key: &'static str, args: &[(&str, &(dyn std::fmt::Display + Sync))]) -> String {
    let text = t(key);
    let mut out = String::with_capacity(text.len() + 16 * args.len());
    let mut rest = text;
    while let Some(at) = rest.find("{ $") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        match after.find(" }") {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[at..at + 3 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `f` with its values named in place:
/// `tf!("kode-tidak-ada-dalam-nomenklatur-wilayah-3", k = kode)`.
macro_rules! tf {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::f(
            $key,
            &[$((stringify!($name), &$value as &(dyn std::fmt::Display + Sync))),*],
        )
    };
}
pub(crate) use tf;

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    lang.catalog()
        .get(key)
        .or_else(|| Lang::Id.catalog().get(key))
        .copied()
}

/// The keys and texts of one language.
pub type Catalog = HashMap<&'static str, &'static str>;

pub const ID_SOURCE: &str = include_str!("../locales/id.ftl");
pub const EN_SOURCE: &str = include_str!("../locales/en.ftl");

static ID: LazyLock<Catalog> = LazyLock::new(|| parse(ID_SOURCE).expect("locales/id.ftl"));
static EN: LazyLock<Catalog> = LazyLock::new(|| parse(EN_SOURCE).expect("locales/en.ftl"));

/// Reads a catalog: `key = text` lines; blank lines and `#` comments are
/// skipped. A key is a letter followed by letters, digits and `-`; a key
/// given twice, an empty text or any other line is an error naming its
/// line.
pub fn parse(source: &'static str) -> Result<Catalog, String> {
    let mut catalog = Catalog::new();
    for (n, line) in source.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, text)) = line.split_once(" = ") else {
            return Err(format!("line {}: not `key = text`", n + 1));
        };
        let key = key.trim();
        let text = text.trim();
        let well_formed = key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !well_formed {
            return Err(format!("line {}: `{key}` is not a key", n + 1));
        }
        if text.is_empty() {
            return Err(format!("line {}: `{key}` has no text", n + 1));
        }
        if catalog.insert(key, text).is_some() {
            return Err(format!("line {}: `{key}` given twice", n + 1));
        }
    }
    Ok(catalog)
}

/// Every key of a catalog, for the tests.
pub fn keys(lang: Lang) -> Vec<&'static str> {
    let mut keys: Vec<_> = lang.catalog().keys().copied().collect();
    keys.sort_unstable();
    keys
}

/// `1.234.567,5` (Indonesian) or `1,234,567.5` (English): a number shown
/// the Indonesian way, with its separators as the current language writes
/// them. For display only: forms keep the Indonesian notation they parse.
pub fn number(indonesian: String) -> String {
    match current() {
        Lang::Id => indonesian,
        Lang::En => indonesian
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogs_read_and_hold_the_same_keys() {
        assert_eq!(keys(Lang::Id), keys(Lang::En));
        assert!(keys(Lang::Id).len() > 500);
    }

    #[test]
    fn a_catalog_refuses_what_it_cannot_read() {
        assert!(parse("a = 1\na = 2").unwrap_err().contains("twice"));
        assert!(parse("1a = x").unwrap_err().contains("not a key"));
        assert!(parse("a =  ").is_err());
        assert!(parse("just text").unwrap_err().contains("line 1"));
        assert_eq!(
            parse("# c\n\nok-key = Teks = dengan tanda\n").unwrap()["ok-key"],
            "Teks = dengan tanda"
        );
    }

    #[test]
    fn the_request_language_picks_the_text() {
        assert_eq!(t("simpan"), "Simpan");
        sync_scope(Lang::En, || assert_eq!(t("simpan"), "Save"));
        sync_scope(Lang::Id, || assert_eq!(t("simpan"), "Simpan"));
        // Not a key: the text the code holds, unchanged.
        sync_scope(Lang::En, || assert_eq!(t_dyn("Teks bebas"), "Teks bebas"));
        // An Indonesian label by its text.
        sync_scope(Lang::En, || assert_eq!(t_dyn("Simpan"), "Save"));
        assert_eq!(t_dyn("Simpan"), "Simpan");
    }

    #[test]
    fn a_message_takes_its_values_in_either_language() {
        let kode = "9.99";
        assert_eq!(
            f(
                "kode-tidak-ada-dalam-nomenklatur-wilayah-3",
                &[("k", &kode)]
            ),
            "Kode 9.99 tidak ada dalam nomenklatur wilayah ini."
        );
        sync_scope(Lang::En, || {
            let text = f(
                "kode-tidak-ada-dalam-nomenklatur-wilayah-3",
                &[("k", &kode)],
            );
            assert!(text.contains("9.99") && !text.contains("{ $"), "{text}");
            assert_ne!(text, "Kode 9.99 tidak ada dalam nomenklatur wilayah ini.");
        });
    }

    #[test]
    fn a_value_is_never_read_for_places_nor_translated() {
        let odd = "{ $k } simpan";
        assert_eq!(
            sync_scope(Lang::En, || f(
                "kode-tidak-ada-dalam-nomenklatur-wilayah-3",
                &[("k", &odd)]
            ))
            .matches("{ $k } simpan")
            .count(),
            1
        );
        assert!(indonesian_only("/usulan/daftar.csv") && indonesian_only("/api/v1/plans"));
        assert!(indonesian_only("/rencana/x/cetak") && !indonesian_only("/api/v1"));
        assert!(!indonesian_only("/usulan"));
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number("Rp1.234.567,50".into()), "Rp1.234.567,50");
        sync_scope(Lang::En, || {
            assert_eq!(number("Rp1.234.567,50".into()), "Rp1,234,567.50")
        });
    }
}
