//! Every route, as a visitor who has not signed in meets it: a table of
//! method × path → public or sign-in first, checked against the live
//! router on demo data; and a check that fails when the router holds a
//! route the table does not cover (deny by default has to be decided for
//! each new page, not forgotten). Each page and each write behind sign-in
//! also names who gets past the policy (`ROLES`, `WRITES`), checked for
//! seven demo people.

use crate::common;

use std::collections::BTreeSet;

use common::{TestApp, client, spawn_app};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Anon {
    /// Renders without an account (on public data): 200.
    Public,
    /// Sends the visitor on to a public page (not to sign in).
    Onward,
    /// Answers without asking to sign in first, whatever the answer
    /// (a form's own errors, a page that exists only for some plans).
    Open,
    /// Redirected to the sign-in form.
    SignIn,
}
use Anon::*;

const TABLE: &[(&str, &str, Anon)] = &[
    ("GET", "/", Public),
    ("GET", "/healthz", Public),
    ("GET", "/readyz", Public),
    ("GET", "/static/{name}", Public),
    ("GET", "/rencana.atom", Public),
    ("GET", "/konsultasi.atom", Public),
    ("GET", "/usulan/keputusan.atom", Public),
    ("GET", "/usulan/daftar.csv", Public),
    ("GET", "/rencana/daftar.csv", Public),
    ("GET", "/rencana/{id}/item.csv", Public),
    ("GET", "/cari", Public),
    ("GET", "/usulan/{nomor}/koreksi", SignIn),
    ("POST", "/usulan/{nomor}/koreksi", SignIn),
    ("POST", "/usulan/{nomor}/ikuti", SignIn),
    ("POST", "/usulan/{nomor}/komentar", SignIn),
    ("POST", "/usulan/{nomor}/lampiran", SignIn),
    ("GET", "/usulan/{nomor}/lampiran/{id}", Open),
    ("GET", "/usulan/{nomor}/lampiran/{id}/kecil", Open),
    ("GET", "/usulan/{nomor}/lampiran/{id}/hapus", SignIn),
    ("POST", "/usulan/{nomor}/lampiran/{id}/hapus", SignIn),
    ("GET", "/usulan/{nomor}/gabung", SignIn),
    ("POST", "/usulan/{nomor}/gabung", SignIn),
    ("GET", "/usulan/{nomor}/pecah", SignIn),
    ("POST", "/usulan/{nomor}/pecah", SignIn),
    ("GET", "/usulan/{nomor}/komentar/{id}/hapus", SignIn),
    ("POST", "/usulan/{nomor}/komentar/{id}/hapus", SignIn),
    ("GET", "/login", Public),
    ("GET", "/lupa-kata-sandi", Public),
    ("POST", "/lupa-kata-sandi", Open),
    ("GET", "/tautan/{token}", Open),
    ("POST", "/tautan/{token}", Open),
    ("POST", "/login", Open),
    ("GET", "/login/kode", SignIn),
    ("POST", "/login/kode", SignIn),
    ("GET", "/login/daftar-kode", SignIn),
    ("POST", "/login/daftar-kode", SignIn),
    ("POST", "/logout", SignIn),
    ("POST", "/bahasa", Onward),
    ("GET", "/akun", SignIn),
    ("POST", "/akun", SignIn),
    ("GET", "/akun/kata-sandi", SignIn),
    ("POST", "/akun/kata-sandi", SignIn),
    ("POST", "/akun/lembaga", SignIn),
    ("GET", "/daftar", Public),
    ("POST", "/daftar", Open),
    ("GET", "/lembaga/permintaan", SignIn),
    ("POST", "/lembaga/permintaan/{id}", SignIn),
    ("GET", "/admin", SignIn),
    ("GET", "/admin/nomenklatur", SignIn),
    ("GET", "/admin/kamus-usulan", SignIn),
    ("POST", "/admin/kamus-usulan", SignIn),
    ("GET", "/admin/kamus-usulan/{id}", SignIn),
    ("POST", "/admin/kamus-usulan/impor", SignIn),
    ("POST", "/admin/kamus-usulan/impor/simpan", SignIn),
    ("POST", "/admin/kamus-usulan/{id}", SignIn),
    ("POST", "/admin/nomenklatur/pratinjau", SignIn),
    ("POST", "/admin/nomenklatur/impor", SignIn),
    ("GET", "/admin/organisasi", SignIn),
    ("GET", "/admin/organisasi/baru", SignIn),
    ("GET", "/admin/organisasi/dari-wilayah", SignIn),
    ("POST", "/admin/organisasi/dari-wilayah", SignIn),
    ("POST", "/admin/organisasi/baru", SignIn),
    ("GET", "/admin/organisasi/{id}", SignIn),
    ("POST", "/admin/organisasi/{id}", SignIn),
    ("GET", "/admin/pengguna", SignIn),
    ("GET", "/admin/pengguna/baru", SignIn),
    ("GET", "/admin/pengguna/impor", SignIn),
    ("POST", "/admin/pengguna/impor", SignIn),
    ("POST", "/admin/pengguna/impor/simpan", SignIn),
    ("POST", "/admin/pengguna/baru", SignIn),
    ("GET", "/admin/pengguna/{id}", SignIn),
    ("POST", "/admin/pengguna/{id}", SignIn),
    ("POST", "/admin/pengguna/{id}/kata-sandi", SignIn),
    ("POST", "/admin/pengguna/{id}/tautan-reset", SignIn),
    (
        "POST",
        "/admin/pengguna/{id}/keanggotaan/{mid}/pengurus",
        SignIn,
    ),
    ("POST", "/admin/pengguna/{id}/faktor-kedua", SignIn),
    ("POST", "/admin/pengguna/{id}/keanggotaan", SignIn),
    (
        "POST",
        "/admin/pengguna/{id}/keanggotaan/{mid}/hapus",
        SignIn,
    ),
    ("GET", "/admin/pengguna/{id}/nonaktifkan", SignIn),
    ("POST", "/admin/pengguna/{id}/nonaktifkan", SignIn),
    ("POST", "/admin/pengguna/{id}/aktifkan", SignIn),
    ("GET", "/rencana", Public),
    ("GET", "/rencana/baru", SignIn),
    ("POST", "/rencana/baru", SignIn),
    ("GET", "/rencana/{id}", Public),
    ("GET", "/rencana/{id}/perubahan", Open),
    ("POST", "/rencana/{id}/bab", SignIn),
    ("GET", "/bab/{id}", SignIn),
    ("POST", "/bab/{id}", SignIn),
    ("POST", "/rencana/{id}/item", SignIn),
    ("GET", "/item/{id}", Public),
    ("POST", "/item/{id}", SignIn),
    ("POST", "/item/{id}/pagu", SignIn),
    ("GET", "/item/{id}/indikator/baru", SignIn),
    ("POST", "/item/{id}/indikator/baru", SignIn),
    ("GET", "/indikator/{id}", Public),
    ("POST", "/indikator/{id}", SignIn),
    ("POST", "/indikator/{id}/samakan", SignIn),
    ("POST", "/rencana/{id}/acuan-provinsi", SignIn),
    ("POST", "/rencana/{id}/tahap", SignIn),
    ("POST", "/rencana/{id}/jadwal", SignIn),
    ("GET", "/rencana/{id}/versi", Public),
    ("GET", "/rencana/{id}/banding", Public),
    ("GET", "/rencana/{id}/sejak-terakhir", SignIn),
    ("POST", "/rencana/{id}/sudah-dibaca", SignIn),
    ("POST", "/rencana/{id}/komentar", SignIn),
    ("GET", "/komentar/{id}", Onward),
    ("POST", "/komentar/{id}/ubah", SignIn),
    ("GET", "/komentar/{id}/hapus", SignIn),
    ("POST", "/komentar/{id}/hapus", SignIn),
    ("POST", "/komentar/{id}/tindak-lanjut", SignIn),
    ("GET", "/konsultasi", Public),
    ("GET", "/konsultasi/{id}", Onward),
    ("GET", "/rencana/{id}/berita-acara", Public),
    ("GET", "/rencana/{id}/berita-acara.xlsx", Open),
    ("GET", "/rencana/{id}/cetak", Public),
    ("GET", "/rencana/{id}/tabel", Public),
    ("POST", "/rencana/{id}/tabel", SignIn),
    ("GET", "/rencana/{id}/unduh.xlsx", Public),
    ("GET", "/rencana/{id}/sipd.xlsx", Public),
    ("GET", "/rencana/{id}/sipd.csv", Public),
    ("GET", "/rencana/{id}/target-pagu.xlsx", Public),
    ("GET", "/rencana/{id}/impor", SignIn),
    ("POST", "/rencana/{id}/impor", SignIn),
    ("GET", "/rencana/{id}/impor/{imp}", SignIn),
    ("POST", "/rencana/{id}/impor/{imp}", SignIn),
    ("GET", "/rencana/{id}/isi", SignIn),
    ("POST", "/rencana/{id}/isi", SignIn),
    ("GET", "/rencana/{id}/isi/{imp}", SignIn),
    ("POST", "/rencana/{id}/isi/{imp}", SignIn),
    ("POST", "/indikator/{id}/realisasi", SignIn),
    ("GET", "/item/{id}/hapus", SignIn),
    ("POST", "/item/{id}/hapus", SignIn),
    ("GET", "/indikator/{id}/hapus", SignIn),
    ("POST", "/indikator/{id}/hapus", SignIn),
    ("GET", "/bab/{id}/hapus", SignIn),
    ("POST", "/bab/{id}/hapus", SignIn),
    ("GET", "/rencana/{id}/hapus", SignIn),
    ("POST", "/rencana/{id}/hapus", SignIn),
    ("POST", "/ikuti/{id}", SignIn),
    ("GET", "/kotak-masuk", SignIn),
    ("POST", "/kotak-masuk/baca-semua", SignIn),
    ("POST", "/kotak-masuk/{id}", SignIn),
    ("GET", "/usulan", Public),
    ("GET", "/usulan/tugas", SignIn),
    ("GET", "/usulan/rekap.xlsx", Public),
    ("GET", "/usulan/baru", SignIn),
    ("POST", "/usulan/baru", SignIn),
    ("GET", "/usulan/{nomor}", Public),
    ("POST", "/usulan/{nomor}/langkah", SignIn),
    ("POST", "/usulan/{nomor}/peringkat", SignIn),
    ("GET", "/rencana/{id}/cek", Public),
    ("GET", "/rencana/{id}/cek.xlsx", Public),
    ("GET", "/rencana/{id}/cek.json", Public),
    ("GET", "/rencana/{id}/belum-selaras", Public),
    ("POST", "/item/{id}/keselarasan", SignIn),
    ("GET", "/keselarasan/{id}/hapus", SignIn),
    ("POST", "/keselarasan/{id}/hapus", SignIn),
    ("GET", "/rencana/{id}/pagu-pd", Public),
    ("POST", "/rencana/{id}/pagu-pd", SignIn),
    ("GET", "/kerja-sama", Public),
    ("POST", "/kerja-sama", SignIn),
    ("GET", "/kerja-sama/baru", SignIn),
    ("GET", "/kerja-sama/{id}", Public),
    ("GET", "/kerja-sama/{id}/ubah", SignIn),
    ("POST", "/kerja-sama/{id}/ubah", SignIn),
    ("POST", "/kerja-sama/{id}/status", SignIn),
    ("POST", "/kerja-sama/{id}/tahapan", SignIn),
    ("POST", "/kerja-sama/{id}/tahapan/{mid}", SignIn),
    ("POST", "/kerja-sama/{id}/item", SignIn),
    ("GET", "/kerja-sama/{id}/item/{item}/lepas", SignIn),
    ("POST", "/kerja-sama/{id}/item/{item}/lepas", SignIn),
    ("GET", "/usulan/peta", Public),
    ("GET", "/usulan/jadwal", Public),
    ("GET", "/musyawarah", Public),
    ("GET", "/musyawarah/baru", SignIn),
    ("POST", "/musyawarah/baru", SignIn),
    ("GET", "/musyawarah/{id}", Public),
    ("POST", "/musyawarah/{id}/hadir", SignIn),
    ("POST", "/musyawarah/{id}/notulen", SignIn),
    ("POST", "/musyawarah/{id}/keputusan", SignIn),
    ("GET", "/musyawarah/{id}/cetak", Public),
    ("GET", "/musyawarah/{id}/berita-acara.xlsx", Public),
    ("POST", "/usulan/jadwal", SignIn),
    ("GET", "/rencana/{id}/peta", Public),
    ("GET", "/peta/provinsi/{kode}", Public),
    ("GET", "/peta/desa/{kode}", Public),
    ("GET", "/api/v1", Public),
    ("GET", "/api/v1/openapi.json", Public),
    ("GET", "/api/v1/plans", Public),
    // The demo's RKPD is in consultation: a draft, which the API does not
    // serve (404).
    ("GET", "/api/v1/plans/{id}", Open),
    ("GET", "/api/v1/plans/{id}/items", Open),
    ("GET", "/api/v1/plans/{id}/checks", Open),
    ("GET", "/api/v1/proposals", Public),
    ("GET", "/api/v1/proposals/{nomor}", Public),
    ("GET", "/api/v1/regions", Public),
    ("GET", "/api/v1/nomenklatur", Public),
    ("ANY", "/api/{*rest}", Open),
];

/// (method, path) of every route of the application's router, read from
/// the router itself: its `Debug` form lists each route id with its path
/// and, for its method router, the `Allow` header it would answer. (If an
/// axum upgrade changes that form, the count below fails loudly.)
fn routes_in_router() -> BTreeSet<(String, String)> {
    let dump = format!("{:?}", selaras::web::routes());
    let id_after = |s: &str| -> Option<u64> { s.split(')').next()?.parse().ok() };
    // RouteId(N): "path"
    let nodes = dump.split("paths: {").nth(1).expect("the router's paths");
    let paths: std::collections::BTreeMap<u64, String> = nodes
        .split("RouteId(")
        .skip(1)
        .map_while(|chunk| {
            let id = id_after(chunk)?;
            let path = chunk.split_once(": \"")?.1.split('"').next()?;
            Some((id, path.to_string()))
        })
        .collect();
    // RouteId(N): MethodRouter(… allow_header: Bytes(b"GET,HEAD,POST") …
    let mut out = BTreeSet::new();
    for chunk in dump.split("RouteId(").skip(1) {
        let starts = chunk.starts_with(|c: char| c.is_ascii_digit());
        let Some(methods) = chunk
            .strip_prefix(|c: char| c.is_ascii_digit())
            .and_then(|_| chunk.split_once("allow_header: Bytes(b\""))
            .filter(|_| chunk.contains("MethodRouter("))
            .map(|(_, rest)| rest.split('"').next().unwrap_or_default())
            // A route for every method (`any`) allows no list of them.
            .or_else(|| {
                let head = chunk.split("RouteId(").next().unwrap_or_default();
                (starts && head.contains("MethodRouter(") && head.contains("allow_header: Skip"))
                    .then_some("ANY")
            })
        else {
            continue;
        };
        let id = id_after(chunk).unwrap();
        let path = paths
            .get(&id)
            .unwrap_or_else(|| panic!("route {id} has no path"));
        for m in methods.split(',').filter(|m| *m != "HEAD") {
            out.insert((m.to_string(), path.clone()));
        }
    }
    out
}

#[test]
fn every_route_is_in_the_table() {
    let table: BTreeSet<(String, String)> = TABLE
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    let source = routes_in_router();
    assert!(source.len() > 100, "routes were found: {}", source.len());
    let missing: Vec<_> = source.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "routes without a line in tests/policy.rs TABLE: {missing:?}"
    );
    let stale: Vec<_> = table.difference(&source).collect();
    assert!(
        stale.is_empty(),
        "TABLE lines for routes that no longer exist: {stale:?}"
    );
}

/// Real ids of public demo data for each placeholder of a path.
async fn fill(app: &TestApp, path: &str) -> String {
    let one = |sql: &'static str| async move {
        sqlx::query_scalar::<_, Uuid>(sql)
            .fetch_optional(&app.db)
            .await
            .unwrap()
            .unwrap_or(Uuid::nil())
    };
    // The RKPD 2026 of Kota Magelang is open for konsultasi publik.
    let plan = one("SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd'").await;
    let id = if path.starts_with("/rencana/")
        || path.starts_with("/api/v1/plans/")
        || path.starts_with("/konsultasi/")
        || path.starts_with("/ikuti/")
    {
        plan
    } else if path.starts_with("/item/") {
        one("SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' AND i.kode = '1.02.02'").await
    } else if path.starts_with("/indikator/") {
        one("SELECT n.id FROM indicators n JOIN plans p ON p.id = n.plan_id WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' LIMIT 1").await
    } else if path.starts_with("/bab/") {
        one("SELECT s.id FROM plan_sections s JOIN plans p ON p.id = s.plan_id WHERE p.region_kode = '33.71' AND p.kind = 'rkpd' LIMIT 1").await
    } else if path.starts_with("/komentar/") {
        // The first public comment of the demo's lembaga member.
        one(
            "SELECT c.id FROM comments c JOIN users u ON u.id = c.author_id
             WHERE c.visibility = 'publik' AND u.username = 'pkk.magelang'
             ORDER BY c.id LIMIT 1",
        )
        .await
    } else if path.starts_with("/lembaga/permintaan/") {
        one("SELECT id FROM join_requests WHERE status = 'menunggu' ORDER BY created_at LIMIT 1")
            .await
    } else if path.starts_with("/kerja-sama/") {
        one("SELECT id FROM kerja_sama LIMIT 1").await
    } else if path.starts_with("/musyawarah/") {
        one("SELECT id FROM meetings ORDER BY held_on LIMIT 1").await
    } else if path.starts_with("/keselarasan/") {
        one("SELECT id FROM alignment_links LIMIT 1").await
    } else if path.starts_with("/kotak-masuk/") {
        // A notification's number: none has this one.
        return path.replace("{id}", "2147483647");
    } else {
        Uuid::nil()
    };
    path.replace("{id}", &id.to_string())
        .replace("{nomor}", "USL-2026-000001")
        .replace("{mid}", &Uuid::nil().to_string())
        .replace("{item}", &Uuid::nil().to_string())
        .replace("{imp}", &Uuid::nil().to_string())
        .replace("{name}", "selaras.css")
        .replace(
            "{kode}",
            if path.starts_with("/peta/desa/") {
                "33.71.03.1003"
            } else {
                "33"
            },
        )
}

#[tokio::test]
async fn a_visitor_reads_public_pages_and_is_sent_to_sign_in_for_everything_else() {
    let app = spawn_app().await;
    let c = client();
    let mut wrong = Vec::new();
    for (method, path, expect) in TABLE {
        let url = fill(&app, path).await;
        let res = match *method {
            "GET" | "ANY" => c.get(app.url(&url)).send().await.unwrap(),
            _ => c
                .post(app.url(&url))
                .form(&[("x", "1")])
                .send()
                .await
                .unwrap(),
        };
        let status = res.status().as_u16();
        let to_login = status == 303
            && res
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.starts_with("/login"));
        let ok = match expect {
            SignIn => to_login,
            Public => status == 200,
            Onward => status == 303 && !to_login,
            Open => !to_login && status < 500,
        };
        if !ok {
            wrong.push(format!("{method} {url}: {status}, expected {expect:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Who gets past the policy on each page that needs an account, on demo
/// data, among seven demo people of Kota Magelang (`PEOPLE`, in that
/// order): a lembaga member, a kelurahan, a kecamatan, a perangkat daerah,
/// DPRD, the Bappeda planner, the region's admin. "Past" is any answer
/// but 403 (a page, a form's own refusal, 404 for an id the demo lacks);
/// everyone else must meet 403.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Everyone,
    /// The region's admin only.
    Admin,
    /// The planner, on a plan of the Bappeda (the demo RKPD).
    Planner,
    /// Those who make plans: the kecamatan, a perangkat daerah, Bappeda.
    PlanOwners,
    /// A plan's owner and Bappeda: the perangkat daerah of the item and
    /// the planner.
    Importers,
    /// Anyone working for the pemda, not a lembaga member.
    Staff,
    /// Those who propose (Musrenbang), not Bappeda or the admin.
    Proposers,
    /// A comment's author (the demo's lembaga member) and the moderator.
    AuthorOrModerator,
    /// Nobody, in this state of the demo (a plan past its first stage, a
    /// proposal no longer open to merging or correcting).
    Nobody,
    /// 404 for everyone: the demo has no such row (the id is nil).
    Missing,
    /// Sent on for everyone: a sign-in step that is not theirs once signed
    /// in (back to the first step), a page that moves on.
    SentOn,
    /// The lead of a lembaga (the demo's lembaga member leads hers) and
    /// the planner: a request to join it.
    LeadOrPlanner,
    /// A comment's author alone (the demo's lembaga member).
    Author,
    /// A Musrenbang meeting's host (the kecamatan) and Bappeda.
    Hosts,
    /// The planner and the region's admin.
    PlannerOrAdmin,
}

use Who::*;

const PEOPLE: [&str; 7] = [
    "pkk.magelang",
    "kelurahan.rejowinangun",
    "kecamatan.magelangtengah",
    "dpupr.magelang",
    "dprd.magelang",
    "perencana.magelang",
    "admin.magelang",
];

impl Who {
    /// Whether PEOPLE[i] gets past the policy.
    fn lets_in(self, i: usize) -> bool {
        let set: &[usize] = match self {
            Who::Everyone | Who::Missing | Who::SentOn => &[0, 1, 2, 3, 4, 5, 6],
            Who::LeadOrPlanner => &[0, 5],
            Who::Admin => &[6],
            Who::Planner => &[5],
            Who::PlanOwners => &[2, 3, 5],
            Who::Importers => &[3, 5],
            Who::Staff => &[1, 2, 3, 4, 5, 6],
            Who::Proposers => &[0, 1, 2, 3, 4],
            Who::AuthorOrModerator => &[0, 5],
            Who::Author => &[0],
            Who::Hosts => &[2, 5],
            Who::PlannerOrAdmin => &[5, 6],
            Who::Nobody => &[],
        };
        set.contains(&i)
    }
}

const ROLES: &[(&str, Who)] = &[
    ("/admin", Admin),
    ("/admin/kamus-usulan", Admin),
    ("/admin/kamus-usulan/{id}", Admin),
    ("/admin/nomenklatur", Admin),
    ("/admin/organisasi", Admin),
    ("/admin/organisasi/baru", Admin),
    ("/admin/organisasi/dari-wilayah", Admin),
    ("/admin/organisasi/{id}", Admin),
    ("/admin/pengguna", Admin),
    ("/admin/pengguna/baru", Admin),
    ("/admin/pengguna/impor", Admin),
    ("/admin/pengguna/{id}", Admin),
    ("/admin/pengguna/{id}/nonaktifkan", Admin),
    ("/akun", Everyone),
    ("/akun/kata-sandi", Everyone),
    ("/bab/{id}", Planner),
    ("/bab/{id}/hapus", Planner),
    ("/indikator/{id}/hapus", Planner),
    ("/item/{id}/hapus", Planner),
    ("/item/{id}/indikator/baru", Planner),
    ("/kerja-sama/baru", Planner),
    ("/kerja-sama/{id}/item/{item}/lepas", Planner),
    ("/kerja-sama/{id}/ubah", Planner),
    ("/keselarasan/{id}/hapus", Planner),
    ("/komentar/{id}/hapus", AuthorOrModerator),
    ("/kotak-masuk", Everyone),
    ("/lembaga/permintaan", Everyone),
    ("/login/daftar-kode", SentOn),
    ("/login/kode", SentOn),
    ("/musyawarah/baru", Staff),
    ("/rencana/baru", PlanOwners),
    ("/rencana/{id}/hapus", Nobody),
    ("/rencana/{id}/impor", Importers),
    ("/rencana/{id}/impor/{imp}", Importers),
    ("/rencana/{id}/isi", Planner),
    ("/rencana/{id}/isi/{imp}", Missing),
    ("/rencana/{id}/sejak-terakhir", SentOn),
    ("/usulan/baru", Proposers),
    ("/usulan/tugas", Everyone),
    ("/usulan/{nomor}/gabung", Nobody),
    ("/usulan/{nomor}/komentar/{id}/hapus", Missing),
    ("/usulan/{nomor}/koreksi", Nobody),
    ("/usulan/{nomor}/lampiran/{id}/hapus", Missing),
    ("/usulan/{nomor}/pecah", Nobody),
];

#[tokio::test]
async fn each_page_behind_sign_in_lets_in_whom_it_should() {
    let signed_in: BTreeSet<&str> = TABLE
        .iter()
        .filter(|(m, _, a)| *m == "GET" && *a == SignIn)
        .map(|(_, p, _)| *p)
        .collect();
    let listed: BTreeSet<&str> = ROLES.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        signed_in, listed,
        "every page behind sign-in has a line in ROLES, and only those"
    );
    let app = spawn_app().await;
    let mut clients = Vec::new();
    for who in PEOPLE {
        clients.push(app.login(who).await);
    }
    let mut wrong = Vec::new();
    for (path, who) in ROLES {
        let url = fill(&app, path).await;
        for (i, c) in clients.iter().enumerate() {
            let res = c.get(app.url(&url)).send().await.unwrap();
            let status = res.status().as_u16();
            let ok = match who {
                Missing => status == 404,
                SentOn => status == 303,
                _ if who.lets_in(i) => status != 403 && status < 500 && status != 303,
                _ => status == 403,
            };
            if !ok {
                wrong.push(format!(
                    "GET {url} as {}: {status}, expected {who:?}",
                    PEOPLE[i]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// What a write sends: a field no form has, a form of these fields (where
/// a handler reads its form before it can name the decision: the step, the
/// stage move, the plan's kind), or an upload.
#[derive(Debug, Clone, Copy)]
enum Body {
    Junk,
    Fields(&'static str),
    Upload,
}

use Body::*;

/// Who gets past the policy on each write that needs an account: the same
/// people and the same meaning as `ROLES`, for POST. No body here carries
/// a whole valid form, so those let in meet the form's own refusal (or, on
/// a few confirmations that need no field, do the thing); the others meet
/// a 403, before their form is looked at. Those let in go last, so a
/// removal done by one of them cannot hide a 403 from the others.
const WRITES: &[(&str, Who, Body)] = &[
    ("/usulan/{nomor}/koreksi?version=0", Nobody, Junk),
    ("/usulan/{nomor}/ikuti", Everyone, Junk),
    ("/usulan/{nomor}/komentar", Everyone, Junk),
    ("/usulan/{nomor}/lampiran", Planner, Upload),
    ("/usulan/{nomor}/lampiran/{id}/hapus", Missing, Junk),
    ("/usulan/{nomor}/gabung", Nobody, Junk),
    ("/usulan/{nomor}/pecah", Nobody, Junk),
    ("/usulan/{nomor}/komentar/{id}/hapus", Missing, Junk),
    ("/login/kode", SentOn, Junk),
    ("/login/daftar-kode", SentOn, Junk),
    ("/akun", Everyone, Junk),
    ("/akun/kata-sandi", Everyone, Junk),
    ("/akun/lembaga", Everyone, Junk),
    (
        "/lembaga/permintaan/{id}",
        LeadOrPlanner,
        Fields("keputusan=tolak"),
    ),
    ("/admin/kamus-usulan", Admin, Junk),
    ("/admin/kamus-usulan/impor", Admin, Junk),
    ("/admin/kamus-usulan/impor/simpan", Admin, Junk),
    ("/admin/kamus-usulan/{id}", Admin, Junk),
    ("/admin/nomenklatur/pratinjau", Admin, Junk),
    ("/admin/nomenklatur/impor", Admin, Junk),
    ("/admin/organisasi/dari-wilayah", Admin, Junk),
    ("/admin/organisasi/baru", Admin, Junk),
    ("/admin/organisasi/{id}", Admin, Junk),
    ("/admin/pengguna/impor", Admin, Junk),
    ("/admin/pengguna/impor/simpan", Admin, Junk),
    ("/admin/pengguna/baru", Admin, Junk),
    ("/admin/pengguna/{id}", Admin, Junk),
    ("/admin/pengguna/{id}/kata-sandi", Admin, Junk),
    ("/admin/pengguna/{id}/tautan-reset", Admin, Junk),
    (
        "/admin/pengguna/{id}/keanggotaan/{mid}/pengurus",
        Admin,
        Junk,
    ),
    ("/admin/pengguna/{id}/faktor-kedua", Admin, Junk),
    ("/admin/pengguna/{id}/keanggotaan", Admin, Junk),
    ("/admin/pengguna/{id}/keanggotaan/{mid}/hapus", Admin, Junk),
    ("/admin/pengguna/{id}/nonaktifkan", Admin, Junk),
    ("/admin/pengguna/{id}/aktifkan", Admin, Junk),
    ("/rencana/baru", Planner, Fields("kind=rkpd")),
    ("/rencana/{id}/bab", Planner, Junk),
    ("/bab/{id}", Planner, Junk),
    ("/rencana/{id}/item", Planner, Junk),
    ("/item/{id}", Planner, Junk),
    ("/item/{id}/pagu", Planner, Junk),
    ("/item/{id}/indikator/baru", Planner, Junk),
    ("/indikator/{id}", Planner, Junk),
    ("/indikator/{id}/samakan", Planner, Junk),
    ("/rencana/{id}/acuan-provinsi", Planner, Junk),
    (
        "/rencana/{id}/tahap",
        Planner,
        Fields("gerak=maju&catatan="),
    ),
    ("/rencana/{id}/jadwal", PlannerOrAdmin, Junk),
    ("/rencana/{id}/sudah-dibaca", Everyone, Junk),
    (
        "/rencana/{id}/komentar",
        Everyone,
        Fields("target=plan&target_id=&anchor=&parent_id=&body=&kembali="),
    ),
    ("/komentar/{id}/ubah", Author, Junk),
    ("/komentar/{id}/tindak-lanjut", Planner, Junk),
    // Removes the comment (no field needed): after the others on it.
    ("/komentar/{id}/hapus", AuthorOrModerator, Junk),
    ("/rencana/{id}/tabel", Importers, Junk),
    ("/rencana/{id}/impor", Importers, Upload),
    ("/rencana/{id}/impor/{imp}", Importers, Junk),
    ("/rencana/{id}/isi", Planner, Upload),
    ("/rencana/{id}/isi/{imp}", Planner, Junk),
    ("/indikator/{id}/realisasi", Planner, Junk),
    ("/item/{id}/hapus", Planner, Junk),
    ("/indikator/{id}/hapus", Planner, Junk),
    ("/bab/{id}/hapus", Planner, Junk),
    ("/rencana/{id}/hapus", Nobody, Junk),
    ("/ikuti/{id}", Everyone, Junk),
    ("/kotak-masuk/baca-semua", Everyone, Junk),
    ("/kotak-masuk/{id}", Missing, Junk),
    ("/usulan/baru", Proposers, Junk),
    (
        "/usulan/{nomor}/langkah",
        Nobody,
        Fields("langkah=tolak&alasan=x&version=0"),
    ),
    ("/usulan/{nomor}/peringkat", Nobody, Junk),
    ("/item/{id}/keselarasan", Planner, Junk),
    ("/keselarasan/{id}/hapus", Planner, Junk),
    ("/rencana/{id}/pagu-pd", Planner, Junk),
    ("/kerja-sama", Planner, Junk),
    ("/kerja-sama/{id}/ubah", Planner, Junk),
    ("/kerja-sama/{id}/status", Planner, Junk),
    ("/kerja-sama/{id}/tahapan", Planner, Junk),
    ("/kerja-sama/{id}/tahapan/{mid}", Planner, Junk),
    ("/kerja-sama/{id}/item", Planner, Junk),
    ("/kerja-sama/{id}/item/{item}/lepas", Planner, Junk),
    ("/musyawarah/baru", Staff, Junk),
    ("/musyawarah/{id}/hadir", Hosts, Junk),
    ("/musyawarah/{id}/notulen", Hosts, Junk),
    ("/musyawarah/{id}/keputusan", Hosts, Junk),
    ("/usulan/jadwal", Planner, Junk),
    // Signing out ends the session (and sends to sign in): last.
    ("/logout", SentOn, Junk),
];

#[tokio::test]
async fn each_write_behind_sign_in_lets_in_whom_it_should() {
    let signed_in: BTreeSet<&str> = TABLE
        .iter()
        .filter(|(m, _, a)| *m == "POST" && *a == SignIn)
        .map(|(_, p, _)| *p)
        .collect();
    let listed: BTreeSet<&str> = WRITES
        .iter()
        .map(|(p, _, _)| p.split('?').next().unwrap())
        .collect();
    assert_eq!(
        signed_in, listed,
        "every write behind sign-in has a line in WRITES, and only those"
    );
    let app = spawn_app().await;
    // A request to join the lembaga of the demo's lembaga member, waiting.
    sqlx::query(
        "INSERT INTO join_requests (id, region_kode, user_id, organization_id, note)
         SELECT gen_random_uuid(), m.region_kode, u.id, m.organization_id, 'Ingin bergabung'
         FROM memberships m JOIN users l ON l.id = m.user_id AND l.username = 'pkk.magelang',
              users u WHERE u.username = 'kecamatan.magelangtengah' LIMIT 1",
    )
    .execute(&app.db)
    .await
    .unwrap();
    // Her comment was just written, so it may still be edited (15 minutes),
    // however old the template database is.
    let comment = fill(&app, "/komentar/{id}").await;
    let comment = comment.trim_start_matches("/komentar/");
    sqlx::query("UPDATE comments SET created_at = now() WHERE id = $1::uuid")
        .bind(comment)
        .execute(&app.db)
        .await
        .unwrap();
    let mut clients = Vec::new();
    for who in PEOPLE {
        clients.push(app.login(who).await);
    }
    let mut wrong = Vec::new();
    for (path, who, body) in WRITES {
        let url = fill(&app, path).await;
        // Those kept out first, then those let in.
        let mut order: Vec<usize> = (0..PEOPLE.len()).collect();
        order.sort_by_key(|i| who.lets_in(*i));
        for i in order {
            let req = clients[i].post(app.url(&url));
            let req = match body {
                Junk => req.form(&[("x", "1")]),
                Fields(f) => req
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(*f),
                Upload => req.multipart(reqwest::multipart::Form::new().text("x", "1")),
            };
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let to_login = res
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.starts_with("/login"));
            let ok = match who {
                Missing => status == 404,
                SentOn => status == 303,
                _ if who.lets_in(i) => status != 403 && status < 500 && !to_login,
                _ => status == 403,
            };
            if !ok {
                wrong.push(format!(
                    "POST {url} as {}: {status}, expected {who:?}",
                    PEOPLE[i]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
