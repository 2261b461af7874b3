//! Cek Keselarasan on the demo data: every rule finds its deliberate slip,
//! the page, the downloads and the command show them, and fixing a slip
//! through the pages makes its finding disappear. Also the alignment
//! links, the pagu indikatif per perangkat daerah and kerja sama daerah.

use crate::common;

/// The pagu-pd form as a browser sends it: what each cell was opened with
/// (the hidden `dibaca_` fields of the page), plus `typed`.
async fn ceiling_form(
    app: &common::TestApp,
    c: &reqwest::Client,
    plan: uuid::Uuid,
    typed: &[(&str, &str)],
) -> Vec<(String, String)> {
    let html = common::text(app.get(c, &format!("/rencana/{plan}/pagu-pd")).await).await;
    let mut form: Vec<(String, String)> = html
        .split(r#"<input type="hidden" name=""#)
        .skip(1)
        .filter_map(|r| {
            let (name, rest) = r.split_once('"')?;
            let value = rest.split_once(r#"value=""#)?.1.split_once('"')?.0;
            name.starts_with("dibaca_")
                .then(|| (name.to_string(), value.to_string()))
        })
        .collect();
    form.extend(typed.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    form
}

use std::collections::BTreeSet;
use std::process::Command;

use common::{TestApp, spawn_app, text};
use uuid::Uuid;

async fn findings(app: &TestApp, plan: Uuid) -> Vec<selaras::domain::checks::Finding> {
    let p = selaras::store::plans::get(&app.db, plan)
        .await
        .unwrap()
        .unwrap();
    let input = selaras::store::checks::load(&app.db, &p).await.unwrap();
    selaras::domain::checks::run(&input)
}

async fn rules_of(app: &TestApp, plan: Uuid) -> BTreeSet<&'static str> {
    findings(app, plan).await.iter().map(|f| f.rule).collect()
}

#[tokio::test]
async fn every_rule_finds_its_slip_in_the_demo_plans() {
    let app = spawn_app().await;
    let plans: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM plans")
        .fetch_all(&app.db)
        .await
        .unwrap();
    let mut seen = BTreeSet::new();
    for p in plans {
        seen.extend(rules_of(&app, p).await);
    }
    let all: BTreeSet<&str> = selaras::domain::checks::RULES
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(seen, all);
    // The province plan, typed with care, has nothing to report.
    assert!(
        findings(&app, app.plan_id("33", "rkpd").await)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn the_page_groups_findings_by_rule_with_side_by_side_values_and_links_that_open() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let c = app.login("perencana.magelang").await;
    let html = text(app.get(&c, &format!("/rencana/{rkpd}/cek")).await).await;
    for id in [
        "K01", "K02", "K03", "K04", "K06", "K07", "K08", "K09", "K10", "K11", "K13",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    // K06: both targets; K08: the sums.
    assert!(
        html.contains("RKPD 2026") && html.contains("RPJMD 2026"),
        "K06 side by side"
    );
    assert!(
        html.contains("Jumlah rincian") && html.contains("Pagu indikatif perangkat daerah"),
        "K08 sums"
    );
    // Every "Perbaiki" link opens a page.
    let links: BTreeSet<String> = findings(&app, rkpd)
        .await
        .into_iter()
        .map(|f| f.link)
        .collect();
    for l in links {
        let path = l.split('#').next().unwrap();
        let res = app.get(&c, path).await;
        assert_eq!(res.status(), 200, "{l}");
    }
    // The K06 indicator shows the RPJMD's targets next to its own inputs.
    let k06 = findings(&app, rkpd)
        .await
        .into_iter()
        .find(|f| f.rule == "K06")
        .unwrap();
    let page = text(app.get(&c, k06.link.split('#').next().unwrap()).await).await;
    assert!(page.contains("Target dokumen acuan"), "reference column");
    assert!(
        page.contains("<td class=\"reference\">76</td>"),
        "the RPJMD 2026 target"
    );
    // Filtered by agency: only that agency's findings.
    let dinkes = app.region_org_id("33.71", "dinkes").await;
    let only = text(
        app.get(&c, &format!("/rencana/{rkpd}/cek?pd={dinkes}"))
            .await,
    )
    .await;
    assert!(only.contains("Posyandu Remaja Terpadu"));
    assert!(
        !only.contains("Ketenteraman dan Ketertiban Umum"),
        "a DPUPR program is not Dinkes's"
    );
    // Downloads.
    let x = app.get(&c, &format!("/rencana/{rkpd}/cek.xlsx")).await;
    assert_eq!(x.status(), 200);
    assert!(
        x.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("spreadsheetml")
    );
    assert_eq!(&x.bytes().await.unwrap()[..2], b"PK");
    let j: serde_json::Value = app
        .get(&c, &format!("/rencana/{rkpd}/cek.json"))
        .await
        .json()
        .await
        .unwrap();
    let rules: BTreeSet<&str> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains("K06") && rules.contains("K13"));
}

#[tokio::test]
async fn the_command_prints_findings_and_fails_when_there_are_errors() {
    let app = spawn_app().await;
    let run = |args: Vec<String>| {
        Command::new(env!("CARGO_BIN_EXE_selaras"))
            .args(args)
            .env("DATABASE_URL", &app.db_url)
            .output()
            .unwrap()
    };
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let out = run(vec!["check".into(), rkpd.to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("K07") && s.contains("[Galat]") && s.contains("perbaiki: /item/"),
        "{s}"
    );
    let out = run(vec!["check".into(), rkpd.to_string(), "--json".into()]);
    assert_eq!(out.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        j["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "K08" && f["severity"] == "error")
    );
    // A clean plan exits 0; an unknown plan 2 with a sentence.
    let clean = app.plan_id("33", "rkpd").await;
    let out = run(vec!["check".into(), clean.to_string()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 galat, 0 peringatan"));
    let out = run(vec!["check".into(), Uuid::nil().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    // By kind, region and year too.
    let out = run(vec!["check".into(), "rkpd/33/2026".into()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Provinsi Jawa Tengah"));
    let out = run(vec!["check".into(), "rkpd/33.71/2031".into()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no plan rkpd/33.71/2031"));
}

#[tokio::test]
async fn fixing_slips_through_the_pages_clears_their_findings() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let c = app.login("perencana.magelang").await;
    let one = |rule: &'static str| {
        let app = &app;
        async move {
            findings(app, rkpd)
                .await
                .into_iter()
                .filter(|f| f.rule == rule)
                .collect::<Vec<_>>()
        }
    };

    // K07: align the stray program with an RPJMD sasaran.
    let k07 = one("K07").await;
    assert_eq!(k07.len(), 1);
    let program = k07[0].items[0].0;
    let page = text(app.get(&c, &format!("/item/{program}")).await).await;
    assert!(page.contains("Belum selaras"), "the item page says so");
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let sasaran: Uuid = sqlx::query_scalar("SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'sasaran' ORDER BY position LIMIT 1")
        .bind(rpjmd)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let unaligned = text(app.get(&c, &format!("/rencana/{rkpd}/belum-selaras")).await).await;
    assert!(unaligned.contains("Ketenteraman dan Ketertiban Umum"));
    let res = app
        .post_form(
            &c,
            &format!("/item/{program}/keselarasan"),
            &[("to_item_id", &sasaran.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    assert!(one("K07").await.is_empty());
    let unaligned = text(app.get(&c, &format!("/rencana/{rkpd}/belum-selaras")).await).await;
    assert!(!unaligned.contains("Ketenteraman dan Ketertiban Umum"));

    // K11: the last prioritas refers to a Central Java priority.
    let k11 = one("K11").await;
    let prioritas = k11[0].items[0].0;
    let jateng = app.plan_id("33", "rkpd").await;
    let province: Uuid = sqlx::query_scalar("SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'prioritas' ORDER BY position LIMIT 1")
        .bind(jateng)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &c,
            &format!("/item/{prioritas}/keselarasan"),
            &[("to_item_id", &province.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(one("K11").await.is_empty());

    // K01: the kegiatan hung under a prioritas moves under its program.
    let k01 = one("K01").await;
    let kegiatan = k01[0].items[0].0;
    let (version, org): (i32, Uuid) =
        sqlx::query_as("SELECT version, responsible_org_id FROM plan_items WHERE id = $1")
            .bind(kegiatan)
            .fetch_one(&app.db)
            .await
            .unwrap();
    let target = app.item_id(rkpd, "1.02.05").await;
    let form = |parent: String| {
        vec![
            ("parent_id", parent),
            ("kode", "1.02.05.2.01".to_string()),
            ("nama", "Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor".to_string()),
            ("description", String::new()),
            ("responsible_org_id", org.to_string()),
            ("version", version.to_string()),
        ]
    };
    // Under another kegiatan is refused, next to the field, and nothing moves.
    let wrong = app.item_id(rkpd, "1.02.02.2.02").await;
    let res = c
        .post(app.url(&format!("/item/{kegiatan}")))
        .form(&form(wrong.to_string()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Pilih induk yang sah"));
    let res = c
        .post(app.url(&format!("/item/{kegiatan}")))
        .form(&form(target.to_string()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{}", text(res).await);
    assert!(one("K01").await.is_empty());

    // K08: DPUPR's pagu indikatif raised to what its sub kegiatan need.
    let res = app.get(&c, &format!("/rencana/{rkpd}/pagu-pd")).await;
    let html = text(res).await;
    assert!(html.contains("melebihi pagu"), "the page shows the overrun");
    let dpupr = app.region_org_id("33.71", "dpupr").await;
    let field = format!("c_{dpupr}_2026");
    let form = ceiling_form(&app, &c, rkpd, &[(&field, "40 miliar")]).await;
    let res = c
        .post(app.url(&format!("/rencana/{rkpd}/pagu-pd")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422, "a typo is refused");
    let html = text(res).await;
    assert!(
        html.contains("value=\"40 miliar\""),
        "what was typed comes back"
    );
    let still: i64 = sqlx::query_scalar("SELECT count(*) FROM agency_ceilings WHERE plan_id = $1")
        .bind(rkpd)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(still, 1, "nothing was saved");
    let form = ceiling_form(&app, &c, rkpd, &[(&field, "40.000.000.000")]).await;
    let res = c
        .post(app.url(&format!("/rencana/{rkpd}/pagu-pd")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        one("K08")
            .await
            .iter()
            .all(|f| !f.message.contains("pagu indikatif"))
    );

    // K13: the tourism kerja sama gets a sub kegiatan with pagu.
    let k13 = one("K13").await;
    let ks = k13[0].link.clone();
    let res = app
        .post_form(
            &c,
            &format!("{ks}/item"),
            &[
                ("plan_id", &rkpd.to_string()),
                ("kode", "1.03.10.2.01.0034"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    assert!(one("K13").await.is_empty());

    // K06: one step takes the RPJMD's targets; a stale page is refused.
    let k06 = one("K06").await;
    let at = format!("{}/samakan", k06[0].link.split('#').next().unwrap());
    let res = app.post_form(&c, &at, &[("version", "0")]).await;
    assert_eq!(res.status(), 409);
    assert_eq!(one("K06").await.len(), 1, "nothing changed");
    let ind = Uuid::parse_str(
        k06[0]
            .link
            .trim_start_matches("/indikator/")
            .split('#')
            .next()
            .unwrap(),
    )
    .unwrap();
    let version: i32 = sqlx::query_scalar("SELECT version FROM indicators WHERE id = $1")
        .bind(ind)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(&c, &at, &[("version", &version.to_string())])
        .await;
    assert_eq!(res.status(), 303);
    assert!(one("K06").await.is_empty());

    // K10: the proposal accepted into a kegiatan moves to a sub kegiatan.
    let k10 = one("K10").await;
    let at = k10[0].link.clone();
    let nomor = at.trim_start_matches("/usulan/").to_string();
    assert!(
        text(app.get(&c, &at).await)
            .await
            .contains("Pindahkan ke sub kegiatan RKPD lain")
    );
    let sub = app.item_id(rkpd, "1.02.02.2.02.0001").await;
    let version = app.proposal_version(&nomor).await;
    let res = app
        .post_form(
            &c,
            &format!("{at}/langkah"),
            &[
                ("langkah", "akomodir"),
                ("item_id", &sub.to_string()),
                ("volume", "4"),
                ("pagu", "24.000.000"),
                ("version", &version.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    assert!(one("K10").await.is_empty());
}

#[tokio::test]
async fn alignment_links_are_checked_and_removed_after_confirmation() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let c = app.login("perencana.magelang").await;
    let program = app.item_id(rkpd, "1.05.02").await;
    // Only items of the RPJMD may be chosen: a Renstra item is refused.
    let renstra = app.plan_id("33.71", "renstra").await;
    let stranger: Uuid = sqlx::query_scalar("SELECT id FROM plan_items WHERE plan_id = $1 LIMIT 1")
        .bind(renstra)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &c,
            &format!("/item/{program}/keselarasan"),
            &[("to_item_id", &stranger.to_string())],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        text(res)
            .await
            .contains("Pilih sasaran atau program RPJMD yang diacu")
    );
    let rpjmd = app.plan_id("33.71", "rpjmd").await;
    let sasaran: Uuid = sqlx::query_scalar(
        "SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'sasaran' LIMIT 1",
    )
    .bind(rpjmd)
    .fetch_one(&app.db)
    .await
    .unwrap();
    let res = app
        .post_form(
            &c,
            &format!("/item/{program}/keselarasan"),
            &[("to_item_id", &sasaran.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Twice is refused.
    let res = app
        .post_form(
            &c,
            &format!("/item/{program}/keselarasan"),
            &[("to_item_id", &sasaran.to_string())],
        )
        .await;
    assert_eq!(res.status(), 422);
    // The RPJMD sasaran shows it is referred to.
    assert!(
        text(app.get(&c, &format!("/item/{sasaran}")).await)
            .await
            .contains("Ketenteraman dan Ketertiban Umum")
    );
    // An agency that is not responsible may not link.
    let dinkes = app.login("dinkes.magelang").await;
    let res = app
        .post_form(
            &dinkes,
            &format!("/item/{program}/keselarasan"),
            &[("to_item_id", &sasaran.to_string())],
        )
        .await;
    assert_eq!(res.status(), 403);
    // The picker narrows by the start of a code or a word of the name.
    let all = text(app.get(&c, &format!("/item/{program}")).await).await;
    assert!(all.contains("Program 1.01.02 ") && all.contains("Program 1.02.02 "));
    let narrowed = text(app.get(&c, &format!("/item/{program}?cari=1.02")).await).await;
    assert!(narrowed.contains("Program 1.02.02 ") && !narrowed.contains("Program 1.01.02 "));
    let none = text(app.get(&c, &format!("/item/{program}?cari=zzzz")).await).await;
    assert!(none.contains("Tidak ada yang cocok"));
    // A Renja kegiatan is offered the RKPD kegiatan of its code first, chosen.
    let renja = app.plan_id("33.71", "renja").await;
    let kegiatan = app.item_id(renja, "1.02.02.2.01").await;
    let page = text(app.get(&c, &format!("/item/{kegiatan}")).await).await;
    let group = page
        .find("<optgroup label=\"Kode sama (1.02.02.2.01)\">")
        .expect("same-code group");
    let first_option = &page[group..page[group..].find("</optgroup>").unwrap() + group];
    assert!(first_option.contains(" selected>"), "{first_option}");
    // Removing asks first, then removes.
    let link: Uuid = sqlx::query_scalar("SELECT id FROM alignment_links WHERE from_item_id = $1")
        .bind(program)
        .fetch_one(&app.db)
        .await
        .unwrap();
    let confirm = text(app.get(&c, &format!("/keselarasan/{link}/hapus")).await).await;
    assert!(confirm.contains("Hapus keterkaitan ini?"));
    let res = app
        .post_form(&c, &format!("/keselarasan/{link}/hapus"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert!(rules_of(&app, rkpd).await.contains("K07"));
    let audit: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE entity = 'alignment_link'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(audit, 2, "added and removed, both recorded");
}

#[tokio::test]
async fn kerja_sama_is_recorded_followed_by_partners_and_guarded() {
    let app = spawn_app().await;
    // Kabupaten Blitar records one with Kota Magelang as partner.
    let blitar = app.login("perencana.blitar").await;
    let bad = [
        ("kind", "ksdd"),
        ("title", "Pertukaran data stunting"),
        ("urusan", "Kesehatan"),
        ("object", "Berbagi data balita berisiko stunting"),
        ("status", "identifikasi"),
        ("first_year", "2027"),
        ("last_year", "2026"),
        ("partner_region", ""),
        ("third_parties", ""),
    ];
    let res = app.post_form(&blitar, "/kerja-sama", &bad).await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("Tahun selesai tidak boleh sebelum tahun mulai"));
    assert!(html.contains("sedikitnya satu mitra"));
    assert!(
        html.contains("value=\"Pertukaran data stunting\""),
        "the form comes back filled in"
    );
    let mut good = bad;
    good[5] = ("first_year", "2026");
    good[6] = ("last_year", "2027");
    good[7] = ("partner_region", "33.71");
    let res = app.post_form(&blitar, "/kerja-sama", &good).await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let at = res.headers()["location"].to_str().unwrap().to_string();

    // The partner's planners are told, and see it in their registry.
    let magelang = app.login("perencana.magelang").await;
    let inbox = text(app.get(&magelang, "/kotak-masuk").await).await;
    assert!(
        inbox.contains("Kerja sama baru dari Kabupaten Blitar"),
        "{inbox}"
    );
    let link: String = sqlx::query_scalar(
        "SELECT link FROM notifications WHERE title LIKE 'Kerja sama baru%' LIMIT 1",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(link, at, "it leads to the kerja sama");
    assert!(
        text(app.get(&magelang, "/kerja-sama").await)
            .await
            .contains("Pertukaran data stunting")
    );
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let res = app
        .post_form(
            &magelang,
            &format!("{at}/item"),
            &[("plan_id", &rkpd.to_string()), ("kode", "9.99.99")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Kode 9.99.99 tidak ada"));
    let res = app
        .post_form(
            &magelang,
            &format!("{at}/item"),
            &[
                ("plan_id", &rkpd.to_string()),
                ("kode", "1.02.02.2.02.0001"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&blitar, &at).await).await;
    assert!(
        page.contains("1.02.02.2.02.0001") && page.contains("Rp"),
        "Blitar sees the Magelang item and its pagu"
    );
    let sub = app.item_id(rkpd, "1.02.02.2.02.0001").await;
    let item_page = text(app.get(&magelang, &format!("/item/{sub}")).await).await;
    assert!(
        item_page.contains("Memuat kerja sama daerah")
            && item_page.contains("Pertukaran data stunting")
    );

    // Status moves one step; a jump is refused.
    let res = app
        .post_form(&blitar, &format!("{at}/status"), &[("to", "berjalan")])
        .await;
    assert_eq!(res.status(), 400);
    let res = app
        .post_form(&blitar, &format!("{at}/status"), &[("to", "pemetaan")])
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&magelang, "/kotak-masuk").await)
            .await
            .contains("Kerja sama: Pemetaan")
    );
    // A second tab still showing "identifikasi" asks for the same step.
    let res = app
        .post_form(
            &magelang,
            &format!("{at}/status"),
            &[("from", "identifikasi"), ("to", "pemetaan")],
        )
        .await;
    assert_eq!(res.status(), 409);
    assert!(
        text(res)
            .await
            .contains("baru saja diubah orang lain (sekarang: Pemetaan)")
    );
    assert!(
        text(app.get(&blitar, &at).await)
            .await
            .contains("aria-current=\"step\">Pemetaan")
    );

    // Milestones: a bad date comes back with the text kept.
    let res = app
        .post_form(
            &blitar,
            &format!("{at}/tahapan"),
            &[("due", "30/06/2026"), ("description", "Nota kesepakatan")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = text(res).await;
    assert!(html.contains("Isi tanggal target") && html.contains("value=\"Nota kesepakatan\""));
    // 5,000 characters: refused beside the field, nothing written.
    let long = "a".repeat(5000);
    let res = app
        .post_form(
            &blitar,
            &format!("{at}/tahapan"),
            &[("due", "2026-06-30"), ("description", long.as_str())],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("description-error"));
    // Quotes and markup are text, shown escaped.
    let res = app
        .post_form(
            &blitar,
            &format!("{at}/tahapan"),
            &[
                ("due", "2026-05-31"),
                ("description", "Nota \"awal\" <b>x</b>"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = text(app.get(&blitar, &at).await).await;
    assert!(
        html.contains("Nota &#34;awal&#34; &#60;b&#62;x") && !html.contains("<b>x</b>"),
        "{html}"
    );
    let res = app
        .post_form(
            &blitar,
            &format!("{at}/tahapan"),
            &[("due", "2026-06-30"), ("description", "Nota kesepakatan")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&blitar, &at).await)
            .await
            .contains("2026-06-30")
    );

    // The recording region edits the record; a stale save keeps the text.
    let mut edit = good.to_vec();
    edit[1] = ("title", "Pertukaran data stunting dan gizi buruk");
    edit.push(("partner_region", "33.08"));
    edit.push(("version", "1"));
    assert_eq!(
        app.get(&magelang, &format!("{at}/ubah")).await.status(),
        403,
        "only the recording region edits"
    );
    let form = text(app.get(&blitar, &format!("{at}/ubah")).await).await;
    assert!(form.contains("value=\"Pertukaran data stunting\""));
    let res = app.post_form(&blitar, &format!("{at}/ubah"), &edit).await;
    assert_eq!(res.status(), 409, "the status moved since version 1");
    assert!(
        text(res)
            .await
            .contains("value=\"Pertukaran data stunting dan gizi buruk\"")
    );
    let version: i32 = sqlx::query_scalar(
        "SELECT version FROM kerja_sama WHERE title = 'Pertukaran data stunting'",
    )
    .fetch_one(&app.db)
    .await
    .unwrap();
    let v = version.to_string();
    edit.pop();
    edit.push(("version", &v));
    let res = app.post_form(&blitar, &format!("{at}/ubah"), &edit).await;
    assert_eq!(res.status(), 303);
    let page = text(app.get(&magelang, &at).await).await;
    assert!(page.contains("Pertukaran data stunting dan gizi buruk"));
    assert!(
        page.contains("Kabupaten Magelang; Kota Magelang"),
        "two partner regions"
    );

    // An agency account, and a region that is no partner, may not manage it.
    let dinkes = app.login("dinkes.magelang").await;
    assert_eq!(
        app.post_form(&dinkes, &format!("{at}/status"), &[("to", "direncanakan")])
            .await
            .status(),
        403
    );
    let res = app.post_form(&magelang, "/kerja-sama", &good).await;
    assert_eq!(res.status(), 422, "Magelang cannot be its own partner");
    // Anyone may read the registry.
    let anon = common::client();
    assert!(
        text(app.get(&anon, "/kerja-sama").await)
            .await
            .contains("Pengelolaan drainase perbatasan")
    );
}

#[test]
fn the_benchmark_builds_a_plan_and_times_the_check() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (_db, url) = rt.block_on(common::fresh_database());
    let out = Command::new(env!("CARGO_BIN_EXE_selaras"))
        .args(["bench-check", "--sub-kegiatan", "150", "--runs", "2"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{s}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        s.contains("Cek Keselarasan of") && s.contains("median"),
        "{s}"
    );
}

/// The serving benchmark runs end to end and prints a line per page with
/// its share of the floor (the figures are the benchmark's, not asserted).
#[test]
fn the_serving_benchmark_prints_every_page_against_the_floor() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (_db, url) = rt.block_on(common::fresh_database());
    let out = Command::new(env!("CARGO_BIN_EXE_selaras"))
        .args([
            "bench-serve",
            "--sub-kegiatan",
            "100",
            "--clients",
            "2",
            "--seconds",
            "1",
        ])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{s}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for page in [
        "floor (bare axum + sqlx, one row)",
        "public proposal page",
        "plan page (N sub kegiatan)",
        "Cek Keselarasan (N sub kegiatan)",
        "resident memory",
    ] {
        assert!(s.contains(page), "{page}: {s}");
    }
    assert!(!s.contains("errors)"), "every answer a 200: {s}");
}

#[tokio::test]
async fn an_rkpd_perubahan_carries_the_kerja_sama_of_the_items_it_copied() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let c = app.login("perencana.magelang").await;
    let parent = rkpd.to_string();
    let res = app
        .post_form(
            &c,
            "/rencana/baru",
            &[
                ("kind", "rkpd_perubahan"),
                ("title", "Perubahan RKPD Kota Magelang 2026"),
                ("first_year", "2026"),
                ("parent_id", &parent),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "{}", text(res).await);
    let perubahan = app.plan_id("33.71", "rkpd_perubahan").await;
    let k13: Vec<String> = findings(&app, perubahan)
        .await
        .into_iter()
        .filter(|f| f.rule == "K13")
        .map(|f| f.message)
        .collect();
    assert_eq!(k13.len(), 1, "{k13:?}");
    assert!(
        k13[0].contains("koridor wisata"),
        "the drainage one is carried by the copied sub kegiatan: {k13:?}"
    );
}

#[tokio::test]
async fn the_province_reference_can_be_changed_by_the_planner() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let jateng = app.plan_id("33", "rkpd").await.to_string();
    let c = app.login("perencana.magelang").await;
    let page = text(app.get(&c, &format!("/rencana/{rkpd}")).await).await;
    assert!(page.contains("Ubah acuan provinsi"));
    let at = format!("/rencana/{rkpd}/acuan-provinsi");
    // Another region's plan is not a choice.
    let blitar = app.plan_id("35.05", "rkpd").await.to_string();
    let res = app
        .post_form(&c, &at, &[("province_ref_id", &blitar)])
        .await;
    assert_eq!(res.status(), 422);
    assert!(text(res).await.contains("Acuan provinsi tidak diubah"));
    let res = app.post_form(&c, &at, &[("province_ref_id", "")]).await;
    assert_eq!(res.status(), 303);
    let now: Option<Uuid> = sqlx::query_scalar("SELECT province_ref_id FROM plans WHERE id = $1")
        .bind(rkpd)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(now, None);
    let res = app
        .post_form(&c, &at, &[("province_ref_id", &jateng)])
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        text(app.get(&c, &format!("/rencana/{rkpd}")).await)
            .await
            .contains("Acuan provinsi")
    );
    let dinkes = app.login("dinkes.magelang").await;
    assert_eq!(
        app.post_form(&dinkes, &at, &[("province_ref_id", "")])
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn an_agency_cannot_move_its_item_under_another_agencys_program() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let kegiatan = app.item_id(rkpd, "1.02.02.2.01").await;
    let roads = app.item_id(rkpd, "1.03.10").await;
    let (version, org): (i32, Uuid) =
        sqlx::query_as("SELECT version, responsible_org_id FROM plan_items WHERE id = $1")
            .bind(kegiatan)
            .fetch_one(&app.db)
            .await
            .unwrap();
    let dinkes = app.login("dinkes.magelang").await;
    let res = dinkes
        .post(app.url(&format!("/item/{kegiatan}")))
        .form(&[
            ("parent_id", roads.to_string()),
            ("kode", "1.02.02.2.01".to_string()),
            (
                "nama",
                "Penyediaan Fasilitas Pelayanan Kesehatan".to_string(),
            ),
            ("description", String::new()),
            ("responsible_org_id", org.to_string()),
            ("version", version.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(
        text(res)
            .await
            .contains("bukan tanggung jawab perangkat daerah Anda")
    );
    let parent: Option<Uuid> = sqlx::query_scalar("SELECT parent_id FROM plan_items WHERE id = $1")
        .bind(kegiatan)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_ne!(parent, Some(roads), "nothing moved");
}

#[tokio::test]
async fn saving_ceilings_keeps_those_of_agencies_not_on_the_form() {
    let app = spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let c = app.login("perencana.magelang").await;
    // DPUPR has a ceiling; it is then deactivated, so the form no longer lists it.
    sqlx::query(
        "UPDATE organizations SET active = false WHERE region_kode = '33.71' AND code = 'dpupr'",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let dinkes = app.region_org_id("33.71", "dinkes").await;
    let field = format!("c_{dinkes}_2026");
    let form = ceiling_form(&app, &c, rkpd, &[(&field, "12.000.000.000")]).await;
    let res = c
        .post(app.url(&format!("/rencana/{rkpd}/pagu-pd")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let kept: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM agency_ceilings c JOIN organizations o ON o.id = c.org_id WHERE c.plan_id = $1 AND o.code = 'dpupr'",
    )
    .bind(rkpd)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(kept, 1, "the deactivated agency's ceiling is still there");
    let set: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM agency_ceilings WHERE plan_id = $1 AND org_id = $2",
    )
    .bind(rkpd)
    .bind(dinkes)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(set, 1);
}

/// Two planners save the agency ceilings at once: the later one sees the
/// conflict with both values, and nothing they typed is lost.
#[tokio::test]
async fn a_later_save_of_agency_ceilings_sees_the_earlier_one() {
    let app = common::spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let dinkes = app.region_org_id("33.71", "dinkes").await;
    let field = format!("c_{dinkes}_2026");
    let a = app.login("perencana.magelang").await;
    let b = app.login("perencana.magelang").await;
    // Both open the form; A saves first.
    let form_a = ceiling_form(&app, &a, rkpd, &[(&field, "11.000.000.000")]).await;
    let form_b = ceiling_form(&app, &b, rkpd, &[(&field, "13.500.000.000")]).await;
    let url = app.url(&format!("/rencana/{rkpd}/pagu-pd"));
    let res = a.post(&url).form(&form_a).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let res = b.post(&url).form(&form_b).send().await.unwrap();
    assert_eq!(res.status(), 409);
    let html = text(res).await;
    assert!(
        html.contains("value=\"13.500.000.000\""),
        "B's typing is kept"
    );
    assert!(
        html.contains("Rp11.000.000.000") || html.contains("Rp 11.000.000.000"),
        "{html}"
    );
    assert!(html.contains("diubah orang lain"));
    let stored: rust_decimal::Decimal = sqlx::query_scalar(
        "SELECT amount FROM agency_ceilings WHERE plan_id = $1 AND org_id = $2 AND year = 2026",
    )
    .bind(rkpd)
    .bind(dinkes)
    .fetch_one(&app.db)
    .await
    .unwrap();
    assert_eq!(stored.normalize().to_string(), "11000000000");
    // Having seen A's value, B saves again from the returned form.
    let form_b2: Vec<(String, String)> = html
        .split("<input ")
        .skip(1)
        .filter_map(|r| {
            let name = r.split_once(r#"name=""#)?.1.split_once('"')?.0;
            let value = r.split_once(r#"value=""#)?.1.split_once('"')?.0;
            (name.starts_with("c_") || name.starts_with("dibaca_"))
                .then(|| (name.to_string(), value.to_string()))
        })
        .collect();
    let res = b.post(&url).form(&form_b2).send().await.unwrap();
    assert_eq!(res.status(), 303);
}

/// Visitors without an account get a public plan's findings from a cache
/// kept per version of the data: the same answer until something a check
/// reads changes, and a fresh one right after.
#[tokio::test]
async fn public_check_results_are_kept_until_the_data_changes() {
    let app = common::spawn_app().await;
    let rkpd = app.plan_id("33.71", "rkpd").await;
    let k08 = |j: &serde_json::Value| {
        j["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "K08")
            .count()
    };
    let get = || async {
        app.get(&common::client(), &format!("/rencana/{rkpd}/cek.json"))
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap()
    };
    let version = || async {
        sqlx::query_scalar::<_, i64>("SELECT v FROM data_version")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    let first = get().await;
    let before = k08(&first);
    assert!(before > 0, "the demo has a K08 slip");
    let v1 = version().await;
    // Kept: a change made behind the counter's back (as if nothing had
    // changed) is not seen, which shows the answer was not computed again.
    let mut tx = app.db.begin().await.unwrap();
    sqlx::query("DELETE FROM agency_ceilings WHERE plan_id = $1")
        .bind(rkpd)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("SET CONSTRAINTS ALL IMMEDIATE")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("UPDATE data_version SET v = $1")
        .bind(v1)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(get().await, first);
    // A real change (a planner saves a ceiling) is seen at once.
    let dpupr = app.region_org_id("33.71", "dpupr").await;
    let c = app.login("perencana.magelang").await;
    let field = format!("c_{dpupr}_2026");
    let form = ceiling_form(&app, &c, rkpd, &[(&field, "1.000")]).await;
    let res = c
        .post(app.url(&format!("/rencana/{rkpd}/pagu-pd")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(version().await > v1);
    let after = get().await;
    assert_ne!(after, first);
    assert!(k08(&after) >= 1);
}
