//! `selaras bench-check`: builds, in a scratch database, a Kota Magelang
//! RPJMD and an RKPD of N sub kegiatan derived from it (with indicators,
//! targets and pagu on every item), then times Cek Keselarasan (loading
//! included) and prints the figures. A benchmark, not a test: it measures.

use std::time::Instant;

use uuid::Uuid;

use crate::db;

pub mod serve;

/// A scratch database next to the configured one (`<name>_bench`),
/// dropped afterwards.
pub(crate) struct Scratch {
    admin: sqlx::PgConnection,
    name: String,
    pub url: String,
}

impl Scratch {
    pub async fn create(url: &str) -> anyhow::Result<(sqlx::PgPool, Scratch)> {
        let Some((base, name)) = url.rsplit_once('/') else {
            anyhow::bail!("DATABASE_URL has no database name")
        };
        let name = name.split('?').next().unwrap_or(name);
        let scratch = format!("{name}_bench");
        let bench_url = format!("{base}/{scratch}");
        let mut admin: sqlx::PgConnection =
            sqlx::Connection::connect(&format!("{base}/postgres")).await?;
        sqlx::query(&format!(
            "DROP DATABASE IF EXISTS \"{scratch}\" WITH (FORCE)"
        ))
        .execute(&mut admin)
        .await?;
        let pool = db::prepare(&bench_url).await?;
        Ok((
            pool,
            Scratch {
                admin,
                name: scratch,
                url: bench_url,
            },
        ))
    }

    pub async fn drop(mut self) -> anyhow::Result<()> {
        sqlx::query(&format!(
            "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
            self.name
        ))
        .execute(&mut self.admin)
        .await?;
        Ok(())
    }
}

pub async fn check(url: &str, n: i32, runs: usize) -> anyhow::Result<()> {
    let (pool, scratch) = Scratch::create(url).await?;
    let t = Instant::now();
    crate::demo::load(&pool, crate::demo::DEFAULT_PASSWORD).await?;
    println!("demo data loaded in {:.1} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let rkpd = build(&pool, n).await?;
    println!(
        "RPJMD and RKPD with {n} sub kegiatan built in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let plan = crate::store::plans::get(&pool, rkpd)
        .await?
        .ok_or_else(|| anyhow::anyhow!("plan vanished"))?;
    let mut times = Vec::with_capacity(runs);
    let mut findings = 0;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let input = crate::store::checks::load(&pool, &plan).await?;
        findings = crate::domain::checks::run(&input).len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "Cek Keselarasan of {} items: {} runs, min {:.1} ms, median {:.1} ms, p95 {:.1} ms ({findings} findings)",
        plan.item_count,
        times.len(),
        times[0],
        pct(0.5),
        pct(0.95)
    );
    pool.close().await;
    scratch.drop().await?;
    Ok(())
}

/// An RPJMD with one sasaran and every national program, and an RKPD 2027 copied
/// from it, each program with kegiatan and sub kegiatan (N in all) drawn
/// from the national nomenclature, all with indicators and pagu.
pub(crate) async fn build(pool: &sqlx::PgPool, n: i32) -> anyhow::Result<Uuid> {
    let mut tx = pool.begin().await?;
    let rpjpd: Uuid =
        sqlx::query_scalar("SELECT id FROM plans WHERE region_kode = '33.71' AND kind = 'rpjpd'")
            .fetch_one(&mut *tx)
            .await?;
    let dinkes: Uuid = sqlx::query_scalar(
        "SELECT id FROM organizations WHERE region_kode = '33.71' AND code = 'dinkes'",
    )
    .fetch_one(&mut *tx)
    .await?;
    let rpjmd = Uuid::now_v7();
    sqlx::query("INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, parent_id, stage) VALUES ($1, '33.71', 'rpjmd', 'RPJMD bench 2025–2029', 2025, 2029, $2, 'ditetapkan')")
        .bind(rpjmd)
        .bind(rpjpd)
        .execute(&mut *tx)
        .await?;
    // Programs: the first ten with kegiatan in the national list.
    let statements = [
        "INSERT INTO plan_items (id, region_kode, plan_id, level, nama) VALUES (gen_random_uuid(), '33.71', $1, 'sasaran', 'Sasaran bench')",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), '33.71', $1, (SELECT id FROM plan_items WHERE plan_id = $1 AND level = 'sasaran'), 'program', n.kode, n.nama, $2
         FROM nomenklatur n WHERE n.region_kode IS NULL AND n.level = 'program' AND n.kode NOT LIKE 'X%'
         ORDER BY n.kode",
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, name, satuan, polaritas, kondisi_awal, kondisi_awal_tahun)
         SELECT gen_random_uuid(), '33.71', $1, id, 'Capaian ' || nama, '%', 'naik', 50, 2024 FROM plan_items WHERE plan_id = $1",
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target)
         SELECT i.id, y, '33.71', 50 + (y - 2024) * 5 FROM indicators i, generate_series(2025, 2029) y WHERE i.plan_id = $1",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT i.id, y, '33.71', 100000000000 FROM plan_items i, generate_series(2025, 2029) y WHERE i.plan_id = $1 AND i.level = 'program'",
    ];
    for s in statements {
        sqlx::query(s)
            .bind(rpjmd)
            .bind(dinkes)
            .execute(&mut *tx)
            .await?;
    }
    let rkpd = Uuid::now_v7();
    sqlx::query("INSERT INTO plans (id, region_kode, kind, title, first_year, last_year, parent_id, stage) VALUES ($1, '33.71', 'rkpd', 'RKPD bench 2027', 2027, 2027, $2, 'rancangan_awal')")
        .bind(rkpd)
        .bind(rpjmd)
        .execute(&mut *tx)
        .await?;
    let rpjmd_plan = crate::store::plans::get(&mut *tx, rpjmd)
        .await?
        .ok_or_else(|| anyhow::anyhow!("rpjmd"))?;
    crate::store::plans::copy::rkpd_from_rpjmd(&mut tx, None, &rpjmd_plan, rkpd, 2027).await?;
    // Kegiatan under the copied programs, then sub kegiatan up to N.
    let fill = [
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, kode, nama, responsible_org_id)
         SELECT gen_random_uuid(), '33.71', $1, p.id, 'kegiatan', n.kode, n.nama, $2
         FROM plan_items p JOIN nomenklatur n ON n.region_kode IS NULL AND n.level = 'kegiatan' AND n.kode LIKE p.kode || '.%'
         WHERE p.plan_id = $1 AND p.level = 'program'",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, kode, nama, responsible_org_id, lokasi, sumber_dana)
         SELECT gen_random_uuid(), '33.71', $1, k.id, 'sub_kegiatan', n.kode, n.nama, $2, '{33.71.01}', 'APBD'
         FROM plan_items k JOIN nomenklatur n ON n.region_kode IS NULL AND n.level = 'sub_kegiatan' AND n.kode LIKE k.kode || '.%'
         WHERE k.plan_id = $1 AND k.level = 'kegiatan'
         ORDER BY n.kode LIMIT $3",
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, name, satuan, polaritas, kondisi_awal, kondisi_awal_tahun)
         SELECT gen_random_uuid(), '33.71', $1, id, 'Keluaran ' || nama, 'unit', 'naik', 1, 2026 FROM plan_items
         WHERE plan_id = $1 AND level IN ('kegiatan', 'sub_kegiatan')",
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target)
         SELECT i.id, 2027, '33.71', 10 FROM indicators i WHERE i.plan_id = $1 AND i.source_indicator_id IS NULL",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT i.id, y, '33.71', 10000000 FROM plan_items i, generate_series(2027, 2028) y WHERE i.plan_id = $1 AND i.level = 'sub_kegiatan'",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT k.id, y, '33.71', (SELECT COALESCE(sum(g.amount), 0) FROM plan_items s JOIN item_pagu g ON g.item_id = s.id AND g.year = y WHERE s.parent_id = k.id)
         FROM plan_items k, generate_series(2027, 2028) y WHERE k.plan_id = $1 AND k.level = 'kegiatan'",
    ];
    for s in fill {
        sqlx::query(s)
            .bind(rkpd)
            .bind(dinkes)
            .bind(n as i64)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rkpd)
}
