//! Meetings (`/musyawarah`): every Musrenbang is a meeting, and so is a
//! Forum Kemitraan. Its page is public (the names on the attendance for
//! the region's people only); its organizer and the planners record the
//! attendance, the minutes and the decisions on proposals taken there,
//! which move the proposals with the meeting named in their timelines.
//! The berita acara prints and downloads as .xlsx.

use crate::web::filters;
use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::CurrentUser;
use crate::auth::policy::{Action, authorize, can, proposal_actor};
use crate::domain::meeting::{AttendeeForm, MeetingForm, MeetingKind};
use crate::domain::proposal::{self, Step};
use crate::domain::user::FieldErrors;
use crate::error::AppError;
use crate::store::meetings::{self as store, Attendee, Decided, Meeting};
use crate::store::orgs::{self, Organization};
use crate::store::proposals::{self, Decision, Filter, Proposal};
use crate::web::Nav;
use crate::web::proposals::pref;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/musyawarah", get(list))
        .route("/musyawarah/baru", get(new_form).post(create))
        .route("/musyawarah/{id}", get(show))
        .route("/musyawarah/{id}/hadir", post(attend))
        .route("/musyawarah/{id}/notulen", post(minutes))
        .route("/musyawarah/{id}/keputusan", post(decide))
        .route("/musyawarah/{id}/cetak", get(print))
        .route("/musyawarah/{id}/berita-acara.xlsx", get(xlsx))
}

fn kind_label(kind: &str) -> &'static str {
    MeetingKind::parse(kind)
        .map(|k| crate::i18n::label(k.label()))
        .unwrap_or(crate::i18n::t("musyawarah"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQ {
    wilayah: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "meetings/list.html")]
struct ListPage {
    nav: Nav,
    rows: Vec<Meeting>,
    can_create: bool,
}

impl ListPage {
    fn kind(&self, m: &Meeting) -> &'static str {
        kind_label(&m.kind)
    }
    fn date(&self, m: &Meeting) -> String {
        crate::domain::musrenbang::tanggal(m.held_on)
    }
}

async fn list(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Query(q): Query<ListQ>,
) -> Result<Response, AppError> {
    let region = match (&user, q.wilayah.is_empty()) {
        (Some(u), true) => u.region_kode.clone(),
        _ => q.wilayah.clone(),
    };
    Ok(ListPage {
        nav: Nav::for_visitor(user.as_ref()),
        rows: store::list(&state.db, &region).await?,
        can_create: user.as_ref().is_some_and(|u| !organizers(u).is_empty()),
    }
    .into_response())
}

/// The organizations this person may organize a meeting for (a planner:
/// any of the region's, chosen on the form from their own memberships).
fn organizers(user: &CurrentUser) -> Vec<(Uuid, String)> {
    user.memberships
        .iter()
        .filter(|m| {
            let a = Action::RecordMeeting {
                region: &user.region_kode,
                organizer: m.organization_id,
            };
            can(user, a).is_ok()
        })
        .map(|m| (m.organization_id, m.organization_name.clone()))
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "meetings/new.html")]
struct NewPage {
    nav: Nav,
    form: MeetingForm,
    errors: FieldErrors,
    kinds: [MeetingKind; 6],
    organizers: Vec<(Uuid, String)>,
    orgs: Vec<Organization>,
}

impl NewPage {
    fn invited(&self, id: &Uuid) -> bool {
        self.form.diundang.iter().any(|d| *d == id.to_string())
    }
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    form: MeetingForm,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    let organizers = organizers(user);
    if organizers.is_empty() {
        return Err(AppError::Forbidden(
            crate::i18n::t("musyawarah-dicatat-oleh-penyelenggaranya-kecamatan-perangkat").into(),
        ));
    }
    Ok(NewPage {
        nav: Nav::for_user(user),
        form,
        errors,
        kinds: MeetingKind::ALL,
        organizers,
        orgs: orgs::list(&state.db, &user.region_kode).await?,
    })
}

async fn new_form(State(state): State<AppState>, user: CurrentUser) -> Result<Response, AppError> {
    Ok(new_page(
        &state,
        &user,
        MeetingForm::default(),
        FieldErrors::default(),
    )
    .await?
    .into_response())
}

async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(f): Form<MeetingForm>,
) -> Result<Response, AppError> {
    let page = new_page(
        &state,
        &user,
        MeetingForm::default(),
        FieldErrors::default(),
    )
    .await?;
    let mine: Vec<Uuid> = page.organizers.iter().map(|(id, _)| *id).collect();
    let all: Vec<Uuid> = page.orgs.iter().map(|o| o.id).collect();
    let m = match f.check(&mine, &all) {
        Ok(m) => m,
        Err(errors) => {
            let page = NewPage {
                form: f,
                errors,
                ..page
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    authorize(
        &user,
        Action::RecordMeeting {
            region: &user.region_kode,
            organizer: m.organizer,
        },
    )?;
    let id = crate::store::atomic(&state.db, async |tx| {
        store::create(tx, user.id, &user.region_kode, &m).await
    })
    .await?;
    Ok(Redirect::to(&format!("/musyawarah/{id}")).into_response())
}

async fn meeting(state: &AppState, id: Uuid) -> Result<Meeting, AppError> {
    store::get(&state.db, id).await?.ok_or(AppError::NotFound)
}

#[derive(Template, WebTemplate)]
#[template(path = "meetings/show.html")]
pub(crate) struct ShowPage {
    nav: Nav,
    m: Meeting,
    invitees: Vec<String>,
    attendance: Vec<Attendee>,
    /// Names shown (the region's people), or only organizations.
    names: bool,
    decisions: Vec<Decided>,
    can_record: bool,
    /// Proposals this person may decide here, with the steps open to them.
    open: Vec<(Proposal, Vec<(&'static str, &'static str)>)>,
    errors: FieldErrors,
    attendee: AttendeeForm,
    minutes_typed: Option<String>,
    alert: Option<String>,
    /// A refused decision.
    refused: Option<RefusedDecision>,
}

/// A decision refused: the proposal, its note as typed, and why.
struct RefusedDecision {
    nomor: String,
    note: String,
    why: String,
}

impl ShowPage {
    fn kind(&self) -> &'static str {
        kind_label(&self.m.kind)
    }
    fn date(&self) -> String {
        crate::domain::musrenbang::tanggal(self.m.held_on)
    }
    /// The note typed for `nomor` when its decision was refused, and why.
    fn refused_for(&self, nomor: &str) -> Option<(&str, &str)> {
        self.refused
            .as_ref()
            .filter(|r| r.nomor == nomor)
            .map(|r| (r.note.as_str(), r.why.as_str()))
    }

    fn minutes(&self) -> &str {
        self.minutes_typed.as_deref().unwrap_or(&self.m.minutes)
    }
    /// Attendance by organization: (organization, how many).
    fn by_org(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for a in &self.attendance {
            match out.iter_mut().find(|(o, _)| *o == a.org_name) {
                Some((_, n)) => *n += 1,
                None => out.push((a.org_name.clone(), 1)),
            }
        }
        out
    }
}

const STEPS: [(&str, &str, Step); 3] = [
    ("teruskan", "Teruskan", Step::Teruskan),
    ("verifikasi", "Verifikasi", Step::Verifikasi),
    ("tolak", "Tolak", Step::Tolak),
];

/// The proposals of the meeting's area still open, with the steps this
/// person may take on each (a kecamatan's meeting: its kecamatan).
async fn open_here(
    state: &AppState,
    user: &CurrentUser,
    m: &Meeting,
) -> Result<Vec<(Proposal, Vec<(&'static str, &'static str)>)>, AppError> {
    let filter = Filter {
        region: Some(m.region_kode.clone()),
        kecamatan: m.organizer_wilayah.clone(),
        ..Filter::default()
    };
    Ok(proposals::open(&state.db, &filter)
        .await?
        .into_iter()
        .filter_map(|p| {
            let steps: Vec<_> = STEPS
                .iter()
                .filter(|(_, _, st)| {
                    can(
                        user,
                        Action::ActOnProposal {
                            p: pref(&p),
                            step: *st,
                        },
                    )
                    .is_ok()
                })
                .map(|(k, l, _)| (*k, *l))
                .collect();
            (!steps.is_empty()).then_some((p, steps))
        })
        .take(300)
        .collect())
}

/// The meeting's page again, as `edit` leaves it (a refused form with what
/// was typed, an alert), answered with `status`.
async fn again(
    state: &AppState,
    user: &CurrentUser,
    m: Meeting,
    status: StatusCode,
    edit: impl FnOnce(&mut ShowPage),
) -> Result<Response, AppError> {
    let mut page = show_page(state, Some(user), m).await?;
    edit(&mut page);
    Ok((status, page).into_response())
}

pub(crate) async fn show_page(
    state: &AppState,
    user: Option<&CurrentUser>,
    m: Meeting,
) -> Result<ShowPage, AppError> {
    let can_record = user.is_some_and(|u| {
        can(
            u,
            Action::RecordMeeting {
                region: &m.region_kode,
                organizer: m.organizer_org_id,
            },
        )
        .is_ok()
    });
    let names = user.is_some_and(|u| {
        can(
            u,
            Action::SeeMeetingAttendees {
                region: &m.region_kode,
            },
        )
        .is_ok()
    });
    let open = match user {
        Some(u) if can_record => open_here(state, u, &m).await?,
        _ => Vec::new(),
    };
    Ok(ShowPage {
        nav: Nav::for_visitor(user),
        invitees: store::invitees(&state.db, &m.region_kode, m.id).await?,
        attendance: store::attendance(&state.db, &m.region_kode, m.id).await?,
        names,
        decisions: store::decisions(&state.db, &m.region_kode, m.id).await?,
        can_record,
        open,
        errors: FieldErrors::default(),
        attendee: AttendeeForm::default(),
        minutes_typed: None,
        alert: None,
        refused: None,
        m,
    })
}

async fn show(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let m = meeting(&state, id).await?;
    Ok(show_page(&state, user.as_ref(), m).await?.into_response())
}

/// The meeting, if this person records it.
async fn recordable(state: &AppState, user: &CurrentUser, id: Uuid) -> Result<Meeting, AppError> {
    let m = meeting(state, id).await?;
    authorize(
        user,
        Action::RecordMeeting {
            region: &m.region_kode,
            organizer: m.organizer_org_id,
        },
    )?;
    Ok(m)
}

async fn attend(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<AttendeeForm>,
) -> Result<Response, AppError> {
    let m = recordable(&state, &user, id).await?;
    let (name, org) = match f.check() {
        Ok(x) => x,
        Err(errors) => {
            return again(&state, &user, m, StatusCode::UNPROCESSABLE_ENTITY, |page| {
                (page.errors, page.attendee) = (errors, f)
            })
            .await;
        }
    };
    crate::store::atomic(&state.db, async |tx| {
        store::add_attendee(tx, user.id, &m, &name, &org).await
    })
    .await?;
    Ok(Redirect::to(&format!("/musyawarah/{id}#hadir")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MinutesForm {
    notulen: String,
    version: i32,
}

async fn minutes(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<MinutesForm>,
) -> Result<Response, AppError> {
    let m = recordable(&state, &user, id).await?;
    let text = f.notulen.trim().to_string();
    if text.chars().count() > 20_000 {
        return again(&state, &user, m, StatusCode::UNPROCESSABLE_ENTITY, |page| {
            page.errors = FieldErrors::single(
                "notulen",
                crate::i18n::t("notulen-paling-panjang-20-000-karakter"),
            );
            page.minutes_typed = Some(f.notulen);
        })
        .await;
    }
    let saved = crate::store::atomic(&state.db, async |tx| {
        store::set_minutes(tx, user.id, &m, f.version, &text).await
    })
    .await?;
    if !saved {
        let fresh = meeting(&state, id).await?;
        return again(&state, &user, fresh, StatusCode::CONFLICT, |page| {
            page.minutes_typed = Some(f.notulen);
            page.alert = Some(crate::i18n::t("notulen-baru-saja-diubah-orang-lain").into());
        })
        .await;
    }
    Ok(Redirect::to(&format!("/musyawarah/{id}#notulen")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DecideForm {
    nomor: String,
    langkah: String,
    alasan: String,
    version: i32,
}

/// Why the step may not be taken at this meeting, if it may not: the
/// proposal outside the organizer's area, a step its status does not
/// allow, the level's Musrenbang window closed, a refusal without reason.
async fn judged(
    state: &AppState,
    m: &Meeting,
    p: &Proposal,
    st: Step,
    reason: &str,
) -> Result<Option<String>, AppError> {
    if let Some(area) = &m.organizer_wilayah
        && !p.wilayah_kode.starts_with(&format!("{area}."))
    {
        return Ok(Some(crate::i18n::tf!(
            "usulan-ini-di-luar-wilayah",
            a1 = m.organizer_name
        )));
    }
    if let Err(why) = proposal::next(p.status, st) {
        return Ok(Some(why));
    }
    let window = crate::domain::musrenbang::Tahap::of_step(p.status, st);
    if let Some(t) = window
        && let Some(why) =
            crate::web::musrenbang::refusal(state, &p.region_kode, p.target_year, t).await?
    {
        return Ok(Some(why));
    }
    Ok(proposal::check_reason(st, reason).err())
}

/// A decision taken at the meeting: the proposal moves on as from its own
/// page, with the meeting named in its timeline.
async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Form(f): Form<DecideForm>,
) -> Result<Response, AppError> {
    let m = recordable(&state, &user, id).await?;
    let p = proposals::by_nomor_in(&state.db, &m.region_kode, &f.nomor)
        .await?
        .ok_or(AppError::NotFound)?;
    let st = chosen_step(&user, &p, &f.langkah)?;
    let refusal = match st {
        None => Some(crate::i18n::t("pilih-keputusan-teruskan-verifikasi-atau-tolak").to_string()),
        Some(st) => judged(&state, &m, &p, st, &f.alasan).await?,
    };
    if let Some(why) = refusal {
        return again(&state, &user, m, StatusCode::UNPROCESSABLE_ENTITY, |page| {
            page.alert = Some(format!("{}: {why}", p.nomor));
            page.refused = Some(RefusedDecision {
                nomor: p.nomor.clone(),
                note: f.alasan.clone(),
                why,
            });
        })
        .await;
    }
    let Some(st) = st else {
        return Err(AppError::NotFound);
    };
    let done = act_at_meeting(&state, &user, &m, &p, st, &f).await?;
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/musyawarah/{id}#keputusan")).into_response()),
        Err(crate::store::SaveError::Conflict) => {
            let why = crate::i18n::tf!("baru-saja-diproses-orang-lain-tidak", a1 = p.nomor);
            again(&state, &user, m, StatusCode::CONFLICT, |page| {
                page.alert = Some(why)
            })
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// The step chosen on the form, once the user may take it on `p`.
fn chosen_step(user: &CurrentUser, p: &Proposal, langkah: &str) -> Result<Option<Step>, AppError> {
    // At a meeting: forward, verify or refuse (accepting into the RKPD
    // and deferring need their own forms, on the proposal's page).
    let st = STEPS
        .iter()
        .find(|(k, _, _)| *k == langkah)
        .map(|(_, _, st)| *st);
    if let Some(st) = st {
        authorize(
            user,
            Action::ActOnProposal {
                p: pref(p),
                step: st,
            },
        )?;
    }
    Ok(st)
}

/// The proposal moved on by the step, with the meeting named, in one
/// transaction; a conflict when someone else moved it first.
async fn act_at_meeting(
    state: &AppState,
    user: &CurrentUser,
    m: &Meeting,
    p: &Proposal,
    st: Step,
    f: &DecideForm,
) -> Result<Result<(), crate::store::SaveError>, AppError> {
    let to = proposal::next(p.status, st).map_err(AppError::Forbidden)?;
    let reason = f.alasan.trim().chars().take(2000).collect::<String>();
    let d = Decision {
        reject_reason: (st == Step::Tolak).then(|| reason.clone()),
        meeting: Some(m.id),
        ..Decision::default()
    };
    let org = proposal_actor(user, &pref(p));
    let done = crate::store::atomic(&state.db, async |tx| {
        proposals::act(tx, user.id, org, p, f.version, to, &reason, &d).await
    })
    .await;
    Ok(done)
}

#[derive(Template, WebTemplate)]
#[template(path = "meetings/print.html")]
struct PrintPage {
    p: ShowPage,
}

async fn print(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let m = meeting(&state, id).await?;
    let p = show_page(&state, user.as_ref(), m).await?;
    Ok(PrintPage { p }.into_response())
}

async fn xlsx(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let m = meeting(&state, id).await?;
    let p = show_page(&state, user.as_ref(), m).await?;
    let bytes = crate::export::meeting::xlsx(
        &p.m,
        kind_label(&p.m.kind),
        &p.invitees,
        &p.attendance,
        p.names,
        &p.decisions,
    )
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(crate::web::download(
        &["berita-acara", &crate::format::slug(&p.m.title)],
        "xlsx",
        crate::web::XLSX,
        bytes,
    ))
}
