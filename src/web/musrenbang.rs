//! The Musrenbang calendar page (`/usulan/jadwal`): everyone reads the
//! windows of a region's RKPD year; its planners set them.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can};
use crate::domain::musrenbang::{self, CalendarForm, Tahap, Window};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::{musrenbang as store, regions};
use crate::web::Nav;

pub fn routes() -> Router<AppState> {
    Router::new().route("/usulan/jadwal", get(page).post(save))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Q {
    tahun: String,
    wilayah: String,
    disimpan: String,
}

/// The RKPD year asked for, or next year's (Musrenbang plans the year
/// after it is held).
fn year_of(q: &Q) -> i32 {
    q.tahun
        .parse()
        .ok()
        .filter(|y| (2020..=2100).contains(y))
        .unwrap_or(time::OffsetDateTime::now_utc().year() + 1)
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/calendar.html")]
struct Page {
    nav: Nav,
    region: Option<(String, String)>,
    year: i32,
    rows: Vec<Row>,
    editable: bool,
    errors: FieldErrors,
    saved: bool,
}

/// A level's row of the calendar.
struct Row {
    tahap: Tahap,
    /// Its window as read, if it has one.
    window: Option<String>,
    /// The first and last day as typed (or as saved).
    opens: String,
    closes: String,
}

impl Page {
    fn error(&self, field: &str, t: &Tahap) -> Option<&str> {
        self.errors.get(&format!("{field}_{}", t.as_str()))
    }
}

async fn build(
    state: &AppState,
    user: Option<&CurrentUser>,
    region: &str,
    year: i32,
    typed: Option<CalendarForm>,
) -> Result<Page, AppError> {
    let r = regions::get(&state.db, region)
        .await?
        .filter(|r| r.level.is_pemda());
    let windows = match &r {
        Some(r) => store::windows(&state.db, &r.kode, year).await?,
        None => Default::default(),
    };
    let rows = Tahap::ALL
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let w: Option<Window> = windows.get(&t).copied();
            let (opens, closes) = match &typed {
                Some(f) => f.row(i),
                None => w
                    .map(|w| (w.opens.to_string(), w.closes.to_string()))
                    .unwrap_or_default(),
            };
            Row {
                tahap: t,
                window: w.map(|w| crate::i18n::t_dyn(&w.label()).into_owned()),
                opens,
                closes,
            }
        })
        .collect();
    let editable = user.is_some_and(|u| can(u, Action::SetMusrenbangCalendar { region }).is_ok());
    Ok(Page {
        nav: Nav::for_visitor(user),
        region: r.map(|r| (r.kode, r.nama)),
        year,
        rows,
        editable,
        errors: FieldErrors::default(),
        saved: false,
    })
}

async fn page(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<Q>,
) -> Result<Response, AppError> {
    let region = if q.wilayah.is_empty() {
        user.as_ref()
            .map(|u| u.region_kode.clone())
            .unwrap_or_default()
    } else {
        q.wilayah.clone()
    };
    let mut page = build(&state, user.as_ref(), &region, year_of(&q), None).await?;
    page.saved = q.disimpan == "1";
    Ok(page.into_response())
}

async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<Q>,
    Form(f): Form<CalendarForm>,
) -> Result<Response, AppError> {
    authorize(
        &user,
        Action::SetMusrenbangCalendar {
            region: &user.region_kode,
        },
    )?;
    let year = year_of(&q);
    let calendar = match f.check() {
        Ok(c) => c,
        Err(errors) => {
            let mut page = build(&state, Some(&user), &user.region_kode, year, Some(f)).await?;
            page.errors = errors;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    crate::store::atomic(&state.db, async |tx| {
        store::set(tx, user.id, &user.region_kode, year, &calendar).await
    })
    .await?;
    Ok(Redirect::to(&format!("/usulan/jadwal?tahun={year}&disimpan=1")).into_response())
}

/// Whether `tahap` may act today for a region's RKPD `year`, or why not.
pub async fn refusal(
    state: &AppState,
    region: &str,
    year: i32,
    tahap: Tahap,
) -> Result<Option<String>, AppError> {
    let window = store::window(&state.db, region, year, tahap).await?;
    let today = time::OffsetDateTime::now_utc()
        .to_offset(crate::format::WIB)
        .date();
    Ok(musrenbang::check(tahap, year, window, today).err())
}
