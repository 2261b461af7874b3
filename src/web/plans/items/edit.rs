//! Adding a child item and editing an item's fields: the typed form is
//! checked by the domain (`ItemForm::check`), saved on the version read,
//! and a refused form comes back filled in.

use super::*;

/// Checks typed item fields for an item of `level` under `parent`: the
/// nomenclature's name for the typed code is looked up first; the rules
/// are the domain's (`ItemForm::check`).
pub(super) async fn check_fields(
    state: &AppState,
    plan: &Plan,
    level: Level,
    parent: Option<&Item>,
    f: &ItemForm,
    agencies: &[Organization],
    supports: &[(Uuid, String)],
) -> Result<Result<ItemFields, FieldErrors>, AppError> {
    let nomenklatur = match f.typed_kode() {
        Some(k) if level.is_budgeted() => {
            let mut conn = state.db.acquire().await?;
            nomenklatur::lookup(&mut conn, &plan.region_kode, &k)
                .await?
                .map(|e| e.nama)
        }
        _ => None,
    };
    let agencies: Vec<Uuid> = agencies.iter().map(|a| a.id).collect();
    let supports: Vec<Uuid> = supports.iter().map(|(id, _)| *id).collect();
    Ok(f.check(&ItemContext {
        region: &plan.region_kode,
        level,
        parent_kode: parent
            .filter(|p| p.level.is_budgeted())
            .and_then(|p| p.kode.as_deref()),
        perubahan: plan.is_perubahan(),
        agencies: &agencies,
        supports: &supports,
        nomenklatur: nomenklatur.as_deref(),
    }))
}

pub(super) async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<ItemForm>,
) -> Result<Response, AppError> {
    let (plan, item) = crate::web::plans::editable_item(&state, &user, id).await?;
    let parent = match new_parent(&state, &user, &plan, &item, &f).await? {
        Ok(parent) => parent,
        Err(errors) => return refused(&state, &user, plan, item, f, errors).await,
    };
    let fields = match check_typed(&state, &plan, item.level, parent.as_ref(), &f).await? {
        Ok(fields) => fields,
        Err(errors) => return refused(&state, &user, plan, item, f, errors).await,
    };
    // An agency may not hand its item to another agency.
    if fields.responsible_org_id != item.responsible_org_id {
        authorize(
            &user,
            Action::EditItem {
                plan: plan_ref(&plan),
                responsible: fields.responsible_org_id,
                level: item.level,
            },
        )?;
    }
    let saved = crate::store::atomic(&state.db, async |tx| {
        let parent = parent.as_ref().map(|p| p.id);
        let reason = f.reason.trim();
        items::update(
            tx, user.id, &plan, &item, f.version, &fields, parent, reason,
        )
        .await
    })
    .await;
    match saved {
        Ok(()) => Ok(Redirect::to(&format!("/item/{id}")).into_response()),
        Err(SaveError::Conflict) => conflict(&state, &user, plan, id, f).await,
        Err(SaveError::Fields(errors)) => refused(&state, &user, plan, item, f, errors).await,
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// The typed fields checked against the region's agencies and the programs it may support.
async fn check_typed(
    state: &AppState,
    plan: &Plan,
    level: Level,
    parent: Option<&Item>,
    f: &ItemForm,
) -> Result<Result<ItemFields, FieldErrors>, AppError> {
    let agencies = agencies(state, &plan.region_kode).await?;
    let supports = support_options(state, plan).await?;
    check_fields(state, plan, level, parent, f, &agencies, &supports).await
}

/// The item page after someone else saved first: the item as it is now, the form as typed (409).
async fn conflict(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    id: Uuid,
    f: ItemForm,
) -> Result<Response, AppError> {
    let fresh = items::get_in(&state.db, &plan.region_kode, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let shown = Shown {
        form: Some(ItemForm {
            version: fresh.version,
            ..f
        }),
        conflict: Some(fresh.clone()),
        ..Shown::default()
    };
    let page = item_page(state, Some(user), plan, fresh, shown).await?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

/// The item page again with the edit form as typed and its errors (422).
pub(super) async fn refused(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    item: Item,
    f: ItemForm,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = item_page(state, Some(user), plan, item, Shown::refused(f, errors)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The parent an edited item goes under: unchanged unless the form names
/// another, which must be an item of this plan at the level right above,
/// not the item's own descendant, and (for an agency) one it is
/// responsible for.
pub(super) async fn new_parent(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    item: &Item,
    f: &ItemForm,
) -> Result<Result<Option<Item>, FieldErrors>, AppError> {
    let wanted = match f.parent_id.trim() {
        "" => item.parent_id,
        p => Uuid::parse_str(p).ok().or(Some(Uuid::nil())),
    };
    let parent = match wanted {
        Some(p) => items::get_in(&state.db, &plan.region_kode, p).await?,
        None => None,
    };
    if wanted == item.parent_id {
        return Ok(Ok(parent));
    }
    if !fits_under(state, plan, item, parent.as_ref()).await? {
        let mut errors = FieldErrors::default();
        errors.add(
            "parent_id",
            crate::i18n::tf!(
                "pilih-induk-yang-sah-hanya-dapat",
                a1 = crate::i18n::label(item.level.label())
            ),
        );
        return Ok(Err(errors));
    }
    // Moving under another item is adding to it: an agency only moves
    // its items under items it is responsible for (planners anywhere).
    if let Some(p) = &parent {
        authorize(
            user,
            Action::EditItem {
                plan: plan_ref(plan),
                responsible: p.responsible_org_id,
                level: p.level,
            },
        )?;
    }
    Ok(Ok(parent))
}

/// Whether the item may go under this parent: of this plan, a level above, not its descendant.
async fn fits_under(
    state: &AppState,
    plan: &Plan,
    item: &Item,
    parent: Option<&Item>,
) -> Result<bool, AppError> {
    let fits = item.parent_id.is_some()
        && parent.is_some_and(|p| {
            p.plan_id == plan.id
                && p.id != item.id
                && plan.kind.child_levels(Some(p.level)).contains(&item.level)
        });
    // Never under its own descendant.
    let fits = fits
        && !items::ancestors(
            &state.db,
            &plan.region_kode,
            parent.map(|p| p.id).unwrap_or_default(),
        )
        .await?
        .iter()
        .any(|a| a.id == item.id);
    Ok(fits)
}

pub(super) async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(plan_id): Path<Uuid>,
    Form(f): Form<ItemForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), plan_id).await?;
    let (parent, level) = child_place(&state, &user, &plan, &f).await?;
    let fields = match check_typed(&state, &plan, level, parent.as_ref(), &f).await? {
        Ok(fields) => fields,
        Err(errors) => return refused_child(&state, &user, plan, parent, f, errors).await,
    };
    authorize_child(&user, &plan, parent.as_ref(), level, &fields)?;
    let created = crate::store::atomic(&state.db, async |tx| {
        let under = parent.as_ref().map(|p| p.id);
        let reason = f.reason.trim();
        items::create(
            tx,
            Some(user.id),
            &plan,
            under,
            level,
            &fields,
            None,
            reason,
        )
        .await
    })
    .await;
    match created {
        Ok(new_id) => Ok(Redirect::to(&format!("/item/{new_id}")).into_response()),
        Err(SaveError::Fields(errors)) => {
            refused_child(&state, &user, plan, parent, f, errors).await
        }
        Err(SaveError::Conflict) => Err(AppError::Internal("conflict on insert".into())),
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// An agency adds kegiatan only under its own items, and keeps them its own.
fn authorize_child(
    user: &CurrentUser,
    plan: &Plan,
    parent: Option<&Item>,
    level: Level,
    fields: &ItemFields,
) -> Result<(), AppError> {
    if parent.is_some() && level.is_budgeted() {
        authorize(
            user,
            Action::EditItem {
                plan: plan_ref(plan),
                responsible: fields.responsible_org_id,
                level,
            },
        )?;
    }
    Ok(())
}

/// Where a new item goes: under the parent the form names (an item of this
/// plan), at the level below it; the policy asked for that place.
pub(super) async fn child_place(
    state: &AppState,
    user: &CurrentUser,
    plan: &Plan,
    f: &ItemForm,
) -> Result<(Option<Item>, Level), AppError> {
    let parent = match Uuid::parse_str(f.parent_id.trim()).ok() {
        Some(pid) => Some(
            items::get_in(&state.db, &plan.region_kode, pid)
                .await?
                .filter(|p| p.plan_id == plan.id)
                .ok_or(AppError::BadRequest(
                    "Induk item tidak ada dalam rencana ini.".into(),
                ))?,
        ),
        None => None,
    };
    let level = plan
        .kind
        .child_levels(parent.as_ref().map(|p| p.level))
        .first()
        .copied()
        .ok_or(AppError::BadRequest(
            "Di bawah item ini tidak ada tingkat berikutnya.".into(),
        ))?;
    match &parent {
        Some(p) => authorize(
            user,
            Action::EditItem {
                plan: plan_ref(plan),
                responsible: p.responsible_org_id,
                level: p.level,
            },
        )?,
        None => authorize(user, Action::EditPlan(plan_ref(plan)))?,
    }
    Ok((parent, level))
}

/// A refused new item comes back where it was typed: the parent's page
/// with the child form filled in, or the plan page's root form (422).
pub(super) async fn refused_child(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    parent: Option<Item>,
    f: ItemForm,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let page = match parent {
        Some(p) => {
            let mut page = item_page(state, Some(user), plan, p, Shown::default()).await?;
            page.child_form = f;
            page.child_errors = errors;
            page.into_response()
        }
        None => super::super::show_page_with_root_form(state, user, plan, f.nama, f.reason, errors)
            .await?
            .into_response(),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
