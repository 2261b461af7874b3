//! Maps without tiles: every map draws every area as a link with its
//! figure in the table too, stays small on the wire, reads only what the
//! reader may read; a click on the desa map places the proposal's point,
//! and a point outside the desa is refused.

use crate::common;

use common::{TestApp, client, spawn_app, text};
use selaras::domain::map::{Geometry, Shape};
use uuid::Uuid;

/// The number of `needle`s in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The inline map of a page (its `<svg>…</svg>`).
fn svg(page: &str) -> &str {
    let start = page.find("<svg").expect("a map on the page");
    let end = page[start..].find("</svg>").expect("the map ends") + start;
    &page[start..end]
}

/// Bytes on the wire for a visitor whose browser takes gzip.
async fn transferred(app: &TestApp, path: &str) -> usize {
    let res = client()
        .get(app.url(path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(res.headers()["content-encoding"], "gzip", "{path}");
    res.bytes().await.unwrap().len()
}

#[tokio::test]
async fn the_proposal_map_shades_every_desa_links_it_and_lists_it() {
    let app = spawn_app().await;
    let page = text(app.get(&client(), "/usulan/peta?wilayah=33.71").await).await;
    let map = svg(&page);
    // The 17 kelurahan of Kota Magelang, each a link to its proposals.
    assert_eq!(count(map, "<path"), 17, "{map}");
    assert_eq!(count(map, "<a href=\"/usulan?desa=33.71."), 17);
    assert!(
        map.contains("aria-label=\"Rejowinangun Utara: 8 usulan\""),
        "{map}"
    );
    // The table holds the same figures.
    assert!(page.contains(">Rejowinangun Utara</a></td><td data-label=\"Kecamatan\">Magelang Tengah</td><td data-label=\"Usulan\" class=\"num\">8</td>"));
    // Every demo proposal with coordinates is a dot linking to its page.
    let located: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM proposals WHERE region_kode = '33.71' AND latitude IS NOT NULL",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert!(located > 0);
    assert_eq!(count(map, "<circle") as i64, located);
    assert_eq!(count(map, "<a href=\"/usulan/USL-") as i64, located);

    // The list's filters narrow the map: accepted proposals only.
    let accepted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM proposals WHERE region_kode = '33.71' AND status = 'diakomodir'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let accepted_here: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM proposals WHERE wilayah_kode = '33.71.03.1003' AND status = 'diakomodir'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(
        app.get(&client(), "/usulan/peta?wilayah=33.71&status=diakomodir")
            .await,
    )
    .await;
    assert!(page.contains(&format!("{accepted} usulan,")), "{page}");
    // An area's link opens the list of that desa with the same filter.
    let list = text(
        app.get(
            &client(),
            "/usulan?desa=33.71.03.1003&status=diakomodir&wilayah=33.71",
        )
        .await,
    )
    .await;
    assert_eq!(count(&list, "href=\"/usulan/USL-") as i64, accepted_here);

    // The list links to the map with its filters.
    let list = text(
        app.get(&client(), "/usulan?wilayah=33.71&sumber=pokir")
            .await,
    )
    .await;
    assert!(
        list.contains("href=\"/usulan/peta?sumber=pokir&#38;wilayah=33.71\""),
        "{list}"
    );

    // Kabupaten Blitar: its 248 desa/kelurahan, under 100 KB on the wire.
    let page = text(app.get(&client(), "/usulan/peta?wilayah=35.05").await).await;
    assert_eq!(count(svg(&page), "<path"), 248);
    let bytes = transferred(&app, "/usulan/peta?wilayah=35.05").await;
    assert!(bytes < 100_000, "{bytes} bytes");

    // A region without desa outlines falls back to its kecamatan; no
    // region at all offers the ones that have proposals.
    let page = text(app.get(&client(), "/usulan/peta?wilayah=33.08").await).await;
    assert!(page.contains("per kecamatan"), "{page}");
    assert_eq!(
        count(svg(&page), "<path"),
        21,
        "Kabupaten Magelang's 21 kecamatan"
    );
    let page = text(app.get(&client(), "/usulan/peta?wilayah=%27%22%3Cx").await).await;
    assert!(page.contains("Pilih kabupaten/kota"), "{page}");
    assert!(
        page.contains("href=\"/usulan/peta?wilayah=33.71\""),
        "{page}"
    );
}

#[tokio::test]
async fn the_pagu_map_divides_each_sub_kegiatan_among_its_places() {
    let app = spawn_app().await;
    let plan = app.plan_id("33.71", "rkpd").await;
    let page = text(app.get(&client(), &format!("/rencana/{plan}/peta")).await).await;
    assert_eq!(count(svg(&page), "<path"), 3, "Kota Magelang's kecamatan");
    let total: rust_decimal::Decimal = sqlx::query_scalar(
        "SELECT COALESCE(sum(g.amount), 0) FROM item_pagu g JOIN plan_items i ON i.id = g.item_id
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' AND g.year = 2026",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let total = selaras::domain::money::Rupiah::new(total).text();
    assert!(
        page.contains(&format!("Jumlah pagu 2026: {total}")),
        "{total}"
    );
    // Give one sub kegiatan two kelurahan: its pagu falls half to each.
    let (item, kode, pagu): (Uuid, String, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT i.id, i.kode, g.amount FROM plan_items i JOIN item_pagu g ON g.item_id = i.id AND g.year = 2026
         WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan' AND g.amount > 0 ORDER BY i.kode LIMIT 1",
    )
    .bind(plan)
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query("UPDATE plan_items SET lokasi = '{}' WHERE plan_id = $1")
        .bind(plan)
        .execute(&app.db)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE plan_items SET lokasi = ARRAY['33.71.01.1003', '33.71.03.1003'] WHERE id = $1",
    )
    .bind(item)
    .execute(&app.db)
    .await
    .unwrap();
    let page = text(
        app.get(&client(), &format!("/rencana/{plan}/peta?tingkat=desa"))
            .await,
    )
    .await;
    assert_eq!(count(svg(&page), "<path"), 17);
    let half = selaras::domain::money::Rupiah::new(pagu / rust_decimal::Decimal::from(2)).text();
    for desa in ["Rejowinangun Selatan", "Rejowinangun Utara"] {
        assert!(
            svg(&page).contains(&format!("aria-label=\"{desa}: {half}\"")),
            "{desa} {half}"
        );
    }
    assert_eq!(
        count(&page, &format!("href=\"/item/{item}\"")),
        2,
        "listed in both rows"
    );
    assert!(
        page.contains("Tanpa lokasi di peta ini"),
        "the rest is named"
    );
    // The sub kegiatan's own page shows its two places on a small map.
    let item_page = text(app.get(&client(), &format!("/item/{item}")).await).await;
    assert_eq!(count(svg(&item_page), "class=\"hl\""), 2, "{kode}");

    // A draft plan's map is as closed as the plan.
    sqlx::query("UPDATE plans SET stage = 'rancangan' WHERE id = $1")
        .bind(plan)
        .execute(&app.db)
        .await
        .unwrap();
    let res = app.get(&client(), &format!("/rencana/{plan}/peta")).await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}

#[tokio::test]
async fn the_province_map_shows_each_rkpd_as_far_as_the_reader_may_read_it() {
    let app = spawn_app().await;
    let page = text(app.get(&client(), "/peta/provinsi/33?tahun=2026").await).await;
    let map = svg(&page);
    assert_eq!(count(map, "<path"), 35, "Jawa Tengah's kab/kota");
    assert_eq!(count(map, "<a href="), 35);
    let plan = app.plan_id("33.71", "rkpd").await;
    assert!(
        map.contains(&format!(
            "<a href=\"/rencana/{plan}\" aria-label=\"Kota Magelang: Konsultasi publik"
        )),
        "{map}"
    );
    assert!(page.contains("Rencana Kerja Pemerintah Daerah Kota Magelang Tahun 2026"));
    // K11 findings, shaded on request.
    let page = text(
        app.get(&client(), "/peta/provinsi/33?tahun=2026&tampil=k11")
            .await,
    )
    .await;
    assert!(
        page.contains(&format!("href=\"/rencana/{plan}/cek#K11\">1</a>")),
        "{page}"
    );
    // Back to a draft: the public learns only that one exists.
    sqlx::query("UPDATE plans SET stage = 'rancangan' WHERE id = $1")
        .bind(plan)
        .execute(&app.db)
        .await
        .unwrap();
    let page = text(app.get(&client(), "/peta/provinsi/33?tahun=2026").await).await;
    assert!(
        !page.contains("Kota Magelang Tahun 2026"),
        "no draft's title"
    );
    assert!(page.contains("Kota Magelang: Rancangan (belum dibuka untuk umum)"));
    // Its planner reads it.
    let c = app.login("perencana.magelang").await;
    let page = text(app.get(&c, "/peta/provinsi/33?tahun=2026").await).await;
    assert!(page.contains("Kota Magelang Tahun 2026"));
    // Not a province: not found.
    assert_eq!(
        app.get(&client(), "/peta/provinsi/33.71").await.status(),
        404
    );
    let bytes = transferred(&app, "/peta/provinsi/35?tahun=2026").await;
    assert!(bytes < 100_000, "{bytes} bytes");
}

#[tokio::test]
async fn a_proposal_and_a_kerja_sama_show_their_places() {
    let app = spawn_app().await;
    let (nomor, wilayah): (String, String) = sqlx::query_as(
        "SELECT nomor, wilayah_kode FROM proposals WHERE latitude IS NOT NULL ORDER BY nomor LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let page = text(app.get(&client(), &format!("/usulan/{nomor}")).await).await;
    let map = svg(&page);
    assert_eq!(count(map, "<path"), 1);
    assert_eq!(count(map, "<circle"), 1);
    assert!(map.contains(&format!("desa={wilayah}")), "{map}");
    let k: Uuid = sqlx::query_scalar("SELECT id FROM kerja_sama ORDER BY title LIMIT 1")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let page = text(app.get(&client(), &format!("/kerja-sama/{k}")).await).await;
    let map = svg(&page);
    assert_eq!(count(map, "<path"), 2, "Kota and Kabupaten Magelang");
    assert!(map.contains("Kabupaten Magelang (mitra)"), "{map}");
}

/// The desa picker's frame, as the server draws it.
async fn picker_frame(app: &TestApp, desa: &str) -> (Shape, Geometry) {
    let path: String = sqlx::query_scalar("SELECT path FROM region_boundaries WHERE kode = $1")
        .bind(desa)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let shape = Shape::parse(&path).unwrap();
    let geo = Geometry::draw([(desa, "x", &shape)], 300.0, 330.0);
    (shape, geo)
}

#[tokio::test]
async fn a_click_on_the_desa_map_places_the_point_and_outside_is_refused() {
    let app = spawn_app().await;
    let c = app.login("kelurahan.rejowinangun").await;
    let desa = "33.71.03.1003";
    let form = text(app.get(&c, "/usulan/baru").await).await;
    assert!(
        form.contains(
            "<input type=\"image\" name=\"peta\" src=\"/peta/desa/33.71.03.1003\" width=\"300\""
        ),
        "{form}"
    );
    let (shape, geo) = picker_frame(&app, desa).await;
    let (lat, lng) = shape.grid_inside(5)[0];
    let (x, y) = geo.frame.to_xy(lat, lng);
    let (x, y) = (x.round().to_string(), y.round().to_string());
    let kel = app.org_id("kel-rejowinangun-utara").await;
    let source = format!("musrenbang:{kel}");
    let typed = [
        ("source", source.as_str()),
        ("title", "Lampu jalan gang \"Mawar\""),
        ("wilayah_kode", desa),
        ("peta_desa", desa),
    ];
    let click = |x: &str, y: &str| {
        let mut f: Vec<(&str, String)> = typed.iter().map(|(k, v)| (*k, v.to_string())).collect();
        f.push(("peta.x", x.to_string()));
        f.push(("peta.y", y.to_string()));
        f
    };
    let res = c
        .post(app.url("/usulan/baru"))
        .form(&click(&x, &y))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page = text(res).await;
    assert!(
        page.contains("Titik ditandai di Rejowinangun Utara"),
        "{page}"
    );
    assert!(
        page.contains("value=\"Lampu jalan gang &#34;Mawar&#34;\""),
        "what was typed stays"
    );
    let got = |name: &str| -> f64 {
        let at = page
            .find(&format!("name=\"{name}\" type=\"text\" value=\""))
            .unwrap();
        let rest = &page[at..];
        let v = rest
            .split("value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        v.parse().unwrap()
    };
    let (glat, glng) = (got("latitude"), got("longitude"));
    // Within a pixel of the point clicked, and inside the desa.
    let (gx, gy) = geo.frame.to_xy(glat, glng);
    assert!(
        (gx - x.parse::<f64>().unwrap()).abs() < 0.01
            && (gy - y.parse::<f64>().unwrap()).abs() < 0.01
    );
    assert!(shape.contains(glat, glng));
    // The picture comes back with the point drawn where it was clicked.
    let src = page
        .split("<input type=\"image\" name=\"peta\" src=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    assert!(src.contains("?lat="), "{src}");
    let picture = app.get(&client(), &src).await;
    assert_eq!(
        picture.headers()["content-type"],
        "image/svg+xml; charset=utf-8"
    );
    let picture = text(picture).await;
    let cx: f64 = picture
        .split("<circle cx=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((cx - x.parse::<f64>().unwrap()).abs() <= 0.1, "{picture}");

    // A click in the picture's corner is outside the kelurahan.
    let (clat, clng) = geo.frame.to_latlng(1.0, 1.0);
    assert!(!shape.contains(clat, clng));
    let res = c
        .post(app.url("/usulan/baru"))
        .form(&click("1", "1"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("berada di luar batas Rejowinangun Utara"),
        "{page}"
    );

    // Enter or Space on the map sends (0, 0): no place anyone chose. The
    // typed coordinates stay, with a word on typing them.
    let mut keyed = click("0", "0");
    keyed.push(("latitude", "-7,4800".into()));
    let res = c
        .post(app.url("/usulan/baru"))
        .form(&keyed)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page = text(res).await;
    assert!(
        page.contains("Dengan papan ketik, isi Lintang dan Bujur"),
        "{page}"
    );
    assert!(page.contains("value=\"-7,4800\""), "{page}");
    for (x, y) in [("NaN", "3"), ("1e308", "5"), ("-5", "20"), ("12", "inf")] {
        let res = c
            .post(app.url("/usulan/baru"))
            .form(&click(x, y))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{x},{y}");
        assert!(text(res).await.contains("Klik di dalam peta"), "{x},{y}");
    }

    // A map of another desa than the one now chosen places nothing.
    let mut moved = click(&x, &y);
    moved.retain(|(k, _)| *k != "wilayah_kode");
    moved.push(("wilayah_kode", "33.71.03.1004".into()));
    let res = c
        .post(app.url("/usulan/baru"))
        .form(&moved)
        .send()
        .await
        .unwrap();
    let page = text(res).await;
    assert!(page.contains("Peta kini menampilkan"), "{page}");
    assert!(page.contains("src=\"/peta/desa/33.71.03.1004\""), "{page}");
}

#[tokio::test]
async fn typed_coordinates_outside_the_desa_are_refused_and_inside_saved() {
    let app = spawn_app().await;
    let c = app.login("kelurahan.rejowinangun").await;
    let desa = "33.71.03.1003";
    let kel = app.org_id("kel-rejowinangun-utara").await;
    let kamus: Uuid = sqlx::query_scalar(
        "SELECT id FROM kamus_usulan WHERE region_kode = '33.71' ORDER BY nama LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let (shape, _) = picker_frame(&app, desa).await;
    let (lat, lng) = shape.grid_inside(5)[0];
    let source = format!("musrenbang:{kel}");
    let kamus = kamus.to_string();
    let send = |lat: String, lng: String| {
        let f = vec![
            ("source", source.clone()),
            ("title", "Sumur resapan RW 03".to_string()),
            ("problem", "Genangan setiap hujan.".to_string()),
            ("solution", "Sumur resapan di tiga titik.".to_string()),
            ("wilayah_kode", desa.to_string()),
            ("kamus_id", kamus.clone()),
            ("volume", "3".to_string()),
            ("estimated_cost", "30.000.000".to_string()),
            ("target_year", "2027".to_string()),
            ("latitude", lat),
            ("longitude", lng),
        ];
        c.post(app.url("/usulan/baru")).form(&f).send()
    };
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&app.db)
        .await
        .unwrap();
    // Borobudur is in Kabupaten Magelang, not in the kelurahan.
    let res = send("-7,6079".into(), "110,2038".into()).await.unwrap();
    assert_eq!(res.status(), 422);
    let page = text(res).await;
    assert!(
        page.contains("berada di luar batas Rejowinangun Utara"),
        "{page}"
    );
    assert!(page.contains("value=\"Sumur resapan RW 03\""));
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(before, after, "nothing saved");
    let res = send(format!("{lat:.6}"), format!("{lng:.6}"))
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let stored: (rust_decimal::Decimal, rust_decimal::Decimal) = sqlx::query_as(
        "SELECT latitude, longitude FROM proposals WHERE title = 'Sumur resapan RW 03'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stored.0.to_string(), format!("{lat:.6}"));
}

#[tokio::test]
async fn boundaries_import_whole_files_only() {
    let app = spawn_app().await;
    // A desa of Kabupaten Magelang, which ships without its desa.
    let square = "[[[-7.60,110.20],[-7.60,110.21],[-7.61,110.21],[-7.61,110.20],[-7.60,110.20]]]";
    let good =
        format!("kode,nama,lat,lng,path\n33.08.01.2001,Desa uji,-7.605,110.205,\"{square}\"\n");
    let file = std::env::temp_dir().join(format!("batas-{}.csv", Uuid::now_v7()));
    std::fs::write(&file, &good).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_selaras"))
        .args([
            "import-boundaries",
            file.to_str().unwrap(),
            "--database-url",
            &app.db_url,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 batas wilayah disimpan"));
    // Its desa can be picked on the form's map; the kabupaten's proposal
    // map stays by kecamatan until every desa has an outline, so that no
    // desa goes missing from it.
    let picture = app.get(&client(), "/peta/desa/33.08.01.2001").await;
    assert_eq!(picture.status(), 200);
    let page = text(app.get(&client(), "/usulan/peta?wilayah=33.08").await).await;
    assert!(page.contains("per kecamatan"), "{page}");
    assert_eq!(count(svg(&page), "<path"), 21);
    // A code the national list lacks, or a broken line: nothing saved.
    let bad = format!(
        "{good}33.08.01.2999,Tidak ada,-7.6,110.2,\"{square}\"\n33.08.01.2002,Rusak,x,110.2,\"{square}\"\n"
    );
    let err = selaras::store::boundaries::import(&app.db, &bad)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("baris 4"), "{err}");
    let bad = format!("{good}33.08.01.2999,Tidak ada,-7.6,110.2,\"{square}\"\n");
    let err = selaras::store::boundaries::import(&app.db, &bad)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("33.08.01.2999 tidak ada"), "{err}");
    let n: i64 =
        sqlx::query_scalar("SELECT count(*) FROM region_boundaries WHERE kode LIKE '33.08.01.%'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(n, 1);
    std::fs::remove_file(file).ok();
}

#[tokio::test]
async fn odd_codes_and_points_give_pages_not_errors() {
    let app = spawn_app().await;
    for path in [
        "/peta/desa/99.99.99.9999",
        "/peta/desa/33.71.03.1003%27",
        "/peta/desa/33.71.03",
        "/peta/provinsi/99",
        "/peta/provinsi/%27%3B",
    ] {
        assert_eq!(app.get(&client(), path).await.status(), 404, "{path}");
    }
    for q in [
        "lat=abc&lng=1",
        "lat=1e400&lng=-1e400",
        "lat=-7.48&lng=",
        "lat=NaN&lng=NaN",
    ] {
        let res = app
            .get(&client(), &format!("/peta/desa/33.71.03.1003?{q}"))
            .await;
        assert_eq!(res.status(), 200, "{q}");
        assert!(!text(res).await.contains("<circle"), "{q}: no point drawn");
    }
    let long = "9".repeat(5000);
    for path in [
        format!("/usulan/peta?wilayah=33.71&bidang={long}&tahun={long}&status=%27"),
        format!(
            "/rencana/{}/peta?tahun={long}&tingkat=%22",
            app.plan_id("33.71", "rkpd").await
        ),
        format!("/peta/provinsi/33?tahun={long}&tampil=%3Cx"),
    ] {
        assert_eq!(app.get(&client(), &path).await.status(), 200, "{path}");
    }
}

#[tokio::test]
async fn many_located_proposals_keep_the_map_small() {
    let app = spawn_app().await;
    // 600 copies of a demo proposal, each at its own point in the kelurahan.
    let (shape, _) = picker_frame(&app, "33.71.03.1003").await;
    let points = shape.grid_inside(40);
    assert!(points.len() >= 600, "{}", points.len());
    let lats: Vec<f64> = points.iter().take(600).map(|p| p.0).collect();
    let lngs: Vec<f64> = points.iter().take(600).map(|p| p.1).collect();
    sqlx::query(
        "INSERT INTO proposals (id, region_kode, nomor, source, status, title, problem, solution, wilayah_kode,
             latitude, longitude, kamus_id, volume, satuan, estimated_cost, proposer_id, proposer_org_id, target_year)
         SELECT gen_random_uuid(), p.region_kode, 'USL-2027-' || lpad(g.n::text, 6, '0'), p.source, 'diajukan',
             p.title || ' ' || g.n, p.problem, p.solution, p.wilayah_kode, g.lat, g.lng, p.kamus_id, p.volume,
             p.satuan, p.estimated_cost, p.proposer_id, p.proposer_org_id, 2027
         FROM (SELECT * FROM proposals WHERE wilayah_kode = '33.71.03.1003' LIMIT 1) p,
              unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS g(lat, lng, n)",
    )
    .bind(&lats)
    .bind(&lngs)
    .execute(&app.db)
    .await
    .unwrap();
    let page = text(
        app.get(&client(), "/usulan/peta?wilayah=33.71&tahun=2027")
            .await,
    )
    .await;
    assert_eq!(count(svg(&page), "<circle"), 500);
    assert!(
        page.contains("lebih dari 500 dengan titik koordinat"),
        "{page}"
    );
    let bytes = transferred(&app, "/usulan/peta?wilayah=33.71&tahun=2027").await;
    assert!(bytes < 100_000, "{bytes} bytes");
}

#[tokio::test]
async fn a_province_plans_item_shows_its_kab_kota() {
    let app = spawn_app().await;
    // The demo's province RKPD holds priorities; any item with lokasi
    // shows them.
    let province = app.plan_id("33", "rkpd").await;
    let item: Uuid = sqlx::query_scalar(
        "SELECT id FROM plan_items WHERE plan_id = $1 ORDER BY position LIMIT 1",
    )
    .bind(province)
    .fetch_one(&app.db)
    .await
    .unwrap();
    sqlx::query("UPDATE plan_items SET lokasi = ARRAY['33.71.03', '33.08'] WHERE id = $1")
        .bind(item)
        .execute(&app.db)
        .await
        .unwrap();
    let page = text(app.get(&client(), &format!("/item/{item}")).await).await;
    let map = svg(&page);
    assert_eq!(count(map, "<path"), 35, "the province's kab/kota");
    assert_eq!(count(map, "class=\"hl\""), 2, "Kota and Kabupaten Magelang");
}
