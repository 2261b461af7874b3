//! An item's pagu per year: saved on the version read; a refused or
//! stale form comes back with what was typed.

use super::*;
use crate::domain::item::PaguChange;

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
    let (amounts, reason) = match PaguChange::parse(plan.pagu_years(), plan.is_perubahan(), &f) {
        Ok(c) => (c.amounts, c.reason),
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
