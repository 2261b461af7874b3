//! Attacks in tests: cross-site posts, script in fields, SQL metacharacters,
//! oversized bodies; security headers and error pages that leak nothing.

use crate::common;

use common::{PASSWORD, client, spawn_app, text};

fn assert_security_headers(res: &reqwest::Response, what: &str) {
    let h = res.headers();
    let csp = h
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"))
        .to_str()
        .unwrap();
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(csp.contains("script-src 'self'"), "{what}: {csp}");
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert_eq!(h["referrer-policy"], "same-origin", "{what}");
    assert!(h.contains_key("x-request-id"), "{what}");
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let c = client();
    let admin = app.login("admin.magelang").await;
    let planner = app.login("perencana.magelang").await;
    for (who, path, status) in [
        (&c, "/", 200),
        (&c, "/login", 200),
        (&c, "/static/selaras.css", 200),
        (&c, "/tidak-ada", 404),
        (&admin, "/admin/pengguna", 200),
        (&planner, "/admin", 403),
        (&c, "/healthz", 200),
    ] {
        let res = app.get(who, path).await;
        assert_eq!(res.status(), status, "{path}");
        assert_security_headers(&res, path);
    }
}

/// The stylesheets and script come from the binary (an installed package
/// needs no files beside it), cached an hour and revalidated by ETag.
#[tokio::test]
async fn static_files_come_from_the_binary_with_an_etag() {
    let app = spawn_app().await;
    let c = client();
    let res = app.get(&c, "/static/tabel.js").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    assert_eq!(res.headers()["cache-control"], "public, max-age=3600");
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert!(text(res).await.contains("data-col"));
    let again = c
        .get(app.url("/static/tabel.js"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let css = app.get(&c, "/static/selaras.css").await;
    assert_ne!(css.headers()["etag"].to_str().unwrap(), etag);
    for path in [
        "/static/tidak-ada.css",
        "/static/..%2FCargo.toml",
        "/static/",
    ] {
        assert_eq!(app.get(&c, path).await.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn a_cross_site_post_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let org = app.region_org_id("33.71", "dinkes").await;
    let org_s = org.to_string();
    let form = [
        ("username", "penyusup"),
        ("full_name", "Penyusup"),
        ("password", "gunung sumbing tertutup awan"),
        ("organization_id", org_s.as_str()),
        ("role", "admin"),
    ];
    // As a browser sends a form that another site made it submit.
    let res = admin
        .post(app.url("/admin/pengguna/baru"))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_security_headers(&res, "csrf");
    let body = text(res).await;
    assert!(body.contains("Permintaan lintas situs ditolak"), "{body}");
    // Also with only an Origin from elsewhere (older browsers).
    let res = admin
        .post(app.url("/admin/pengguna/baru"))
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE username = 'penyusup'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 0);
    // A cross-site sign-out or sign-in is refused too.
    let res = admin
        .post(app.url("/logout"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(
        text(app.get(&admin, "/").await)
            .await
            .contains("Selamat datang")
    );

    // The same form from our own pages goes through.
    let res = admin
        .post(app.url("/admin/pengguna/baru"))
        .header("origin", app.base.clone())
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn script_typed_into_a_field_is_shown_as_text() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let payload = r#"<script>alert("x")</script><img src=x onerror=alert(1)>"#;
    let id = app.user_id("dprd.magelang").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{id}"),
            &[("full_name", payload), ("email", ""), ("version", "1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    for path in [
        "/admin/pengguna".to_string(),
        format!("/admin/pengguna/{id}"),
    ] {
        let body = text(app.get(&admin, &path).await).await;
        assert!(!body.contains("<script>alert"), "{path}");
        assert!(!body.contains("<img src=x"), "{path}");
        assert!(
            body.contains("&#60;script&#62;"),
            "{path}: the payload is shown escaped"
        );
    }
    // And on the user's own pages (header and home).
    let home = text(app.get(&app.login("dprd.magelang").await, "/").await).await;
    assert!(!home.contains("<script>alert"));
    // In a login form echo as well.
    let res = app
        .post_form(
            &client(),
            "/login",
            &[
                ("username", r#""><script>alert(1)</script>"#),
                ("password", "x"),
            ],
        )
        .await;
    assert!(!text(res).await.contains("<script>alert(1)"));
}

#[tokio::test]
async fn sql_metacharacters_are_only_data() {
    let app = spawn_app().await;
    for evil in [
        "' OR '1'='1",
        "admin.magelang'--",
        "x'; DROP TABLE users; --",
        "%_\\",
    ] {
        let res = app
            .post_form(
                &client(),
                "/login",
                &[("username", evil), ("password", evil)],
            )
            .await;
        assert_eq!(res.status(), 401, "{evil}");
    }
    let admin = app.login("admin.magelang").await;
    let res = app
        .post_form(
            &admin,
            "/admin/organisasi/baru",
            &[
                ("kind", "lembaga"),
                ("code", "x'--"),
                ("name", "Robert'); DROP TABLE organizations;--"),
                ("wilayah_kode", "33.71' OR '1'='1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(
        app.get(&admin, "/admin/pengguna/' OR 1=1--").await.status(),
        400
    );
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(n >= 9);
}

#[tokio::test]
async fn error_pages_speak_indonesian_and_leak_nothing() {
    let app = spawn_app().await;
    let res = app.get(&client(), "/rencana/tidak-ada/sama-sekali").await;
    assert_eq!(res.status(), 404);
    let body = text(res).await;
    assert!(body.contains("Halaman tidak ditemukan"));
    assert!(body.contains("Kode permintaan"));
    let admin = app.login("admin.magelang").await;
    let res = app
        .get(&admin, &format!("/admin/pengguna/{}", uuid::Uuid::now_v7()))
        .await;
    assert_eq!(res.status(), 404);
    assert!(text(res).await.contains("Halaman tidak ditemukan"));

    // When the database is gone: a 503 page, no SQL, no stack.
    app.db.close().await;
    let res = app.get(&admin, "/admin/pengguna").await;
    assert_eq!(res.status(), 503);
    let body = text(res).await;
    assert!(body.contains("Layanan sedang tidak tersedia"), "{body}");
    for leak in ["sqlx", "SELECT", "pool", "src/", "panicked"] {
        assert!(!body.contains(leak), "{leak} in {body}");
    }
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let app = spawn_app().await;
    let huge = "a".repeat(2 * 1024 * 1024);
    let res = app
        .post_form(
            &client(),
            "/login",
            &[("username", huge.as_str()), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 413);
    assert!(text(res).await.contains("Data terlalu besar"));
    // Past the routes' 4 MB limit (it sits on the routes since uploads got
    // their own), and past the uploads' 10 MB one.
    let five = vec![b'a'; 5 * 1024 * 1024];
    let res = client()
        .post(app.url("/usulan/baru"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(five)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let eleven = vec![b'a'; 11 * 1024 * 1024];
    let res = client()
        .post(app.url("/usulan/USL-2026-000001/lampiran"))
        .header("content-type", "multipart/form-data; boundary=x")
        .body(eleven)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
}

#[tokio::test]
async fn a_server_fault_gives_a_plain_500_page() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    // Break the schema under the running server.
    sqlx::query("ALTER TABLE organizations RENAME TO organizations_gone")
        .execute(&app.db)
        .await
        .unwrap();
    let res = app.get(&admin, "/admin/organisasi").await;
    assert_eq!(res.status(), 500);
    let body = text(res).await;
    assert!(body.contains("Terjadi kesalahan"), "{body}");
    assert!(body.contains("Kode permintaan"));
    for leak in ["organizations", "relation", "sqlx", "SELECT", "src/"] {
        assert!(!body.contains(leak), "{leak} in {body}");
    }
}

/// A NUL byte (or another control character) anywhere a client can put
/// one is refused with our page naming the field, never a 500; line breaks
/// in text still work.
#[tokio::test]
async fn nul_bytes_and_control_characters_are_refused_at_the_edge() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let item = app.item_id(rkpd, "1.02.02").await;
    let res = app
        .post_form(
            &client(),
            "/login",
            &[("username", "admin\0magelang"), ("password", "x\0y")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("karakter kontrol"), "{page}");
    assert!(page.contains("username"), "{page}");

    let planner = app.login("perencana.magelang").await;
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM comments")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rkpd}/komentar"),
            &[("target", "plan"), ("body", "Catatan\0tersembunyi")],
        )
        .await;
    assert_eq!(res.status(), 422);
    // The form comes back filled in, the NUL dropped, the message beside
    // the field, ready to send again.
    let page = text(res).await;
    assert!(
        page.contains(&format!(r#"action="/rencana/{rkpd}/komentar""#)),
        "{page}"
    );
    assert!(
        page.contains(r#"name="body""#) && page.contains(">Catatantersembunyi</textarea>"),
        "{page}"
    );
    assert!(
        page.contains(r#"<input type="hidden" name="target" value="plan">"#),
        "{page}"
    );
    assert!(page.contains("field-error"));
    // A cross-site post is refused before its body is read: it can never
    // come back as a same-site refill form.
    let res = planner
        .post(app.url(&format!("/rencana/{rkpd}/komentar")))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[("target", "plan"), ("body", "x\0y")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(!text(res).await.contains("Kirim lagi"));
    // The password typed at sign-in is never echoed back.
    let res = app
        .post_form(
            &client(),
            "/login",
            &[
                ("username", "pkk.magelang"),
                ("password", "rahasia\0sekali"),
            ],
        )
        .await;
    let page = text(res).await;
    assert!(!page.contains("rahasia"), "{page}");
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rkpd}/komentar"),
            &[("target", "plan"), ("body", "Catatan \u{1b}[31m merah")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM comments")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(before, after);
    // Multi-line text with tabs is text.
    let res = app
        .post_form(
            &planner,
            &format!("/rencana/{rkpd}/komentar"),
            &[("target", "plan"), ("body", "Baris satu\r\n\tbaris dua")],
        )
        .await;
    assert_eq!(res.status(), 303);

    for path in [
        "/usulan/USL-2026-000001%00".to_string(),
        "/usulan?kecamatan=%00".to_string(),
        "/usulan?status=diajukan%00".to_string(),
        format!("/item/{item}?cari=1.02%00"),
        "/login?next=/%00".to_string(),
    ] {
        let res = app.get(&planner, &path).await;
        assert_eq!(res.status(), 400, "{path}");
        assert!(text(res).await.contains("karakter kontrol"), "{path}");
    }
}

/// `selaras serve` can run as a role that reads and appends the audit log
/// but can neither rewrite, delete nor truncate it, nor switch off its
/// trigger; the application works fully as that role.
#[tokio::test]
async fn the_serving_role_cannot_rewrite_the_audit_log() {
    use sqlx::ConnectOptions;
    use std::str::FromStr;
    let app = spawn_app().await;
    let role = format!("selaras_serve_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(&format!("CREATE ROLE {role} LOGIN"))
        .execute(&app.db)
        .await
        .unwrap();
    selaras::db::grant_serving_role(&app.db, &role)
        .await
        .unwrap();
    let opts = sqlx::postgres::PgConnectOptions::from_str(&app.db_url)
        .unwrap()
        .username(&role);
    let as_role = opts.to_url_lossy().to_string();
    // Starting as that role needs no schema change (the database is up to date).
    let pool = selaras::db::prepare(&as_role).await.unwrap();
    sqlx::query("INSERT INTO audit_log (action, entity, entity_id) VALUES ('uji', 'uji', '1')")
        .execute(&pool)
        .await
        .unwrap();
    for attack in [
        "UPDATE audit_log SET action = 'dipalsukan'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "DROP TRIGGER audit_log_append_only ON audit_log",
        "CREATE TABLE penyusup (x int)",
    ] {
        let err = sqlx::query(attack).execute(&pool).await.unwrap_err();
        let code = err
            .as_database_error()
            .and_then(|e| e.code())
            .map(|c| c.to_string());
        assert!(matches!(code.as_deref(), Some("42501")), "{attack}: {err}");
    }
    // The application itself, served as that role, works.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut config = selaras::config::Config::new(as_role.clone(), addr);
    config.totp_refuse_replay = false;
    let state = selaras::app::AppState::new(pool.clone(), config);
    tokio::spawn(async move { selaras::app::serve(listener, state).await.unwrap() });
    let base = format!("http://{addr}");
    let c = client();
    let res = c
        .post(format!("{base}/login"))
        .form(&[("username", "pkk.magelang"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let res = c
        .post(format!("{base}/rencana/{rkpd}/komentar"))
        .form(&[
            ("target", "plan"),
            ("body", "Masukan lewat peran terbatas."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'comment' AND after->>'body' = 'Masukan lewat peran terbatas.'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    pool.close().await;
    sqlx::query(&format!("DROP OWNED BY {role}"))
        .execute(&app.db)
        .await
        .unwrap();
    let _ = sqlx::query(&format!("DROP ROLE {role}"))
        .execute(&app.db)
        .await;
}

/// A client that trickles its request headers (slowloris) is cut off, and
/// a request that takes too long gets our page instead of holding on.
#[tokio::test]
async fn slow_clients_and_slow_requests_are_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = common::spawn_app_with(|c| {
        c.header_read_timeout = std::time::Duration::from_millis(300);
        c.request_timeout = std::time::Duration::from_millis(1);
    })
    .await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: selaras\r\nX-Lambat: 1\r\n")
        .await
        .unwrap();
    // Never finishes the headers: the server closes the connection.
    let mut buf = Vec::new();
    let closed =
        tokio::time::timeout(std::time::Duration::from_secs(10), s.read_to_end(&mut buf)).await;
    assert!(closed.is_ok(), "the connection stayed open");
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let res = app.get(&client(), &format!("/rencana/{rkpd}")).await;
    assert_eq!(res.status(), 503);
    assert!(text(res).await.contains("Permintaan terlalu lama"));
}

/// Issue 15, point 4: a public page sent to a visitor carries an ETag and
/// revalidates to 304 until it changes; what a signed-in person sees is
/// never stored.
#[tokio::test]
async fn public_pages_revalidate_by_etag_and_personal_ones_are_not_stored() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let path = format!("/rencana/{rkpd}");
    let visitor = client();
    let res = app.get(&visitor, &path).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "public, no-cache");
    assert_eq!(res.headers()["vary"], "Cookie");
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    assert!(etag.starts_with("W/\""), "{etag}");
    let again = visitor
        .get(app.url(&path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_security_headers(&again, "a 304");
    assert!(again.bytes().await.unwrap().is_empty(), "no page again");
    // Once the plan changes, the page does too.
    sqlx::query("UPDATE plans SET title = title || ' (revisi)' WHERE id = $1")
        .bind(rkpd)
        .execute(&app.db)
        .await
        .unwrap();
    let changed = visitor
        .get(app.url(&path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);
    assert!(text(changed).await.contains("(revisi)"));
    // Signed in: the same page is personal, never stored, no ETag.
    let planner = app.login("perencana.magelang").await;
    let res = planner
        .get(app.url(&path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(res.headers().get("etag").is_none());
    // A mailed account link names the person and carries its token:
    // never stored, for a visitor either.
    for path in ["/tautan/abc", "/login", "/daftar", "/lupa-kata-sandi"] {
        let res = app.get(&client(), path).await;
        assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
        assert!(res.headers().get("etag").is_none(), "{path}");
    }
    // A draft refused to a visitor is not cached either.
    let renja = app.plan_id("33.71", "renja").await;
    let res = app.get(&visitor, &format!("/rencana/{renja}")).await;
    assert_ne!(res.status(), 200);
    assert!(res.headers().get("etag").is_none());
}

/// Issue 15, point 3: a burst of visitors costs one rendering. A public
/// page sent to visitors is answered again from memory for a short while
/// (here a minute, to see it), per address and language; a signed-in
/// person always reads the database, and so their own writes.
#[tokio::test]
async fn visitors_share_a_page_for_a_while_and_writers_never_do() {
    let app = common::spawn_app_with(|c| c.page_cache = std::time::Duration::from_secs(60)).await;
    let path = "/usulan/USL-2026-000001";
    let visitor = client();
    let first = app.get(&visitor, path).await;
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    let first = text(first).await;
    sqlx::query(
        "UPDATE proposals SET title = title || ' (diperbarui)' WHERE nomor = 'USL-2026-000001'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    // Another visitor, within the minute: the kept page, with its ETag,
    // the security headers and revalidation as before.
    let res = app.get(&client(), path).await;
    assert_eq!(res.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(res.headers()["cache-control"], "public, no-cache");
    assert_security_headers(&res, "a kept page");
    assert_eq!(text(res).await, first);
    let again = visitor
        .get(app.url(path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    // Gzipped once when kept, for a client that takes it.
    let zipped = client()
        .get(app.url(path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    let bytes = zipped.bytes().await.unwrap();
    let mut unzipped = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut unzipped)
        .unwrap();
    assert_eq!(unzipped, first);
    // Signed in: the database, the change shown at once.
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, path).await).await;
    assert!(page.contains("(diperbarui)"));
    // Another address (a query) or another language is its own page.
    let page = text(app.get(&client(), &format!("{path}?x=1")).await).await;
    assert!(page.contains("(diperbarui)"));
    let english = client();
    app.post_form(&english, "/bahasa", &[("bahasa", "en")])
        .await;
    let page = text(app.get(&english, path).await).await;
    assert!(page.contains("<html lang=\"en\">") && page.contains("(diperbarui)"));
}
