//! The collaboration part of the demo: RKPD 2026 of Kota Magelang open for
//! konsultasi publik with input from PKK, LPM and the DPRD (some already
//! answered), and the RPJMD's history: snapshots of two earlier stages that
//! differ from the enacted text, so the comparison has something to show.

use crate::domain::money::Rupiah;
use rust_decimal::Decimal;
use sqlx::PgPool;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::DemoError;
use crate::domain::comment::{Target, TindakLanjut, Visibility};
use crate::domain::plan::Stage;
use crate::domain::stage::Move;
use crate::store::comments::{self, NewComment};
use crate::store::plans::{self, stages};

async fn user(db: &PgPool, username: &str) -> Result<Uuid, DemoError> {
    sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| DemoError::Data(format!("no user {username}")))
}

async fn plan_of(db: &PgPool, kind: &str) -> Result<plans::Plan, DemoError> {
    let id: Uuid =
        sqlx::query_scalar("SELECT id FROM plans WHERE region_kode = '33.71' AND kind::text = $1")
            .bind(kind)
            .fetch_optional(db)
            .await?
            .ok_or_else(|| DemoError::Data(format!("no {kind} of Kota Magelang")))?;
    plans::get(db, id)
        .await?
        .ok_or_else(|| DemoError::Data("plan vanished".into()))
}

pub async fn load(db: &PgPool) -> Result<(), DemoError> {
    consultation(db).await?;
    history(db).await
}

async fn consultation(db: &PgPool) -> Result<(), DemoError> {
    let rkpd = plan_of(db, "rkpd").await?;
    let mut tx = db.begin().await?;
    // The consultation is open from a week ago for three more weeks, so the
    // demo always takes input.
    let now = OffsetDateTime::now_utc();
    stages::set_schedule(
        &mut tx,
        user(db, "perencana.magelang").await?,
        &rkpd,
        Stage::KonsultasiPublik,
        now - Duration::days(7),
        now + Duration::days(21),
    )
    .await?;
    // The version published for the consultation, which its berita acara
    // quotes (a plan moved there through the stages gets one by itself).
    let published: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM plan_snapshots WHERE plan_id = $1 AND stage = 'konsultasi_publik')",
    )
    .bind(rkpd.id)
    .fetch_one(&mut *tx)
    .await?;
    if !published {
        stages::freeze(
            &mut tx,
            &rkpd,
            Stage::KonsultasiPublik,
            "Rancangan awal → Konsultasi publik",
        )
        .await?;
    }
    tx.commit().await?;
    let existing: i64 = sqlx::query_scalar("SELECT count(*) FROM comments WHERE plan_id = $1")
        .bind(rkpd.id)
        .fetch_one(db)
        .await?;
    if existing > 0 {
        return Ok(());
    }
    let rkpd = plans::get(db, rkpd.id)
        .await?
        .ok_or_else(|| DemoError::Data("plan vanished".into()))?;
    let item = |kode: &'static str| {
        let db = db.clone();
        let plan = rkpd.id;
        async move {
            sqlx::query_scalar::<_, Uuid>(
                "SELECT id FROM plan_items WHERE plan_id = $1 AND kode = $2",
            )
            .bind(plan)
            .bind(kode)
            .fetch_optional(&db)
            .await
        }
    };
    let (pkk, lpm, dprd, planner) = (
        user(db, "pkk.magelang").await?,
        user(db, "lpm.magelang").await?,
        user(db, "dprd.magelang").await?,
        user(db, "perencana.magelang").await?,
    );
    let health = item("1.02.02").await?;
    let roads = sqlx::query_scalar::<_, Uuid>(
        "SELECT id FROM plan_items WHERE plan_id = $1 AND kode LIKE '1.03.%' ORDER BY kode LIMIT 1",
    )
    .bind(rkpd.id)
    .fetch_optional(db)
    .await?;
    // (author, target, target id, anchor, visibility, body, tindak lanjut)
    type Input<'a> = (
        Uuid,
        Target,
        Option<Uuid>,
        Option<&'a str>,
        Visibility,
        &'a str,
        Option<(TindakLanjut, &'a str)>,
    );
    let inputs: Vec<Input> = vec![
        (
            pkk,
            Target::Paragraph,
            None,
            Some("bab-1-p2"),
            Visibility::Publik,
            "TP PKK mengusulkan agar kelas ibu hamil dan pemberian makanan tambahan di posyandu dijadwalkan rutin setiap bulan di 17 kelurahan, karena kehadiran ibu balita masih rendah pada pagi hari.",
            Some((
                TindakLanjut::Diterima,
                "Diakomodasi: Dinas Kesehatan menjadwalkan kelas ibu hamil sore hari di puskesmas dan posyandu, masuk sub kegiatan pelayanan kesehatan ibu hamil 2026.",
            )),
        ),
        (
            lpm,
            Target::Item,
            roads,
            None,
            Visibility::Publik,
            "LPM Rejowinangun Utara: drainase di RW 05 sering meluap saat hujan deras. Mohon rehabilitasi saluran masuk RKPD 2026.",
            Some((
                TindakLanjut::TidakDiterima,
                "Belum dapat diakomodasi pada 2026 karena pagu terbatas; diusulkan kembali melalui Musrenbang kecamatan untuk RKPD 2027.",
            )),
        ),
        (
            pkk,
            Target::Item,
            health,
            None,
            Visibility::Publik,
            "Mohon timbangan digital untuk posyandu yang belum memilikinya, agar data stunting lebih akurat.",
            None,
        ),
        (
            dprd,
            Target::Plan,
            None,
            None,
            Visibility::Internal,
            "Komisi C meminta rincian sebaran lokasi sub kegiatan jalan lingkungan per kecamatan sebelum pembahasan KUA-PPAS.",
            Some((
                TindakLanjut::Dijawab,
                "Rincian lokasi per kelurahan sudah ditambahkan pada sub kegiatan terkait.",
            )),
        ),
    ];
    let mut tx = db.begin().await?;
    for (author, target, target_id, anchor, visibility, body, follow) in inputs {
        if matches!(target, Target::Item) && target_id.is_none() {
            continue;
        }
        let id = comments::create(
            &mut tx,
            author,
            &rkpd,
            NewComment {
                target,
                target_id,
                anchor,
                parent: None,
                visibility,
                body,
            },
        )
        .await?;
        if let Some((status, answer)) = follow {
            let c = comments::Comment {
                id,
                region_kode: rkpd.region_kode.clone(),
                plan_id: rkpd.id,
                target,
                target_id,
                anchor: anchor.map(str::to_string),
                parent_id: None,
                author_id: author,
                author_name: String::new(),
                author_org: None,
                visibility,
                body: body.into(),
                stage: rkpd.stage,
                created_at: now,
                edited_at: None,
                removed_at: None,
                removed_by_author: false,
                tl_status: None,
                tl_answer: None,
                tl_by: None,
                tl_at: None,
                target_label: None,
            };
            comments::follow_up(&mut tx, planner, &rkpd, &c, status, answer).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn history(db: &PgPool) -> Result<(), DemoError> {
    let rpjmd = plan_of(db, "rpjmd").await?;
    let snapshots: i64 =
        sqlx::query_scalar("SELECT count(*) FROM plan_snapshots WHERE plan_id = $1")
            .bind(rpjmd.id)
            .fetch_one(db)
            .await?;
    if snapshots > 0 {
        return Ok(());
    }
    let (planner, head) = (
        user(db, "perencana.magelang").await?,
        user(db, "kepala.bapperida").await?,
    );
    let mut conn = db.acquire().await?;
    let enacted = stages::current(&mut conn, &rpjmd).await?;
    drop(conn);
    // The rancangan awal: a weaker stunting target, one program not yet in,
    // lower health pagu and an earlier wording of the first chapter.
    let mut early = enacted.clone();
    let mut middle = enacted.clone();
    for snap in [&mut early, &mut middle] {
        for ind in snap
            .indicators
            .iter_mut()
            .filter(|i| i.name.to_lowercase().contains("stunting"))
        {
            for y in ind.years.iter_mut().filter(|y| y.0 == 2029) {
                y.1 = Some(Decimal::new(5, 0));
            }
            ind.kondisi_akhir = Some(Decimal::new(5, 0));
        }
        for p in snap.pagu.iter_mut() {
            if snap
                .items
                .iter()
                .any(|i| i.id == p.item && i.kode.as_deref() == Some("1.02.02"))
            {
                p.amount = Rupiah::new((p.amount.amount() * Decimal::new(9, 1)).round_dp(0));
            }
        }
    }
    if let Some(last_program) = early
        .items
        .iter()
        .rposition(|i| i.level == crate::domain::plan::Level::Program)
    {
        let gone = early.items.remove(last_program).id;
        early.pagu.retain(|p| p.item != gone);
        early.indicators.retain(|i| i.item_id != gone);
    }
    if let Some(first) = early.sections.first_mut() {
        first.body_md = first
            .body_md
            .replacen("Kota Magelang", "Pemerintah Kota Magelang", 1)
            + "\n\nRancangan ini masih akan dilengkapi hasil konsultasi publik dan Musrenbang.";
    }
    // Between the two, the Musrenbang settled the stunting target at 4,5.
    for ind in middle
        .indicators
        .iter_mut()
        .filter(|i| i.name.to_lowercase().contains("stunting"))
    {
        for y in ind.years.iter_mut().filter(|y| y.0 == 2029) {
            y.1 = Some(Decimal::new(45, 1));
        }
    }
    let mut tx = db.begin().await?;
    early.stage = Stage::RancanganAwal;
    stages::record_past(
        &mut tx,
        &rpjmd,
        Move::Maju,
        Stage::RancanganTeknokratik,
        Stage::RancanganAwal,
        "Rancangan teknokratik selesai dibahas bersama perangkat daerah (Kolagensi Teras Kota).",
        Some(planner),
        datetime!(2025-02-10 09:00 +7),
        &early,
    )
    .await?;
    middle.stage = Stage::RancanganAkhir;
    stages::record_past(
        &mut tx,
        &rpjmd,
        Move::Maju,
        Stage::Musrenbang,
        Stage::RancanganAkhir,
        "Hasil Musrenbang RPJMD dirumuskan; target stunting disepakati 4,5 % dan diperketat lagi pada pembahasan DPRD.",
        Some(planner),
        datetime!(2025-05-20 14:00 +7),
        &middle,
    )
    .await?;
    let mut last = enacted;
    last.stage = Stage::Ditetapkan;
    stages::record_past(
        &mut tx,
        &rpjmd,
        Move::Penetapan,
        Stage::MenungguPenetapan,
        Stage::Ditetapkan,
        "Ditetapkan dengan Perda Kota Magelang tentang RPJMD 2025–2029.",
        Some(head),
        datetime!(2025-07-15 10:00 +7),
        &last,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
