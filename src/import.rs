//! `selaras import`: the web's two workbook imports from the command line,
//! for an operator bringing a region's plans in (SPEC §12). The same
//! reading and checks as the pages; the changes are recorded under the
//! user named with `--as`.

use std::path::Path;

use anyhow::{Context, bail};
use sqlx::PgPool;
use uuid::Uuid;

use crate::domain::plan::Stage;
use crate::domain::plan_import;
use crate::domain::target_pagu;
use crate::export::round_trip;
use crate::store::plans::{self, imports, structure};

pub async fn run(
    pool: &PgPool,
    plan: Uuid,
    file: &Path,
    apply: bool,
    as_user: Option<&str>,
) -> anyhow::Result<()> {
    let plan = plans::get(pool, plan).await?.context("no such plan")?;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let actor = match (apply, as_user) {
        (false, _) => None,
        (true, None) => bail!("--apply needs --as USERNAME: changes are recorded under a person"),
        (true, Some(u)) => Some(
            sqlx::query_scalar::<_, Uuid>(
                "SELECT id FROM users WHERE username = $1 AND region_kode = $2",
            )
            .bind(u)
            .bind(&plan.region_kode)
            .fetch_optional(pool)
            .await?
            .with_context(|| format!("no user {u} in {}", plan.region_nama))?,
        ),
    };
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("berkas.xlsx")
        .to_string();
    println!("{} ({})", plan.title, plan.stage.label());
    // A Struktur sheet goes into an empty plan; otherwise targets and pagu.
    let structure_cells =
        round_trip::read(&bytes, plan_import::SHEET).map_err(anyhow::Error::msg)?;
    if plan.item_count == 0 {
        if matches!(plan.stage, Stage::MenungguPenetapan | Stage::Ditetapkan) {
            bail!(
                "{} is {}: its content cannot change",
                plan.title,
                plan.stage.label().to_lowercase()
            );
        }
        let (items, errors) = plan_import::read(
            plan.kind,
            &plan.years(),
            &plan.pagu_years(),
            &structure_cells,
        )
        .map_err(anyhow::Error::msg)?;
        let checked = structure::check(pool, &plan, items, errors).await?;
        for (level, n) in checked.counts() {
            println!("  {n:>5} {}", level.label());
        }
        println!("  {:>5} indikator", checked.indicator_count());
        for (year, total) in checked.totals() {
            println!("  pagu {year}: {}", total.text());
        }
        report(&checked.errors)?;
        if let Some(actor) = actor {
            let imp = imports::save(pool, &plan, actor, "struktur", &name, &checked).await?;
            let n = structure::apply(pool, actor, &plan, imp, &checked)
                .await
                .map_err(|e| anyhow::anyhow!("not applied: {e:?}"))?;
            println!("created {n} items");
        }
        return Ok(());
    }
    let cells = round_trip::read(&bytes, round_trip::SHEET).map_err(anyhow::Error::msg)?;
    let (rows, errors) = target_pagu::read(&cells).map_err(anyhow::Error::msg)?;
    let state = imports::state(pool, &plan).await?;
    // The operator may do what the plan's stage allows anyone: nothing
    // while it waits for penetapan, only realisasi once it is enacted.
    let stage = plan.stage;
    let preview = target_pagu::compare(rows, errors, &state.now(&plan), |_, key| {
        match (stage, key) {
            (Stage::MenungguPenetapan, _) => {
                Err("rencana menunggu penetapan; isinya dibekukan.".into())
            }
            (Stage::Ditetapkan, target_pagu::Key::Realisasi { .. }) => Ok(()),
            (Stage::Ditetapkan, _) => {
                Err("rencana sudah ditetapkan; hanya realisasi yang dapat diubah.".into())
            }
            _ => Ok(()),
        }
    });
    for c in &preview.changes {
        println!(
            "  row {:>5}: {} {}: {} → {}",
            c.row,
            c.label,
            c.key.year(),
            c.before.display(),
            c.after.display()
        );
    }
    for c in &preview.conflicts {
        println!(
            "  row {:>5}: conflict, changed since the export: {} {}",
            c.row,
            c.label,
            c.key.year()
        );
    }
    println!(
        "{} changes, {} conflicts, {} unchanged",
        preview.changes.len(),
        preview.conflicts.len(),
        preview.unchanged
    );
    report(&preview.errors)?;
    if let Some(actor) = actor {
        if plan.is_perubahan() {
            bail!("an RKPD Perubahan asks a reason for every change: import it from the plan page");
        }
        let imp = imports::save(pool, &plan, actor, "target_pagu", &name, &preview).await?;
        let pending = imports::get(pool, &plan.region_kode, plan.id, "target_pagu", imp)
            .await?
            .context("saved import")?;
        let n = imports::apply(pool, actor, &plan, &pending, "")
            .await
            .map_err(|e| anyhow::anyhow!("not applied: {e:?}"))?;
        println!("applied {n} changes");
    }
    Ok(())
}

/// Prints the row errors; any error stops an --apply.
fn report(errors: &[target_pagu::RowError]) -> anyhow::Result<()> {
    for e in errors {
        println!("  row {:>5}: {}", e.row, e.message);
    }
    if !errors.is_empty() {
        bail!("{} rows with errors: nothing written", errors.len());
    }
    Ok(())
}

/// `selaras import-users`: the admin page's bulk import of organizations
/// and people, from the command line.
pub async fn users(
    pool: &PgPool,
    region: &str,
    file: &Path,
    apply: bool,
    as_user: Option<&str>,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let cells = round_trip::read(&bytes, "Pengguna").map_err(anyhow::Error::msg)?;
    let (rows, errors) = crate::domain::roster::read(&cells).map_err(anyhow::Error::msg)?;
    let checked = crate::store::roster::check(pool, region, rows, errors).await?;
    println!(
        "{} new organizations, {} new people",
        checked.new_orgs.len(),
        checked.rows.iter().filter(|r| r.user.is_some()).count()
    );
    for o in &checked.new_orgs {
        println!("  + {o}");
    }
    report(&checked.errors)?;
    if !apply {
        return Ok(());
    }
    let Some(u) = as_user else {
        bail!("--apply needs --as USERNAME: changes are recorded under a person");
    };
    let actor: Uuid =
        sqlx::query_scalar("SELECT id FROM users WHERE username = $1 AND region_kode = $2")
            .bind(u)
            .bind(region)
            .fetch_optional(pool)
            .await?
            .with_context(|| format!("no user {u} in {region}"))?;
    let invited = crate::store::roster::apply(pool, actor, region, &checked.rows)
        .await
        .map_err(|e| anyhow::anyhow!("not applied: {e:?}"))?;
    let base =
        std::env::var("SELARAS_PUBLIC_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    for i in invited {
        println!(
            "{}\t{}\t{}/tautan/{}",
            i.username,
            i.full_name,
            base.trim_end_matches('/'),
            i.token
        );
    }
    Ok(())
}
