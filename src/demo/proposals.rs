//! Demo proposals (SPEC 13): from the kelurahan of Kota Magelang and Desa
//! Plosorejo in every status, a pokir of the DPRD, accepted ones in
//! sub kegiatan of RKPD 2026 and rejected ones with reasons. Each is
//! carried through the same steps, by the same roles, as in the app.

use crate::domain::money::Rupiah;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use super::DemoError;
use crate::domain::proposal::{Source, Step, next};
use crate::store::SaveError;
use crate::store::proposals::{self, Decision, NewProposal};

async fn id_of(db: &PgPool, sql: &str, arg: &str) -> Result<Uuid, DemoError> {
    sqlx::query_scalar(sql)
        .bind(arg)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| DemoError::Data(format!("demo proposals: nothing for {arg}")))
}

async fn user(db: &PgPool, username: &str) -> Result<Uuid, DemoError> {
    id_of(db, "SELECT id FROM users WHERE username = $1", username).await
}

async fn org(db: &PgPool, region: &str, code: &str) -> Result<Uuid, DemoError> {
    sqlx::query_scalar("SELECT id FROM organizations WHERE region_kode = $1 AND code = $2")
        .bind(region)
        .bind(code)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| DemoError::Data(format!("no organization {code} in {region}")))
}

/// (kamus name, sub kegiatan code, agency code, satuan)
const KAMUS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "33.71",
        "Rehabilitasi saluran drainase lingkungan",
        "1.03.06.2.01.0028",
        "dpupr",
        "meter",
    ),
    (
        "33.71",
        "Rehabilitasi jalan lingkungan",
        "1.03.10.2.01.0044",
        "dpupr",
        "meter",
    ),
    (
        "33.71",
        "Pelayanan kesehatan balita di posyandu",
        "1.02.02.2.02.0004",
        "dinkes",
        "posyandu",
    ),
    (
        "33.71",
        "Kelas ibu hamil",
        "1.02.02.2.02.0001",
        "dinkes",
        "kelas",
    ),
    (
        "33.71",
        "Rehabilitasi ruang kelas sekolah dasar",
        "1.01.02.2.01.0051",
        "disdikbud",
        "ruang",
    ),
    (
        "35.05",
        "Pemberian makanan tambahan balita",
        "1.02.02.2.02.0015",
        "dinkes",
        "paket",
    ),
    (
        "35.05",
        "Pengembangan puskesmas pembantu",
        "1.02.02.2.01.0006",
        "dinkes",
        "unit",
    ),
];

struct Demo<'a> {
    region: &'a str,
    source: Source,
    by: &'a str,
    by_org: &'a str,
    place: String,
    kamus: &'a str,
    title: &'a str,
    problem: &'a str,
    solution: &'a str,
    volume: i64,
    cost: i64,
    reses: Option<&'a str>,
    /// (step, actor username, actor org code, recommendation or reason)
    steps: Vec<(Step, &'a str, &'a str, &'a str)>,
    /// For Akomodir: (sub kegiatan code, volume, pagu); for Tunda: year.
    accept: Option<(&'a str, i64, i64)>,
    defer: Option<i32>,
}

/// A point inside the desa for a demo proposal, chosen by its title so
/// that proposals of one desa stand apart on the map (None where the desa
/// has no outline).
async fn point_in(
    db: &PgPool,
    place: &str,
    title: &str,
) -> Result<Option<(Decimal, Decimal)>, DemoError> {
    let Some(area) = crate::store::boundaries::of(db, &[place.to_string()])
        .await?
        .pop()
    else {
        return Ok(None);
    };
    let inside = area.shape.grid_inside(6);
    if inside.is_empty() {
        return Ok(None);
    }
    let pick = title.bytes().map(usize::from).sum::<usize>() % inside.len();
    let (lat, lng) = inside[pick];
    let dec = |v: f64| Decimal::from_f64_retain(v).map(|d| d.round_dp(6));
    Ok(dec(lat).zip(dec(lng)))
}

async fn carry(db: &PgPool, d: Demo<'_>, musrenbang: Uuid) -> Result<(), DemoError> {
    let kamus_id: Uuid =
        sqlx::query_scalar("SELECT id FROM kamus_usulan WHERE region_kode = $1 AND nama = $2")
            .bind(d.region)
            .bind(d.kamus)
            .fetch_one(db)
            .await?;
    let satuan: String = sqlx::query_scalar("SELECT satuan FROM kamus_usulan WHERE id = $1")
        .bind(kamus_id)
        .fetch_one(db)
        .await?;
    let (latitude, longitude) = match point_in(db, &d.place, d.title).await? {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    };
    let mut tx = db.begin().await?;
    let (_, number) = proposals::create(
        &mut tx,
        NewProposal {
            region_kode: d.region,
            source: d.source,
            title: d.title,
            problem: d.problem,
            solution: d.solution,
            wilayah_kode: &d.place,
            latitude,
            longitude,
            kamus_id: Some(kamus_id),
            volume: Decimal::from(d.volume),
            satuan: &satuan,
            estimated_cost: Rupiah::new(Decimal::from(d.cost)),
            proposer_id: user(db, d.by).await?,
            proposer_org_id: org(db, d.region, d.by_org).await?,
            reses_ref: d.reses,
            target_year: 2026,
        },
    )
    .await?;
    tx.commit().await?;
    for (step, who, who_org, note) in d.steps {
        let p = proposals::by_nomor(db, &number)
            .await?
            .ok_or_else(|| DemoError::Data("vanished".into()))?;
        let to = next(p.status, step).map_err(DemoError::Data)?;
        let mut decision = Decision::default();
        if who_org == "kec-magelang-tengah" {
            decision.meeting = Some(musrenbang);
        }
        match step {
            Step::Tolak => decision.reject_reason = Some(note.to_string()),
            Step::Tunda => decision.deferred_to = d.defer,
            Step::Akomodir => {
                let (kode, volume, pagu) = d
                    .accept
                    .ok_or_else(|| DemoError::Data("accept without item".into()))?;
                let item: Uuid = sqlx::query_scalar(
                    "SELECT i.id FROM plan_items i JOIN plans pl ON pl.id = i.plan_id
                     WHERE pl.region_kode = $1 AND pl.kind = 'rkpd' AND pl.first_year = 2026 AND i.kode = $2",
                )
                .bind(d.region)
                .bind(kode)
                .fetch_one(db)
                .await?;
                decision.accepted = Some(proposals::Acceptance {
                    item,
                    volume: Decimal::from(volume),
                    pagu: Rupiah::new(Decimal::from(pagu)),
                });
            }
            _ => {}
        }
        let mut tx = db.begin().await?;
        let actor_org = org(db, d.region, who_org).await?;
        proposals::act(
            &mut tx,
            user(db, who).await?,
            Some(actor_org),
            &p,
            p.version,
            to,
            note,
            &decision,
        )
        .await
        .map_err(|e| match e {
            SaveError::Db(e) => DemoError::Db(e),
            other => DemoError::Data(format!("{number}: {other:?}")),
        })?;
        tx.commit().await?;
    }
    Ok(())
}

pub async fn load(db: &PgPool) -> Result<(), DemoError> {
    let mut tx = db.begin().await?;
    for (region, nama, kode, agency, satuan) in KAMUS {
        let agency = org(db, region, agency).await?;
        proposals::add_kamus(&mut tx, region, nama, kode, agency, satuan).await?;
    }
    tx.commit().await?;
    let existing: i64 = sqlx::query_scalar("SELECT count(*) FROM proposals")
        .fetch_one(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    // The kecamatan decides at its Musrenbang.
    let musrenbang = super::meetings::load(db).await?;
    let rejo = "33.71.03.1003".to_string();
    let selatan: String = id_of_text(db, "33.71.01.%").await?;
    let kel = "kel-rejowinangun-utara";
    let kec = "kec-magelang-tengah";
    let forward = |who, org, note| (Step::Teruskan, who, org, note);
    let all = vec![
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Rehabilitasi saluran drainase lingkungan",
            title: "Rehabilitasi drainase RW 05 Rejowinangun Utara",
            problem: "Saluran di RW 05 sempit dan dangkal; setiap hujan deras air meluap ke rumah warga di sepanjang Jalan Sidotopo.",
            solution: "Rehabilitasi saluran drainase sepanjang 250 meter dengan saluran beton U-ditch dan penutup.",
            volume: 250,
            cost: 375_000_000,
            reses: None,
            steps: vec![
                forward(
                    "kelurahan.rejowinangun",
                    kel,
                    "Prioritas 1 hasil Musrenbang Kelurahan Rejowinangun Utara.",
                ),
                forward(
                    "kecamatan.magelangtengah",
                    kec,
                    "Prioritas 1 Kecamatan Magelang Tengah: genangan berulang.",
                ),
                (
                    Step::Verifikasi,
                    "dpupr.magelang",
                    "dpupr",
                    "Layak teknis; biaya sesuai standar harga satuan.",
                ),
                (
                    Step::Akomodir,
                    "perencana.magelang",
                    "bapperida",
                    "Diakomodir pada RKPD 2026.",
                ),
            ],
            accept: Some(("1.03.06.2.01.0028", 250, 375_000_000)),
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Pelayanan kesehatan balita di posyandu",
            title: "Timbangan digital untuk posyandu Rejowinangun Utara",
            problem: "Penimbangan balita masih memakai dacin; hasilnya sering tidak akurat untuk deteksi stunting.",
            solution: "Pengadaan timbangan digital dan alat ukur tinggi badan untuk 12 posyandu.",
            volume: 12,
            cost: 60_000_000,
            reses: None,
            steps: vec![
                forward("kelurahan.rejowinangun", kel, "Prioritas 2."),
                forward("kecamatan.magelangtengah", kec, "Diteruskan."),
                (
                    Step::Tolak,
                    "dinkes.magelang",
                    "dinkes",
                    "Sudah dipenuhi: seluruh posyandu Kota Magelang menerima antropometri kit dari DAK Non Fisik 2025.",
                ),
            ],
            accept: None,
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Kelas ibu hamil",
            title: "Kelas ibu hamil sore hari di Rejowinangun Utara",
            problem: "Banyak ibu hamil bekerja pagi sehingga tidak dapat mengikuti kelas ibu hamil di puskesmas.",
            solution: "Menyelenggarakan kelas ibu hamil sore hari di balai kelurahan, empat kali setahun.",
            volume: 4,
            cost: 24_000_000,
            reses: None,
            steps: vec![
                forward("kelurahan.rejowinangun", kel, "Prioritas 3."),
                forward("kecamatan.magelangtengah", kec, "Diteruskan."),
                (
                    Step::Verifikasi,
                    "dinkes.magelang",
                    "dinkes",
                    "Layak; dapat dilaksanakan puskesmas Magelang Tengah.",
                ),
            ],
            accept: None,
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Rehabilitasi ruang kelas sekolah dasar",
            title: "Rehabilitasi dua ruang kelas SD Negeri Rejowinangun Utara 2",
            problem: "Atap dua ruang kelas bocor dan plafon rusak.",
            solution: "Rehabilitasi atap dan plafon dua ruang kelas.",
            volume: 2,
            cost: 180_000_000,
            reses: None,
            steps: vec![forward("kelurahan.rejowinangun", kel, "Prioritas 4.")],
            accept: None,
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Rehabilitasi jalan lingkungan",
            title: "Perbaikan jalan lingkungan RT 03 RW 02",
            problem: "Jalan lingkungan berlubang sepanjang 120 meter.",
            solution: "Pengaspalan ulang 120 meter jalan lingkungan.",
            volume: 120,
            cost: 96_000_000,
            reses: None,
            steps: vec![],
            accept: None,
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Rehabilitasi saluran drainase lingkungan",
            title: "Normalisasi saluran RW 05 (usulan RT 02)",
            problem: "Saluran meluap di RW 05.",
            solution: "Normalisasi saluran 100 meter.",
            volume: 100,
            cost: 80_000_000,
            reses: None,
            steps: vec![],
            accept: None,
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Pokir,
            by: "dprd.magelang",
            by_org: "dprd",
            place: selatan.clone(),
            kamus: "Rehabilitasi jalan lingkungan",
            title: "Rehabilitasi jalan lingkungan di Magelang Selatan (pokir)",
            problem: "Warga menyampaikan saat reses bahwa jalan lingkungan rusak berat sejak 2023.",
            solution: "Rehabilitasi 300 meter jalan lingkungan.",
            volume: 300,
            cost: 240_000_000,
            reses: Some("Reses Masa Sidang I 2025, Dapil Magelang Selatan"),
            steps: vec![],
            accept: None,
            defer: None,
        },
        Demo {
            region: "33.71",
            source: Source::Musrenbang,
            by: "kelurahan.rejowinangun",
            by_org: kel,
            place: rejo.clone(),
            kamus: "Rehabilitasi jalan lingkungan",
            title: "Jalan tembus Rejowinangun Utara – Tidar",
            problem: "Akses antarkampung memutar jauh.",
            solution: "Pembangunan jalan tembus 400 meter.",
            volume: 400,
            cost: 1_200_000_000,
            reses: None,
            steps: vec![
                forward("kelurahan.rejowinangun", kel, "Prioritas 5."),
                forward("kecamatan.magelangtengah", kec, "Diteruskan."),
                (
                    Step::Verifikasi,
                    "dpupr.magelang",
                    "dpupr",
                    "Layak, tetapi memerlukan pembebasan lahan.",
                ),
                (
                    Step::Tunda,
                    "perencana.magelang",
                    "bapperida",
                    "Ditunda menunggu kajian pembebasan lahan.",
                ),
            ],
            accept: None,
            defer: Some(2027),
        },
        Demo {
            region: "35.05",
            source: Source::Musrenbang,
            by: "desa.plosorejo",
            by_org: "desa-plosorejo",
            place: "35.05.04.2014".into(),
            kamus: "Pemberian makanan tambahan balita",
            title: "Pemberian makanan tambahan balita berisiko stunting Desa Plosorejo",
            problem: "Terdapat 18 balita berisiko stunting di Desa Plosorejo.",
            solution: "PMT lokal berbahan kakao dan pangan setempat selama 90 hari.",
            volume: 18,
            cost: 27_000_000,
            reses: None,
            steps: vec![],
            accept: None,
            defer: None,
        },
    ];
    for d in all {
        carry(db, d, musrenbang).await?;
    }
    Ok(())
}

async fn id_of_text(db: &PgPool, pattern: &str) -> Result<String, DemoError> {
    sqlx::query_scalar(
        "SELECT kode FROM regions WHERE kode LIKE $1 AND level = 'kelurahan' ORDER BY kode LIMIT 1",
    )
    .bind(pattern)
    .fetch_optional(db)
    .await?
    .ok_or_else(|| DemoError::Data(format!("no kelurahan like {pattern}")))
}
