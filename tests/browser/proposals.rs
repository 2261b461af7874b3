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
    let plan: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd'")
            .fetch_one(&app.db)
            .await
            .unwrap();
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
