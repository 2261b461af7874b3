//! Proposals, their events (each level's recommendation) and the kamus
//! usulan. Numbers come from a counter row per year taken in the
//! submitting transaction: concurrent submissions wait on that row and
//! never share a number.

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{SaveError, audit};
use crate::domain::money::Rupiah;
use crate::domain::proposal::{Source, Status, nomor};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Kamus {
    pub id: Uuid,
    pub nama: String,
    pub sub_kegiatan_kode: String,
    pub responsible_org_id: Uuid,
    pub responsible_name: String,
    pub satuan: String,
    pub active: bool,
}

const KAMUS: &str =
    "SELECT k.id, k.nama, k.sub_kegiatan_kode, k.responsible_org_id, o.name AS responsible_name,
        k.satuan, k.active
    FROM kamus_usulan k JOIN organizations o ON o.id = k.responsible_org_id";

/// The entries a proposal may use now.
pub async fn kamus(db: &PgPool, region: &str) -> Result<Vec<Kamus>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{KAMUS} WHERE k.region_kode = $1 AND k.active ORDER BY k.nama"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

/// Every entry of the region, retired ones too (the admin's list).
pub async fn kamus_all(db: &PgPool, region: &str) -> Result<Vec<Kamus>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{KAMUS} WHERE k.region_kode = $1 ORDER BY k.active DESC, k.nama"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn kamus_entry(
    db: &PgPool,
    region: &str,
    id: Uuid,
) -> Result<Option<Kamus>, sqlx::Error> {
    sqlx::query_as(&format!("{KAMUS} WHERE k.region_kode = $1 AND k.id = $2"))
        .bind(region)
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Saves an entry as typed, or retires/restores it; audited. A name the
/// region has already is refused beside its field.
pub async fn update_kamus(
    db: &PgPool,
    actor: Uuid,
    region: &str,
    current: &Kamus,
    k: &crate::domain::proposal::NewKamus,
    active: bool,
) -> Result<(), SaveError> {
    let mut tx = db.begin().await?;
    let clash: Option<Uuid> = sqlx::query_scalar(
        "SELECT id FROM kamus_usulan WHERE region_kode = $1 AND nama = $2 AND id <> $3",
    )
    .bind(region)
    .bind(&k.nama)
    .bind(current.id)
    .fetch_optional(&mut *tx)
    .await?;
    if clash.is_some() {
        return Err(SaveError::Fields(crate::domain::user::FieldErrors::single(
            "nama",
            "Jenis usulan dengan nama ini sudah ada di kamus.",
        )));
    }
    sqlx::query(
        "UPDATE kamus_usulan SET nama = $3, sub_kegiatan_kode = $4, responsible_org_id = $5, satuan = $6, active = $7
         WHERE id = $1 AND region_kode = $2",
    )
    .bind(current.id)
    .bind(region)
    .bind(&k.nama)
    .bind(&k.sub_kegiatan_kode)
    .bind(k.responsible_org_id)
    .bind(&k.satuan)
    .bind(active)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action: "update",
            entity: "kamus_usulan",
            entity_id: current.id.to_string(),
            before: Some(serde_json::json!({"nama": current.nama, "sub_kegiatan_kode": current.sub_kegiatan_kode,
                "responsible_org_id": current.responsible_org_id, "satuan": current.satuan, "active": current.active})),
            after: Some(serde_json::json!({"nama": k.nama, "sub_kegiatan_kode": k.sub_kegiatan_kode,
                "responsible_org_id": k.responsible_org_id, "satuan": k.satuan, "active": active})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A new kamus usulan entry, audited; a name the region has already is
/// refused beside its field.
pub async fn create_kamus(
    conn: &mut PgConnection,
    actor: Uuid,
    region: &str,
    k: &crate::domain::proposal::NewKamus,
) -> Result<Uuid, SaveError> {
    let id = Uuid::now_v7();
    let done = sqlx::query(
        "INSERT INTO kamus_usulan (id, region_kode, nama, sub_kegiatan_kode, responsible_org_id, satuan)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (region_kode, nama) DO NOTHING",
    )
    .bind(id)
    .bind(region)
    .bind(&k.nama)
    .bind(&k.sub_kegiatan_kode)
    .bind(k.responsible_org_id)
    .bind(&k.satuan)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Fields(crate::domain::user::FieldErrors::single(
            "nama",
            "Jenis usulan dengan nama ini sudah ada di kamus.",
        )));
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(region),
            actor_id: Some(actor),
            action: "create",
            entity: "kamus_usulan",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                serde_json::json!({"nama": k.nama, "sub_kegiatan_kode": k.sub_kegiatan_kode,
                "responsible_org_id": k.responsible_org_id, "satuan": k.satuan}),
            ),
        },
    )
    .await?;
    Ok(id)
}

/// New entries (one from the form, many from a sheet), all or none.
pub async fn create_kamus_all(
    db: &PgPool,
    actor: Uuid,
    region: &str,
    entries: &[crate::domain::proposal::NewKamus],
) -> Result<(), SaveError> {
    let mut tx = db.begin().await?;
    for k in entries {
        create_kamus(&mut tx, actor, region, k).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn add_kamus(
    conn: &mut PgConnection,
    region: &str,
    nama: &str,
    kode: &str,
    org: Uuid,
    satuan: &str,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO kamus_usulan (id, region_kode, nama, sub_kegiatan_kode, responsible_org_id, satuan)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (region_kode, nama) DO NOTHING",
    )
    .bind(id)
    .bind(region)
    .bind(nama)
    .bind(kode)
    .bind(org)
    .bind(satuan)
    .execute(conn)
    .await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Proposal {
    pub id: Uuid,
    pub region_kode: String,
    pub region_nama: String,
    pub nomor: String,
    pub source: Source,
    pub status: Status,
    pub title: String,
    pub problem: String,
    pub solution: String,
    pub wilayah_kode: String,
    pub wilayah_nama: String,
    pub kecamatan_nama: Option<String>,
    pub latitude: Option<Decimal>,
    pub longitude: Option<Decimal>,
    pub kamus_id: Option<Uuid>,
    pub kamus_nama: Option<String>,
    pub sub_kegiatan_kode: Option<String>,
    pub responsible_org_id: Option<Uuid>,
    pub responsible_name: Option<String>,
    pub volume: Decimal,
    pub satuan: String,
    pub estimated_cost: Rupiah,
    pub proposer_id: Uuid,
    pub proposer_name: String,
    pub proposer_org_id: Uuid,
    pub proposer_org_name: String,
    pub reses_ref: Option<String>,
    pub target_year: i32,
    pub rank_desa: Option<i32>,
    pub rank_kecamatan: Option<i32>,
    pub deferred_to: Option<i32>,
    pub reject_reason: Option<String>,
    pub accepted_item_id: Option<Uuid>,
    pub accepted_item_label: Option<String>,
    pub accepted_plan_id: Option<Uuid>,
    pub accepted_plan_title: Option<String>,
    /// Region and stage of the plan that took it up: its line is shown
    /// only to those who may read that plan.
    pub accepted_plan_region: Option<String>,
    pub accepted_plan_stage: Option<crate::domain::plan::Stage>,
    pub accepted_volume: Option<Decimal>,
    pub accepted_pagu: Option<Rupiah>,
    pub version: i32,
    pub created_at: OffsetDateTime,
    /// Other live proposals of the same kind, place and year.
    pub duplicates: i64,
}

impl Proposal {
    /// Forgets the plan line that took the proposal up unless the visitor
    /// may read that plan (`readable` asks the policy): a draft RKPD's sub
    /// kegiatan is not public yet.
    pub fn keep_line_if(&mut self, readable: impl Fn(&str, crate::domain::plan::Stage) -> bool) {
        let ok = match (&self.accepted_plan_region, self.accepted_plan_stage) {
            (Some(r), Some(s)) => readable(r, s),
            _ => true,
        };
        if !ok {
            self.accepted_item_id = None;
            self.accepted_item_label = None;
            self.accepted_plan_id = None;
            self.accepted_plan_title = None;
        }
    }
}

const SELECT: &str = "SELECT p.id, p.region_kode, r.nama AS region_nama, p.nomor, p.source, p.status, p.title,
        p.problem, p.solution, p.wilayah_kode, w.nama AS wilayah_nama, kc.nama AS kecamatan_nama,
        p.latitude, p.longitude, p.kamus_id, k.nama AS kamus_nama, k.sub_kegiatan_kode,
        k.responsible_org_id, ro.name AS responsible_name, p.volume, p.satuan, p.estimated_cost,
        p.proposer_id, u.full_name AS proposer_name, p.proposer_org_id, po.name AS proposer_org_name,
        p.reses_ref, p.target_year, p.rank_desa, p.rank_kecamatan, p.deferred_to, p.reject_reason,
        p.accepted_item_id, (ai.kode || ' ' || ai.nama) AS accepted_item_label, ap.id AS accepted_plan_id,
        ap.title AS accepted_plan_title, ap.region_kode AS accepted_plan_region, ap.stage AS accepted_plan_stage,
        p.accepted_volume, p.accepted_pagu, p.version, p.created_at,
        (SELECT count(*) FROM proposals d WHERE d.id <> p.id AND d.kamus_id = p.kamus_id
            AND d.wilayah_kode = p.wilayah_kode AND d.target_year = p.target_year AND d.status NOT IN ('ditolak', 'digabung', 'dipecah')) AS duplicates
    FROM proposals p
    JOIN regions r ON r.kode = p.region_kode
    JOIN regions w ON w.kode = p.wilayah_kode
    LEFT JOIN regions kc ON kc.kode = w.parent_kode AND kc.level = 'kecamatan'
    LEFT JOIN kamus_usulan k ON k.id = p.kamus_id
    LEFT JOIN organizations ro ON ro.id = k.responsible_org_id
    JOIN users u ON u.id = p.proposer_id
    JOIN organizations po ON po.id = p.proposer_org_id
    LEFT JOIN plan_items ai ON ai.id = p.accepted_item_id
    LEFT JOIN plans ap ON ap.id = ai.plan_id";

/// The bidang urusan a region's kamus usulan covers: (kode, nama).
pub async fn bidang_of_kamus(
    db: &PgPool,
    region: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT n.kode, n.nama FROM kamus_usulan k
         JOIN nomenklatur n ON n.region_kode IS NULL AND n.level = 'bidang' AND k.sub_kegiatan_kode LIKE n.kode || '.%'
         WHERE k.region_kode = $1 ORDER BY n.kode",
    )
    .bind(region)
    .fetch_all(db)
    .await
}

/// A sub kegiatan of an RKPD that may take an accepted proposal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AcceptingItem {
    pub id: Uuid,
    pub kode: String,
    pub nama: String,
}

/// The sub kegiatan of a region's RKPD of a year that may take an accepted
/// proposal: all of them, or only `only` when given.
pub async fn accepting_sub_kegiatan(
    db: &PgPool,
    region: &str,
    year: i32,
    only: Option<Uuid>,
) -> Result<Vec<AcceptingItem>, sqlx::Error> {
    sqlx::query_as(
        "SELECT i.id, i.kode, i.nama FROM plan_items i JOIN plans pl ON pl.id = i.plan_id
         WHERE pl.region_kode = $1 AND pl.kind = 'rkpd' AND pl.first_year = $2 AND i.level = 'sub_kegiatan'
           AND ($3::uuid IS NULL OR i.id = $3)
         ORDER BY i.kode",
    )
    .bind(region)
    .bind(year)
    .bind(only)
    .fetch_all(db)
    .await
}

/// The proposal named in a link (`/usulan/{nomor}`), in whichever region.
pub async fn by_nomor(db: &PgPool, nomor: &str) -> Result<Option<Proposal>, sqlx::Error> {
    // across regions: the row named in the URL, found by its unique key; what follows carries its region
    sqlx::query_as(&format!("{SELECT} WHERE p.nomor = $1"))
        .bind(nomor)
        .fetch_optional(db)
        .await
}

/// The proposal `nomor` if it is of `region`.
pub async fn by_nomor_in(
    db: &PgPool,
    region: &str,
    nomor: &str,
) -> Result<Option<Proposal>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.nomor = $1 AND p.region_kode = $2"
    ))
    .bind(nomor)
    .bind(region)
    .fetch_optional(db)
    .await
}

/// Filters of the lists; None means any.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub region: Option<String>,
    pub status: Option<Status>,
    pub kecamatan: Option<String>,
    pub source: Option<Source>,
    pub kamus: Option<Uuid>,
    pub year: Option<i32>,
    /// Bidang urusan, e.g. `1.03` (from the kamus entry's sub kegiatan).
    pub bidang: Option<String>,
    /// Only the proposals this person sent ("Usulan saya").
    pub proposer: Option<Uuid>,
}

/// Rows per page of a proposal list.
pub const PAGE: i64 = 100;

/// Every proposal matching `f` that is still under way (not accepted,
/// refused or deferred), for a work list that the caller filters by whose
/// turn it is before paging.
pub async fn open(db: &PgPool, f: &Filter) -> Result<Vec<Proposal>, sqlx::Error> {
    let mut rows = list_rows(db, f, 0, i64::MAX).await?;
    rows.retain(|p| !p.status.is_final());
    Ok(rows)
}

/// The most rows a recap holds: a province's year is about 6,000.
pub const RECAP_LIMIT: i64 = 20_000;

/// Every proposal matching `f`, up to `RECAP_LIMIT` (a recap).
pub async fn all(db: &PgPool, f: &Filter) -> Result<Vec<Proposal>, sqlx::Error> {
    list_rows(db, f, 0, RECAP_LIMIT).await
}

/// One page (counted from 1) of the proposals matching `f`, and whether
/// there are more after it.
pub async fn list(
    db: &PgPool,
    f: &Filter,
    page: i64,
) -> Result<(Vec<Proposal>, bool), sqlx::Error> {
    let page = page.max(1);
    let mut rows = list_rows(db, f, (page - 1) * PAGE, PAGE + 1).await?;
    let more = rows.len() as i64 > PAGE;
    rows.truncate(PAGE as usize);
    Ok((rows, more))
}

/// The conditions of a `Filter` over `proposals p` joined with
/// `kamus_usulan k`, bound as $1–$7 and $10 (`$8`, `$9`: limit, offset).
/// The place filter takes a kecamatan or a desa/kelurahan code.
const FILTERED: &str = "($1::text IS NULL OR p.region_kode = $1)
           AND ($2::proposal_status IS NULL OR p.status = $2)
           AND ($3::text IS NULL OR p.wilayah_kode = $3 OR p.wilayah_kode LIKE $3 || '.%')
           AND ($4::proposal_source IS NULL OR p.source = $4)
           AND ($5::uuid IS NULL OR p.kamus_id = $5)
           AND ($6::int IS NULL OR p.target_year = $6)
           AND ($7::text IS NULL OR k.sub_kegiatan_kode LIKE $7 || '.%')
           AND ($10::uuid IS NULL OR p.proposer_id = $10)";

/// A query over `FILTERED` with the filter bound as $1–$7 and $10, and
/// `limit`, `offset` as $8, $9.
fn filtered<'q, O>(
    q: sqlx::query::QueryAs<'q, sqlx::Postgres, O, sqlx::postgres::PgArguments>,
    f: &'q Filter,
    limit: i64,
    offset: i64,
) -> sqlx::query::QueryAs<'q, sqlx::Postgres, O, sqlx::postgres::PgArguments> {
    q.bind(&f.region)
        .bind(f.status)
        .bind(&f.kecamatan)
        .bind(f.source)
        .bind(f.kamus)
        .bind(f.year)
        .bind(&f.bidang)
        .bind(limit)
        .bind(offset)
        .bind(f.proposer)
}

/// How many proposals matching `f` each place (desa/kelurahan) holds.
pub async fn count_by_place(db: &PgPool, f: &Filter) -> Result<Vec<(String, i64)>, sqlx::Error> {
    // across regions: the national proposal list when no region is chosen, one page (LIMIT).
    let sql = format!(
        "SELECT p.wilayah_kode, count(*) FROM proposals p LEFT JOIN kamus_usulan k ON k.id = p.kamus_id
         WHERE {FILTERED} GROUP BY p.wilayah_kode ORDER BY p.wilayah_kode LIMIT $8 OFFSET $9"
    );
    filtered(sqlx::query_as(&sql), f, i64::MAX, 0)
        .fetch_all(db)
        .await
}

/// A proposal with coordinates, for a map.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Located {
    pub nomor: String,
    pub title: String,
    pub latitude: Decimal,
    pub longitude: Decimal,
}

/// The first `limit` proposals matching `f` that carry coordinates.
pub async fn located(db: &PgPool, f: &Filter, limit: i64) -> Result<Vec<Located>, sqlx::Error> {
    // across regions: the national proposal map when no region is chosen, one page (LIMIT).
    let sql = format!(
        "SELECT p.nomor, p.title, p.latitude, p.longitude FROM proposals p
         LEFT JOIN kamus_usulan k ON k.id = p.kamus_id
         WHERE {FILTERED} AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
         ORDER BY p.nomor LIMIT $8 OFFSET $9"
    );
    filtered(sqlx::query_as(&sql), f, limit, 0)
        .fetch_all(db)
        .await
}

/// The kab/kota that have proposals: (kode, nama), by name.
pub async fn regions_with_proposals(db: &PgPool) -> Result<Vec<(String, String)>, sqlx::Error> {
    // across regions: the national list's choice of kab/kota.
    sqlx::query_as(
        "SELECT DISTINCT r.kode, r.nama FROM proposals p JOIN regions r ON r.kode = p.region_kode
         ORDER BY r.nama",
    )
    .fetch_all(db)
    .await
}

async fn list_rows(
    db: &PgPool,
    f: &Filter,
    offset: i64,
    limit: i64,
) -> Result<Vec<Proposal>, sqlx::Error> {
    // across regions: the national proposal list when no region is chosen, one page (LIMIT).
    let sql = format!(
        "{SELECT} WHERE {FILTERED}
         ORDER BY p.target_year DESC, kc.nama, p.rank_kecamatan NULLS LAST, p.rank_desa NULLS LAST, p.nomor
         LIMIT $8 OFFSET $9"
    );
    filtered(sqlx::query_as(&sql), f, limit, offset)
        .fetch_all(db)
        .await
}

/// Proposals matching `f` after `after`, by id (a page of the open-data
/// API).
pub async fn after(
    db: &PgPool,
    f: &Filter,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Proposal>, sqlx::Error> {
    // across regions: the open-data API's proposals of every region when no region is asked, one page (LIMIT).
    let sql = format!(
        "{SELECT} WHERE {FILTERED} AND ($11::uuid IS NULL OR p.id > $11)
         ORDER BY p.id LIMIT $8 OFFSET $9"
    );
    filtered(sqlx::query_as(&sql), f, limit, 0)
        .bind(after)
        .fetch_all(db)
        .await
}

/// Accepted proposals located in a desa for a year (for its RKPDes page).
pub async fn accepted_in(
    db: &PgPool,
    wilayah: &str,
    year: i32,
) -> Result<Vec<Proposal>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE p.wilayah_kode = $1 AND p.target_year = $2 AND p.status = 'diakomodir' ORDER BY p.nomor"
    ))
    .bind(wilayah)
    .bind(year)
    .fetch_all(db)
    .await
}

/// A live proposal of the same kind, place and year as another.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Duplicate {
    pub nomor: String,
    pub title: String,
    pub status: Status,
}

/// Live proposals of the same kind, place and year (possible duplicates).
pub async fn duplicates_of(db: &PgPool, p: &Proposal) -> Result<Vec<Duplicate>, sqlx::Error> {
    sqlx::query_as(
        "SELECT nomor, title, status FROM proposals
         WHERE id <> $1 AND kamus_id = $2 AND wilayah_kode = $3 AND target_year = $4 AND status NOT IN ('ditolak', 'digabung', 'dipecah')
         ORDER BY nomor",
    )
    .bind(p.id)
    .bind(p.kamus_id)
    .bind(&p.wilayah_kode)
    .bind(p.target_year)
    .fetch_all(db)
    .await
}

pub struct NewProposal<'a> {
    pub region_kode: &'a str,
    pub source: Source,
    pub title: &'a str,
    pub problem: &'a str,
    pub solution: &'a str,
    pub wilayah_kode: &'a str,
    pub latitude: Option<Decimal>,
    pub longitude: Option<Decimal>,
    pub kamus_id: Option<Uuid>,
    pub volume: Decimal,
    pub satuan: &'a str,
    pub estimated_cost: Rupiah,
    pub proposer_id: Uuid,
    pub proposer_org_id: Uuid,
    pub reses_ref: Option<&'a str>,
    pub target_year: i32,
}

/// Stores a new proposal with its public number and first event.
pub async fn create(
    conn: &mut PgConnection,
    p: NewProposal<'_>,
) -> Result<(Uuid, String), sqlx::Error> {
    let seq: i32 = sqlx::query_scalar(
        "INSERT INTO proposal_counters (year, last) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last = proposal_counters.last + 1 RETURNING last",
    )
    .bind(p.target_year)
    .fetch_one(&mut *conn)
    .await?;
    let number = nomor(p.target_year, seq);
    let id = Uuid::now_v7();
    let status = p.source.first_status();
    sqlx::query(
        "INSERT INTO proposals (id, region_kode, nomor, source, status, title, problem, solution, wilayah_kode,
                                latitude, longitude, kamus_id, volume, satuan, estimated_cost, proposer_id,
                                proposer_org_id, reses_ref, target_year)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(id)
    .bind(p.region_kode)
    .bind(&number)
    .bind(p.source)
    .bind(status)
    .bind(p.title)
    .bind(p.problem)
    .bind(p.solution)
    .bind(p.wilayah_kode)
    .bind(p.latitude)
    .bind(p.longitude)
    .bind(p.kamus_id)
    .bind(p.volume)
    .bind(p.satuan)
    .bind(p.estimated_cost)
    .bind(p.proposer_id)
    .bind(p.proposer_org_id)
    .bind(p.reses_ref)
    .bind(p.target_year)
    .execute(&mut *conn)
    .await?;
    event(
        conn,
        id,
        p.region_kode,
        None,
        status,
        "Usulan diajukan.",
        Some(p.proposer_id),
        Some(p.proposer_org_id),
    )
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(p.region_kode),
            actor_id: Some(p.proposer_id),
            action: "create",
            entity: "proposal",
            entity_id: id.to_string(),
            before: None,
            after: Some(serde_json::json!({"nomor": number, "title": p.title, "source": p.source})),
        },
    )
    .await?;
    Ok((id, number))
}

/// What a correction does.
#[derive(Debug, PartialEq, Eq)]
pub enum Corrected {
    /// Saved, with the timeline's note.
    Saved,
    /// The form held what is stored already: nothing written.
    Unchanged,
    /// Verified (or changed) meanwhile: nothing written.
    TooLate,
}

/// The proposer's correction of `p` (as read at `version`), until it is
/// verified: the fields, an event in the public timeline naming what
/// changed, an audit row. Place and kind change only while the desa has
/// it (`Status::relocatable`); otherwise the stored ones stay.
pub async fn correct(
    conn: &mut PgConnection,
    p: &Proposal,
    version: i32,
    d: &crate::domain::proposal::Draft,
) -> Result<Corrected, sqlx::Error> {
    let relocatable = p.status.relocatable();
    let wilayah = if relocatable {
        d.wilayah_kode.as_str()
    } else {
        p.wilayah_kode.as_str()
    };
    let kamus = if relocatable {
        Some(d.kamus)
    } else {
        p.kamus_id
    };
    let fields: [(&str, bool); 9] = [
        ("judul", p.title != d.title),
        ("masalah", p.problem != d.problem),
        ("usulan penyelesaian", p.solution != d.solution),
        ("lokasi", p.wilayah_kode != wilayah),
        (
            "titik koordinat",
            p.latitude != d.latitude || p.longitude != d.longitude,
        ),
        ("jenis usulan", p.kamus_id != kamus),
        ("volume", p.volume != d.volume || p.satuan != d.satuan),
        ("perkiraan biaya", p.estimated_cost != d.estimated_cost),
        ("rujukan reses", p.reses_ref != d.reses_ref),
    ];
    let changed: Vec<&str> = fields.iter().filter(|(_, c)| *c).map(|(f, _)| *f).collect();
    let Some(note) = crate::domain::proposal::correction_note(&changed) else {
        return Ok(Corrected::Unchanged);
    };
    let done = sqlx::query(
        "UPDATE proposals SET title = $3, problem = $4, solution = $5, wilayah_kode = $6,
                latitude = $7, longitude = $8, kamus_id = $9, volume = $10, satuan = $11,
                estimated_cost = $12, reses_ref = $13, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2
           AND status IN ('diajukan', 'diteruskan_kecamatan', 'diteruskan_kabkota')",
    )
    .bind(p.id)
    .bind(version)
    .bind(&d.title)
    .bind(&d.problem)
    .bind(&d.solution)
    .bind(wilayah)
    .bind(d.latitude)
    .bind(d.longitude)
    .bind(kamus)
    .bind(d.volume)
    .bind(&d.satuan)
    .bind(d.estimated_cost)
    .bind(&d.reses_ref)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(Corrected::TooLate);
    }
    event(
        conn,
        p.id,
        &p.region_kode,
        Some(p.status),
        p.status,
        &note,
        Some(p.proposer_id),
        Some(p.proposer_org_id),
    )
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&p.region_kode),
            actor_id: Some(p.proposer_id),
            action: "correct",
            entity: "proposal",
            entity_id: p.id.to_string(),
            before: Some(serde_json::json!({
                "title": p.title, "problem": p.problem, "solution": p.solution,
                "wilayah_kode": p.wilayah_kode, "volume": p.volume, "satuan": p.satuan,
                "estimated_cost": p.estimated_cost,
            })),
            after: Some(serde_json::json!({
                "title": d.title, "problem": d.problem, "solution": d.solution,
                "wilayah_kode": wilayah, "volume": d.volume, "satuan": d.satuan,
                "estimated_cost": d.estimated_cost, "changed": changed,
            })),
        },
    )
    .await?;
    // Its followers hear of it (the proposer made it).
    let to_users =
        super::follows::proposal_audience(conn, &p.region_kode, p.id, p.proposer_id).await?;
    super::notifications::send(
        conn,
        &to_users,
        Some(p.proposer_id),
        &p.region_kode,
        super::notifications::Reveals::Personal,
        &format!("Usulan {} dikoreksi", p.nomor),
        &note,
        &format!("/usulan/{}", p.nomor),
    )
    .await?;
    Ok(Corrected::Saved)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn event(
    conn: &mut PgConnection,
    id: Uuid,
    region: &str,
    from: Option<Status>,
    to: Status,
    recommendation: &str,
    actor: Option<Uuid>,
    org: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    event_at(conn, id, region, from, to, recommendation, actor, org, None).await
}

/// `event`, taken at a meeting when `meeting` is set.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn event_at(
    conn: &mut PgConnection,
    id: Uuid,
    region: &str,
    from: Option<Status>,
    to: Status,
    recommendation: &str,
    actor: Option<Uuid>,
    org: Option<Uuid>,
    meeting: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO proposal_events (proposal_id, region_kode, from_status, to_status, recommendation, actor_id,
                                      actor_org_id, meeting_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(region)
    .bind(from)
    .bind(to)
    .bind(recommendation)
    .bind(actor)
    .bind(org)
    .bind(meeting)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Event {
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub recommendation: String,
    pub actor_name: Option<String>,
    pub actor_org: Option<String>,
    pub at: OffsetDateTime,
    /// The meeting it was decided at: (id, title).
    pub meeting_id: Option<Uuid>,
    pub meeting_title: Option<String>,
}

/// A proposal's timeline; `region` is the proposal's.
pub async fn events(db: &PgPool, region: &str, id: Uuid) -> Result<Vec<Event>, sqlx::Error> {
    sqlx::query_as(
        "SELECT e.from_status, e.to_status, e.recommendation, u.full_name AS actor_name, o.name AS actor_org, e.at,
                e.meeting_id, m.title AS meeting_title
         FROM proposal_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN organizations o ON o.id = e.actor_org_id
         LEFT JOIN meetings m ON m.id = e.meeting_id
         WHERE e.proposal_id = $1 AND e.region_kode = $2 ORDER BY e.id",
    )
    .bind(id)
    .bind(region)
    .fetch_all(db)
    .await
}

/// What a decision sets besides the status.
#[derive(Debug, Clone, Default)]
pub struct Decision {
    pub reject_reason: Option<String>,
    pub deferred_to: Option<i32>,
    pub accepted: Option<Acceptance>,
    /// Taken at this meeting (named in the timeline).
    pub meeting: Option<Uuid>,
}

/// What accepting a proposal takes up: a sub kegiatan, a volume and a pagu.
#[derive(Debug, Clone, Copy)]
pub struct Acceptance {
    pub item: Uuid,
    pub volume: Decimal,
    pub pagu: Rupiah,
}

/// Moves a proposal on from the status (and version) the actor saw.
#[allow(clippy::too_many_arguments)]
pub async fn act(
    conn: &mut PgConnection,
    actor: Uuid,
    actor_org: Option<Uuid>,
    p: &Proposal,
    version: i32,
    to: Status,
    recommendation: &str,
    d: &Decision,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE proposals SET status = $3, reject_reason = COALESCE($4, reject_reason), deferred_to = COALESCE($5, deferred_to),
                accepted_item_id = COALESCE($6, accepted_item_id), accepted_volume = COALESCE($7, accepted_volume),
                accepted_pagu = COALESCE($8, accepted_pagu), version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 AND status = $9 AND region_kode = $10",
    )
    .bind(p.id)
    .bind(version)
    .bind(to)
    .bind(&d.reject_reason)
    .bind(d.deferred_to)
    .bind(d.accepted.map(|a| a.item))
    .bind(d.accepted.map(|a| a.volume))
    .bind(d.accepted.map(|a| a.pagu))
    .bind(p.status)
    .bind(&p.region_kode)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    event_at(
        conn,
        p.id,
        &p.region_kode,
        Some(p.status),
        to,
        recommendation,
        Some(actor),
        actor_org,
        d.meeting,
    )
    .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&p.region_kode),
            actor_id: Some(actor),
            action: "status",
            entity: "proposal",
            entity_id: p.id.to_string(),
            before: Some(serde_json::json!({"status": p.status})),
            after: Some(
                serde_json::json!({"status": to, "recommendation": recommendation,
                "reject_reason": d.reject_reason, "deferred_to": d.deferred_to}),
            ),
        },
    )
    .await?;
    // The proposer and its followers hear of it.
    let to_users =
        super::follows::proposal_audience(conn, &p.region_kode, p.id, p.proposer_id).await?;
    let title = format!("Usulan {}: {}", p.nomor, to.label());
    super::notifications::send(
        conn,
        &to_users,
        Some(actor),
        &p.region_kode,
        super::notifications::Reveals::Personal,
        &title,
        recommendation,
        &format!("/usulan/{}", p.nomor),
    )
    .await?;
    Ok(())
}

/// Sets the rank a level gives a proposal (1 = most important).
pub async fn set_rank(
    conn: &mut PgConnection,
    p: &Proposal,
    kecamatan_level: bool,
    rank: i32,
) -> Result<(), sqlx::Error> {
    let sql = if kecamatan_level {
        "UPDATE proposals SET rank_kecamatan = $2, updated_at = now()
         WHERE id = $1 AND region_kode = $3"
    } else {
        "UPDATE proposals SET rank_desa = $2, updated_at = now()
         WHERE id = $1 AND region_kode = $3"
    };
    sqlx::query(sql)
        .bind(p.id)
        .bind(rank)
        .bind(&p.region_kode)
        .execute(conn)
        .await?;
    Ok(())
}
