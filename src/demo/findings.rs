//! Deliberate inconsistencies, at least one for each rule K01–K13, so that
//! Cek Keselarasan has something to show on the demo; and the kerja sama
//! between Kota Magelang and Kabupaten Magelang. Each is a plausible slip
//! of the kind planners make by hand.

use sqlx::PgPool;
use uuid::Uuid;

use super::DemoError;

async fn one(db: &PgPool, sql: &str) -> Result<Uuid, DemoError> {
    sqlx::query_scalar(sql)
        .fetch_optional(db)
        .await?
        .ok_or_else(|| DemoError::Data(format!("demo findings: nothing for {sql}")))
}

pub async fn load(db: &PgPool) -> Result<(), DemoError> {
    let done: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM kerja_sama)")
        .fetch_one(db)
        .await?;
    if done {
        return Ok(());
    }
    let rkpd = one(
        db,
        "SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rkpd'",
    )
    .await?;
    let jateng = one(
        db,
        "SELECT id FROM plans WHERE region_kode = '33' AND kind = 'rkpd'",
    )
    .await?;
    let renstra = one(
        db,
        "SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'renstra'",
    )
    .await?;
    let rkpdes = one(db, "SELECT id FROM plans WHERE kind = 'rkpdes'").await?;
    let dpupr = one(
        db,
        "SELECT id FROM organizations WHERE region_kode = '33.71' AND code = 'dpupr'",
    )
    .await?;
    let mut tx = db.begin().await?;
    let exec = |sql: &'static str| sqlx::query(sql).bind(rkpd);
    // K01 and K03: a kegiatan hung straight under a prioritas, without indicator.
    exec(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), '33.71', $1, p.id, 'kegiatan', 99, '1.02.05.2.01', 'Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor', p2.responsible_org_id
         FROM plan_items p, plan_items p2 WHERE p.plan_id = $1 AND p.level = 'prioritas' AND p2.plan_id = $1 AND p2.kode = '1.02.02'
         ORDER BY p.position LIMIT 1",
    )
    .execute(&mut *tx)
    .await?;
    // K02: a sub kegiatan code the nomenclature does not have.
    exec(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id, lokasi, sumber_dana)
         SELECT gen_random_uuid(), '33.71', $1, k.id, 'sub_kegiatan', 99, '1.02.02.2.02.0999', 'Posyandu Remaja Terpadu (kode belum ada di nomenklatur)', k.responsible_org_id, '{33.71.03}', 'APBD'
         FROM plan_items k WHERE k.plan_id = $1 AND k.kode = '1.02.02.2.02'",
    )
    .execute(&mut *tx)
    .await?;
    // K04: an indicator without kondisi awal.
    exec(
        "UPDATE indicators SET kondisi_awal = NULL, kondisi_awal_tahun = NULL WHERE id = (
            SELECT n.id FROM indicators n JOIN plan_items i ON i.id = n.item_id
            WHERE n.plan_id = $1 AND i.level = 'sub_kegiatan' ORDER BY i.kode LIMIT 1)",
    )
    .execute(&mut *tx)
    .await?;
    // K06: a program target typed differently from the RPJMD's.
    exec(
        "UPDATE indicator_years SET target = target + 1 WHERE indicator_id = (
            SELECT n.id FROM indicators n JOIN plan_items i ON i.id = n.item_id
            WHERE n.plan_id = $1 AND i.kode = '1.01.02' AND n.source_indicator_id IS NOT NULL LIMIT 1)",
    )
    .execute(&mut *tx)
    .await?;
    // K07: a program added to the RKPD that the RPJMD does not have.
    exec(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), '33.71', $1, p.id, 'program', 98, '1.05.02', 'Program Peningkatan Ketenteraman dan Ketertiban Umum', o.id
         FROM plan_items p, organizations o WHERE p.plan_id = $1 AND p.level = 'prioritas' AND o.region_kode = '33.71' AND o.code = 'dpupr'
         ORDER BY p.position LIMIT 1",
    )
    .execute(&mut *tx)
    .await?;
    // K08: one sub kegiatan typed Rp12 miliar too high, beyond its
    // kegiatan's pagu and DPUPR's pagu indikatif.
    exec(
        "UPDATE item_pagu SET amount = amount + 12000000000 WHERE year = 2026 AND item_id = (
            SELECT id FROM plan_items WHERE plan_id = $1 AND kode = '1.03.10.2.01.0044')",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO agency_ceilings (plan_id, org_id, year, region_kode, amount)
         VALUES ($1, $2, 2026, '33.71', 37000000000)",
    )
    .bind(rkpd)
    .bind(dpupr)
    .execute(&mut *tx)
    .await?;
    // K09: a sub kegiatan whose agency was never filled in.
    exec("UPDATE plan_items SET responsible_org_id = NULL WHERE plan_id = $1 AND kode = '1.02.02.2.03.0002'")
        .execute(&mut *tx)
        .await?;
    // K10: a proposal accepted into a kegiatan instead of a sub kegiatan
    // (a second request for classes for pregnant mothers, from RW 07).
    let p10: Uuid = sqlx::query_scalar(
        "WITH n AS (INSERT INTO proposal_counters (year, last) VALUES (2026, 1)
                    ON CONFLICT (year) DO UPDATE SET last = proposal_counters.last + 1 RETURNING last)
         INSERT INTO proposals (id, region_kode, nomor, source, status, title, problem, solution, wilayah_kode, kamus_id,
                                volume, satuan, estimated_cost, proposer_id, proposer_org_id, target_year,
                                accepted_item_id, accepted_volume, accepted_pagu)
         SELECT gen_random_uuid(), p.region_kode, 'USL-2026-' || lpad(n.last::text, 6, '0'), p.source, 'diakomodir',
                'Kelas ibu hamil di posyandu RW 07 Rejowinangun Utara', p.problem, p.solution, p.wilayah_kode, p.kamus_id,
                4, p.satuan, 24000000, p.proposer_id, p.proposer_org_id, p.target_year,
                (SELECT id FROM plan_items WHERE plan_id = $1 AND kode = '1.02.02.2.02'), 4, 24000000
         FROM proposals p, n WHERE p.nomor = 'USL-2026-000003'
         RETURNING id",
    )
    .bind(rkpd)
    .fetch_one(&mut *tx)
    .await?;
    for (from, to, note) in [
        (None, "diajukan", ""),
        (
            Some("diverifikasi"),
            "diakomodir",
            "Diakomodir pada kegiatan pelayanan kesehatan.",
        ),
    ] {
        sqlx::query(
            "INSERT INTO proposal_events (proposal_id, region_kode, from_status, to_status, recommendation, actor_org_id)
             SELECT id, region_kode, $2::proposal_status, $3::proposal_status, $4,
                    (SELECT id FROM organizations WHERE region_kode = '33.71' AND code = 'bapperida')
             FROM proposals WHERE id = $1",
        )
        .bind(p10)
        .bind(from)
        .bind(to)
        .bind(note)
        .execute(&mut *tx)
        .await?;
    }
    // K11: the city's priorities refer to Central Java's, all but the one
    // on participatory planning, which nobody has matched yet.
    for (mine, province) in [
        ("%pendidikan%", "%sumber daya manusia%"),
        ("%kesehatan%", "%sumber daya manusia%"),
        ("%stunting%", "%sumber daya manusia%"),
        ("%jalan%", "%infrastruktur%"),
        ("%genangan%", "%infrastruktur%"),
        ("%miskin%", "%kemiskinan%"),
    ] {
        sqlx::query(
            "INSERT INTO alignment_links (id, region_kode, from_item_id, to_item_id)
             SELECT gen_random_uuid(), '33.71', a.id, b.id
             FROM plan_items a, plan_items b
             WHERE a.plan_id = $1 AND a.level = 'prioritas' AND a.nama ILIKE $3
               AND b.plan_id = $2 AND b.level = 'prioritas' AND b.nama ILIKE $4",
        )
        .bind(rkpd)
        .bind(jateng)
        .bind(mine)
        .bind(province)
        .execute(&mut *tx)
        .await?;
    }
    // Kabupaten Blitar typed its RKPD programs by hand; they are linked to
    // the RPJMD programs of the same code.
    sqlx::query(
        "INSERT INTO alignment_links (id, region_kode, from_item_id, to_item_id)
         SELECT gen_random_uuid(), '35.05', a.id, b.id
         FROM plan_items a JOIN plans pa ON pa.id = a.plan_id AND pa.region_kode = '35.05' AND pa.kind = 'rkpd'
         JOIN plan_items b ON b.kode = a.kode AND b.level = 'program'
         JOIN plans pb ON pb.id = b.plan_id AND pb.region_kode = '35.05' AND pb.kind = 'rpjmd'
         WHERE a.level = 'program'",
    )
    .execute(&mut *tx)
    .await?;
    // K05: a Renstra target that rises although lower is better.
    sqlx::query(
        "UPDATE indicator_years SET target = target + 5 WHERE year = 2027 AND indicator_id = (
            SELECT id FROM indicators WHERE plan_id = $1 AND polaritas = 'turun' ORDER BY id LIMIT 1)",
    )
    .bind(renstra)
    .execute(&mut *tx)
    .await?;
    // K12: a village kegiatan pointing at a program of another kabupaten's RKPD.
    sqlx::query(
        "UPDATE plan_items SET supports_item_id = (
            SELECT id FROM plan_items WHERE plan_id = $2 AND level = 'program' ORDER BY kode LIMIT 1)
         WHERE id = (SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'kegiatan_desa' AND supports_item_id IS NULL ORDER BY position LIMIT 1)",
    )
    .bind(rkpdes)
    .bind(rkpd)
    .execute(&mut *tx)
    .await?;
    // K13 and the registry: two kerja sama with Kabupaten Magelang; the
    // first carried by a budgeted sub kegiatan, the second not yet.
    let drainase = Uuid::now_v7();
    let wisata = Uuid::now_v7();
    for (id, title, urusan, object) in [
        (
            drainase,
            "Pengelolaan drainase perbatasan Kota Magelang – Kabupaten Magelang",
            "Pekerjaan umum dan penataan ruang",
            "Saluran drainase perbatasan di Kelurahan Tidar dan Desa Banyurojo",
        ),
        (
            wisata,
            "Pengembangan koridor wisata Borobudur – Kota Magelang",
            "Pariwisata",
            "Paket wisata dan angkutan wisata terpadu",
        ),
    ] {
        sqlx::query(
            "INSERT INTO kerja_sama (id, region_kode, type, title, urusan, object, status, first_year, last_year)
             VALUES ($1, '33.71', 'ksdd', $2, $3, $4, 'direncanakan', 2026, 2027)",
        )
        .bind(id)
        .bind(title)
        .bind(urusan)
        .bind(object)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO kerja_sama_partners (kerja_sama_id, partner_region) VALUES ($1, '33.08')",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    for (due, what, done) in [
        (
            "2025-11-15",
            "Identifikasi dan pemetaan potensi kerja sama",
            true,
        ),
        ("2026-02-28", "Kesepakatan bersama ditandatangani", false),
        (
            "2026-06-30",
            "Perjanjian kerja sama dan rencana kerja",
            false,
        ),
    ] {
        sqlx::query("INSERT INTO kerja_sama_milestones (id, kerja_sama_id, due, description, done) VALUES ($1, $2, $3::date, $4, $5)")
            .bind(Uuid::now_v7())
            .bind(drainase)
            .bind(due)
            .bind(what)
            .bind(done)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("INSERT INTO kerja_sama_items (kerja_sama_id, item_id) SELECT $1, id FROM plan_items WHERE plan_id = $2 AND kode = '1.03.06.2.01.0019'")
        .bind(drainase)
        .bind(rkpd)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
