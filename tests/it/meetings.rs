//! Meetings: every Musrenbang is one. Its page is public (names on the
//! attendance for the region's people only); its organizer records the
//! attendance, the minutes and decisions that move proposals, each named
//! in the proposal's timeline; the berita acara prints and downloads.

use crate::common;

use common::{client, spawn_app, text};
use uuid::Uuid;

#[tokio::test]
async fn the_demo_musrenbang_kecamatan_is_public_and_names_its_decisions() {
    let app = spawn_app().await;
    let list = text(app.get(&client(), "/musyawarah?wilayah=33.71").await).await;
    assert!(
        list.contains("Musrenbang Kecamatan Magelang Tengah RKPD 2026"),
        "{list}"
    );
    assert!(list.contains("Forum Kemitraan Pembangunan Kota Magelang 2025"));
    let id: Uuid =
        sqlx::query_scalar("SELECT id FROM meetings WHERE kind = 'musrenbang_kecamatan'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    let page = text(app.get(&client(), &format!("/musyawarah/{id}")).await).await;
    assert!(page.contains("Daftar hadir (5 orang)"));
    assert!(!page.contains("Agus Santoso"), "no names for the public");
    assert!(page.contains("Camat Magelang Tengah: 1 orang"));
    // The kecamatan's forwarding decisions were taken there.
    let decided: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT p.nomor FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id WHERE e.meeting_id = $1",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert!(!decided.is_empty());
    for n in &decided {
        assert!(page.contains(&format!("href=\"/usulan/{n}\"")), "{n}");
        let p = text(app.get(&client(), &format!("/usulan/{n}")).await).await;
        assert!(
            p.contains(&format!(
                "Diputuskan dalam <a href=\"/musyawarah/{id}\">Musrenbang Kecamatan"
            )),
            "{n}"
        );
    }
    // The region's people read the names, on the page and the print.
    let kec = app.login("kecamatan.magelangtengah").await;
    let page = text(app.get(&kec, &format!("/musyawarah/{id}")).await).await;
    assert!(page.contains("Drs. Agus Santoso"));
    let print = text(app.get(&kec, &format!("/musyawarah/{id}/cetak")).await).await;
    assert!(print.contains("Berita Acara Musrenbang kecamatan") && print.contains("Tanda tangan"));
    let public_print = text(app.get(&client(), &format!("/musyawarah/{id}/cetak")).await).await;
    assert!(!public_print.contains("Agus Santoso"));
    let x = app
        .get(&kec, &format!("/musyawarah/{id}/berita-acara.xlsx"))
        .await;
    assert_eq!(x.status(), 200);
    assert!(
        x.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("spreadsheetml")
    );
    assert!(x.bytes().await.unwrap().starts_with(b"PK"));
}

#[tokio::test]
async fn the_organizer_records_a_meeting_and_decides_there() {
    let app = spawn_app().await;
    let kec = app.login("kecamatan.magelangtengah").await;
    let kec_org = app.org_id("kec-magelang-tengah").await;
    // A refused form comes back as typed.
    let res = app
        .post_form(
            &kec,
            "/musyawarah/baru",
            &[
                ("jenis", "musrenbang_kecamatan"),
                ("judul", "Pra-Musrenbang RW"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(page.contains("value=\"Pra-Musrenbang RW\"") && page.contains("id=\"tanggal-error\""));
    let org = kec_org.to_string();
    let res = app
        .post_form(
            &kec,
            "/musyawarah/baru",
            &[
                ("jenis", "musrenbang_kecamatan"),
                ("judul", "Musrenbang Kecamatan Magelang Tengah lanjutan"),
                ("tanggal", "2026-02-20"),
                ("tempat", "Aula Kecamatan"),
                ("penyelenggara", &org),
                ("agenda", "Pembahasan usulan tersisa"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let url = res.headers()["location"].to_str().unwrap().to_string();
    let id = url.trim_start_matches("/musyawarah/").to_string();
    // Attendance; a blank name is refused beside its field.
    let res = app
        .post_form(
            &kec,
            &format!("{url}/hadir"),
            &[("nama", " "), ("organisasi", "PKK")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("id=\"nama-error\""));
    let res = app
        .post_form(
            &kec,
            &format!("{url}/hadir"),
            &[("nama", "Sri Wahyuni"), ("organisasi", "PKK")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Someone else's organization may not record it.
    let dinkes = app.login("dinkes.magelang").await;
    let res = app
        .post_form(
            &dinkes,
            &format!("{url}/hadir"),
            &[("nama", "X"), ("organisasi", "Y")],
        )
        .await;
    assert_eq!(res.status(), 403);
    // Minutes, and a stale save keeps what was typed.
    let res = app
        .post_form(
            &kec,
            &format!("{url}/notulen"),
            &[("notulen", "Dibuka pukul 09.00."), ("version", "1")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .post_form(
            &kec,
            &format!("{url}/notulen"),
            &[("notulen", "Versi lama saya"), ("version", "1")],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(text(res).await.contains("Versi lama saya"));
    // A decision at the meeting moves the proposal, named in its timeline.
    let (nomor, version): (String, i32) = sqlx::query_as(
        "SELECT nomor, version FROM proposals WHERE status = 'diteruskan_kecamatan' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&kec, &url).await).await;
    assert!(
        page.contains(&format!("name=\"nomor\" value=\"{nomor}\"")),
        "open for a decision here"
    );
    let v = version.to_string();
    let res = app
        .post_form(
            &kec,
            &format!("{url}/keputusan"),
            &[
                ("nomor", nomor.as_str()),
                ("langkah", "tolak"),
                ("alasan", ""),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "a refusal needs its reason");
    let res = app
        .post_form(
            &kec,
            &format!("{url}/keputusan"),
            &[
                ("nomor", nomor.as_str()),
                ("langkah", "tolak"),
                ("alasan", "jauh"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("value=\"jauh\"") && page.contains(&format!("id=\"a-{nomor}-error\"")),
        "kept beside its field"
    );
    let res = app
        .post_form(
            &kec,
            &format!("{url}/keputusan"),
            &[
                ("nomor", nomor.as_str()),
                ("langkah", "teruskan"),
                ("alasan", "Prioritas 1"),
                ("version", &v),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let status = app.proposal_status(&nomor).await;
    assert_eq!(status, "diteruskan_kabkota");
    let page = text(app.get(&client(), &url).await).await;
    assert!(
        page.contains(&format!("<a href=\"/usulan/{nomor}\">{nomor}</a>"))
            && page.contains("Prioritas 1")
    );
    let p = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    assert!(p.contains(&format!("Diputuskan dalam <a href=\"/musyawarah/{id}\">Musrenbang Kecamatan Magelang Tengah lanjutan</a>")));
    // Accepting into the RKPD is not taken at a meeting; and a meeting of
    // the kecamatan decides only on its own kelurahan's proposals.
    let res = app
        .post_form(
            &kec,
            &format!("{url}/keputusan"),
            &[
                ("nomor", nomor.as_str()),
                ("langkah", "akomodir"),
                ("version", "9"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Pilih keputusan"));
    let (far, far_version): (String, i32) = sqlx::query_as(
        "UPDATE proposals SET status = 'diverifikasi' WHERE id = (SELECT id FROM proposals WHERE wilayah_kode LIKE '33.71.01.%' LIMIT 1)
         RETURNING nomor, version",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let planner = app.login("perencana.magelang").await;
    let fv = far_version.to_string();
    let res = app
        .post_form(
            &planner,
            &format!("{url}/keputusan"),
            &[
                ("nomor", far.as_str()),
                ("langkah", "tolak"),
                ("alasan", "Tidak layak"),
                ("version", &fv),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("di luar wilayah"));
}
