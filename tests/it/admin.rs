//! The admin area: only an admin, only their own region; users,
//! organizations and memberships; confirmation, conflicts, audit.

use crate::common;

use common::{client, spawn_app, text};

#[tokio::test]
async fn admin_pages_are_refused_to_every_other_role_with_a_reason() {
    let app = spawn_app().await;
    for who in [
        "perencana.magelang",
        "kepala.bapperida",
        "dinkes.magelang",
        "kelurahan.rejowinangun",
        "pkk.magelang",
        "dprd.magelang",
        "perencana.blitar",
        "desa.plosorejo",
    ] {
        let c = app.login(who).await;
        for path in [
            "/admin",
            "/admin/pengguna",
            "/admin/pengguna/baru",
            "/admin/organisasi",
        ] {
            let res = app.get(&c, path).await;
            assert_eq!(res.status(), 403, "{who} {path}");
            let body = text(res).await;
            assert!(body.contains("Akses ditolak"), "{who} {path}");
            assert!(body.contains("peran Administrator"), "{who} {path}: {body}");
        }
        // Nor can they post to it.
        let res = app
            .post_form(
                &c,
                "/admin/organisasi/baru",
                &[("kind", "lembaga"), ("code", "x"), ("name", "Lembaga X")],
            )
            .await;
        assert_eq!(res.status(), 403, "{who}");
    }
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM organizations WHERE code = 'x'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 0);
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_sign_in() {
    let app = spawn_app().await;
    let res = app.get(&client(), "/admin").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login?next=/admin");
}

#[tokio::test]
async fn an_admin_cannot_see_or_change_another_regions_records() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let blitar_user = app.user_id("perencana.blitar").await;
    let res = app
        .get(&admin, &format!("/admin/pengguna/{blitar_user}"))
        .await;
    assert_eq!(res.status(), 403);
    let body = text(res).await;
    assert!(body.contains("milik wilayah lain"), "{body}");
    assert!(
        !body.contains("Ahmad Fauzi"),
        "another region's data leaked"
    );

    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{blitar_user}/nonaktifkan"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{blitar_user}"),
            &[
                ("full_name", "Diubah Magelang"),
                ("email", ""),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 403);
    let (active, name): (bool, String) =
        sqlx::query_as("SELECT active, full_name FROM users WHERE id = $1")
            .bind(blitar_user)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert!(active);
    assert_eq!(name, "Ahmad Fauzi");

    let blitar_org = app.region_org_id("35.05", "desa-plosorejo").await;
    assert_eq!(
        app.get(&admin, &format!("/admin/organisasi/{blitar_org}"))
            .await
            .status(),
        403
    );
    // The lists show only Kota Magelang.
    let list = text(app.get(&admin, "/admin/pengguna").await).await;
    assert!(list.contains("perencana.magelang"));
    assert!(!list.contains("perencana.blitar"));
    let orgs = text(app.get(&admin, "/admin/organisasi").await).await;
    assert!(orgs.contains("Dinas Kesehatan Kota Magelang"));
    assert!(!orgs.contains("Plosorejo"));
}

#[tokio::test]
async fn an_admin_creates_a_user_who_can_then_sign_in() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let page = text(app.get(&admin, "/admin/pengguna/baru").await).await;
    assert!(page.contains("Dinas Pendidikan dan Kebudayaan Kota Magelang"));
    let org = app.region_org_id("33.71", "disdikbud").await;
    let pw = "candi borobudur di kala senja";
    let org_s = org.to_string();
    let res = app
        .post_form(
            &admin,
            "/admin/pengguna/baru",
            &[
                ("username", "Disdikbud.Magelang"),
                ("full_name", "Yuliana Pratiwi"),
                ("email", "yuliana@magelangkota.go.id"),
                ("password", pw),
                ("organization_id", &org_s),
                ("role", "agency"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let detail = text(app.get(&admin, &location).await).await;
    assert!(detail.contains("Data berhasil dibuat"));
    assert!(detail.contains("disdikbud.magelang"));
    assert!(detail.contains("Perangkat daerah"));

    let audit: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log a JOIN users u ON u.username = 'admin.magelang'
         WHERE a.actor_id = u.id AND a.entity IN ('user', 'membership') AND a.action = 'create'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(
        audit, 2,
        "one audit row for the user, one for the membership"
    );

    let res = app
        .post_form(
            &client(),
            "/login",
            &[("username", "disdikbud.magelang"), ("password", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn bad_input_comes_back_next_to_its_field_and_nothing_is_created() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &admin,
            "/admin/pengguna/baru",
            &[
                ("username", "perencana.magelang"),
                ("full_name", "Nama Yang Diketik"),
                ("email", "bukan-email"),
                ("password", "password1234"),
                ("organization_id", ""),
                ("role", "raja"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(body.contains(r#"id="email-error""#), "{body}");
    assert!(body.contains("Alamat email tidak valid"));
    assert!(body.contains(r#"id="password-error""#));
    assert!(body.contains("terlalu umum"));
    assert!(body.contains(r#"id="organization_id-error""#));
    assert!(body.contains(r#"id="role-error""#));
    // What was typed is still there.
    assert!(body.contains(r#"value="Nama Yang Diketik""#));
    assert!(body.contains(r#"value="bukan-email""#));
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(before, after);

    // A taken username is reported on its field too.
    let org = app.region_org_id("33.71", "dinkes").await;
    let org_s = org.to_string();
    let res = app
        .post_form(
            &admin,
            "/admin/pengguna/baru",
            &[
                ("username", "perencana.magelang"),
                ("full_name", "Orang Lain"),
                ("password", "gunung sumbing tertutup awan"),
                ("organization_id", &org_s),
                ("role", "agency"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Nama pengguna ini sudah dipakai"));
}

#[tokio::test]
async fn deactivation_asks_first_then_ends_the_sessions() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let pkk = app.login("pkk.magelang").await;
    let id = app.user_id("pkk.magelang").await;

    let confirm = app
        .get(&admin, &format!("/admin/pengguna/{id}/nonaktifkan"))
        .await;
    assert_eq!(confirm.status(), 200);
    let body = text(confirm).await;
    assert!(body.contains("Nonaktifkan Sri Wahyuni?"));
    assert!(body.contains("Ya, nonaktifkan"));
    // Opening the confirmation changed nothing.
    assert!(
        text(app.get(&pkk, "/").await)
            .await
            .contains("Selamat datang")
    );

    let res = app
        .post_form(&admin, &format!("/admin/pengguna/{id}/nonaktifkan"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        !text(app.get(&pkk, "/").await)
            .await
            .contains("Selamat datang")
    );
    let res = app.password_step(&client(), "pkk.magelang").await;
    assert_eq!(res.status(), 401);

    let res = app
        .post_form(&admin, &format!("/admin/pengguna/{id}/aktifkan"), &[])
        .await;
    assert_eq!(res.status(), 303);
    app.login("pkk.magelang").await;
}

#[tokio::test]
async fn an_admin_cannot_deactivate_themselves() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let me = app.user_id("admin.magelang").await;
    let res = app
        .post_form(&admin, &format!("/admin/pengguna/{me}/nonaktifkan"), &[])
        .await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("akun Anda sendiri"));
}

#[tokio::test]
async fn a_stale_save_is_refused_with_both_versions_shown() {
    let app = spawn_app().await;
    let first = app.login("admin.magelang").await;
    let second = app.login("admin.magelang").await;
    let id = app.user_id("dinkes.magelang").await;
    let path = format!("/admin/pengguna/{id}");
    // Both opened the form at version 1.
    for c in [&first, &second] {
        assert!(
            text(app.get(c, &path).await)
                .await
                .contains(r#"name="version" value="1""#)
        );
    }
    let res = app
        .post_form(
            &first,
            &path,
            &[
                ("full_name", "Dwi Hartanto, S.K.M."),
                ("email", ""),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &second,
            &path,
            &[
                ("full_name", "dr. Dwi Hartanto"),
                ("email", "dwi@x.id"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 409);
    let body = text(res).await;
    assert!(body.contains("sudah diubah orang lain"));
    assert!(
        body.contains("Dwi Hartanto, S.K.M."),
        "the other person's value"
    );
    assert!(
        body.contains(r#"value="dr. Dwi Hartanto""#),
        "my value kept in the form"
    );
    assert!(body.contains(r#"name="version" value="2""#));
    let saved: String = sqlx::query_scalar("SELECT full_name FROM users WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(saved, "Dwi Hartanto, S.K.M.");
    // Having looked, the second admin saves on top of version 2.
    let res = app
        .post_form(
            &second,
            &path,
            &[
                ("full_name", "dr. Dwi Hartanto"),
                ("email", "dwi@x.id"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn memberships_are_added_and_removed() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let id = app.user_id("dprd.magelang").await;
    let before = text(app.get(&app.login("dprd.magelang").await, "/").await).await;
    assert!(!before.contains("Masyarakat / lembaga"));
    let org = app.org_id("forum-kemitraan").await;
    let org_s = org.to_string();
    // Without a role it comes back, the organization still chosen.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{id}/keanggotaan"),
            &[("organization_id", &org_s), ("role", "")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains(&format!(r#"<option value="{org_s}" selected>"#)),
        "{page}"
    );
    assert!(page.contains("Pilih peran pengguna ini."));
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{id}/keanggotaan"),
            &[("organization_id", &org_s), ("role", "community")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let after = text(app.get(&app.login("dprd.magelang").await, "/").await).await;
    assert!(after.contains("Masyarakat / lembaga"));
    assert!(after.contains("Forum Kemitraan"));

    let mid: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM memberships WHERE user_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(org)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .post_form(
            &admin,
            &format!("/admin/pengguna/{id}/keanggotaan/{mid}/hapus"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM memberships WHERE user_id = $1")
        .bind(id)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn organizations_are_created_and_edited() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    // A kelurahan must say where it is; the form keeps what was typed.
    let res = app
        .post_form(
            &admin,
            "/admin/organisasi/baru",
            &[
                ("kind", "kelurahan"),
                ("code", "kel-baru"),
                ("name", "Kelurahan Baru"),
                ("wilayah_kode", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(body.contains(r#"id="wilayah_kode-error""#));
    assert!(body.contains(r#"value="Kelurahan Baru""#));
    // A place outside the pemda is refused.
    let res = app
        .post_form(
            &admin,
            "/admin/organisasi/baru",
            &[
                ("kind", "desa"),
                ("code", "plosorejo"),
                ("name", "Desa Plosorejo"),
                ("wilayah_kode", "35.05.04.2014"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("tidak berada di dalam pemda Anda"));

    let res = app
        .post_form(
            &admin,
            "/admin/organisasi/baru",
            &[
                ("kind", "lembaga"),
                ("code", "rt-rw"),
                ("name", "Forum RT/RW Kota Magelang"),
                ("wilayah_kode", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let list = text(app.get(&admin, "/admin/organisasi").await).await;
    assert!(list.contains("Forum RT/RW Kota Magelang"));

    // A duplicate code is reported on the code field.
    let res = app
        .post_form(
            &admin,
            "/admin/organisasi/baru",
            &[
                ("kind", "lembaga"),
                ("code", "rt-rw"),
                ("name", "Lain Lagi"),
                ("wilayah_kode", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Kode ini sudah dipakai"));

    let id = app.org_id("rt-rw").await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/organisasi/{id}"),
            &[
                ("kind", "lembaga"),
                ("code", "rt-rw"),
                ("name", "Forum RT/RW"),
                ("wilayah_kode", ""),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (name, active): (String, bool) =
        sqlx::query_as("SELECT name, active FROM organizations WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(name, "Forum RT/RW");
    assert!(!active, "the unchecked box deactivates it");
}

#[tokio::test]
async fn the_audit_log_cannot_be_rewritten() {
    let app = spawn_app().await;
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(n > 0);
    assert!(
        sqlx::query("DELETE FROM audit_log")
            .execute(&app.db)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("UPDATE audit_log SET action = 'x'")
            .execute(&app.db)
            .await
            .is_err()
    );
}

/// A region's kamus usulan grows from the admin page: a refused entry
/// comes back as typed with the message beside the field; an accepted one
/// is offered on the proposal form.
#[tokio::test]
async fn the_kamus_usulan_is_kept_on_its_admin_page() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let page = text(app.get(&admin, "/admin/kamus-usulan").await).await;
    assert!(page.contains("Tambah jenis usulan"), "{page}");
    let dpupr = app.region_org_id("33.71", "dpupr").await;
    let dpupr = dpupr.to_string();
    let res = app
        .post_form(
            &admin,
            "/admin/kamus-usulan",
            &[
                ("nama", "Penerangan jalan gang"),
                ("sub_kegiatan_kode", "1.03.10"),
                ("responsible_org_id", &dpupr),
                ("satuan", "titik"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains(r#"value="Penerangan jalan gang""#), "{page}");
    assert!(page.contains(r#"id="sub_kegiatan_kode-error""#), "{page}");
    assert!(
        page.contains(&format!(r#"<option value="{dpupr}" selected>"#)),
        "{page}"
    );
    let res = app
        .post_form(
            &admin,
            "/admin/kamus-usulan",
            &[
                ("nama", "Penerangan jalan gang"),
                ("sub_kegiatan_kode", "1.03.10.2.01.0034"),
                ("responsible_org_id", &dpupr),
                ("satuan", "titik"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE entity = 'kamus_usulan'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(audited, 1);
    let kel = app.login("kelurahan.rejowinangun").await;
    let form = text(app.get(&kel, "/usulan/baru").await).await;
    assert!(form.contains("Penerangan jalan gang"));
    // Only the region's admin keeps it.
    let planner = app.login("perencana.magelang").await;
    assert_eq!(app.get(&planner, "/admin/kamus-usulan").await.status(), 403);
}

/// The link shown once on the admin's page.
fn link_token(page: &str) -> String {
    let at = page.find("/tautan/").expect("a link on the page") + "/tautan/".len();
    page[at..at + 64].to_string()
}

#[tokio::test]
async fn an_invited_person_sets_their_own_password_once() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let org = app.region_org_id("33.71", "disdikbud").await;
    let res = app
        .post_form(
            &admin,
            "/admin/pengguna/baru",
            &[
                ("username", "operator.disdikbud"),
                ("full_name", "Yuliana Pratiwi"),
                ("email", ""),
                ("password", ""),
                ("organization_id", &org.to_string()),
                ("role", "agency"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "the link is shown in the answer itself");
    let page = text(res).await;
    assert!(page.contains("Tautan undangan"));
    let token = link_token(&page);
    // Nobody can sign in before the link is used.
    let anon = client();
    let res = app
        .post_form(
            &anon,
            "/login",
            &[("username", "operator.disdikbud"), ("password", "!invited")],
        )
        .await;
    assert_ne!(res.status(), 303);

    let page = text(app.get(&anon, &format!("/tautan/{token}")).await).await;
    assert!(page.contains("operator.disdikbud") && page.contains("Selamat datang"));
    let res = app
        .post_form(
            &anon,
            &format!("/tautan/{token}"),
            &[("new_password", "rahasia"), ("confirm", "rahasia")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("id=\"new_password-error\""));
    let pw = "menara air magelang berdiri sejak 1920";
    let res = app
        .post_form(
            &anon,
            &format!("/tautan/{token}"),
            &[("new_password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login?atur=1");
    let res = app
        .post_form(
            &client(),
            "/login",
            &[("username", "operator.disdikbud"), ("password", pw)],
        )
        .await;
    assert_eq!(res.status(), 303, "signs in with the password they chose");
    // Once only.
    let res = app.get(&anon, &format!("/tautan/{token}")).await;
    assert_eq!(res.status(), 404);
    assert!(text(res).await.contains("Tautan tidak berlaku"));
    let invited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'invite'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(invited, 1);
}

#[tokio::test]
async fn a_forgotten_password_is_replaced_through_a_reset_link_from_the_admin() {
    let app = spawn_app().await;
    let login = text(app.get(&client(), "/login").await).await;
    assert!(login.contains("href=\"/lupa-kata-sandi\""));
    let forgot = text(app.get(&client(), "/lupa-kata-sandi").await).await;
    assert!(forgot.contains("admin"));
    let admin = app.login("admin.magelang").await;
    let id = app.user_id("dinkes.magelang").await;
    let res = app
        .post_form(&admin, &format!("/admin/pengguna/{id}/tautan-reset"), &[])
        .await;
    assert_eq!(res.status(), 200);
    let first = link_token(&text(res).await);
    // A second link ends the first.
    let res = app
        .post_form(&admin, &format!("/admin/pengguna/{id}/tautan-reset"), &[])
        .await;
    let token = link_token(&text(res).await);
    assert_eq!(
        app.get(&client(), &format!("/tautan/{first}"))
            .await
            .status(),
        404
    );
    let pw = "jembatan kali progo di musim hujan";
    let res = app
        .post_form(
            &client(),
            &format!("/tautan/{token}"),
            &[("new_password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &client(),
            "/login",
            &[
                ("username", "dinkes.magelang"),
                ("password", common::PASSWORD),
            ],
        )
        .await;
    assert_ne!(res.status(), 303, "the old password no longer works");
    let res = app
        .post_form(
            &client(),
            "/login",
            &[("username", "dinkes.magelang"), ("password", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Another region's admin cannot issue one.
    let other_user = app.user_id("perencana.blitar").await;
    assert_eq!(
        app.post_form(
            &admin,
            &format!("/admin/pengguna/{other_user}/tautan-reset"),
            &[]
        )
        .await
        .status(),
        403
    );
}

#[tokio::test]
async fn every_kecamatan_and_desa_gets_its_organization_in_one_step() {
    let app = spawn_app().await;
    // Only an admin.
    let planner = app.login("perencana.magelang").await;
    assert_eq!(
        app.get(&planner, "/admin/organisasi/dari-wilayah")
            .await
            .status(),
        403
    );
    // The demo made Kota Magelang's kecamatan and kelurahan already.
    let admin = app.login("admin.magelang").await;
    let page = text(app.get(&admin, "/admin/organisasi/dari-wilayah").await).await;
    assert!(page.contains("sudah memiliki organisasi"), "{page}");
    // Without them, one step makes all of them.
    sqlx::query(
        "DELETE FROM organizations o WHERE o.region_kode = '33.71' AND o.kind IN ('kelurahan')
           AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.owner_org_id = o.id)
           AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.proposer_org_id = o.id)",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let places: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM regions r WHERE r.kode LIKE '33.71.%' AND r.level IN ('kecamatan', 'desa', 'kelurahan')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&admin, "/admin/organisasi/dari-wilayah").await).await;
    assert!(page.contains("Buat "), "{page}");
    let res = app
        .post_form(&admin, "/admin/organisasi/dari-wilayah", &[])
        .await;
    assert_eq!(res.status(), 303);
    let covered: i64 = sqlx::query_scalar(
        "SELECT count(DISTINCT o.wilayah_kode) FROM organizations o JOIN regions r ON r.kode = o.wilayah_kode
         WHERE o.region_kode = '33.71' AND r.level IN ('kecamatan', 'desa', 'kelurahan')",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(covered, places, "every place has its organization");
    // Doing it again adds nothing.
    let page = text(app.get(&admin, "/admin/organisasi/dari-wilayah").await).await;
    assert!(page.contains("sudah memiliki organisasi"));
}

#[tokio::test]
async fn a_sheet_of_desa_and_their_operators_comes_in_after_a_preview_and_they_are_invited() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let upload = |body: String| {
        let part = reqwest::multipart::Part::bytes(body.into_bytes()).file_name("pengguna.csv");
        admin
            .post(app.url("/admin/pengguna/impor"))
            .multipart(reqwest::multipart::Form::new().part("berkas", part))
            .send()
    };
    let header =
        "Jenis organisasi,Nama organisasi,Kode wilayah,Nama pengguna,Nama lengkap,Email,Peran\n";
    // One bad row stops everything, and says which.
    let bad = format!(
        "{header}lembaga,Karang Taruna Kota Magelang,,kt.magelang,Andi Saputra,,community\nlembaga,Forum Anak,,Bukan Nama,Rina,,community\n"
    );
    let res = upload(bad).await.unwrap();
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("<td data-label=\"Baris\">3</td>"), "{html}");
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.db)
        .await
        .unwrap();

    let mut good = header.to_string();
    for i in 1..=50 {
        good.push_str(&format!(
            "lembaga,Kelompok Tani Maju {i},,tani.{i},Petani Nomor {i},,community\n"
        ));
    }
    let res = upload(good).await.unwrap();
    assert_eq!(res.status(), 200);
    let html = text(res).await;
    assert!(
        html.contains("<strong>50</strong> organisasi baru")
            && html.contains("<strong>50</strong> pengguna baru")
    );
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after, users, "nothing before the confirmation");
    let csv = html
        .split("name=\"csv\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .replace("&#10;", "\n")
        .replace("&#13;", "\r")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'");
    let res = app
        .post_form(&admin, "/admin/pengguna/impor/simpan", &[("csv", &csv)])
        .await;
    assert_eq!(res.status(), 200);
    let html = text(res).await;
    assert!(html.contains("50 pengguna dibuat"), "{html}");
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after, users + 50);
    // One of them takes their invitation.
    let at = html.find("/tautan/").unwrap() + "/tautan/".len();
    let token = &html[at..at + 64];
    let pw = "sawah hijau di lereng sumbing";
    let res = app
        .post_form(
            &client(),
            &format!("/tautan/{token}"),
            &[("new_password", pw), ("confirm", pw)],
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_kamus_entry_is_edited_and_retired_from_the_proposal_form() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let (id, nama, kode, org, satuan): (uuid::Uuid, String, String, uuid::Uuid, String) = sqlx::query_as(
        "SELECT id, nama, sub_kegiatan_kode, responsible_org_id, satuan FROM kamus_usulan WHERE region_kode = '33.71' ORDER BY nama LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let village = app.login("kelurahan.rejowinangun").await;
    assert!(
        text(app.get(&village, "/usulan/baru").await)
            .await
            .contains(&nama)
    );
    let page = text(app.get(&admin, &format!("/admin/kamus-usulan/{id}")).await).await;
    assert!(page.contains(&format!("value=\"{nama}\"")));
    // A refused edit keeps what was typed.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/kamus-usulan/{id}"),
            &[
                ("nama", "Jalan lingkungan baru"),
                ("sub_kegiatan_kode", "9.99"),
                ("responsible_org_id", &org.to_string()),
                ("satuan", &satuan),
                ("aktif", "ya"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("value=\"Jalan lingkungan baru\""));
    // Renamed, then no longer offered.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/kamus-usulan/{id}"),
            &[
                ("nama", "Jalan lingkungan baru"),
                ("sub_kegiatan_kode", &kode),
                ("responsible_org_id", &org.to_string()),
                ("satuan", &satuan),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let list = text(app.get(&admin, "/admin/kamus-usulan").await).await;
    assert!(list.contains("Jalan lingkungan baru") && list.contains("tidak ditawarkan"));
    let form = text(app.get(&village, "/usulan/baru").await).await;
    assert!(
        !form.contains("Jalan lingkungan baru") && !form.contains(&nama),
        "retired entries are not offered"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'kamus_usulan' AND entity_id = $1",
    )
    .bind(id.to_string())
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn kamus_entries_come_in_from_a_sheet_after_a_preview() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let (kode, agency): (String, String) = sqlx::query_as(
        "SELECT k.sub_kegiatan_kode, o.name FROM kamus_usulan k JOIN organizations o ON o.id = k.responsible_org_id
         WHERE k.region_kode = '33.71' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let upload = |body: String| {
        let part = reqwest::multipart::Part::bytes(body.into_bytes()).file_name("kamus.csv");
        admin
            .post(app.url("/admin/kamus-usulan/impor"))
            .multipart(reqwest::multipart::Form::new().part("berkas", part))
            .send()
    };
    let header = "Nama jenis usulan,Kode sub kegiatan,Perangkat daerah,Satuan\n";
    let bad = format!(
        "{header}Sumur resapan,{kode},\"{agency}\",unit\nTaman baca,9.99.99,Dinas Entah,unit\n"
    );
    let res = upload(bad).await.unwrap();
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("<td data-label=\"Baris\">3</td>"), "{html}");
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM kamus_usulan")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let good = format!(
        "{header}Sumur resapan,{kode},\"{agency}\",unit\nDrainase lingkungan,{kode},\"{agency}\",meter\n"
    );
    let res = upload(good).await.unwrap();
    assert_eq!(res.status(), 200);
    let html = text(res).await;
    assert!(html.contains("<strong>2</strong> jenis usulan baru"));
    let csv = html
        .split("name=\"csv\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'");
    assert_eq!(
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM kamus_usulan")
            .fetch_one(&app.db)
            .await
            .unwrap(),
        before,
        "nothing before the confirmation"
    );
    let res = app
        .post_form(&admin, "/admin/kamus-usulan/impor/simpan", &[("csv", &csv)])
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM kamus_usulan")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after, before + 2);
}

// ---- Citizens sign themselves up (issue 14, point 4) ----

const CITIZEN_PW: &str = "kebun cabai di lereng merapi";

fn signup_form<'a>(username: &'a str, email: &'a str, lembaga: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", "Siti Aminah"),
        ("email", email),
        ("username", username),
        ("password", CITIZEN_PW),
        ("confirm", CITIZEN_PW),
        ("region", "33.71"),
        ("lembaga", lembaga),
    ]
}

async fn org_id(app: &common::TestApp, code: &str) -> String {
    app.region_org_id("33.71", code).await.to_string()
}

/// Signs a citizen in with their password through `c`.
async fn sign_in(app: &common::TestApp, c: &reqwest::Client, username: &str) -> reqwest::Response {
    app.post_form(
        c,
        "/login",
        &[("username", username), ("password", CITIZEN_PW)],
    )
    .await
}

#[tokio::test]
async fn a_citizen_signs_up_confirms_the_email_comments_and_sends_an_aspirasi() {
    let (url, got) = common::fake_smtp().await;
    let app = common::spawn_app_with(|c| {
        c.smtp_url = Some(url);
        c.public_url = "https://selaras.example.id".into();
    })
    .await;
    let anon = client();
    let login = text(app.get(&anon, "/login").await).await;
    assert!(
        login.contains("href=\"/daftar\""),
        "the sign-in page offers sign-up"
    );
    let page = text(app.get(&anon, "/daftar").await).await;
    assert!(page.contains("name=\"email\"") && page.contains("Kota Magelang"));
    assert!(page.contains("PKK"), "the lembaga are offered");
    assert!(
        !page.contains("Warga terdaftar"),
        "not as a lembaga to join"
    );

    // A refused form comes back filled in, the message beside the field.
    let pkk = org_id(&app, "pkk").await;
    let mut bad = signup_form("siti.aminah", "bukan-email", &pkk);
    bad[3] = ("password", "pendek");
    let res = app.post_form(&anon, "/daftar", &bad).await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("id=\"email-error\"") && page.contains("id=\"password-error\""));
    assert!(page.contains("value=\"Siti Aminah\"") && page.contains("value=\"siti.aminah\""));

    let res = app
        .post_form(
            &anon,
            "/daftar",
            &signup_form("siti.aminah", "siti@example.id", &pkk),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(text(res).await.contains("Periksa email Anda"));

    // Not before the email is confirmed.
    let res = sign_in(&app, &client(), "siti.aminah").await;
    assert_eq!(res.status(), 403);
    assert!(text(res).await.contains("belum dikonfirmasi"));
    let mail = common::mail_with(&got, "Konfirmasi pendaftaran").await;
    assert!(
        mail.contains("siti@example.id") && mail.contains("https://selaras.example.id/tautan/")
    );
    let token = common::link_token(&mail);
    // Opening the link (as a mail scanner would) confirms nothing: a
    // button does.
    let page = text(app.get(&anon, &format!("/tautan/{token}")).await).await;
    assert!(page.contains("Konfirmasi email saya"), "{page}");
    assert_eq!(sign_in(&app, &client(), "siti.aminah").await.status(), 403);
    let res = app.post_form(&anon, &format!("/tautan/{token}"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/login?terkonfirmasi=1");
    let again = app.post_form(&anon, &format!("/tautan/{token}"), &[]).await;
    assert_eq!(again.status(), 404, "the link is used once");

    let siti = client();
    let res = sign_in(&app, &siti, "siti.aminah").await;
    assert_eq!(res.status(), 303, "signed in without a second factor");

    // Konsultasi publik of the demo RKPD takes her comment.
    let plan: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd' AND stage = 'konsultasi_publik'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .post_form(
            &siti,
            &format!("/rencana/{plan}/komentar"),
            &[
                ("target", "plan"),
                ("body", "Mohon posyandu RW 04 diberi timbangan bayi."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // On the page of the thread it landed on, for everyone.
    let at = res.headers()["location"].to_str().unwrap().to_string();
    let n = at
        .split("komentar=")
        .nth(1)
        .unwrap()
        .split('#')
        .next()
        .unwrap();
    let page = text(
        app.get(&client(), &format!("/rencana/{plan}?komentar={n}"))
            .await,
    )
    .await;
    assert!(page.contains("timbangan bayi"), "public for everyone");

    // And the proposal form offers her an aspirasi.
    let res = app.get(&siti, "/usulan/baru").await;
    assert_eq!(res.status(), 200);
    let page = text(res).await;
    assert!(page.contains("Aspirasi"), "{page}");
}

#[tokio::test]
async fn joining_a_lembaga_is_decided_by_its_lead_or_a_planner_not_by_another_lembaga() {
    let (url, _got) = common::fake_smtp().await;
    let app = common::spawn_app_with(|c| c.smtp_url = Some(url)).await;
    let pkk = org_id(&app, "pkk").await;
    app.post_form(
        &client(),
        "/daftar",
        &signup_form("siti.aminah", "siti@example.id", &pkk),
    )
    .await;
    // Unconfirmed, the request waits unseen.
    let lead = app.login("pkk.magelang").await;
    let home = text(app.get(&lead, "/").await).await;
    assert!(
        home.contains("href=\"/lembaga/permintaan\""),
        "a lead finds it from home"
    );
    let agency = app.login("dinkes.magelang").await;
    let home = text(app.get(&agency, "/").await).await;
    assert!(!home.contains("/lembaga/permintaan"));
    let page = text(app.get(&lead, "/lembaga/permintaan").await).await;
    assert!(page.contains("Tidak ada permintaan"), "{page}");
    sqlx::query("UPDATE users SET awaiting_confirmation = false WHERE username = 'siti.aminah'")
        .execute(&app.db)
        .await
        .unwrap();
    let page = text(app.get(&lead, "/lembaga/permintaan").await).await;
    assert!(page.contains("Siti Aminah"), "{page}");
    let request: uuid::Uuid = sqlx::query_scalar("SELECT id FROM join_requests")
        .fetch_one(&app.db)
        .await
        .unwrap();
    // The lead of another lembaga neither sees nor decides it.
    let other = app.login("lpm.magelang").await;
    let page = text(app.get(&other, "/lembaga/permintaan").await).await;
    assert!(!page.contains("Siti Aminah"));
    let res = app
        .post_form(
            &other,
            &format!("/lembaga/permintaan/{request}"),
            &[("keputusan", "terima")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let planner = app.login("perencana.magelang").await;
    let page = text(app.get(&planner, "/lembaga/permintaan").await).await;
    assert!(
        page.contains("Siti Aminah"),
        "a planner decides every lembaga's"
    );
    let res = app
        .post_form(
            &lead,
            &format!("/lembaga/permintaan/{request}"),
            &[("keputusan", "terima")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &planner,
            &format!("/lembaga/permintaan/{request}"),
            &[("keputusan", "tolak")],
        )
        .await;
    assert_eq!(res.status(), 409, "decided once");
    let siti = client();
    assert_eq!(sign_in(&app, &siti, "siti.aminah").await.status(), 303);
    let page = text(app.get(&siti, "/akun").await).await;
    assert!(
        page.contains("<strong>TP PKK Kota Magelang</strong>"),
        "{page}"
    );
    let inbox = text(app.get(&siti, "/kotak-masuk").await).await;
    assert!(inbox.contains("Anda kini anggota"), "{inbox}");
    // A request from the profile page reaches the other lead.
    let lpm = org_id(&app, "lpm").await;
    let res = app
        .post_form(
            &siti,
            "/akun/lembaga",
            &[("lembaga", &lpm), ("catatan", "RW 04")],
        )
        .await;
    assert_eq!(res.headers()["location"], "/akun?lembaga=diminta");
    let page = text(app.get(&other, "/lembaga/permintaan").await).await;
    assert!(
        page.contains("Siti Aminah") && page.contains("RW 04"),
        "{page}"
    );
    let inbox = text(app.get(&other, "/kotak-masuk").await).await;
    assert!(inbox.contains("Permintaan bergabung"), "{inbox}");
}

#[tokio::test]
async fn a_taken_email_gets_the_same_answer_and_sign_ups_are_throttled_per_client() {
    let (url, got) = common::fake_smtp().await;
    let app = common::spawn_app_with(|c| c.smtp_url = Some(url)).await;
    sqlx::query("UPDATE users SET email = 'sri@pkk.example.id' WHERE username = 'pkk.magelang'")
        .execute(&app.db)
        .await
        .unwrap();
    let anon = client();
    let res = app
        .post_form(
            &anon,
            "/daftar",
            &signup_form("sri.baru", "SRI@pkk.example.id", ""),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(text(res).await.contains("Periksa email Anda"));
    let mail = common::mail_with(&got, "sudah punya akun").await;
    assert!(mail.contains("pkk.magelang"), "{mail}");
    let made: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE username = 'sri.baru'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(made, 0, "no second account for one address");
    // A taken username is the form's to fix.
    let res = app
        .post_form(
            &anon,
            "/daftar",
            &signup_form("pkk.magelang", "baru@example.id", ""),
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("sudah dipakai"));
    let mut last = 0;
    for i in 0..6 {
        let (u, e) = (format!("warga{i}"), format!("warga{i}@example.id"));
        last = app
            .post_form(&anon, "/daftar", &signup_form(&u, &e, ""))
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429, "a script cannot sign up many accounts");
}

#[tokio::test]
async fn without_a_mail_server_sign_up_points_to_the_admin() {
    let app = spawn_app().await;
    let page = text(app.get(&client(), "/daftar").await).await;
    assert!(page.contains("Hubungi admin"), "{page}");
    assert!(!page.contains("name=\"password\""));
    let res = app
        .post_form(
            &client(),
            "/daftar",
            &signup_form("siti.aminah", "siti@example.id", ""),
        )
        .await;
    assert!(text(res).await.contains("Hubungi admin"));
    let made: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE username = 'siti.aminah'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(made, 0);
}

/// Issue 18, point 5: long admin lists are filtered, with their count.
#[tokio::test]
async fn the_user_and_organization_lists_filter_and_count() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE region_kode = '33.71'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let page = text(app.get(&admin, "/admin/pengguna?cari=pkk").await).await;
    assert!(page.contains(&format!("1 dari {total} pengguna")), "{page}");
    assert!(page.contains("pkk.magelang") && !page.contains(">dinkes.magelang<"));
    let page = text(app.get(&admin, "/admin/pengguna?peran=approver").await).await;
    assert!(page.contains("kepala.bapperida") && !page.contains(">pkk.magelang<"));
    let page = text(app.get(&admin, "/admin/organisasi?jenis=lembaga").await).await;
    assert!(
        page.contains("TP PKK Kota Magelang") && !page.contains("Dinas Kesehatan"),
        "{page}"
    );
    let page = text(
        app.get(&admin, "/admin/organisasi?cari=tidak-ada-yang-begini")
            .await,
    )
    .await;
    assert!(page.contains("Tidak ada organisasi yang cocok"));
    // The kamus usulan: by a word, by a code prefix, by perangkat daerah.
    let page = text(
        app.get(&admin, "/admin/kamus-usulan?cari=rehabilitasi")
            .await,
    )
    .await;
    assert!(page.contains("3 dari 5 jenis usulan"), "{page}");
    assert!(!page.contains(">Kelas ibu hamil<"));
    let page = text(app.get(&admin, "/admin/kamus-usulan?cari=1.02.02").await).await;
    assert!(page.contains("2 dari 5 jenis usulan") && page.contains(">Kelas ibu hamil<"));
    let dinkes = app.region_org_id("33.71", "dinkes").await;
    let page = text(
        app.get(&admin, &format!("/admin/kamus-usulan?pd={dinkes}"))
            .await,
    )
    .await;
    assert!(page.contains("2 dari 5 jenis usulan"), "{page}");
    assert!(page.contains(&format!("<option value=\"{dinkes}\" selected>")));
    // The kerja sama list, for anyone: by a word of the title or partner,
    // by status.
    let page = text(app.get(&client(), "/kerja-sama?cari=borobudur").await).await;
    assert!(page.contains("1 dari 2 kerja sama"), "{page}");
    assert!(page.contains("koridor wisata") && !page.contains("drainase perbatasan"));
    let page = text(app.get(&client(), "/kerja-sama?status=selesai").await).await;
    assert!(page.contains("0 dari 2 kerja sama"));
    assert!(page.contains("Tidak ada kerja sama yang cocok"));
    let res = app
        .get(&client(), "/kerja-sama?status=%27%22&jenis=x&cari=%25_%27")
        .await;
    assert_eq!(res.status(), 200, "odd filters are ignored, not an error");
    assert!(text(res).await.contains("0 dari 2 kerja sama"));
}

#[tokio::test]
async fn a_taken_username_answers_alike_for_any_address_and_a_lost_confirmation_is_sent_again() {
    let (url, got) = common::fake_smtp().await;
    let app = common::spawn_app_with(|c| c.smtp_url = Some(url)).await;
    sqlx::query("UPDATE users SET email = 'sri@pkk.example.id' WHERE username = 'pkk.magelang'")
        .execute(&app.db)
        .await
        .unwrap();
    let anon = client();
    // A taken username with a known and with an unknown address: the same.
    let known = app
        .post_form(
            &anon,
            "/daftar",
            &signup_form("lpm.magelang", "sri@pkk.example.id", ""),
        )
        .await;
    let unknown = app
        .post_form(
            &anon,
            "/daftar",
            &signup_form("lpm.magelang", "baru@example.id", ""),
        )
        .await;
    assert_eq!(known.status(), 422);
    assert_eq!(unknown.status(), 422);
    let error = |p: &str| {
        p.split("id=\"username-error\">")
            .nth(1)
            .map(|s| s.split('<').next().unwrap().to_string())
    };
    assert_eq!(error(&text(known).await), error(&text(unknown).await));
    // Signing up again before confirming sends a new link for the same
    // account; the older link ends.
    app.post_form(
        &anon,
        "/daftar",
        &signup_form("siti.aminah", "siti@example.id", ""),
    )
    .await;
    let first = common::link_token(&common::mail_with(&got, "Konfirmasi pendaftaran").await);
    let res = app
        .post_form(
            &anon,
            "/daftar",
            &signup_form("siti.lagi", "siti@example.id", ""),
        )
        .await;
    assert!(text(res).await.contains("Periksa email Anda"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let second = loop {
        let links: Vec<String> = got
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.contains("Konfirmasi pendaftaran"))
            .map(|m| common::link_token(m))
            .collect();
        if links.len() == 2 {
            break links[1].clone();
        }
        assert!(std::time::Instant::now() < deadline, "no second link");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_ne!(first, second);
    assert_eq!(
        app.post_form(&anon, &format!("/tautan/{first}"), &[])
            .await
            .status(),
        404
    );
    assert_eq!(
        app.post_form(&anon, &format!("/tautan/{second}"), &[])
            .await
            .status(),
        303
    );
    let accounts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE lower(email) = 'siti@example.id'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(accounts, 1);
    let res = sign_in(&app, &client(), "siti.aminah").await;
    assert_eq!(res.status(), 303, "the account of the first sign-up");
}

/// An admin makes a lembaga member its lead, who then decides requests to
/// join it; and can take it back.
#[tokio::test]
async fn an_admin_makes_a_lembaga_member_its_lead_and_back() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let lpm = app.user_id("lpm.magelang").await;
    let mid: uuid::Uuid = sqlx::query_scalar(
        "SELECT m.id FROM memberships m JOIN organizations o ON o.id = m.organization_id
         WHERE m.user_id = $1 AND o.code = 'lpm'",
    )
    .bind(lpm)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&admin, &format!("/admin/pengguna/{lpm}")).await).await;
    assert!(page.contains("Bukan pengurus lagi"), "the demo's lead");
    let url = format!("/admin/pengguna/{lpm}/keanggotaan/{mid}/pengurus");
    let res = app.post_form(&admin, &url, &[("pengurus", "tidak")]).await;
    assert_eq!(res.status(), 303);
    let member = app.login("lpm.magelang").await;
    let home = text(app.get(&member, "/").await).await;
    assert!(!home.contains("/lembaga/permintaan"), "no longer decides");
    let inbox = text(app.get(&member, "/kotak-masuk").await).await;
    assert!(inbox.contains("bukan lagi pengurus"), "{inbox}");
    app.post_form(&admin, &url, &[("pengurus", "ya")]).await;
    let home = text(app.get(&member, "/").await).await;
    assert!(home.contains("/lembaga/permintaan"));
    // Nobody else may: the agency is refused.
    let agency = app.login("dinkes.magelang").await;
    assert_eq!(
        app.post_form(&agency, &url, &[("pengurus", "tidak")])
            .await
            .status(),
        403
    );
}
