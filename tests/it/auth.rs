//! Sign-in, sign-out, sessions and throttling, as a browser meets them.

use crate::common;

use common::{PASSWORD, client, session_cookie, spawn_app, spawn_app_with, text};

#[tokio::test]
async fn a_demo_user_signs_in_and_sees_their_home_page() {
    let app = spawn_app().await;
    let c = client();
    let res = app
        .post_form(
            &c,
            "/login",
            &[
                ("username", "dinkes.magelang"),
                ("password", PASSWORD),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/");
    let cookie = session_cookie(res.headers()).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "not configured: {cookie}");

    let home = text(app.get(&c, "/").await).await;
    assert!(home.contains("Selamat datang, Dwi Hartanto"), "{home}");
    assert!(home.contains("Kota Magelang, Jawa Tengah"));
    assert!(home.contains("Dinas Kesehatan Kota Magelang"));
    assert!(home.contains("Perangkat daerah"));
    // An agency user is not offered the admin area.
    assert!(!home.contains("/admin/pengguna"));
}

#[tokio::test]
async fn every_demo_user_can_sign_in() {
    let app = spawn_app().await;
    for (username, full_name, ..) in selaras::demo::USERS {
        let c = app.login(username).await;
        let home = text(app.get(&c, "/").await).await;
        assert!(
            home.contains(&format!("Selamat datang, {full_name}")),
            "{username}"
        );
    }
}

#[tokio::test]
async fn secure_cookies_when_configured() {
    let app = spawn_app_with(|c| c.secure_cookies = true).await;
    let res = app.password_step(&client(), "admin.magelang").await;
    let cookie = session_cookie(res.headers()).unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(cookie.starts_with("__Host-selaras_sesi="), "{cookie}");
    assert!(
        cookie.contains("; Path=/") && !cookie.contains("Domain"),
        "{cookie}"
    );
    assert!(res.headers().contains_key("strict-transport-security"));
    // The session only answers to its prefixed name: a cookie of the plain
    // name (which a subdomain or plain HTTP could plant) opens nothing.
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("__Host-selaras_sesi=")
        .to_string();
    let ask = |name: &'static str| {
        client()
            .get(app.url("/login/kode"))
            .header("cookie", format!("{name}={token}"))
            .send()
    };
    let plain = ask("selaras_sesi").await.unwrap();
    assert!(
        plain.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login?")
    );
    let prefixed = ask("__Host-selaras_sesi").await.unwrap();
    assert_eq!(prefixed.status(), 200);
}

#[tokio::test]
async fn the_user_returns_to_the_page_they_asked_for() {
    let app = spawn_app().await;
    let c = client();
    let res = app.get(&c, "/admin/pengguna").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login?next=/admin/pengguna");
    let form = text(app.get(&c, "/login?next=/admin/pengguna").await).await;
    assert!(form.contains(r#"name="next" value="/admin/pengguna""#));
    let res = app
        .post_form(
            &c,
            "/login",
            &[
                ("username", "admin.magelang"),
                ("password", PASSWORD),
                ("next", "/admin/pengguna"),
            ],
        )
        .await;
    // An admin passes the second step first; the target goes along.
    assert_eq!(
        res.headers()["location"],
        "/login/kode?next=/admin/pengguna"
    );
    let form = text(app.get(&c, "/login/kode?next=/admin/pengguna").await).await;
    assert!(
        form.contains(r#"name="next" value="/admin/pengguna""#),
        "{form}"
    );
    assert!(form.contains(r#"autocomplete="one-time-code""#), "{form}");
    let res = app
        .post_form(
            &c,
            "/login/kode",
            &[("kode", &common::demo_code()), ("next", "/admin/pengguna")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/admin/pengguna");
    // A target on another site is ignored.
    let res = app
        .post_form(
            &client(),
            "/login",
            &[
                ("username", "admin.magelang"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(res.headers()["location"], "/login/kode?next=/");
    // And on the second step.
    let c = client();
    app.password_step(&c, "admin.magelang").await;
    let res = app
        .post_form(
            &c,
            "/login/kode",
            &[("kode", &common::demo_code()), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/");
}

#[tokio::test]
async fn wrong_password_and_unknown_account_get_the_same_answer() {
    let app = spawn_app().await;
    let wrong = app
        .post_form(
            &client(),
            "/login",
            &[
                ("username", "perencana.magelang"),
                ("password", "bukan-kata-sandinya"),
            ],
        )
        .await;
    let unknown = app
        .post_form(
            &client(),
            "/login",
            &[
                ("username", "tidak.ada.orangnya"),
                ("password", "bukan-kata-sandinya"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.status(), 401);
    assert!(session_cookie(wrong.headers()).is_none());
    let (a, b) = (text(wrong).await, text(unknown).await);
    assert!(a.contains("Nama pengguna atau kata sandi salah"));
    // The same page but for the username typed back into the form.
    assert_eq!(
        a.replace("perencana.magelang", "X"),
        b.replace("tidak.ada.orangnya", "X")
    );
    // What was typed is kept; the password is not echoed.
    assert!(a.contains(r#"value="perencana.magelang""#));
    assert!(!a.contains("bukan-kata-sandinya"));
}

#[tokio::test]
async fn sign_out_destroys_the_session_and_a_replayed_cookie_is_worthless() {
    let app = spawn_app().await;
    let res = app.password_step(&client(), "pkk.magelang").await;
    let cookie = session_cookie(res.headers()).unwrap();
    let pair = cookie.split(';').next().unwrap().to_string();
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let signed_in = raw
        .get(app.url("/"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    assert!(
        text(signed_in)
            .await
            .contains("Selamat datang, Sri Wahyuni")
    );

    let out = raw
        .post(app.url("/logout"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert_eq!(out.headers()["location"], "/login?keluar=1");
    assert!(session_cookie(out.headers()).unwrap().contains("Max-Age=0"));

    // The stolen or remembered cookie now opens nothing.
    let replay = raw
        .get(app.url("/"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    let body = text(replay).await;
    assert!(!body.contains("Selamat datang"), "{body}");
    let replay = raw
        .get(app.url("/akun/kata-sandi"))
        .header("cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM sessions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn the_session_id_changes_at_sign_in() {
    let app = spawn_app().await;
    let first = app.password_step(&client(), "dprd.magelang").await;
    let old = session_cookie(first.headers())
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let second = raw
        .post(app.url("/login"))
        .header("cookie", &old)
        .form(&[("username", "dprd.magelang"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let new = session_cookie(second.headers())
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(old, new);
    let with_old = raw
        .get(app.url("/"))
        .header("cookie", &old)
        .send()
        .await
        .unwrap();
    assert!(!text(with_old).await.contains("Selamat datang"));
    let with_new = raw
        .get(app.url("/"))
        .header("cookie", &new)
        .send()
        .await
        .unwrap();
    assert!(text(with_new).await.contains("Selamat datang"));
}

#[tokio::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    // The test moves the sessions' clocks in the database, behind the
    // server's back: nothing kept may hide that.
    let app = spawn_app_with(|c| c.session_cache = std::time::Duration::ZERO).await;
    let c = app.login("perencana.magelang").await;
    assert!(
        text(app.get(&c, "/").await)
            .await
            .contains("Selamat datang")
    );
    // Idle for longer than 30 minutes.
    sqlx::query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes'")
        .execute(&app.db)
        .await
        .unwrap();
    assert!(
        !text(app.get(&c, "/").await)
            .await
            .contains("Selamat datang")
    );

    let c = app.login("perencana.magelang").await;
    // Active all along, but signed in 13 hours ago.
    sqlx::query(
        "UPDATE sessions SET created_at = now() - interval '13 hours', last_seen_at = now()",
    )
    .execute(&app.db)
    .await
    .unwrap();
    assert!(
        !text(app.get(&c, "/").await)
            .await
            .contains("Selamat datang")
    );
}

#[tokio::test]
async fn repeated_failures_are_refused_for_a_while_without_revealing_the_account() {
    let app = spawn_app().await;
    for name in ["kepala.bapperida", "tidak.ada.orangnya"] {
        let mut statuses = Vec::new();
        for _ in 0..10 {
            let res = app
                .post_form(
                    &client(),
                    "/login",
                    &[("username", name), ("password", "salah-salah-salah")],
                )
                .await;
            statuses.push(res.status().as_u16());
        }
        assert!(statuses.iter().all(|s| *s == 401), "{name}: {statuses:?}");
        // Now even the right password is refused, with a message that says so.
        let res = app
            .post_form(
                &client(),
                "/login",
                &[("username", name), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(res.status(), 429, "{name}");
        assert!(session_cookie(res.headers()).is_none());
        let body = text(res).await;
        assert!(
            body.contains("Terlalu banyak percobaan yang gagal"),
            "{body}"
        );
        assert!(body.contains("Coba lagi setelah"));
    }
    // Other accounts are not affected.
    app.login("perencana.magelang").await;
    // The lock lifts when the failures age out of the window.
    sqlx::query("UPDATE login_attempts SET at = at - interval '16 minutes'")
        .execute(&app.db)
        .await
        .unwrap();
    app.login("kepala.bapperida").await;
}

#[tokio::test]
async fn many_failures_from_one_address_are_refused_across_accounts() {
    let app = spawn_app_with(|c| c.throttle.addr_lock_after = 6).await;
    for i in 0..6 {
        let name = format!("tebakan.{i}");
        let res = app
            .post_form(
                &client(),
                "/login",
                &[
                    ("username", name.as_str()),
                    ("password", "salah-salah-salah"),
                ],
            )
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app.password_step(&client(), "admin.magelang").await;
    assert_eq!(res.status(), 429);
}

#[tokio::test]
async fn a_deactivated_account_cannot_sign_in() {
    let app = spawn_app().await;
    sqlx::query("UPDATE users SET active = false WHERE username = 'desa.plosorejo'")
        .execute(&app.db)
        .await
        .unwrap();
    let res = app.password_step(&client(), "desa.plosorejo").await;
    assert_eq!(res.status(), 401);
    assert!(
        text(res)
            .await
            .contains("Nama pengguna atau kata sandi salah")
    );
}

#[tokio::test]
async fn changing_ones_password_ends_the_other_sessions() {
    let app = spawn_app().await;
    let laptop = app.login("perencana.blitar").await;
    let phone = app.login("perencana.blitar").await;
    let new_pw = "sawah hijau di kademangan pagi";

    // Mistakes come back next to their fields; nothing changes.
    let res = app
        .post_form(
            &laptop,
            "/akun/kata-sandi",
            &[
                ("current", "keliru-sekali-ini"),
                ("new_password", "pendek"),
                ("confirm", "pendek"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(body.contains("Kata sandi saat ini salah"));
    assert!(body.contains("minimal 12 karakter"));
    assert!(
        text(app.get(&phone, "/").await)
            .await
            .contains("Selamat datang")
    );

    let res = app
        .post_form(
            &laptop,
            "/akun/kata-sandi",
            &[
                ("current", PASSWORD),
                ("new_password", new_pw),
                ("confirm", new_pw),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&laptop, "/").await)
            .await
            .contains("Selamat datang")
    );
    assert!(
        !text(app.get(&phone, "/").await)
            .await
            .contains("Selamat datang")
    );
    let res = app
        .post_form(
            &client(),
            "/login",
            &[("username", "perencana.blitar"), ("password", new_pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn health_and_readiness() {
    let app = spawn_app().await;
    let c = client();
    assert_eq!(app.get(&c, "/healthz").await.status(), 200);
    assert_eq!(app.get(&c, "/readyz").await.status(), 200);
    // The server shares this pool: without a database it is alive but not ready.
    app.db.close().await;
    assert_eq!(app.get(&c, "/readyz").await.status(), 503);
    assert_eq!(app.get(&c, "/healthz").await.status(), 200);
}

/// Forty wrong passwords at once for one account: check and record are one
/// step, so no more than the limit (10) are ever evaluated.
#[tokio::test]
async fn parallel_guesses_stay_within_the_limit() {
    let app = spawn_app().await;
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let url = app.url("/login");
        tasks.push(tokio::spawn(async move {
            client()
                .post(url)
                .form(&[
                    ("username", "kepala.bapperida"),
                    ("password", "salah-salah-salah"),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let evaluated = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(evaluated, 10, "{statuses:?}");
    assert_eq!(refused, 30, "{statuses:?}");
    let res = app.password_step(&client(), "kepala.bapperida").await;
    assert_eq!(res.status(), 429);
}

/// A burst of sign-ins beyond the Argon2 turns gets a busy answer that
/// says when to come back, never a failure or an unbounded queue.
#[tokio::test]
async fn password_checks_beyond_their_turns_are_answered_busy() {
    let app = spawn_app_with(|c| {
        c.password_slots = 1;
        c.password_wait = std::time::Duration::ZERO;
    })
    .await;
    let mut tasks = Vec::new();
    for i in 0..12 {
        let url = app.url("/login");
        tasks.push(tokio::spawn(async move {
            let res = client()
                .post(url)
                .form(&[
                    ("username", format!("orang.{i}")),
                    ("password", "salah-salah-salah".to_string()),
                ])
                .send()
                .await
                .unwrap();
            let retry = res.headers().get("retry-after").is_some();
            (res.status().as_u16(), retry)
        }));
    }
    let mut got = Vec::new();
    for t in tasks {
        got.push(t.await.unwrap());
    }
    assert!(got.iter().all(|(s, _)| *s == 401 || *s == 503), "{got:?}");
    assert!(got.iter().any(|(s, _)| *s == 503), "{got:?}");
    assert!(
        got.iter().filter(|(s, _)| *s == 503).all(|(_, r)| *r),
        "{got:?}"
    );
}

#[tokio::test]
async fn the_current_password_check_is_throttled_too() {
    let app = spawn_app().await;
    let c = app.login("pkk.magelang").await;
    for _ in 0..10 {
        let res = app
            .post_form(
                &c,
                "/akun/kata-sandi",
                &[
                    ("current", "bukan-kata-sandinya"),
                    ("new_password", "lereng merapi hijau sekali"),
                    ("confirm", "lereng merapi hijau sekali"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
    }
    let res = app
        .post_form(
            &c,
            "/akun/kata-sandi",
            &[
                ("current", PASSWORD),
                ("new_password", "lereng merapi hijau sekali"),
                ("confirm", "lereng merapi hijau sekali"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Terlalu banyak percobaan"));
}

/// Staff: the password opens only the second step; a right code (once),
/// or a recovery code, opens the rest; wrong codes are throttled.
#[tokio::test]
async fn staff_sign_in_with_a_one_time_code() {
    let app = spawn_app_with(|c| c.totp_refuse_replay = true).await;
    // Community members have no second step.
    let res = app.password_step(&client(), "pkk.magelang").await;
    assert_eq!(res.headers()["location"], "/");

    let c = client();
    let res = app.password_step(&c, "perencana.magelang").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login/kode?next=/");
    // Until the code, the session opens nothing.
    let res = app.get(&c, "/kotak-masuk").await;
    assert_eq!(res.headers()["location"], "/login?next=/kotak-masuk");
    let res = app
        .post_form(&c, "/login/kode", &[("kode", "000000"), ("next", "/")])
        .await;
    assert_eq!(res.status(), 401);
    assert!(text(res).await.contains("Kode salah"));
    let code = common::demo_code();
    let res = app
        .post_form(&c, "/login/kode", &[("kode", &code), ("next", "/")])
        .await;
    assert_eq!(res.status(), 303);
    assert!(session_cookie(res.headers()).is_some());
    assert_eq!(app.get(&c, "/kotak-masuk").await.status(), 200);

    // The same code does not open a second session.
    let c2 = client();
    app.password_step(&c2, "perencana.magelang").await;
    let res = app
        .post_form(&c2, "/login/kode", &[("kode", &code), ("next", "/")])
        .await;
    assert_eq!(res.status(), 401);

    // Wrong codes are throttled like passwords: after ten, even a right
    // one is refused.
    let c3 = client();
    app.password_step(&c3, "kepala.bapperida").await;
    for _ in 0..9 {
        let res = app
            .post_form(&c3, "/login/kode", &[("kode", "123456"), ("next", "/")])
            .await;
        assert_eq!(res.status(), 401);
    }
    let res = app
        .post_form(&c3, "/login/kode", &[("kode", "123456"), ("next", "/")])
        .await;
    assert!(res.status() == 401 || res.status() == 429);
    let res = app
        .post_form(
            &c3,
            "/login/kode",
            &[("kode", &common::demo_code()), ("next", "/")],
        )
        .await;
    assert_eq!(res.status(), 429);
    assert!(text(res).await.contains("Terlalu banyak percobaan"));
}

/// A staff member without a second factor sets it up at sign-in, keeps
/// recovery codes (each good once), and an admin can reset it.
#[tokio::test]
async fn enrolment_recovery_codes_and_an_admin_reset() {
    let app = spawn_app().await;
    sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE username = 'perencana.magelang'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let c = client();
    let res = app.password_step(&c, "perencana.magelang").await;
    assert_eq!(res.headers()["location"], "/login/daftar-kode?next=/");
    let res = app.get(&c, "/login/kode?next=/").await;
    assert_eq!(res.headers()["location"], "/login/daftar-kode?next=/");
    let page = text(app.get(&c, "/login/daftar-kode?next=/").await).await;
    assert!(page.contains("<svg"), "{page}");
    assert!(page.contains(r#"autocomplete="one-time-code""#));
    let key: String = page
        .split(r#"<code class="key">"#)
        .nth(1)
        .and_then(|r| r.split("</code>").next())
        .unwrap()
        .replace(' ', "");
    let secret = selaras::auth::totp::from_base32(&key).unwrap();
    assert_eq!(secret.len(), 20);
    assert!(
        !key.starts_with("SELARASDEMO"),
        "a fresh secret, not the demo's"
    );
    let res = app
        .post_form(
            &c,
            "/login/daftar-kode",
            &[("kode", "111111"), ("next", "/")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let code = selaras::auth::totp::code_now(&secret);
    let res = app
        .post_form(&c, "/login/daftar-kode", &[("kode", &code), ("next", "/")])
        .await;
    assert_eq!(res.status(), 200);
    assert!(session_cookie(res.headers()).is_some());
    let page = text(res).await;
    let codes: Vec<String> = page
        .split("<li><code>")
        .skip(1)
        .filter_map(|r| r.split("</code>").next())
        .map(str::to_string)
        .collect();
    assert_eq!(codes.len(), 10, "{page}");
    assert_eq!(app.get(&c, "/kotak-masuk").await.status(), 200);
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM recovery_codes r JOIN users u ON u.id = r.user_id
         WHERE u.username = 'perencana.magelang' AND r.code_hash <> convert_to($1, 'UTF8')",
    )
    .bind(&codes[0])
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stored, 10);

    // A recovery code signs in once.
    for expected in [303, 401] {
        let c = client();
        app.password_step(&c, "perencana.magelang").await;
        let res = app
            .post_form(&c, "/login/kode", &[("kode", &codes[3]), ("next", "/")])
            .await;
        assert_eq!(res.status(), expected);
    }

    // An admin resets it (not his own), audited and told; the planner's
    // sessions end and the next sign-in sets it up again.
    let admin = app.login("admin.magelang").await;
    let admin_id = app.user_id("admin.magelang").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{admin_id}/faktor-kedua"),
            &[("yakin", "ya")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let planner_id = app.user_id("perencana.magelang").await;
    let path = format!("/admin/pengguna/{planner_id}/faktor-kedua");
    let res = app.post_form(&admin, &path, &[]).await;
    assert_eq!(res.status(), 422);
    let res = app.post_form(&admin, &path, &[("yakin", "ya")]).await;
    assert_eq!(res.status(), 303);
    // Four eyes: the same admin may not also set this account's password
    // (together they would let one admin sign in as the planner).
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{planner_id}/kata-sandi"),
            &[("password", "lereng sumbing berkabut tebal")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("administrator lain"));
    assert_eq!(
        app.get(&c, "/kotak-masuk").await.headers()["location"],
        "/login?next=/kotak-masuk"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'reset_second_factor' AND actor_id = $1",
    )
    .bind(admin_id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    let res = app.password_step(&client(), "perencana.magelang").await;
    assert_eq!(res.headers()["location"], "/login/daftar-kode?next=/");
    let told: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE user_id = $1 AND title LIKE 'Verifikasi dua langkah%'",
    )
    .bind(planner_id)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(told, 1);
}

/// A role that needs the second factor, granted while the person is signed
/// in without one, opens nothing until they sign in again through it.
#[tokio::test]
async fn a_staff_role_granted_mid_session_asks_for_the_second_factor() {
    let app = spawn_app().await;
    let pkk = app.login("pkk.magelang").await;
    assert_eq!(app.get(&pkk, "/kotak-masuk").await.status(), 200);
    let admin = app.login("admin.magelang").await;
    let pkk_id = app.user_id("pkk.magelang").await;
    let org = app.region_org_id("33.71", "bapperida").await;
    let org = org.to_string();
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{pkk_id}/keanggotaan"),
            &[("organization_id", org.as_str()), ("role", "planner")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app.get(&pkk, "/kotak-masuk").await;
    assert_eq!(res.headers()["location"], "/login?next=/kotak-masuk");
    let res = app.password_step(&client(), "pkk.magelang").await;
    assert_eq!(res.headers()["location"], "/login/daftar-kode?next=/");
}

/// Issue 18, point 1: each role's home is its work queue, with links
/// straight to the thing, and nothing the person may not see.
#[tokio::test]
async fn each_role_finds_its_work_queue_on_the_home_page() {
    let app = spawn_app().await;
    let (rkpd, renja): (uuid::Uuid, uuid::Uuid) = sqlx::query_as(
        "SELECT (SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd'),
                (SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'renja')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let home = |who: &'static str| {
        let app = &app;
        async move {
            let c = app.login(who).await;
            let res = app.get(&c, "/").await;
            assert_eq!(res.status(), 200);
            text(res).await
        }
    };
    // A planner: proposals to decide, the plans being drafted with their
    // next step, comments waiting for tindak lanjut, and Cek.
    let page = home("perencana.magelang").await;
    assert!(page.contains("Usulan yang menunggu keputusan Anda"));
    assert!(page.contains("Jadwal Musrenbang") && page.contains("href=\"/musyawarah\""));
    assert!(page.contains(&format!("href=\"/rencana/{rkpd}/cek\"")));
    assert!(page.contains("tahap berikut: Rancangan; jadwal tahap ini berakhir"));
    assert!(page.contains("Masukan menunggu tindak lanjut"));
    assert!(!page.contains("Staf tanpa verifikasi"), "not the admin's");
    assert!(page.contains("Diubah sejak Cek terakhir"), "no Cek run yet");
    // Once Cek ran, home counts its errors (kept until the next change).
    let planner = app.login("perencana.magelang").await;
    let cek = text(app.get(&planner, &format!("/rencana/{rkpd}/cek")).await).await;
    assert!(cek.contains("K01"));
    let page = text(app.get(&planner, "/").await).await;
    assert!(page.contains("kesalahan dan"), "{page}");
    // An approver: the empty state, then the plan once it waits.
    let page = home("kepala.bapperida").await;
    assert!(page.contains("Tidak ada rencana yang menunggu penetapan"));
    sqlx::query("UPDATE plans SET stage = 'menunggu_penetapan' WHERE id = $1")
        .bind(renja)
        .execute(&app.db)
        .await
        .unwrap();
    let page = home("kepala.bapperida").await;
    assert!(page.contains(&format!("href=\"/rencana/{renja}#tahapan\"")));
    // A village operator: "Ajukan usulan" first, then its proposals.
    let page = home("kelurahan.rejowinangun").await;
    let queue = page.split("class=\"work\"").nth(1).unwrap();
    let first = queue.find("<li>").unwrap();
    assert_eq!(
        queue[first..].find("href=\"/usulan/baru\""),
        Some("<li><a ".len()),
        "Ajukan usulan comes first"
    );
    assert!(
        queue
            .trim_start()
            .starts_with(">\n    \n    <li><a href=\"/usulan/baru\">Ajukan usulan</a>"),
        "{queue}"
    );
    assert!(!page.contains("Cek Keselarasan"));
    // Its proposals by status lead to its own list, with the same count.
    let link = page
        .split("href=\"/usulan?saya=1&#38;status=")
        .nth(1)
        .expect("a link to its own proposals");
    let status = link.split('"').next().unwrap();
    let count: String = link
        .split("class=\"count\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_string();
    let village = app.login("kelurahan.rejowinangun").await;
    let list = text(
        app.get(&village, &format!("/usulan?saya=1&status={status}"))
            .await,
    )
    .await;
    assert!(list.contains("Usulan saya"));
    assert_eq!(
        list.matches("href=\"/usulan/USL-").count(),
        count.parse::<usize>().unwrap(),
        "{list}"
    );
    // Community: the open consultation, not the internal draft Renja.
    let page = home("pkk.magelang").await;
    assert!(
        page.contains(
            "Konsultasi publik: Rencana Kerja Pemerintah Daerah Kota Magelang Tahun 2026"
        )
    );
    assert!(!page.contains(&renja.to_string()), "a draft stays internal");
    assert!(page.contains("Kirim aspirasi"));
    // DPRD: what changed since it last looked, and the pokir form.
    let page = home("dprd.magelang").await;
    assert!(page.contains("Berubah sejak terakhir Anda tandai"));
    assert!(page.contains("Ajukan pokok-pokok pikiran"));
    // An agency: its own Renja and the Cek findings of its items.
    let page = home("dinkes.magelang").await;
    assert!(page.contains(&format!("href=\"/rencana/{renja}\"")));
    assert!(page.contains("Temuan Cek untuk perangkat daerah Anda"));
    assert!(
        !page.contains("untuk diperingkat dan diteruskan"),
        "no kecamatan"
    );
    // A kecamatan: the desa's proposals waiting to be ranked and
    // forwarded, counted, and the list of its area; not an agency's queue.
    let (kode, forwarded): (String, i64) = sqlx::query_as(
        "SELECT o.wilayah_kode,
                (SELECT count(*) FROM proposals p JOIN regions w ON w.kode = p.wilayah_kode
                  WHERE w.parent_kode = o.wilayah_kode AND p.status = 'diteruskan_kecamatan')
           FROM organizations o JOIN memberships m ON m.organization_id = o.id
           JOIN users u ON u.id = m.user_id WHERE u.username = 'kecamatan.magelangtengah'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(forwarded > 0, "the demo has proposals at the kecamatan");
    let page = home("kecamatan.magelangtengah").await;
    // Its Musrenbang: the meetings and the calendar, a click away.
    assert!(page.contains("href=\"/musyawarah\"") && page.contains("href=\"/usulan/jadwal\""));
    let kec = page
        .split("untuk diperingkat dan diteruskan</a>")
        .nth(1)
        .expect("the kecamatan's queue");
    assert!(
        kec.trim_start()
            .starts_with(&format!("<span class=\"count\">{forwarded}</span>")),
        "{kec}"
    );
    assert!(page.contains(&format!("href=\"/usulan?kecamatan={kode}\"")));
    assert!(!page.contains("Temuan Cek untuk perangkat daerah Anda"));
    // An admin: invitations not taken yet, counted.
    let admin = app.login("admin.magelang").await;
    let org = app.region_org_id("33.71", "dinkes").await;
    app.post_form(
        &admin,
        "/admin/pengguna/baru",
        &[
            ("username", "puskesmas.magelang"),
            ("full_name", "Operator Puskesmas"),
            ("email", ""),
            ("password", ""),
            ("organization_id", &org.to_string()),
            ("role", "agency"),
        ],
    )
    .await;
    let page = text(app.get(&admin, "/").await).await;
    let invited = page
        .split("Undangan yang belum dipakai</a>")
        .nth(1)
        .unwrap();
    assert!(
        invited
            .trim_start()
            .starts_with("<span class=\"count\">1</span>"),
        "{invited}"
    );
}

/// The second-factor enrolment page shows the secret: it is never
/// compressed (nothing whose length could be measured) nor cached.
#[tokio::test]
async fn the_enrolment_page_with_its_secret_is_never_compressed() {
    let app = spawn_app().await;
    sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE username = 'perencana.blitar'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let c = client();
    let res = app
        .post_form(
            &c,
            "/login",
            &[("username", "perencana.blitar"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = c
        .get(app.url("/login/daftar-kode"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("content-encoding").is_none());
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-transform")
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains("one-time-code") || page.contains("<svg"),
        "{page}"
    );
}

/// Sessions kept for reading pages (issue 15): a write reads its session
/// afresh, so a session ended elsewhere (on another instance) can read a
/// page here for the kept while at most, and can never write; and the
/// write makes this instance forget what it kept.
#[tokio::test]
async fn a_kept_session_reads_pages_and_never_writes() {
    let app = spawn_app_with(|c| c.session_cache = std::time::Duration::from_secs(60)).await;
    let c = app.login("pkk.magelang").await;
    assert_eq!(app.get(&c, "/kotak-masuk").await.status(), 200);
    sqlx::query(
        "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'pkk.magelang')",
    )
    .execute(&app.db)
    .await
    .unwrap();
    assert_eq!(
        app.get(&c, "/kotak-masuk").await.status(),
        200,
        "read within the kept while"
    );
    let res = app.post_form(&c, "/kotak-masuk/baca-semua", &[]).await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login"),
        "the write is refused"
    );
    let res = app.get(&c, "/kotak-masuk").await;
    assert_eq!(res.status(), 303, "forgotten after the write");
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}
