//! The demo's meetings: the Musrenbang Kecamatan Magelang Tengah (where
//! the kecamatan's forwarding decisions are taken) and a Forum Kemitraan
//! of Kota Magelang (seed 001).

use sqlx::PgPool;
use time::macros::date;
use uuid::Uuid;

use super::DemoError;
use crate::domain::meeting::{MeetingKind, NewMeeting};
use crate::store::meetings;

async fn id(db: &PgPool, sql: &str, key: &str) -> Result<Uuid, DemoError> {
    sqlx::query_scalar(sql)
        .bind(key)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| DemoError::Data(format!("demo meeting: {key} missing")))
}

async fn org(db: &PgPool, code: &str) -> Result<Uuid, DemoError> {
    id(
        db,
        "SELECT id FROM organizations WHERE region_kode = '33.71' AND code = $1",
        code,
    )
    .await
}

async fn user(db: &PgPool, username: &str) -> Result<Uuid, DemoError> {
    id(db, "SELECT id FROM users WHERE username = $1", username).await
}

/// Creates both meetings (once) and returns the kecamatan's.
pub async fn load(db: &PgPool) -> Result<Uuid, DemoError> {
    if let Some(existing) = sqlx::query_scalar::<_, Uuid>(
        "SELECT id FROM meetings WHERE region_kode = '33.71' AND kind = 'musrenbang_kecamatan' LIMIT 1",
    )
    .fetch_optional(db)
    .await?
    {
        return Ok(existing);
    }
    let kec = org(db, "kec-magelang-tengah").await?;
    let bapperida = org(db, "bapperida").await?;
    let invited = vec![
        bapperida,
        org(db, "kel-rejowinangun-utara").await?,
        org(db, "lpm").await?,
        org(db, "pkk").await?,
        org(db, "dpupr").await?,
    ];
    let musrenbang = NewMeeting {
        kind: MeetingKind::MusrenbangKecamatan,
        title: "Musrenbang Kecamatan Magelang Tengah RKPD 2026".into(),
        held_on: date!(2025 - 02 - 12),
        place: "Aula Kecamatan Magelang Tengah".into(),
        organizer: kec,
        agenda: "1. Pembukaan oleh Camat Magelang Tengah\n2. Paparan prioritas pembangunan Kota Magelang 2026 oleh Bapperida\n3. Pembahasan dan pemeringkatan usulan kelurahan\n4. Penetapan usulan yang diteruskan ke kota\n5. Penandatanganan berita acara".into(),
        invited: invited.clone(),
    };
    let forum = NewMeeting {
        kind: MeetingKind::ForumKemitraan,
        title: "Forum Kemitraan Pembangunan Kota Magelang 2025".into(),
        held_on: date!(2025 - 03 - 05),
        place: "Ruang Rapat Bapperida Kota Magelang".into(),
        organizer: bapperida,
        agenda: "1. Program prioritas 2026 yang terbuka untuk kemitraan\n2. Tawaran dukungan dunia usaha dan lembaga masyarakat\n3. Kesepakatan tindak lanjut".into(),
        invited,
    };
    let camat = user(db, "kecamatan.magelangtengah").await?;
    let planner = user(db, "perencana.magelang").await?;
    let mut tx = db.begin().await?;
    let m = meetings::create(&mut tx, camat, "33.71", &musrenbang).await?;
    let f = meetings::create(&mut tx, planner, "33.71", &forum).await?;
    for (meeting, by, people) in [
        (
            m,
            camat,
            &[
                ("Drs. Agus Santoso", "Camat Magelang Tengah"),
                (
                    "Operator Kelurahan Rejowinangun Utara",
                    "Kelurahan Rejowinangun Utara",
                ),
                ("Joko Prasetyo", "LPM Rejowinangun Utara"),
                ("Sri Wahyuni", "TP PKK Kota Magelang"),
                ("Rina Kusumawardani", "Bapperida Kota Magelang"),
            ][..],
        ),
        (
            f,
            planner,
            &[
                ("Rina Kusumawardani", "Bapperida Kota Magelang"),
                ("Ir. Hendra Wijaya", "Forum CSR Kota Magelang"),
                ("Joko Prasetyo", "LPM Rejowinangun Utara"),
            ][..],
        ),
    ] {
        let record = meetings::get_in(&mut tx, "33.71", meeting).await?;
        for (name, org) in people {
            meetings::add_attendee(&mut tx, by, &record, name, org).await?;
        }
    }
    let minutes = "Musrenbang dibuka oleh Camat pukul 09.00 WIB dan dihadiri unsur kelurahan, LPM, PKK dan Bapperida. \
Usulan Kelurahan Rejowinangun Utara dibahas satu per satu; usulan yang layak diteruskan ke Musrenbang kota \
dengan peringkat sebagaimana tercatat di halaman ini.";
    let record = meetings::get_in(&mut tx, "33.71", m).await?;
    meetings::set_minutes(&mut tx, camat, &record, record.version, minutes).await?;
    let minutes = "Forum menyepakati dukungan Forum CSR untuk rehabilitasi drainase lingkungan dan pelatihan UMKM; \
Bapperida mencatatnya sebagai kerja sama dengan pihak ketiga untuk ditindaklanjuti dalam RKPD 2026.";
    let record = meetings::get_in(&mut tx, "33.71", f).await?;
    meetings::set_minutes(&mut tx, planner, &record, record.version, minutes).await?;
    tx.commit().await?;
    Ok(m)
}
