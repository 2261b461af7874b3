//! Narrative sections (chapters) of a plan, written in Markdown.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use uuid::Uuid;

use super::{plan_ref, readable_plan};
use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::SaveError;
use crate::store::plans::{self, Plan, Section};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/rencana/{id}/bab", post(create))
        .route("/bab/{id}", get(edit_form).post(update))
}

use crate::domain::plan::SectionForm;

fn check(plan: &Plan, f: &SectionForm) -> FieldErrors {
    f.check(plan.is_perubahan())
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/section_form.html")]
struct EditPage {
    nav: Nav,
    plan: Plan,
    section: Option<Section>,
    form: SectionForm,
    errors: FieldErrors,
    conflict: Option<Section>,
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<SectionForm>,
) -> Result<Response, AppError> {
    let plan = readable_plan(&state, Some(&user), id).await?;
    authorize(&user, Action::EditPlan(plan_ref(&plan)))?;
    let errors = check(&plan, &f);
    if !errors.is_empty() {
        let page = EditPage {
            nav: Nav::for_user(&user),
            plan,
            section: None,
            form: f,
            errors,
            conflict: None,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    crate::store::atomic(&state.db, async |tx| {
        plans::add_section(
            tx,
            Some(user.id),
            &plan,
            f.title.trim(),
            &f.body_md,
            f.reason.trim(),
        )
        .await
    })
    .await?;
    Ok(Redirect::to(&format!("/rencana/{id}#bab")).into_response())
}

async fn editable(
    state: &AppState,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(Plan, Section), AppError> {
    let section = plans::section(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let plan = readable_plan(state, Some(user), section.plan_id).await?;
    authorize(user, Action::EditPlan(plan_ref(&plan)))?;
    Ok((plan, section))
}

async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let (plan, section) = editable(&state, &user, id).await?;
    let form = SectionForm {
        title: section.title.clone(),
        body_md: section.body_md.clone(),
        version: section.version,
        reason: String::new(),
    };
    Ok(EditPage {
        nav: Nav::for_user(&user),
        plan,
        section: Some(section),
        form,
        errors: FieldErrors::default(),
        conflict: None,
    }
    .into_response())
}

async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<SectionForm>,
) -> Result<Response, AppError> {
    let (plan, section) = editable(&state, &user, id).await?;
    let errors = check(&plan, &f);
    if !errors.is_empty() {
        let page = EditPage {
            nav: Nav::for_user(&user),
            plan,
            section: Some(section),
            form: f,
            errors,
            conflict: None,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match crate::store::atomic(&state.db, async |tx| {
        plans::update_section(
            tx,
            user.id,
            &plan,
            &section,
            f.version,
            f.title.trim(),
            &f.body_md,
            f.reason.trim(),
        )
        .await
    })
    .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/rencana/{}#{}", plan.id, section.key())).into_response())
        }
        Err(SaveError::Conflict) => conflict_page(&state, &user, plan, id, f).await,
        Err(e) => Err(e.into()),
    }
}

/// The section form after someone else saved first: the section as it is now, the form as typed.
async fn conflict_page(
    state: &AppState,
    user: &CurrentUser,
    plan: Plan,
    id: Uuid,
    f: SectionForm,
) -> Result<Response, AppError> {
    let fresh = plans::section_in(&state.db, &plan.region_kode, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = SectionForm {
        version: fresh.version,
        ..f
    };
    let page = EditPage {
        nav: Nav::for_user(user),
        plan,
        section: Some(fresh.clone()),
        form: mine,
        errors: FieldErrors::default(),
        conflict: Some(fresh),
    };
    Ok((StatusCode::CONFLICT, page).into_response())
}
