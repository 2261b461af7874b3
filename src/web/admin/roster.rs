//! Admin: a region's organizations and people from one sheet
//! (`/admin/pengguna/impor`, CSV or .xlsx): a preview of what would be
//! created with every row error; nothing is written until confirmed; then
//! each new person gets an invitation link, listed once for the admin.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::policy::{Action, authorize};
use crate::auth::{AdminUser, CurrentUser};
use crate::domain::roster;
use crate::domain::target_pagu::SheetCell;
use crate::error::AppError;
use crate::export::round_trip;
use crate::store::roster::{self as store, Checked, Invited};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/pengguna/impor", get(page).post(preview))
        .route("/admin/pengguna/impor/simpan", post(confirm))
}

fn allowed(user: &CurrentUser) -> Result<(), AppError> {
    let region = &user.region_kode;
    authorize(user, Action::ManageOrganizations { region })?;
    authorize(user, Action::ManageUsers { region })?;
    authorize(
        user,
        Action::ManageMemberships {
            region,
            target: None,
        },
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/roster.html")]
struct Page {
    nav: Nav,
    region: String,
    refused: Option<String>,
    checked: Option<Checked>,
    /// The sheet as read, carried to the confirmation (checked again there).
    csv: String,
    invited: Vec<(Invited, String)>,
}

impl Page {
    fn new(user: &CurrentUser) -> Page {
        Page {
            nav: Nav::for_user(user),
            region: user.region_label(),
            refused: None,
            checked: None,
            csv: String::new(),
            invited: Vec::new(),
        }
    }

    fn new_users(&self) -> usize {
        self.checked
            .as_ref()
            .map(|c| c.rows.iter().filter(|r| r.user.is_some()).count())
            .unwrap_or(0)
    }
}

async fn page(user: CurrentUser) -> Result<Response, AppError> {
    allowed(&user)?;
    Ok(Page::new(&user).into_response())
}

/// The cells as CSV text, for the hidden field of the confirmation.
fn as_csv(cells: &[Vec<SheetCell>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in cells {
        let texts: Vec<String> = row
            .iter()
            .map(|c| match c {
                SheetCell::Empty => String::new(),
                SheetCell::Text(s) => s.clone(),
                SheetCell::Number(n) => n.to_string(),
            })
            .collect();
        let _ = w.write_record(&texts);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

async fn check(
    state: &AppState,
    user: &CurrentUser,
    bytes: &[u8],
) -> Result<Result<(Checked, String), String>, AppError> {
    let cells = match round_trip::read_off_runtime(bytes, "Pengguna").await {
        Ok(c) => c,
        Err(why) => return Ok(Err(why)),
    };
    let (rows, errors) = match roster::read(&cells) {
        Ok(r) => r,
        Err(why) => return Ok(Err(why)),
    };
    let checked = store::check(&state.db, &user.region_kode, rows, errors).await?;
    Ok(Ok((checked, as_csv(&cells))))
}

async fn preview(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    allowed(&user)?;
    let mut page = Page::new(&user);
    let Some((_, bytes)) = crate::web::uploaded_file(&mut multipart).await? else {
        page.refused = Some(crate::i18n::t("pilih-berkas-csv-atau-xlsx-untuk").into());
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    match check(&state, &user, &bytes).await? {
        Err(why) => {
            page.refused = Some(why);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Ok((checked, csv)) => {
            let status = if checked.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            page.checked = Some(checked);
            page.csv = csv;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    csv: String,
}

async fn confirm(
    State(state): State<AppState>,
    AdminUser(user): AdminUser,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, AppError> {
    allowed(&user)?;
    let mut page = Page::new(&user);
    let (checked, csv) = match check(&state, &user, f.csv.as_bytes()).await? {
        Err(why) => {
            page.refused = Some(why);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
        Ok(r) => r,
    };
    if !checked.errors.is_empty() {
        page.checked = Some(checked);
        page.csv = csv;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let invited = match store::apply(&state.db, user.id, &user.region_kode, &checked.rows).await {
        Ok(i) => i,
        Err(crate::store::SaveError::Db(e)) => return Err(e.into()),
        Err(_) => {
            page.refused = Some(crate::i18n::t("sebagian-data-bentrok-dengan-yang-dibuat").into());
            return Ok((StatusCode::CONFLICT, page).into_response());
        }
    };
    let base = state.config.public_url.trim_end_matches('/').to_string();
    page.invited = invited
        .into_iter()
        .map(|i| {
            let url = format!("{base}/tautan/{}", i.token);
            crate::web::links::mail_invitation(&state, &i.full_name, i.email.as_deref(), &i.token);
            (i, url)
        })
        .collect();
    Ok(page.into_response())
}
