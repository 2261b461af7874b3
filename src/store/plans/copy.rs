//! Deriving plans: an RKPD for year Y from its RPJMD, and an RKPD
//! Perubahan from its RKPD. Each is a fixed number of set-based statements
//! (whatever the plan's size), keeping `source_*` links to the originals.

use sqlx::PgConnection;
use uuid::Uuid;

use super::Plan;
use crate::store::audit;

/// Fills the new RKPD `rkpd` for `year` from `rpjmd`: one prioritas per
/// RPJMD sasaran that has programs, the programs under it, their
/// indicators with the target of `year`, and the pagu of `year` and of
/// `year + 1` (prakiraan maju).
///
/// `$1` is the RPJMD's region: the rows read from the RPJMD are of it, and
/// the rows written into the RKPD are given it, so the RKPD's rows read
/// back here (the copies made by the statements before) are of it too.
pub async fn rkpd_from_rpjmd(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    rpjmd: &Plan,
    rkpd: Uuid,
    year: i32,
) -> Result<(), sqlx::Error> {
    let region = &rpjmd.region_kode;
    sqlx::query(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, nama, description, source_item_id)
         SELECT gen_random_uuid(), $1, $2, NULL, 'prioritas',
                row_number() OVER (ORDER BY s.position, s.id), s.nama, s.description, s.id
         FROM plan_items s
         WHERE s.plan_id = $3 AND s.region_kode = $1 AND s.level = 'sasaran'
           AND EXISTS (SELECT 1 FROM plan_items p
                       WHERE p.parent_id = s.id AND p.region_kode = $1 AND p.level = 'program')",
    )
    .bind(region)
    .bind(rkpd)
    .bind(rpjmd.id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, description,
                                 responsible_org_id, source_item_id)
         SELECT gen_random_uuid(), $1, $2, np.id, 'program', p.position, p.kode, p.nama, p.description,
                p.responsible_org_id, p.id
         FROM plan_items p
         JOIN plan_items np
           ON np.plan_id = $2 AND np.region_kode = $1 AND np.source_item_id = p.parent_id
         WHERE p.plan_id = $3 AND p.region_kode = $1 AND p.level = 'program'",
    )
    .bind(region)
    .bind(rkpd)
    .bind(rpjmd.id)
    .execute(&mut *conn)
    .await?;
    // Indicators of the copied sasaran (now prioritas) and programs. The
    // baseline of an annual plan is last year's realisasi when known.
    sqlx::query(
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, position, name, satuan, definition, data_source,
                                 polaritas, kondisi_awal, kondisi_awal_tahun, kondisi_akhir, kondisi_akhir_max,
                                 source_indicator_id)
         SELECT gen_random_uuid(), $1, $2, ni.id, n.position, n.name, n.satuan, n.definition, n.data_source,
                n.polaritas,
                COALESCE(prev.realisasi, n.kondisi_awal),
                CASE WHEN prev.realisasi IS NOT NULL THEN $4 - 1 ELSE n.kondisi_awal_tahun END,
                y.target, y.target_max, n.id
         FROM indicators n
         JOIN plan_items ni
           ON ni.plan_id = $2 AND ni.region_kode = $1 AND ni.source_item_id = n.item_id
         LEFT JOIN indicator_years y ON y.indicator_id = n.id AND y.region_kode = $1 AND y.year = $4
         LEFT JOIN indicator_years prev
                ON prev.indicator_id = n.id AND prev.region_kode = $1 AND prev.year = $4 - 1
         WHERE n.plan_id = $3 AND n.region_kode = $1",
    )
    .bind(region)
    .bind(rkpd)
    .bind(rpjmd.id)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target, target_max)
         SELECT nn.id, $3, $1, y.target, y.target_max
         FROM indicators nn
         JOIN indicator_years y
           ON y.indicator_id = nn.source_indicator_id AND y.region_kode = $1 AND y.year = $3
         WHERE nn.plan_id = $2 AND nn.region_kode = $1",
    )
    .bind(region)
    .bind(rkpd)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT ni.id, g.year, $1, g.amount
         FROM plan_items ni
         JOIN item_pagu g
           ON g.item_id = ni.source_item_id AND g.region_kode = $1 AND g.year IN ($3, $3 + 1)
         WHERE ni.plan_id = $2 AND ni.region_kode = $1",
    )
    .bind(region)
    .bind(rkpd)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: actor,
            action: "copy",
            entity: "plan",
            entity_id: rkpd.to_string(),
            before: None,
            after: Some(serde_json::json!({"from": rpjmd.id, "year": year})),
        },
    )
    .await
}

/// Fills the new RKPD Perubahan `target` with everything of `rkpd`:
/// sections, items (tree intact), indicators with all years, pagu.
///
/// `$1` is the RKPD's region: the rows read from the RKPD are of it, and
/// the rows written into `target` are given it, so the target's rows read
/// back here (the copies made by the statements before) are of it too.
pub async fn perubahan_from_rkpd(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    rkpd: &Plan,
    target: Uuid,
) -> Result<(), sqlx::Error> {
    let region = &rkpd.region_kode;
    let statements = [
        "INSERT INTO plan_sections (id, region_kode, plan_id, position, title, body_md)
         SELECT gen_random_uuid(), $1, $2, position, title, body_md FROM plan_sections
         WHERE plan_id = $3 AND region_kode = $1",
        "INSERT INTO plan_items (id, region_kode, plan_id, parent_id, level, position, kode, nama, description,
                                 responsible_org_id, lokasi, sumber_dana, tags, source_item_id, supports_item_id,
                                 bulan_mulai, bulan_selesai)
         SELECT gen_random_uuid(), $1, $2, NULL, level, position, kode, nama, description, responsible_org_id,
                lokasi, sumber_dana, tags, id, supports_item_id, bulan_mulai, bulan_selesai
         FROM plan_items WHERE plan_id = $3 AND region_kode = $1",
        "UPDATE plan_items c SET parent_id = np.id
         FROM plan_items o
         JOIN plan_items np
           ON np.plan_id = $2 AND np.region_kode = $1 AND np.source_item_id = o.parent_id
         WHERE c.plan_id = $2 AND c.region_kode = $1
           AND o.id = c.source_item_id AND o.region_kode = $1",
        "INSERT INTO indicators (id, region_kode, plan_id, item_id, position, name, satuan, definition, data_source,
                                 polaritas, kondisi_awal, kondisi_awal_tahun, kondisi_akhir, kondisi_akhir_max,
                                 source_indicator_id)
         SELECT gen_random_uuid(), $1, $2, ni.id, n.position, n.name, n.satuan, n.definition, n.data_source,
                n.polaritas, n.kondisi_awal, n.kondisi_awal_tahun, n.kondisi_akhir, n.kondisi_akhir_max, n.id
         FROM indicators n
         JOIN plan_items ni
           ON ni.plan_id = $2 AND ni.region_kode = $1 AND ni.source_item_id = n.item_id
         WHERE n.plan_id = $3 AND n.region_kode = $1",
        "INSERT INTO indicator_years (indicator_id, year, region_kode, target, target_max, realisasi)
         SELECT nn.id, y.year, $1, y.target, y.target_max, y.realisasi
         FROM indicators nn
         JOIN indicator_years y ON y.indicator_id = nn.source_indicator_id AND y.region_kode = $1
         WHERE nn.plan_id = $2 AND nn.region_kode = $1",
        "INSERT INTO item_pagu (item_id, year, region_kode, amount)
         SELECT ni.id, g.year, $1, g.amount
         FROM plan_items ni JOIN item_pagu g ON g.item_id = ni.source_item_id AND g.region_kode = $1
         WHERE ni.plan_id = $2 AND ni.region_kode = $1",
    ];
    for sql in statements {
        sqlx::query(sql)
            .bind(region)
            .bind(target)
            .bind(rkpd.id)
            .execute(&mut *conn)
            .await?;
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: actor,
            action: "copy",
            entity: "plan",
            entity_id: target.to_string(),
            before: None,
            after: Some(serde_json::json!({"from": rkpd.id})),
        },
    )
    .await
}

/// What a new plan starts from.
#[derive(Debug, Clone, Copy)]
pub enum Start<'a> {
    Empty,
    /// An RKPD drafted from its RPJMD's programs and targets for a year.
    FromRpjmd(&'a Plan, i32),
    /// An RKPD Perubahan: a copy of the RKPD it amends.
    FromRkpd(&'a Plan),
}

/// Creates a plan and fills it from where it starts, in one transaction
/// (the new-plan form's one write).
pub async fn create_plan(
    db: &sqlx::PgPool,
    actor: Option<Uuid>,
    p: super::NewPlan<'_>,
    start: Start<'_>,
) -> Result<Uuid, sqlx::Error> {
    crate::store::atomic(db, async |tx| {
        let id = super::create(tx, actor, p).await?;
        match start {
            Start::Empty => {}
            Start::FromRpjmd(rpjmd, year) => rkpd_from_rpjmd(tx, actor, rpjmd, id, year).await?,
            Start::FromRkpd(rkpd) => perubahan_from_rkpd(tx, actor, rkpd, id).await?,
        }
        Ok(id)
    })
    .await
}
