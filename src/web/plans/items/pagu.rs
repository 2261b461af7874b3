//! An item's pagu per year: saved on the version read; a refused or
//! stale form comes back with what was typed.

use super::*;

pub(super) async fn set_pagu(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    axum::Form(f): axum::Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (plan, item) = crate::web::plans::editable_item(&state, &user, id).await?;
    if !item.level.has_pagu() {
        return Err(AppError::BadRequest(
            "Tingkat ini tidak memiliki pagu.".into(),
        ));
    }
    let (amounts, reason) = match pagu_form(&plan, &f) {
        Ok(parsed) => parsed,
        Err(problems) => {
            let shown = (StatusCode::UNPROCESSABLE_ENTITY, problems);
            return pagu_refused(&state, &user, plan, item, shown, &f).await;
        }
    };
    let version: i32 = f.get("version").and_then(|v| v.parse().ok()).unwrap_or(0);
    let before = items::pagu_for_item(&state.db, &item.region_kode, item.id).await?;
    let saved = crate::store::atomic(&state.db, async |tx| {
        items::set_pagu(
            tx,
            Some(user.id),
            &plan,
            &item,
            version,
            &before,
            &amounts,
            &reason,
        )
        .await
    })
    .await;
    match saved {
        Ok(()) => Ok(Redirect::to(&format!("/item/{id}#pagu")).into_response()),
        Err(SaveError::Conflict) => {
            let fresh = items::get_in(&state.db, &plan.region_kode, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let msg = crate::i18n::t("item-ini-baru-saja-diubah-orang").to_string();
            pagu_refused(&state, &user, plan, fresh, (StatusCode::CONFLICT, msg), &f).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The pagu form read: an amount per year typed (blank years left out)
/// and, for an RKPD Perubahan, the reason; or what is wrong.
pub(super) fn pagu_form(
    plan: &Plan,
    f: &HashMap<String, String>,
) -> Result<(BTreeMap<i32, Rupiah>, String), String> {
    let mut amounts = BTreeMap::new();
    let mut problems = Vec::new();
    for y in plan.pagu_years() {
        let raw = f.get(&format!("pagu_{y}")).map(|s| s.trim()).unwrap_or("");
        if raw.is_empty() {
            continue;
        }
        match Rupiah::parse(raw) {
            Ok(v) => {
                amounts.insert(y, v);
            }
            Err(m) => problems.push(format!("{y}: {m}")),
        }
    }
    let reason = f.get("reason").map(|s| s.trim()).unwrap_or("");
    if plan.is_perubahan() && reason.chars().count() < 5 {
        problems.push(crate::i18n::t("rkpd-perubahan-tuliskan-alasan-perubahan-pagu").into());
    }
    if problems.is_empty() {
        Ok((amounts, reason.to_string()))
    } else {
        Err(problems.join(" "))
    }
}

/// A refused or conflicting pagu save: the item page with what was typed
/// in the inputs, what is stored beside them, and why.
pub(super) async fn pagu_refused(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    (status, why): (StatusCode, String),
    f: &HashMap<String, String>,
) -> Result<Response, AppError> {
    let shown = Shown {
        pagu_error: Some(why),
        ..Shown::default()
    };
    let mut page = item_page(state, Some(user), plan, item, shown).await?;
    for cell in page.pagu.iter_mut() {
        cell.raw = f
            .get(&format!("pagu_{}", cell.year))
            .cloned()
            .unwrap_or_default();
    }
    Ok((status, page).into_response())
}
