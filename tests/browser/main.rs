//! Journeys in a real headless Chromium, driven over WebDriver by
//! Debian's chromedriver. `.ci/run` installs both when missing.

#[path = "../common/mod.rs"]
mod common;

mod checks;
mod consultation;
mod driver;
mod onboarding;
mod plans;
mod print;
mod proposals;

use fantoccini::Locator;

#[tokio::test]
async fn a_planner_signs_in_through_the_form_and_sees_their_home_page() {
    let app = common::spawn_app().await;
    let browser = driver::Browser::start(driver::Viewport::Desktop).await;
    let c = &browser.client;

    c.goto(&app.url("/")).await.unwrap();
    c.find(Locator::LinkText("Masuk"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("input[name=username]"))
        .await
        .unwrap();
    c.find(Locator::Css("input[name=username]"))
        .await
        .unwrap()
        .send_keys("perencana.magelang")
        .await
        .unwrap();
    c.find(Locator::Css("input[name=password]"))
        .await
        .unwrap()
        .send_keys(common::PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("form.form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Planners sign in with a second step: the code of their authenticator.
    driver::wait_for_text(c, "h1", "Verifikasi dua langkah").await;
    driver::assert_accessible(c, "the second step of signing in").await;
    driver::second_step_if_asked(c).await;

    let h1 = driver::wait_for_text(c, "h1", "Selamat datang").await;
    assert_eq!(h1, "Selamat datang, Rina Kusumawardani");
    let body = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Kota Magelang, Jawa Tengah"), "{body}");
    assert!(body.contains("Perencana"), "{body}");
    assert!(body.contains("Bapperida Kota Magelang"), "{body}");

    // Signing out through the header button ends the session.
    driver::sign_out(c).await;
    c.goto(&app.url("/admin")).await.unwrap();
    let h1 = driver::wait_for_text(c, "h1", "Masuk").await;
    assert_eq!(h1, "Masuk ke Selaras");
    browser.close().await;
}

#[tokio::test]
async fn a_village_operator_signs_in_on_a_phone() {
    let app = common::spawn_app().await;
    let browser = driver::Browser::start(driver::Viewport::Phone).await;
    let c = &browser.client;
    c.goto(&app.url("/login")).await.unwrap();
    c.find(Locator::Css("#username"))
        .await
        .unwrap()
        .send_keys("desa.plosorejo")
        .await
        .unwrap();
    c.find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys(common::PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("form.form button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    driver::wait_for_text(c, "h1", "Selamat datang").await;
    let body = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(body.contains("Kabupaten Blitar, Jawa Timur"), "{body}");
    assert!(body.contains("Desa Plosorejo"), "{body}");
    // Nothing overflows the 360 px screen.
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
        "page wider than the phone"
    );
    // The header is one line: the menu waits behind its button, and the
    // page's own heading is on the first screen.
    let header = c
        .execute(
            "return document.querySelector('header.top').getBoundingClientRect().height;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(header < 80.0, "the header takes {header} px of a phone");
    let link = c
        .find(Locator::Css(".menu-phone a[href='/usulan']"))
        .await
        .unwrap();
    assert!(!link.is_displayed().await.unwrap(), "closed until asked");
    c.find(Locator::Css(".menu-phone > summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(link.is_displayed().await.unwrap(), "the menu opens");
    driver::assert_accessible(c, "the phone menu, open").await;
    link.click().await.unwrap();
    driver::wait_for_text(c, "h1", "Usulan").await;
    browser.close().await;
}

/// Issue 16: on a phone, a visitor switches a page to English from its
/// footer, stays on that page, keeps English on the next, and goes back.
#[tokio::test]
async fn a_visitor_reads_in_english_on_a_phone() {
    let app = common::spawn_app().await;
    let browser = driver::Browser::start(driver::Viewport::Phone).await;
    let c = &browser.client;
    c.goto(&app.url("/usulan/USL-2026-000001")).await.unwrap();
    driver::click(c, ".lang-switch button").await;
    driver::wait_for_text(c, "main", "Estimated cost").await;
    assert!(
        c.current_url()
            .await
            .unwrap()
            .path()
            .ends_with("/usulan/USL-2026-000001")
    );
    let lang = c
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(lang.as_deref(), Some("en"));
    driver::assert_accessible(c, "a proposal page in English").await;
    // The next page too, until switched back.
    c.goto(&app.url("/usulan")).await.unwrap();
    driver::wait_for_text(c, "h1", "Development proposals").await;
    driver::click(c, ".lang-switch button").await;
    driver::wait_for_text(c, "h1", "Usulan pembangunan").await;
    browser.close().await;
}
