//! `selaras demo --province 33` (issue 15, point 1): a synthetic province
//! on top of the demo, every kabupaten/kota of it from the national region
//! list that has no data yet, each with
//! - its Bappeda, eight perangkat daerah, a perangkat daerah per
//!   kecamatan, a pemerintah desa/kelurahan per desa and kelurahan, its
//!   DPRD, and one account per organization (all with the demo password);
//! - an enacted RPJMD 2025–2029 and an RKPD 2026 of 1,000–3,000 sub
//!   kegiatan from the national nomenclature, with indicators, targets
//!   and pagu, in stages that differ between regions, and a Renja per
//!   perangkat daerah holding its part of the RKPD;
//! - Musrenbang, aspirasi and pokir proposals in every status (about
//!   6,000 across Jawa Tengah's 35), their timelines and comments;
//!   comments on the RKPD, and a kerja sama with a neighbour.
//!
//! Everything is written set-wise (`INSERT … SELECT`), one transaction
//! per kabupaten/kota, so a province takes minutes, not hours. A region
//! that already has organizations is left alone, so the demo's own (Kota
//! Magelang) keeps its hand-written data and a second run adds nothing.
//! A region's size and stage follow from its place in the province, so a
//! province built in several runs is the one built in one.

use std::time::Instant;

use sqlx::PgPool;
use uuid::Uuid;

use super::DemoError;

/// The perangkat daerah of every generated region: (code, name).
const AGENCIES: &[(&str, &str)] = &[
    ("dinkes", "Dinas Kesehatan"),
    ("disdik", "Dinas Pendidikan dan Kebudayaan"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("dinsos", "Dinas Sosial"),
    ("dispertan", "Dinas Pertanian dan Pangan"),
    ("dishub", "Dinas Perhubungan"),
    ("dlh", "Dinas Lingkungan Hidup"),
    ("disperkim", "Dinas Perumahan dan Kawasan Permukiman"),
];

/// What people propose, each a kamus usulan entry of every region.
const WHAT: &[&str] = &[
    "Perbaikan jalan lingkungan",
    "Rehabilitasi saluran drainase",
    "Pembangunan posyandu",
    "Penerangan jalan umum",
    "Pelatihan UMKM perempuan",
    "Sumur resapan dan biopori",
    "Rehabilitasi rumah tidak layak huni",
    "Pengadaan alat pertanian",
];

/// What was made.
#[derive(Debug, Default)]
pub struct Made {
    pub regions: usize,
    pub organizations: i64,
    pub users: i64,
    pub sub_kegiatan: i64,
    pub proposals: i64,
}

/// Generates every kabupaten/kota of `province` (a code such as `33`)
/// without data yet, at most `limit` of them (None: all). Prints a line
/// per region.
pub async fn load(
    db: &PgPool,
    province: &str,
    password: &str,
    limit: Option<usize>,
) -> Result<Made, DemoError> {
    let exists: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM regions WHERE kode = $1 AND level = 'provinsi')",
    )
    .bind(province)
    .fetch_one(db)
    .await?;
    if !exists {
        return Err(DemoError::Data(format!(
            "{province} is not a province code of the national region list (e.g. 33 for Jawa Tengah)"
        )));
    }
    // Every kabupaten/kota with its place in the province (which sets its
    // size and stage, the same however many runs build the province), and
    // whether it has data already.
    let regions: Vec<(String, String, i64, bool)> = sqlx::query_as(
        "SELECT r.kode, r.nama, row_number() OVER (ORDER BY r.kode) - 1,
                EXISTS (SELECT 1 FROM organizations o WHERE o.region_kode = r.kode)
         FROM regions r WHERE r.parent_kode = $1 AND r.level IN ('kabupaten', 'kota')
         ORDER BY r.kode",
    )
    .bind(province)
    .fetch_all(db)
    .await?;
    let all = regions.len();
    let regions: Vec<_> = regions.into_iter().filter(|r| !r.3).collect();
    let regions: Vec<_> = regions
        .into_iter()
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    let password = password.to_string();
    let hash = tokio::task::spawn_blocking(move || crate::auth::password::hash_blocking(&password))
        .await
        .map_err(|e| DemoError::Data(e.to_string()))?
        .map_err(DemoError::Data)?;
    // Proposals: about 6,000 over a province of 35.
    let per_region = (6000 / all.max(1)).max(20) as i64;
    let mut made = Made::default();
    let started = Instant::now();
    for (kode, nama, n, _) in &regions {
        let t = Instant::now();
        let n = *n as usize;
        // 1,000 to 3,000 sub kegiatan, different in every region.
        let sub_kegiatan = 1000 + (n as i64 * 577) % 2001;
        let r = region(db, kode, nama, &hash, n, sub_kegiatan, per_region).await?;
        made.regions += 1;
        made.organizations += r.organizations;
        made.users += r.users;
        made.sub_kegiatan += r.sub_kegiatan;
        made.proposals += r.proposals;
        println!(
            "{kode} {nama}: {} organizations, {} sub kegiatan, {} proposals ({:.1} s)",
            r.organizations,
            r.sub_kegiatan,
            r.proposals,
            t.elapsed().as_secs_f64()
        );
    }
    println!(
        "province {province}: {} kabupaten/kota, {} organizations, {} users, {} sub kegiatan, {} proposals in {:.0} s",
        made.regions,
        made.organizations,
        made.users,
        made.sub_kegiatan,
        made.proposals,
        started.elapsed().as_secs_f64()
    );
    Ok(made)
}

/// One kabupaten/kota, in one transaction.
async fn region(
    db: &PgPool,
    kode: &str,
    nama: &str,
    hash: &str,
    n: usize,
    sub_kegiatan: i64,
    proposals: i64,
) -> Result<Made, DemoError> {
    let mut tx = db.begin().await?;
    let rk = kode.replace('.', "");
    let exec = |sql: &'static str| sqlx::query(sql).bind(kode.to_string());

    // Organizations: Bappeda, DPRD, the agencies, then one per kecamatan
    // and per desa/kelurahan, straight from the region list.
    sqlx::query(
        "INSERT INTO organizations (id, region_kode, kind, code, name)
         VALUES (gen_random_uuid(), $1, 'bappeda', 'bappeda', 'Bappeda ' || $2),
                (gen_random_uuid(), $1, 'dprd', 'dprd', 'DPRD ' || $2)",
    )
    .bind(kode)
    .bind(nama)
    .execute(&mut *tx)
    .await?;
    let codes: Vec<&str> = AGENCIES.iter().map(|a| a.0).collect();
    let names: Vec<&str> = AGENCIES.iter().map(|a| a.1).collect();
    sqlx::query(
        "INSERT INTO organizations (id, region_kode, kind, code, name)
         SELECT gen_random_uuid(), $1, 'perangkat_daerah', c, n FROM unnest($2::text[], $3::text[]) AS a(c, n)",
    )
    .bind(kode)
    .bind(&codes)
    .bind(&names)
    .execute(&mut *tx)
    .await?;
    exec(
        "INSERT INTO organizations (id, region_kode, wilayah_kode, kind, code, name)
         SELECT gen_random_uuid(), $1, r.kode, 'perangkat_daerah', 'kec-' || replace(r.kode, '.', ''), 'Kecamatan ' || r.nama || ' (' || r.kode || ')'
         FROM regions r WHERE r.parent_kode = $1 AND r.level = 'kecamatan'",
    )
    .execute(&mut *tx)
    .await?;
    exec(
        "INSERT INTO organizations (id, region_kode, wilayah_kode, kind, code, name)
         SELECT gen_random_uuid(), $1, r.kode, r.level::text::org_kind, 'desa-' || replace(r.kode, '.', ''),
                CASE r.level WHEN 'kelurahan' THEN 'Kelurahan ' ELSE 'Pemerintah Desa ' END || r.nama || ' (' || r.kode || ')'
         FROM regions r WHERE r.kode LIKE $1 || '.%' AND r.level IN ('desa', 'kelurahan')",
    )
    .execute(&mut *tx)
    .await?;
    // One account per organization, named after it.
    let organizations = sqlx::query(
        "INSERT INTO users (id, region_kode, username, full_name, password_hash)
         SELECT gen_random_uuid(), $1,
                CASE o.kind WHEN 'bappeda' THEN 'perencana.' || $2
                            WHEN 'dprd' THEN 'dprd.' || $2
                            WHEN 'desa' THEN 'desa.' || replace(o.wilayah_kode, '.', '')
                            WHEN 'kelurahan' THEN 'desa.' || replace(o.wilayah_kode, '.', '')
                            ELSE CASE WHEN o.wilayah_kode IS NULL THEN o.code || '.' || $2 ELSE o.code END END,
                'Operator ' || o.name, $3
         FROM organizations o WHERE o.region_kode = $1",
    )
    .bind(kode)
    .bind(&rk)
    .bind(hash)
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    exec(
        "INSERT INTO memberships (id, region_kode, user_id, organization_id, role)
         SELECT gen_random_uuid(), $1, u.id, o.id,
                CASE o.kind WHEN 'bappeda' THEN 'planner' WHEN 'dprd' THEN 'reviewer'
                            WHEN 'desa' THEN 'village' WHEN 'kelurahan' THEN 'village' ELSE 'agency' END::role
         FROM organizations o JOIN users u ON u.region_kode = o.region_kode AND u.full_name = 'Operator ' || o.name
         WHERE o.region_kode = $1",
    )
    .execute(&mut *tx)
    .await?;

    let plans = plans(&mut tx, kode, nama, n, sub_kegiatan).await?;
    let made_proposals = self::proposals(&mut tx, kode, plans.rkpd, proposals).await?;
    collaboration(&mut tx, kode, plans.rkpd).await?;
    tx.commit().await?;
    Ok(Made {
        regions: 1,
        organizations,
        users: organizations,
        sub_kegiatan: plans.sub_kegiatan,
        proposals: made_proposals,
    })
}

struct Plans {
    rkpd: Uuid,
    sub_kegiatan: i64,
}

/// The RPJMD (enacted), the RKPD 2026 with `sub_kegiatan` sub kegiatan,
/// and a Renja per agency.
async fn plans(
    tx: &mut sqlx::PgConnection,
    kode: &str,
    nama: &str,
    n: usize,
    sub_kegiatan: i64,
) -> Result<Plans, DemoError> {
    let province = kode.split('.').next().unwrap_or(kode);
    let province_rkpd: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM plans WHERE region_kode = $1 AND kind = 'rkpd' AND first_year = 2026",
    )
    .bind(province)
    .fetch_optional(&mut *tx)
    .await?;
    let rpjmd = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, stage)
         VALUES ($1, $2, 'rpjmd', 'RPJMD ' || $3 || ' 2025–2029', 2025, 2029, 'ditetapkan')",
    )
    .bind(rpjmd)
    .bind(kode)
    .bind(nama)
    .execute(&mut *tx)
    .await?;
    // The agency responsible for a code: spread over the eight by a hash.
    const AGENCY_OF: &str = "(SELECT a.id FROM organizations a WHERE a.region_kode = $1 AND a.kind = 'perangkat_daerah'
                 AND a.wilayah_kode IS NULL ORDER BY a.code OFFSET abs(hashtext(n.kode)) % 8 LIMIT 1)";
    let rpjmd_items = [
        "INSERT INTO plan_items (id, region_kode, plan_id, level, position, nama)
         VALUES (gen_random_uuid(), $1, $2, 'visi', 1, 'Terwujudnya daerah yang maju, sejahtera dan berkelanjutan')",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, nama)
         SELECT gen_random_uuid(), $1, $2, id, 'misi', 1, 'Meningkatkan kualitas hidup dan daya saing masyarakat'
         FROM plan_items WHERE plan_id = $2 AND level = 'visi'",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, nama)
         SELECT gen_random_uuid(), $1, $2, id, 'tujuan', 1, 'Meningkatnya kesejahteraan masyarakat yang merata'
         FROM plan_items WHERE plan_id = $2 AND level = 'misi'",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, nama)
         SELECT gen_random_uuid(), $1, $2, (SELECT id FROM plan_items WHERE plan_id = $2 AND level = 'tujuan'),
                'sasaran', s, 'Sasaran ' || s || ': ' || t
         FROM unnest(ARRAY['Meningkatnya derajat kesehatan dan pendidikan masyarakat',
                           'Meningkatnya kualitas infrastruktur dan lingkungan',
                           'Menurunnya kemiskinan dan meningkatnya ketahanan pangan']) WITH ORDINALITY AS x(t, s)",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), $1, $2,
                (SELECT id FROM plan_items WHERE plan_id = $2 AND level = 'sasaran' AND position = 1 + abs(hashtext(n.kode)) % 3),
                'program', row_number() OVER (ORDER BY n.kode), n.kode, n.nama, AGENCY_OF
         FROM nomenklatur n WHERE n.region_kode IS NULL AND n.level = 'program' AND n.kode NOT LIKE 'X%'",
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, name, satuan, polaritas, kondisi_awal, kondisi_awal_tahun, kondisi_akhir)
         SELECT gen_random_uuid(), $1, $2, id, 'Capaian ' || nama, '%', 'naik', 40 + abs(hashtext(id::text)) % 30, 2024, 90 FROM plan_items WHERE plan_id = $2",
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target, realisasi)
         SELECT i.id, y, $1, i.kondisi_awal + (y - 2024) * 5, CASE WHEN y = 2025 THEN i.kondisi_awal + 4 END
         FROM indicators i, generate_series(2025, 2029) y WHERE i.plan_id = $2",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT i.id, y, $1, (20 + abs(hashtext(i.id::text)) % 80) * 1000000000::numeric
         FROM plan_items i, generate_series(2025, 2029) y WHERE i.plan_id = $2 AND i.level = 'program'",
    ];
    for sql in rpjmd_items {
        sqlx::query(&sql.replace("AGENCY_OF", AGENCY_OF))
            .bind(kode)
            .bind(rpjmd)
            .execute(&mut *tx)
            .await?;
    }
    // The RKPD: stages differ between regions, as they do in a real
    // province in March.
    let stage = [
        "ditetapkan",
        "rancangan_awal",
        "konsultasi_publik",
        "rancangan",
        "musrenbang",
    ][n % 5];
    let rkpd = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, parent_id, province_ref_id, stage)
         VALUES ($1, $2, 'rkpd', 'RKPD ' || $3 || ' 2026', 2026, 2026, $4, $5, $6::plan_stage)",
    )
    .bind(rkpd)
    .bind(kode)
    .bind(nama)
    .bind(rpjmd)
    .bind(province_rkpd)
    .bind(stage)
    .execute(&mut *tx)
    .await?;
    let rpjmd_plan = crate::store::plans::get(&mut *tx, rpjmd)
        .await?
        .ok_or_else(|| DemoError::Data("the RPJMD just made".into()))?;
    crate::store::plans::copy::rkpd_from_rpjmd(&mut *tx, None, &rpjmd_plan, rkpd, 2026).await?;
    let fill = [
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), $1, $2, p.id, 'kegiatan', row_number() OVER (PARTITION BY p.id ORDER BY n.kode), n.kode, n.nama, p.responsible_org_id
         FROM plan_items p JOIN nomenklatur n ON n.region_kode IS NULL AND n.level = 'kegiatan' AND n.kode LIKE p.kode || '.%'
         WHERE p.plan_id = $2 AND p.level = 'program'",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id, lokasi, sumber_dana)
         SELECT gen_random_uuid(), $1, $2, k.id, 'sub_kegiatan', row_number() OVER (PARTITION BY k.id ORDER BY n.kode), n.kode, n.nama, k.responsible_org_id,
                ARRAY[(SELECT r.kode FROM regions r WHERE r.parent_kode = $1 AND r.level = 'kecamatan'
                       ORDER BY r.kode OFFSET abs(hashtext(n.kode || $1)) % GREATEST(1, (SELECT count(*) FROM regions c WHERE c.parent_kode = $1)) LIMIT 1)],
                'APBD'
         FROM plan_items k JOIN nomenklatur n ON n.region_kode IS NULL AND n.level = 'sub_kegiatan' AND n.kode LIKE k.kode || '.%'
         WHERE k.plan_id = $2 AND k.level = 'kegiatan'
         ORDER BY abs(hashtext(n.kode || $1)) LIMIT $3",
        // Kegiatan left without sub kegiatan are dropped: the cascade ends
        // in sub kegiatan.
        "DELETE FROM plan_items k WHERE k.plan_id = $2 AND k.level = 'kegiatan'
           AND NOT EXISTS (SELECT 1 FROM plan_items s WHERE s.plan_id = $2 AND s.parent_id = k.id)",
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, name, satuan, polaritas, kondisi_awal, kondisi_awal_tahun)
         SELECT gen_random_uuid(), $1, $2, id, CASE level WHEN 'kegiatan' THEN 'Hasil ' ELSE 'Keluaran ' END || nama,
                CASE level WHEN 'kegiatan' THEN '%' ELSE 'unit' END, 'naik', 1 + abs(hashtext(id::text)) % 20, 2025
         FROM plan_items WHERE plan_id = $2 AND level IN ('kegiatan', 'sub_kegiatan')",
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target)
         SELECT i.id, y, $1, i.kondisi_awal + (y - 2025) * 2 FROM indicators i, generate_series(2026, 2027) y
         WHERE i.plan_id = $2 AND i.source_indicator_id IS NULL",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT i.id, y, $1, (50 + abs(hashtext(i.id::text || y)) % 950) * 1000000::numeric
         FROM plan_items i, generate_series(2026, 2027) y WHERE i.plan_id = $2 AND i.level = 'sub_kegiatan'",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT k.id, g.year, $1, sum(g.amount) FROM plan_items k JOIN plan_items s ON s.parent_id = k.id
         JOIN item_pagu g ON g.item_id = s.id WHERE k.plan_id = $2 AND k.level = 'kegiatan' GROUP BY k.id, g.year",
    ];
    for sql in fill {
        sqlx::query(sql)
            .bind(kode)
            .bind(rkpd)
            .bind(sub_kegiatan)
            .execute(&mut *tx)
            .await?;
    }
    // A Renja per agency: its programs, kegiatan and sub kegiatan of the
    // RKPD, each row's id derived from the RKPD row's and the agency's so
    // the tree copies in three statements.
    let renja = "INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, owner_org_id, rkpd_ref_id, stage)
         SELECT md5(a.id::text || $2::text)::uuid, $1, 'renja', 'Renja ' || a.name || ' 2026', 2026, 2026, a.id, $2, 'rancangan_awal'
         FROM organizations a WHERE a.region_kode = $1 AND a.kind = 'perangkat_daerah' AND a.wilayah_kode IS NULL";
    sqlx::query(renja)
        .bind(kode)
        .bind(rkpd)
        .execute(&mut *tx)
        .await?;
    // Its prioritas first: those of the RKPD its programs sit under.
    sqlx::query(
        "INSERT INTO plan_items (id, region_kode, plan_id, level, position, nama, source_item_id)
         SELECT DISTINCT md5(pr.id::text || i.responsible_org_id::text)::uuid, $1, md5(i.responsible_org_id::text || $2::text)::uuid,
                'prioritas'::item_level, pr.position, pr.nama, pr.id
         FROM plan_items i JOIN plan_items pr ON pr.id = i.parent_id
         WHERE i.plan_id = $2 AND i.level = 'program' AND i.responsible_org_id IS NOT NULL",
    )
    .bind(kode)
    .bind(rkpd)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, responsible_org_id, lokasi, sumber_dana, source_item_id)
         SELECT md5(i.id::text || i.responsible_org_id::text)::uuid, $1, md5(i.responsible_org_id::text || $2::text)::uuid,
                md5(i.parent_id::text || i.responsible_org_id::text)::uuid,
                i.level, i.position, i.kode, i.nama, i.responsible_org_id, i.lokasi, i.sumber_dana, i.id
         FROM plan_items i WHERE i.plan_id = $2 AND i.level IN ('program', 'kegiatan', 'sub_kegiatan') AND i.responsible_org_id IS NOT NULL
         ORDER BY CASE i.level WHEN 'program' THEN 1 WHEN 'kegiatan' THEN 2 ELSE 3 END",
    )
    .bind(kode)
    .bind(rkpd)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT md5(i.id::text || i.responsible_org_id::text)::uuid, g.year, $1, g.amount
         FROM plan_items i JOIN item_pagu g ON g.item_id = i.id WHERE i.plan_id = $2 AND i.level IN ('kegiatan', 'sub_kegiatan')",
    )
    .bind(kode)
    .bind(rkpd)
    .execute(&mut *tx)
    .await?;
    let sub_kegiatan: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM plan_items WHERE plan_id = $1 AND level = 'sub_kegiatan'",
    )
    .bind(rkpd)
    .fetch_one(&mut *tx)
    .await?;
    Ok(Plans { rkpd, sub_kegiatan })
}

/// `count` proposals from the region's desa and kelurahan (a tenth from
/// DPRD as pokir, a tenth as aspirasi), in every status, numbered from the
/// year's counter, each with its timeline, and comments on some.
async fn proposals(
    tx: &mut sqlx::PgConnection,
    kode: &str,
    rkpd: Uuid,
    count: i64,
) -> Result<i64, DemoError> {
    sqlx::query(
        "INSERT INTO proposal_counters (year, last) VALUES (2026, 0) ON CONFLICT (year) DO NOTHING",
    )
    .execute(&mut *tx)
    .await?;
    let last: i32 = sqlx::query_scalar(
        "UPDATE proposal_counters SET last = last + $1 WHERE year = 2026 RETURNING last",
    )
    .bind(count as i32)
    .fetch_one(&mut *tx)
    .await?;
    let first = last as i64 - count + 1;
    // The kamus usulan: what may be proposed, each with its sub kegiatan
    // and the perangkat daerah that answers for it.
    sqlx::query(
        "INSERT INTO kamus_usulan (id, region_kode, nama, sub_kegiatan_kode, responsible_org_id, satuan)
         SELECT gen_random_uuid(), $1, w, s.kode, s.responsible_org_id, 'paket'
         FROM unnest($3::text[]) WITH ORDINALITY AS k(w, n)
         CROSS JOIN LATERAL (SELECT kode, responsible_org_id FROM plan_items
                             WHERE plan_id = $2 AND level = 'sub_kegiatan' AND responsible_org_id IS NOT NULL
                             ORDER BY kode OFFSET (k.n * 37) % 100 LIMIT 1) s",
    )
    .bind(kode)
    .bind(rkpd)
    .bind(WHAT)
    .execute(&mut *tx)
    .await?;
    let made = sqlx::query(
        "WITH places AS (
             SELECT o.id AS org, o.wilayah_kode AS place, u.id AS person, row_number() OVER (ORDER BY abs(hashtext(o.wilayah_kode))) AS k
             FROM organizations o JOIN memberships m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
             WHERE o.region_kode = $1 AND o.kind IN ('desa', 'kelurahan')),
         dprd AS (
             SELECT o.id AS org, u.id AS person FROM organizations o JOIN memberships m ON m.organization_id = o.id
             JOIN users u ON u.id = m.user_id WHERE o.region_kode = $1 AND o.kind = 'dprd' LIMIT 1),
         subs AS (
             SELECT id, nama, row_number() OVER (ORDER BY id) AS k FROM plan_items WHERE plan_id = $2 AND level = 'sub_kegiatan'),
         wanted AS (
             SELECT g AS i,
                    (ARRAY['diajukan', 'diteruskan_kecamatan', 'diteruskan_kabkota', 'diverifikasi', 'diakomodir',
                           'diakomodir', 'ditolak', 'ditunda', 'diajukan'])[1 + g % 9]::proposal_status AS status,
                    CASE WHEN g % 10 = 3 THEN 'pokir' WHEN g % 10 = 7 THEN 'aspirasi' ELSE 'musrenbang' END::proposal_source AS source,
                    ($5::text[])[1 + g % 8] AS what
             FROM generate_series(0, $4 - 1) g)
         INSERT INTO proposals (id, region_kode, nomor, source, status, title, problem, solution, wilayah_kode, kamus_id,
                                volume, satuan, estimated_cost, proposer_id, proposer_org_id, target_year,
                                rank_desa, deferred_to, reject_reason, accepted_item_id, accepted_volume, accepted_pagu, created_at)
         SELECT gen_random_uuid(), $1, 'USL-2026-' || lpad(($3 + w.i)::text, 6, '0'), w.source, w.status,
                w.what || ' di ' || r.nama, 'Warga ' || r.nama || ' menyampaikan kebutuhan: ' || lower(w.what) || '.',
                lower(w.what) || ' sesuai hasil musyawarah.', p.place,
                (SELECT k.id FROM kamus_usulan k WHERE k.region_kode = $1 AND k.nama = w.what),
                1 + w.i % 5, 'paket', (25 + w.i % 400) * 1000000::numeric,
                CASE WHEN w.source = 'pokir' THEN d.person ELSE p.person END,
                CASE WHEN w.source = 'pokir' THEN d.org ELSE p.org END,
                2026, CASE WHEN w.source = 'musrenbang' THEN 1 + w.i % 7 END,
                CASE WHEN w.status = 'ditunda' THEN 2027 END,
                CASE WHEN w.status = 'ditolak' THEN 'Sudah tertampung dalam kegiatan tahun berjalan.' END,
                CASE WHEN w.status = 'diakomodir' THEN s.id END,
                CASE WHEN w.status = 'diakomodir' THEN 1 END,
                CASE WHEN w.status = 'diakomodir' THEN (25 + w.i % 400) * 1000000::numeric END,
                now() - ((10 + w.i % 90) || ' days')::interval
         FROM wanted w
         JOIN places p ON p.k = 1 + w.i % (SELECT count(*) FROM places)
         JOIN regions r ON r.kode = p.place
         CROSS JOIN dprd d
         LEFT JOIN subs s ON s.k = 1 + w.i % GREATEST(1, (SELECT count(*) FROM subs))",
    )
    .bind(kode)
    .bind(rkpd)
    .bind(first)
    .bind(count)
    .bind(WHAT)
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    // The timeline: sent, then (when it moved) the decision that put it
    // where it is, by the Bappeda.
    for sql in [
        "INSERT INTO proposal_events (proposal_id, region_kode, from_status, to_status, recommendation, actor_id, actor_org_id, at)
         SELECT p.id, $1, NULL, 'diajukan', 'Usulan diajukan.', p.proposer_id, p.proposer_org_id, p.created_at
         FROM proposals p WHERE p.region_kode = $1 AND p.nomor >= $2",
        "INSERT INTO proposal_events (proposal_id, region_kode, from_status, to_status, recommendation, actor_id, actor_org_id, at)
         SELECT p.id, $1, 'diajukan', p.status, 'Dibahas dalam Musrenbang.', m.user_id, m.organization_id, p.created_at + interval '7 days'
         FROM proposals p JOIN organizations b ON b.region_kode = $1 AND b.kind = 'bappeda'
         JOIN memberships m ON m.organization_id = b.id
         WHERE p.region_kode = $1 AND p.nomor >= $2 AND p.status <> 'diajukan'",
        "INSERT INTO proposal_comments (id, proposal_id, region_kode, author_id, body, created_at)
         SELECT gen_random_uuid(), p.id, $1, u.id, 'Mendukung usulan ini: kebutuhan warga sudah lama.', p.created_at + interval '1 day'
         FROM proposals p JOIN organizations o ON o.region_kode = $1 AND o.kind = 'dprd'
         JOIN memberships m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
         WHERE p.region_kode = $1 AND p.nomor >= $2 AND abs(hashtext(p.nomor)) % 4 = 0",
    ] {
        sqlx::query(sql)
            .bind(kode)
            .bind(format!("USL-2026-{first:06}"))
            .execute(&mut *tx)
            .await?;
    }
    Ok(made)
}

/// Comments on the RKPD from its agencies, and a kerja sama with the next
/// kabupaten/kota of the province.
async fn collaboration(
    tx: &mut sqlx::PgConnection,
    kode: &str,
    rkpd: Uuid,
) -> Result<(), DemoError> {
    // Public in a consultation, internal in other drafts, none on an
    // enacted plan: as the comment rules allow.
    sqlx::query(
        "INSERT INTO comments (id, region_kode, plan_id, target, author_id, visibility, body, stage)
         SELECT gen_random_uuid(), $1, $2, 'plan', m.user_id,
                CASE WHEN pl.stage = 'konsultasi_publik' THEN 'publik' ELSE 'internal' END::comment_visibility,
                'Mohon pagu sub kegiatan prioritas ' || o.name || ' ditinjau kembali sesuai hasil Musrenbang.',
                pl.stage
         FROM organizations o JOIN memberships m ON m.organization_id = o.id JOIN plans pl ON pl.id = $2
         WHERE o.region_kode = $1 AND o.kind = 'perangkat_daerah' AND o.wilayah_kode IS NULL
           AND pl.stage <> 'ditetapkan'",
    )
    .bind(kode)
    .bind(rkpd)
    .execute(&mut *tx)
    .await?;
    let partner: Option<String> = sqlx::query_scalar(
        "SELECT kode FROM regions WHERE parent_kode = split_part($1, '.', 1) AND level IN ('kabupaten', 'kota')
           AND kode > $1 ORDER BY kode LIMIT 1",
    )
    .bind(kode)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(partner) = partner {
        let id = Uuid::now_v7();
        sqlx::query(
            "INSERT INTO kerja_sama (id, region_kode, type, title, urusan, object, status, first_year, last_year)
             VALUES ($1, $2, 'ksdd', 'Pengelolaan sampah regional bersama', 'Lingkungan hidup',
                     'TPA regional dan angkutan sampah lintas batas', 'direncanakan', 2026, 2028)",
        )
        .bind(id)
        .bind(kode)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO kerja_sama_partners (kerja_sama_id, partner_region) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(&partner)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO kerja_sama_items (kerja_sama_id, item_id)
             SELECT $1, id FROM plan_items WHERE plan_id = $2 AND level = 'sub_kegiatan' AND kode LIKE '2.11.%' LIMIT 2",
        )
        .bind(id)
        .bind(rkpd)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}
