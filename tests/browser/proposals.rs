//! A village operator submits a proposal on a 360 px phone and follows it
//! by its number.

use fantoccini::Locator;

use super::common;
use super::driver::{self, Browser, Viewport, click, fill, select, wait_for_text};

#[tokio::test]
async fn a_village_operator_submits_a_proposal_on_a_phone() {
    let app = common::spawn_app().await;
    let kamus: uuid::Uuid = sqlx::query_scalar(
        "SELECT id FROM kamus_usulan WHERE nama = 'Rehabilitasi jalan lingkungan'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "kelurahan.rejowinangun", common::PASSWORD).await;
    c.goto(&format!("{}/usulan", app.base)).await.unwrap();
    c.find(Locator::LinkText("Ajukan usulan"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(c, "h1", "Ajukan usulan").await;
    driver::assert_accessible(c, "the proposal form on a phone").await;
    // The place is already the operator's own kelurahan.
    let place = c
        .find(Locator::Css("#wilayah_kode"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(place.as_deref(), Some("33.71.03.1003"));
    fill(c, "#title", "Pavingisasi gang RT 02 RW 04").await;
    fill(
        c,
        "#problem",
        "Gang becek dan licin saat hujan; lansia sering terjatuh.",
    )
    .await;
    fill(c, "#solution", "Pemasangan paving 150 meter persegi.").await;
    select(c, "#kamus_id", &kamus.to_string()).await;
    fill(c, "#volume", "150").await;
    fill(c, "#estimated_cost", "45.000.000").await;
    let overflow = c
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        serde_json::Value::Bool(false),
        "the form fits the phone"
    );
    click(c, "form.form button.primary").await;
    let notice = wait_for_text(c, ".notice", "Usulan terkirim dengan nomor").await;
    let nomor = notice
        .split_whitespace()
        .find(|w| w.starts_with("USL-"))
        .unwrap()
        .trim_end_matches('.')
        .to_string();
    // Anyone can open it by its number.
    // Waits for the sign-out to land, or its redirect wins the race.
    driver::sign_out(c).await;
    c.goto(&format!("{}/usulan/{nomor}", app.base))
        .await
        .unwrap();
    let h1 = wait_for_text(c, "h1", "Pavingisasi").await;
    driver::assert_accessible(c, "the public proposal page").await;
    assert_eq!(h1, "Pavingisasi gang RT 02 RW 04");
    let body = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Diajukan di desa/kelurahan"));
    assert!(body.contains("Rp45.000.000"));
    browser.close().await;
}

/// The maps at 360 px: each passes axe and fits the phone; on the
/// proposal form a click on the kelurahan's map places the point.
#[tokio::test]
async fn maps_read_on_a_phone_and_a_click_places_the_point() {
    use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
    let app = common::spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    for (path, heading) in [
        ("/usulan/peta?wilayah=33.71".to_string(), "Peta usulan"),
        (
            format!("/rencana/{plan}/peta?tingkat=desa"),
            "Ke mana anggarannya",
        ),
        ("/peta/provinsi/33?tahun=2026".to_string(), "RKPD 2026"),
    ] {
        c.goto(&format!("{}{path}", app.base)).await.unwrap();
        wait_for_text(c, "h1", heading).await;
        driver::assert_accessible(c, &path).await;
        let overflow = c
            .execute(
                "return document.documentElement.scrollWidth > window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(overflow, serde_json::Value::Bool(false), "{path} fits");
    }

    // A point inside the kelurahan, in the picker's pixels.
    let desa = "33.71.03.1003";
    let path: String = sqlx::query_scalar("SELECT path FROM region_boundaries WHERE kode = $1")
        .bind(desa)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let shape = selaras::domain::map::Shape::parse(&path).unwrap();
    let geo = selaras::domain::map::Geometry::draw([(desa, "x", &shape)], 300.0, 330.0);
    let inside = shape.grid_inside(5);
    let (lat, lng) = inside[inside.len() / 2];
    let (x, y) = geo.frame.to_xy(lat, lng);

    driver::sign_in(c, &app.base, "kelurahan.rejowinangun", common::PASSWORD).await;
    c.goto(&format!("{}/usulan/baru", app.base)).await.unwrap();
    wait_for_text(c, "h1", "Ajukan usulan").await;
    fill(c, "#title", "Lampu penerangan gang").await;
    click(c, "#titik summary").await;
    let map = c.find(Locator::Css("input[name=peta]")).await.unwrap();
    // A pointer lands at the centre of what is in view: all of it.
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![serde_json::to_value(&map).unwrap()],
    )
    .await
    .unwrap();
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: map,
            duration: None,
            x: x - geo.frame.width / 2.0,
            y: y - geo.frame.height / 2.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    c.perform_actions(actions).await.unwrap();
    wait_for_text(c, ".notice", "Titik ditandai di Rejowinangun Utara").await;
    driver::assert_accessible(c, "the proposal form with its point").await;
    let typed = |css: &'static str| async move {
        c.find(Locator::Css(css))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    };
    assert_eq!(typed("#title").await, "Lampu penerangan gang");
    let got_lat: f64 = typed("#latitude").await.parse().unwrap();
    let got_lng: f64 = typed("#longitude").await.parse().unwrap();
    let (gx, gy) = geo.frame.to_xy(got_lat, got_lng);
    // Within the browser's rounding: the pointer lands on whole pixels
    // and the picture sits at a fractional offset, whose click Chromium
    // truncates (up to two pixels, 10 m on a kelurahan).
    assert!(
        (gx - x).abs() <= 2.5 && (gy - y).abs() <= 2.5,
        "clicked at {x},{y}, placed at {gx},{gy}"
    );
    browser.close().await;
}

/// The Musrenbang as it is held, on a 360 px phone: a village operator
/// attaches a photo to a proposal; at the kecamatan's Musrenbang it is
/// merged with a duplicate and forwarded; the public page shows the photo
/// (without its EXIF), the merge and the meeting.
#[tokio::test]
async fn a_photo_a_merge_and_a_forward_at_the_musrenbang_kecamatan() {
    let app = common::spawn_app().await;
    let two: Vec<String> = sqlx::query_scalar(
        "SELECT nomor FROM proposals WHERE status = 'diajukan' AND wilayah_kode = '33.71.03.1003' ORDER BY nomor LIMIT 2",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    let (nomor, duplicate) = (two[0].clone(), two[1].clone());
    let meeting: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM meetings WHERE kind = 'musrenbang_kecamatan'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    // A photo as a phone takes it: its EXIF names the camera and the place.
    let photo = std::env::temp_dir().join(format!("genangan-{}.jpg", uuid::Uuid::now_v7()));
    let bytes =
        selaras::domain::attachment::jpeg_with_exif(2000, 1500, "GPS -7.4801 110.2203 SM-A145F");
    std::fs::write(&photo, bytes).unwrap();
    let browser = Browser::start(Viewport::Phone).await;
    let c = &browser.client;
    driver::sign_in(c, &app.base, "kelurahan.rejowinangun", common::PASSWORD).await;
    c.goto(&format!("{}/usulan/{nomor}", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "").await;
    c.find(Locator::Css("#berkas"))
        .await
        .unwrap()
        .send_keys(photo.to_str().unwrap())
        .await
        .unwrap();
    fill(c, "#keterangan", "Genangan setelah hujan").await;
    click(c, "#lampiran form button[type=submit]").await;
    wait_for_text(c, "#lampiran", "Genangan setelah hujan").await;
    driver::assert_accessible(c, "the proposal with its photo").await;
    // Both wait at the kecamatan now (as the kelurahan forwarded them).
    sqlx::query("UPDATE proposals SET status = 'diteruskan_kecamatan' WHERE nomor = ANY($1)")
        .bind(&two)
        .execute(&app.db)
        .await
        .unwrap();
    driver::sign_out(c).await;

    driver::sign_in(c, &app.base, "kecamatan.magelangtengah", common::PASSWORD).await;
    c.goto(&format!("{}/usulan/{nomor}/gabung", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Gabungkan usulan").await;
    driver::assert_accessible(c, "the merge form").await;
    click(c, &format!("input[value='{duplicate}']")).await;
    select(c, "#musyawarah", &meeting.to_string()).await;
    click(c, "form.form button.primary").await;
    wait_for_text(c, "h2", "Yakin menggabungkan?").await;
    click(c, "form.form button.danger").await;
    wait_for_text(c, "#silsilah", "Menggabungkan").await;
    // Forwarded at the Musrenbang kecamatan.
    c.goto(&format!("{}/musyawarah/{meeting}", app.base))
        .await
        .unwrap();
    wait_for_text(c, "h1", "Musrenbang Kecamatan").await;
    driver::assert_accessible(c, "the meeting page").await;
    let form = format!("form:has(input[name=nomor][value='{nomor}'])");
    select(c, &format!("{form} select"), "teruskan").await;
    fill(
        c,
        &format!("{form} input[name=alasan]"),
        "Prioritas 1 kecamatan",
    )
    .await;
    click(c, &format!("{form} button")).await;
    wait_for_text(c, "#keputusan", "Prioritas 1 kecamatan").await;
    driver::sign_out(c).await;

    // The public page: the photo, the merge, the meeting.
    c.goto(&format!("{}/usulan/{nomor}", app.base))
        .await
        .unwrap();
    let lineage = wait_for_text(c, "#silsilah", "Menggabungkan").await;
    assert!(lineage.contains(&duplicate), "{lineage}");
    let timeline = wait_for_text(c, "#riwayat", "Diputuskan dalam").await;
    assert!(
        timeline.contains("Musrenbang Kecamatan Magelang Tengah"),
        "{timeline}"
    );
    assert!(
        timeline.contains("Diteruskan ke kabupaten/kota"),
        "{timeline}"
    );
    let shown = c
        .execute(
            "const i = document.querySelector('#lampiran img'); return i && i.complete && i.naturalWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(shown, serde_json::json!(320), "the thumbnail loads");
    driver::assert_accessible(c, "the public proposal page").await;
    let src = c
        .find(Locator::Css("#lampiran a"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let served = reqwest::get(format!("{}{src}", app.base))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(!served.windows(4).any(|w| w == b"Exif") && !served.windows(3).any(|w| w == b"GPS"));
    let merged = reqwest::get(format!("{}/usulan/{duplicate}", app.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(merged.contains(&format!("Digabung ke <a href=\"/usulan/{nomor}\">")));
    std::fs::remove_file(photo).ok();
    browser.close().await;
}
