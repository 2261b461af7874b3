//! The open-data API: every answer holds to the OpenAPI document the
//! server publishes; it serves enacted plans only and names no person;
//! its pages reach every row once; it revalidates by ETag, answers other
//! origins, limits each client, and any input gives an answer, not an
//! error.

use std::collections::BTreeSet;

use crate::common;

use common::{TestApp, client, spawn_app};
use serde_json::Value;
use uuid::Uuid;

/// Whether `v` holds to `schema` (the subset of JSON Schema the document
/// uses: `$ref`, `type` (one or several), `properties`, `required`,
/// `items`, `oneOf`, `allOf`, `enum`). An object may hold no property its
/// schema does not name, so a field added without its schema fails here.
fn check(doc: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    // A keyword this check does not read would pass anything: refuse it.
    const READ: &[&str] = &[
        "$ref",
        "oneOf",
        "allOf",
        "enum",
        "type",
        "properties",
        "required",
        "items",
        "minimum",
    ];
    const NOTES: &[&str] = &[
        "description",
        "format",
        "example",
        "examples",
        "title",
        "default",
    ];
    if let Some(obj) = schema.as_object() {
        for k in obj.keys() {
            assert!(
                READ.contains(&k.as_str()) || NOTES.contains(&k.as_str()),
                "{at}: the schema says {k:?}, which this check does not read"
            );
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errors.push(format!("{at}: {n} < {min}"));
    }
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        assert!(!target.is_null(), "{at}: $ref to a missing schema {r}");
        return check(doc, target, v, at, errors);
    }
    if let Some(alts) = schema.get("oneOf").and_then(Value::as_array) {
        let fits = alts
            .iter()
            .filter(|s| {
                let mut e = Vec::new();
                check(doc, s, v, at, &mut e);
                e.is_empty()
            })
            .count();
        if fits != 1 {
            errors.push(format!("{at}: {fits} of oneOf fit {v}"));
        }
        return;
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check(doc, s, v, at, errors);
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && !values.contains(v)
    {
        errors.push(format!("{at}: {v} is not one of {values:?}"));
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() {
        let fits = |t: &str| match t {
            "null" => v.is_null(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        };
        if !types.iter().any(|t| fits(t)) {
            errors.push(format!("{at}: {v} is not {types:?}"));
            return;
        }
    }
    if let Some(obj) = v.as_object()
        && (schema.get("properties").is_some() || types.contains(&"object"))
    {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(req) {
                errors.push(format!("{at}: missing {req}"));
            }
        }
        for (k, val) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(doc, s, val, &format!("{at}.{k}"), errors),
                None => errors.push(format!("{at}: {k} is not in the schema")),
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(doc, items, x, &format!("{at}[{i}]"), errors);
        }
    }
}

/// GETs `path` and checks the answer against the document's schema for
/// its status; returns the status and the JSON.
async fn checked(app: &TestApp, doc: &Value, template: &str, path: &str) -> (u16, Value) {
    let res = client().get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "{path}: {status} is not JSON"
    );
    let body: Value = res.json().await.unwrap();
    let schema = doc["paths"][template]["get"]["responses"][status.to_string()]["content"]
        ["application/json"]["schema"]
        .clone();
    assert!(
        !schema.is_null(),
        "{path}: the document has no {status} answer for {template}"
    );
    let mut errors = Vec::new();
    check(doc, &schema, &body, path, &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    (status, body)
}

/// The JSON an anonymous GET of `path` answers.
async fn get_json(app: &TestApp, path: &str) -> Value {
    client()
        .get(app.url(path))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn document(app: &TestApp) -> Value {
    let res = client()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The Kota Magelang RPJMD (enacted in the demo) and RKPD (in public
/// consultation: a draft).
async fn rpjmd_and_rkpd(app: &TestApp) -> (Uuid, Uuid) {
    (
        app.plan_id("33.71", "rpjmd").await,
        app.plan_id("33.71", "rkpd").await,
    )
}

#[tokio::test]
async fn every_answer_holds_to_the_published_openapi_document() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        paths,
        [
            "/api/v1/plans",
            "/api/v1/plans/{id}",
            "/api/v1/plans/{id}/items",
            "/api/v1/plans/{id}/checks",
            "/api/v1/proposals",
            "/api/v1/proposals/{nomor}",
            "/api/v1/regions",
            "/api/v1/nomenklatur",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
        "the document names every data route of the API (tests/it/policy.rs holds them all)"
    );
    // The check itself fails on what the document does not say.
    let plan_page = serde_json::json!({"$ref": "#/components/schemas/PlanPage"});
    for wrong in [
        serde_json::json!({"data": [], "next_cursor": null, "next": null, "extra": 1}),
        serde_json::json!({"data": [{"id": 1}], "next_cursor": null, "next": null}),
        serde_json::json!({"data": [], "next_cursor": 5, "next": null}),
    ] {
        let mut errors = Vec::new();
        check(&doc, &plan_page, &wrong, "self-test", &mut errors);
        assert!(!errors.is_empty(), "{wrong} passed");
    }
    let (rpjmd, rkpd) = rpjmd_and_rkpd(&app).await;
    let accepted: String =
        sqlx::query_scalar("SELECT nomor FROM proposals WHERE status = 'diakomodir' LIMIT 1")
            .fetch_one(&app.db)
            .await
            .unwrap();
    // Every route, with its filters, small pages (so `next` is followed)
    // and each refusal the document lists.
    let calls: Vec<(&str, String)> = vec![
        ("/api/v1/plans", "/api/v1/plans".into()),
        (
            "/api/v1/plans",
            "/api/v1/plans?region=33&kind=rpjmd&year=2026&limit=1".into(),
        ),
        ("/api/v1/plans", "/api/v1/plans?kind=rencana".into()),
        ("/api/v1/plans/{id}", format!("/api/v1/plans/{rpjmd}")),
        ("/api/v1/plans/{id}", format!("/api/v1/plans/{rkpd}")),
        (
            "/api/v1/plans/{id}/items",
            format!("/api/v1/plans/{rpjmd}/items?limit=3"),
        ),
        (
            "/api/v1/plans/{id}/items",
            format!("/api/v1/plans/{rpjmd}/items?limit=0"),
        ),
        (
            "/api/v1/plans/{id}/items",
            format!("/api/v1/plans/{rkpd}/items"),
        ),
        (
            "/api/v1/plans/{id}/checks",
            format!("/api/v1/plans/{rpjmd}/checks"),
        ),
        (
            "/api/v1/proposals",
            "/api/v1/proposals?region=33.71&limit=5".into(),
        ),
        (
            "/api/v1/proposals",
            "/api/v1/proposals?status=diakomodir&year=2026".into(),
        ),
        (
            "/api/v1/proposals",
            "/api/v1/proposals?status=lainnya".into(),
        ),
        (
            "/api/v1/proposals/{nomor}",
            format!("/api/v1/proposals/{accepted}"),
        ),
        (
            "/api/v1/proposals/{nomor}",
            "/api/v1/proposals/USL-1900-000001".into(),
        ),
        (
            "/api/v1/regions",
            "/api/v1/regions?parent=33.71&limit=2".into(),
        ),
        ("/api/v1/regions", "/api/v1/regions?parent=33%25".into()),
        (
            "/api/v1/nomenklatur",
            "/api/v1/nomenklatur?prefix=1.02.02&limit=4".into(),
        ),
    ];
    let mut statuses = BTreeSet::new();
    for (template, path) in calls {
        let (status, body) = checked(&app, &doc, template, &path).await;
        statuses.insert((template, status));
        // A next page holds to the document too.
        if let Some(next) = body.get("next").and_then(Value::as_str) {
            let (status, _) = checked(&app, &doc, template, next).await;
            assert_eq!(status, 200, "{next}");
        }
    }
    // Enacted, the RKPD's items, Cek findings and the line an accepted
    // proposal went to are served too, each as the document says.
    sqlx::query("UPDATE plans SET stage = 'ditetapkan' WHERE id = $1")
        .bind(rkpd)
        .execute(&app.db)
        .await
        .unwrap();
    let (_, detail) = checked(
        &app,
        &doc,
        "/api/v1/proposals/{nomor}",
        &format!("/api/v1/proposals/{accepted}"),
    )
    .await;
    assert!(
        detail["proposal"]["accepted"]["pagu"].is_string(),
        "{detail}"
    );
    let (_, cek) = checked(
        &app,
        &doc,
        "/api/v1/plans/{id}/checks",
        &format!("/api/v1/plans/{rkpd}/checks"),
    )
    .await;
    let findings = cek["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| !f["detail"].as_array().unwrap().is_empty())
            && findings
                .iter()
                .any(|f| !f["items"].as_array().unwrap().is_empty()),
        "the demo RKPD's planted findings, with items and details: {cek}"
    );
    let (_, items) = checked(
        &app,
        &doc,
        "/api/v1/plans/{id}/items",
        &format!("/api/v1/plans/{rkpd}/items?limit=500"),
    )
    .await;
    let rows = items["data"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|i| !i["pagu"].as_array().unwrap().is_empty())
    );
    assert!(rows.iter().any(|i| i["parent_id"].is_string()));
    for expected in [
        ("/api/v1/plans", 200),
        ("/api/v1/plans", 400),
        ("/api/v1/plans/{id}", 200),
        ("/api/v1/plans/{id}", 404),
        ("/api/v1/plans/{id}/items", 400),
        ("/api/v1/plans/{id}/items", 404),
        ("/api/v1/plans/{id}/checks", 200),
        ("/api/v1/proposals", 400),
        ("/api/v1/proposals/{nomor}", 404),
        ("/api/v1/regions", 400),
        ("/api/v1/nomenklatur", 200),
    ] {
        assert!(statuses.contains(&expected), "{expected:?} in {statuses:?}");
    }
}

#[tokio::test]
async fn the_api_serves_enacted_plans_only_and_names_no_person() {
    let app = spawn_app().await;
    let (rpjmd, rkpd) = rpjmd_and_rkpd(&app).await;
    let c = client();
    let plans: Value = get_json(&app, "/api/v1/plans?region=33.71&limit=500").await;
    let ids: Vec<&str> = plans["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&rpjmd.to_string().as_str()), "{plans}");
    // The RKPD in public consultation is a draft: not listed, not found,
    // and its items neither, even for a planner signed in.
    assert!(!ids.contains(&rkpd.to_string().as_str()), "{plans}");
    let planner = app.login("perencana.magelang").await;
    for path in [
        format!("/api/v1/plans/{rkpd}"),
        format!("/api/v1/plans/{rkpd}/items"),
        format!("/api/v1/plans/{rkpd}/checks"),
    ] {
        let res = planner.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    // Its page says the same plan is public to read (consultation): the
    // API is narrower on purpose.
    assert_eq!(
        c.get(app.url(&format!("/rencana/{rkpd}")))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let items: Value = get_json(&app, &format!("/api/v1/plans/{rpjmd}/items?limit=500")).await;
    let with_targets = items["data"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["indicators"].as_array().unwrap())
        .filter(|n| !n["years"].as_array().unwrap().is_empty())
        .count();
    assert!(
        with_targets > 0,
        "indicators come with their years: {items}"
    );

    // A proposal accepted into the RKPD, which is still a draft: the API
    // does not name the line it went to.
    let nomor: String = sqlx::query_scalar(
        "SELECT p.nomor FROM proposals p JOIN plan_items i ON i.id = p.accepted_item_id
         JOIN plans pl ON pl.id = i.plan_id WHERE pl.stage <> 'ditetapkan' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let detail: Value = get_json(&app, &format!("/api/v1/proposals/{nomor}")).await;
    assert_eq!(detail["proposal"]["status"], "diakomodir", "{detail}");
    assert!(detail["proposal"]["accepted"].is_null(), "{detail}");
    assert!(!detail["timeline"].as_array().unwrap().is_empty());

    // No account's name or username appears in anything the API sends.
    let people: Vec<(String, String)> = sqlx::query_as("SELECT full_name, username FROM users")
        .fetch_all(&app.db)
        .await
        .unwrap();
    let mut everything = String::new();
    for path in [
        "/api/v1/proposals?limit=500".to_string(),
        format!("/api/v1/proposals/{nomor}"),
        format!("/api/v1/plans/{rpjmd}/items?limit=500"),
        format!("/api/v1/plans/{rpjmd}/checks"),
        "/api/v1/plans?limit=500".to_string(),
    ] {
        everything.push_str(
            &c.get(app.url(&path))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
    }
    for (name, username) in people {
        assert!(!everything.contains(&name), "{name} is named");
        assert!(
            !everything.contains(&format!("\"{username}\"")),
            "{username} is named"
        );
    }
}

#[tokio::test]
async fn following_next_reaches_every_row_once() {
    let app = spawn_app().await;
    let (rpjmd, _) = rpjmd_and_rkpd(&app).await;
    for (start, total_sql) in [
        (
            format!("/api/v1/plans/{rpjmd}/items?limit=10"),
            format!("SELECT count(*) FROM plan_items WHERE plan_id = '{rpjmd}'"),
        ),
        (
            "/api/v1/proposals?region=33.71&limit=15".to_string(),
            "SELECT count(*) FROM proposals WHERE region_kode = '33.71'".to_string(),
        ),
        (
            "/api/v1/regions?parent=33.71&limit=2".to_string(),
            "SELECT count(*) FROM regions WHERE parent_kode = '33.71'".to_string(),
        ),
    ] {
        let total: i64 = sqlx::query_scalar(&total_sql)
            .fetch_one(&app.db)
            .await
            .unwrap();
        let mut seen = BTreeSet::new();
        let mut next = Some(start.clone());
        let mut pages = 0;
        while let Some(path) = next {
            let page: Value = get_json(&app, &path).await;
            for row in page["data"].as_array().unwrap() {
                let key = row
                    .get("id")
                    .or(row.get("nomor"))
                    .or(row.get("kode"))
                    .unwrap()
                    .to_string();
                assert!(seen.insert(key), "{path} repeats a row");
            }
            next = page["next"].as_str().map(String::from);
            pages += 1;
            assert!(pages < 1000);
        }
        assert!(total > 2, "{start}: the demo has rows to page through");
        assert_eq!(seen.len() as i64, total, "{start}");
    }
}

#[tokio::test]
async fn answers_revalidate_cross_origins_and_each_client_has_a_budget() {
    let app = spawn_app().await;
    let c = client();
    let res = c
        .get(app.url("/api/v1/regions?parent=33"))
        .header("origin", "https://data.example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    assert_eq!(res.headers()["cache-control"], "public, no-cache");
    let tag = res.headers()["etag"].to_str().unwrap().to_string();
    let again = c
        .get(app.url("/api/v1/regions?parent=33"))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.bytes().await.unwrap().is_empty());
    // A browser on another site asks first whether it may send
    // If-None-Match.
    let pre = c
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/plans"))
        .header("origin", "https://data.example.org")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "if-none-match")
        .send()
        .await
        .unwrap();
    assert!(pre.status().is_success(), "{}", pre.status());
    assert_eq!(pre.headers()["access-control-allow-origin"], "*");
    // Pages for people are not opened to other origins.
    let page = c
        .get(app.url("/rencana"))
        .header("origin", "https://data.example.org")
        .send()
        .await
        .unwrap();
    assert!(page.headers().get("access-control-allow-origin").is_none());

    // 120 a minute: a client sending faster is refused, with when to
    // come back, as JSON.
    let mut refused = None;
    for n in 0..400 {
        let res = c
            .get(app.url("/api/v1/regions?limit=1"))
            .send()
            .await
            .unwrap();
        if res.status() == 429 {
            refused = Some((n, res));
            break;
        }
        assert_eq!(res.status(), 200);
    }
    let (n, res) = refused.expect("a fast client is limited");
    assert!(
        n >= 100,
        "the budget is about 120 requests, refused after {n}"
    );
    assert_eq!(res.headers()["retry-after"], "1");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], 429);
    let doc: Value = serde_json::from_str(selaras::web::api::doc::document()).unwrap();
    let schema = &doc["paths"]["/api/v1/regions"]["get"]["responses"]["429"]["content"]["application/json"]
        ["schema"];
    let mut errors = Vec::new();
    check(&doc, schema, &body, "429", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
}

#[tokio::test]
async fn any_input_gets_an_answer_not_an_error() {
    let app = spawn_app().await;
    let c = client();
    let long = "9".repeat(5000);
    for path in [
        "/api/v1/plans?region=%27%3B%20DROP%20TABLE%20plans%3B--".to_string(),
        "/api/v1/plans?region=33%25".to_string(),
        "/api/v1/plans?cursor=%22%3E%3Cscript%3E".to_string(),
        "/api/v1/plans?year=99999999999999999999".to_string(),
        "/api/v1/plans?limit=-1".to_string(),
        format!("/api/v1/proposals?region={long}"),
        format!("/api/v1/proposals/{long}"),
        "/api/v1/proposals/USL-2026-000001%27%20OR%201%3D1--".to_string(),
        "/api/v1/plans/not-a-uuid".to_string(),
        "/api/v1/nomenklatur?prefix=1._".to_string(),
        "/api/v1/nomenklatur?cursor=%E2%80%AE".to_string(),
        "/api/v1/plans?limit=1&limit=2".to_string(),
        "/api/v1/plans/%FF".to_string(),
        "/api/v1/proposals/%C3".to_string(),
        "/api/v1/plans?region=%00".to_string(),
        "/api/v1/proposals/X%01".to_string(),
        "/api/v1/lain".to_string(),
        "/api/v1/".to_string(),
        "/api/v2/plans".to_string(),
    ] {
        let res = c
            .get(app.url(&path))
            .header("origin", "https://data.example.org")
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        assert!(matches!(status, 400 | 404), "{path}: {status}");
        assert_eq!(res.headers()["access-control-allow-origin"], "*", "{path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["status"], status, "{path}");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
    // Reading only, and said so in JSON.
    let res = c.post(app.url("/api/v1/plans")).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(res.headers()["allow"], "GET, HEAD");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], 405);
    // The document's page for people.
    let page = c.get(app.url("/api/v1")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("GET /api/v1/plans/{id}/items"), "{html}");
    assert!(html.contains("id=\"skema-Plan\""));
}
