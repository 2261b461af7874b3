//! Named lookups of the demo's well-known rows (its plans, items,
//! organizations and proposals), so tests do not repeat the SQL. Each is a
//! free function on a pool and, for a test's own server, a method of
//! `TestApp`; each panics when its row is missing.

use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use super::TestApp;

/// The id of the plan of `kind` (`"rkpd"`, `"rpjpd"`, …) in `region`.
pub async fn plan_id(db: &PgPool, region: &str, kind: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM plans WHERE region_kode = $1 AND kind::text = $2")
        .bind(region)
        .bind(kind)
        .fetch_one(db)
        .await
        .unwrap()
}

/// A plan's version (what a form that changes the plan carries).
pub async fn plan_version(db: &PgPool, plan: Uuid) -> i32 {
    sqlx::query_scalar("SELECT version FROM plans WHERE id = $1")
        .bind(plan)
        .fetch_one(db)
        .await
        .unwrap()
}

/// A plan's first year.
pub async fn plan_first_year(db: &PgPool, plan: Uuid) -> i32 {
    sqlx::query_scalar("SELECT first_year FROM plans WHERE id = $1")
        .bind(plan)
        .fetch_one(db)
        .await
        .unwrap()
}

/// The id of the item of `plan` with code `kode` (`"1.02.02"`).
pub async fn item_id(db: &PgPool, plan: Uuid, kode: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM plan_items WHERE plan_id = $1 AND kode = $2")
        .bind(plan)
        .bind(kode)
        .fetch_one(db)
        .await
        .unwrap()
}

/// An item's pagu for `year`.
pub async fn pagu(db: &PgPool, item: Uuid, year: i32) -> Decimal {
    sqlx::query_scalar("SELECT amount FROM item_pagu WHERE item_id = $1 AND year = $2")
        .bind(item)
        .bind(year)
        .fetch_one(db)
        .await
        .unwrap()
}

/// The id of the organization with handle `code`, in whichever region.
pub async fn org_id(db: &PgPool, code: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM organizations WHERE code = $1")
        .bind(code)
        .fetch_one(db)
        .await
        .unwrap()
}

/// The id of the organization with handle `code` (`"dinkes"`) in `region`.
pub async fn region_org_id(db: &PgPool, region: &str, code: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM organizations WHERE region_kode = $1 AND code = $2")
        .bind(region)
        .bind(code)
        .fetch_one(db)
        .await
        .unwrap()
}

/// The number of the first proposal (in order of number).
pub async fn first_proposal(db: &PgPool) -> String {
    sqlx::query_scalar("SELECT nomor FROM proposals ORDER BY nomor LIMIT 1")
        .fetch_one(db)
        .await
        .unwrap()
}

/// A proposal's version (what a form that changes the proposal carries).
pub async fn proposal_version(db: &PgPool, nomor: &str) -> i32 {
    sqlx::query_scalar("SELECT version FROM proposals WHERE nomor = $1")
        .bind(nomor)
        .fetch_one(db)
        .await
        .unwrap()
}

/// A proposal's status, as text (`"diajukan"`).
pub async fn proposal_status(db: &PgPool, nomor: &str) -> String {
    sqlx::query_scalar("SELECT status::text FROM proposals WHERE nomor = $1")
        .bind(nomor)
        .fetch_one(db)
        .await
        .unwrap()
}

impl TestApp {
    /// [`plan_id`] in this server's database.
    pub async fn plan_id(&self, region: &str, kind: &str) -> Uuid {
        plan_id(&self.db, region, kind).await
    }

    /// [`plan_version`] in this server's database.
    pub async fn plan_version(&self, plan: Uuid) -> i32 {
        plan_version(&self.db, plan).await
    }

    /// [`plan_first_year`] in this server's database.
    pub async fn plan_first_year(&self, plan: Uuid) -> i32 {
        plan_first_year(&self.db, plan).await
    }

    /// [`item_id`] in this server's database.
    pub async fn item_id(&self, plan: Uuid, kode: &str) -> Uuid {
        item_id(&self.db, plan, kode).await
    }

    /// [`pagu`] in this server's database.
    pub async fn pagu(&self, item: Uuid, year: i32) -> Decimal {
        pagu(&self.db, item, year).await
    }

    /// [`org_id`] in this server's database.
    pub async fn org_id(&self, code: &str) -> Uuid {
        org_id(&self.db, code).await
    }

    /// [`region_org_id`] in this server's database.
    pub async fn region_org_id(&self, region: &str, code: &str) -> Uuid {
        region_org_id(&self.db, region, code).await
    }

    /// [`first_proposal`] in this server's database.
    pub async fn first_proposal(&self) -> String {
        first_proposal(&self.db).await
    }

    /// [`proposal_version`] in this server's database.
    pub async fn proposal_version(&self, nomor: &str) -> i32 {
        proposal_version(&self.db, nomor).await
    }

    /// [`proposal_status`] in this server's database.
    pub async fn proposal_status(&self, nomor: &str) -> String {
        proposal_status(&self.db, nomor).await
    }
}
