//! English beside Indonesian (issue 16, point 5): the templates hold no
//! sentence of their own, every key they or the code ask for is in both
//! catalogs, and a visitor or a signed-in person switches and stays
//! switched.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use selaras::i18n::{self, Lang};

use crate::common::{self, spawn_app, text};

/// Attributes a person reads (or hears, from a screen reader).
const READ_ATTRIBUTES: &[&str] = &[
    "title",
    "aria-label",
    "placeholder",
    "alt",
    "data-label",
    "label",
];

fn files_under(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path, ext));
        } else if ext
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
        {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn templates() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    files_under(&root, &["html", "xml", "svg"])
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap().display().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// Where the askama tag opening at `i` ends.
fn askama_end(src: &str, i: usize) -> usize {
    let close = match &src[i..i + 2] {
        "{{" => "}}",
        "{%" => "%}",
        _ => "#}",
    };
    src[i + 2..]
        .find(close)
        .map_or(src.len(), |e| i + 2 + e + 2)
}

fn is_askama(src: &str, i: usize) -> bool {
    matches!(src.get(i..i + 2), Some("{{" | "{%" | "{#"))
}

/// Does this literal text hold a word (entities aside)?
fn has_words(text: &str) -> bool {
    let mut rest = text.to_string();
    while let Some(a) = rest.find('&') {
        match rest[a..].find(';') {
            Some(e) if e < 10 => rest.replace_range(a..a + e + 1, " "),
            _ => break,
        }
    }
    let trimmed = rest.trim();
    rest.chars().filter(|c| c.is_alphabetic()).count() >= 1
        && !Lang::ALL.iter().any(|l| l.name() == trimmed)
}

/// The literal parts (outside askama tags) of an attribute value.
fn literal_parts(value: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < value.len() {
        if is_askama(value, i) {
            parts.push(value[start..i].to_string());
            i = askama_end(value, i);
            start = i;
        } else {
            i += value[i..].chars().next().unwrap().len_utf8();
        }
    }
    parts.push(value[start..].to_string());
    parts
}

/// The end of the quoted value starting at `start` (askama inside skipped).
fn value_end(tag: &str, start: usize, quote: char) -> usize {
    let mut k = start;
    while k < tag.len() && !tag[k..].starts_with(quote) {
        k = if is_askama(tag, k) {
            askama_end(tag, k)
        } else {
            k + tag[k..].chars().next().unwrap().len_utf8()
        };
    }
    k.min(tag.len())
}

/// Sentences in the attributes of one tag that people read: `title`,
/// `aria-label`, `placeholder`, `alt`, `data-label`, `label`, a button's
/// `value`, a description's `content`; after any white space, quoted
/// either way.
fn attribute_sentences(tag: &str) -> Vec<String> {
    let button = tag.starts_with("<input")
        && (tag.contains("type=\"submit\"") || tag.contains("type=\"button\""));
    let description = tag.contains("name=\"description\"");
    let mut found = Vec::new();
    let mut i = 0;
    while i < tag.len() {
        if !tag.as_bytes()[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let rest = &tag[i + 1..];
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        let after = &rest[name_len..];
        let read = READ_ATTRIBUTES.contains(&name)
            || (name == "value" && button)
            || (name == "content" && description);
        if read && (after.starts_with("=\"") || after.starts_with("='")) {
            let quote = if after.starts_with("=\"") { '"' } else { '\'' };
            let start = i + 1 + name_len + 2;
            let end = value_end(tag, start, quote);
            for part in literal_parts(&tag[start..end]) {
                if has_words(&part) {
                    found.push(format!("{name}=\"{}\"", part.trim()));
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Sentences in an askama tag's string literals: a literal that is not a
/// key (`"simpan"|t`) nor compared (`== "x"`) and holds words; the
/// attributes a macro is given (`"title=\"…\""`) are read as a tag's.
fn askama_sentences(chunk: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = chunk;
    let mut before = String::new();
    while let Some(open) = rest.find('"') {
        before.push_str(&rest[..open]);
        let body = &rest[open + 1..];
        let mut end = body.len();
        let mut escaped = false;
        for (k, c) in body.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = k;
                    break;
                }
                _ => escaped = false,
            }
        }
        let literal = body[..end].replace("\\\"", "\"");
        let after = body.get(end + 1..).unwrap_or("");
        let next = after.trim_start();
        let is_key = next.starts_with("|t") || next.starts_with("|lang");
        let compared = before.trim_end().ends_with("==") || before.trim_end().ends_with("!=");
        if literal.contains("=\"") {
            found.extend(attribute_sentences(&format!("<x {literal}>")));
        } else if !is_key && !compared && has_words(&literal) && !literal.starts_with('{') {
            let sentence = literal.contains(' ') || literal.starts_with(char::is_uppercase);
            if sentence {
                found.push(format!("\"{literal}\""));
            }
        }
        before.clear();
        rest = after;
    }
    found
}

/// The sentences a template writes itself: text between tags and in the
/// attributes people read, outside askama's tags, comments, scripts and
/// styles.
fn literal_sentences(src: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, found: &mut Vec<String>| {
        if has_words(text) {
            found.push(text.trim().to_string());
        }
        text.clear();
    };
    let mut i = 0;
    while i < src.len() {
        if is_askama(src, i) {
            flush(&mut text, &mut found);
            let end = askama_end(src, i);
            if !src[i..].starts_with("{#") {
                found.extend(askama_sentences(&src[i..end]));
            }
            i = end;
            continue;
        }
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            flush(&mut text, &mut found);
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<')
            && rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?')
        {
            flush(&mut text, &mut found);
            // The tag, askama inside it skipped.
            let mut j = i + 1;
            while j < src.len() && !src[j..].starts_with('>') {
                j = if is_askama(src, j) {
                    askama_end(src, j)
                } else {
                    j + src[j..].chars().next().unwrap().len_utf8()
                };
            }
            let tag = &src[i..(j + 1).min(src.len())];
            found.extend(attribute_sentences(tag));
            i = j + 1;
            for raw in ["script", "style"] {
                if tag.starts_with(&format!("<{raw}")) {
                    i += src[i..].find(&format!("</{raw}")).unwrap_or(0);
                }
            }
            continue;
        }
        let c = rest.chars().next().unwrap();
        text.push(c);
        i += c.len_utf8();
    }
    flush(&mut text, &mut found);
    found
}

/// Keys a template asks for: `"key"|t`, and the label of `forms::input`.
fn keys_in_template(src: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = src;
    while let Some(at) = rest.find("\"|t") {
        let before = &rest[..at];
        if let Some(open) = before.rfind('"') {
            keys.push(before[open + 1..].to_string());
        }
        rest = &rest[at + 3..];
    }
    // forms::input("name", "label", …) and forms::input_hinted(…,
    // "placeholder", "title"): the label and hints are keys.
    for (at, _) in src.match_indices("{% call forms::input") {
        let call = &src[at..askama_end(src, at)];
        let literals: Vec<&str> = call.split('"').collect();
        let args: Vec<&str> = call
            .split_once('(')
            .map(|(_, a)| a.rsplit_once(')').map_or(a, |(a, _)| a))
            .unwrap_or("")
            .split(", ")
            .collect();
        if literals.len() > 3 {
            keys.push(literals[3].to_string());
        }
        if call.starts_with("{% call forms::input_hinted(") {
            for hint in args.iter().rev().take(2) {
                let hint = hint.trim().trim_matches('"');
                if !hint.is_empty() {
                    keys.push(hint.to_string());
                }
            }
        }
    }
    // forms::field(name, "label", …), forms::textarea and forms::fieldset:
    // the second argument, when written as a literal, is a key.
    for call in [
        "{% call forms::field(",
        "{% call forms::textarea(",
        "{% call forms::fieldset(",
    ] {
        for (at, _) in src.match_indices(call) {
            let args = &src[at + call.len()..askama_end(src, at)];
            if let Some(label) = args.split(", ").nth(1)
                && let Some(key) = label.strip_prefix('"').and_then(|l| l.split('"').next())
            {
                keys.push(key.to_string());
            }
        }
    }
    keys
}

/// Keys the code asks for: `i18n::t("key")`, `i18n::f("key", …)`.
fn keys_in_code() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut keys = Vec::new();
    for path in files_under(&root, &["rs"]) {
        let src = std::fs::read_to_string(&path).unwrap();
        for call in ["i18n::t(\"", "i18n::f(\"", "i18n::tf!(\""] {
            for (at, _) in src.match_indices(call) {
                let after = &src[at + call.len()..];
                if let Some(end) = after.find('"') {
                    keys.push((after[..end].to_string(), path.display().to_string()));
                }
            }
        }
    }
    keys
}

#[test]
fn templates_write_no_sentence_of_their_own() {
    // The check itself sees a sentence where there is one.
    assert_eq!(literal_sentences("<p>Simpan {{ x }}</p>"), vec!["Simpan"]);
    assert_eq!(
        literal_sentences("<input placeholder=\"Cari…\">"),
        vec!["placeholder=\"Cari…\""]
    );
    assert!(
        literal_sentences("<p title=\"{{ \"cari\"|t }}\">{{ \"simpan\"|t }} &middot; {{ n }}</p>")
            .is_empty()
    );
    assert!(
        literal_sentences("<script>let a = 'teks';</script>{# catatan #}<!-- x -->").is_empty()
    );
    assert_eq!(literal_sentences("<a\n  title='Buka peta'>x</a>").len(), 2);
    assert_eq!(
        literal_sentences("<input type=\"submit\" value=\"Kirim sekarang\">"),
        vec!["value=\"Kirim sekarang\""]
    );
    assert_eq!(
        literal_sentences("{% let judul = \"Usulan baru\" %}"),
        vec!["\"Usulan baru\""]
    );
    assert_eq!(
        literal_sentences("{{ \"Usulan baru\" }}"),
        vec!["\"Usulan baru\""]
    );
    assert!(
        literal_sentences(
            "{% if q.status == \"Semua status\" %}{{ \"usulan-baru\"|t }}{% endif %}"
        )
        .is_empty()
    );
    assert_eq!(
        literal_sentences(
            "{% call forms::input(\"kode\", \"kode\", v, e, \"text\", \"title=\\\"Huruf kecil saja\\\"\") %}"
        ),
        vec!["title=\"Huruf kecil saja\""]
    );

    let mut found = Vec::new();
    for (name, src) in templates() {
        for s in literal_sentences(&src) {
            found.push(format!("{name}: {s}"));
        }
    }
    assert!(
        found.is_empty(),
        "texts outside the catalogs:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_key_asked_for_is_in_both_catalogs_and_every_key_is_asked_for() {
    let id: BTreeSet<_> = i18n::keys(Lang::Id).into_iter().collect();
    let en: BTreeSet<_> = i18n::keys(Lang::En).into_iter().collect();
    let only_id: Vec<_> = id.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&id).collect();
    assert!(
        only_id.is_empty() && only_en.is_empty(),
        "only in id.ftl: {only_id:?}; only in en.ftl: {only_en:?}"
    );

    let mut missing = Vec::new();
    let mut asked = BTreeSet::new();
    for (name, src) in templates() {
        for key in keys_in_template(&src) {
            if !id.contains(key.as_str()) {
                missing.push(format!("{name}: {key}"));
            }
            asked.insert(key);
        }
    }
    for (key, file) in keys_in_code() {
        // Only what looks like a key: `t("Teks")` is not a lookup.
        if key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            if !id.contains(key.as_str()) {
                missing.push(format!("{file}: {key}"));
            }
            asked.insert(key);
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from the catalogs:\n{}",
        missing.join("\n")
    );

    // A key no template and no code names is a text nobody sees: it goes,
    // or it was misspelt where it is asked for.
    let all_sources: String = templates().into_iter().map(|(_, s)| s).collect::<String>()
        + &files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &["rs"])
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect::<String>();
    // Labels the code keeps in Indonesian (the store writes them into
    // notifications) are asked for by their text: `{{ s.label()|t }}`.
    let unused: Vec<_> = id
        .iter()
        .filter(|k| {
            let text = i18n::sync_scope(Lang::Id, || i18n::t_dyn(k)).replace('"', "\\\"");
            !asked.contains(**k)
                && !all_sources.contains(&format!("\"{k}\""))
                && !all_sources.contains(&format!("\"{text}\""))
        })
        .collect();
    assert!(unused.is_empty(), "keys nothing asks for: {unused:?}");
}

/// The `{ $name }` places of a text, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split("{ $")
        .skip(1)
        .map(|rest| rest.split(" }").next().unwrap_or_default().to_string())
        .collect();
    out.sort();
    out
}

#[test]
fn both_languages_fill_the_same_places() {
    let mut differ = Vec::new();
    for key in i18n::keys(Lang::Id) {
        let id = placeholders(&i18n::sync_scope(Lang::Id, || i18n::t_dyn(key)));
        let en = placeholders(&i18n::sync_scope(Lang::En, || i18n::t_dyn(key)));
        if id != en {
            differ.push(format!("{key}: {id:?} / {en:?}"));
        }
    }
    assert!(
        differ.is_empty(),
        "placeholders differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn english_texts_differ_from_indonesian_where_words_differ() {
    // A catalog copied over untranslated would pass the key checks.
    let same = i18n::keys(Lang::Id)
        .into_iter()
        .filter(|k| {
            i18n::sync_scope(Lang::Id, || i18n::t_dyn(k))
                == i18n::sync_scope(Lang::En, || i18n::t_dyn(k))
        })
        .count();
    let all = i18n::keys(Lang::Id).len();
    assert!(
        same * 5 < all,
        "{same} of {all} English texts are the Indonesian ones"
    );
    i18n::sync_scope(Lang::En, || {
        assert_eq!(i18n::t("simpan"), "Save");
        assert_eq!(i18n::t("beranda"), "Home");
    });
}

#[tokio::test]
async fn a_visitor_switches_to_english_and_back() {
    let app = spawn_app().await;
    let c = common::client();

    let page = text(app.get(&c, "/usulan").await).await;
    assert!(page.contains("<html lang=\"id\">"));
    assert!(page.contains(">Ajukan usulan<") || page.contains(">Masuk<"));
    assert!(page.contains("value=\"en\""), "the switch offers English");

    // The switch goes back where it was pressed, remembering the choice.
    let res = c
        .post(app.url("/bahasa"))
        .header("referer", app.url("/usulan?status=diajukan"))
        .form(&[("bahasa", "en")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/usulan?status=diajukan");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("bahasa=en") && cookie.contains("Max-Age="),
        "{cookie}"
    );

    let res = app.get(&c, "/usulan").await;
    assert_eq!(res.headers()["content-language"], "en");
    let page = text(res).await;
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains(">Proposals<"), "the menu in English");
    assert!(page.contains(">Sign in<"));
    assert!(!page.contains(">Masuk<"));
    assert!(
        page.contains("value=\"id\""),
        "the switch now offers Indonesian"
    );

    // An item's priority tags by their names, in English too.
    let item: uuid::Uuid = sqlx::query_scalar(
        "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id
         WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' AND 'nasional' = ANY(i.tags) LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&c, &format!("/item/{item}")).await).await;
    assert!(page.contains(">National priority<"), "the tag by its name");
    // An error page speaks the same language.
    let page = text(app.get(&c, "/usulan/USL-2099-999999").await).await;
    assert!(page.contains("<html lang=\"en\">"));

    // From another site, the switch is refused (cross-site post).
    let res = c
        .post(app.url("/bahasa"))
        .header("origin", "https://evil.example")
        .form(&[("bahasa", "id")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    // Back to Indonesian; a referer elsewhere goes home.
    let res = c
        .post(app.url("/bahasa"))
        .header("referer", "https://evil.example/x")
        .form(&[("bahasa", "id")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/");
    let page = text(app.get(&c, "/usulan").await).await;
    assert!(page.contains("<html lang=\"id\">"));
}

#[tokio::test]
async fn a_signed_in_choice_follows_the_person_to_another_browser() {
    let app = spawn_app().await;
    let c = app.login("kelurahan.rejowinangun").await;
    let res = app.post_form(&c, "/bahasa", &[("bahasa", "en")]).await;
    assert_eq!(res.status(), 303);
    let kept: Option<String> =
        sqlx::query_scalar("SELECT lang FROM users WHERE username = 'kelurahan.rejowinangun'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(kept.as_deref(), Some("en"));
    let page = text(app.get(&c, "/").await).await;
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains(">Inbox"), "the menu in English");
    // The profile shows the choice, and changes it too.
    let profile = text(app.get(&c, "/akun").await).await;
    assert!(
        profile.contains("name=\"bahasa\" value=\"en\" checked"),
        "{profile}"
    );
    assert!(profile.contains(">Interface language<"));

    // A new browser: signing in brings the choice along.
    let other = common::client();
    let res = app.password_step(&other, "kelurahan.rejowinangun").await;
    assert_eq!(res.status(), 303);
    let cookies: Vec<_> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies.iter().any(|c| c.starts_with("bahasa=en")),
        "{cookies:?}"
    );
    assert!(
        common::session_cookie(res.headers()).is_some(),
        "the session cookie is kept beside it: {cookies:?}"
    );
    // Signed in, and in English.
    let page = text(app.get(&other, "/").await).await;
    assert!(page.contains("<html lang=\"en\">"));
    assert!(
        page.contains(">Inbox") && page.contains(">Sign out<"),
        "signed in on the new browser"
    );

    // Someone who never chose keeps the default.
    let res = app.password_step(&common::client(), "pkk.magelang").await;
    assert!(
        !res.headers()
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().unwrap().starts_with("bahasa="))
    );
}

#[test]
fn dates_and_money_follow_the_language() {
    let t = time::macros::datetime!(2026-06-20 07:05 UTC);
    assert_eq!(selaras::format::tanggal(t), "20 Juni 2026");
    assert_eq!(selaras::format::waktu(t), "20 Juni 2026 pukul 14.05 WIB");
    i18n::sync_scope(Lang::En, || {
        assert_eq!(selaras::format::tanggal(t), "20 June 2026");
        assert_eq!(selaras::format::waktu(t), "20 June 2026, 14:05 WIB");
        assert_eq!(
            selaras::domain::money::Rupiah::new(rust_decimal::Decimal::new(123456750, 2)).shown(),
            "Rp1,234,567.50"
        );
    });
}

#[tokio::test]
async fn data_and_documents_are_the_same_in_either_language() {
    let app = spawn_app().await;
    let indonesian = common::client();
    let english = common::client();
    let res = app
        .post_form(&english, "/bahasa", &[("bahasa", "en")])
        .await;
    assert_eq!(res.status(), 303);
    // The English reader's pages are English…
    let page = text(app.get(&english, "/usulan").await).await;
    assert!(page.contains("<html lang=\"en\">"));
    // …but open data, feeds and the API are what everyone gets.
    for path in [
        "/usulan/daftar.csv",
        "/rencana/daftar.csv",
        "/usulan/keputusan.atom",
        "/rencana.atom",
        "/api/v1/proposals",
    ] {
        let a = app.get(&indonesian, path).await;
        let b = app.get(&english, path).await;
        assert_eq!(a.status(), 200, "{path}");
        assert_eq!(b.headers()["content-language"], "id", "{path}");
        let (a, b) = (a.bytes().await.unwrap(), b.bytes().await.unwrap());
        assert_eq!(a, b, "{path} differs for an English reader");
    }
    let csv = text(app.get(&english, "/usulan/daftar.csv").await).await;
    assert!(
        csv.contains("Diakomodir") || csv.contains("Diajukan"),
        "{csv}"
    );
}
