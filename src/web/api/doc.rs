//! The API's OpenAPI 3.1 document, derived from the handlers' `path`
//! attributes and the types they send (so it cannot drift from what is
//! served; `tests/it/api.rs` checks every answer against it), and a page
//! for people made from the same document.

use crate::web::filters;
use std::sync::OnceLock;

use askama::Template;
use askama_web::WebTemplate;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use utoipa::OpenApi;

use super::{Allowed, ApiError, types};
use crate::auth::CurrentUser;
use crate::web::Nav;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Selaras open data",
        version = "1",
        description = "Enacted development plans (RPJPD, RPJMD, Renstra, RKPD and its Perubahan, Renja, RPJMDes, RKPDes) with their items, indicators, targets, realisasi and pagu; the Cek of each; Musrenbang, aspirasi and pokir proposals with their public timelines; regions and the national nomenclature. Never a draft, never a person's name. Lists are keyset pages: follow `next`. Every answer carries an ETag; send it back as If-None-Match to get 304. Each client may make 120 requests a minute.",
        license(name = "Open data", identifier = "CC-BY-4.0")
    ),
    paths(
        super::plans::list,
        super::plans::show,
        super::plans::items,
        super::plans::checks,
        super::proposals::list,
        super::proposals::show,
        super::reference::regions,
        super::reference::nomenklatur,
    ),
    components(schemas(types::Error)),
    tags(
        (name = "plans", description = "Enacted plans, their cascade and their Cek"),
        (name = "proposals", description = "Proposals and what became of them"),
        (name = "reference", description = "Regions and the nomenclature"),
    )
)]
pub struct ApiDoc;

/// The document as JSON, made once.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        ApiDoc::openapi()
            .to_json()
            .expect("the OpenAPI document serializes")
    })
}

pub async fn openapi(_: Allowed, headers: HeaderMap) -> Response {
    let value: Value = serde_json::from_str(document()).expect("our own JSON");
    super::answer(&headers, &value)
}

struct Param {
    name: String,
    place: String,
    required: bool,
    description: String,
}

struct Answer {
    status: String,
    description: String,
    schema: String,
}

struct Endpoint {
    path: String,
    anchor: String,
    summary: String,
    description: String,
    params: Vec<Param>,
    answers: Vec<Answer>,
}

struct Field {
    name: String,
    kind: String,
    required: bool,
    description: String,
}

struct Schema {
    name: String,
    description: String,
    /// An enumeration's values, or the fields of an object.
    values: Vec<String>,
    fields: Vec<Field>,
}

#[derive(Template, WebTemplate)]
#[template(path = "api/docs.html")]
pub struct DocsPage {
    nav: Nav,
    endpoints: Vec<Endpoint>,
    schemas: Vec<Schema>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// "Plan", "string | null", "array of Item"…
fn kind_of(s: &Value) -> String {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_string();
    }
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        return alts.iter().map(kind_of).collect::<Vec<_>>().join(" | ");
    }
    let t = match s.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" | "),
        _ => String::new(),
    };
    match s.get("items") {
        Some(items) if t.starts_with("array") => {
            t.replacen("array", &format!("array of {}", kind_of(items)), 1)
        }
        _ => t,
    }
}

fn endpoints(doc: &Value) -> Vec<Endpoint> {
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (path, item) in paths {
        let Some(op) = item.get("get") else { continue };
        let params = op
            .get("parameters")
            .and_then(Value::as_array)
            .map(|ps| {
                ps.iter()
                    .map(|p| Param {
                        name: text(p, "name"),
                        place: text(p, "in"),
                        required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                        description: text(p, "description"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let answers = op
            .get("responses")
            .and_then(Value::as_object)
            .map(|rs| {
                rs.iter()
                    .map(|(status, r)| Answer {
                        status: status.clone(),
                        description: text(r, "description"),
                        schema: r
                            .pointer("/content/application~1json/schema")
                            .map(kind_of)
                            .unwrap_or_default(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push(Endpoint {
            anchor: path.trim_start_matches('/').replace(['/', '{', '}'], "-"),
            path: path.clone(),
            summary: text(op, "summary"),
            description: text(op, "description"),
            params,
            answers,
        });
    }
    out
}

fn schemas(doc: &Value) -> Vec<Schema> {
    let Some(all) = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return Vec::new();
    };
    all.iter()
        .map(|(name, s)| {
            let required: Vec<&str> = s
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let fields = s
                .get("properties")
                .and_then(Value::as_object)
                .map(|ps| {
                    ps.iter()
                        .map(|(f, p)| Field {
                            name: f.clone(),
                            kind: kind_of(p),
                            required: required.contains(&f.as_str()),
                            description: text(p, "description"),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Schema {
                name: name.clone(),
                description: text(s, "description"),
                values: s
                    .get("enum")
                    .and_then(Value::as_array)
                    .map(|e| {
                        e.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
                fields,
            }
        })
        .collect()
}

/// `/api/v1`: what the document says, for people.
pub async fn page(_: Allowed, user: Option<CurrentUser>) -> Result<Response, ApiError> {
    let doc: Value = serde_json::from_str(document()).expect("our own JSON");
    Ok(DocsPage {
        nav: Nav::for_visitor(user.as_ref()),
        endpoints: endpoints(&doc),
        schemas: schemas(&doc),
    }
    .into_response())
}
