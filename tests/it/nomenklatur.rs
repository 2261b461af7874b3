//! Importing a region's nomenclature additions from CSV: preview first,
//! every bad row named, nothing changed by a bad file.

use crate::common;

use common::{TestApp, spawn_app, text};

async fn upload(app: &TestApp, c: &reqwest::Client, csv: &str) -> reqwest::Response {
    let part = reqwest::multipart::Part::text(csv.to_string())
        .file_name("tambahan.csv")
        .mime_str("text/csv")
        .unwrap();
    c.post(app.url("/admin/nomenklatur/pratinjau"))
        .multipart(reqwest::multipart::Form::new().part("berkas", part))
        .send()
        .await
        .unwrap()
}

async fn additions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM nomenklatur WHERE region_kode = '33.71'")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

const GOOD: &str = "kode,level,nama,indikator,satuan\n\
1.02.02.2.01.0901,sub_kegiatan,Penyediaan Layanan Posyandu Keliling,Jumlah posyandu keliling yang beroperasi,Unit\n\
1.02.02.2.90,kegiatan,Kegiatan Percepatan Penurunan Stunting Kota,,\n\
1.02.02.2.90.0001,sub_kegiatan,Pendampingan Keluarga Berisiko Stunting,Jumlah keluarga didampingi,Keluarga\n";

#[tokio::test]
async fn a_good_file_is_previewed_then_imported_once() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    assert!(
        text(app.get(&admin, "/admin/nomenklatur").await)
            .await
            .contains("Belum ada kode tambahan")
    );

    let res = upload(&app, &admin, GOOD).await;
    assert_eq!(res.status(), 200);
    let body = text(res).await;
    assert!(body.contains("3 baris siap diimpor"), "{body}");
    assert!(body.contains("Impor 3 kode"));
    assert_eq!(additions(&app).await, 0, "the preview changes nothing");

    let res = app
        .post_form(&admin, "/admin/nomenklatur/impor", &[("csv", GOOD)])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(additions(&app).await, 3);
    let page = text(app.get(&admin, "/admin/nomenklatur").await).await;
    assert!(page.contains("Pendampingan Keluarga Berisiko Stunting"));
    let audit: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE entity = 'nomenklatur' AND action = 'import'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(audit, 1);
    // Importing the same file again is refused: the codes exist now.
    let res = app
        .post_form(&admin, "/admin/nomenklatur/impor", &[("csv", GOOD)])
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(additions(&app).await, 3);
}

#[tokio::test]
async fn a_bad_file_lists_every_bad_row_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.login("admin.magelang").await;
    let bad = "kode,level,nama,indikator,satuan\n\
1.02.02.2.01.0901,sub_kegiatan,Baik,,\n\
1.02.02.2.01.0001,sub_kegiatan,Sudah ada secara nasional,,\n\
1.02.77.2.01,kegiatan,Induk tidak ada,,\n\
1.2.3,program,Format salah,,\n\
1.02.02.2.01.0902,program,Level salah,,\n";
    let res = upload(&app, &admin, bad).await;
    assert_eq!(res.status(), 422);
    let body = text(res).await;
    assert!(body.contains("Tidak ada yang disimpan"));
    for line in [
        "Baris 3: Kode 1.02.02.2.01.0001 sudah ada",
        "Baris 4: Induk 1.02.77",
        "Baris 5:",
        "Baris 6:",
    ] {
        assert!(body.contains(line), "{line} missing in {body}");
    }
    assert!(!body.contains("Baris 2:"), "the good row has no error");
    assert!(
        !body.contains("/admin/nomenklatur/impor"),
        "no way to import a bad file"
    );
    // Posting it to the import anyway changes nothing either.
    let res = app
        .post_form(&admin, "/admin/nomenklatur/impor", &[("csv", bad)])
        .await;
    assert_eq!(res.status(), 422);
    assert_eq!(additions(&app).await, 0);
    // Not a CSV at all.
    let res = upload(&app, &admin, "no header here").await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Baris 1: Baris judul harus"));
}

#[tokio::test]
async fn only_the_regions_admin_imports() {
    let app = spawn_app().await;
    for who in ["perencana.magelang", "dinkes.magelang", "perencana.blitar"] {
        let c = app.login(who).await;
        assert_eq!(
            app.get(&c, "/admin/nomenklatur").await.status(),
            403,
            "{who}"
        );
        assert_eq!(upload(&app, &c, GOOD).await.status(), 403, "{who}");
        let res = app
            .post_form(&c, "/admin/nomenklatur/impor", &[("csv", GOOD)])
            .await;
        assert_eq!(res.status(), 403, "{who}");
    }
    assert_eq!(additions(&app).await, 0);
}

/// Issue 14, point 8: a province brings in its own kegiatan (province
/// authority: digit 1 after the program), which the kab/kota list lacks;
/// its plans may use them, a kab/kota's may not.
#[tokio::test]
async fn a_province_imports_kegiatan_under_province_authority() {
    let app = spawn_app().await;
    let admin = app.login("admin.jateng").await;
    let csv = "kode,level,nama,indikator,satuan\n\
1.02.02.1.01,kegiatan,Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Provinsi,,\n\
1.02.02.1.01.0001,sub_kegiatan,Pengembangan Rumah Sakit,Jumlah rumah sakit yang ditingkatkan sarana prasarananya,Unit\n";
    let res = upload(&app, &admin, csv).await;
    assert_eq!(res.status(), 200);
    assert!(text(res).await.contains("2 baris siap diimpor"));
    let res = app
        .post_form(&admin, "/admin/nomenklatur/impor", &[("csv", csv)])
        .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&admin, "/admin/nomenklatur").await).await;
    assert!(page.contains("1.02.02.1.01.0001") && page.contains("Pengembangan Rumah Sakit"));
    let kode = selaras::domain::kode::KodeNomenklatur::parse("1.02.02.1.01.0001").unwrap();
    let mut conn = app.db.acquire().await.unwrap();
    let province = selaras::store::nomenklatur::lookup(&mut conn, "33", &kode)
        .await
        .unwrap();
    assert_eq!(
        province.map(|e| e.nama).as_deref(),
        Some("Pengembangan Rumah Sakit")
    );
    let kota = selaras::store::nomenklatur::lookup(&mut conn, "33.71", &kode)
        .await
        .unwrap();
    assert!(kota.is_none(), "not a kab/kota's code");
    // Kota Magelang's admin does not see the province's additions.
    let magelang = app.login("admin.magelang").await;
    let page = text(app.get(&magelang, "/admin/nomenklatur").await).await;
    assert!(!page.contains("Pengembangan Rumah Sakit"));
}
