//! Photos and documents on a proposal (issue 17): attached by its proposer
//! (until it is decided) or the level acting on it, shown to everyone with
//! the proposal, removed by who attached them or a planner. Uploads may be
//! larger than a form: these routes carry their own body limit.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize};
use crate::domain::attachment::{self, MAX_BYTES, MAX_FILES};
use crate::error::AppError;
use crate::store::proposal_files::{self as store, Attachment};
use crate::store::proposals::{self, Proposal};
use crate::web::Nav;
use crate::web::proposals::pref;

/// A 10 MB file and the form around it.
const UPLOAD_LIMIT: usize = MAX_BYTES + 64 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/usulan/{nomor}/lampiran", post(attach))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
        .layer(RequestBodyLimitLayer::new(UPLOAD_LIMIT))
}

/// The reading and removing routes, under the ordinary body limit.
pub fn reading_routes() -> Router<AppState> {
    Router::new()
        .route("/usulan/{nomor}/lampiran/{id}", get(file))
        .route("/usulan/{nomor}/lampiran/{id}/kecil", get(thumb))
        .route(
            "/usulan/{nomor}/lampiran/{id}/hapus",
            get(confirm).post(remove),
        )
}

async fn proposal(state: &AppState, nomor: &str) -> Result<Proposal, AppError> {
    proposals::by_nomor(&state.db, nomor)
        .await?
        .ok_or(AppError::NotFound)
}

/// What the upload form sent: the file (name, bytes) and its caption.
async fn read_form(mut m: Multipart) -> Result<(Option<(String, Vec<u8>)>, String), String> {
    let unreadable = || crate::i18n::t("unggahan-tidak-terbaca-coba-unggah-ulang").to_string();
    let (mut file, mut caption) = (None, String::new());
    while let Some(mut field) = m.next_field().await.map_err(|_| unreadable())? {
        match field.name() {
            Some("berkas") => {
                let name = attachment::clean_name(field.file_name().unwrap_or(""));
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| unreadable())? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > MAX_BYTES {
                        return Err(crate::i18n::t("berkas-terlalu-besar-paling-besar-10").into());
                    }
                }
                file = Some((name, bytes)).filter(|(_, b)| !b.is_empty());
            }
            Some("keterangan") => {
                let text = field.text().await.map_err(|_| unreadable())?;
                caption = text
                    .trim()
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(200)
                    .collect();
            }
            _ => {}
        }
    }
    Ok((file, caption))
}

async fn attach(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(nomor): Path<String>,
    m: Multipart,
) -> Result<Response, AppError> {
    let p = proposal(&state, &nomor).await?;
    authorize(
        &user,
        Action::AttachToProposal {
            p: pref(&p),
            proposer: p.proposer_id,
        },
    )?;
    let (file, caption) = match read_form(m).await {
        Ok(got) => got,
        Err(why) => return refused(&state, &user, p, String::new(), why).await,
    };
    let Some((name, bytes)) = file else {
        let why = crate::i18n::t("pilih-berkas-foto-jpeg-png-webp").to_string();
        return refused(&state, &user, p, caption, why).await;
    };
    let prepared = match prepare_in_turn(&state, bytes).await? {
        Ok(f) => f,
        Err(why) => return refused(&state, &user, p, caption, why).await,
    };
    let saved = add_file(&state, &user, &p, &name, &caption, &prepared).await?;
    match saved {
        Some(_) => Ok(Redirect::to(&format!("/usulan/{nomor}#lampiran")).into_response()),
        None => {
            let why = crate::i18n::tf!(
                "usulan-ini-sudah-memiliki-lampiran-hapus",
                MAX_FILES = MAX_FILES
            );
            refused(&state, &user, p, caption, why).await
        }
    }
}

/// The upload checked and made ready to store, off the async threads and
/// a few at a time; or why it cannot be stored.
async fn prepare_in_turn(
    state: &AppState,
    bytes: Vec<u8>,
) -> Result<Result<attachment::Prepared, String>, AppError> {
    let turn = state
        .photo_slots
        .acquire()
        .await
        .map_err(|_| AppError::Busy)?;
    let prepared = tokio::task::spawn_blocking(move || attachment::prepare(&bytes))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    drop(turn);
    Ok(prepared)
}

/// The file stored on the proposal, with the id it got; None when the
/// proposal already holds as many files as it may.
async fn add_file(
    state: &AppState,
    user: &CurrentUser,
    p: &Proposal,
    name: &str,
    caption: &str,
    prepared: &attachment::Prepared,
) -> Result<Option<Uuid>, AppError> {
    let saved = crate::store::atomic(&state.db, async |tx| {
        // The proposal's row locked: two uploads at once count in turn.
        if store::count_locked(tx, &p.region_kode, p.id).await? >= MAX_FILES {
            return Ok(None);
        }
        store::add(tx, p, user.id, name, caption, prepared)
            .await
            .map(Some)
    })
    .await?;
    Ok(saved)
}

/// The proposal's page with the upload refused beside its field (422).
async fn refused(
    state: &AppState,
    user: &CurrentUser,
    p: Proposal,
    caption: String,
    why: String,
) -> Result<Response, AppError> {
    let page = crate::web::proposals::show_page(state, Some(user), p, false, None)
        .await?
        .file_refused(caption, why);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// A stored file: public like its proposal; revalidated by its id (a
/// file never changes; a removed one is gone).
async fn send(
    state: &AppState,
    nomor: &str,
    id: Uuid,
    thumb: bool,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let p = proposal(state, nomor).await?;
    let f = store::get(&state.db, &p.region_kode, p.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let etag = format!("\"{id}{}\"", if thumb { "k" } else { "" });
    let cache = [
        (header::CACHE_CONTROL, "public, no-cache".to_string()),
        (header::ETAG, etag.clone()),
    ];
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    let (mime, bytes) = store::bytes(&state.db, &p.region_kode, p.id, id, thumb)
        .await?
        .ok_or(AppError::NotFound)?;
    let how = if mime == "application/pdf" {
        "attachment"
    } else {
        "inline"
    };
    let filename = crate::format::url_encode(&f.name);
    let disposition = format!("{how}; filename*=UTF-8''{filename}");
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        cache,
        bytes,
    )
        .into_response())
}

async fn file(
    State(state): State<AppState>,
    Path((nomor, id)): Path<(String, Uuid)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    send(&state, &nomor, id, false, &headers).await
}

async fn thumb(
    State(state): State<AppState>,
    Path((nomor, id)): Path<(String, Uuid)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    send(&state, &nomor, id, true, &headers).await
}

/// The file `id` of the proposal, if this person may remove it.
async fn removable(
    state: &AppState,
    user: &CurrentUser,
    nomor: &str,
    id: Uuid,
) -> Result<(Proposal, Attachment), AppError> {
    let p = proposal(state, nomor).await?;
    let f = store::get(&state.db, &p.region_kode, p.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(
        user,
        Action::RemoveProposalFile {
            region: &p.region_kode,
            uploader: f.uploaded_by,
        },
    )?;
    Ok((p, f))
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/file_remove.html")]
struct ConfirmPage {
    nav: Nav,
    nomor: String,
    f: Attachment,
}

async fn confirm(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((nomor, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let (_, f) = removable(&state, &user, &nomor, id).await?;
    Ok(ConfirmPage {
        nav: Nav::for_user(&user),
        nomor,
        f,
    }
    .into_response())
}

async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((nomor, id)): Path<(String, Uuid)>,
) -> Result<Response, AppError> {
    let (p, f) = removable(&state, &user, &nomor, id).await?;
    crate::store::atomic(&state.db, async |tx| {
        store::remove(tx, &p, &f, user.id).await
    })
    .await?;
    Ok(Redirect::to(&format!("/usulan/{nomor}#lampiran")).into_response())
}
